// A data folder the app cannot use opens a clear Vietnamese error screen and is left as is.

import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { AppEnv } from './harness.mjs';

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
