// Generated from the Rust types by chibo-store (src/bindings.rs). Do not edit:
// run `UPDATE_BINDINGS=1 cargo test -p chibo-store` after changing a type.

export type FieldError = { 
/**
 * The input field, as the UI names it (`name`, `parent_name`, …).
 */
field: string, 
/**
 * What is wrong and what to do, in Vietnamese.
 */
message: string, };

export type BranchInput = { 
/**
 * e.g. "Chi bộ thôn Bản Chắt"
 */
name: string, 
/**
 * The superior organisation, e.g. "Đảng bộ xã Tân Thành"
 */
parent_name: string, 
/**
 * Place name of the date line in documents, e.g. "Tân Thành"
 */
place: string, term_start: string | null, term_end: string | null, 
/**
 * Ngày thành lập: no meeting can be dated before it. Unknown for many old branches.
 */
founded_on: string | null, };

export type Branch = { id: number, name: string, parent_name: string, place: string, term_start: string | null, term_end: string | null, founded_on: string | null, };

export type Rule<T> = { value: T, 
/**
 * The document number and article, e.g. "HD 12-HD/BTCTW (18/01/2018)".
 */
basis: string, };

export type NumberingReset = "per_term" | "per_year";

export type Fraction = { numerator: number, denominator: number, };

export type AbsenceMeetings = "regular" | "regular_and_thematic";

export type RuleSettings = { 
/**
 * Attendance (present of those summoned) must be above this percent, compared exactly:
 * at exactly this percent a meeting is flagged.
 */
attendance_warning_percent: Rule<number>, 
/**
 * Voters present of the vote denominator below this fraction shows a quorum warning;
 * compared exactly (present × 3 ≥ denominator × 2 for 2/3); never blocks.
 */
quorum_warning: Rule<Fraction>, 
/**
 * Months of a calendar year with an unexcused absence that raise a warning.
 */
unexcused_absence_warning: Rule<number>, 
/**
 * Months of a calendar year with an unexcused absence that flag the member for
 * consideration (xóa tên).
 */
unexcused_absence_flag: Rule<number>, 
/**
 * Excused absences in a row (within a calendar year) above which a member is flagged.
 */
excused_absences_in_a_row: Rule<number>, 
/**
 * The meetings the absence rules count.
 */
absence_meetings: Rule<AbsenceMeetings>, 
/**
 * Minimum length of a meeting, in minutes.
 */
min_meeting_minutes: Rule<number>, 
/**
 * Minimum length when the regular and thematic meetings share one sitting.
 */
min_combined_meeting_minutes: Rule<number>, 
/**
 * Members rated "xuất sắc" may be at most this percent of those rated "tốt".
 */
excellent_cap_percent: Rule<number>, 
/**
 * When document numbers start again from 01.
 */
minutes_numbering_reset: Rule<NumberingReset>, 
/**
 * Youngest age at admission.
 */
min_admission_age: Rule<number>, 
/**
 * Length of the probation (dự bị), in months.
 */
probation_months: Rule<number>, 
/**
 * Working days after the probation within which full membership must be considered.
 */
official_consideration_working_days: Rule<number>, 
/**
 * Days ahead a probation end is announced.
 */
probation_warning_days: Rule<number>, 
/**
 * How far ahead a status change may be recorded, in days.
 */
status_future_days: Rule<number>, 
/**
 * The largest file that may be attached to a meeting, in megabytes.
 */
attachment_max_megabytes: Rule<number>, 
/**
 * The days off the Government announces each year over the statutory holidays (nghỉ
 * bù, the actual Tết days, working Saturdays): working-day deadlines and planning
 * follow them.
 */
days_off: Rule<HolidayCalendar>, };

export type VersionedSettings = { version: number, changed_at: string, settings: RuleSettings, };

export type Prefs = { 
/**
 * Text size in percent of the base (100–150).
 */
text_scale: number, 
/**
 * The branch shown, if any.
 */
current_branch_id: number | null, };

export type BranchSummary = { branch: Branch, 
/**
 * Versions of the rule settings recorded.
 */
settings_versions: number, 
/**
 * The roster's figures on the day asked.
 */
members: RosterCounts, 
/**
 * The next planned meeting from the day asked.
 */
next_meeting: MeetingSummary | null, };

