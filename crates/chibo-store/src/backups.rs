//! Automatic and manual backups: the database copied through the online backup API and
//! verified, the attachments copied incrementally (they are stored by content), old
//! automatic backups rotated out only after a new one is verified, and an optional second
//! folder (a USB stick) skipped with a notice when it is absent.

use std::path::{Path, PathBuf};

use chibo_core::backup_rotation::{backups_to_delete, Retention};
use chibo_core::validation::FieldError;
use chrono::{NaiveDateTime, Timelike};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::atomic_file::{persist, temp_file_in, write_error};
use crate::data_dir::DataDir;
use crate::database_copy::{copy_database, copy_database_to_new, facts, DatabaseFacts};
use crate::error::{Error, Result};
use crate::store::Store;

const AUTOMATIC_PREFIX: &str = "chibo-";
const SAFETY_PREFIX: &str = "truoc-khoi-phuc-";
const EXTENSION: &str = ".sqlite3";
const NAME_TIME: &str = "%Y-%m-%d-%H%M%S";
/// The folder made inside the second backup folder (a USB stick holds other things).
pub const SECOND_FOLDER_NAME: &str = "SoTayChiBo-saoluu";

/// Which backups to keep and where else to put them; kept per computer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BackupSettings {
    pub keep_daily: u32,
    pub keep_monthly: u32,
    /// A second folder (e.g. on a USB stick) that also receives each automatic backup.
    pub second_folder: Option<String>,
}

impl Default for BackupSettings {
    fn default() -> Self {
        let retention = Retention::default();
        Self {
            keep_daily: retention.keep_daily,
            keep_monthly: retention.keep_monthly,
            second_folder: None,
        }
    }
}

impl BackupSettings {
    fn retention(&self) -> Retention {
        Retention {
            keep_daily: self.keep_daily,
            keep_monthly: self.keep_monthly,
        }
    }

    fn validate(&self) -> Result<()> {
        if !(1..=60).contains(&self.keep_daily) {
            return Err(FieldError::new(
                "keep_daily",
                "Số bản sao lưu hằng ngày giữ lại phải từ 1 đến 60.",
            )
            .into());
        }
        if self.keep_monthly > 120 {
            return Err(FieldError::new(
                "keep_monthly",
                "Số bản sao lưu hằng tháng giữ lại phải từ 0 đến 120.",
            )
            .into());
        }
        if let Some(folder) = &self.second_folder {
            if !Path::new(folder).is_absolute() {
                return Err(FieldError::new(
                    "second_folder",
                    "Thư mục sao lưu thứ hai phải là một đường dẫn đầy đủ (ví dụ E:\\).",
                )
                .into());
            }
        }
        Ok(())
    }
}

/// Why an automatic backup is taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BackupMoment {
    /// At start: only when there is none from today yet.
    Start,
    /// At close: always.
    Close,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum BackupKind {
    Automatic,
    /// Taken just before a restore replaced the data.
    SafetyCopy,
}

/// A backup file in the `backups/` folder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct BackupFile {
    pub path: String,
    pub file_name: String,
    pub kind: BackupKind,
    /// Local time it was taken, "YYYY-MM-DDTHH:MM:SS".
    pub taken_at: String,
    #[ts(type = "number")]
    pub size: u64,
}

/// The backup section of the settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct BackupOverview {
    pub settings: BackupSettings,
    pub backups: Vec<BackupFile>,
    /// The `backups/` folder, for the user to find it.
    pub folder: String,
    /// Notices of the automatic backups since start (second folder absent, …).
    pub notices: Vec<String>,
}

/// What a backup did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct BackupOutcome {
    /// The new backup; `None` when one from today already existed (at start).
    pub backup: Option<BackupFile>,
    pub facts: Option<DatabaseFacts>,
    /// Attachment files newly copied.
    pub attachments_copied: u32,
    /// Older automatic backups removed by the rotation.
    pub rotated_out: u32,
    /// Things the user should know (the second folder was absent, …).
    pub notices: Vec<String>,
}

pub(crate) fn parse_name(name: &str) -> Option<(BackupKind, NaiveDateTime)> {
    let stem = name.strip_suffix(EXTENSION)?;
    let (kind, time) = if let Some(time) = stem.strip_prefix(SAFETY_PREFIX) {
        (BackupKind::SafetyCopy, time)
    } else {
        (BackupKind::Automatic, stem.strip_prefix(AUTOMATIC_PREFIX)?)
    };
    NaiveDateTime::parse_from_str(split_copy_number(time).0, NAME_TIME)
        .ok()
        .map(|t| (kind, t))
}

