// What the whole UI shares: the data folder's summary (branches, preferences) and the
// operations that change it. One instance per App, handed down through context.

import { createContext } from 'svelte';
import type { AppInfo, Branch, BranchInput, BranchSummary, Prefs, RestoreReport } from './bindings';
import * as ipc from './ipc';

export type StartupStatus = 'loading' | 'ready' | 'failed';

export class AppState {
  status = $state<StartupStatus>('loading');
  startupError = $state<ipc.IpcError | null>(null);
  info = $state<AppInfo | null>(null);
  /** Bumped when the data was replaced (a restore): every screen is then shown anew. */
  generation = $state(0);
  /** The restore just done, kept across the reload for the settings screen to report it. */
  restoreReport = $state.raw<RestoreReport | null>(null);
  /** How many of the backend's notices the user has put away (its list only grows). */
  noticesDismissed = $state(0);

  /** Branches in Vietnamese order, as the backend returns them. */
  branches = $derived<Branch[]>(this.info?.branches.map((summary) => summary.branch) ?? []);

  /** The current branch's summary: its figures and its next meeting. */
  currentSummary = $derived<BranchSummary | null>(
    this.info?.branches.find((summary) => summary.branch.id === this.info?.prefs.current_branch_id) ??
      null,
  );

  currentBranch = $derived<Branch | null>(this.currentSummary?.branch ?? null);

  textScale = $derived(this.info?.prefs.text_scale ?? 100);

  /** The app's "today" (ISO), from the backend's clock; empty before the start. */
  get today(): string {
    return this.info?.today ?? '';
  }

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

  /** Reads the summary again, e.g. for the next meeting after the meetings changed. */
  async refresh(): Promise<void> {
    this.info = await ipc.appInfo();
  }

  /**
   * After the data was replaced (a restore): reads it all again and shows every screen anew
   * (branch list, current branch, the screen shown), keeping `report` for the settings screen.
   * On failure the app shows the startup error page.
   */
  async reload(report: RestoreReport | null = null): Promise<void> {
    this.restoreReport = report;
    try {
      this.info = await ipc.appInfo();
      this.generation += 1;
    } catch (raw) {
      this.startupError = ipc.toIpcError(raw);
      this.status = 'failed';
    }
  }

  /** The report of the restore just done, once: whoever shows it takes it. */
  takeRestoreReport(): RestoreReport | null {
    const report = this.restoreReport;
    this.restoreReport = null;
    return report;
  }

  private setPrefs(prefs: Prefs): void {
    if (this.info) this.info.prefs = prefs;
  }

  /** Creates a branch and makes it the current one. */
  async createBranch(input: BranchInput): Promise<Branch> {
    const branch = await ipc.createBranch(input);
    await ipc.selectBranch(branch.id);
    await this.refresh();
    return branch;
  }

  /** Creates the demo branch (the backend selects it). */
  async createDemo(): Promise<void> {
    await ipc.createDemo();
    await this.refresh();
  }

  async updateBranch(id: number, input: BranchInput): Promise<void> {
    await ipc.updateBranch(id, input);
    // A new name may change the Vietnamese order of the list.
    await this.refresh();
  }

  async selectBranch(id: number): Promise<void> {
    this.setPrefs(await ipc.selectBranch(id));
  }

  async setTextScale(percent: number): Promise<void> {
    this.setPrefs(await ipc.setTextScale(percent));
  }
}

export const [getAppState, setAppState] = createContext<AppState>();