export type AppInfo = { 
/**
 * The day the figures are for: the app's "today", from the computer's clock.
 */
today: string, 
/**
 * The data folder, as the user should look for it; empty for an in-memory store.
 */
data_dir: string, schema_version: number, branches: Array<BranchSummary>, prefs: Prefs, };

export type NameParts = { family: string, middle: string, given: string, };

export type Gender = "male" | "female";

export type Role = "secretary" | "deputy_secretary" | "committee_member" | "member";

export type MemberInput = { full_name: string, 
/**
 * A corrected split of the name; `null` splits automatically.
 */
name_parts: NameParts | null, gender: Gender | null, birth_date: string | null, hometown: string, ethnicity: string, 
/**
 * Số thẻ đảng viên
 */
card_number: string, 
/**
 * Ngày vào Đảng: the probation starts
 */
admitted_on: string, 
/**
 * Ngày chính thức, once recognised
 */
official_on: string | null, 
/**
 * The decision recognising full membership, e.g. "Quyết định 125-QĐ/ĐU"
 */
official_reference: string, role: Role, 
/**
 * Post outside the Party (free text)
 */
post: string, phone: string, notes: string, };

export type Member = { id: number, branch_id: number, full_name: string, name_parts: NameParts, gender: Gender | null, birth_date: string | null, hometown: string, ethnicity: string, card_number: string, admitted_on: string, official_on: string | null, official_reference: string, role: Role, post: string, phone: string, notes: string, };

export type StatusKind = "exempted" | "attached_here" | "sent_away" | "transferred_in" | "transferred_out" | "deceased" | "removed" | "expelled";

export type StatusInput = { kind: StatusKind, start: string, 
/**
 * Last day of a period, inclusive; always `null` for events.
 */
end: string | null, 
/**
 * The resolution or decision, e.g. "Quyết định 12-QĐ/ĐU"
 */
reference: string, note: string, };

export type MemberStatus = { id: number, member_id: number, kind: StatusKind, start: string, end: string | null, reference: string, note: string, };

export type Standing = { "kind": "not_on_roll" } | { "kind": "official" } | { "kind": "probationary" } | { "kind": "exempted" } | { "kind": "sent_away" } | { "kind": "left", "status": StatusKind };

export type RosterCounts = { 
/**
 * Everyone on the roll: official + probationary + exempted + sent away.
 */
total: number, official: number, probationary: number, exempted: number, sent_away: number, 
/**
 * Of the official and probationary, those attached here temporarily.
 */
attached_here: number, };

export type RosterEntry = { member: Member, standing: Standing, 
/**
 * Attached here temporarily from another branch.
 */
attached_here: boolean, };

export type RosterFilter = "on_roll" | "official" | "probationary" | "exempted" | "sent_away" | "former" | "all";

export type RosterView = { as_of: string, entries: Array<RosterEntry>, 
/**
 * Counts of the whole roll on the date, whatever the search and filter.
 */
counts: RosterCounts, };

export type MemberDetail = { member: Member, statuses: Array<MemberStatus>, standing: Standing, attached_here: boolean, };

export type MemberSaved = { member: Member, 
/**
 * When the admission or official date changed: which approved meetings the change
 * predates (they stay as approved) and which open ones follow it.
 */
change_notice: string | null, };

export type Severity = "notice" | "warning" | "flag";

export type WarningKind = "probation_ending" | "official_consideration_due" | "official_consideration_overdue" | "unexcused_absence_warning" | "unexcused_absence_flag" | "excused_absences_in_a_row" | "low_attendance" | "absent_without_reason" | "meeting_too_short" | "month_without_regular" | "quarter_without_thematic" | "meeting_not_recorded";

export type Warning = { kind: WarningKind, severity: Severity, member_id: number | null, meeting_id: number | null, 
/**
 * What and by when, in Vietnamese, citing the rule.
 */
message: string, due: string | null, };

export type ImportProblem = { row_number: number, 
/**
 * The column as the file names it; empty for the whole row.
 */
column: string, message: string, };

