// Minutes journey in the real app: attach files to the latest held meeting, write its draft
// minutes (saved as you type), approve them, see them locked, and export them as PDF and
// DOCX through the (e2e-answered) save dialog, opened afterwards (e2e-recorded); print the
// meeting's notice, which carries its own number and issue date.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';

import { AppEnv, removeTree } from './harness.mjs';

const saveDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chibo-e2e-minutes-out-'));
const pickDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chibo-e2e-minutes-in-'));
const scan = path.join(pickDir, 'Biên bản đã ký tháng 11.pdf');
const photo = path.join(pickDir, 'Ảnh buổi họp.jpg');
fs.writeFileSync(scan, '%PDF-1.7 bản quét');
fs.writeFileSync(photo, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]));
const openLog = path.join(saveDir, 'opened.log');
let env;
before(async () => {
  env = await AppEnv.create('minutes', {
    CHIBO_E2E_SAVE_DIR: saveDir,
    CHIBO_E2E_PICK_FILES: [scan, photo].join(path.delimiter),
    CHIBO_E2E_OPEN_LOG: openLog,
  });
});
after(async () => {
  const leaks = env.leaks();
  await env.dispose();
  removeTree(saveDir);
  removeTree(pickDir);
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
  });

  await env.step('attach-files', async () => {
    // The demo attached the meeting notice; two more files at once.
    await app.waitItem('attachment-row', (r) => r.text.includes('Thông báo họp chi bộ.docx'));
    await app.click('attach-files');
    await app.waitItem('attachment-row', (r) => r.text.includes('Biên bản đã ký tháng 11.pdf'));
    await app.waitItem('attachment-row', (r) => r.text.includes('Ảnh buổi họp.jpg'));
    const stored = fs.readdirSync(path.join(env.dataDir, 'attachments'));
    assert.equal(stored.filter((f) => f.endsWith('.pdf')).length, 1, stored.join(', '));
    // Opened from the data folder's copy, not from where it was picked.
    const rows = await app.list('attachment-open');
    assert.equal(rows.length, 3);
    await app.clickNth('attachment-open', 1);
    for (let i = 0; i < 50 && !fs.existsSync(openLog); i++) await sleep(100);
    const opened = fs.readFileSync(openLog, 'utf8').trim().split('\n');
    assert.ok(opened.at(-1).startsWith(path.join(env.dataDir, 'attachments')), opened.at(-1));
  });

  await env.step('open-minutes', async () => {
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
    const opened = fs.readFileSync(openLog, 'utf8');
    assert.ok(opened.includes(path.join(saveDir, pdf)), `opened after export: ${opened}`);
    const text = execFileSync('pdftotext', [path.join(saveDir, pdf), '-'], { encoding: 'utf8' });
    assert.match(text, /ĐẢNG CỘNG SẢN VIỆT NAM/);
    assert.match(text, /Chi bộ thôn Bản Chắt|CHI BỘ THÔN BẢN CHẮT/);
  });

  await env.step('the-notice-prints-with-its-own-number-and-date', async () => {
    // The demo issued it five days ahead of the meeting.
    await app.waitText('notice-issue', (t) => t.includes('ra ngày 31/10/2026'));
    const number = (await app.text('notice-issue')).match(/Số (\d+-TB\/CB)/)?.[1];
    assert.ok(number, await app.text('notice-issue'));
    await app.click('export-notice-docx');
    await app.waitText('minutes-export-notice', (t) => t.includes('thong-bao'));
    const docx = fs.readdirSync(saveDir).find((f) => f.startsWith('thong-bao') && f.endsWith('.docx'));
    const xml = execFileSync('unzip', ['-p', path.join(saveDir, docx), 'word/document.xml'], {
      encoding: 'utf8',
    });
    assert.ok(xml.includes(`Số ${number}`), 'the number printed');
    assert.match(xml, /ngày 31 tháng 10 năm 2026/);
    assert.doesNotMatch(xml, /Tân Thành, ngày 05 tháng 11 năm 2026/, 'not the meeting date');
  });
});
