// Runs the real built app through tauri-driver (+ WebKitWebDriver) on a fresh temporary data
// dir and a temporary HOME, so nothing reaches the real app-data folder. Must itself run
// under `xvfb-run -a dbus-run-session` (see the Makefile's `e2e` target).

import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { Session, sleep } from './webdriver.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const targetDir = process.env.CARGO_TARGET_DIR ?? path.join(repo, 'target');
export const APP = process.env.CHIBO_E2E_APP ?? path.join(targetDir, 'debug', 'sotaychibo');
export const ARTIFACTS = path.join(repo, 'tests', 'artifacts');
const IDENTIFIER = 'vn.sotaychibo.app';

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

function snapshot(dir) {
  return existsSync(dir) ? readdirSync(dir, { recursive: true }).sort().join('\n') : null;
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
  /** `extraEnv` reaches the app (e.g. the e2e answers of the file dialogs). */
  static async create(name, extraEnv = {}) {
    const env = new AppEnv();
    env.name = name;
    env.root = mkdtempSync(path.join(tmpdir(), `chibo-e2e-${name}-`));
    env.dataDir = path.join(env.root, 'data');
    env.home = path.join(env.root, 'home');
    mkdirSync(env.home, { recursive: true });
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

  /** Launches the app; the first screen is up when this returns. */
  async launch() {
    if (!existsSync(APP)) throw new Error(`the app is not built: ${APP} (run make e2e)`);
    const session = await Session.start(this.base, APP);
    this.session = session;
    return session;
  }

  async quit() {
    await this.session?.end();
    this.session = null;
    await sleep(300);
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