export type DuplicateMatch = { member_id: number, full_name: string, 
/**
 * "cùng số thẻ đảng viên" or "cùng họ tên và ngày sinh"
 */
reason: string, };

export type PreviewRow = { row_number: number, full_name: string, birth_date: string | null, card_number: string, admitted_on: string | null, official_on: string | null, problems: Array<ImportProblem>, duplicate_of: DuplicateMatch | null, };

export type ImportPreview = { file_name: string, 
/**
 * SHA-256 of the file previewed; the import refuses a file changed since.
 */
file_hash: string, 
/**
 * Column headers recognised, and those ignored.
 */
recognised_columns: Array<string>, ignored_columns: Array<string>, rows: Array<PreviewRow>, valid_rows: number, rows_with_problems: number, duplicates: number, };

export type OnDuplicate = "skip" | "update";

export type ImportResult = { created: number, updated: number, skipped: number, };

export type RosterFormat = "xlsx" | "csv";

export type MeetingKind = "regular" | "thematic" | "review" | "extraordinary" | "other";

export type MeetingStatus = "planned" | "held" | "postponed" | "cancelled";

export type MeetingSummary = { id: number, kind: MeetingKind, title: string, date: string, planned_start: string | null, place: string, status: MeetingStatus, status_reason: string, agenda_items: number, 
/**
 * Members marked at the roll call, and of them those who attended.
 */
marked: number, attended: number, 
/**
 * The minutes are approved.
 */
locked: boolean, };

export type DayRule = { 
/**
 * 1–31; a short month takes its last day.
 */
day: number, 
/**
 * A date falling on a Sunday moves to the next suitable day of the month.
 */
avoid_sunday: boolean, 
/**
 * A date falling on a public holiday moves to the next suitable day of the month.
 * Rules stored before this choice existed read as `true`.
 */
avoid_holidays: boolean, };

export type DayOffChange = { date: string, 
/**
 * `true`: a day off (nghỉ bù, an extra Tết day); `false`: a working day, even on a
 * Saturday (làm bù) or on a statutory day the Government moved elsewhere.
 */
off: boolean, 
/**
 * Why, and which announcement, e.g. "Nghỉ bù Quốc khánh (thông báo số …)"; it names an
 * added day off.
 */
note: string, };

export type HolidayCalendar = { changes: Array<DayOffChange>, };

export type Holiday = { date: string, 
/**
 * e.g. "Tết Nguyên đán", "Giỗ Tổ Hùng Vương", or the note of an added day.
 */
name: string, };

export type Guest = { name: string, 
/**
 * Chức vụ, e.g. "Phó Bí thư Đảng ủy"
 */
post: string, 
/**
 * Đơn vị, e.g. "Đảng ủy xã Tân Thành"
 */
organisation: string, };

export type MeetingInput = { kind: MeetingKind, 
/**
 * Chủ đề, e.g. "Tự soi, tự sửa theo Kết luận 21-KL/TW"
 */
title: string, date: string, planned_start: string | null, planned_end: string | null, actual_start: string | null, actual_end: string | null, place: string, 
/**
 * Chủ trì: a member summoned on the meeting's date.
 */
chair_id: number | null, 
/**
 * Thư ký: a member summoned on the meeting's date.
 */
secretary_id: number | null, guests: Array<Guest>, 
/**
 * The order of business, in order.
 */
agenda: Array<string>, status: MeetingStatus, 
/**
 * Why a meeting was postponed or cancelled.
 */
status_reason: string, 
/**
 * Superior documents studied, from the branch's register.
 */
document_ids: number[], };

export type Document = { id: number, number: string, issued_on: string | null, issuer: string, title: string, 
/**
 * How many meetings studied it.
 */
meetings: number, };

export type DocumentInput = { 
/**
 * Số và ký hiệu, e.g. "44-KH/TU"
 */
number: string, issued_on: string | null, 
/**
 * Cơ quan ban hành, e.g. "Tỉnh ủy Lào Cai"
 */
issuer: string, 
/**
 * Trích yếu
 */
title: string, };

