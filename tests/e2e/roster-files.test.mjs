// Spreadsheet journeys in the real app: an import with a bad row is blocked, the corrected
// file imports in one go, and the roster exports to a real .xlsx. The native file dialogs
// are answered by the `e2e` build from CHIBO_E2E_OPEN_FILE / CHIBO_E2E_SAVE_DIR.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';

import { journey, removeTree } from './harness.mjs';

const files = mkdtempSync(path.join(tmpdir(), 'chibo-e2e-files-'));
const importFile = path.join(files, 'danh sách mới.csv');
const saveDir = path.join(files, 'xuất');
mkdirSync(saveDir);

const HEADER = 'STT,Họ và tên,Ngày sinh,Ngày vào Đảng,Ngày chính thức,Số thẻ đảng viên';
const writeCsv = (rows) => writeFileSync(importFile, '\uFEFF' + [HEADER, ...rows].join('\r\n') + '\r\n');

const dialogs = { CHIBO_E2E_OPEN_FILE: importFile, CHIBO_E2E_SAVE_DIR: saveDir };
after(() => removeTree(files));

test('an import with a wrong date is blocked, the corrected file imports every row', () =>
  journey('roster-import', dialogs, async (env) => {
    const app = await env.launch();
    await env.step('demo', async () => {
      await app.click('setup-demo');
      await app.waitFor('overview-screen');
      await app.click('nav-roster');
      await app.waitText('count-total', (t) => t === '25');
    });
    writeCsv([
      '1,Ma Văn Khánh,12/05/1990,03/02/2015,03/02/2016,93020001',
      '2,Hà Thị Nguyệt,31/02/1992,10/10/2016,10/10/2017,93020002',
    ]);
    await env.step('preview-with-problem', async () => {
      await app.click('import-members');
      await app.click('import-pick');
      await app.waitFor('import-counts');
      assert.match(await app.text('import-counts'), /1 dòng có lỗi/);
      assert.match(await app.text('import-row-3'), /31\/02\/1992/);
      const confirm = await app.waitFor('import-confirm');
      assert.equal(await app.cmd('GET', `/element/${confirm}/enabled`), false);
    });
    writeCsv([
      '1,Ma Văn Khánh,12/05/1990,03/02/2015,03/02/2016,93020001',
      '2,Hà Thị Nguyệt,28/02/1992,10/10/2016,10/10/2017,93020002',
    ]);
    await env.step('repick-and-import', async () => {
      await app.click('import-repick');
      await app.waitText('import-counts', (t) => /2 dòng hợp lệ/.test(t));
      await app.click('import-confirm');
      await app.waitText('import-result', (t) => /Đã nhập 2 đảng viên mới/.test(t));
      await app.click('import-close');
      await app.waitText('count-total', (t) => t === '27');
    });
}));

test('the roster exports to an xlsx file with every diacritic', () =>
  journey('roster-export', dialogs, async (env) => {
    env.cli('demo');
    const app = await env.launch();
    await env.step('export', async () => {
      await app.waitFor('overview-screen');
      await app.click('nav-roster');
      await app.waitText('count-total', (t) => t === '25');
      await app.click('export-roster');
      await app.click('export-roster-xlsx');
      const done = await app.waitText('export-done', (t) => t.includes('.xlsx'));
      const written = done.slice(done.indexOf(saveDir));
      assert.ok(existsSync(written), `exported file ${written}`);
      const strings = execFileSync('unzip', ['-p', written, 'xl/sharedStrings.xml'], {
        encoding: 'utf8',
      });
      assert.match(strings, /Chi bộ thôn Bản Chắt/);
      assert.match(strings, /Lường Thị Hạnh/);
    });
}));
