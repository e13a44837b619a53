//! A meeting's attached files: list (quick, then with hashes checked), add through the
//! multi-file dialog, open with the system's program, remove.

use chibo_store::attachments::{Attachment, Check};
use tauri::{AppHandle, State};

use crate::dialogs;
use crate::error::IpcResult;
use crate::opener::open_with_default_app;
use crate::state::AppState;

/// The attachments with a quick state (present, right size): for showing the list at once.
#[tauri::command]
pub fn attachments(state: State<'_, AppState>, meeting_id: i64) -> IpcResult<Vec<Attachment>> {
    state.with_store(|store| store.attachments(meeting_id, Check::Size))
}

/// The attachments with every file's hash checked (reads them all; called after the list
/// is shown).
#[tauri::command]
pub async fn verify_attachments(
    state: State<'_, AppState>,
    meeting_id: i64,
) -> IpcResult<Vec<Attachment>> {
    state.with_store(|store| store.attachments(meeting_id, Check::Hash))
}

/// Asks for files and attaches them all, or none on any problem. Empty when cancelled.
#[tauri::command]
pub async fn add_attachments(
    app: AppHandle,
    state: State<'_, AppState>,
    meeting_id: i64,
) -> IpcResult<Vec<Attachment>> {
    let files = dialogs::pick_files(&app);
    if files.is_empty() {
        return Ok(Vec::new());
    }
    state.with_store(|store| store.add_attachments(meeting_id, &files))
}

#[tauri::command]
pub async fn open_attachment(app: AppHandle, state: State<'_, AppState>, id: i64) -> IpcResult<()> {
    let path = state.with_store(|store| store.attachment_file(id))?;
    open_with_default_app(&app, &path)
}

#[tauri::command]
pub fn remove_attachment(state: State<'_, AppState>, id: i64) -> IpcResult<()> {
    state.with_store(|store| store.remove_attachment(id))
}
