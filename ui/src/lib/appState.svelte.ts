// What the whole UI shares: the data folder's summary (branches, preferences) and the
// operations that change it. One instance per App, handed down through context.

import { createContext } from 'svelte';
import type { AppInfo, Branch, BranchInput, Prefs } from './bindings';
import * as ipc from './ipc';

export type StartupStatus = 'loading' | 'ready' | 'failed';

export class AppState {
  status = $state<StartupStatus>('loading');
  startupError = $state<ipc.IpcError | null>(null);
  info = $state<AppInfo | null>(null);

  /** Branches in Vietnamese order, as the backend returns them. */
  branches = $derived<Branch[]>(this.info?.branches.map((summary) => summary.branch) ?? []);

  currentBranch = $derived<Branch | null>(
    this.branches.find((branch) => branch.id === this.info?.prefs.current_branch_id) ?? null,
  );

  textScale = $derived(this.info?.prefs.text_scale ?? 100);

  /** Reads the data folder's summary; on failure the app shows the startup error page. */
  async start(): Promise<void> {
    this.status = 'loading';
    this.startupError = null;
    try {
      this.info = await ipc.appInfo();
      this.status = 'ready';
    } catch (raw) {
      this.startupError = ipc.toIpcError(raw);
      this.status = 'failed';
    }
  }

  private async reload(): Promise<void> {
    this.info = await ipc.appInfo();
  }

  private setPrefs(prefs: Prefs): void {
    if (this.info) this.info.prefs = prefs;
  }

  /** Creates a branch and makes it the current one. */
  async createBranch(input: BranchInput): Promise<Branch> {
    const branch = await ipc.createBranch(input);
    await ipc.selectBranch(branch.id);
    await this.reload();
    return branch;
  }

  /** Creates the demo branch (the backend selects it). */
  async createDemo(): Promise<void> {
    await ipc.createDemo();
    await this.reload();
  }

  async updateBranch(id: number, input: BranchInput): Promise<void> {
    await ipc.updateBranch(id, input);
    // A new name may change the Vietnamese order of the list.
    await this.reload();
  }

  async selectBranch(id: number): Promise<void> {
    this.setPrefs(await ipc.selectBranch(id));
  }

  async setTextScale(percent: number): Promise<void> {
    this.setPrefs(await ipc.setTextScale(percent));
  }
}

export const [getAppState, setAppState] = createContext<AppState>();
