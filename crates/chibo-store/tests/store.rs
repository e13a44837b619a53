//! chibo-store against real SQLite files in temporary folders.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use chibo_core::branch::BranchInput;
use chibo_core::settings::RuleSettings;
use chibo_store::{migrations::LATEST_VERSION, DataDir, Error, Store};
use chrono::NaiveDate;
use rusqlite::Connection;
use tempfile::TempDir;

mod common;

fn branch(name: &str) -> BranchInput {
    BranchInput {
        name: name.into(),
        parent_name: "Đảng bộ xã Tân Thành".into(),
        place: "Tân Thành".into(),
        term_start: NaiveDate::from_ymd_opt(2025, 8, 1),
        term_end: NaiveDate::from_ymd_opt(2030, 7, 31),
        founded_on: None,
    }
}

fn open(dir: &Path) -> Store {
    common::open_store(DataDir::new(dir)).expect("store opens")
}

fn file_bytes(path: &Path) -> Vec<u8> {
    std::fs::read(path).expect("file readable")
}

#[test]
fn an_empty_folder_becomes_a_migrated_data_dir() {
    let tmp = TempDir::new().unwrap();
    let root = tmp.path().join("data");
    let store = open(&root);
    assert_eq!(store.schema_version().unwrap(), LATEST_VERSION);
    for sub in ["attachments", "backups", "logs"] {
        assert!(root.join(sub).is_dir(), "{sub} created");
    }
    assert!(root.join("chibo.sqlite3").is_file());
}

#[test]
fn every_connection_uses_wal_full_sync_and_foreign_keys() {
    let tmp = TempDir::new().unwrap();
    drop(open(tmp.path()));
    let conn = Connection::open(tmp.path().join("chibo.sqlite3")).unwrap();
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
}

#[test]
fn a_branch_survives_reopening_with_every_diacritic() {
    let tmp = TempDir::new().unwrap();
    let id = open(tmp.path())
        .create_branch(&branch("Chi bộ thôn Bản Chắt"))
        .unwrap()
        .id;
    let store = open(tmp.path());
    let stored = store.branch(id).unwrap();
    assert_eq!(stored.name, "Chi bộ thôn Bản Chắt");
    assert_eq!(stored.term_start, NaiveDate::from_ymd_opt(2025, 8, 1));
}

#[test]
fn decomposed_input_is_stored_composed_and_trimmed() {
    let mut store = common::open_in_memory().unwrap();
    let nfd = "  Chi bo\u{0323}\u{0302} tho\u{0302}n Ba\u{0309}n Cha\u{0306}\u{0301}t ";
    let created = store.create_branch(&branch(nfd)).unwrap();
    assert_eq!(created.name, "Chi bộ thôn Bản Chắt");
}

#[test]
fn a_rejected_branch_changes_nothing() {
    let mut store = common::open_in_memory().unwrap();
    let err = store.create_branch(&branch("   ")).unwrap_err();
    assert_eq!(err.code(), "validation");
    assert_eq!(err.field(), Some("name"));
    assert!(store.list_branches().unwrap().is_empty());
    let err = store.create_branch(&branch(&"a".repeat(121))).unwrap_err();
    assert_eq!(err.code(), "validation");
    assert!(store.list_branches().unwrap().is_empty());
}

#[test]
fn a_second_branch_with_the_same_name_without_accents_is_a_conflict() {
    let mut store = common::open_in_memory().unwrap();
    store
        .create_branch(&branch("Chi bộ thôn Bản Chắt"))
        .unwrap();
    let err = store
        .create_branch(&branch("chi bo thon ban chat"))
        .unwrap_err();
    assert_eq!(err.code(), "conflict");
    assert!(err.to_string().contains("Đã có chi bộ"));
    assert_eq!(store.list_branches().unwrap().len(), 1);
}

