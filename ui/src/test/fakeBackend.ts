// An in-memory stand-in for the Rust commands, installed through mockIPC. Only for the UI
// unit tests; the end-to-end tests drive the real backend.

import { mockIPC } from '@tauri-apps/api/mocks';
import type {
  AppInfo,
  Branch,
  BranchInput,
  ImportPreview,
  ImportResult,
  Member,
  MemberDetail,
  MemberInput,
  MemberStatus,
  RosterCounts,
  RosterEntry,
  RosterFilter,
  RosterView,
  RuleSettings,
  Standing,
  StatusInput,
  VersionedSettings,
  Warning,
} from '../lib/bindings';
import { todayIso } from '../lib/dates';
import { emptyMemberInput, splitName } from '../lib/members';

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
  min_admission_age: { value: 18, basis: 'Điều lệ Đảng, Điều 1' },
  probation_months: { value: 12, basis: 'Điều lệ Đảng, Điều 5' },
  official_consideration_working_days: { value: 30, basis: 'Điều lệ Đảng, Điều 5' },
  probation_warning_days: { value: 30, basis: 'Mức nhắc trước tự đặt' },
  status_future_days: { value: 31, basis: 'Mức tự đặt' },
};

/** A member input with the given fields over a blank one (admitted 2000-01-01). */
export function memberInput(fields: Partial<MemberInput>): MemberInput {
  return { ...emptyMemberInput(), admitted_on: '2000-01-01', ...fields };
}

