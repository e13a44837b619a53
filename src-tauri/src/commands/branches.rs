//! Branches, their settings, and the app-wide preferences.

use chibo_core::branch::{Branch, BranchInput};
use chibo_core::settings::RuleSettings;
use chibo_store::branches::VersionedSettings;
use chibo_store::info::AppInfo;
use chibo_store::prefs::Prefs;
use tauri::State;

use crate::error::IpcResult;
use crate::state::AppState;

#[tauri::command]
pub fn app_info(state: State<'_, AppState>) -> IpcResult<AppInfo> {
    state.with_store(|store| store.info(chibo_store::clock::today()))
}

#[tauri::command]
pub fn create_branch(state: State<'_, AppState>, input: BranchInput) -> IpcResult<Branch> {
    state.with_store(|store| store.create_branch(&input))
}

#[tauri::command]
pub fn update_branch(state: State<'_, AppState>, id: i64, input: BranchInput) -> IpcResult<Branch> {
    state.with_store(|store| store.update_branch(id, &input))
}

#[tauri::command]
pub fn select_branch(state: State<'_, AppState>, branch_id: i64) -> IpcResult<Prefs> {
    state.with_store(|store| store.select_branch(branch_id))
}

#[tauri::command]
pub fn branch_settings(state: State<'_, AppState>, branch_id: i64) -> IpcResult<VersionedSettings> {
    state.with_store(|store| store.settings(branch_id))
}

#[tauri::command]
pub fn update_settings(
    state: State<'_, AppState>,
    branch_id: i64,
    settings: RuleSettings,
) -> IpcResult<VersionedSettings> {
    state.with_store(|store| store.update_settings(branch_id, &settings))
}

#[tauri::command]
pub fn set_text_scale(state: State<'_, AppState>, percent: u32) -> IpcResult<Prefs> {
    state.with_store(|store| store.set_text_scale(percent))
}

#[tauri::command]
pub fn create_demo(state: State<'_, AppState>) -> IpcResult<Branch> {
    state.with_store(|store| store.create_demo(chibo_store::clock::today()))
}
