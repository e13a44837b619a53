// An in-memory stand-in for the Rust commands, installed through mockIPC. Only for the UI
// unit tests; the end-to-end tests drive the real backend.

import { mockIPC } from '@tauri-apps/api/mocks';
import type {
  AppInfo,
  Attachment,
  AttachmentState,
  BackupFile,
  BackupKind,
  BackupPreview,
  BackupSettings,
  Branch,
  BranchInput,
  DatabaseFacts,
  DayRule,
  Document,
  DocumentInput,
  ImportPreview,
  ImportResult,
  MeetingDetail,
  MeetingInput,
  MeetingKind,
  MeetingSummary,
  Member,
  MemberChoice,
  MemberDetail,
  MemberInput,
  MemberStatus,
  MinutesContent,
  MinutesView,
  RestoreReport,
  RollCallCounts,
  RosterCounts,
  RosterEntry,
  RosterFilter,
  RosterView,
  RuleSettings,
  Standing,
  StatusChange,
  StatusInput,
  TasksToReview,
  VersionedSettings,
  Warning,
} from '../lib/bindings';
import { daysInMonth, isoDate, weekdayIndex } from '../lib/dates';
import { formInput, minutesBetween } from '../lib/meetings';
import { emptyMemberInput, splitName } from '../lib/members';

/** The app's "today" in the fake (a Tuesday). */
export const FAKE_TODAY = '2026-03-10';

export const DEFAULT_SETTINGS: RuleSettings = {
  attendance_warning_percent: { value: 85, basis: 'HD 12-HD/BTCTW (18/01/2018)' },
  quorum_warning: {
    value: { numerator: 2, denominator: 3 },
    basis: 'Không có quy định chung; mức cảnh báo tự đặt',
  },
  unexcused_absence_warning: { value: 2, basis: 'QĐ 24-QĐ/TW (2021), mục 8' },
  unexcused_absence_flag: { value: 3, basis: 'QĐ 24-QĐ/TW (2021), mục 8' },
  excused_absences_in_a_row: { value: 3, basis: 'HD 12-HD/BTCTW (18/01/2018)' },
  absence_meetings: {
    value: 'regular',
    basis:
      'QĐ 24-QĐ/TW (2021), mục 8: bỏ sinh hoạt chi bộ ba tháng trong năm; chi bộ sinh hoạt thường kỳ mỗi tháng một lần (Điều lệ Đảng, Điều 24)',
  },
  min_meeting_minutes: { value: 90, basis: 'HD 42-HD/BTCTW (28/10/2025)' },
  min_combined_meeting_minutes: { value: 120, basis: 'HD 42-HD/BTCTW (28/10/2025)' },
  excellent_cap_percent: { value: 20, basis: 'HD 21-HD/BTCTW (2019)' },
  minutes_numbering_reset: { value: 'per_term', basis: 'HD 36-HD/VPTW (03/4/2018)' },
  min_admission_age: { value: 18, basis: 'Điều lệ Đảng, Điều 1' },
  probation_months: { value: 12, basis: 'Điều lệ Đảng, Điều 5' },
  official_consideration_working_days: { value: 30, basis: 'Điều lệ Đảng, Điều 5' },
  probation_warning_days: { value: 30, basis: 'Mức nhắc trước tự đặt' },
  status_future_days: { value: 31, basis: 'Mức tự đặt' },
  attachment_max_megabytes: { value: 100, basis: 'Mức tự đặt' },
  days_off: {
    value: { changes: [] },
    basis: 'Bộ luật Lao động 2019, Điều 112; thông báo nghỉ lễ, Tết hằng năm của Chính phủ',
  },
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
  founded_on: null,
};

/** The agenda every new meeting of the fake starts with, whatever its kind. */
export const FAKE_AGENDA = [
  'Mở đầu: tuyên bố lý do, điểm danh',
  'Nội dung chính',
  'Kết luận; thông qua biên bản',
];

