//! Roster spreadsheets in and out: the import preview (every row's problems, duplicates
//! against the file and the database), the confirmed import in one transaction, and the
//! roster export.

use std::path::Path;

use chibo_core::dates::format_dmy;
use chibo_core::member::{MemberInput, ValidMember};
use chibo_core::roster_import::{parse_roster, ParsedRoster, ParsedRow};
use chibo_core::text::{file_slug, fold};
use chibo_core::validation::FieldError;
use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::atomic_file::write_atomic;
use crate::error::{Error, Result};
use crate::hashing::sha256_hex;
use crate::members::{insert_member, load_member, update_member_row};
use crate::spreadsheet::read_grid;
use crate::store::Store;

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

fn file_hash(path: &Path) -> Result<String> {
    let bytes = std::fs::read(path).map_err(|e| {
        Error::io(
            &format!(
                "Không đọc được tệp {}; có thể tệp đã bị xóa hoặc đang mở",
                path.display()
            ),
            &e,
        )
    })?;
    Ok(sha256_hex(&bytes))
}

fn file_error(message: String) -> Error {
    Error::Validation(FieldError::new("file", message))
}

/// A member of the branch that a row of the file seems to be.
fn find_duplicate(
    conn: &Connection,
    branch_id: i64,
    input: &MemberInput,
) -> Result<Option<DuplicateMatch>> {
    if !input.card_number.is_empty() {
        let found: Option<(i64, String)> = conn
            .query_row(
                "SELECT id, full_name FROM member
                 WHERE branch_id = ?1 AND card_number = ?2 AND card_number <> ''",
                params![branch_id, input.card_number],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .optional()?;
        if let Some((member_id, full_name)) = found {
            let reason = format!("cùng số thẻ đảng viên {}", input.card_number);
            return Ok(Some(DuplicateMatch {
                member_id,
                full_name,
                reason,
            }));
        }
    }
    let Some(birth) = input.birth_date else {
        return Ok(None);
    };
    let found: Option<(i64, String)> = conn
        .query_row(
            "SELECT id, full_name FROM member
             WHERE branch_id = ?1 AND name_folded = ?2 AND birth_date = ?3",
            params![branch_id, fold(&input.full_name), birth],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .optional()?;
    Ok(found.map(|(member_id, full_name)| DuplicateMatch {
        member_id,
        full_name,
        reason: format!("cùng họ tên và ngày sinh {}", format_dmy(birth)),
    }))
}

/// The text of the row's cell in the column that fills `field`.
fn value_of(parsed: &ParsedRoster, row: &ParsedRow, field: &str) -> String {
    parsed
        .columns
        .iter()
        .position(|c| c.field.as_deref() == Some(field))
        .and_then(|i| row.values.get(i).cloned())
        .unwrap_or_default()
}

fn problems(row: &ParsedRow) -> Vec<ImportProblem> {
    row.problems
        .iter()
        .map(|p| ImportProblem {
            row_number: p.row_number,
            column: p.column.clone(),
            message: p.message.clone(),
        })
        .collect()
}

impl Store {
    fn parse_file(
        &self,
        branch_id: i64,
        path: &Path,
        today: NaiveDate,
    ) -> Result<(String, ParsedRoster)> {
        let rules = self.settings(branch_id)?.settings;
        let grid = read_grid(path)?;
        let hash = file_hash(path)?;
        let parsed = parse_roster(&grid, today, &rules).map_err(|e| file_error(e.message))?;
        Ok((hash, parsed))
    }

    /// Reads a roster file and reports, row by row, what an import would do. Writes nothing.
    pub fn preview_import(
        &self,
        branch_id: i64,
        path: &Path,
        today: NaiveDate,
    ) -> Result<ImportPreview> {
        let (file_hash, parsed) = self.parse_file(branch_id, path, today)?;
        let mut rows = Vec::with_capacity(parsed.rows.len());
        for row in &parsed.rows {
            let duplicate_of = match &row.input {
                Some(input) => find_duplicate(&self.conn, branch_id, input)?,
                None => None,
            };
            let input = row.input.as_ref();
            rows.push(PreviewRow {
                row_number: row.row_number,
                full_name: input
                    .map(|i| i.full_name.clone())
                    .unwrap_or_else(|| value_of(&parsed, row, "full_name")),
                birth_date: input.and_then(|i| i.birth_date),
                card_number: input
                    .map(|i| i.card_number.clone())
                    .unwrap_or_else(|| value_of(&parsed, row, "card_number")),
                admitted_on: input.map(|i| i.admitted_on),
                official_on: input.and_then(|i| i.official_on),
                problems: problems(row),
                duplicate_of,
            });
        }
        let count = |f: fn(&PreviewRow) -> bool| rows.iter().filter(|r| f(r)).count() as u32;
        Ok(ImportPreview {
            file_name: path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            file_hash,
            recognised_columns: parsed
                .columns
                .iter()
                .filter(|c| c.field.is_some())
                .map(|c| c.header.clone())
                .collect(),
            ignored_columns: parsed
                .columns
                .iter()
                .filter(|c| c.field.is_none())
                .map(|c| c.header.clone())
                .collect(),
            valid_rows: count(|r| r.problems.is_empty()),
            rows_with_problems: count(|r| !r.problems.is_empty()),
            duplicates: count(|r| r.duplicate_of.is_some()),
            rows,
        })
    }

    /// Imports the previewed file: refused if it changed since the preview or any row has a
    /// problem; otherwise every row in one transaction.
    pub fn commit_import(
        &mut self,
        branch_id: i64,
        path: &Path,
        expected_hash: &str,
        on_duplicate: OnDuplicate,
        today: NaiveDate,
    ) -> Result<ImportResult> {
        let (hash, parsed) = self.parse_file(branch_id, path, today)?;
        if hash != expected_hash {
            return Err(Error::Conflict(
                "Tệp đã thay đổi sau khi xem trước. Hãy chọn lại tệp để xem trước lần nữa; \
                 chưa có gì được ghi."
                    .into(),
            ));
        }
        let with_problems = parsed.rows.iter().filter(|r| !r.is_importable()).count();
        if with_problems > 0 {
            return Err(file_error(format!(
                "Tệp còn {with_problems} dòng có lỗi; hãy sửa trong tệp rồi chọn lại. Chưa có gì \
                 được ghi."
            )));
        }
        let rules = self.settings(branch_id)?.settings;
        let tx = self.conn.transaction()?;
        let mut result = ImportResult {
            created: 0,
            updated: 0,
            skipped: 0,
        };
        for input in parsed.valid_inputs() {
            let valid: ValidMember = input.validated(today, &rules)?;
            match (find_duplicate(&tx, branch_id, input)?, on_duplicate) {
                (Some(_), OnDuplicate::Skip) => result.skipped += 1,
                (Some(found), OnDuplicate::Update) => {
                    let existing = load_member(&tx, found.member_id)?;
                    update_member_row(&tx, &existing, &valid)?;
                    result.updated += 1;
                }
                (None, _) => {
                    insert_member(&tx, branch_id, &valid)?;
                    result.created += 1;
                }
            }
        }
        tx.commit()?;
        Ok(result)
    }

    /// A file name to suggest in the save dialog, e.g. `danh-sach-dang-vien-chi-bo-a-27-11-2026.xlsx`.
    pub fn roster_file_name(
        &self,
        branch_id: i64,
        as_of: NaiveDate,
        format: RosterFormat,
    ) -> Result<String> {
        let branch = self.branch(branch_id)?;
        let slug = file_slug(&branch.name);
        let extension = match format {
            RosterFormat::Xlsx => "xlsx",
            RosterFormat::Csv => "csv",
        };
        Ok(format!(
            "danh-sach-dang-vien-{slug}-{}.{extension}",
            format_dmy(as_of).replace('/', "-")
        ))
    }

    /// Writes the roster on `as_of` (everyone on the roll) to `path`, atomically.
    pub fn export_roster(
        &self,
        branch_id: i64,
        as_of: NaiveDate,
        format: RosterFormat,
        path: &Path,
    ) -> Result<()> {
        self.check_output(path)?;
        let branch = self.branch(branch_id)?;
        let view = self.roster(branch_id, as_of, "", crate::members::RosterFilter::OnRoll)?;
        let bytes = match format {
            RosterFormat::Xlsx => chibo_export::roster_xlsx(&branch, as_of, &view.entries),
            RosterFormat::Csv => chibo_export::roster_csv(&view.entries),
        }
        .map_err(|e| Error::Internal(e.to_string()))?;
        write_atomic(path, &bytes)
    }
}

/// Writes the import template (.xlsx) to `path`, atomically.
pub fn write_import_template(path: &Path) -> Result<()> {
    crate::output_path::check_output_path(None, path)?;
    let bytes = chibo_export::import_template_xlsx().map_err(|e| Error::Internal(e.to_string()))?;
    write_atomic(path, &bytes)
}
