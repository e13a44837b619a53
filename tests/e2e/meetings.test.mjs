// Meetings journey in the real app, on a pinned "today" (27/11/2026): plan a year (twice:
// nothing is duplicated), reopen March's approved minutes, take its roll call again with
// every status and check the live counters, see a member's third unexcused absence raise
// the flag on the overview, then record his exemption backdated before February: the
// approved February roll call stays as approved, its minutes print the same text as before
// the change, and the member page says so.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { AppEnv, removeTree } from './harness.mjs';

const saveDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chibo-e2e-meetings-out-'));
let env;
before(async () => {
  env = await AppEnv.create('meetings', { CHIBO_E2E_SAVE_DIR: saveDir });
});
after(async () => {
  const leaks = env.leaks();
  await env.dispose();
  removeTree(saveDir);
  assert.deepEqual(leaks, [], 'the app wrote outside its data dir');
});

/** Opens February's regular meeting from the meetings screen. */
async function openFebruary(app) {
  await app.click('nav-meetings');
  await app.waitFor('meetings-screen');
  const february = await app.waitItem(
    'meeting-row-',
    (r) => r.text.includes('05/02/2026') && /thường kỳ/i.test(r.text),
  );
  await app.clickRow(february.testid);
  await app.waitFor('meeting-page');
}

/** Exports February's approved minutes as DOCX; the text of its body. */
async function februaryMinutesText(app) {
  await openFebruary(app);
  await app.click('meeting-minutes');
  await app.waitFor('minutes-editor');
  await app.waitText('minutes-status', (t) => t.includes('Đã thông qua'));
  for (const file of fs.readdirSync(saveDir)) fs.rmSync(path.join(saveDir, file));
  await app.click('open-after-export');
  await app.click('export-minutes-docx');
  await app.waitText('minutes-export-notice', (t) => t.includes('.docx'));
  const docx = fs.readdirSync(saveDir).find((f) => f.endsWith('.docx'));
  assert.ok(docx, 'the minutes were written');
  const xml = execFileSync('unzip', ['-p', path.join(saveDir, docx), 'word/document.xml'], {
    encoding: 'utf8',
  });
  return xml.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
}

const number = async (app, id) => Number((await app.text(id)).replace(/\D/g, ''));
const idOf = (testid) => Number(testid.split('-').at(-1));

