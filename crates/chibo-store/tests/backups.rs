//! Backups and restore on real files: verified automatic backups with their attachments,
//! the rotation, the second folder, restore with its checks and safety copy, corruption
//! detected at start and repaired from a backup, and `verify`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use chibo_core::member::{Gender, MemberInput, Role};
use chibo_store::backups::{BackupKind, BackupMoment, BackupSettings};
use chibo_store::{DataDir, Store};
use chrono::{Duration, NaiveDate, NaiveDateTime};
use rusqlite::Connection;

mod common;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()
}

fn now() -> NaiveDateTime {
    today().and_hms_opt(7, 30, 0).unwrap()
}

fn demo(dir: &Path) -> Store {
    let mut store = common::open_store(DataDir::new(dir)).unwrap();
    store.create_demo(today()).unwrap();
    store
}

fn members(store: &Store) -> usize {
    let branch = store.prefs().unwrap().current_branch_id.unwrap();
    store
        .roster(branch, today(), "", Default::default())
        .unwrap()
        .entries
        .len()
}

fn add_member(store: &mut Store) {
    let branch = store.prefs().unwrap().current_branch_id.unwrap();
    let input = MemberInput {
        full_name: "Đinh Thị Khôi Phục".into(),
        name_parts: None,
        gender: Some(Gender::Female),
        birth_date: NaiveDate::from_ymd_opt(1980, 5, 1),
        hometown: String::new(),
        ethnicity: "Kinh".into(),
        card_number: String::new(),
        admitted_on: NaiveDate::from_ymd_opt(2005, 5, 1).unwrap(),
        official_on: NaiveDate::from_ymd_opt(2006, 5, 1),
        official_reference: String::new(),
        role: Role::Member,
        post: String::new(),
        phone: String::new(),
        notes: String::new(),
    };
    store.create_member(branch, &input, today()).unwrap();
}

fn integrity(path: &Path) -> String {
    Connection::open(path)
        .unwrap()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap()
}

/// Damages b-tree pages in the middle of the file, as a failing disk would.
fn flip_pages(path: &Path) {
    let mut bytes = std::fs::read(path).unwrap();
    let page = 4096;
    let pages = bytes.len() / page;
    for n in (pages / 3)..(pages / 3 + 4).min(pages) {
        for byte in &mut bytes[n * page..n * page + 12] {
            *byte ^= 0xA5;
        }
    }
    std::fs::write(path, bytes).unwrap();
}

