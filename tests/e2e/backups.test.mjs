// Backup journey in the real app: back up now (e2e-answered save dialog), add a member,
// restore the backup (e2e-answered open dialog), and the member is gone with the app
// saying what it restored. Meanwhile: the app and its web processes listen on no port
// other than the inspector port WebKitWebDriver itself asks the webview to open for the
// test (WEBKIT_INSPECTOR_SERVER, set by the driver; a user's app never has it).

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';


import { APP, AppEnv, TODAY, appProcesses, removeTree } from './harness.mjs';

const saveDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chibo-e2e-backups-out-'));
const picked = path.join(saveDir, 'bản sao lưu đã chọn.sqlite3');
let env;
before(async () => {
  env = await AppEnv.create('backups', {
    CHIBO_E2E_SAVE_DIR: saveDir,
    CHIBO_E2E_OPEN_FILE: picked,
  });
});
after(async () => {
  const leaks = env.leaks();
  await env.dispose();
  removeTree(saveDir);
  assert.deepEqual(leaks, [], 'the app wrote outside its data dir');
});

/** The processes started for this data dir (the app and the WebKit processes it spawns). */
/** Socket inodes in LISTEN state (TCP) or bound (UDP), from /proc/net, with their port. */
function listeningInodes() {
  const inodes = new Map();
  for (const [file, state] of [
    ['tcp', '0A'],
    ['tcp6', '0A'],
    ['udp', '07'],
    ['udp6', '07'],
  ]) {
    const lines = fs.readFileSync(`/proc/net/${file}`, 'utf8').trim().split('\n').slice(1);
    for (const line of lines) {
      const cols = line.trim().split(/\s+/);
      if (cols[3] === state) inodes.set(cols[9], parseInt(cols[1].split(':')[1], 16));
    }
  }
  return inodes;
}

function socketsOf(pid) {
  try {
    return fs
      .readdirSync(`/proc/${pid}/fd`)
      .map((fd) => {
        try {
          return fs.readlinkSync(`/proc/${pid}/fd/${fd}`);
        } catch {
          return '';
        }
      })
      .map((link) => /^socket:\[(\d+)\]$/.exec(link)?.[1])
      .filter(Boolean);
  } catch {
    return [];
  }
}

test('back up, change, restore: the change is gone and the app says what it restored', async () => {
  const app = await env.launch();
  await env.step('demo', async () => {
    await app.click('setup-demo');
    await app.waitFor('overview-screen');
  });

  await env.step('no-listening-socket', async () => {
    const { roots, all } = appProcesses(env.dataDir);
    assert.equal(roots.length, 1, `the app process: ${roots}`);
    const environ = fs.readFileSync(`/proc/${roots[0]}/environ`, 'utf8').split('\0');
    const inspector = environ.find((e) => e.startsWith('WEBKIT_INSPECTOR_SERVER='));
    const driverPort = Number(inspector?.split(':').at(-1));
    const listening = listeningInodes();
    const ports = all.flatMap((pid) =>
      socketsOf(pid)
        .filter((inode) => listening.has(inode))
        .map((inode) => listening.get(inode)),
    );
    // The detector sees the driver's own inspector port, so it would see any other.
    assert.ok(ports.includes(driverPort), `driver port ${driverPort} among ${ports}`);
    const own = ports.filter((port) => port !== driverPort);
    assert.deepEqual(own, [], `ports listened on by processes ${all.join(', ')}`);
  });

  await env.step('second-instance', async () => {
    // A second window on the same data: it hands over to the first one and exits.
    const second = spawnSync(APP, [], {
      env: { ...process.env, CHIBO_DATA_DIR: env.dataDir, HOME: env.home, CHIBO_TODAY: TODAY },
      timeout: 20000,
      encoding: 'utf8',
    });
    assert.equal(second.error, undefined, `the second instance did not exit: ${second.error}`);
    assert.equal(second.status, 0, second.stderr);
    assert.equal(appProcesses(env.dataDir).roots.length, 1, 'the first app is still running');
    await app.waitFor('overview-screen');
  });

  await env.step('automatic-backup-at-start', async () => {
    // Taken in the background once the window shows.
    const automatic = (f) => /^chibo-\d{4}-\d{2}-\d{2}-\d{6}\.sqlite3$/.test(f);
    let files = [];
    for (let i = 0; i < 100 && !files.some(automatic); i++) {
      files = fs.readdirSync(path.join(env.dataDir, 'backups'));
      if (!files.some(automatic)) await new Promise((r) => setTimeout(r, 100));
    }
    assert.ok(files.some(automatic), files.join(', '));
  });

  await env.step('back-up-now', async () => {
    await app.click('nav-settings');
    await app.waitFor('backup-section');
    await app.click('backup-now');
    await app.waitText('backup-section', (t) => t.includes('Đã sao lưu và kiểm tra'), 20000);
    const saved = fs.readdirSync(saveDir).find((f) => f.endsWith('.sqlite3'));
    assert.ok(saved, fs.readdirSync(saveDir).join(', '));
    fs.copyFileSync(path.join(saveDir, saved), picked);
  });

  await env.step('add-member', async () => {
    await app.click('nav-roster');
    await app.waitText('count-total', (t) => t === '25');
    await app.click('add-member');
    await app.type('member-full_name', 'Đinh Thị Sẽ Mất');
    await app.type('member-birth_date', '14/02/1986');
    await app.type('member-admitted_on', '03/02/2012');
    await app.type('member-official_on', '03/02/2013');
    await app.click('member-save');
    await app.waitText('count-total', (t) => t === '26');
  });

  await env.step('restore', async () => {
    await app.click('nav-settings');
    await app.click('restore-from-file');
    await app.click('restore-confirm');
    const report = await app.waitText('restore-report', (t) => t.includes('Đã khôi phục'), 20000);
    assert.match(report, /25 đảng viên|26 đảng viên/);
    const safety = fs
      .readdirSync(path.join(env.dataDir, 'backups'))
      .filter((f) => f.startsWith('truoc-khoi-phuc-'));
    assert.equal(safety.length, 1, 'a safety copy of the data before the restore');
  });

  await env.step('change-gone', async () => {
    await app.click('nav-roster');
    await app.waitText('count-total', (t) => t === '25');
  });
});
