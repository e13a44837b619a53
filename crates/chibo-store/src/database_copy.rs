//! Whole-database copies: a verified copy of the live database through SQLite's online
//! backup API (what backups and safety copies are), and the inspection of a database file
//! someone hands us (is it ours, is it whole, how new, what does it hold).

use std::path::{Path, PathBuf};

use rusqlite::backup::{Backup, StepResult};
use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

use crate::atomic_file::{persist, persist_new, temp_file_in, write_error};
use crate::connection::{check_is_sqlite, register_text_functions};
use crate::error::{Error, Result};
use crate::migrations::{self, LATEST_VERSION};

/// What a database file holds, as reported after a backup or a restore.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct DatabaseFacts {
    #[ts(type = "number")]
    pub schema_version: i64,
    pub branches: Vec<String>,
    #[ts(type = "number")]
    pub members: i64,
    #[ts(type = "number")]
    pub meetings: i64,
    #[ts(type = "number")]
    pub minutes: i64,
    #[ts(type = "number")]
    pub attachments: i64,
}

/// The rows of `PRAGMA integrity_check` (or `quick_check`) other than "ok".
pub(crate) fn integrity_problems(conn: &Connection, quick: bool) -> Result<Vec<String>> {
    let pragma = if quick {
        "quick_check"
    } else {
        "integrity_check"
    };
    let mut stmt = conn.prepare(&format!("PRAGMA {pragma}"))?;
    let rows = stmt
        .query_map([], |row| row.get::<_, String>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows.into_iter().filter(|r| r != "ok").collect())
}

fn table_exists(conn: &Connection, table: &str) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?1",
        [table],
        |row| row.get::<_, i64>(0),
    )? > 0)
}

fn count(conn: &Connection, table: &str) -> Result<i64> {
    if !table_exists(conn, table)? {
        return Ok(0);
    }
    Ok(
        conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |row| {
            row.get(0)
        })?,
    )
}

pub(crate) fn facts(conn: &Connection) -> Result<DatabaseFacts> {
    let mut stmt = conn.prepare("SELECT name FROM branch ORDER BY name COLLATE vi")?;
    let branches = stmt
        .query_map([], |row| row.get(0))?
        .collect::<rusqlite::Result<Vec<String>>>()?;
    Ok(DatabaseFacts {
        schema_version: migrations::schema_version(conn)?,
        branches,
        members: count(conn, "member")?,
        meetings: count(conn, "meeting")?,
        minutes: count(conn, "minutes")?,
        attachments: count(conn, "attachment")?,
    })
}

fn incomplete_copy() -> Error {
    Error::Locked(
        "Không sao chép được dữ liệu vì cơ sở dữ liệu đang bận. Hãy thử lại sau ít phút.".into(),
    )
}

/// Copies the live database to `target` through the online backup API (see
/// [`checked_copy`]), replacing what is there: for a path the user chose.
pub(crate) fn copy_database(conn: &Connection, target: &Path) -> Result<u64> {
    let folder = target.parent().unwrap_or(Path::new("."));
    let (temp, size) = checked_copy(conn, folder, target)?;
    persist(temp, target)?;
    Ok(size)
}

/// Copies the live database into `folder` under the first free name of `name(1)`,
/// `name(2)`, …: a backup or safety copy never replaces another one.
pub(crate) fn copy_database_to_new(
    conn: &Connection,
    folder: &Path,
    name: impl Fn(u32) -> String,
) -> Result<(PathBuf, u64)> {
    let (temp, size) = checked_copy(conn, folder, &folder.join(name(1)))?;
    Ok((persist_new(temp, folder, name)?, size))
}