export type MeetingDetail = { id: number, branch_id: number, 
/**
 * The editable record, as stored.
 */
meeting: MeetingInput, 
/**
 * The documents studied, in order.
 */
documents: Array<Document>, 
/**
 * When the minutes were approved: the meeting is read-only from then on.
 */
locked_at: string | null, 
/**
 * Length of a held meeting from its actual times.
 */
length_minutes: number | null, };

export type MemberChoice = { id: number, full_name: string, role: Role, };

export type StatusChange = { status: MeetingStatus, reason: string, new_date: string | null, };

export type Presence = "present" | "late" | "left_early" | "excused" | "unexcused";

export type Mark = { member_id: number, presence: Presence, 
/**
 * Why the member was absent (free text: there is no closed list).
 */
reason: string, 
/**
 * Whether the branch accepted the reason.
 */
reason_accepted: boolean, };

export type RollCallCounts = { 
/**
 * Official and probationary members summoned.
 */
summoned: number, present_official: number, present_probationary: number, 
/**
 * Exempted members who came anyway (the official among them count in the vote).
 */
present_exempted: number, 
/**
 * Members attending elsewhere who came anyway: in no figure of the vote.
 */
present_sent_away: number, 
/**
 * Absent with a reason the branch accepted.
 */
absent_excused: number, 
/**
 * Absent without a reason, or with a reason the branch did not accept.
 */
absent_unexcused: number, unmarked: number, 
/**
 * Official members a resolution is counted against.
 */
vote_denominator: number, 
/**
 * Official members present who may vote.
 */
voters_present: number, 
/**
 * Attendance of those summoned ("81,8%"), cut to one decimal; `null` before anyone is
 * marked.
 */
attendance_rate: string | null, 
/**
 * Attendance not above the settings' threshold (compared exactly); `false` before
 * anyone is marked.
 */
below_attendance: boolean, 
/**
 * Fewer voters present than the quorum warning of the settings; never blocks.
 */
below_quorum: boolean, };

export type RollCallLine = { member: Member, 
/**
 * The member's standing on the meeting's date.
 */
standing: Standing, 
/**
 * Attached here temporarily from another branch on that date.
 */
attached_here: boolean, mark: Mark | null, };

export type RollCall = { meeting_id: number, date: string, 
/**
 * Read-only: the minutes are approved.
 */
locked: boolean, 
/**
 * Official, then probationary members, each in Vietnamese order.
 */
summoned: Array<RollCallLine>, 
/**
 * Exempted members, listed apart; marking them is optional, and only as attending.
 */
exempted: Array<RollCallLine>, 
/**
 * Members attending temporarily elsewhere, listed apart: marked only if they come.
 */
sent_away: Array<RollCallLine>, counts: RollCallCounts, 
/**
 * When the sheet was frozen, for a locked meeting read from its snapshot.
 */
frozen_at: string | null, };

export type AttendanceEntry = { meeting_id: number, date: string, kind: MeetingKind, title: string, presence: Presence, reason: string, reason_accepted: boolean, };

export type AttendanceStats = { 
/**
 * Roll calls the member was marked at.
 */
meetings: number, 
/**
 * Present, late or left early.
 */
attended: number, late: number, left_early: number, excused: number, unexcused: number, 
/**
 * Attended out of marked ("66,6%", cut to one decimal as every rate is:
 * `rates::percent_text`); `null` without any roll call.
 */
rate: string | null, };

export type YearAttendance = { year: number, stats: AttendanceStats, };

export type AttendanceHistory = { 
/**
 * Every year with a roll call, the latest first.
 */
years: Array<YearAttendance>, 
/**
 * Counts over the chosen range.
 */
range: AttendanceStats, 
/**
 * The roll calls in the range, the latest first.
 */
entries: Array<AttendanceEntry>, };

export type Opinion = { 
/**
 * The speaker: a member present at the roll call.
 */
speaker_id: number | null, text: string, };

export type MinutesItem = { heading: string, presented: string, opinions: Array<Opinion>, conclusion: string, };

export type ResolutionKind = "ordinary" | "admission" | "official_membership" | "propose_expulsion";