/** A planned meeting with the fake's agenda, over which `fields` are laid. */
function meetingInput(fields: Partial<MeetingInput> = {}): MeetingInput {
  return {
    kind: 'regular',
    title: '',
    date: FAKE_TODAY,
    planned_start: null,
    planned_end: null,
    actual_start: null,
    actual_end: null,
    place: '',
    chair_id: null,
    secretary_id: null,
    guests: [],
    agenda: [...FAKE_AGENDA],
    status: 'planned',
    status_reason: '',
    document_ids: [],
    ...fields,
  };
}

export interface FakeMeeting {
  id: number;
  branch_id: number;
  input: MeetingInput;
  locked_at: string | null;
  /** Roll-call figures of the list (the fake has no roll call). */
  marked: number;
  attended: number;
}

type FakeDocument = Omit<Document, 'meetings'> & { branch_id: number };

/** A file the native multi-file dialog gives. */
export interface PickedFile {
  name: string;
  media_type: string;
  size: number;
}

/** An attachment with the state each check finds: the quick one (`state`) and the full one. */
export type FakeAttachment = Attachment & { verified: AttachmentState };

/** When the fake attaches files. */
export const FAKE_ADDED_AT = '2026-03-10T09:15:42+07:00';

/** The fake's backups folder. */
export const FAKE_BACKUP_FOLDER = '/home/bithu/.local/share/vn.sotaychibo.app/backups';

/** When the fake restores a backup (names the safety copy and the file set aside). */
export const FAKE_RESTORE_AT = '2026-03-10T09:20:00';

/** "2026-03-10T09:15:00" as backup file names write it: "2026-03-10-091500". */
function nameStamp(takenAt: string): string {
  return `${takenAt.slice(0, 10)}-${takenAt.slice(11, 19).replace(/:/g, '')}`;
}

/** A backup's file name as the backend gives it: "chibo-2026-03-10-091500.sqlite3". */
export function backupFileName(kind: BackupKind, takenAt: string): string {
  return `${kind === 'automatic' ? 'chibo-' : 'truoc-khoi-phuc-'}${nameStamp(takenAt)}.sqlite3`;
}

/** When a backup file was taken, from a name with "YYYY-MM-DD-HHMM[SS]" in it; else null. */
function takenAtOf(path: string): string | null {
  const match = /(\d{4}-\d{2}-\d{2})-(\d{2})(\d{2})(\d{2})?/.exec(path.split('/').pop() ?? '');
  return match ? `${match[1]}T${match[2]}:${match[3]}:${match[4] ?? '00'}` : null;
}

function invalid(field: string, message: string): { code: 'validation'; message: string; field: string } {
  return { code: 'validation', message, field };
}

/** Times as the backend answers them: "HH:MM:SS". */
function storedTime(time: string | null): string | null {
  return time !== null && time.length === 5 ? `${time}:00` : time;
}

