// Runs the real built app through tauri-driver (+ WebKitWebDriver) on a fresh temporary data
// dir and a temporary HOME, so nothing reaches the real app-data folder. Must itself run
// under `xvfb-run -a dbus-run-session` (see the Makefile's `e2e` target).

import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { Session, sleep } from './webdriver.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const targetDir = process.env.CARGO_TARGET_DIR ?? path.join(repo, 'target');
export const APP = process.env.CHIBO_E2E_APP ?? path.join(targetDir, 'debug', 'sotaychibo');
export const CLI = path.join(path.dirname(APP), 'chibo');
export const ARTIFACTS = path.join(repo, 'tests', 'artifacts');
const IDENTIFIER = 'vn.sotaychibo.app';
/** The "today" every journey runs on, unless it pins another (the app's `CHIBO_TODAY`). */
export const TODAY = '2026-11-27';
/** How long a closed app may take to exit before a relaunch would hand over to it. */
const APP_EXIT_TIMEOUT_MS = 20000;

/** The app-data folder a real user's app would use; tests must never write there. */
export const REAL_APP_DATA = path.join(
  process.env.XDG_DATA_HOME ?? path.join(homedir(), '.local', 'share'),
  IDENTIFIER,
);

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Whether an app still owns its single-instance name on the session bus: a process that is
 * exiting is gone from /proc's view (no exe, no environ) a moment before its bus connection
 * closes, and a launch in that moment hands over to it. `false` without a session bus. */
function singleInstanceNameOwned() {
  if (!process.env.DBUS_SESSION_BUS_ADDRESS) return false;
  try {
    const names = execFileSync(
      'dbus-send',
      [
        '--session',
        '--dest=org.freedesktop.DBus',
        '--type=method_call',
        '--print-reply',
        '/org/freedesktop/DBus',
        'org.freedesktop.DBus.ListNames',
      ],
      { encoding: 'utf8', timeout: 5000 },
    );
    return names.includes(`"${IDENTIFIER}.SingleInstance`);
  } catch {
    return false;
  }
}

function snapshot(dir) {
  return existsSync(dir) ? readdirSync(dir, { recursive: true }).sort().join('\n') : null;
}

/** The app processes running on `dataDir` (`roots`), and every process they spawned (`all`). */
export function appProcesses(dataDir) {
  const all = readdirSync('/proc').filter((p) => /^\d+$/.test(p));
  const parent = new Map();
  for (const pid of all) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      parent.set(pid, stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    } catch {
      // gone meanwhile
    }
  }
  const roots = all.filter((pid) => {
    try {
      const environ = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
      const exe = readlinkSync(`/proc/${pid}/exe`);
      return environ.includes(`CHIBO_DATA_DIR=${dataDir}`) && exe.endsWith('sotaychibo');
    } catch {
      return false;
    }
  });
  const found = new Set(roots);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, ppid] of parent) {
      if (found.has(ppid) && !found.has(pid)) {
        found.add(pid);
        grew = true;
      }
    }
  }
  return { roots, all: [...found] };
}

/** Removes a temporary tree; WebKit's helper processes may still be flushing caches into
 * it for a moment, and a leftover temp folder must not fail a journey. */
export function removeTree(dir) {
  try {
    rmSync(dir, { recursive: true, force: true, maxRetries: 20, retryDelay: 250 });
  } catch (error) {
    console.warn(`could not remove ${dir}: ${error.message}`);
  }
}

