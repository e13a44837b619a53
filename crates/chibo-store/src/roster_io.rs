//! Roster spreadsheets in and out: the import preview (every row's problems, duplicates
//! against the file and the database), the confirmed import in one transaction, and the
//! roster export.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A problem of one row (or of the whole file when `row_number` is 0).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ImportProblem {
    pub row_number: u32,
    /// The column as the file names it; empty for the whole row.
    pub column: String,
    pub message: String,
}

/// A member of the database the row seems to be.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct DuplicateMatch {
    #[ts(type = "number")]
    pub member_id: i64,
    pub full_name: String,
    /// "cùng số thẻ đảng viên" or "cùng họ tên và ngày sinh"
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PreviewRow {
    pub row_number: u32,
    pub full_name: String,
    #[ts(type = "string | null")]
    pub birth_date: Option<NaiveDate>,
    pub card_number: String,
    #[ts(type = "string | null")]
    pub admitted_on: Option<NaiveDate>,
    #[ts(type = "string | null")]
    pub official_on: Option<NaiveDate>,
    pub problems: Vec<ImportProblem>,
    pub duplicate_of: Option<DuplicateMatch>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ImportPreview {
    pub file_name: String,
    /// SHA-256 of the file previewed; the import refuses a file changed since.
    pub file_hash: String,
    /// Column headers recognised, and those ignored.
    pub recognised_columns: Vec<String>,
    pub ignored_columns: Vec<String>,
    pub rows: Vec<PreviewRow>,
    pub valid_rows: u32,
    pub rows_with_problems: u32,
    pub duplicates: u32,
}

/// What to do with rows that match a member already recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum OnDuplicate {
    Skip,
    Update,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
pub struct ImportResult {
    pub created: u32,
    pub updated: u32,
    pub skipped: u32,
}

/// The roster export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum RosterFormat {
    Xlsx,
    Csv,
}