export type Resolution = { text: string, kind: ResolutionKind, votes_for: number, votes_against: number, votes_other: number, };

export type Task = { content: string, owner_id: number | null, deadline: string | null, };

export type QualityScore = "good" | "fair" | "average" | "poor";

export type MinutesContent = { opened_at: string | null, closed_at: string | null, items: Array<MinutesItem>, resolutions: Array<Resolution>, tasks: Array<Task>, quality: QualityScore | null, };

export type MinutesStatus = "draft" | "approved";

export type MinutesVersion = { version: number, approved_at: string, content_hash: string, replaced_at: string, 
/**
 * Why it was amended.
 */
replaced_because: string, content: MinutesContent, };

export type TaskToReview = { content: string, 
/**
 * The owner's full name, when one was named.
 */
owner: string | null, deadline: string | null, };

export type TasksToReview = { 
/**
 * The date of the meeting that gave them.
 */
given_on: string, tasks: Array<TaskToReview>, };

export type NoticeIssue = { 
/**
 * "01-TB/CB"
 */
number: string, issued_on: string, };

export type MinutesView = { meeting_id: number, status: MinutesStatus, version: number, 
/**
 * "Số 03-BB/CB", once approved.
 */
number: string | null, approved_at: string | null, content_hash: string | null, content: MinutesContent, 
/**
 * What stands in the way of approval; empty when it can be approved.
 */
problems: Array<FieldError>, 
/**
 * Members present at the roll call: who may be named as a speaker.
 */
present: Array<MemberChoice>, counts: RollCallCounts, 
/**
 * Earlier approved versions, the latest first.
 */
versions: Array<MinutesVersion>, 
/**
 * The tasks given at the previous meeting, reviewed at this one.
 */
tasks_to_review: TasksToReview | null, 
/**
 * Before the first approval, when a later meeting of the numbering period already has
 * its number: this one will get the next number, out of meeting order (numbers are
 * never changed once given).
 */
numbering_note: string | null, 
/**
 * The meeting's notice, once issued (its own number and date).
 */
notice: NoticeIssue | null, };

export type AttachmentState = "intact" | "missing" | "altered";

export type Attachment = { id: number, meeting_id: number, original_name: string, media_type: string, size: number, added_at: string, sha256: string, state: AttachmentState, };

export type BackupSettings = { keep_daily: number, keep_monthly: number, 
/**
 * A second folder (e.g. on a USB stick) that also receives each automatic backup.
 */
second_folder: string | null, };

export type BackupKind = "automatic" | "safety_copy";

export type BackupFile = { path: string, file_name: string, kind: BackupKind, 
/**
 * Local time it was taken, "YYYY-MM-DDTHH:MM:SS".
 */
taken_at: string, size: number, };

export type BackupOverview = { settings: BackupSettings, backups: Array<BackupFile>, 
/**
 * The `backups/` folder, for the user to find it.
 */
folder: string, 
/**
 * Notices of the automatic backups since start (second folder absent, …).
 */
notices: Array<string>, };

export type DatabaseFacts = { schema_version: number, branches: Array<string>, members: number, meetings: number, minutes: number, attachments: number, };

export type BackupPreview = { path: string, backup_taken_at: string | null, found_version: number, facts: DatabaseFacts, };

export type RestoreReport = { restored_from: string, 
/**
 * When the backup was taken, from its name or else the file's time.
 */
backup_taken_at: string | null, 
/**
 * The schema version the backup had (older ones are migrated).
 */
found_version: number, 
/**
 * What the data holds now.
 */
facts: DatabaseFacts, 
/**
 * Where the data replaced by the restore was kept.
 */
safety_copy: string, };

export type VerifyReport = { 
/**
 * Rows of `integrity_check` other than "ok".
 */
integrity: Array<string>, 
/**
 * Rows referring to a record that does not exist.
 */
foreign_keys: Array<string>, 
/**
 * Attachments whose file is missing or altered.
 */
attachments: Array<Attachment>, };

export type MeetingDocument = "minutes" | "sign_in_sheet" | "notice";

export type DocumentFormat = "docx" | "pdf";
