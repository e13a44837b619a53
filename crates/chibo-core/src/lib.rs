//! chibo-core owns the domain of Sổ tay Chi bộ: its types (branch, rule settings, member,
//! dated statuses, meetings, roll calls, the documents register) and its rules (standing and
//! eligibility on a date, vote denominators, attendance and meeting warnings), and Vietnamese
//! text handling (NFC cleanup, accent folding, `vi` collation).
//!
//! It is pure: no SQL, no files, no clock. Anything that depends on the date takes
//! `today`/`now` as an argument (the workspace clippy.toml bans the clock calls).

pub mod attachment;
pub mod attendance;
pub mod attendance_history;
pub mod backup_rotation;
pub mod branch;
pub mod dates;
pub mod document;
pub mod holidays;
pub mod lunar;
pub mod meeting;
pub mod meeting_input;
pub mod meeting_warnings;
pub mod member;
pub mod minutes;
pub mod name;
pub mod notice;
pub mod planning;
pub mod rates;
pub mod roster;
pub mod roster_import;
pub mod settings;
pub mod status;
pub mod task_review;
pub mod text;
pub mod validation;
pub mod warnings;
