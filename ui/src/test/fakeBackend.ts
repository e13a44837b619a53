// An in-memory stand-in for the Rust commands, installed through mockIPC. Only for the UI
// unit tests; the end-to-end tests drive the real backend.

import { mockIPC } from '@tauri-apps/api/mocks';
import type { AppInfo, Branch, BranchInput, RuleSettings, VersionedSettings } from '../lib/bindings';

export const DEFAULT_SETTINGS: RuleSettings = {
  attendance_warning_percent: { value: 85, basis: 'HD 12-HD/BTCTW (18/01/2018)' },
  quorum_warning_percent: { value: 67, basis: 'Không có quy định chung; mức cảnh báo tự đặt' },
  unexcused_absence_warning: { value: 2, basis: 'QĐ 24-QĐ/TW (2021), mục 8' },
  unexcused_absence_flag: { value: 3, basis: 'QĐ 24-QĐ/TW (2021), mục 8' },
  excused_absences_in_a_row: { value: 3, basis: 'HD 12-HD/BTCTW (18/01/2018)' },
  min_meeting_minutes: { value: 90, basis: 'HD 42-HD/BTCTW (28/10/2025)' },
  min_combined_meeting_minutes: { value: 120, basis: 'HD 42-HD/BTCTW (28/10/2025)' },
  excellent_cap_percent: { value: 20, basis: 'HD 21-HD/BTCTW (2019)' },
  minutes_numbering_reset: { value: 'per_term', basis: 'HD 36-HD/VPTW (03/4/2018)' },
};

export const DEMO_INPUT: BranchInput = {
  name: 'Chi bộ thôn Bản Chắt',
  parent_name: 'Đảng bộ xã Tân Thành',
  place: 'Tân Thành',
  term_start: '2025-08-01',
  term_end: '2030-07-31',
};

type Args = Record<string, unknown>;

export interface Call {
  command: string;
  args: Args;
}

export class FakeBackend {
  branches: Branch[] = [];
  currentId: number | null = null;
  textScale = 100;
  settings = new Map<number, VersionedSettings>();
  calls: Call[] = [];
  /** Rejections to give instead of answering, by command. */
  failures = new Map<string, unknown>();
  private nextId = 1;

  constructor(inputs: BranchInput[] = []) {
    for (const input of inputs) this.addBranch(input);
    this.currentId = this.branches[0]?.id ?? null;
    mockIPC((command, args) => this.handle(command, (args ?? {}) as Args));
  }

  callsTo(command: string): Args[] {
    return this.calls.filter((call) => call.command === command).map((call) => call.args);
  }

  private addBranch(input: BranchInput): Branch {
    const branch: Branch = { id: this.nextId++, ...input };
    this.branches.push(branch);
    this.settings.set(branch.id, {
      version: 1,
      changed_at: '2026-01-01T08:00:00',
      settings: structuredClone(DEFAULT_SETTINGS),
    });
    return branch;
  }

  private info(): AppInfo {
    return {
      data_dir: '/home/bithu/.local/share/vn.sotaychibo.app',
      schema_version: 1,
      branches: this.branches.map((branch) => ({
        branch,
        settings_versions: this.settings.get(branch.id)?.version ?? 0,
      })),
      prefs: { text_scale: this.textScale, current_branch_id: this.currentId },
    };
  }

  private prefs() {
    return this.info().prefs;
  }

  private handle(command: string, args: Args): unknown {
    this.calls.push({ command, args });
    if (this.failures.has(command)) throw this.failures.get(command);
    switch (command) {
      case 'app_info':
        return this.info();
      case 'create_branch':
        return this.addBranch(args.input as BranchInput);
      case 'create_demo': {
        const branch = this.addBranch(DEMO_INPUT);
        this.currentId = branch.id;
        return branch;
      }
      case 'select_branch':
        this.currentId = args.branchId as number;
        return this.prefs();
      case 'set_text_scale':
        this.textScale = args.percent as number;
        return this.prefs();
      case 'branch_settings':
        return this.settings.get(args.branchId as number);
      case 'update_settings': {
        const id = args.branchId as number;
        const next: VersionedSettings = {
          version: (this.settings.get(id)?.version ?? 0) + 1,
          changed_at: '2026-02-05T09:30:00',
          settings: args.settings as RuleSettings,
        };
        this.settings.set(id, next);
        return next;
      }
      default:
        throw { code: 'internal', message: `Lệnh chưa có trong bản giả: ${command}`, field: null };
    }
  }
}
