//! Branches and their versioned rule settings.

use chibo_core::branch::{Branch, BranchInput};
use chibo_core::dates::format_dmy;
use chibo_core::settings::RuleSettings;
use chibo_core::text::fold;
use chibo_core::validation::FieldError;
use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::Serialize;
use ts_rs::TS;

use crate::clock::now_text;
use crate::error::{Error, Result};
use crate::store::Store;

/// The settings in force for a branch, with their version.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct VersionedSettings {
    #[ts(type = "number")]
    pub version: i64,
    pub changed_at: String,
    pub settings: RuleSettings,
}

const BRANCH_COLUMNS: &str = "id, name, parent_name, place, term_start, term_end, founded_on";

fn branch_from_row(row: &Row<'_>) -> rusqlite::Result<Branch> {
    Ok(Branch {
        id: row.get(0)?,
        name: row.get(1)?,
        parent_name: row.get(2)?,
        place: row.get(3)?,
        term_start: row.get(4)?,
        term_end: row.get(5)?,
        founded_on: row.get(6)?,
    })
}

fn not_found(id: i64) -> Error {
    Error::NotFound(format!("Không tìm thấy chi bộ số {id}; có thể đã bị xóa."))
}

/// Refuses a founding date later than a meeting already recorded.
fn check_no_meeting_before(
    conn: &Connection,
    branch_id: i64,
    founded_on: Option<NaiveDate>,
) -> Result<()> {
    let Some(founded) = founded_on else {
        return Ok(());
    };
    let first: Option<NaiveDate> = conn.query_row(
        "SELECT MIN(date) FROM meeting WHERE branch_id = ?1",
        [branch_id],
        |row| row.get(0),
    )?;
    match first {
        Some(first) if first < founded => Err(FieldError::new(
            "founded_on",
            format!(
                "Chi bộ đã có cuộc họp ngày {}, trước ngày thành lập vừa nhập.",
                format_dmy(first)
            ),
        )
        .into()),
        _ => Ok(()),
    }
}

/// Refuses a second branch whose name reads the same once accents are folded.
fn check_name_free(conn: &Connection, name: &str, except: Option<i64>) -> Result<()> {
    let taken: Option<i64> = conn
        .query_row(
            "SELECT id FROM branch WHERE name_folded = ?1 AND id IS NOT ?2",
            params![fold(name), except],
            |row| row.get(0),
        )
        .optional()?;
    match taken {
        Some(_) => Err(Error::Conflict(format!(
            "Đã có chi bộ tên \"{name}\" trong dữ liệu này. Hãy đặt tên khác."
        ))),
        None => Ok(()),
    }
}

fn insert_settings(conn: &Connection, branch_id: i64, settings: &RuleSettings) -> Result<()> {
    let json = serde_json::to_string(settings)
        .map_err(|e| Error::Internal(format!("Không ghi được thiết lập: {e}")))?;
    conn.execute(
        "INSERT INTO branch_settings (branch_id, version, settings, changed_at)
         VALUES (?1, (SELECT COALESCE(MAX(version), 0) + 1 FROM branch_settings
                      WHERE branch_id = ?1), ?2, ?3)",
        params![branch_id, json, now_text()],
    )?;
    Ok(())
}