/** Accent-insensitive, đ → d, lower case: a rough stand-in for the backend's search fold. */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}

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
  /** Milliseconds to wait before answering, by command and arguments. */
  delays = new Map<string, (args: Args) => number>();
  members: Member[] = [];
  statuses: MemberStatus[] = [];
  warningList: Warning[] = [];
  /** What the native dialogs answer (null: cancelled). */
  pickedFile: string | null = '/home/bithu/Tài liệu/danh-sach.xlsx';
  templatePath: string | null = '/home/bithu/Tài liệu/mau-danh-sach-dang-vien.xlsx';
  exportPath: string | null = '/home/bithu/Tài liệu/danh-sach-dang-vien.xlsx';
  preview: ImportPreview | null = null;
  /** Rewrites each roster answer (e.g. to give fixed counts). */
  rosterOverride: ((view: RosterView) => RosterView) | null = null;
  importResult: ImportResult = { created: 0, updated: 0, skipped: 0 };
  private nextId = 1;
  private nextMemberId = 1;
  private nextStatusId = 1;

  constructor(inputs: BranchInput[] = []) {
    for (const input of inputs) this.addBranch(input);
    this.currentId = this.branches[0]?.id ?? null;
    mockIPC((command, args) => this.handle(command, (args ?? {}) as Args));
  }

  callsTo(command: string): Args[] {
    return this.calls.filter((call) => call.command === command).map((call) => call.args);
  }

  addMember(fields: Partial<MemberInput>, branchId = 1): Member {
    const input = memberInput(fields);
    const member: Member = {
      ...input,
      id: this.nextMemberId++,
      branch_id: branchId,
      name_parts: input.name_parts ?? splitName(input.full_name),
    };
    this.members.push(member);
    return member;
  }

  addStatus(memberId: number, input: Partial<StatusInput> & Pick<StatusInput, 'kind' | 'start'>): MemberStatus {
    const status: MemberStatus = {
      id: this.nextStatusId++,
      member_id: memberId,
      end: null,
      reference: '',
      note: '',
      ...input,
    };
    this.statuses.push(status);
    return status;
  }

  private statusesOf(memberId: number): MemberStatus[] {
    return this.statuses
      .filter((status) => status.member_id === memberId)
      .sort((a, b) => a.start.localeCompare(b.start));
  }

  private standing(member: Member, asOf: string): { standing: Standing; attached: boolean } {
    if (asOf < member.admitted_on) return { standing: { kind: 'not_on_roll' }, attached: false };
    const started = this.statusesOf(member.id).filter((status) => status.start <= asOf);
    const ended = started.find((status) =>
      ['transferred_out', 'deceased', 'removed', 'expelled'].includes(status.kind),
    );
    if (ended) return { standing: { kind: 'left', status: ended.kind }, attached: false };
    const active = started.filter((status) => status.end === null || status.end >= asOf);
    const attached = active.some((status) => status.kind === 'attached_here');
    if (active.some((status) => status.kind === 'exempted')) return { standing: { kind: 'exempted' }, attached };
    if (active.some((status) => status.kind === 'sent_away')) return { standing: { kind: 'sent_away' }, attached };
    const official = member.official_on !== null && member.official_on <= asOf;
    return { standing: { kind: official ? 'official' : 'probationary' }, attached };
  }

  private roster(branchId: number, asOf: string, search: string, filter: RosterFilter): RosterView {
    const all: RosterEntry[] = this.members
      .filter((member) => member.branch_id === branchId)
      .map((member) => {
        const { standing, attached } = this.standing(member, asOf);
        return { member, standing, attached_here: attached };
      })
      .sort((a, b) =>
        fold(a.member.name_parts.given + ' ' + a.member.full_name).localeCompare(
          fold(b.member.name_parts.given + ' ' + b.member.full_name),
        ),
      );
    const onRoll = (kind: Standing['kind']) =>
      ['official', 'probationary', 'exempted', 'sent_away'].includes(kind);
    const counts: RosterCounts = {
      total: all.filter((entry) => onRoll(entry.standing.kind)).length,
      official: all.filter((entry) => entry.standing.kind === 'official').length,
      probationary: all.filter((entry) => entry.standing.kind === 'probationary').length,
      exempted: all.filter((entry) => entry.standing.kind === 'exempted').length,
      sent_away: all.filter((entry) => entry.standing.kind === 'sent_away').length,
      attached_here: all.filter((entry) => entry.attached_here && onRoll(entry.standing.kind)).length,
    };
    const wanted = (entry: RosterEntry): boolean => {
      const kind = entry.standing.kind;
      switch (filter) {
        case 'on_roll':
          return onRoll(kind);
        case 'former':
          return kind === 'left';
        case 'all':
          return true;
        default:
          return kind === filter;
      }
    };
    const needle = fold(search.trim());
    const entries = all.filter(
      (entry) =>
        wanted(entry) &&
        (needle === '' ||
          fold(entry.member.full_name).includes(needle) ||
          entry.member.card_number.includes(needle)),
    );
    return { as_of: asOf, entries, counts };
  }

  private member(id: number): Member {
    const member = this.members.find((m) => m.id === id);
    if (!member) throw { code: 'not_found', message: 'Không tìm thấy đảng viên.', field: null };
    return member;
  }

  private detail(id: number): MemberDetail {
    const member = this.member(id);
    const { standing, attached } = this.standing(member, todayIso());
    return { member, statuses: this.statusesOf(id), standing, attached_here: attached };
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
        members: this.roster(branch.id, todayIso(), '', 'on_roll').counts,
      })),
      prefs: { text_scale: this.textScale, current_branch_id: this.currentId },
    };
  }

  private prefs() {
    return this.info().prefs;
  }

  private handle(command: string, args: Args): unknown {
    this.calls.push({ command, args });
    const wait = this.delays.get(command)?.(args) ?? 0;
    if (wait > 0) {
      // Answer from the state at the time of the call, later.
      let outcome: { ok: true; value: unknown } | { ok: false; error: unknown };
      try {
        outcome = { ok: true, value: this.answer(command, args) };
      } catch (error) {
        outcome = { ok: false, error };
      }
      return new Promise((resolve, reject) =>
        setTimeout(() => (outcome.ok ? resolve(outcome.value) : reject(outcome.error)), wait),
      );
    }
    return this.answer(command, args);
  }

  private answer(command: string, args: Args): unknown {
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
      case 'roster': {
        const view = this.roster(
          args.branchId as number,
          args.asOf as string,
          args.search as string,
          args.filter as RosterFilter,
        );
        return this.rosterOverride ? this.rosterOverride(view) : view;
      }
      case 'member_detail':
        return this.detail(args.memberId as number);
      case 'create_member':
        return this.addMember(args.input as MemberInput, args.branchId as number);
      case 'update_member': {
        const member = this.member(args.memberId as number);
        const input = args.input as MemberInput;
        Object.assign(member, input, { name_parts: input.name_parts ?? splitName(input.full_name) });
        return member;
      }
      case 'delete_member':
        this.members = this.members.filter((member) => member.id !== args.memberId);
        return null;
      case 'add_status':
        return this.addStatus(args.memberId as number, args.input as StatusInput);
      case 'remove_status':
        this.statuses = this.statuses.filter((status) => status.id !== args.statusId);
        return null;
      case 'recognise_official': {
        const member = this.member(args.memberId as number);
        member.official_on = args.officialOn as string;
        member.official_reference = args.reference as string;
        return member;
      }
      case 'warnings':
        return this.warningList;
      case 'pick_import_file':
        return this.pickedFile;
      case 'preview_import':
        return this.preview;
      case 'commit_import':
        return this.importResult;
      case 'save_import_template':
        return this.templatePath;
      case 'export_roster':
        return this.exportPath;
      default:
        throw { code: 'internal', message: `Lệnh chưa có trong bản giả: ${command}`, field: null };
    }
  }
}