test('plan a year, take the March roll call, and a third unexcused absence is flagged', async () => {
  const app = await env.launch();
  await env.step('demo', async () => {
    await app.click('setup-demo');
    await app.waitFor('overview-screen');
    const warnings = await app.list('warning-');
    const paoWarning = warnings.find((w) => w.text.includes('Vàng A Páo'));
    assert.ok(paoWarning, 'the demo member with two unexcused absences is warned');
    assert.match(paoWarning.text, /trong 2 tháng của năm/);
  });

  await env.step('plan-next-year-twice', async () => {
    await app.click('nav-meetings');
    await app.waitFor('meetings-screen');
    await app.waitText('meetings-year', (t) => t.includes('2026'));
    await app.click('meetings-year-next');
    await app.waitText('meetings-year', (t) => t.includes('2027'));
    await app.click('meetings-plan');
    await app.waitFor('plan-dialog');
    await app.click('plan-submit');
    await app.waitText('plan-result', (t) => t.includes('16'));
    assert.equal((await app.list('meeting-row-')).length, 16);
    await app.click('meetings-plan');
    await app.waitFor('plan-dialog');
    await app.click('plan-submit');
    await app.waitText('plan-result', (t) => t.includes('đã đủ'));
    assert.equal((await app.list('meeting-row-')).length, 16);
  });

  await env.step('open-march', async () => {
    await app.click('meetings-year-prev');
    await app.waitText('meetings-year', (t) => t.includes('2026'));
    const march = await app.waitItem(
      'meeting-row-',
      (r) => r.text.includes('05/03/2026') && /thường kỳ/i.test(r.text),
    );
    await app.clickRow(march.testid);
    await app.waitFor('meeting-page');
    // March's minutes are approved, which locks its roll call: reopen them as a new version.
    await app.click('meeting-minutes');
    await app.waitFor('minutes-editor');
    await app.waitFor('minutes-locked');
    await app.click('minutes-amend');
    await app.type('amend-reason', 'Sửa điểm danh ghi nhầm');
    await app.click('amend-confirm');
    await app.waitText('minutes-status', (t) => t.includes('Nháp'));
    await app.click('minutes-back');
    await app.waitFor('meeting-page');
    await app.click('meeting-roll-call');
    await app.waitFor('roll-call-screen');
  });

  await env.step('roll-call-with-every-status', async () => {
    // Summoned members come first; the exempted are listed after them, apart.
    const total = await number(app, 'roll-count-summoned');
    const summoned = (await app.list('roll-row-')).slice(0, total);
    const ids = summoned.map((r) => idOf(r.testid));
    const pao = summoned.find((r) => r.text.includes('Vàng A Páo'));
    assert.ok(pao, 'Vàng A Páo is summoned in March');
    const others = ids.filter((id) => id !== idOf(pao.testid));
    const [late, early, excused, ...present] = others;
    await app.click(`roll-mark-${late}-late`);
    await app.click(`roll-mark-${early}-left_early`);
    await app.click(`roll-mark-${excused}-excused`);
    await app.type(`roll-reason-${excused}`, 'Đi viện chăm mẹ ốm');
    await app.click(`roll-mark-${idOf(pao.testid)}-unexcused`);
    for (const id of present) await app.click(`roll-mark-${id}-present`);

    await app.waitText('roll-count-absent-unexcused', (t) => t === '1');
    await app.waitText('roll-count-absent-excused', (t) => t === '1');
    await app.waitText('roll-count-unmarked', (t) => t === '0');
    const presentOfficial = await number(app, 'roll-count-present-official');
    const presentProbationary = await number(app, 'roll-count-present-probationary');
    assert.equal(presentOfficial + presentProbationary, total - 2);
    // The rate is cut (not rounded) to one decimal: "81,8%", or "85%" when exact.
    const tenths = Math.floor(((total - 2) * 1000) / total);
    const exact = ((total - 2) * 100) % total === 0;
    const rate = exact ? `${tenths / 10}%` : `${Math.floor(tenths / 10)},${tenths % 10}%`;
    await app.waitText('roll-count-percent', (t) => t === rate);
    const denominator = await number(app, 'roll-count-denominator');
    const exemptedPresent = await number(app, 'roll-count-present-exempted');
    const probationaryRows = summoned.filter((r) => /dự bị/i.test(r.text)).length;
    // The excused member's reason is accepted: they leave the denominator.
    assert.equal(denominator, total - probationaryRows - 1 + exemptedPresent);
    await app.click('roll-save');
    await app.waitFor('roll-saved');
  });

  await env.step('third-absence-flag', async () => {
    await app.click('nav-overview');
    await app.waitFor('overview-screen');
    const warnings = await app.list('warning-');
    const flag = warnings.find(
      (w) => w.text.includes('Vàng A Páo') && w.text.includes('trong 3 tháng của năm'),
    );
    assert.ok(flag, `the flag in ${warnings.map((w) => w.text).join(' | ')}`);
  });

  let approvedText = '';
  await env.step('export-approved-february-minutes', async () => {
    approvedText = await februaryMinutesText(app);
    assert.match(approvedText, /Vàng A Páo/);
  });

  await env.step('backdated-exemption-leaves-approved-meetings', async () => {
    await app.click('nav-roster');
    await app.type('roster-search', 'vang a pao');
    const row = await app.waitItem('roster-row-', (r) => r.text.includes('Vàng A Páo'));
    await app.clickRow(row.testid);
    await app.waitFor('member-page');
    await app.click('record-status');
    await app.waitFor('status-form');
    await app.choose('status-kind', 'exempted');
    await app.type('status-start', '01/02/2026');
    await app.type('status-reference', '12-QĐ/CB');
    await app.click('status-save');
    // February's minutes are approved: kept as approved, and the user is told so.
    await app.waitText('roster-change-notice', (t) => t.includes('giữ nguyên danh sách và số liệu'));
    assert.match(await app.text('roster-change-notice'), /05\/02\/2026/);
  });

  await env.step('february-minutes-print-the-same', async () => {
    assert.equal(await februaryMinutesText(app), approvedText);
  });

  await env.step('february-roll-call-is-frozen', async () => {
    await openFebruary(app);
    await app.click('meeting-roll-call');
    await app.waitFor('roll-call-screen');
    await app.waitText('roll-locked', (t) => t.includes('như lúc thông qua'));
    const total = await number(app, 'roll-count-summoned');
    const summoned = (await app.list('roll-row-')).slice(0, total);
    assert.ok(
      summoned.some((r) => r.text.includes('Vàng A Páo')),
      'the approved sheet still summons Vàng A Páo as he was then',
    );
  });
});
