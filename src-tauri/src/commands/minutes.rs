//! The minutes of a meeting: read, save the draft, approve, amend; and the meeting's
//! printable documents (minutes, sign-in sheet, notice) as DOCX or PDF; printing the notice
//! issues it (its own number and date) the first time.

use chibo_core::minutes::MinutesContent;
use chibo_store::clock::today;
use chibo_store::meeting_documents::{DocumentFormat, MeetingDocument};
use chibo_store::minutes::MinutesView;
use chrono::NaiveDate;
use tauri::{AppHandle, State};

use crate::dialogs::{self, PDF, WORD};
use crate::error::IpcResult;
use crate::opener::open_with_default_app;
use crate::state::AppState;

#[tauri::command]
pub fn minutes(state: State<'_, AppState>, meeting_id: i64) -> IpcResult<MinutesView> {
    state.with_store(|store| store.minutes(meeting_id))
}

#[tauri::command]
pub fn save_minutes(
    state: State<'_, AppState>,
    meeting_id: i64,
    content: MinutesContent,
) -> IpcResult<MinutesView> {
    state.with_store(|store| store.save_minutes(meeting_id, &content))
}

#[tauri::command]
pub fn approve_minutes(state: State<'_, AppState>, meeting_id: i64) -> IpcResult<MinutesView> {
    state.with_store(|store| store.approve_minutes(meeting_id))
}

#[tauri::command]
pub fn amend_minutes(
    state: State<'_, AppState>,
    meeting_id: i64,
    reason: String,
) -> IpcResult<MinutesView> {
    state.with_store(|store| store.amend_minutes(meeting_id, &reason))
}

/// Saves one of the meeting's documents where the user chooses, then opens it when asked;
/// `null` when they cancel.
#[tauri::command]
pub async fn export_meeting_document(
    app: AppHandle,
    state: State<'_, AppState>,
    meeting_id: i64,
    document: MeetingDocument,
    format: DocumentFormat,
    open_after: bool,
    notice_issued_on: Option<NaiveDate>,
) -> IpcResult<Option<String>> {
    // The issue date is checked before the save dialog opens: a refusal asks for nothing.
    if document == MeetingDocument::Notice {
        state.with_store(|store| {
            store.notice_date_to_write(meeting_id, notice_issued_on, today())
        })?;
    }
    let suggested =
        state.with_store(|store| store.meeting_document_file_name(meeting_id, document, format))?;
    let kind = match format {
        DocumentFormat::Docx => &WORD,
        DocumentFormat::Pdf => &PDF,
    };
    let Some(path) = dialogs::save_file(&app, kind, &suggested) else {
        return Ok(None);
    };
    state.with_store(|store| {
        store.print_meeting_document(
            meeting_id,
            document,
            format,
            &path,
            notice_issued_on,
            today(),
        )
    })?;
    if open_after {
        open_with_default_app(&app, &path)?;
    }
    Ok(Some(path.display().to_string()))
}
