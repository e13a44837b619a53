// Foundation journeys in the real app: first start and validation, restart on the same data,
// a second branch and switching between branches, the text size kept across restarts. Each
// journey starts from a data dir of its own (set up with the `chibo` command line).

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { journey } from './harness.mjs';

const BRANCH = 'Chi bộ thôn Bản Chắt';
const PARENT = 'Đảng bộ xã Tân Thành';
const SECOND = 'Chi bộ Trường Tiểu học Đồng Tâm';

const withBranch = (env) => env.cli('init', '--branch', BRANCH, '--parent', PARENT, '--place', 'Tân Thành');

test('first start refuses an empty name in Vietnamese, then shows the branch read back', () =>
  journey('foundation-first-start', {}, async (env) => {
    const app = await env.launch();
    await env.step('setup-empty-name', async () => {
      await app.waitFor('setup-screen');
      await app.click('branch-save');
      assert.equal(await app.text('branch-error-name'), 'Tên chi bộ không được để trống.');
      assert.equal(await app.exists('overview-screen'), false);
    });
    await env.step('setup-fill', async () => {
      await app.type('branch-name', BRANCH);
      await app.type('branch-parent', PARENT);
      await app.type('branch-place', 'Tân Thành');
      await app.type('branch-term-start', '01/08/2025');
      await app.type('branch-term-end', '31/07/2030');
      await app.click('branch-save');
      await app.waitFor('overview-screen');
      assert.equal(await app.text('overview-branch-name'), BRANCH);
      assert.equal(await app.text('overview-parent-name'), PARENT);
      assert.equal(await app.text('overview-term'), '01/08/2025 – 31/07/2030');
    });
  }));

test('after a restart on the same data dir the profile and the text size are still there', () =>
  journey('foundation-restart', {}, async (env) => {
    withBranch(env);
    const first = await env.launch();
    await env.step('text-scale', async () => {
      await first.waitFor('overview-screen');
      await first.click('nav-settings');
      await first.click('text-scale-125');
      await first.waitText('text-scale-125', () => true);
    });
    await env.quit();
    const app = await env.launch();
    await env.step('restart', async () => {
      await app.waitFor('overview-screen');
      assert.equal(await app.text('overview-branch-name'), BRANCH);
      await app.click('nav-settings');
      const pressed = await app.cmd(
        'GET',
        `/element/${await app.waitFor('text-scale-125')}/attribute/aria-pressed`,
      );
      assert.equal(pressed, 'true');
    });
  }));

test('a second branch can be added, switched to and back', () =>
  journey('foundation-branches', {}, async (env) => {
    withBranch(env);
    const app = await env.launch();
    await env.step('add-branch', async () => {
      await app.waitFor('overview-screen');
      await app.click('nav-settings');
      await app.click('add-branch');
      await app.type('branch-name', SECOND);
      await app.type('branch-parent', PARENT);
      await app.type('branch-place', 'Tân Thành');
      await app.click('branch-save');
      await app.waitText('overview-branch-name', (t) => t === SECOND);
    });
    await env.step('switch-back', async () => {
      await app.click('branch-switcher');
      const options = await app.cmd('POST', '/elements', {
        using: 'css selector',
        value: '[data-testid^="branch-option-"]',
      });
      assert.equal(options.length, 2);
      const first = await app.waitFor('branch-option-1');
      await app.cmd('POST', `/element/${first}/click`, {});
      await app.waitText('overview-branch-name', (t) => t === BRANCH);
    });
    await env.step('switch-again', async () => {
      await app.click('branch-switcher');
      await app.click('branch-option-2');
      await app.waitText('overview-branch-name', (t) => t === SECOND);
    });
  }));
