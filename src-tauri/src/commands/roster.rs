//! Members, their statuses, the roster on a date, warnings.

use chibo_core::member::{Member, MemberInput};
use chibo_core::status::{MemberStatus, StatusInput};
use chibo_core::warnings::Warning;
use chibo_store::clock::today;
use chibo_store::members::{MemberDetail, MemberSaved, RosterFilter, RosterView};
use chrono::NaiveDate;
use tauri::State;

use crate::error::IpcResult;
use crate::state::AppState;

#[tauri::command]
pub fn roster(
    state: State<'_, AppState>,
    branch_id: i64,
    as_of: NaiveDate,
    search: String,
    filter: RosterFilter,
) -> IpcResult<RosterView> {
    state.with_store(|store| store.roster(branch_id, as_of, &search, filter))
}

#[tauri::command]
pub fn member_detail(state: State<'_, AppState>, member_id: i64) -> IpcResult<MemberDetail> {
    state.with_store(|store| store.member_detail(member_id, today()))
}

#[tauri::command]
pub fn create_member(
    state: State<'_, AppState>,
    branch_id: i64,
    input: MemberInput,
) -> IpcResult<Member> {
    state.with_store(|store| store.create_member(branch_id, &input, today()))
}

#[tauri::command]
pub fn update_member(
    state: State<'_, AppState>,
    member_id: i64,
    input: MemberInput,
) -> IpcResult<MemberSaved> {
    state.with_store(|store| store.update_member(member_id, &input, today()))
}

#[tauri::command]
pub fn delete_member(state: State<'_, AppState>, member_id: i64) -> IpcResult<()> {
    state.with_store(|store| store.delete_member(member_id))
}

#[tauri::command]
pub fn add_status(
    state: State<'_, AppState>,
    member_id: i64,
    input: StatusInput,
) -> IpcResult<MemberStatus> {
    state.with_store(|store| store.add_status(member_id, &input, today()))
}

#[tauri::command]
pub fn remove_status(state: State<'_, AppState>, status_id: i64) -> IpcResult<()> {
    state.with_store(|store| store.remove_status(status_id))
}

#[tauri::command]
pub fn recognise_official(
    state: State<'_, AppState>,
    member_id: i64,
    official_on: NaiveDate,
    reference: String,
) -> IpcResult<Member> {
    state.with_store(|store| store.recognise_official(member_id, official_on, &reference, today()))
}

/// Which past meetings a change to the member's record from `from` on predates (approved
/// ones stay as approved) or recomputes; `null` when none.
#[tauri::command]
pub fn roster_change_notice(
    state: State<'_, AppState>,
    member_id: i64,
    from: NaiveDate,
) -> IpcResult<Option<String>> {
    state.with_store(|store| store.roster_change_notice(member_id, from))
}

#[tauri::command]
pub fn warnings(state: State<'_, AppState>, branch_id: i64) -> IpcResult<Vec<Warning>> {
    state.with_store(|store| store.warnings(branch_id, today()))
}