/// The live database copied through the online backup API into a temp file in `folder`, in
/// rollback-journal mode (one self-contained file), checked with `integrity_check` and
/// flushed; `target` names it in messages. A copy that fails the check is never kept.
fn checked_copy(
    conn: &Connection,
    folder: &Path,
    target: &Path,
) -> Result<(tempfile::NamedTempFile, u64)> {
    let temp = temp_file_in(folder).map_err(|e| write_error(target, folder, &e))?;
    {
        let mut copy = Connection::open(temp.path())?;
        {
            let backup = Backup::new(conn, &mut copy)?;
            match backup.step(-1)? {
                StepResult::Done => {}
                _ => return Err(incomplete_copy()),
            }
        }
        copy.pragma_update_and_check(None, "journal_mode", "DELETE", |row| {
            row.get::<_, String>(0)
        })?;
        let problems = integrity_problems(&copy, false)?;
        if !problems.is_empty() {
            return Err(Error::Corrupt(format!(
                "Bản sao vừa tạo không đạt kiểm tra toàn vẹn ({}), nên không được giữ. Dữ \
                 liệu đang dùng có thể đã hỏng: hãy chạy “chibo verify”.",
                problems.join("; ")
            )));
        }
    }
    temp.as_file()
        .sync_all()
        .map_err(|e| write_error(target, folder, &e))?;
    let size = temp
        .as_file()
        .metadata()
        .map(|m| m.len())
        .map_err(|e| write_error(target, folder, &e))?;
    Ok((temp, size))
}

/// A database file handed to us (to restore from), copied into `work_folder` so the
/// original is never touched, checked and brought to the current schema.
pub(crate) struct Candidate {
    pub file: tempfile::NamedTempFile,
    /// The schema version the file had before it was brought up to date.
    pub found_version: i64,
    /// What it holds, once brought up to date.
    pub facts: DatabaseFacts,
}

fn not_ours(path: &Path) -> Error {
    Error::Corrupt(format!(
        "Tệp {} không phải bản sao lưu của Sổ tay Chi bộ. Hãy chọn tệp .sqlite3 trong thư mục \
         “backups” hoặc tệp do “Sao lưu ngay” tạo ra.",
        path.display()
    ))
}

pub(crate) fn prepare_candidate(source: &Path, work_folder: &Path) -> Result<Candidate> {
    let metadata = std::fs::metadata(source)
        .map_err(|e| Error::io(&format!("Không đọc được tệp {}", source.display()), &e))?;
    if !metadata.is_file() || metadata.len() == 0 {
        return Err(not_ours(source));
    }
    check_is_sqlite(source).map_err(|_| not_ours(source))?;
    let file = temp_file_in(work_folder).map_err(|e| write_error(source, work_folder, &e))?;
    std::fs::copy(source, file.path())
        .map_err(|e| Error::io(&format!("Không sao chép được tệp {}", source.display()), &e))?;
    let mut conn = Connection::open(file.path())?;
    register_text_functions(&conn)?;
    let damaged = |e: Error| match e {
        Error::Corrupt(_) => Error::Corrupt(format!(
            "Tệp {} bị hỏng nên không khôi phục được. Hãy chọn bản sao lưu khác.",
            source.display()
        )),
        other => other,
    };
    conn.pragma_update_and_check(None, "journal_mode", "DELETE", |row| {
        row.get::<_, String>(0)
    })
    .map_err(|e| damaged(e.into()))?;
    let problems = integrity_problems(&conn, false).map_err(damaged)?;
    if !problems.is_empty() {
        return Err(Error::Corrupt(format!(
            "Tệp {} không đạt kiểm tra toàn vẹn ({}). Hãy chọn bản sao lưu khác.",
            source.display(),
            problems.join("; ")
        )));
    }
    if !table_exists(&conn, "branch")? {
        return Err(not_ours(source));
    }
    let found_version = migrations::schema_version(&conn)?;
    if found_version > LATEST_VERSION {
        return Err(Error::Incompatible(format!(
            "Bản sao lưu {} được tạo bởi phiên bản mới hơn của Sổ tay Chi bộ (lược đồ \
             {found_version}, phiên bản này đọc được đến {LATEST_VERSION}). Hãy cập nhật ứng \
             dụng rồi khôi phục lại; dữ liệu hiện tại không bị thay đổi.",
            source.display()
        )));
    }
    conn.pragma_update(None, "foreign_keys", "ON")?;
    migrations::migrate(&mut conn)?;
    let facts = facts(&conn)?;
    drop(conn);
    Ok(Candidate {
        file,
        found_version,
        facts,
    })
}
