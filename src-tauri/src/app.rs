//! Builds and runs the app: plugins, state, commands, the main window.

use chibo_store::backups::BackupMoment;
use chibo_store::{DataDir, Store};
use tauri::{AppHandle, Manager, WebviewUrl, WebviewWindowBuilder};
use tauri_plugin_log::{RotationStrategy, Target, TargetKind, TimezoneStrategy};

use crate::commands::{
    attachments, backups, branches, meetings, minutes, roll_call, roster, roster_files,
};
use crate::launch::data_dir_argument;
use crate::state::AppState;

const MAIN_WINDOW: &str = "main";
const LOG_FILE_MAX_BYTES: u128 = 2 * 1024 * 1024;
/// How many of the latest attachments are looked at when the app starts.
const ATTACHMENTS_SPOT_CHECKED: u32 = 20;

fn focus_main_window(app: &AppHandle) {
    if let Some(window) = app.get_webview_window(MAIN_WINDOW) {
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
    }
}

/// Logs go to `logs/` in the data folder, local time, rotated at 2 MB keeping a few files.
fn log_plugin(data_dir: Option<&DataDir>) -> tauri::plugin::TauriPlugin<tauri::Wry> {
    let target = match data_dir {
        Some(dir) => TargetKind::Folder {
            path: dir.logs(),
            file_name: Some("sotaychibo".into()),
        },
        None => TargetKind::Stderr,
    };
    tauri_plugin_log::Builder::new()
        .clear_targets()
        .target(Target::new(target))
        .level(log::LevelFilter::Info)
        .timezone_strategy(TimezoneStrategy::UseLocal)
        .max_file_size(LOG_FILE_MAX_BYTES)
        .rotation_strategy(RotationStrategy::KeepSome(5))
        .build()
}

/// Window size and position, kept in the data folder (not in the platform config folder),
/// so that everything the app writes lives in one place.
fn window_state_plugin(data_dir: Option<&DataDir>) -> tauri::plugin::TauriPlugin<tauri::Wry> {
    let builder = tauri_plugin_window_state::Builder::new();
    match data_dir {
        // An absolute file name replaces the plugin's default folder.
        Some(dir) => builder.with_filename(dir.root().join("window-state.json").to_string_lossy()),
        None => builder,
    }
    .build()
}

fn create_main_window(app: &tauri::App, data_dir: Option<&DataDir>) -> tauri::Result<()> {
    let mut window = WebviewWindowBuilder::new(app, MAIN_WINDOW, WebviewUrl::default())
        .title("Sổ tay Chi bộ")
        .inner_size(1280.0, 800.0)
        .min_inner_size(1024.0, 700.0)
        .center();
    if let Some(dir) = data_dir {
        // The webview's own storage also stays inside the data folder.
        window = window.data_directory(dir.root().join("webview"));
    }
    window.build()?;
    Ok(())
}

/// The automatic backup; its notices (and failures, in words) are kept for the UI.
fn automatic_backup(app: &AppHandle, moment: BackupMoment) {
    let state = app.state::<AppState>();
    let now = chibo_store::clock::now();
    match state.with_store(|store| store.automatic_backup(moment, now)) {
        Ok(outcome) => {
            log::info!(
                "automatic backup ({moment:?}): taken {}, {} attachment files copied, {} rotated out",
                outcome.backup.is_some(),
                outcome.attachments_copied,
                outcome.rotated_out
            );
            state.add_notices(outcome.notices);
        }
        Err(err) if err.code == "corrupt" || err.code == "incompatible" => {}
        Err(err) => {
            log::warn!("automatic backup failed: {}", err.code);
            state.add_notices(vec![format!("Chưa sao lưu tự động được: {}", err.message)]);
        }
    }
}

/// After the window shows: the day's first backup and a look at the latest attachments.
fn checks_at_start(app: &AppHandle) {
    automatic_backup(app, BackupMoment::Start);
    let state = app.state::<AppState>();
    if let Ok(damaged) =
        state.with_store(|store| store.attachment_spot_check(ATTACHMENTS_SPOT_CHECKED))
    {
        if !damaged.is_empty() {
            log::warn!(
                "{} recent attachment files missing or altered",
                damaged.len()
            );
            state.add_notices(vec![format!(
                "{} tệp đính kèm gần đây bị mất hoặc đã bị thay đổi trên đĩa. Hãy mở cuộc họp \
                 tương ứng để xem, hoặc khôi phục từ bản sao lưu.",
                damaged.len()
            )]);
        }
    }
}

pub fn run() {
    crate::clock::pin_for_e2e();
    let (data_dir, store) = match DataDir::resolve(data_dir_argument(std::env::args())) {
        Ok(dir) => (Some(dir.clone()), Store::open(dir)),
        Err(err) => (None, Err(err)),
    };
    let window_dir = data_dir.clone();
    let result = tauri::Builder::default()
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            focus_main_window(app)
        }))
        .plugin(log_plugin(data_dir.as_ref()))
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .plugin(window_state_plugin(data_dir.as_ref()))
        .manage(AppState::new(data_dir.clone(), store))
        .invoke_handler(tauri::generate_handler![
            branches::app_info,
            branches::create_branch,
            branches::update_branch,
            branches::select_branch,
            branches::branch_settings,
            branches::update_settings,
            branches::set_text_scale,
            branches::create_demo,
            roster::roster,
            roster::member_detail,
            roster::create_member,
            roster::update_member,
            roster::delete_member,
            roster::add_status,
            roster::remove_status,
            roster::recognise_official,
            roster::roster_change_notice,
            roster::warnings,
            roster_files::pick_import_file,
            roster_files::preview_import,
            roster_files::commit_import,
            roster_files::save_import_template,
            roster_files::export_roster,
            meetings::meetings_of_year,
            meetings::plan_year,
            meetings::new_meeting,
            meetings::meeting_detail,
            meetings::meeting_candidates,
            meetings::create_meeting,
            meetings::update_meeting,
            meetings::delete_meeting,
            meetings::change_meeting_status,
            meetings::copy_agenda,
            meetings::documents,
            meetings::create_document,
            meetings::update_document,
            meetings::delete_document,
            meetings::export_schedule,
            roll_call::roll_call,
            roll_call::roll_call_counts,
            roll_call::save_roll_call,
            roll_call::member_attendance,
            minutes::minutes,
            minutes::save_minutes,
            minutes::approve_minutes,
            minutes::amend_minutes,
            minutes::export_meeting_document,
            attachments::attachments,
            attachments::verify_attachments,
            attachments::add_attachments,
            attachments::open_attachment,
            attachments::remove_attachment,
            backups::backup_overview,
            backups::set_backup_settings,
            backups::choose_second_backup_folder,
            backups::backup_now,
            backups::preview_restore,
            backups::restore_backup,
            backups::startup_backups,
            backups::restore_at_startup,
            backups::app_notices,
        ])
        .setup(move |app| {
            log::info!(
                "started, schema version {}",
                chibo_store::migrations::LATEST_VERSION
            );
            create_main_window(app, window_dir.as_ref())?;
            let handle = app.handle().clone();
            std::thread::spawn(move || checks_at_start(&handle));
            Ok(())
        })
        .build(tauri::generate_context!())
        .map(|app| {
            app.run(|handle, event| {
                if let tauri::RunEvent::Exit = event {
                    automatic_backup(handle, BackupMoment::Close);
                }
            })
        });
    if let Err(err) = result {
        eprintln!("Sổ tay Chi bộ không khởi động được: {err}");
        std::process::exit(2);
    }
}
