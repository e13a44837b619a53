//! The roster import through the store: preview writes nothing, a changed or vanished file
//! is refused at confirm, a file with any bad row writes nothing, duplicates skip or update.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use chibo_core::branch::BranchInput;
use chibo_store::members::RosterFilter;
use chibo_store::roster_io::OnDuplicate;
use chibo_store::Store;
use chrono::NaiveDate;
use tempfile::TempDir;

mod common;

const HEADER: &str = "Họ và tên,Ngày sinh,Ngày vào Đảng,Ngày chính thức,Số thẻ đảng viên";

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()
}

fn setup() -> (TempDir, Store, i64) {
    let tmp = TempDir::new().unwrap();
    let mut store = common::open_in_memory().unwrap();
    let branch = store
        .create_branch(&BranchInput {
            name: "Chi bộ A".into(),
            parent_name: "Đảng bộ xã B".into(),
            place: "B".into(),
            term_start: None,
            term_end: None,
            founded_on: None,
        })
        .unwrap()
        .id;
    (tmp, store, branch)
}

fn csv(dir: &Path, rows: &[String]) -> PathBuf {
    let path = dir.join("danh-sach.csv");
    std::fs::write(&path, format!("\u{FEFF}{HEADER}\n{}\n", rows.join("\n"))).unwrap();
    path
}

const FAMILY: [&str; 6] = ["Nguyễn", "Trần", "Lê", "Hoàng", "Lò", "Đinh"];
const GIVEN: [&str; 8] = ["An", "Bình", "Đức", "Hà", "Hạnh", "Sáng", "Thắng", "Yến"];

/// A valid row; `i` below 16,800 gives a distinct birth date, card number and so person.
fn row(i: usize) -> String {
    let name = format!("{} Văn {}", FAMILY[i % 6], GIVEN[(i / 6) % 8]);
    let birth = format!(
        "{:02}/{:02}/{}",
        1 + (i / 600) % 28,
        1 + (i / 50) % 12,
        1950 + i % 50
    );
    format!("{name},{birth},05/06/2020,05/06/2021,{}", 93_000_000 + i)
}

fn people(store: &Store, branch: i64) -> usize {
    store
        .roster(branch, today(), "", RosterFilter::All)
        .unwrap()
        .entries
        .len()
}

#[test]
fn a_preview_writes_nothing_and_lists_every_problem_with_its_row() {
    let (tmp, store, branch) = setup();
    let file = csv(
        tmp.path(),
        &[
            row(1),
            "Trần Thị Hoa,31/02/1970,05/06/1995,,93009999".into(),
            row(1),
        ],
    );
    let preview = store.preview_import(branch, &file, today()).unwrap();
    assert_eq!(preview.rows.len(), 3);
    assert_eq!(preview.rows_with_problems, 2, "{:?}", preview.rows);
    assert_eq!(preview.rows[1].row_number, 3);
    assert!(preview.rows[1].problems[0].message.contains("31/02/1970"));
    assert!(
        preview.rows[2].problems[0].message.contains("dòng 2"),
        "{:?}",
        preview.rows[2].problems
    );
    assert_eq!(people(&store, branch), 0);
}

#[test]
fn a_file_with_a_bad_row_imports_nothing() {
    let (tmp, mut store, branch) = setup();
    let file = csv(
        tmp.path(),
        &[row(1), "Trần Thị Hoa,01/01/2010,05/06/2020,,".into()],
    );
    let preview = store.preview_import(branch, &file, today()).unwrap();
    let err = store.commit_import(
        branch,
        &file,
        &preview.file_hash,
        OnDuplicate::Skip,
        today(),
    );
    assert_eq!(err.unwrap_err().field(), Some("file"));
    assert_eq!(people(&store, branch), 0);
}

#[test]
fn a_file_changed_or_deleted_after_the_preview_is_refused() {
    let (tmp, mut store, branch) = setup();
    let file = csv(tmp.path(), &[row(1), row(2)]);
    let preview = store.preview_import(branch, &file, today()).unwrap();
    csv(tmp.path(), &[row(1), row(2), row(3)]);
    let changed = store.commit_import(
        branch,
        &file,
        &preview.file_hash,
        OnDuplicate::Skip,
        today(),
    );
    assert_eq!(changed.unwrap_err().code(), "conflict");
    std::fs::remove_file(&file).unwrap();
    let gone = store.commit_import(
        branch,
        &file,
        &preview.file_hash,
        OnDuplicate::Skip,
        today(),
    );
    let err = gone.unwrap_err();
    assert_eq!(err.code(), "io");
    assert!(err.to_string().contains("Không tìm thấy tệp"), "{err}");
    assert_eq!(people(&store, branch), 0);
}

#[test]
fn duplicates_of_recorded_members_are_skipped_or_updated() {
    let (tmp, mut store, branch) = setup();
    let file = csv(tmp.path(), &[row(1), row(2)]);
    let preview = store.preview_import(branch, &file, today()).unwrap();
    let first = store
        .commit_import(
            branch,
            &file,
            &preview.file_hash,
            OnDuplicate::Skip,
            today(),
        )
        .unwrap();
    assert_eq!((first.created, first.skipped), (2, 0));

    let renamed = row(2)
        .replace("05/06/2020", "07/06/2020")
        .replace("05/06/2021", "07/06/2021");
    let file = csv(tmp.path(), &[row(1), renamed]);
    let preview = store.preview_import(branch, &file, today()).unwrap();
    assert_eq!(preview.duplicates, 2);
    assert!(preview.rows[0]
        .duplicate_of
        .as_ref()
        .unwrap()
        .reason
        .contains("số thẻ"));
    let skip = store
        .commit_import(
            branch,
            &file,
            &preview.file_hash,
            OnDuplicate::Skip,
            today(),
        )
        .unwrap();
    assert_eq!((skip.created, skip.skipped), (0, 2));
    let update = store
        .commit_import(
            branch,
            &file,
            &preview.file_hash,
            OnDuplicate::Update,
            today(),
        )
        .unwrap();
    assert_eq!(update.updated, 2);
    let view = store
        .roster(branch, today(), "", RosterFilter::All)
        .unwrap();
    assert_eq!(view.entries.len(), 2);
    assert!(view
        .entries
        .iter()
        .any(|e| e.member.admitted_on == NaiveDate::from_ymd_opt(2020, 6, 7).unwrap()));
}

#[test]
fn ten_thousand_rows_import_in_one_transaction() {
    let (tmp, mut store, branch) = setup();
    let rows: Vec<String> = (0..10_000).map(row).collect();
    let file = csv(tmp.path(), &rows);
    let preview = store.preview_import(branch, &file, today()).unwrap();
    assert_eq!(
        preview.valid_rows,
        10_000,
        "{:?}",
        preview.rows.iter().find(|r| !r.problems.is_empty())
    );
    let result = store
        .commit_import(
            branch,
            &file,
            &preview.file_hash,
            OnDuplicate::Skip,
            today(),
        )
        .unwrap();
    assert_eq!(result.created, 10_000);
    assert_eq!(people(&store, branch), 10_000);
}