#[test]
fn the_automatic_backup_is_verified_once_a_day_at_start_and_always_at_close() {
    let tmp = tempfile::tempdir().unwrap();
    let store = demo(tmp.path());
    let first = store.automatic_backup(BackupMoment::Start, now()).unwrap();
    let backup = first
        .backup
        .expect("a backup at the first start of the day");
    assert_eq!(backup.kind, BackupKind::Automatic);
    assert_eq!(integrity(Path::new(&backup.path)), "ok");
    let facts = first.facts.unwrap();
    assert_eq!(facts.branches, ["Chi bộ thôn Bản Chắt"]);
    assert!(facts.meetings > 20 && facts.minutes > 20, "{facts:?}");
    assert_eq!(first.attachments_copied, 1, "the demo's attachment");
    let later = now() + Duration::hours(2);
    let again = store.automatic_backup(BackupMoment::Start, later).unwrap();
    assert!(again.backup.is_none(), "one at start per day");
    let close = store.automatic_backup(BackupMoment::Close, later).unwrap();
    assert!(close.backup.is_some());
    assert_eq!(close.attachments_copied, 0, "attachments are incremental");
    // One kept per day: the newest.
    let kept = store.backups().unwrap();
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0].path, close.backup.unwrap().path);
    let leftovers: Vec<_> = std::fs::read_dir(tmp.path().join("backups"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn old_backups_are_rotated_out_after_a_new_one_is_verified() {
    let tmp = tempfile::tempdir().unwrap();
    let mut store = demo(tmp.path());
    store
        .set_backup_settings(&BackupSettings {
            keep_daily: 3,
            keep_monthly: 2,
            second_folder: None,
        })
        .unwrap();
    // Forty days of backups, one a day.
    for day in (1..=40).rev() {
        store
            .automatic_backup(BackupMoment::Close, now() - Duration::days(day))
            .unwrap();
    }
    let outcome = store.automatic_backup(BackupMoment::Close, now()).unwrap();
    assert!(outcome.rotated_out > 0);
    let kept: Vec<String> = store
        .backups()
        .unwrap()
        .into_iter()
        .map(|b| b.taken_at[..10].to_owned())
        .collect();
    // Three newest days, plus the newest of last month.
    assert_eq!(
        kept,
        ["2026-11-27", "2026-11-26", "2026-11-25", "2026-10-31"]
    );
    assert!(store
        .set_backup_settings(&BackupSettings {
            keep_daily: 0,
            ..BackupSettings::default()
        })
        .is_err());
}

#[test]
fn the_second_folder_gets_a_copy_and_is_skipped_with_a_notice_when_absent() {
    let tmp = tempfile::tempdir().unwrap();
    let usb = tempfile::tempdir().unwrap();
    let mut store = demo(tmp.path());
    let settings = BackupSettings {
        second_folder: Some(usb.path().display().to_string()),
        ..BackupSettings::default()
    };
    store.set_backup_settings(&settings).unwrap();
    let outcome = store.automatic_backup(BackupMoment::Close, now()).unwrap();
    assert!(outcome.notices.is_empty(), "{:?}", outcome.notices);
    let copied = usb.path().join("SoTayChiBo-saoluu");
    assert_eq!(chibo_store::backups::list_backups(&copied).len(), 1);
    assert_eq!(
        std::fs::read_dir(copied.join("attachments"))
            .unwrap()
            .count(),
        1
    );

    let pulled = usb.path().join("đã rút");
    store
        .set_backup_settings(&BackupSettings {
            second_folder: Some(pulled.display().to_string()),
            ..settings
        })
        .unwrap();
    let outcome = store.automatic_backup(BackupMoment::Close, now()).unwrap();
    assert!(outcome.backup.is_some(), "the local backup is still made");
    assert_eq!(outcome.notices.len(), 1);
    assert!(
        outcome.notices[0].contains("USB chưa cắm"),
        "{:?}",
        outcome.notices
    );
}

#[test]
fn a_backup_to_a_missing_folder_is_refused_in_words() {
    let tmp = tempfile::tempdir().unwrap();
    let store = demo(tmp.path());
    let err = store
        .backup_to(&tmp.path().join("không có").join("saoluu.sqlite3"))
        .unwrap_err();
    assert_eq!(err.code(), "io");
    assert!(err.to_string().contains("không tồn tại"), "{err}");
}

#[test]
fn restore_brings_back_the_backup_and_keeps_a_safety_copy() {
    let tmp = tempfile::tempdir().unwrap();
    let mut store = demo(tmp.path());
    let before = members(&store);
    let backup = tmp.path().join("ban sao lưu.sqlite3");
    store.backup_to(&backup).unwrap();
    add_member(&mut store);
    assert_eq!(members(&store), before + 1);

    let preview = store.data_dir().unwrap().inspect_backup(&backup).unwrap();
    assert_eq!(preview.facts.branches, ["Chi bộ thôn Bản Chắt"]);
    let report = store.restore(&backup, now()).unwrap();
    assert_eq!(members(&store), before, "the change is gone");
    assert_eq!(report.facts, preview.facts);
    assert_eq!(report.facts.branches, ["Chi bộ thôn Bản Chắt"]);
    // The safety copy holds the data as it was before the restore.
    let safety = common::open_store(DataDir::new(copy_out(&report.safety_copy))).unwrap();
    assert_eq!(members(&safety), before + 1);
    // The restored data is whole and usable.
    assert!(store.verify().unwrap().is_ok());
    add_member(&mut store);
    drop(store);
    assert_eq!(integrity(&tmp.path().join("chibo.sqlite3")), "ok");
}

/// Two restores within one second keep two safety copies: the first holds the data from
/// before both (before, the second safety copy was renamed over the first, losing it).
#[test]
fn two_restores_within_one_second_keep_both_safety_copies() {
    let tmp = tempfile::tempdir().unwrap();
    let mut store = demo(tmp.path());
    let before = members(&store);
    let backup = tmp.path().join("ban sao lưu.sqlite3");
    store.backup_to(&backup).unwrap();
    add_member(&mut store);
    add_member(&mut store);
    let first = store.restore(&backup, now()).unwrap();
    let second = store.restore(&backup, now()).unwrap();
    assert_ne!(first.safety_copy, second.safety_copy);
    assert!(
        second.safety_copy.ends_with("-2.sqlite3"),
        "{}",
        second.safety_copy
    );
    let kept = common::open_store(DataDir::new(copy_out(&first.safety_copy))).unwrap();
    assert_eq!(
        members(&kept),
        before + 2,
        "the data from before the first restore"
    );
    let listed = chibo_store::backups::list_backups(&tmp.path().join("backups"));
    assert_eq!(
        listed
            .iter()
            .filter(|b| b.kind == BackupKind::SafetyCopy)
            .count(),
        2,
        "both are listed as safety copies"
    );

    // A backup never replaces another: the second within one second gets its own name,
    // and it is the one the day keeps.
    let a = store.automatic_backup(BackupMoment::Close, now()).unwrap();
    let b = store.automatic_backup(BackupMoment::Close, now()).unwrap();
    let (a, b) = (a.backup.unwrap().path, b.backup.unwrap().path);
    assert_ne!(a, b);
    assert!(Path::new(&b).exists());
    assert_eq!(
        store.backups().unwrap()[0].path,
        b,
        "the newest is listed first"
    );
}

/// A data folder holding a copy of the given database file.
fn copy_out(database: &str) -> PathBuf {
    let dir = tempfile::tempdir().unwrap().keep();
    std::fs::copy(database, dir.join("chibo.sqlite3")).unwrap();
    dir
}

#[test]
fn restore_refuses_what_is_not_a_good_backup_and_changes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let mut store = demo(tmp.path());
    add_member(&mut store);
    let count = members(&store);
    let files = tempfile::tempdir().unwrap();

    let text = files.path().join("ghi chú.sqlite3");
    std::fs::write(&text, "không phải cơ sở dữ liệu").unwrap();
    let empty = files.path().join("rỗng.sqlite3");
    std::fs::write(&empty, "").unwrap();
    let newer = files.path().join("mới hơn.sqlite3");
    store.backup_to(&newer).unwrap();
    Connection::open(&newer)
        .unwrap()
        .pragma_update(None, "user_version", 99)
        .unwrap();
    let damaged = files.path().join("hỏng.sqlite3");
    store.backup_to(&damaged).unwrap();
    flip_pages(&damaged);
    let foreign = files.path().join("khác.sqlite3");
    Connection::open(&foreign)
        .unwrap()
        .execute_batch("CREATE TABLE x (y INTEGER); INSERT INTO x VALUES (1);")
        .unwrap();

    for (file, code, words) in [
        (&text, "corrupt", "không phải bản sao lưu"),
        (&empty, "corrupt", "không phải bản sao lưu"),
        (&newer, "incompatible", "phiên bản mới hơn"),
        (&damaged, "corrupt", "Hãy chọn bản sao lưu khác"),
        (&foreign, "corrupt", "không phải bản sao lưu"),
        (
            &files.path().join("không có.sqlite3"),
            "io",
            "Không đọc được",
        ),
    ] {
        let err = store.restore(file, now()).unwrap_err();
        assert_eq!(err.code(), code, "{}: {err}", file.display());
        assert!(err.to_string().contains(words), "{err}");
        assert_eq!(members(&store), count, "nothing changed");
    }
    assert!(
        store.backups().unwrap().is_empty(),
        "no safety copy for a refused file"
    );
    let header = std::fs::read(&newer).unwrap();
    assert!(
        header.starts_with(b"SQLite format 3"),
        "the chosen file is kept"
    );
}

#[test]
fn a_damaged_database_is_detected_at_start_and_replaced_by_a_backup_on_request() {
    let tmp = tempfile::tempdir().unwrap();
    let store = demo(tmp.path());
    let outcome = store.automatic_backup(BackupMoment::Close, now()).unwrap();
    let backup = PathBuf::from(outcome.backup.unwrap().path);
    drop(store);
    let database = tmp.path().join("chibo.sqlite3");
    flip_pages(&database);
    let damaged_bytes = std::fs::read(&database).unwrap();

    let err = common::open_store(DataDir::new(tmp.path())).err().unwrap();
    assert_eq!(err.code(), "corrupt");
    assert!(
        err.to_string().contains("khôi phục từ bản sao lưu"),
        "{err}"
    );
    assert_eq!(
        std::fs::read(&database).unwrap(),
        damaged_bytes,
        "untouched"
    );

    let dir = DataDir::new(tmp.path());
    let (store, report) = dir.restore_over_damaged(&backup, now()).unwrap();
    assert_eq!(report.facts.branches, ["Chi bộ thôn Bản Chắt"]);
    assert!(store.verify().unwrap().is_ok());
    assert_eq!(
        std::fs::read(&report.safety_copy).unwrap(),
        damaged_bytes,
        "set aside"
    );
}

#[test]
fn verify_names_a_missing_attachment() {
    let tmp = tempfile::tempdir().unwrap();
    let store = demo(tmp.path());
    assert!(store.verify().unwrap().is_ok());
    for entry in std::fs::read_dir(tmp.path().join("attachments")).unwrap() {
        std::fs::remove_file(entry.unwrap().path()).unwrap();
    }
    let report = store.verify().unwrap();
    assert!(!report.is_ok());
    let problems = report.problems();
    assert_eq!(problems.len(), 1);
    assert!(
        problems[0].contains("Thông báo họp chi bộ.docx"),
        "{problems:?}"
    );
    assert!(problems[0].contains("không còn"), "{problems:?}");
    let spot = store.attachment_spot_check(20).unwrap();
    assert_eq!(spot.len(), 1);
}

#[test]
fn an_older_backup_is_migrated_when_restored() {
    let tmp = tempfile::tempdir().unwrap();
    let mut store = demo(tmp.path());
    let old = tmp.path().join("v3.sqlite3");
    {
        let conn = Connection::open(&old).unwrap();
        conn.execute_batch(include_str!("../src/migrations/0001_foundation.sql"))
            .unwrap();
        conn.execute_batch(include_str!("../src/migrations/0002_members.sql"))
            .unwrap();
        conn.execute_batch(include_str!("../src/migrations/0003_meetings.sql"))
            .unwrap();
        conn.execute_batch(
            "INSERT INTO branch (id, name, name_folded, parent_name, place, created_at,
                 updated_at) VALUES (1, 'Chi bộ Cũ', 'chi bo cu', 'Đảng ủy', 'Xã', 'x', 'x');
             INSERT INTO branch_settings (branch_id, version, settings, changed_at)
                 VALUES (1, 1, '{}', 'x');
             PRAGMA user_version = 3;",
        )
        .unwrap();
    }
    let report = store.restore(&old, now()).unwrap();
    assert_eq!(report.found_version, 3);
    assert_eq!(report.facts.schema_version, store.schema_version().unwrap());
    assert_eq!(report.facts.branches, ["Chi bộ Cũ"]);
}
