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
place: string, term_start: string | null, term_end: string | null, };

export type Branch = { id: number, name: string, parent_name: string, place: string, term_start: string | null, term_end: string | null, };

export type Rule<T> = { value: T, 
/**
 * The document number and article, e.g. "HD 12-HD/BTCTW (18/01/2018)".
 */
basis: string, };

export type NumberingReset = "per_term" | "per_year";

export type RuleSettings = { 
/**
 * A meeting below this attendance (percent of those summoned) is flagged.
 */
attendance_warning_percent: Rule<number>, 
/**
 * Present / eligible below this fraction (percent) shows a quorum warning; never blocks.
 */
quorum_warning_percent: Rule<number>, 
/**
 * Unexcused absences in a calendar year that raise a warning.
 */
unexcused_absence_warning: Rule<number>, 
/**
 * Unexcused absences in a calendar year that flag the member for consideration.
 */
unexcused_absence_flag: Rule<number>, 
/**
 * Excused absences in a row above which a member is flagged.
 */
excused_absences_in_a_row: Rule<number>, 
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
status_future_days: Rule<number>, };

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
members: RosterCounts, };

export type AppInfo = { 
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

export type Severity = "notice" | "warning" | "flag";

export type WarningKind = "probation_ending" | "official_consideration_due" | "official_consideration_overdue" | "unexcused_absence_warning" | "unexcused_absence_flag" | "excused_absences_in_a_row";

export type Warning = { kind: WarningKind, severity: Severity, member_id: number | null, 
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
