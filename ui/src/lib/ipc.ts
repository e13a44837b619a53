// The only door to the Rust backend: one typed function per Tauri command. A rejected call
// always becomes an IpcError whose `code` the UI may branch on and whose Vietnamese
// `message` it shows as is (never parsed).

import { invoke, type InvokeArgs } from '@tauri-apps/api/core';
import type {
  AppInfo,
  Attachment,
  AttendanceHistory,
  BackupFile,
  BackupOverview,
  BackupPreview,
  BackupSettings,
  Branch,
  BranchInput,
  DatabaseFacts,
  DayRule,
  DocumentFormat,
  Document,
  DocumentInput,
  ImportPreview,
  ImportResult,
  Mark,
  MeetingDetail,
  MeetingDocument,
  MeetingInput,
  MeetingKind,
  MeetingSummary,
  Member,
  MemberChoice,
  MemberDetail,
  MemberInput,
  MemberSaved,
  MemberStatus,
  MinutesContent,
  MinutesView,
  OnDuplicate,
  Prefs,
  RestoreReport,
  RosterFilter,
  RosterFormat,
  RollCall,
  RollCallCounts,
  RosterView,
  RuleSettings,
  StatusChange,
  StatusInput,
  VersionedSettings,
  Warning,
} from './bindings';

const ERROR_CODES = [
  'validation',
  'not_found',
  'conflict',
  'locked',
  'io',
  'corrupt',
  'incompatible',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export class IpcError extends Error {
  readonly code: ErrorCode;
  /** The input field the problem is about (`name`, `term_end`, …), if any. */
  readonly field: string | null;

  constructor(code: ErrorCode, message: string, field: string | null = null) {
    super(message);
    this.name = 'IpcError';
    this.code = code;
    this.field = field;
  }
}

function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

function describe(raw: unknown): string {
  if (raw instanceof Error) return raw.message;
  if (typeof raw === 'string') return raw;
  try {
    return JSON.stringify(raw) ?? String(raw);
  } catch {
    return String(raw);
  }
}

/** Turns whatever a failed call produced into an IpcError. */
export function toIpcError(raw: unknown): IpcError {
  if (raw instanceof IpcError) return raw;
  if (typeof raw === 'object' && raw !== null) {
    const { code, message, field } = raw as Record<string, unknown>;
    if (typeof code === 'string' && typeof message === 'string') {
      return new IpcError(
        isErrorCode(code) ? code : 'internal',
        message,
        typeof field === 'string' ? field : null,
      );
    }
  }
  return new IpcError('internal', `Đã xảy ra lỗi không mong muốn: ${describe(raw)}`);
}

async function call<T>(command: string, args?: InvokeArgs): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (raw) {
    throw toIpcError(raw);
  }
}

export const appInfo = (): Promise<AppInfo> => call('app_info');

export const createBranch = (input: BranchInput): Promise<Branch> =>
  call('create_branch', { input });

export const updateBranch = (id: number, input: BranchInput): Promise<Branch> =>
  call('update_branch', { id, input });

export const selectBranch = (branchId: number): Promise<Prefs> =>
  call('select_branch', { branchId });

export const branchSettings = (branchId: number): Promise<VersionedSettings> =>
  call('branch_settings', { branchId });

export const updateSettings = (
  branchId: number,
  settings: RuleSettings,
): Promise<VersionedSettings> => call('update_settings', { branchId, settings });

export const setTextScale = (percent: number): Promise<Prefs> =>
  call('set_text_scale', { percent });

export const createDemo = (): Promise<Branch> => call('create_demo');

// ---- Members and the roster. Dates are ISO "YYYY-MM-DD". ----

/** The roll on `asOf`, searched (accent-insensitive, in the backend) and filtered. */
export const roster = (
  branchId: number,
  asOf: string,
  search: string,
  filter: RosterFilter,
): Promise<RosterView> => call('roster', { branchId, asOf, search, filter });

export const memberDetail = (memberId: number): Promise<MemberDetail> =>
  call('member_detail', { memberId });

export const createMember = (branchId: number, input: MemberInput): Promise<Member> =>
  call('create_member', { branchId, input });

/** Saves the record; says which past meetings a moved date of membership reaches. */
export const updateMember = (memberId: number, input: MemberInput): Promise<MemberSaved> =>
  call('update_member', { memberId, input });

/** Only for a member entered by mistake. */
export const deleteMember = (memberId: number): Promise<null> =>
  call('delete_member', { memberId });

