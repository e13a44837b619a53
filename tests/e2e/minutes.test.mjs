// Minutes journey in the real app: write the draft minutes of the latest held meeting (saved
// as you type), approve them, see them locked, and export them as PDF and DOCX through the
// (e2e-answered) save dialog.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { AppEnv, removeTree } from './harness.mjs';

const saveDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chibo-e2e-minutes-out-'));
let env;
before(async () => {
  env = await AppEnv.create('minutes', {
    CHIBO_E2E_TODAY: '2026-11-27',
    CHIBO_E2E_SAVE_DIR: saveDir,
  });
});
after(async () => {
  const leaks = env.leaks();
  await env.dispose();
  removeTree(saveDir);
  assert.deepEqual(leaks, [], 'the app wrote outside its data dir');
});

test('draft minutes are saved as typed, approved, locked and exported', async () => {
  const app = await env.launch();
  await env.step('open-latest-minutes', async () => {
    await app.click('setup-demo');
    await app.waitFor('overview-screen');
    await app.click('nav-meetings');
    // The latest meeting: its minutes are a draft in the demo.
    const november = await app.waitItem(
      'meeting-row-',
      (r) => r.text.includes('05/11/2026') && /chuyên đề/i.test(r.text),
    );
    await app.clickRow(november.testid);
    await app.click('meeting-minutes');
    await app.waitFor('minutes-editor');
    await app.waitText('minutes-status', (t) => t.includes('Nháp'));
  });

  await env.step('type-and-autosave', async () => {
    await app.type('minutes-item-presented-1', 'Đồng chí Bí thư phổ biến Kết luận 21-KL/TW.');
    await app.waitText('minutes-save-state', (t) => t.includes('Đã lưu'), 15000);
  });

  await env.step('approve-and-lock', async () => {
    await app.click('minutes-approve');
    await app.click('confirm-ok');
    await app.waitText('minutes-status', (t) => t.includes('Đã thông qua'));
    await app.waitFor('minutes-locked');
    // Disabled through its fieldset, which only the :disabled selector reports.
    const disabled = await app.cmd('POST', '/execute/sync', {
      script:
        "return document.querySelector('[data-testid=\"minutes-item-presented-1\"]').matches(':disabled')",
      args: [],
    });
    assert.equal(disabled, true, 'an approved minutes cannot be edited');
  });

  await env.step('export-pdf-and-docx', async () => {
    await app.click('export-minutes-pdf');
    await app.waitFor('minutes-export-notice');
    await app.click('export-minutes-docx');
    await app.waitText('minutes-export-notice', (t) => t.includes('.docx'));
    const files = fs.readdirSync(saveDir);
    const pdf = files.find((f) => f.endsWith('.pdf'));
    const docx = files.find((f) => f.endsWith('.docx'));
    assert.ok(pdf && docx, `exported files: ${files.join(', ')}`);
    assert.ok(fs.readFileSync(path.join(saveDir, pdf)).subarray(0, 4).equals(Buffer.from('%PDF')));
    const xml = execFileSync('unzip', ['-p', path.join(saveDir, docx), 'word/document.xml'], {
      encoding: 'utf8',
    });
    assert.match(xml, /CHI BỘ THÔN BẢN CHẮT/);
    assert.match(xml, /Đồng chí Bí thư phổ biến Kết luận 21-KL\/TW/);
    const text = execFileSync('pdftotext', [path.join(saveDir, pdf), '-'], { encoding: 'utf8' });
    assert.match(text, /ĐẢNG CỘNG SẢN VIỆT NAM/);
    assert.match(text, /Chi bộ thôn Bản Chắt|CHI BỘ THÔN BẢN CHẮT/);
  });
});