#[test]
fn branches_are_listed_in_vietnamese_order() {
    let mut store = common::open_in_memory().unwrap();
    for name in [
        "Chi bộ Đồng Tâm",
        "Chi bộ Ấp Bắc",
        "Chi bộ Dân Chủ",
        "Chi bộ An Hòa",
    ] {
        store.create_branch(&branch(name)).unwrap();
    }
    let names: Vec<_> = store
        .list_branches()
        .unwrap()
        .into_iter()
        .map(|b| b.name)
        .collect();
    assert_eq!(
        names,
        [
            "Chi bộ An Hòa",
            "Chi bộ Ấp Bắc",
            "Chi bộ Dân Chủ",
            "Chi bộ Đồng Tâm"
        ]
    );
}

#[test]
fn updating_a_branch_that_does_not_exist_is_not_found() {
    let mut store = common::open_in_memory().unwrap();
    assert_eq!(
        store
            .update_branch(42, &branch("Chi bộ A"))
            .unwrap_err()
            .code(),
        "not_found"
    );
}

#[test]
fn a_branch_starts_with_default_settings_and_each_change_is_a_new_version() {
    let mut store = common::open_in_memory().unwrap();
    let id = store.create_branch(&branch("Chi bộ A")).unwrap().id;
    let first = store.settings(id).unwrap();
    assert_eq!(first.version, 1);
    assert_eq!(first.settings, RuleSettings::default());

    let mut changed = first.settings.clone();
    changed.attendance_warning_percent.value = 90;
    let second = store.update_settings(id, &changed).unwrap();
    assert_eq!(second.version, 2);
    assert_eq!(second.settings.attendance_warning_percent.value, 90);
    assert_eq!(store.settings_version_count(id).unwrap(), 2);
}

#[test]
fn invalid_settings_are_rejected_and_the_version_stays() {
    let mut store = common::open_in_memory().unwrap();
    let id = store.create_branch(&branch("Chi bộ A")).unwrap().id;
    let mut bad = RuleSettings::default();
    bad.min_meeting_minutes.value = 0;
    let err = store.update_settings(id, &bad).unwrap_err();
    assert_eq!(err.field(), Some("min_meeting_minutes"));
    assert_eq!(store.settings(id).unwrap().version, 1);
    assert_eq!(
        store
            .update_settings(99, &RuleSettings::default())
            .unwrap_err()
            .code(),
        "not_found"
    );
}

#[test]
fn text_scale_is_kept_across_restarts_and_bounded() {
    let tmp = TempDir::new().unwrap();
    let mut store = open(tmp.path());
    assert_eq!(store.prefs().unwrap().text_scale, 100);
    store.set_text_scale(125).unwrap();
    assert_eq!(
        store.set_text_scale(151).unwrap_err().field(),
        Some("text_scale")
    );
    assert_eq!(store.set_text_scale(99).unwrap_err().code(), "validation");
    drop(store);
    assert_eq!(open(tmp.path()).prefs().unwrap().text_scale, 125);
}

#[test]
fn the_selected_branch_is_remembered_and_must_exist() {
    let tmp = TempDir::new().unwrap();
    let mut store = open(tmp.path());
    let a = store.create_branch(&branch("Chi bộ A")).unwrap().id;
    let b = store.create_branch(&branch("Chi bộ B")).unwrap().id;
    assert_eq!(store.prefs().unwrap().current_branch_id, Some(a));
    store.select_branch(b).unwrap();
    assert_eq!(store.select_branch(77).unwrap_err().code(), "not_found");
    drop(store);
    assert_eq!(open(tmp.path()).prefs().unwrap().current_branch_id, Some(b));
}

#[test]
fn the_demo_fills_only_an_empty_data_dir() {
    let mut store = common::open_in_memory().unwrap();
    let demo = store
        .create_demo(NaiveDate::from_ymd_opt(2026, 11, 27).unwrap())
        .unwrap();
    assert_eq!(demo.name, "Chi bộ thôn Bản Chắt");
    assert_eq!(store.prefs().unwrap().current_branch_id, Some(demo.id));
    assert_eq!(
        store
            .create_demo(NaiveDate::from_ymd_opt(2026, 11, 27).unwrap())
            .unwrap_err()
            .code(),
        "conflict"
    );
    assert_eq!(store.list_branches().unwrap().len(), 1);
}

