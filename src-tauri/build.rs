//! Generates the permission of each app command: a command is callable from the window
//! only if capabilities/main.json grants its `allow-…` permission.

const COMMANDS: &[&str] = &[
    "app_info",
    "create_branch",
    "update_branch",
    "select_branch",
    "branch_settings",
    "update_settings",
    "set_text_scale",
    "create_demo",
    "roster",
    "member_detail",
    "create_member",
    "update_member",
    "delete_member",
    "add_status",
    "remove_status",
    "recognise_official",
    "warnings",
    "pick_import_file",
    "preview_import",
    "commit_import",
    "save_import_template",
    "export_roster",
    "meetings_of_year",
    "plan_year",
    "new_meeting",
    "meeting_detail",
    "meeting_candidates",
    "create_meeting",
    "update_meeting",
    "delete_meeting",
    "change_meeting_status",
    "copy_agenda",
    "documents",
    "create_document",
    "update_document",
    "delete_document",
    "export_schedule",
    "roll_call",
    "roll_call_counts",
    "save_roll_call",
    "member_attendance",
    "minutes",
    "save_minutes",
    "approve_minutes",
    "amend_minutes",
    "export_meeting_document",
    "attachments",
    "verify_attachments",
    "add_attachments",
    "open_attachment",
    "remove_attachment",
    "backup_overview",
    "set_backup_settings",
    "choose_second_backup_folder",
    "backup_now",
    "preview_restore",
    "restore_backup",
    "startup_backups",
    "restore_at_startup",
    "app_notices",
];

fn main() {
    let attributes = tauri_build::Attributes::new()
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    if let Err(err) = tauri_build::try_build(attributes) {
        println!("cargo:warning=tauri-build failed: {err:#}");
        std::process::exit(1);
    }
}
