// A minimal W3C WebDriver client over fetch: just what the journeys need, no dependency.
// Elements are found by data-testid only.

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

export class WebDriverError extends Error {}

/** How long the app may take to open its window at session start, on a busy machine. */
const SESSION_START_TIMEOUT_MS = 120000;

async function call(base, method, path, body, timeout) {
  const response = await fetch(base + path, {
    method,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: timeout === undefined ? undefined : AbortSignal.timeout(timeout),
  }).catch((error) => {
    if (error.name !== 'TimeoutError') throw error;
    throw new WebDriverError(`${method} ${path}: no answer within ${timeout / 1000} s`);
  });
  const payload = await response.json().catch(() => ({}));
  if (!response.ok) {
    const detail = payload?.value?.message ?? response.statusText;
    throw new WebDriverError(`${method} ${path}: ${detail}`);
  }
  return payload.value;
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export class Session {
  constructor(base, id) {
    this.base = base;
    this.id = id;
  }

  /** Starts the app through tauri-driver. Do not send browserName (tauri-driver refuses it). */
  static async start(base, application) {
    const value = await call(
      base,
      'POST',
      '/session',
      { capabilities: { alwaysMatch: { 'tauri:options': { application } } } },
      SESSION_START_TIMEOUT_MS,
    ).catch((error) => {
      error.message += ' (the app did not open its window: see the driver log)';
      throw error;
    });
    return new Session(base, value.sessionId);
  }

  cmd(method, path, body) {
    return call(this.base, method, `/session/${this.id}${path}`, body);
  }

  async end() {
    await this.cmd('DELETE', '').catch(() => {});
  }

  async find(testid) {
    const found = await this.cmd('POST', '/elements', {
      using: 'css selector',
      value: `[data-testid="${testid}"]`,
    });
    return found.length ? found[0][ELEMENT] : null;
  }

  /** Waits until the element exists (and is displayed), returning its id. */
  async waitFor(testid, timeout = 10000) {
    const until = Date.now() + timeout;
    for (;;) {
      const id = await this.find(testid);
      if (id && (await this.cmd('GET', `/element/${id}/displayed`))) return id;
      if (Date.now() > until) throw new WebDriverError(`no element [data-testid="${testid}"]`);
      await sleep(100);
    }
  }

  async waitGone(testid, timeout = 10000) {
    const until = Date.now() + timeout;
    while (await this.find(testid)) {
      if (Date.now() > until) throw new WebDriverError(`[data-testid="${testid}"] still shown`);
      await sleep(100);
    }
  }

  /** Every element whose test id starts with `prefix`, in document order: {testid, text}. */
  async list(prefix) {
    const found = await this.cmd('POST', '/elements', {
      using: 'css selector',
      value: `[data-testid^="${prefix}"]`,
    });
    const items = [];
    for (const element of found) {
      const id = element[ELEMENT];
      items.push({
        testid: await this.cmd('GET', `/element/${id}/attribute/data-testid`),
        text: await this.cmd('GET', `/element/${id}/text`),
      });
    }
    return items;
  }

  /** Waits until an element listed under `prefix` satisfies `predicate`; returns it. */
  async waitItem(prefix, predicate, timeout = 10000) {
    const until = Date.now() + timeout;
    for (;;) {
      // The list may re-render while it is read (a search still being applied): try again.
      const items = await this.list(prefix).catch((error) => {
        if (/was not found|stale/i.test(error.message)) return [];
        throw error;
      });
      const found = items.find(predicate);
      if (found) return found;
      if (Date.now() > until) throw new WebDriverError(`no [data-testid^="${prefix}"] as expected`);
      await sleep(100);
    }
  }

  async exists(testid) {
    return (await this.find(testid)) !== null;
  }

  async click(testid) {
    const id = await this.waitFor(testid);
    await this.cmd('POST', `/element/${id}/click`, {});
  }

  /** Clicks the `n`-th (from 0) element with this test id, in document order. */
  async clickNth(testid, n) {
    const found = await this.cmd('POST', '/elements', {
      using: 'css selector',
      value: `[data-testid="${testid}"]`,
    });
    if (!found[n]) throw new WebDriverError(`no element ${n} of [data-testid="${testid}"]`);
    await this.cmd('POST', `/element/${found[n][ELEMENT]}/click`, {});
  }

  /** Clicks a table row through its first cell (WebKit's driver cannot click a `tr`). */
  async clickRow(testid) {
    const row = await this.waitFor(testid);
    const cell = await this.cmd('POST', `/element/${row}/element`, {
      using: 'css selector',
      value: 'td',
    });
    await this.cmd('POST', `/element/${cell[ELEMENT]}/click`, {});
  }

  /** Picks the option of value `value` in the select `testid`. */
  async choose(testid, value) {
    const select = await this.waitFor(testid);
    const option = await this.cmd('POST', `/element/${select}/element`, {
      using: 'css selector',
      value: `option[value="${value}"]`,
    });
    await this.cmd('POST', `/element/${option[ELEMENT]}/click`, {});
  }

  async type(testid, text) {
    const id = await this.waitFor(testid);
    await this.cmd('POST', `/element/${id}/clear`, {});
    await this.cmd('POST', `/element/${id}/value`, { text });
  }

  async text(testid) {
    const id = await this.waitFor(testid);
    return this.cmd('GET', `/element/${id}/text`);
  }

  /** Waits until the element's text satisfies `predicate`; returns the text. */
  async waitText(testid, predicate, timeout = 10000) {
    const until = Date.now() + timeout;
    for (;;) {
      const text = await this.text(testid).catch(() => '');
      if (predicate(text)) return text;
      if (Date.now() > until) {
        throw new WebDriverError(`[data-testid="${testid}"] text was "${text}"`);
      }
      await sleep(100);
    }
  }

  async screenshot() {
    return Buffer.from(await this.cmd('GET', '/screenshot'), 'base64');
  }
}
