//! Backups from the settings screen (list, settings, back up now, preview and restore) and
//! from the start-up screen when the database could not be opened (restore the newest good
//! backup, only when the user asks).

use std::path::PathBuf;

use chibo_store::backups::{list_backups, BackupFile, BackupOverview, BackupSettings};
use chibo_store::clock::now;
use chibo_store::database_copy::DatabaseFacts;
use chibo_store::restore::{BackupPreview, RestoreReport};
use tauri::{AppHandle, State};

use crate::dialogs::{self, BACKUP};
use crate::error::{IpcError, IpcResult};
use crate::state::AppState;

#[tauri::command]
pub fn backup_overview(state: State<'_, AppState>) -> IpcResult<BackupOverview> {
    let folder = state.data_dir()?.backups();
    let (settings, backups) =
        state.with_store(|store| Ok((store.backup_settings()?, store.backups()?)))?;
    Ok(BackupOverview {
        settings,
        backups,
        folder: folder.display().to_string(),
        notices: state.notices(),
    })
}

#[tauri::command]
pub fn set_backup_settings(
    state: State<'_, AppState>,
    settings: BackupSettings,
) -> IpcResult<BackupSettings> {
    state.with_store(|store| store.set_backup_settings(&settings))
}

/// Asks for a folder (a USB stick) to receive a second copy; `null` when cancelled.
#[tauri::command]
pub async fn choose_second_backup_folder(app: AppHandle) -> IpcResult<Option<String>> {
    Ok(dialogs::pick_folder(&app).map(|path| path.display().to_string()))
}

/// "Back up now": a verified copy where the user chooses; `null` when cancelled.
#[tauri::command]
pub async fn backup_now(
    app: AppHandle,
    state: State<'_, AppState>,
) -> IpcResult<Option<DatabaseFacts>> {
    let suggested = format!("SoTayChiBo-{}.sqlite3", now().format("%Y-%m-%d-%H%M"));
    let Some(path) = dialogs::save_file(&app, &BACKUP, &suggested) else {
        return Ok(None);
    };
    state.with_store(|store| store.backup_to(&path)).map(Some)
}

fn listed_backup(state: &AppState, file_name: &str) -> IpcResult<PathBuf> {
    let folder = state.data_dir()?.backups();
    list_backups(&folder)
        .into_iter()
        .find(|b| b.file_name == file_name)
        .map(|b| PathBuf::from(b.path))
        .ok_or_else(|| IpcError {
            code: "not_found",
            message: format!("Không còn bản sao lưu {file_name} trong thư mục sao lưu."),
            field: None,
        })
}

/// Checks a backup before restoring: one from the list (`fileName`) or one picked in the
/// dialog (`null`). Only the file previewed last can then be restored. `null` on cancel.
#[tauri::command]
pub async fn preview_restore(
    app: AppHandle,
    state: State<'_, AppState>,
    file_name: Option<String>,
) -> IpcResult<Option<BackupPreview>> {
    let path = match file_name {
        Some(name) => listed_backup(&state, &name)?,
        None => match dialogs::open_file(&app, &BACKUP) {
            Some(path) => path,
            None => return Ok(None),
        },
    };
    state.remember_previewed_backup(None)?;
    let preview = state.data_dir()?.inspect_backup(&path)?;
    state.remember_previewed_backup(Some(path))?;
    Ok(Some(preview))
}

/// Restores the backup previewed last (a safety copy of the current data is kept).
#[tauri::command]
pub async fn restore_backup(state: State<'_, AppState>) -> IpcResult<RestoreReport> {
    let path = state.previewed_backup()?.ok_or_else(|| IpcError {
        code: "validation",
        message: "Hãy chọn và kiểm tra bản sao lưu trước khi khôi phục.".into(),
        field: Some("backup".into()),
    })?;
    let report = state.with_store(|store| store.restore(&path, now()))?;
    state.remember_previewed_backup(None)?;
    log::info!("restored a backup; safety copy kept");
    Ok(report)
}

/// The backups available when the database could not be opened.
#[tauri::command]
pub fn startup_backups(state: State<'_, AppState>) -> IpcResult<Vec<BackupFile>> {
    Ok(list_backups(&state.data_dir()?.backups()))
}

/// Replaces the database that could not be opened with the chosen backup; the damaged
/// file is set aside in the backups folder.
#[tauri::command]
pub async fn restore_at_startup(
    state: State<'_, AppState>,
    file_name: String,
) -> IpcResult<RestoreReport> {
    let path = listed_backup(&state, &file_name)?;
    let (store, report) = state.data_dir()?.restore_over_damaged(&path, now())?;
    state.replace_store(store)?;
    log::info!("replaced a database that could not be opened by a backup");
    Ok(report)
}

/// Notices since start: automatic backups, attachments found missing at start.
#[tauri::command]
pub fn app_notices(state: State<'_, AppState>) -> Vec<String> {
    state.notices()
}
