// A data folder the app cannot use opens a clear Vietnamese error screen and is left as is;
// a damaged database is replaced by the newest backup only when the user asks.

import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { AppEnv, journey } from './harness.mjs';


let env;
before(async () => {
  env = await AppEnv.create('startup');
});
after(async () => {
  await env.dispose();
});

test('a database file that is not SQLite shows the error screen and stays untouched', async () => {
  mkdirSync(env.dataDir, { recursive: true });
  const db = path.join(env.dataDir, 'chibo.sqlite3');
  const junk = 'Đây không phải cơ sở dữ liệu. '.repeat(40);
  writeFileSync(db, junk);
  const app = await env.launch();
  await env.step('corrupt-db', async () => {
    await app.waitFor('startup-error');
    assert.equal(await app.text('startup-error-code'), 'corrupt');
    assert.match(await app.text('startup-error'), /không phải SQLite/);
    assert.equal(await app.exists('setup-screen'), false);
  });
  assert.equal(readFileSync(db, 'utf8'), junk);
});

/** Damages b-tree pages in the middle of the file, as a failing disk would. */
function flipPages(file) {
  const bytes = readFileSync(file);
  const pages = Math.floor(bytes.length / 4096);
  for (let n = Math.floor(pages / 3); n < Math.min(pages, Math.floor(pages / 3) + 4); n++) {
    for (let i = 0; i < 12; i++) bytes[n * 4096 + i] ^= 0xa5;
  }
  writeFileSync(file, bytes);
}

test('a damaged database is detected at start and replaced by the newest backup on request', async () => {
  // One app at a time: a second one would hand over to the first (single instance).
  await env.quit();
  // Its own environment, disposed even when a step fails (a driver left running would
  // hold the suite).
  await journey('startup-restore', {}, async (restoring) => {
    const data = restoring.dataDir;
    restoring.cli('demo');
    const backup = path.join(data, 'backups', 'chibo-2026-11-27-073000.sqlite3');
    mkdirSync(path.dirname(backup), { recursive: true });
    // The app never writes into its own backups folder on request: the copy is made
    // beside the data folder and put there as the daily backup would be.
    const made = path.join(path.dirname(data), 'ban-sao.sqlite3');
    restoring.cli('backup', '--out', made);
    copyFileSync(made, backup);
    rmSync(made);
    const db = path.join(data, 'chibo.sqlite3');
    flipPages(db);
    const damaged = readFileSync(db);
    const app = await restoring.launch();
    await restoring.step('damaged-db-offers-backup', async () => {
      await app.waitFor('startup-error');
      assert.equal(await app.text('startup-error-code'), 'corrupt');
      assert.match(await app.text('startup-error'), /bị hỏng/);
      assert.match(await app.text('startup-restore'), /27\/11\/2026 07:30/);
      assert.ok(readFileSync(db).equals(damaged), 'nothing touched before the user says so');
    });
    await restoring.step('restore-and-open', async () => {
      await app.click('startup-restore');
      await app.click('restore-confirm');
      await app.waitText('restore-report', (t) => t.includes('1 chi bộ, 26 đảng viên'), 20000);
      await app.click('startup-open');
      await app.waitFor('overview-screen');
      const aside = readdirSync(path.join(data, 'backups')).filter((f) => f.startsWith('hong-'));
      assert.ok(aside.some((f) => f.endsWith('.sqlite3')), aside.join(', '));
    });
  });
});