#[test]
fn info_counts_branches_and_settings_versions() {
    let mut store = common::open_in_memory().unwrap();
    let id = store.create_branch(&branch("Chi bộ A")).unwrap().id;
    store.update_settings(id, &RuleSettings::default()).unwrap();
    let info = store
        .info(NaiveDate::from_ymd_opt(2026, 11, 27).unwrap())
        .unwrap();
    assert_eq!(info.schema_version, LATEST_VERSION);
    assert_eq!(info.branches.len(), 1);
    assert_eq!(info.branches[0].settings_versions, 2);
    assert_eq!(info.branches[0].members.total, 0);
}

#[test]
fn a_data_dir_that_is_a_file_is_refused_and_left_alone() {
    let tmp = TempDir::new().unwrap();
    let file = tmp.path().join("not-a-dir");
    std::fs::write(&file, b"hello").unwrap();
    let err = common::open_store(DataDir::new(&file))
        .err()
        .expect("refused");
    assert_eq!(err.code(), "io");
    assert!(err.to_string().contains("không phải thư mục"), "{err}");
    assert_eq!(file_bytes(&file), b"hello");
}

#[cfg(target_os = "linux")]
#[test]
fn a_data_dir_that_cannot_be_written_is_refused() {
    // /proc/self is a folder nobody, not even root, can create files in.
    let err = common::open_store(DataDir::new("/proc/self"))
        .err()
        .expect("refused");
    assert_eq!(err.code(), "io");
    assert!(err.to_string().contains("quyền ghi"), "{err}");
}

#[test]
fn a_database_file_that_is_not_sqlite_is_refused_and_left_alone() {
    let tmp = TempDir::new().unwrap();
    let db = tmp.path().join("chibo.sqlite3");
    let junk = b"Day khong phai co so du lieu, chi la van ban.".repeat(20);
    std::fs::write(&db, &junk).unwrap();
    let err = common::open_store(DataDir::new(tmp.path()))
        .err()
        .expect("refused");
    assert_eq!(err.code(), "corrupt");
    assert!(err.to_string().contains("không phải SQLite"), "{err}");
    assert_eq!(file_bytes(&db), junk);
}

#[test]
fn a_database_from_a_newer_version_is_refused_and_left_alone() {
    let tmp = TempDir::new().unwrap();
    let id = open(tmp.path())
        .create_branch(&branch("Chi bộ A"))
        .unwrap()
        .id;
    let db = tmp.path().join("chibo.sqlite3");
    {
        let conn = Connection::open(&db).unwrap();
        conn.pragma_update(None, "user_version", LATEST_VERSION + 5)
            .unwrap();
    }
    let err = common::open_store(DataDir::new(tmp.path()))
        .err()
        .expect("refused");
    assert_eq!(err.code(), "incompatible");
    assert!(err.to_string().contains("phiên bản mới hơn"), "{err}");
    let conn = Connection::open(&db).unwrap();
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, LATEST_VERSION + 5);
    let name: String = conn
        .query_row("SELECT name FROM branch WHERE id = ?1", [id], |r| r.get(0))
        .unwrap();
    assert_eq!(name, "Chi bộ A");
}

#[test]
fn sql_can_fold_and_collate_vietnamese() {
    let tmp = TempDir::new().unwrap();
    let mut store = open(tmp.path());
    store.create_branch(&branch("Chi bộ Đức Thắng")).unwrap();
    let db = tmp.path().join("chibo.sqlite3");
    drop(store);
    // The stored folded column is what search uses.
    let conn = Connection::open(&db).unwrap();
    let folded: String = conn
        .query_row("SELECT name_folded FROM branch", [], |r| r.get(0))
        .unwrap();
    assert_eq!(folded, "chi bo duc thang");
}

#[test]
fn errors_carry_a_closed_set_of_codes() {
    let codes = [
        Error::NotFound(String::new()).code(),
        Error::Conflict(String::new()).code(),
        Error::Locked(String::new()).code(),
        Error::Io(String::new()).code(),
        Error::Corrupt(String::new()).code(),
        Error::Incompatible(String::new()).code(),
        Error::Internal(String::new()).code(),
    ];
    assert_eq!(
        codes,
        [
            "not_found",
            "conflict",
            "locked",
            "io",
            "corrupt",
            "incompatible",
            "internal"
        ]
    );
}