/// A name's time stamp and its copy number: a second copy within the same second carries
/// "-2", "-3"… after the stamp; the first has none (1).
fn split_copy_number(time: &str) -> (&str, u32) {
    match time.rsplit_once('-') {
        Some((stamp, n)) if stamp.len() == STAMP_LEN => match n.parse() {
            Ok(n) => (stamp, n),
            Err(_) => (time, 1),
        },
        _ => (time, 1),
    }
}

/// The copy number of a backup file's name (see [`split_copy_number`]).
fn copy_number(name: &str) -> u32 {
    let stem = name.strip_suffix(EXTENSION).unwrap_or(name);
    let time = stem
        .strip_prefix(SAFETY_PREFIX)
        .or_else(|| stem.strip_prefix(AUTOMATIC_PREFIX))
        .unwrap_or(stem);
    split_copy_number(time).1
}

/// The length of a name's time stamp, "2026-11-27-080000".
const STAMP_LEN: usize = 17;

/// The `n`-th name for a copy taken at `at`: the time stamp, then "-n" from the second on.
pub(crate) fn backup_name(prefix_safety: bool, at: NaiveDateTime, n: u32) -> String {
    let prefix = if prefix_safety {
        SAFETY_PREFIX
    } else {
        AUTOMATIC_PREFIX
    };
    let stamp = at.format(NAME_TIME);
    match n {
        0 | 1 => format!("{prefix}{stamp}{EXTENSION}"),
        n => format!("{prefix}{stamp}-{n}{EXTENSION}"),
    }
}

/// The backups in a folder, newest first (files of other names are ignored).
pub fn list_backups(folder: &Path) -> Vec<BackupFile> {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return Vec::new();
    };
    let mut found: Vec<(NaiveDateTime, BackupFile)> = entries
        .filter_map(|entry| entry.ok())
        .filter_map(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            let (kind, taken) = parse_name(&name)?;
            let size = entry.metadata().ok()?.len();
            Some((
                taken,
                BackupFile {
                    path: entry.path().display().to_string(),
                    file_name: name,
                    kind,
                    taken_at: taken.format("%Y-%m-%dT%H:%M:%S").to_string(),
                    size,
                },
            ))
        })
        .collect();
    found.sort_by_key(|(taken, file)| std::cmp::Reverse((*taken, copy_number(&file.file_name))));
    found.into_iter().map(|(_, file)| file).collect()
}

/// Removes the automatic backups in `folder` the retention does not keep.
fn rotate(folder: &Path, retention: Retention) -> u32 {
    let automatic: Vec<(PathBuf, NaiveDateTime)> = list_backups(folder)
        .into_iter()
        .filter(|b| b.kind == BackupKind::Automatic)
        .filter_map(|b| Some((PathBuf::from(&b.path), parse_name(&b.file_name)?.1)))
        .collect();
    let times: Vec<NaiveDateTime> = automatic.iter().map(|(_, t)| *t).collect();
    let mut removed = 0;
    for index in backups_to_delete(&times, retention) {
        if std::fs::remove_file(&automatic[index].0).is_ok() {
            removed += 1;
        }
    }
    removed
}

/// Copies the files of `from` missing in `to` (content-addressed: a present name is the
/// same content), each through a temp file. Returns how many were copied.
pub(crate) fn sync_attachments(from: &Path, to: &Path) -> Result<u32> {
    let Ok(entries) = std::fs::read_dir(from) else {
        return Ok(0);
    };
    std::fs::create_dir_all(to).map_err(|e| write_error(to, to, &e))?;
    let mut copied = 0;
    for entry in entries.filter_map(|e| e.ok()) {
        let name = entry.file_name();
        let is_ours = !name.to_string_lossy().starts_with('.');
        let target = to.join(&name);
        if !is_ours || target.exists() || !entry.path().is_file() {
            continue;
        }
        let temp = temp_file_in(to).map_err(|e| write_error(&target, to, &e))?;
        std::fs::copy(entry.path(), temp.path()).map_err(|e| write_error(&target, to, &e))?;
        temp.as_file()
            .sync_all()
            .map_err(|e| write_error(&target, to, &e))?;
        persist(temp, &target)?;
        copied += 1;
    }
    Ok(copied)
}

fn taken_today(folder: &Path, now: NaiveDateTime) -> bool {
    list_backups(folder).iter().any(|b| {
        b.kind == BackupKind::Automatic
            && parse_name(&b.file_name).is_some_and(|(_, t)| t.date() == now.date())
    })
}