/** One hermetic app environment: a data dir and HOME of its own, a tauri-driver of its own. */
export class AppEnv {
  /** `extraEnv` reaches the app (e.g. the e2e answers of the file dialogs, another
   * `CHIBO_TODAY`). The app's clock is pinned, and reading the real one makes it panic. */
  static async create(name, extraEnv = {}) {
    const env = new AppEnv();
    env.name = name;
    env.root = mkdtempSync(path.join(tmpdir(), `chibo-e2e-${name}-`));
    env.dataDir = path.join(env.root, 'data');
    env.home = path.join(env.root, 'home');
    mkdirSync(env.home, { recursive: true });
    env.today = extraEnv.CHIBO_TODAY ?? TODAY;
    env.realAppDataBefore = snapshot(REAL_APP_DATA);
    env.port = await freePort();
    env.nativePort = await freePort();
    env.driver = spawn(
      'tauri-driver',
      ['--port', String(env.port), '--native-port', String(env.nativePort)],
      {
        env: {
          ...process.env,
          CHIBO_DATA_DIR: env.dataDir,
          HOME: env.home,
          XDG_DATA_HOME: path.join(env.home, '.local', 'share'),
          XDG_CONFIG_HOME: path.join(env.home, '.config'),
          XDG_CACHE_HOME: path.join(env.home, '.cache'),
          CHIBO_TODAY: TODAY,
          CHIBO_FORBID_REAL_CLOCK: '1',
          ...extraEnv,
        },
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    env.driverLog = '';
    env.driver.stderr.on('data', (chunk) => (env.driverLog += chunk));
    env.base = `http://127.0.0.1:${env.port}`;
    await env.waitForDriver();
    return env;
  }

  async waitForDriver() {
    for (let i = 0; i < 100; i++) {
      try {
        const response = await fetch(`${this.base}/status`);
        if (response.ok) return;
      } catch {
        // not listening yet
      }
      await sleep(100);
    }
    throw new Error(`tauri-driver did not start: ${this.driverLog}`);
  }

  /** Waits until no app process of this environment runs: a launch while the last one still
   * holds the single-instance lock would hand over to it and never open a window. */
  async waitForAppExit() {
    const until = Date.now() + APP_EXIT_TIMEOUT_MS;
    for (;;) {
      const pids = appProcesses(this.dataDir).roots;
      if (pids.length === 0 && !singleInstanceNameOwned()) return;
      if (Date.now() > until) {
        throw new Error(
          `the app of the last launch is still running ${APP_EXIT_TIMEOUT_MS / 1000} s after ` +
            `it was closed (${pids.length > 0 ? `pid ${pids.join(', ')}` : 'its single-instance name is still on the session bus'}); ` +
            'a new launch would hand over to it',
        );
      }
      await sleep(100);
    }
  }

  /** Runs the `chibo` command line on this environment's data dir and "today" (to set up
   * what a journey starts from); returns what it printed. */
  cli(...args) {
    return execFileSync(CLI, ['--data-dir', this.dataDir, '--today', this.today, ...args], {
      env: { ...process.env, HOME: this.home, CHIBO_FORBID_REAL_CLOCK: '1' },
      encoding: 'utf8',
    });
  }

  /** Launches the app; the first screen is up when this returns. */
  async launch() {
    if (!existsSync(APP)) throw new Error(`the app is not built: ${APP} (run make e2e)`);
    await this.waitForAppExit();
    const session = await Session.start(this.base, APP).catch((error) => {
      error.message += `\ntauri-driver said: ${this.driverLog.slice(-2000)}`;
      throw error;
    });
    this.session = session;
    return session;
  }

  async quit() {
    await this.session?.end();
    this.session = null;
    await this.waitForAppExit();
  }

  /** Runs a journey step; on failure saves a screenshot to tests/artifacts/. */
  async step(label, body) {
    try {
      return await body(this.session);
    } catch (error) {
      if (this.session) {
        mkdirSync(ARTIFACTS, { recursive: true });
        const file = path.join(ARTIFACTS, `${this.name}-${label.replace(/\W+/g, '-')}.png`);
        await this.session
          .screenshot()
          .then((png) => writeFileSync(file, png))
          .catch(() => {});
        error.message += `\n(screenshot: ${file})`;
      }
      throw error;
    }
  }

  /** Paths the app wrote outside the data dir that a real user would see. */
  leaks() {
    const leaked = [];
    const homeAppData = path.join(this.home, '.local', 'share', IDENTIFIER);
    if (existsSync(homeAppData)) leaked.push(homeAppData);
    if (snapshot(REAL_APP_DATA) !== this.realAppDataBefore) leaked.push(REAL_APP_DATA);
    return leaked;
  }

  async dispose() {
    await this.quit();
    const running = this.driver.exitCode === null && this.driver.signalCode === null;
    const exited = new Promise((resolve) => (running ? this.driver.once('exit', resolve) : resolve()));
    this.driver.kill();
    await exited;
    removeTree(this.root);
  }
}

/** Runs one journey in an environment of its own: nothing is carried over from another
 * journey, and the app must have written nothing outside its data dir. */
export async function journey(name, extraEnv, body) {
  const env = await AppEnv.create(name, extraEnv);
  let leaks;
  try {
    await body(env);
  } finally {
    leaks = env.leaks();
    await env.dispose();
  }
  assert.deepEqual(leaks, [], 'the app wrote outside its data dir');
}