export const addStatus = (memberId: number, input: StatusInput): Promise<MemberStatus> =>
  call('add_status', { memberId, input });

export const removeStatus = (statusId: number): Promise<null> =>
  call('remove_status', { statusId });

/**
 * After a change to a member's record effective from `from`: which meetings it predates
 * (approved minutes keep their sheet, open roll calls follow), or null when none.
 */
export const rosterChangeNotice = (memberId: number, from: string): Promise<string | null> =>
  call('roster_change_notice', { memberId, from });

export const recogniseOfficial = (
  memberId: number,
  officialOn: string,
  reference: string,
): Promise<Member> => call('recognise_official', { memberId, officialOn, reference });

export const warnings = (branchId: number): Promise<Warning[]> =>
  call('warnings', { branchId });

// ---- Roster files. The backend shows the native dialogs; null means the user cancelled. ----

export const pickImportFile = (): Promise<string | null> => call('pick_import_file', {});

export const previewImport = (branchId: number, path: string): Promise<ImportPreview> =>
  call('preview_import', { branchId, path });

export const commitImport = (
  branchId: number,
  path: string,
  fileHash: string,
  onDuplicate: OnDuplicate,
): Promise<ImportResult> => call('commit_import', { branchId, path, fileHash, onDuplicate });

/** Writes the template .xlsx where the user chooses; the path written, or null. */
export const saveImportTemplate = (): Promise<string | null> => call('save_import_template', {});

/** Writes the roster on `asOf` where the user chooses; the path written, or null. */
export const exportRoster = (
  branchId: number,
  asOf: string,
  format: RosterFormat,
): Promise<string | null> => call('export_roster', { branchId, asOf, format });

// ---- Meetings. Times are "HH:MM" (the backend answers "HH:MM:SS"). ----

export const meetingsOfYear = (branchId: number, year: number): Promise<MeetingSummary[]> =>
  call('meetings_of_year', { branchId, year });

/** Adds the year's missing regular and thematic meetings; those created (none when run again). */
export const planYear = (branchId: number, year: number, rule: DayRule): Promise<MeetingSummary[]> =>
  call('plan_year', { branchId, year, rule });

/** A blank meeting of `kind` on `date` with the standard agenda of its kind (not saved). */
export const newMeeting = (kind: MeetingKind, date: string): Promise<MeetingInput> =>
  call('new_meeting', { kind, date });

export const meetingDetail = (meetingId: number): Promise<MeetingDetail> =>
  call('meeting_detail', { meetingId });

/** Members who may chair a meeting on `date` or take its minutes. */
export const meetingCandidates = (branchId: number, date: string): Promise<MemberChoice[]> =>
  call('meeting_candidates', { branchId, date });

export const createMeeting = (branchId: number, input: MeetingInput): Promise<MeetingDetail> =>
  call('create_meeting', { branchId, input });

export const updateMeeting = (meetingId: number, input: MeetingInput): Promise<MeetingDetail> =>
  call('update_meeting', { meetingId, input });

export const deleteMeeting = (meetingId: number): Promise<null> =>
  call('delete_meeting', { meetingId });

/** Postpone or cancel; a postponement with a new date answers the new meeting. */
export const changeMeetingStatus = (
  meetingId: number,
  change: StatusChange,
): Promise<MeetingDetail> => call('change_meeting_status', { meetingId, change });

export const copyAgenda = (meetingId: number, fromMeetingId: number): Promise<MeetingDetail> =>
  call('copy_agenda', { meetingId, fromMeetingId });

/** Writes the year's schedule .xlsx where the user chooses; the path written, or null. */
export const exportSchedule = (branchId: number, year: number): Promise<string | null> =>
  call('export_schedule', { branchId, year });

// ---- The documents register. ----

export const documents = (branchId: number): Promise<Document[]> =>
  call('documents', { branchId });

export const createDocument = (branchId: number, input: DocumentInput): Promise<Document> =>
  call('create_document', { branchId, input });

export const updateDocument = (documentId: number, input: DocumentInput): Promise<Document> =>
  call('update_document', { documentId, input });

export const deleteDocument = (documentId: number): Promise<null> =>
  call('delete_document', { documentId });

// ---- Roll call and attendance history. ----

export const rollCall = (meetingId: number): Promise<RollCall> =>
  call('roll_call', { meetingId });

