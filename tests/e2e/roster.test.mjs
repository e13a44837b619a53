// Roster journey in the real app: add a member, find them typing without accents, record
// their exemption, and the summary counts change.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { AppEnv } from './harness.mjs';

let env;
before(async () => {
  env = await AppEnv.create('roster');
});
after(async () => {
  const leaks = env.leaks();
  await env.dispose();
  assert.deepEqual(leaks, [], 'the app wrote outside its data dir');
});

const count = async (app, id) => Number(await app.text(id));

test('a new member is found without accents and an exemption moves them in the counts', async () => {
  const app = await env.launch();
  await env.step('demo', async () => {
    await app.click('setup-demo');
    await app.waitFor('overview-screen');
    await app.click('nav-roster');
    await app.waitFor('roster-table');
    await app.waitText('count-total', (t) => t === '25');
  });
  const before = {
    total: await count(app, 'count-total'),
    official: await count(app, 'count-official'),
    exempted: await count(app, 'count-exempted'),
  };
  await env.step('add-member', async () => {
    await app.click('add-member');
    await app.type('member-full_name', 'Phùng Thị Đoàn');
    await app.type('member-birth_date', '14/02/1986');
    await app.type('member-admitted_on', '03/02/2012');
    await app.type('member-official_on', '03/02/2013');
    await app.click('member-save');
    await app.waitText('count-total', (t) => Number(t) === before.total + 1);
    assert.equal(await count(app, 'count-official'), before.official + 1);
  });
  await env.step('search-without-accents', async () => {
    await app.type('roster-search', 'phung thi doan');
    await app.waitFor('roster-table');
    const rows = await app.cmd('POST', '/elements', {
      using: 'css selector',
      value: '[data-testid^="roster-row-"]',
    });
    assert.equal(rows.length, 1);
    const text = await app.cmd('GET', `/element/${Object.values(rows[0])[0]}/text`);
    assert.match(text, /Phùng Thị Đoàn/);
    const nameCell = await app.cmd('POST', `/element/${Object.values(rows[0])[0]}/element`, {
      using: 'css selector',
      value: 'td.name',
    });
    await app.cmd('POST', `/element/${Object.values(nameCell)[0]}/click`, {});
    await app.waitFor('member-page');
    assert.equal(await app.text('member-name'), 'Phùng Thị Đoàn');
  });
  await env.step('record-exemption', async () => {
    await app.click('record-status');
    await app.waitFor('status-form');
    await app.choose('status-kind', 'exempted');
    await app.type('status-start', '01/11/2026');
    await app.type('status-reference', '45-QĐ/CB');
    await app.click('status-save');
    await app.waitText('member-standing', (t) => t.includes('Miễn sinh hoạt'));
  });
  await env.step('counts-changed', async () => {
    await app.click('back-to-roster');
    await app.waitFor('roster-table');
    await app.waitText('count-exempted', (t) => Number(t) === before.exempted + 1);
    assert.equal(await count(app, 'count-official'), before.official);
    assert.equal(await count(app, 'count-total'), before.total + 1);
  });
});
