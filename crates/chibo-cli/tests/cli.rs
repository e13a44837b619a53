//! The `chibo` binary on temporary data directories: exit codes, Vietnamese messages, JSON.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::{Command, Stdio};

use tempfile::TempDir;

mod common;
use common::{chibo, json, stderr, text, TODAY};

const INIT: &[&str] = &[
    "init",
    "--branch",
    "Chi bộ thôn Bản Chắt",
    "--parent",
    "Đảng bộ xã Tân Thành",
    "--place",
    "Tân Thành",
];

#[test]
fn init_creates_the_branch_and_info_reads_it_back() {
    let tmp = TempDir::new().unwrap();
    let out = chibo(tmp.path(), INIT);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("Đã tạo Chi bộ thôn Bản Chắt"));

    let info = json(&chibo(tmp.path(), &["info", "--json"]));
    assert_eq!(
        info["schema_version"],
        chibo_store::migrations::LATEST_VERSION
    );
    assert_eq!(
        info["branches"][0]["branch"]["name"],
        "Chi bộ thôn Bản Chắt"
    );
    assert_eq!(
        info["branches"][0]["branch"]["parent_name"],
        "Đảng bộ xã Tân Thành"
    );
}

#[test]
fn init_again_with_the_same_name_updates_instead_of_duplicating() {
    let tmp = TempDir::new().unwrap();
    chibo(tmp.path(), INIT);
    let out = chibo(
        tmp.path(),
        &[
            "init",
            "--branch",
            "chi bo thon ban chat",
            "--parent",
            "Đảng bộ xã Tân Thành",
            "--place",
            "Xã Tân Thành",
            "--term-start",
            "01/08/2025",
            "--term-end",
            "31/07/2030",
            "--json",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(json(&out)["term_start"], "2025-08-01");
    let info = json(&chibo(tmp.path(), &["info", "--json"]));
    assert_eq!(info["branches"].as_array().unwrap().len(), 1);
    assert_eq!(info["branches"][0]["branch"]["place"], "Xã Tân Thành");
}

#[test]
fn an_empty_branch_name_exits_1_with_the_field_and_writes_nothing() {
    let tmp = TempDir::new().unwrap();
    let out = chibo(
        tmp.path(),
        &["init", "--branch", "  ", "--parent", "X", "--place", "Y"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("Tên chi bộ không được để trống."),
        "{}",
        stderr(&out)
    );
    let info = json(&chibo(tmp.path(), &["info", "--json"]));
    assert_eq!(info["branches"].as_array().unwrap().len(), 0);
}

#[test]
fn an_impossible_term_date_exits_1() {
    let tmp = TempDir::new().unwrap();
    let mut args = INIT.to_vec();
    args.extend(["--term-start", "31/02/2025"]);
    let out = chibo(tmp.path(), &args);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("\"31/02/2025\" không phải ngày hợp lệ"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn demo_fills_an_empty_data_dir_once() {
    let tmp = TempDir::new().unwrap();
    let out = chibo(tmp.path(), &["demo", "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(json(&out)["name"], "Chi bộ thôn Bản Chắt");
    let again = chibo(tmp.path(), &["demo"]);
    assert_eq!(again.status.code(), Some(1));
    assert!(
        stderr(&again).contains("chưa có chi bộ nào"),
        "{}",
        stderr(&again)
    );
}

#[test]
fn a_data_dir_that_is_a_file_exits_1_and_the_file_is_untouched() {
    let tmp = TempDir::new().unwrap();
    let file = tmp.path().join("file");
    std::fs::write(&file, "x").unwrap();
    let out = chibo(&file, &["info"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("không phải thư mục"),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "x");
}

#[test]
fn a_database_that_is_not_sqlite_exits_1_and_is_untouched() {
    let tmp = TempDir::new().unwrap();
    let db = tmp.path().join("chibo.sqlite3");
    std::fs::write(&db, "không phải cơ sở dữ liệu").unwrap();
    let out = chibo(tmp.path(), &["info"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("không phải SQLite"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        std::fs::read_to_string(&db).unwrap(),
        "không phải cơ sở dữ liệu"
    );
}

#[test]
fn a_database_from_a_newer_version_exits_1() {
    let tmp = TempDir::new().unwrap();
    chibo(tmp.path(), INIT);
    let conn = rusqlite::Connection::open(tmp.path().join("chibo.sqlite3")).unwrap();
    conn.pragma_update(None, "user_version", 99).unwrap();
    drop(conn);
    let out = chibo(tmp.path(), &["info"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("phiên bản mới hơn"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn the_data_dir_can_come_from_the_environment() {
    let tmp = TempDir::new().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_chibo"))
        .args(["info", "--json"])
        .env("CHIBO_DATA_DIR", tmp.path())
        .env("CHIBO_TODAY", TODAY)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(json(&out)["data_dir"], tmp.path().display().to_string());
    assert!(tmp.path().join("chibo.sqlite3").is_file());
}

#[test]
fn members_list_finds_a_demo_member_typed_without_accents() {
    let tmp = TempDir::new().unwrap();
    chibo(tmp.path(), &["demo"]);
    let out = chibo(
        tmp.path(),
        &["members", "list", "--search", "nguyen van duc", "--json"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let view = json(&out);
    let entries = view["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0]["member"]["full_name"], "Nguyễn Văn Đức");
    assert_eq!(view["counts"]["total"], 25);
}

#[test]
fn members_list_is_in_vietnamese_order_of_given_names() {
    let tmp = TempDir::new().unwrap();
    chibo(tmp.path(), &["demo"]);
    let view = json(&chibo(tmp.path(), &["members", "list", "--json"]));
    let given: Vec<String> = view["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            e["member"]["name_parts"]["given"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    assert_eq!(&given[..4], ["An", "Ánh", "Ân", "Chiến"]);
    assert_eq!(given.last().map(String::as_str), Some("Ư"));
}

#[test]
fn members_list_of_an_unknown_branch_exits_1() {
    let tmp = TempDir::new().unwrap();
    chibo(tmp.path(), &["demo"]);
    let out = chibo(
        tmp.path(),
        &["members", "list", "--branch", "Chi bộ không có"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("Không có chi bộ"), "{}", stderr(&out));
}

fn warning_kinds(data: &Path, today: &str) -> Vec<String> {
    let out = chibo(data, &["--today", today, "warnings", "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let report = json(&out);
    report[0]["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["kind"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn warnings_report_the_demo_probation_ending() {
    let tmp = TempDir::new().unwrap();
    chibo(tmp.path(), &["demo"]);
    let kinds = warning_kinds(tmp.path(), TODAY);
    assert!(kinds.iter().any(|k| k == "probation_ending"), "{kinds:?}");
}

#[test]
fn warnings_as_of_the_year_end_see_the_december_meeting_not_yet_recorded() {
    let tmp = TempDir::new().unwrap();
    // The demo is made on 27/11: December's meeting (the 5th) is still ahead.
    chibo(tmp.path(), &["demo"]);
    let now = warning_kinds(tmp.path(), TODAY);
    assert!(!now.iter().any(|k| k == "meeting_not_recorded"), "{now:?}");
    let year_end = warning_kinds(tmp.path(), "2026-12-31");
    assert!(
        year_end.iter().any(|k| k == "meeting_not_recorded"),
        "{year_end:?}"
    );
}

#[test]
fn the_day_can_come_from_the_environment_and_the_option_wins() {
    let tmp = TempDir::new().unwrap();
    chibo(tmp.path(), &["demo"]);
    let from_env = chibo(tmp.path(), &["warnings", "--json"]);
    let from_option = chibo(tmp.path(), &["--today", "2026-12-31", "warnings", "--json"]);
    assert_ne!(json(&from_env), json(&from_option));
}

#[test]
fn a_wrong_today_exits_1_in_vietnamese_and_changes_nothing() {
    let tmp = TempDir::new().unwrap();
    for bad in ["2026-02-30", "31/12/2026", "hôm nay"] {
        let out = chibo(tmp.path(), &["--today", bad, "demo"]);
        assert_eq!(out.status.code(), Some(1), "{bad}: {}", text(&out));
        assert!(stderr(&out).contains("không hợp lệ"), "{}", stderr(&out));
        assert!(stderr(&out).contains("2026-12-31"), "{}", stderr(&out));
    }
    assert!(!tmp.path().join("chibo.sqlite3").exists());
}

const IMPORT_HEADER: &str = "Họ và tên;Ngày sinh;Ngày vào Đảng;Ngày chính thức;Số thẻ đảng viên";

fn write_csv(dir: &Path, rows: &[&str]) -> std::path::PathBuf {
    let path = dir.join("danh sách.csv");
    let text = format!("\u{FEFF}{IMPORT_HEADER}\r\n{}\r\n", rows.join("\r\n"));
    std::fs::write(&path, text).unwrap();
    path
}

fn member_count(data: &Path) -> u64 {
    let view = json(&chibo(data, &["members", "list", "--all", "--json"]));
    view["entries"].as_array().unwrap().len() as u64
}

#[test]
fn members_import_writes_nothing_when_a_row_is_wrong_and_names_the_row() {
    let tmp = TempDir::new().unwrap();
    chibo(tmp.path(), INIT);
    let file = write_csv(
        tmp.path(),
        &[
            "Ma Văn Khánh;12/05/1990;03/02/2015;03/02/2016;93020001",
            "Hà Thị Nguyệt;31/02/1970;10/10/2016;;93020002",
        ],
    );
    let out = chibo(tmp.path(), &["members", "import", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("Dòng 3, cột Ngày sinh"), "{err}");
    assert!(err.contains("31/02/1970"), "{err}");
    assert_eq!(member_count(tmp.path()), 0);
}

#[test]
fn members_import_dry_run_writes_nothing_and_the_real_run_imports_every_row() {
    let tmp = TempDir::new().unwrap();
    chibo(tmp.path(), INIT);
    let file = write_csv(
        tmp.path(),
        &[
            "Ma Văn Khánh;12/05/1990;03/02/2015;03/02/2016;93020001",
            "",
            "Hà Thị Nguyệt;28/02/1970;10/10/2016;;93020002",
        ],
    );
    let path = file.to_str().unwrap();
    let dry = chibo(tmp.path(), &["members", "import", path, "--dry-run"]);
    assert_eq!(dry.status.code(), Some(0), "{}", stderr(&dry));
    assert!(stderr(&dry).contains("2 dòng hợp lệ"), "{}", stderr(&dry));
    assert_eq!(member_count(tmp.path()), 0);

    let real = chibo(tmp.path(), &["members", "import", path, "--json"]);
    assert_eq!(real.status.code(), Some(0), "{}", stderr(&real));
    assert_eq!(json(&real)["created"], 2);
    assert_eq!(member_count(tmp.path()), 2);

    let again = chibo(tmp.path(), &["members", "import", path, "--json"]);
    assert_eq!(json(&again)["skipped"], 2);
    assert_eq!(member_count(tmp.path()), 2);
}

#[test]
fn members_import_of_a_text_file_named_xlsx_exits_1() {
    let tmp = TempDir::new().unwrap();
    chibo(tmp.path(), INIT);
    let fake = tmp.path().join("danh-sach.xlsx");
    std::fs::write(&fake, "Họ và tên,Ngày vào Đảng\nA,01/01/2000\n").unwrap();
    let out = chibo(tmp.path(), &["members", "import", fake.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("không phải bảng tính"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn meetings_plan_twice_creates_the_year_once() {
    let tmp = TempDir::new().unwrap();
    chibo(tmp.path(), &["demo"]);
    let first = chibo(
        tmp.path(),
        &["meetings", "plan", "--year", "2027", "--json"],
    );
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    assert_eq!(json(&first).as_array().unwrap().len(), 16);
    let again = chibo(tmp.path(), &["meetings", "plan", "--year", "2027"]);
    assert!(
        stderr(&again).contains("đã thêm 0 cuộc"),
        "{}",
        stderr(&again)
    );
    let list = json(&chibo(
        tmp.path(),
        &["meetings", "list", "--year", "2027", "--json"],
    ));
    assert_eq!(list.as_array().unwrap().len(), 16);
    assert_eq!(list[0]["date"], "2027-01-05");
}

#[test]
fn meetings_plan_with_an_impossible_day_exits_1() {
    let tmp = TempDir::new().unwrap();
    chibo(tmp.path(), &["demo"]);
    let out = chibo(
        tmp.path(),
        &["meetings", "plan", "--year", "2027", "--day", "40"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("từ 1 đến 31"), "{}", stderr(&out));
}

#[test]
fn minutes_export_writes_a_pdf_and_refuses_a_missing_folder() {
    let tmp = TempDir::new().unwrap();
    chibo(tmp.path(), &["demo"]);
    let list = json(&chibo(tmp.path(), &["meetings", "list", "--json"]));
    let held = list
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["status"] == "held")
        .expect("the demo has held meetings this year");
    let id = held["id"].to_string();
    let out_dir = TempDir::new().unwrap();
    let pdf = out_dir.path().join("biên bản.pdf");
    let out = chibo(
        tmp.path(),
        &[
            "minutes",
            "export",
            &id,
            "--format",
            "pdf",
            "--out",
            pdf.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF"));
    let missing = out_dir.path().join("khong-co").join("bb.docx");
    let out = chibo(
        tmp.path(),
        &[
            "minutes",
            "export",
            &id,
            "--format",
            "docx",
            "--out",
            missing.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(!missing.exists());
}

fn without_exported_at(path: &Path) -> serde_json::Value {
    let mut value: serde_json::Value =
        serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
    value.as_object_mut().unwrap().remove("exported_at");
    value
}

#[test]
fn data_export_then_import_into_an_empty_folder_gives_the_same_file() {
    let source = TempDir::new().unwrap();
    chibo(source.path(), &["demo"]);
    let files = TempDir::new().unwrap();
    let file = files.path().join("chi bộ Bản Chắt.json");
    let out = chibo(
        source.path(),
        &["data", "export", "--out", file.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("Đã ghi"), "{}", stderr(&out));
    let attachments = files.path().join("chi bộ Bản Chắt.attachments");
    assert_eq!(std::fs::read_dir(&attachments).unwrap().count(), 1);

    let target = TempDir::new().unwrap();
    let preview = chibo(
        target.path(),
        &[
            "data",
            "import",
            file.to_str().unwrap(),
            "--dry-run",
            "--json",
        ],
    );
    assert_eq!(preview.status.code(), Some(0), "{}", stderr(&preview));
    let preview = json(&preview);
    assert_eq!(preview["written"], false);
    assert_eq!(preview["branches"][0]["action"], "add");
    assert_eq!(preview["branches"][0]["incoming"]["members"], 26);
    let info = json(&chibo(target.path(), &["info", "--json"]));
    assert!(
        info["branches"].as_array().unwrap().is_empty(),
        "--dry-run wrote"
    );
    assert_eq!(
        std::fs::read_dir(target.path().join("attachments"))
            .unwrap()
            .count(),
        0
    );

    let out = chibo(target.path(), &["data", "import", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("Đã thêm Chi bộ thôn Bản Chắt"),
        "{}",
        stderr(&out)
    );
    let again = chibo(target.path(), &["data", "import", file.to_str().unwrap()]);
    assert!(stderr(&again).contains("Đã cập nhật"), "{}", stderr(&again));
    let info = json(&chibo(target.path(), &["info", "--json"]));
    assert_eq!(info["branches"].as_array().unwrap().len(), 1);

    let second = files.path().join("lần hai.json");
    let out = chibo(
        target.path(),
        &[
            "data",
            "export",
            "--all",
            "--out",
            second.to_str().unwrap(),
            "--json",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(json(&out)["attachment_files"], 1);
    assert_eq!(without_exported_at(&file), without_exported_at(&second));
}

#[test]
fn data_import_of_a_bad_file_exits_1_and_changes_nothing() {
    let data = TempDir::new().unwrap();
    chibo(data.path(), &["demo"]);
    let files = TempDir::new().unwrap();
    let file = files.path().join("chi-bo.json");
    chibo(
        data.path(),
        &["data", "export", "--out", file.to_str().unwrap()],
    );
    let text = std::fs::read_to_string(&file).unwrap();

    let target = TempDir::new().unwrap();
    std::fs::write(&file, &text[..text.len() / 3]).unwrap();
    let out = chibo(target.path(), &["data", "import", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("không phải tệp JSON hợp lệ"),
        "{}",
        stderr(&out)
    );

    let newer = text.replacen("\"version\": 1,", "\"version\": 2,", 1);
    std::fs::write(&file, newer).unwrap();
    let out = chibo(target.path(), &["data", "import", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("phiên bản mới hơn"),
        "{}",
        stderr(&out)
    );

    let info = json(&chibo(target.path(), &["info", "--json"]));
    assert!(info["branches"].as_array().unwrap().is_empty());

    let out = chibo(
        data.path(),
        &[
            "data",
            "export",
            "--out",
            files
                .path()
                .join("không có")
                .join("x.json")
                .to_str()
                .unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
}

#[test]
fn meetings_show_gives_the_frozen_roll_call_counts_and_outcomes_of_approved_minutes() {
    let tmp = TempDir::new().unwrap();
    chibo(tmp.path(), &["demo"]);
    let list = json(&chibo(tmp.path(), &["meetings", "list", "--json"]));
    let ids: Vec<String> = list
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["status"] == "held")
        .map(|m| m["id"].to_string())
        .collect();
    let shown: Vec<serde_json::Value> = ids
        .iter()
        .map(|id| json(&chibo(tmp.path(), &["meetings", "show", id, "--json"])))
        .collect();
    let approved = shown
        .iter()
        .find(|m| m["minutes_status"] == "approved" && m["resolutions"][0].is_object())
        .expect("the demo has approved minutes with a vote this year");
    let roll = &approved["roll_call"];
    assert_eq!(roll["locked"], true);
    assert!(roll["frozen_at"].is_string(), "{roll}");
    let summoned = roll["summoned"].as_array().unwrap();
    assert_eq!(roll["counts"]["summoned"], summoned.len());
    assert!(summoned.iter().all(|l| l["standing"]["kind"].is_string()));
    let denominator = roll["counts"]["vote_denominator"].as_u64().unwrap();
    assert!(denominator > 0);
    let resolution = &approved["resolutions"][0];
    assert_eq!(resolution["vote_denominator"], denominator);
    let votes_for = resolution["votes_for"].as_u64().unwrap();
    assert_eq!(resolution["passed"], votes_for * 2 > denominator);
    assert!(approved["content_hash"].is_string());

    // The same in words, for a person.
    let out = chibo(tmp.path(), &["meetings", "show", &ids[0]]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(text(&out).contains("Phải dự họp"), "{}", text(&out));
    assert!(text(&out).contains("Tỷ lệ dự họp"), "{}", text(&out));

    let missing = chibo(tmp.path(), &["meetings", "show", "999999"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(
        stderr(&missing).starts_with("Lỗi: "),
        "{}",
        stderr(&missing)
    );
}

#[test]
fn the_notice_prints_with_its_own_number_and_a_past_meeting_needs_its_issue_date() {
    let tmp = TempDir::new().unwrap();
    chibo(tmp.path(), &["demo"]);
    let list = json(&chibo(tmp.path(), &["meetings", "list", "--json"]));
    let meetings = list.as_array().unwrap();
    let ahead = meetings
        .iter()
        .find(|m| m["status"] == "planned" && m["date"].as_str().unwrap() > common::TODAY)
        .expect("the demo plans the rest of the year")["id"]
        .to_string();
    let out_dir = TempDir::new().unwrap();
    let pdf = out_dir.path().join("thong-bao.pdf");
    let export = |id: &str, extra: &[&str]| {
        let mut args = vec![
            "minutes",
            "export",
            id,
            "--document",
            "notice",
            "--format",
            "pdf",
            "--out",
            pdf.to_str().unwrap(),
        ];
        args.extend_from_slice(extra);
        chibo(tmp.path(), &args)
    };
    let out = export(&ahead, &["--issued-on", "2026-12-31"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("phải trước hoặc đúng ngày họp"),
        "{}",
        stderr(&out)
    );
    assert!(!pdf.exists());
    let out = export(&ahead, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF"));

    // Minutes take no issue date.
    let out = chibo(
        tmp.path(),
        &[
            "minutes",
            "export",
            &ahead,
            "--format",
            "pdf",
            "--out",
            pdf.to_str().unwrap(),
            "--issued-on",
            "2026-11-27",
        ],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("--document notice"),
        "{}",
        stderr(&out)
    );
}

/// An output path is never one of the data folder's own files nor anything but a regular
/// file (before, `--out D/chibo.sqlite3` replaced the live database with a PDF and said
/// "Đã ghi").
#[test]
fn an_output_path_inside_the_data_folders_own_files_or_not_a_file_is_refused() {
    let tmp = TempDir::new().unwrap();
    chibo(tmp.path(), &["demo"]);
    let database = tmp.path().join("chibo.sqlite3");
    let list = json(&chibo(tmp.path(), &["meetings", "list", "--json"]));
    let id = list.as_array().unwrap()[0]["id"].to_string();
    std::fs::create_dir_all(tmp.path().join("backups")).unwrap();
    let through_dots = tmp.path().join("backups").join("..").join("chibo.sqlite3");
    let targets = [
        database.clone(),
        tmp.path().join("chibo.sqlite3-wal"),
        tmp.path().join("backups").join("bien-ban.pdf"),
        through_dots,
    ];
    for target in &targets {
        let out = target.to_str().unwrap();
        for args in [
            vec!["minutes", "export", &id, "--format", "pdf", "--out", out],
            vec!["data", "export", "--out", out],
            vec!["backup", "--out", out],
        ] {
            let run = chibo(tmp.path(), &args);
            assert_eq!(run.status.code(), Some(1), "{args:?}: {}", stderr(&run));
            assert!(
                stderr(&run).contains("là tệp dữ liệu của Sổ tay Chi bộ"),
                "{args:?}: {}",
                stderr(&run)
            );
        }
    }
    let folder = TempDir::new().unwrap();
    let run = chibo(
        tmp.path(),
        &[
            "minutes",
            "export",
            &id,
            "--format",
            "docx",
            "--out",
            folder.path().to_str().unwrap(),
        ],
    );
    assert_eq!(run.status.code(), Some(1), "{}", stderr(&run));
    assert!(
        stderr(&run).contains("không phải một tệp thường"),
        "{}",
        stderr(&run)
    );
    #[cfg(unix)]
    {
        let run = chibo(tmp.path(), &["backup", "--out", "/dev/null"]);
        assert_eq!(run.status.code(), Some(1), "{}", stderr(&run));
    }
    assert!(!tmp.path().join("backups").join("bien-ban.pdf").exists());
    let verify = chibo(tmp.path(), &["verify"]);
    assert_eq!(verify.status.code(), Some(0), "{}", stderr(&verify));
    assert!(std::fs::read(&database)
        .unwrap()
        .starts_with(b"SQLite format 3\0"));
}

/// Only the documented exit codes (before: a closed stdout and a huge year panicked with
/// 101, and a wrong command line exited with clap's 2, the code of an internal failure).
#[test]
fn a_closed_stdout_a_huge_year_and_a_wrong_command_line_give_documented_exit_codes() {
    let tmp = TempDir::new().unwrap();
    chibo(tmp.path(), &["demo"]);

    let mut child = common::chibo_command(tmp.path(), &["meetings", "list", "--json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(!stderr(&out).contains("panicked"), "{}", stderr(&out));

    let out = chibo(tmp.path(), &["meetings", "list", "--year", "2147483647"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("năm phải từ 1930 đến 2200"),
        "{}",
        stderr(&out)
    );

    let out = chibo(tmp.path(), &["meetings", "lisst"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let out = chibo(tmp.path(), &["--help"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

/// A pipe given as the file to import is refused at once (before, reading it hung forever).
#[cfg(unix)]
#[test]
fn a_pipe_given_as_an_import_file_is_refused_at_once() {
    let tmp = TempDir::new().unwrap();
    chibo(tmp.path(), &["demo"]);
    let files = TempDir::new().unwrap();
    let fifo = files.path().join("danh-sach.xlsx");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    for args in [
        vec!["members", "import", fifo.to_str().unwrap(), "--dry-run"],
        vec!["data", "import", fifo.to_str().unwrap(), "--dry-run"],
        vec!["restore", fifo.to_str().unwrap()],
    ] {
        let out = chibo(tmp.path(), &args);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains("tệp"), "{args:?}: {}", stderr(&out));
    }
}

/// Parallel imports of one file with an attachment: whichever fail, the file the committed
/// rows refer to stays (before, a rolled-back import removed the file the winning import had
/// just committed, and `verify` reported it missing).
#[test]
fn parallel_imports_of_a_file_with_an_attachment_keep_the_file() {
    let source = TempDir::new().unwrap();
    chibo(source.path(), &["demo"]);
    let out_dir = TempDir::new().unwrap();
    let file = out_dir.path().join("chi-bo.json");
    let export = chibo(
        source.path(),
        &["data", "export", "--out", file.to_str().unwrap()],
    );
    assert_eq!(export.status.code(), Some(0), "{}", stderr(&export));
    assert!(out_dir.path().join("chi-bo.attachments").is_dir());
    for _round in 0..3 {
        let target = TempDir::new().unwrap();
        chibo(target.path(), &["info"]);
        let runs: Vec<_> = (0..5)
            .map(|_| {
                common::chibo_command(target.path(), &["data", "import", file.to_str().unwrap()])
                    .stdout(Stdio::null())
                    .stderr(Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        let succeeded = runs
            .into_iter()
            .map(|run| run.wait_with_output().unwrap())
            .filter(|out| out.status.success())
            .count();
        assert!(succeeded >= 1);
        let verify = chibo(target.path(), &["verify"]);
        assert_eq!(verify.status.code(), Some(0), "{}", text(&verify));
    }
}

/// Plans run at once create the year once (before, 10 parallel runs created 160 meetings:
/// each read what existed outside its transaction).
#[test]
fn parallel_plans_of_a_year_create_it_once() {
    let tmp = TempDir::new().unwrap();
    chibo(tmp.path(), &["demo"]);
    let runs: Vec<_> = (0..8)
        .map(|_| {
            common::chibo_command(tmp.path(), &["meetings", "plan", "--year", "2028"])
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for run in runs {
        let out = run.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    }
    let list = json(&chibo(
        tmp.path(),
        &["meetings", "list", "--year", "2028", "--json"],
    ));
    assert_eq!(list.as_array().unwrap().len(), 16);
}
