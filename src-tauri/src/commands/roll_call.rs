//! The roll call of a meeting and a member's attendance history.

use chibo_core::attendance::{Mark, RollCallCounts};
use chibo_store::attendance_history::AttendanceHistory;
use chibo_store::roll_call::RollCall;
use chrono::NaiveDate;
use tauri::State;

use crate::error::IpcResult;
use crate::state::AppState;
use chibo_store::clock::today;

#[tauri::command]
pub fn roll_call(state: State<'_, AppState>, meeting_id: i64) -> IpcResult<RollCall> {
    state.with_store(|store| store.roll_call(meeting_id))
}

/// The live counters for marks being taken, not saved.
#[tauri::command]
pub fn roll_call_counts(
    state: State<'_, AppState>,
    meeting_id: i64,
    marks: Vec<Mark>,
) -> IpcResult<RollCallCounts> {
    state.with_store(|store| store.roll_call_counts(meeting_id, &marks))
}

#[tauri::command]
pub fn save_roll_call(
    state: State<'_, AppState>,
    meeting_id: i64,
    marks: Vec<Mark>,
) -> IpcResult<RollCall> {
    state.with_store(|store| store.save_roll_call(meeting_id, &marks, today()))
}

#[tauri::command]
pub fn member_attendance(
    state: State<'_, AppState>,
    member_id: i64,
    from: Option<NaiveDate>,
    until: Option<NaiveDate>,
) -> IpcResult<AttendanceHistory> {
    state.with_store(|store| store.member_attendance(member_id, from, until))
}
