//! chibo-core owns the domain of Sổ tay Chi bộ: its types (branch, rule settings, member,
//! dated statuses) and its rules (standing and eligibility on a date, warnings), and Vietnamese text handling (NFC cleanup, accent folding, `vi` collation).
//!
//! It is pure: no SQL, no files, no clock. Anything that depends on the date takes
//! `today`/`now` as an argument (clippy.toml in this crate bans the clock calls).

pub mod attendance;
pub mod branch;
pub mod dates;
pub mod meeting;
pub mod member;
pub mod name;
pub mod planning;
pub mod roster;
pub mod roster_import;
pub mod settings;
pub mod status;
pub mod text;
pub mod validation;
pub mod warnings;