/** A meeting as the backend stores it: a copy, times "HH:MM:SS". */
function stored(input: MeetingInput): MeetingInput {
  return {
    ...structuredClone(input),
    planned_start: storedTime(input.planned_start),
    planned_end: storedTime(input.planned_end),
    actual_start: storedTime(input.actual_start),
    actual_end: storedTime(input.actual_end),
  };
}

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
  /** What roster_change_notice answers (canned: the fake keeps no roll calls). */
  rosterChangeNotice: string | null = null;
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
  /** The app's "today" (AppInfo.today). */
  today = FAKE_TODAY;
  meetings: FakeMeeting[] = [];
  documentList: FakeDocument[] = [];
  schedulePath: string | null = '/home/bithu/Tài liệu/lich-sinh-hoat-2026.xlsx';
  attachmentList: FakeAttachment[] = [];
  /** What the native multi-file dialog gives (empty: cancelled). */
  pickedAttachments: PickedFile[] = [
    { name: 'Biên bản đã ký.pdf', media_type: 'application/pdf', size: 1572864 },
    { name: 'Ảnh buổi họp.jpg', media_type: 'image/jpeg', size: 12 * 1024 },
  ];
  /** The attachments opened with the system's program, by id. */
  openedAttachments: number[] = [];
  /** Minutes saved, by meeting; a meeting without any answers a first draft of its agenda. */
  minutesContent = new Map<number, MinutesContent>();
  /** The tasks of the previous meeting that each meeting's minutes remind of (none by default). */
  tasksToReview = new Map<number, TasksToReview>();
  /** The backups in the data folder, newest first (see `addBackup`). */
  backups: BackupFile[] = [];
  backupSettings: BackupSettings = { keep_daily: 7, keep_monthly: 12, second_folder: null };
  /** The notices since start (backup overview and app_notices). */
  notices: string[] = [];
  /** What the native folder dialog answers for the second backup folder (null: cancelled). */
  pickedBackupFolder: string | null = '/media/bithu/USB';
  /** Where the native save dialog of "Sao lưu ngay" writes (null: cancelled). */
  backupNowPath: string | null = '/home/bithu/Tài liệu/SoTayChiBo-2026-03-10-0915.sqlite3';
  /** The file the native open dialog gives for "Khôi phục từ tệp khác…" (null: cancelled). */
  pickedBackupFile: string | null = '/home/bithu/Tài liệu/SoTayChiBo-2026-03-01-0800.sqlite3';
  /** What each backup holds, by path; one not listed holds the current data. */
  backupContents = new Map<string, DatabaseFacts>();
  /** Changes the fake's data as restoring the backup at `path` would. */
  onRestore: ((path: string) => void) | null = null;
  /** The backup checked last: the only one restore_backup restores. */
  private previewedBackup: string | null = null;
  private nextId = 1;
  private nextMemberId = 1;
  private nextStatusId = 1;
  private nextMeetingId = 1;
  private nextDocumentId = 1;
  private nextAttachmentId = 1;

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

  addMeeting(
    fields: Partial<MeetingInput> = {},
    extra: Partial<Omit<FakeMeeting, 'id' | 'input'>> = {},
  ): FakeMeeting {
    const meeting: FakeMeeting = {
      id: this.nextMeetingId++,
      branch_id: 1,
      locked_at: null,
      marked: 0,
      attended: 0,
      ...extra,
      input: stored(meetingInput(fields)),
    };
    this.meetings.push(meeting);
    return meeting;
  }

  addDocument(fields: Partial<DocumentInput> = {}, branchId = 1): Document {
    const document: FakeDocument = {
      id: this.nextDocumentId++,
      branch_id: branchId,
      number: '44-KH/TU',
      issued_on: null,
      issuer: '',
      title: 'Kế hoạch học tập chuyên đề năm 2026',
      ...fields,
    };
    this.documentList.push(document);
    return this.documentOut(document);
  }

  /**
   * Attaches a file to a meeting. `state` is what the quick check finds; `verified`, what the
   * full check finds (the same by default: a file altered without changing its size is only
   * found by the full check).
   */
  addAttachment(
    meetingId: number,
    fields: Partial<Omit<FakeAttachment, 'id' | 'meeting_id'>> = {},
  ): FakeAttachment {
    const state = fields.state ?? 'intact';
    const attachment: FakeAttachment = {
      id: this.nextAttachmentId,
      meeting_id: meetingId,
      original_name: 'Biên bản đã ký.pdf',
      media_type: 'application/pdf',
      size: 1572864,
      added_at: FAKE_ADDED_AT,
      sha256: `sha256-${this.nextAttachmentId}`,
      ...fields,
      state,
      verified: fields.verified ?? state,
    };
    this.nextAttachmentId += 1;
    this.attachmentList.push(attachment);
    return attachment;
  }

  /** Adds a backup to the data folder's list (kept newest first). */
  addBackup(takenAt: string, fields: Partial<BackupFile> = {}): BackupFile {
    const kind = fields.kind ?? 'automatic';
    const fileName = fields.file_name ?? backupFileName(kind, takenAt);
    const backup: BackupFile = {
      path: `${FAKE_BACKUP_FOLDER}/${fileName}`,
      file_name: fileName,
      kind,
      taken_at: takenAt,
      size: 1.5 * 1024 * 1024,
      ...fields,
    };
    this.backups = [...this.backups, backup].sort((a, b) => b.taken_at.localeCompare(a.taken_at));
    return backup;
  }

  /** What the fake's data holds now. */
  facts(): DatabaseFacts {
    return {
      schema_version: 1,
      branches: this.branches.map((branch) => branch.name),
      members: this.members.length,
      meetings: this.meetings.length,
      minutes: this.minutesContent.size,
      attachments: this.attachmentList.length,
    };
  }

  private listedBackup(fileName: string): BackupFile {
    const backup = this.backups.find((b) => b.file_name === fileName);
    if (!backup) {
      throw {
        code: 'not_found',
        message: `Không còn bản sao lưu ${fileName} trong thư mục sao lưu.`,
        field: null,
      };
    }
    return backup;
  }

  private setBackupSettings(settings: BackupSettings): BackupSettings {
    if (settings.keep_daily < 1 || settings.keep_daily > 60) {
      throw invalid('keep_daily', 'Số bản sao lưu hằng ngày giữ lại phải từ 1 đến 60.');
    }
    if (settings.keep_monthly > 120) {
      throw invalid('keep_monthly', 'Số bản sao lưu hằng tháng giữ lại phải từ 0 đến 120.');
    }
    const folder = settings.second_folder;
    if (folder !== null && !folder.startsWith('/') && !/^[A-Za-z]:\\/.test(folder)) {
      throw invalid(
        'second_folder',
        'Thư mục sao lưu thứ hai phải là một đường dẫn đầy đủ (ví dụ E:\\).',
      );
    }
    this.backupSettings = { ...settings };
    return this.backupSettings;
  }

  private previewRestore(fileName: string | null): BackupPreview | null {
    const path = fileName === null ? this.pickedBackupFile : this.listedBackup(fileName).path;
    if (path === null) return null;
    this.previewedBackup = null;
    const preview: BackupPreview = {
      path,
      backup_taken_at: this.backups.find((b) => b.path === path)?.taken_at ?? takenAtOf(path),
      found_version: 1,
      facts: this.backupContents.get(path) ?? this.facts(),
    };
    this.previewedBackup = path;
    return preview;
  }

  /** Replaces the data by the backup at `path`; `safetyCopy` is where the data replaced went. */
  private restoreFrom(path: string, safetyCopy: string): RestoreReport {
    this.onRestore?.(path);
    return {
      restored_from: path,
      backup_taken_at: this.backups.find((b) => b.path === path)?.taken_at ?? takenAtOf(path),
      found_version: 1,
      facts: this.backupContents.get(path) ?? this.facts(),
      safety_copy: safetyCopy,
    };
  }

  private restoreBackup(): RestoreReport {
    const path = this.previewedBackup;
    if (path === null) {
      throw invalid('backup', 'Hãy chọn và kiểm tra bản sao lưu trước khi khôi phục.');
    }
    const safety = this.addBackup(FAKE_RESTORE_AT, { kind: 'safety_copy' });
    this.previewedBackup = null;
    return this.restoreFrom(path, safety.path);
  }

  private restoreAtStartup(fileName: string): RestoreReport {
    const backup = this.listedBackup(fileName);
    // The store is open again: app_info answers.
    this.failures.delete('app_info');
    return this.restoreFrom(backup.path, `${FAKE_BACKUP_FOLDER}/hong-${nameStamp(FAKE_RESTORE_AT)}.sqlite3`);
  }

  private attachmentsOf(meetingId: number, check: 'size' | 'hash'): Attachment[] {
    this.meeting(meetingId);
    return this.attachmentList
      .filter((a) => a.meeting_id === meetingId)
      .map(({ verified, ...attachment }) => ({
        ...attachment,
        state: check === 'hash' ? verified : attachment.state,
      }));
  }

  private attachment(id: number): FakeAttachment {
    const attachment = this.attachmentList.find((a) => a.id === id);
    if (!attachment) {
      throw { code: 'not_found', message: `Không tìm thấy tệp đính kèm số ${id}; có thể đã được gỡ.`, field: null };
    }
    return attachment;
  }

  private openAttachment(id: number): null {
    const attachment = this.attachment(id);
    const name = attachment.original_name;
    if (attachment.verified === 'missing') {
      throw {
        code: 'not_found',
        message: `Tệp đính kèm “${name}” không còn trong thư mục dữ liệu (có thể đã bị xóa bằng tay hoặc bởi phần mềm diệt virus). Hãy khôi phục từ bản sao lưu hoặc đính kèm lại.`,
        field: null,
      };
    }
    if (attachment.verified === 'altered') {
      throw {
        code: 'corrupt',
        message: `Tệp đính kèm “${name}” đã bị thay đổi trên đĩa sau khi đính kèm nên không mở. Hãy khôi phục từ bản sao lưu hoặc đính kèm lại bản gốc.`,
        field: null,
      };
    }
    this.openedAttachments.push(id);
    return null;
  }

  private removeAttachment(id: number): null {
    const attachment = this.attachment(id);
    if (this.meeting(attachment.meeting_id).locked_at !== null) {
      throw {
        code: 'locked',
        message:
          'Biên bản của cuộc họp đã được thông qua nên không gỡ được tệp đính kèm. Nếu cần, hãy sửa đổi biên bản trước.',
        field: null,
      };
    }
    this.attachmentList = this.attachmentList.filter((a) => a.id !== id);
    return null;
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
    const { standing, attached } = this.standing(member, this.today);
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
      today: this.today,
      data_dir: '/home/bithu/.local/share/vn.sotaychibo.app',
      schema_version: 1,
      branches: this.branches.map((branch) => ({
        branch,
        settings_versions: this.settings.get(branch.id)?.version ?? 0,
        members: this.roster(branch.id, this.today, '', 'on_roll').counts,
        next_meeting: this.nextMeeting(branch.id),
      })),
      prefs: { text_scale: this.textScale, current_branch_id: this.currentId },
    };
  }

  // ---- Meetings and documents ----

  private meeting(id: number): FakeMeeting {
    const meeting = this.meetings.find((m) => m.id === id);
    if (!meeting) {
      throw { code: 'not_found', message: `Không tìm thấy cuộc họp số ${id}; có thể đã bị xóa.`, field: null };
    }
    return meeting;
  }

  private unlocked(id: number): FakeMeeting {
    const meeting = this.meeting(id);
    if (meeting.locked_at !== null) {
      throw {
        code: 'locked',
        message: 'Biên bản cuộc họp này đã được thông qua; cuộc họp không sửa được nữa.',
        field: null,
      };
    }
    return meeting;
  }

  private byDate(branchId: number): FakeMeeting[] {
    return this.meetings
      .filter((m) => m.branch_id === branchId)
      .sort((a, b) => a.input.date.localeCompare(b.input.date) || a.id - b.id);
  }

  private summary({ id, input, marked, attended, locked_at }: FakeMeeting): MeetingSummary {
    const { kind, title, date, planned_start, place, status, status_reason, agenda } = input;
    return {
      id,
      kind,
      title,
      date,
      planned_start,
      place,
      status,
      status_reason,
      agenda_items: agenda.length,
      marked,
      attended,
      locked: locked_at !== null,
    };
  }

  private meetingDetail(id: number): MeetingDetail {
    const meeting = this.meeting(id);
    const input = structuredClone(meeting.input);
    const { actual_start: start, actual_end: end } = formInput(input);
    return {
      id,
      branch_id: meeting.branch_id,
      meeting: input,
      documents: input.document_ids.map((documentId) => this.documentOut(this.document(documentId))),
      locked_at: meeting.locked_at,
      length_minutes: minutesBetween(start, end),
    };
  }

  private nextMeeting(branchId: number): MeetingSummary | null {
    const next = this.byDate(branchId).find(
      (m) => m.input.date >= this.today && m.input.status === 'planned',
    );
    return next ? this.summary(next) : null;
  }

  /** Stores a checked meeting: the title is required, nothing "held" in the future. */
  private checked(input: MeetingInput): MeetingInput {
    const title = input.title.trim();
    if (title === '') throw invalid('title', 'Chủ đề cuộc họp không được để trống.');
    if (input.status === 'held' && input.date > this.today) {
      throw invalid('status', 'Cuộc họp chưa diễn ra nên chưa thể ghi "đã họp".');
    }
    return stored({ ...input, title });
  }

  /** The regular meeting on the rule's day (off Sundays if asked), a thematic one mid-quarter. */
  private planYear(branchId: number, year: number, rule: DayRule): MeetingSummary[] {
    const existing = this.byDate(branchId).filter((m) => m.input.date.startsWith(`${year}-`));
    const has = (kind: MeetingKind, months: number[]) =>
      existing.some((m) => m.input.kind === kind && months.includes(Number(m.input.date.slice(5, 7))));
    const dateIn = (month: number): string => {
      const day = Math.min(rule.day, daysInMonth(year, month));
      const date = isoDate(year, month, day);
      if (!rule.avoid_sunday || weekdayIndex(date) !== 6) return date;
      if (day < daysInMonth(year, month)) return isoDate(year, month, day + 1);
      return month < 12 ? isoDate(year, month + 1, 1) : isoDate(year + 1, 1, 1);
    };
    const created: FakeMeeting[] = [];
    const add = (kind: MeetingKind, title: string, month: number) =>
      created.push(
        this.addMeeting({ kind, title, date: dateIn(month), planned_start: '07:30' }, { branch_id: branchId }),
      );
    for (let month = 1; month <= 12; month += 1) {
      if (has('regular', [month])) continue;
      add('regular', `Sinh hoạt thường kỳ tháng ${String(month).padStart(2, '0')} năm ${year}`, month);
    }
    for (let quarter = 0; quarter < 4; quarter += 1) {
      if (has('thematic', [1, 2, 3].map((m) => quarter * 3 + m))) continue;
      add('thematic', `Sinh hoạt chuyên đề quý ${quarter + 1} năm ${year}`, quarter * 3 + 2);
    }
    return created
      .sort((a, b) => a.input.date.localeCompare(b.input.date) || a.id - b.id)
      .map((m) => this.summary(m));
  }

  private changeStatus(id: number, change: StatusChange): MeetingDetail {
    const meeting = this.unlocked(id);
    const reason = change.reason.trim();
    if (reason === '') throw invalid('reason', 'Lý do không được để trống.');
    if (change.new_date !== null && change.status === 'postponed' && change.new_date <= meeting.input.date) {
      throw invalid('new_date', 'Ngày họp mới phải sau ngày đã hoãn.');
    }
    meeting.input.status = change.status;
    meeting.input.status_reason = reason;
    if (change.new_date === null || change.status !== 'postponed') return this.meetingDetail(id);
    const again = this.addMeeting(
      {
        ...structuredClone(meeting.input),
        date: change.new_date,
        status: 'planned',
        status_reason: '',
        actual_start: null,
        actual_end: null,
      },
      { branch_id: meeting.branch_id },
    );
    return this.meetingDetail(again.id);
  }

  private candidates(branchId: number, date: string): MemberChoice[] {
    return this.roster(branchId, date, '', 'all')
      .entries.filter((entry) => ['official', 'probationary'].includes(entry.standing.kind))
      .map(({ member }) => ({ id: member.id, full_name: member.full_name, role: member.role }));
  }

  private document(id: number): FakeDocument {
    const document = this.documentList.find((d) => d.id === id);
    if (!document) {
      throw { code: 'not_found', message: `Không tìm thấy văn bản số ${id}; có thể đã bị xóa.`, field: null };
    }
    return document;
  }

  private documentOut(document: FakeDocument): Document {
    const { branch_id: _, ...rest } = document;
    const meetings = this.meetings.filter((m) => m.input.document_ids.includes(document.id)).length;
    return { ...rest, meetings };
  }

  /** A checked document: a Party number ("44-KH/TU") and a title. */
  private checkedDocument(input: DocumentInput): DocumentInput {
    const number = input.number.replace(/\s+/g, '').toUpperCase();
    if (!/^\d{1,5}-\p{L}+\/[\p{L}\d]+(?:[-/][\p{L}\d]+)*$/u.test(number)) {
      throw invalid(
        'number',
        `"${number}" không đúng dạng số, ký hiệu văn bản của Đảng (số-loại văn bản/cơ quan ban hành, ví dụ 44-KH/TU, 21-KL/TW).`,
      );
    }
    if (input.title.trim() === '') throw invalid('title', 'Trích yếu không được để trống.');
    return { ...input, number, title: input.title.trim() };
  }

  /** A meeting's minutes as a draft: those saved, or one item per agenda line. No roll call. */
  private minutesView(meetingId: number): MinutesView {
    const meeting = this.meeting(meetingId);
    const content: MinutesContent = this.minutesContent.get(meetingId) ?? {
      opened_at: meeting.input.actual_start,
      closed_at: meeting.input.actual_end,
      items: meeting.input.agenda.map((heading) => ({ heading, presented: '', opinions: [], conclusion: '' })),
      resolutions: [],
      tasks: [],
      quality: null,
    };
    const counts: RollCallCounts = {
      summoned: 0,
      present_official: 0,
      present_probationary: 0,
      present_exempted: 0,
      present_sent_away: 0,
      absent_excused: 0,
      absent_unexcused: 0,
      unmarked: 0,
      vote_denominator: 0,
      voters_present: 0,
      attendance_rate: null,
      below_attendance: false,
      below_quorum: false,
    };
    return {
      meeting_id: meetingId,
      status: meeting.locked_at === null ? 'draft' : 'approved',
      version: 1,
      number: null,
      approved_at: meeting.locked_at,
      content_hash: null,
      content: structuredClone(content),
      problems: [],
      present: [],
      counts,
      versions: [],
      tasks_to_review: this.tasksToReview.get(meetingId) ?? null,
      numbering_note: null,
      notice: null,
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
        return { member, change_notice: this.rosterChangeNotice };
      }
      case 'delete_member':
        this.members = this.members.filter((member) => member.id !== args.memberId);
        return null;
      case 'add_status':
        return this.addStatus(args.memberId as number, args.input as StatusInput);
      case 'roster_change_notice':
        return this.rosterChangeNotice;
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
      case 'meetings_of_year':
        return this.byDate(args.branchId as number)
          .filter((m) => m.input.date.startsWith(`${args.year as number}-`))
          .map((m) => this.summary(m));
      case 'plan_year':
        return this.planYear(args.branchId as number, args.year as number, args.rule as DayRule);
      case 'new_meeting':
        return meetingInput({ kind: args.kind as MeetingKind, date: args.date as string });
      case 'meeting_detail':
        return this.meetingDetail(args.meetingId as number);
      case 'meeting_candidates':
        return this.candidates(args.branchId as number, args.date as string);
      case 'create_meeting': {
        const input = this.checked(args.input as MeetingInput);
        return this.meetingDetail(this.addMeeting(input, { branch_id: args.branchId as number }).id);
      }
      case 'update_meeting': {
        const meeting = this.unlocked(args.meetingId as number);
        meeting.input = this.checked(args.input as MeetingInput);
        return this.meetingDetail(meeting.id);
      }
      case 'delete_meeting':
        this.unlocked(args.meetingId as number);
        this.meetings = this.meetings.filter((m) => m.id !== args.meetingId);
        return null;
      case 'change_meeting_status':
        return this.changeStatus(args.meetingId as number, args.change as StatusChange);
      case 'copy_agenda': {
        const meeting = this.unlocked(args.meetingId as number);
        meeting.input.agenda = [...this.meeting(args.fromMeetingId as number).input.agenda];
        return this.meetingDetail(meeting.id);
      }
      case 'export_schedule':
        return this.schedulePath;
      case 'documents':
        return this.documentList
          .filter((d) => d.branch_id === args.branchId)
          .map((d) => this.documentOut(d));
      case 'create_document':
        return this.addDocument(this.checkedDocument(args.input as DocumentInput), args.branchId as number);
      case 'update_document': {
        const document = this.document(args.documentId as number);
        Object.assign(document, this.checkedDocument(args.input as DocumentInput));
        return this.documentOut(document);
      }
      case 'delete_document': {
        const document = this.documentOut(this.document(args.documentId as number));
        if (document.meetings > 0) {
          throw {
            code: 'conflict',
            message: `Văn bản ${document.number} đang được dùng ở ${document.meetings} cuộc họp; hãy bỏ nó khỏi các cuộc họp đó trước.`,
            field: null,
          };
        }
        this.documentList = this.documentList.filter((d) => d.id !== args.documentId);
        return null;
      }
      case 'minutes':
        return this.minutesView(args.meetingId as number);
      case 'save_minutes': {
        const meetingId = args.meetingId as number;
        this.unlocked(meetingId);
        this.minutesContent.set(meetingId, structuredClone(args.content as MinutesContent));
        return this.minutesView(meetingId);
      }
      case 'attachments':
        return this.attachmentsOf(args.meetingId as number, 'size');
      case 'verify_attachments':
        return this.attachmentsOf(args.meetingId as number, 'hash');
      case 'add_attachments': {
        const meetingId = args.meetingId as number;
        this.meeting(meetingId);
        const added = this.pickedAttachments.map((file) =>
          this.addAttachment(meetingId, {
            original_name: file.name,
            media_type: file.media_type,
            size: file.size,
            added_at: FAKE_ADDED_AT,
          }),
        );
        return added.map(({ verified: _, ...attachment }) => attachment);
      }
      case 'open_attachment':
        return this.openAttachment(args.id as number);
      case 'remove_attachment':
        return this.removeAttachment(args.id as number);
      case 'backup_overview':
        return {
          settings: { ...this.backupSettings },
          backups: [...this.backups],
          folder: FAKE_BACKUP_FOLDER,
          notices: [...this.notices],
        };
      case 'set_backup_settings':
        return this.setBackupSettings(args.settings as BackupSettings);
      case 'choose_second_backup_folder':
        return this.pickedBackupFolder;
      case 'backup_now':
        return this.backupNowPath === null ? null : this.facts();
      case 'preview_restore':
        return this.previewRestore(args.fileName as string | null);
      case 'restore_backup':
        return this.restoreBackup();
      case 'startup_backups':
        return [...this.backups];
      case 'restore_at_startup':
        return this.restoreAtStartup(args.fileName as string);
      case 'app_notices':
        return [...this.notices];
      default:
        throw { code: 'internal', message: `Lệnh chưa có trong bản giả: ${command}`, field: null };
    }
  }
}