impl Store {
    /// All branches, in Vietnamese order of their names.
    pub fn list_branches(&self) -> Result<Vec<Branch>> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {BRANCH_COLUMNS} FROM branch ORDER BY name COLLATE vi"
        ))?;
        let rows = stmt.query_map([], branch_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn branch(&self, id: i64) -> Result<Branch> {
        self.conn
            .query_row(
                &format!("SELECT {BRANCH_COLUMNS} FROM branch WHERE id = ?1"),
                [id],
                branch_from_row,
            )
            .optional()?
            .ok_or_else(|| not_found(id))
    }

    /// Creates a branch with the default rule settings as version 1.
    pub fn create_branch(&mut self, input: &BranchInput) -> Result<Branch> {
        let input = input.validated()?;
        let tx = self.conn.transaction()?;
        check_name_free(&tx, &input.name, None)?;
        let now = now_text();
        tx.execute(
            "INSERT INTO branch (name, name_folded, parent_name, place, term_start, term_end,
                                 founded_on, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
            params![
                input.name,
                fold(&input.name),
                input.parent_name,
                input.place,
                input.term_start,
                input.term_end,
                input.founded_on,
                now
            ],
        )?;
        let id = tx.last_insert_rowid();
        insert_settings(&tx, id, &RuleSettings::default())?;
        tx.commit()?;
        self.branch(id)
    }

    pub fn update_branch(&mut self, id: i64, input: &BranchInput) -> Result<Branch> {
        let input = input.validated()?;
        let tx = self.conn.transaction()?;
        check_name_free(&tx, &input.name, Some(id))?;
        check_no_meeting_before(&tx, id, input.founded_on)?;
        let changed = tx.execute(
            "UPDATE branch SET name = ?2, name_folded = ?3, parent_name = ?4, place = ?5,
                    term_start = ?6, term_end = ?7, founded_on = ?8, updated_at = ?9
             WHERE id = ?1",
            params![
                id,
                input.name,
                fold(&input.name),
                input.parent_name,
                input.place,
                input.term_start,
                input.term_end,
                input.founded_on,
                now_text()
            ],
        )?;
        if changed == 0 {
            return Err(not_found(id));
        }
        tx.commit()?;
        self.branch(id)
    }

    /// The settings in force (the highest version).
    pub fn settings(&self, branch_id: i64) -> Result<VersionedSettings> {
        let row: Option<(i64, String, String)> = self
            .conn
            .query_row(
                "SELECT version, changed_at, settings FROM branch_settings
                 WHERE branch_id = ?1 ORDER BY version DESC LIMIT 1",
                [branch_id],
                |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
            )
            .optional()?;
        let (version, changed_at, json) = row.ok_or_else(|| not_found(branch_id))?;
        let settings = serde_json::from_str(&json).map_err(|e| {
            Error::Corrupt(format!(
                "Thiết lập của chi bộ số {branch_id} bị hỏng ({e})."
            ))
        })?;
        Ok(VersionedSettings {
            version,
            changed_at,
            settings,
        })
    }

    /// Saves new thresholds as the next version; earlier versions stay for the record.
    pub fn update_settings(
        &mut self,
        branch_id: i64,
        settings: &RuleSettings,
    ) -> Result<VersionedSettings> {
        let settings = settings.cleaned()?;
        self.branch(branch_id)?;
        let tx = self.conn.transaction()?;
        insert_settings(&tx, branch_id, &settings)?;
        tx.commit()?;
        self.settings(branch_id)
    }

    /// How many versions of the settings a branch has recorded.
    pub fn settings_version_count(&self, branch_id: i64) -> Result<i64> {
        Ok(self.conn.query_row(
            "SELECT COUNT(*) FROM branch_settings WHERE branch_id = ?1",
            [branch_id],
            |row| row.get(0),
        )?)
    }
}

impl Store {
    /// The branch a command means: `selector` as an id or a name (accents optional), else
    /// the one last opened, else the only one.
    pub fn resolve_branch(&self, selector: Option<&str>) -> Result<Branch> {
        let branches = self.list_branches()?;
        if branches.is_empty() {
            return Err(Error::NotFound(
                "Chưa có chi bộ nào. Tạo bằng `chibo init` hoặc `chibo demo`.".into(),
            ));
        }
        let Some(selector) = selector.map(str::trim).filter(|s| !s.is_empty()) else {
            let current = self.prefs()?.current_branch_id;
            return current
                .and_then(|id| branches.into_iter().find(|b| b.id == id))
                .ok_or_else(|| Error::NotFound("Chưa chọn chi bộ; hãy dùng --branch.".into()));
        };
        let by_id = selector.parse::<i64>().ok();
        let folded = fold(selector);
        branches
            .into_iter()
            .find(|b| Some(b.id) == by_id || fold(&b.name) == folded)
            .ok_or_else(|| {
                Error::NotFound(format!("Không có chi bộ \"{selector}\" trong dữ liệu này."))
            })
    }
}
