//! Meetings: the year's list and plan, one meeting's record and its changes, the documents
//! register, the year's schedule as a spreadsheet.

use chibo_core::document::{Document, DocumentInput};
use chibo_core::meeting::MeetingKind;
use chibo_core::meeting_input::MeetingInput;
use chibo_core::planning::DayRule;
use chibo_store::meeting_record::{MeetingDetail, MemberChoice, StatusChange};
use chibo_store::meetings::MeetingSummary;
use chrono::NaiveDate;
use tauri::{AppHandle, State};

use crate::dialogs::{self, EXCEL};
use crate::error::IpcResult;
use crate::state::AppState;
use chibo_store::clock::today;

#[tauri::command]
pub fn meetings_of_year(
    state: State<'_, AppState>,
    branch_id: i64,
    year: i32,
) -> IpcResult<Vec<MeetingSummary>> {
    state.with_store(|store| store.meetings_of_year(branch_id, year))
}

#[tauri::command]
pub fn plan_year(
    state: State<'_, AppState>,
    branch_id: i64,
    year: i32,
    rule: DayRule,
) -> IpcResult<Vec<MeetingSummary>> {
    state.with_store(|store| store.plan_year(branch_id, year, rule))
}

/// A blank meeting of `kind` on `date` with the standard agenda of its kind.
#[tauri::command]
pub fn new_meeting(kind: MeetingKind, date: NaiveDate) -> MeetingInput {
    MeetingInput::new(kind, date)
}

#[tauri::command]
pub fn meeting_detail(state: State<'_, AppState>, meeting_id: i64) -> IpcResult<MeetingDetail> {
    state.with_store(|store| store.meeting_detail(meeting_id))
}

#[tauri::command]
pub fn meeting_candidates(
    state: State<'_, AppState>,
    branch_id: i64,
    date: NaiveDate,
) -> IpcResult<Vec<MemberChoice>> {
    state.with_store(|store| store.meeting_candidates(branch_id, date))
}

#[tauri::command]
pub fn create_meeting(
    state: State<'_, AppState>,
    branch_id: i64,
    input: MeetingInput,
) -> IpcResult<MeetingDetail> {
    state.with_store(|store| store.create_meeting(branch_id, &input, today()))
}

#[tauri::command]
pub fn update_meeting(
    state: State<'_, AppState>,
    meeting_id: i64,
    input: MeetingInput,
) -> IpcResult<MeetingDetail> {
    state.with_store(|store| store.update_meeting(meeting_id, &input, today()))
}

#[tauri::command]
pub fn delete_meeting(state: State<'_, AppState>, meeting_id: i64) -> IpcResult<()> {
    state.with_store(|store| store.delete_meeting(meeting_id))
}

#[tauri::command]
pub fn change_meeting_status(
    state: State<'_, AppState>,
    meeting_id: i64,
    change: StatusChange,
) -> IpcResult<MeetingDetail> {
    state.with_store(|store| store.change_meeting_status(meeting_id, &change, today()))
}

#[tauri::command]
pub fn copy_agenda(
    state: State<'_, AppState>,
    meeting_id: i64,
    from_meeting_id: i64,
) -> IpcResult<MeetingDetail> {
    state.with_store(|store| store.copy_agenda(meeting_id, from_meeting_id))
}

#[tauri::command]
pub fn documents(state: State<'_, AppState>, branch_id: i64) -> IpcResult<Vec<Document>> {
    state.with_store(|store| store.documents(branch_id))
}

#[tauri::command]
pub fn create_document(
    state: State<'_, AppState>,
    branch_id: i64,
    input: DocumentInput,
) -> IpcResult<Document> {
    state.with_store(|store| store.create_document(branch_id, &input, today()))
}

#[tauri::command]
pub fn update_document(
    state: State<'_, AppState>,
    document_id: i64,
    input: DocumentInput,
) -> IpcResult<Document> {
    state.with_store(|store| store.update_document(document_id, &input, today()))
}

#[tauri::command]
pub fn delete_document(state: State<'_, AppState>, document_id: i64) -> IpcResult<()> {
    state.with_store(|store| store.delete_document(document_id))
}

/// Saves the year's schedule where the user chooses; `null` when they cancel.
#[tauri::command]
pub async fn export_schedule(
    app: AppHandle,
    state: State<'_, AppState>,
    branch_id: i64,
    year: i32,
) -> IpcResult<Option<String>> {
    let suggested = state.with_store(|store| store.schedule_file_name(branch_id, year))?;
    let Some(path) = dialogs::save_file(&app, &EXCEL, &suggested) else {
        return Ok(None);
    };
    state.with_store(|store| store.export_schedule(branch_id, year, &path))?;
    Ok(Some(path.display().to_string()))
}
