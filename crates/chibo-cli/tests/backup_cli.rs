//! `chibo backup`, `chibo restore`, `chibo verify` on real data folders: a round trip, a
//! damaged database detected and repaired, damaged attachments named, exit codes.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use tempfile::TempDir;

mod common;
use common::{chibo, text};

fn members(dir: &Path) -> usize {
    let out = chibo(dir, &["members", "list", "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap()["entries"]
        .as_array()
        .map(Vec::len)
        .unwrap_or_else(|| panic!("{}", text(&out)))
}

/// Damages b-tree pages in the middle of the file.
fn flip_pages(path: &Path) {
    let mut bytes = std::fs::read(path).unwrap();
    let pages = bytes.len() / 4096;
    for n in (pages / 3)..(pages / 3 + 4).min(pages) {
        for byte in &mut bytes[n * 4096..n * 4096 + 12] {
            *byte ^= 0xA5;
        }
    }
    std::fs::write(path, bytes).unwrap();
}

#[test]
fn backup_then_restore_brings_the_data_back() {
    let tmp = TempDir::new().unwrap();
    let data = tmp.path().join("data");
    assert_eq!(chibo(&data, &["demo"]).status.code(), Some(0));
    let before = members(&data);
    let backup = tmp.path().join("sao lưu.sqlite3");
    let out = chibo(&data, &["backup", "--out", backup.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(
        text(&out).contains("Đã sao lưu và kiểm tra"),
        "{}",
        text(&out)
    );

    let other = tmp.path().join("other");
    let out = chibo(&other, &["restore", backup.to_str().unwrap(), "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["facts"]["branches"][0], "Chi bộ thôn Bản Chắt");
    assert_eq!(members(&other), before);

    let out = chibo(&data, &["verify"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(text(&out).contains("Dữ liệu nguyên vẹn"));
}

#[test]
fn a_damaged_database_fails_verify_and_is_repaired_by_restore() {
    let tmp = TempDir::new().unwrap();
    let data = tmp.path().join("data");
    assert_eq!(chibo(&data, &["demo"]).status.code(), Some(0));
    let backup = tmp.path().join("good.sqlite3");
    assert_eq!(
        chibo(&data, &["backup", "--out", backup.to_str().unwrap()])
            .status
            .code(),
        Some(0)
    );
    flip_pages(&data.join("chibo.sqlite3"));

    let out = chibo(&data, &["verify"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(text(&out).contains("bị hỏng"), "{}", text(&out));

    let out = chibo(&data, &["restore", backup.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(text(&out).contains("Đã khôi phục"), "{}", text(&out));
    assert_eq!(chibo(&data, &["verify"]).status.code(), Some(0));
    let set_aside = std::fs::read_dir(data.join("backups"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .any(|name| name.starts_with("hong-"));
    assert!(set_aside, "the damaged file is kept");
}

#[test]
fn verify_names_an_altered_attachment_and_restore_refuses_a_bad_file() {
    let tmp = TempDir::new().unwrap();
    let data = tmp.path().join("data");
    assert_eq!(chibo(&data, &["demo"]).status.code(), Some(0));
    for entry in std::fs::read_dir(data.join("attachments")).unwrap() {
        std::fs::write(entry.unwrap().path(), b"altered").unwrap();
    }
    let out = chibo(&data, &["verify"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out).contains("Thông báo họp chi bộ.docx"),
        "{}",
        text(&out)
    );
    assert!(text(&out).contains("đã bị thay đổi"), "{}", text(&out));

    let not_a_backup = tmp.path().join("ghi chú.txt");
    std::fs::write(&not_a_backup, "không phải").unwrap();
    let before = members(&data);
    let out = chibo(&data, &["restore", not_a_backup.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out).contains("không phải bản sao lưu"),
        "{}",
        text(&out)
    );
    assert_eq!(members(&data), before);
}
