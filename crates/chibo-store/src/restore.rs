//! Restoring a backup: the chosen file is checked (an SQLite file of this app, whole, not
//! from a newer version; an older one is migrated) on a copy, a safety copy of the current
//! data is kept, and the switch happens in one step, so there is never a half-restored
//! state. Attachments the restored data refers to come back from the backups folder.
//!
//! Two ways in: into the open store (from the settings), or over a damaged database that
//! could not be opened (from the start-up screen), which is set aside, never deleted.

use std::path::Path;

use chrono::NaiveDateTime;
use rusqlite::backup::Progress;
use rusqlite::MAIN_DB;
use serde::Serialize;
use ts_rs::TS;

use crate::atomic_file::{persist, write_error};
use crate::backups::{backup_name, parse_name, sync_attachments};
use crate::data_dir::DataDir;
use crate::database_copy::{copy_database_to_new, facts, prepare_candidate, DatabaseFacts};
use crate::error::{Error, Result};
use crate::store::Store;

/// What a backup file holds, checked the way a restore checks it; shown before the user
/// confirms.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct BackupPreview {
    pub path: String,
    pub backup_taken_at: Option<String>,
    #[ts(type = "number")]
    pub found_version: i64,
    pub facts: DatabaseFacts,
}

/// What a restore did, for the message the user reads.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RestoreReport {
    pub restored_from: String,
    /// When the backup was taken, from its name or else the file's time.
    pub backup_taken_at: Option<String>,
    /// The schema version the backup had (older ones are migrated).
    #[ts(type = "number")]
    pub found_version: i64,
    /// What the data holds now.
    pub facts: DatabaseFacts,
    /// Where the data replaced by the restore was kept.
    pub safety_copy: String,
}

fn taken_at(path: &Path) -> Option<String> {
    let name = path.file_name()?.to_string_lossy().into_owned();
    let time = parse_name(&name).map(|(_, t)| t).or_else(|| {
        let modified = std::fs::metadata(path).ok()?.modified().ok()?;
        Some(chrono::DateTime::<chrono::Local>::from(modified).naive_local())
    })?;
    Some(time.format("%Y-%m-%dT%H:%M:%S").to_string())
}

impl Store {
    /// Replaces the data with the backup at `source`, after checking it.
    pub fn restore(&mut self, source: &Path, now: NaiveDateTime) -> Result<RestoreReport> {
        let dir = self.data_dir().cloned().ok_or_else(|| {
            Error::Internal("Dữ liệu tạm trong bộ nhớ không khôi phục được.".into())
        })?;
        let candidate = prepare_candidate(source, dir.root())?;
        let backups = dir.backups();
        std::fs::create_dir_all(&backups).map_err(|e| write_error(&backups, &backups, &e))?;
        let (safety, _) =
            copy_database_to_new(&self.conn, &backups, |n| backup_name(true, now, n))?;
        self.conn
            .restore(MAIN_DB, candidate.file.path(), None::<fn(Progress)>)?;
        restore_attachments(&dir)?;
        Ok(RestoreReport {
            restored_from: source.display().to_string(),
            backup_taken_at: taken_at(source),
            found_version: candidate.found_version,
            facts: facts(&self.conn)?,
            safety_copy: safety.display().to_string(),
        })
    }
}

/// Attachments present in the backups folder but missing from the data folder come back.
fn restore_attachments(dir: &DataDir) -> Result<u32> {
    sync_attachments(&dir.backups().join("attachments"), &dir.attachments())
}

impl DataDir {
    /// Checks a backup file without changing anything.
    pub fn inspect_backup(&self, source: &Path) -> Result<BackupPreview> {
        let candidate = prepare_candidate(source, self.root())?;
        Ok(BackupPreview {
            path: source.display().to_string(),
            backup_taken_at: taken_at(source),
            found_version: candidate.found_version,
            facts: candidate.facts,
        })
    }

    /// Puts the backup at `source` in place of a database that could not be opened. The
    /// damaged files are moved into `backups/` under a dated name, never deleted.
    pub fn restore_over_damaged(
        &self,
        source: &Path,
        now: NaiveDateTime,
    ) -> Result<(Store, RestoreReport)> {
        let candidate = prepare_candidate(source, self.root())?;
        let backups = self.backups();
        std::fs::create_dir_all(&backups).map_err(|e| write_error(&backups, &backups, &e))?;
        let stamp = format!("hong-{}", now.format("%Y-%m-%d-%H%M%S"));
        // A stem no earlier set-aside uses: damaged files are never renamed over each other.
        let stem = (1..)
            .map(|n| match n {
                1 => stamp.clone(),
                n => format!("{stamp}-{n}"),
            })
            .find(|stem| {
                ["", "-wal", "-shm"]
                    .iter()
                    .all(|suffix| !backups.join(format!("{stem}.sqlite3{suffix}")).exists())
            })
            .unwrap_or(stamp);
        let database = self.database();
        let set_aside = backups.join(format!("{stem}.sqlite3"));
        for suffix in ["", "-wal", "-shm"] {
            let from = std::path::PathBuf::from(format!("{}{suffix}", database.display()));
            if from.exists() {
                let to = backups.join(format!("{stem}.sqlite3{suffix}"));
                std::fs::rename(&from, &to).map_err(|e| {
                    Error::io(
                        &format!(
                            "Không dời được tệp dữ liệu hỏng {} sang thư mục sao lưu. Hãy đóng \
                             các chương trình đang mở tệp đó rồi thử lại",
                            from.display()
                        ),
                        &e,
                    )
                })?;
            }
        }
        candidate
            .file
            .as_file()
            .sync_all()
            .map_err(|e| write_error(&database, self.root(), &e))?;
        persist(candidate.file, &database)?;
        restore_attachments(self)?;
        let store = Store::open(self.clone())?;
        let report = RestoreReport {
            restored_from: source.display().to_string(),
            backup_taken_at: taken_at(source),
            found_version: candidate.found_version,
            facts: facts(&store.conn)?,
            safety_copy: set_aside.display().to_string(),
        };
        Ok((store, report))
    }
}
