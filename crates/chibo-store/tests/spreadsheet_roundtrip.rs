//! What chibo-export writes, chibo-store reads back: the import template and the exported
//! roster go through `read_grid` + `parse_roster` as real files.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use chibo_core::branch::Branch;
use chibo_core::member::{Gender, Member, MemberInput, Role};
use chibo_core::name::NameParts;
use chibo_core::roster::{RosterEntry, Standing};
use chibo_core::roster_import::parse_roster;
use chibo_core::settings::RuleSettings;
use chibo_store::spreadsheet::read_grid;
use chrono::NaiveDate;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn today() -> NaiveDate {
    d(2026, 11, 27)
}

fn member(id: i64, name: &str) -> Member {
    Member {
        id,
        branch_id: 1,
        full_name: name.into(),
        name_parts: NameParts::split(name),
        gender: None,
        birth_date: None,
        hometown: String::new(),
        ethnicity: String::new(),
        card_number: String::new(),
        admitted_on: d(2000, 1, 1),
        official_on: None,
        official_reference: String::new(),
        role: Role::Member,
        post: String::new(),
        phone: String::new(),
        notes: String::new(),
    }
}

fn entries() -> Vec<RosterEntry> {
    let full = Member {
        gender: Some(Gender::Female),
        birth_date: Some(d(1980, 2, 5)),
        hometown: "Bản Chắt, Tân Thành".into(),
        ethnicity: "Tày".into(),
        card_number: "012345".into(),
        admitted_on: d(2005, 2, 5),
        official_on: Some(d(2006, 2, 5)),
        role: Role::DeputySecretary,
        post: "Giáo viên, \"Trường TH Tân Thành\"".into(),
        phone: "0912345678".into(),
        notes: "Dòng 1\ndòng 2".into(),
        ..member(1, "Nguyễn Thị Hoa")
    };
    let secretary = Member {
        gender: Some(Gender::Male),
        role: Role::Secretary,
        ..member(2, "Đặng Văn Đức")
    };
    let probationary = Member {
        admitted_on: d(2026, 3, 5),
        role: Role::CommitteeMember,
        ..member(3, "Lò Sáng")
    };
    [
        (full, Standing::Official, true),
        (secretary, Standing::Exempted, false),
        (probationary, Standing::Probationary, false),
    ]
    .into_iter()
    .map(|(member, standing, attached_here)| RosterEntry {
        member,
        standing,
        attached_here,
    })
    .collect()
}

fn as_input(m: &Member) -> MemberInput {
    MemberInput {
        full_name: m.full_name.clone(),
        name_parts: None,
        gender: m.gender,
        birth_date: m.birth_date,
        hometown: m.hometown.clone(),
        ethnicity: m.ethnicity.clone(),
        card_number: m.card_number.clone(),
        admitted_on: m.admitted_on,
        official_on: m.official_on,
        official_reference: m.official_reference.clone(),
        role: m.role,
        post: m.post.clone(),
        phone: m.phone.clone(),
        notes: m.notes.clone(),
    }
}

#[test]
fn the_import_template_reads_back_as_two_valid_members() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mau-nhap-danh-sach.xlsx");
    std::fs::write(&path, chibo_export::import_template_xlsx().unwrap()).unwrap();

    let grid = read_grid(&path).unwrap();
    let roster = parse_roster(&grid, today(), &RuleSettings::default()).unwrap();
    assert!(roster.problems().is_empty(), "{:?}", roster.problems());
    assert!(roster.columns.iter().all(|c| c.field.is_some()));
    let inputs = roster.valid_inputs();
    assert_eq!(inputs.len(), 2);
    assert_eq!(inputs[0].full_name, "Nguyễn Văn Hùng");
    assert_eq!(inputs[0].role, Role::Secretary);
    assert_eq!(inputs[1].full_name, "Lò Thị Mai");
    assert_eq!(inputs[1].gender, Some(Gender::Female));
    assert_eq!(inputs[1].admitted_on, d(2016, 2, 3));
    assert_eq!(inputs[1].phone, "0987654321");
}

#[test]
fn an_exported_csv_roster_imports_as_the_same_members() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("danh-sach.csv");
    let entries = entries();
    std::fs::write(&path, chibo_export::roster_csv(&entries).unwrap()).unwrap();

    let grid = read_grid(&path).unwrap();
    let roster = parse_roster(&grid, today(), &RuleSettings::default()).unwrap();
    assert!(roster.problems().is_empty(), "{:?}", roster.problems());
    let standing = roster.columns.iter().find(|c| c.header == "Tình trạng");
    assert_eq!(standing.map(|c| c.field.clone()), Some(None));
    let expected: Vec<MemberInput> = entries.iter().map(|e| as_input(&e.member)).collect();
    let got: Vec<MemberInput> = roster.valid_inputs().into_iter().cloned().collect();
    assert_eq!(got, expected);
}

#[test]
fn an_exported_xlsx_roster_imports_as_the_same_members_below_its_title() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("danh-sach.xlsx");
    let entries = entries();
    let branch = Branch {
        id: 1,
        name: "Chi bộ thôn Bản Chắt".into(),
        parent_name: "Đảng bộ xã Tân Thành".into(),
        place: "Tân Thành".into(),
        term_start: None,
        term_end: None,
        founded_on: None,
    };
    std::fs::write(
        &path,
        chibo_export::roster_xlsx(&branch, today(), &entries).unwrap(),
    )
    .unwrap();

    let grid = read_grid(&path).unwrap();
    let roster = parse_roster(&grid, today(), &RuleSettings::default()).unwrap();
    assert_eq!(roster.header_row, 4);
    assert_eq!(roster.rows[0].row_number, 5);
    let expected: Vec<MemberInput> = entries.iter().map(|e| as_input(&e.member)).collect();
    let got: Vec<MemberInput> = roster.valid_inputs().into_iter().cloned().collect();
    assert_eq!(got, expected);
}
