//! Roster spreadsheets: pick a file, preview and confirm an import, save the template and
//! the roster. Dialog commands are async so the native dialog never blocks the event loop.

use std::path::PathBuf;

use chibo_store::clock::today;
use chibo_store::roster_io::{
    write_import_template, ImportPreview, ImportResult, OnDuplicate, RosterFormat,
};
use chrono::NaiveDate;
use tauri::{AppHandle, State};

use crate::dialogs::{self, CSV, EXCEL, SPREADSHEETS};
use crate::error::IpcResult;
use crate::state::AppState;

fn shown(path: PathBuf) -> String {
    path.display().to_string()
}

#[tauri::command]
pub async fn pick_import_file(app: AppHandle) -> IpcResult<Option<String>> {
    Ok(dialogs::open_file(&app, &SPREADSHEETS).map(shown))
}

#[tauri::command]
pub fn preview_import(
    state: State<'_, AppState>,
    branch_id: i64,
    path: PathBuf,
) -> IpcResult<ImportPreview> {
    state.with_store(|store| store.preview_import(branch_id, &path, today()))
}

#[tauri::command]
pub fn commit_import(
    state: State<'_, AppState>,
    branch_id: i64,
    path: PathBuf,
    file_hash: String,
    on_duplicate: OnDuplicate,
) -> IpcResult<ImportResult> {
    state.with_store(|store| {
        store.commit_import(branch_id, &path, &file_hash, on_duplicate, today())
    })
}

#[tauri::command]
pub async fn save_import_template(app: AppHandle) -> IpcResult<Option<String>> {
    let Some(path) = dialogs::save_file(&app, &EXCEL, "mau-danh-sach-dang-vien.xlsx") else {
        return Ok(None);
    };
    write_import_template(&path)?;
    Ok(Some(shown(path)))
}

#[tauri::command]
pub async fn export_roster(
    app: AppHandle,
    state: State<'_, AppState>,
    branch_id: i64,
    as_of: NaiveDate,
    format: RosterFormat,
) -> IpcResult<Option<String>> {
    let suggested = state.with_store(|store| store.roster_file_name(branch_id, as_of, format))?;
    let kind = match format {
        RosterFormat::Xlsx => &EXCEL,
        RosterFormat::Csv => &CSV,
    };
    let Some(path) = dialogs::save_file(&app, kind, &suggested) else {
        return Ok(None);
    };
    state.with_store(|store| store.export_roster(branch_id, as_of, format, &path))?;
    Ok(Some(shown(path)))
}