/** The counters for marks being taken, not saved (same rules as the saved sheet). */
export const rollCallCounts = (meetingId: number, marks: Mark[]): Promise<RollCallCounts> =>
  call('roll_call_counts', { meetingId, marks });

export const saveRollCall = (meetingId: number, marks: Mark[]): Promise<RollCall> =>
  call('save_roll_call', { meetingId, marks });

/** Per year over all time; entries and counts between `from` and `until` (null = open). */
export const memberAttendance = (
  memberId: number,
  from: string | null,
  until: string | null,
): Promise<AttendanceHistory> => call('member_attendance', { memberId, from, until });

// ---- Minutes and the meeting's printable documents. ----

/** The minutes (a first draft from the meeting when none is saved) with their problems. */
export const minutes = (meetingId: number): Promise<MinutesView> => call('minutes', { meetingId });

/** Saves the draft as it is; refused with `locked` once approved. */
export const saveMinutes = (meetingId: number, content: MinutesContent): Promise<MinutesView> =>
  call('save_minutes', { meetingId, content });

/** Approves and locks the minutes and the meeting; refused while problems remain. */
export const approveMinutes = (meetingId: number): Promise<MinutesView> =>
  call('approve_minutes', { meetingId });

/** Reopens approved minutes as a new version; the reason is kept with the old one. */
export const amendMinutes = (meetingId: number, reason: string): Promise<MinutesView> =>
  call('amend_minutes', { meetingId, reason });

/**
 * Writes the document where the user chooses, then opens it with the system's program when
 * `openAfter`; the path written, or null. Printing the notice issues it, dated
 * `noticeIssuedOn` (null: as issued before, or today while the meeting is ahead).
 */
export const exportMeetingDocument = (
  meetingId: number,
  document: MeetingDocument,
  format: DocumentFormat,
  openAfter: boolean,
  noticeIssuedOn: string | null = null,
): Promise<string | null> =>
  call('export_meeting_document', { meetingId, document, format, openAfter, noticeIssuedOn });

// ---- A meeting's attached files. ----

/** The attachments in the order added, with a quick state (present, right size). */
export const attachments = (meetingId: number): Promise<Attachment[]> =>
  call('attachments', { meetingId });

/** The attachments with every file's content checked (reads them all: may take a moment). */
export const verifyAttachments = (meetingId: number): Promise<Attachment[]> =>
  call('verify_attachments', { meetingId });

/** Asks for files in the native dialog and attaches them all; those added (none: cancelled). */
export const addAttachments = (meetingId: number): Promise<Attachment[]> =>
  call('add_attachments', { meetingId });

/** Opens the stored copy with the system's program; refused when missing or altered. */
export const openAttachment = (id: number): Promise<null> => call('open_attachment', { id });

/** Removes the attachment (the user's original file is untouched); refused once locked. */
export const removeAttachment = (id: number): Promise<null> => call('remove_attachment', { id });

// ---- Backups and restore. The backend shows the native dialogs; null means the user cancelled. ----

/** The backup settings, the backups in the data folder (newest first) and their notices. */
export const backupOverview = (): Promise<BackupOverview> => call('backup_overview');

export const setBackupSettings = (settings: BackupSettings): Promise<BackupSettings> =>
  call('set_backup_settings', { settings });

/** Asks for a second backup folder (a USB stick); the folder, or null. Saves nothing. */
export const chooseSecondBackupFolder = (): Promise<string | null> =>
  call('choose_second_backup_folder', {});

/** Writes a verified copy of the data where the user chooses; what it holds, or null. */
export const backupNow = (): Promise<DatabaseFacts | null> => call('backup_now', {});

/**
 * Checks a backup without changing anything: one from the list (`fileName`) or, for null,
 * one picked in the native dialog. Only the backup previewed last can then be restored.
 */
export const previewRestore = (fileName: string | null): Promise<BackupPreview | null> =>
  call('preview_restore', { fileName });

/** Restores the backup previewed last; a safety copy of the data replaced is kept. */
export const restoreBackup = (): Promise<RestoreReport> => call('restore_backup', {});

/** The backups in the data folder, even when its database could not be opened. */
export const startupBackups = (): Promise<BackupFile[]> => call('startup_backups');

/** Replaces a database that could not be opened by a backup; the damaged file is set aside. */
export const restoreAtStartup = (fileName: string): Promise<RestoreReport> =>
  call('restore_at_startup', { fileName });

/** What the user should know since start (second backup folder absent, attachments missing…). */
export const appNotices = (): Promise<string[]> => call('app_notices');
