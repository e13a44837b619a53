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
minutes_numbering_reset: Rule<NumberingReset>, };

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
settings_versions: number, };

export type AppInfo = { 
/**
 * The data folder, as the user should look for it; empty for an in-memory store.
 */
data_dir: string, schema_version: number, branches: Array<BranchSummary>, prefs: Prefs, };