impl Store {
    fn data_dir_or_error(&self) -> Result<&DataDir> {
        self.data_dir()
            .ok_or_else(|| Error::Internal("Dữ liệu tạm trong bộ nhớ không sao lưu được.".into()))
    }

    pub fn backup_settings(&self) -> Result<BackupSettings> {
        Ok(self
            .pref("backup_settings")?
            .and_then(|json| serde_json::from_str(&json).ok())
            .unwrap_or_default())
    }

    pub fn set_backup_settings(&mut self, settings: &BackupSettings) -> Result<BackupSettings> {
        settings.validate()?;
        let json = serde_json::to_string(settings)
            .map_err(|e| Error::Internal(format!("Không ghi được thiết lập sao lưu ({e}).")))?;
        self.set_pref("backup_settings", &json)?;
        self.backup_settings()
    }

    /// The backups in the data folder, newest first.
    pub fn backups(&self) -> Result<Vec<BackupFile>> {
        Ok(list_backups(&self.data_dir_or_error()?.backups()))
    }

    /// A verified copy of the database at `target` (any folder: "back up now", `chibo
    /// backup --out`). Attachments are not included; see [`Store::automatic_backup`].
    pub fn backup_to(&self, target: &Path) -> Result<DatabaseFacts> {
        self.check_output(target)?;
        copy_database(&self.conn, target)?;
        facts(&self.conn)
    }

    /// The automatic backup into `backups/` (at start only if none today), with the
    /// attachments, the rotation, and the copy to the second folder.
    pub fn automatic_backup(
        &self,
        moment: BackupMoment,
        now: NaiveDateTime,
    ) -> Result<BackupOutcome> {
        let dir = self.data_dir_or_error()?;
        let folder = dir.backups();
        std::fs::create_dir_all(&folder).map_err(|e| write_error(&folder, &folder, &e))?;
        if moment == BackupMoment::Start && taken_today(&folder, now) {
            return Ok(BackupOutcome {
                backup: None,
                facts: None,
                attachments_copied: 0,
                rotated_out: 0,
                notices: Vec::new(),
            });
        }
        let now = now.with_nanosecond(0).unwrap_or(now);
        let (target, _) =
            copy_database_to_new(&self.conn, &folder, |n| backup_name(false, now, n))?;
        let attachments_copied = sync_attachments(&dir.attachments(), &folder.join("attachments"))?;
        let settings = self.backup_settings()?;
        let rotated_out = rotate(&folder, settings.retention());
        let mut notices = Vec::new();
        if let Some(second) = &settings.second_folder {
            if let Err(notice) = copy_to_second_folder(&target, dir, Path::new(second), &settings) {
                notices.push(notice);
            }
        }
        let backup = list_backups(&folder)
            .into_iter()
            .find(|b| Path::new(&b.path) == target);
        Ok(BackupOutcome {
            backup,
            facts: Some(facts(&self.conn)?),
            attachments_copied,
            rotated_out,
            notices,
        })
    }
}

/// The second copy; any failure (stick absent, pulled mid-copy, full) is a notice, never an
/// error: the backup in the data folder is already done.
fn copy_to_second_folder(
    backup: &Path,
    dir: &DataDir,
    second: &Path,
    settings: &BackupSettings,
) -> std::result::Result<(), String> {
    let shown = second.display();
    if !second.is_dir() {
        return Err(format!(
            "Không thấy thư mục sao lưu thứ hai {shown} (USB chưa cắm?). Đã bỏ qua; bản sao \
             lưu trong máy vẫn được tạo."
        ));
    }
    let failed = |e: Error| {
        format!("Chưa chép được bản sao lưu sang {shown}: {e} Bản sao lưu trong máy vẫn được tạo.")
    };
    let target_folder = second.join(SECOND_FOLDER_NAME);
    std::fs::create_dir_all(&target_folder)
        .map_err(|e| failed(write_error(&target_folder, &target_folder, &e)))?;
    let name = backup.file_name().unwrap_or_default();
    let target = target_folder.join(name);
    let temp = temp_file_in(&target_folder)
        .map_err(|e| failed(write_error(&target, &target_folder, &e)))?;
    std::fs::copy(backup, temp.path())
        .map_err(|e| failed(write_error(&target, &target_folder, &e)))?;
    temp.as_file()
        .sync_all()
        .map_err(|e| failed(write_error(&target, &target_folder, &e)))?;
    persist(temp, &target).map_err(failed)?;
    sync_attachments(&dir.attachments(), &target_folder.join("attachments")).map_err(failed)?;
    rotate(&target_folder, settings.retention());
    Ok(())
}
