//! Members, statuses and the roster on a date, on real SQLite.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use chibo_core::branch::BranchInput;
use chibo_core::member::{Gender, MemberInput, Role};
use chibo_core::roster::Standing;
use chibo_core::status::{StatusInput, StatusKind};
use chibo_core::warnings::WarningKind;
use chibo_store::members::RosterFilter;
use chibo_store::Store;
use chrono::NaiveDate;

mod common;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

const TODAY: (i32, u32, u32) = (2026, 11, 27);

fn today() -> NaiveDate {
    d(TODAY.0, TODAY.1, TODAY.2)
}

fn member(name: &str, card: &str) -> MemberInput {
    MemberInput {
        full_name: name.into(),
        name_parts: None,
        gender: Some(Gender::Male),
        birth_date: Some(d(1970, 1, 1)),
        hometown: String::new(),
        ethnicity: "Kinh".into(),
        card_number: card.into(),
        admitted_on: d(1995, 1, 1),
        official_on: Some(d(1996, 1, 1)),
        official_reference: String::new(),
        role: Role::Member,
        post: String::new(),
        phone: String::new(),
        notes: String::new(),
    }
}

fn store_with_branch() -> (Store, i64) {
    let mut store = common::open_in_memory().unwrap();
    let id = store
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
    (store, id)
}

/// Members of these names, each with a card number of its own.
fn add_members(store: &mut Store, branch: i64, names: &[&str]) {
    for (i, name) in names.iter().enumerate() {
        store
            .create_member(branch, &member(name, &format!("{i}")), today())
            .unwrap();
    }
}

fn names(store: &Store, branch: i64, search: &str, filter: RosterFilter) -> Vec<String> {
    store
        .roster(branch, today(), search, filter)
        .unwrap()
        .entries
        .into_iter()
        .map(|e| e.member.full_name)
        .collect()
}

#[test]
fn the_roster_sorts_by_given_then_middle_then_family_name_in_vietnamese_order() {
    let (mut store, branch) = store_with_branch();
    add_members(
        &mut store,
        branch,
        &[
            "Nguyễn Văn Đức",
            "Trần Thị Ánh",
            "Lê Văn Dũng",
            "Phạm Thị Ân",
            "Hoàng Văn Ánh",
            "Lò Văn Ư",
        ],
    );
    assert_eq!(
        names(&store, branch, "", RosterFilter::All),
        [
            "Trần Thị Ánh",
            "Hoàng Văn Ánh",
            "Phạm Thị Ân",
            "Lê Văn Dũng",
            "Nguyễn Văn Đức",
            "Lò Văn Ư"
        ]
    );
}

#[test]
fn both_tone_placements_are_one_name_in_order_and_search_and_stay_as_typed() {
    let (mut store, branch) = store_with_branch();
    add_members(
        &mut store,
        branch,
        &[
            "Lê Thị Hoà",
            "Nguyễn Thị Hòa",
            "Bùi Thị Hóa",
            "Đỗ Văn Thuỷ",
            "Hà Thị Thủy",
        ],
    );
    // Hoà and Hòa are one given name: the middle (equal) then the family name decide.
    assert_eq!(
        names(&store, branch, "", RosterFilter::All),
        [
            "Lê Thị Hoà",
            "Nguyễn Thị Hòa",
            "Bùi Thị Hóa",
            "Hà Thị Thủy",
            "Đỗ Văn Thuỷ"
        ]
    );
    // Typed in either placement, both are exact matches, before the accent-folded one.
    assert_eq!(
        names(&store, branch, "Hoà", RosterFilter::All),
        ["Lê Thị Hoà", "Nguyễn Thị Hòa", "Bùi Thị Hóa"]
    );
    assert_eq!(
        names(&store, branch, "Thủy", RosterFilter::All),
        ["Hà Thị Thủy", "Đỗ Văn Thuỷ"]
    );
}

#[test]
fn search_ignores_accents_and_folds_d_bar_with_exact_matches_first() {
    let (mut store, branch) = store_with_branch();
    store
        .create_member(branch, &member("Nguyễn Văn Đức", "1"), today())
        .unwrap();
    store
        .create_member(branch, &member("Nguyễn Văn Dục", "2"), today())
        .unwrap();
    store
        .create_member(branch, &member("Trần Văn Bình", "3"), today())
        .unwrap();
    assert_eq!(
        names(&store, branch, "nguyen van duc", RosterFilter::All).len(),
        2
    );
    assert_eq!(names(&store, branch, "duc", RosterFilter::All).len(), 2);
    assert_eq!(
        names(&store, branch, "Đức", RosterFilter::All),
        ["Nguyễn Văn Đức", "Nguyễn Văn Dục"]
    );
    assert_eq!(
        names(&store, branch, "Dục", RosterFilter::All),
        ["Nguyễn Văn Dục", "Nguyễn Văn Đức"]
    );
    assert_eq!(
        names(&store, branch, "binh", RosterFilter::All),
        ["Trần Văn Bình"]
    );
    assert!(names(&store, branch, "hoa", RosterFilter::All).is_empty());
}

#[test]
fn a_recorded_exemption_changes_the_counts_from_its_start_date() {
    let (mut store, branch) = store_with_branch();
    let a = store
        .create_member(branch, &member("Nguyễn Văn A", "1"), today())
        .unwrap();
    store
        .create_member(branch, &member("Nguyễn Văn B", "2"), today())
        .unwrap();
    let before = store
        .roster(branch, today(), "", RosterFilter::OnRoll)
        .unwrap()
        .counts;
    assert_eq!((before.total, before.official, before.exempted), (2, 2, 0));
    let exemption = StatusInput {
        kind: StatusKind::Exempted,
        start: d(2026, 11, 1),
        end: None,
        reference: "12-QĐ/CB".into(),
        note: String::new(),
    };
    store.add_status(a.id, &exemption, today()).unwrap();
    let after = store
        .roster(branch, today(), "", RosterFilter::OnRoll)
        .unwrap()
        .counts;
    assert_eq!((after.total, after.official, after.exempted), (2, 1, 1));
    let earlier = store
        .roster(branch, d(2026, 10, 31), "", RosterFilter::OnRoll)
        .unwrap()
        .counts;
    assert_eq!(earlier.exempted, 0);
    assert_eq!(
        names(&store, branch, "", RosterFilter::Exempted),
        ["Nguyễn Văn A"]
    );
    assert_eq!(
        store.member_detail(a.id, today()).unwrap().standing,
        Standing::Exempted
    );
}

#[test]
fn a_rejected_member_or_status_changes_nothing() {
    let (mut store, branch) = store_with_branch();
    let bad = MemberInput {
        admitted_on: d(1985, 1, 1),
        ..member("Nguyễn Văn A", "1")
    };
    let err = store.create_member(branch, &bad, today()).unwrap_err();
    assert_eq!(err.field(), Some("admitted_on"));
    assert!(names(&store, branch, "", RosterFilter::All).is_empty());

    let a = store
        .create_member(branch, &member("Nguyễn Văn A", "1"), today())
        .unwrap();
    let dead = StatusInput {
        kind: StatusKind::Deceased,
        start: d(2025, 1, 1),
        end: None,
        reference: String::new(),
        note: String::new(),
    };
    store.add_status(a.id, &dead, today()).unwrap();
    let later = StatusInput {
        kind: StatusKind::Exempted,
        start: d(2025, 6, 1),
        ..dead
    };
    assert_eq!(
        store.add_status(a.id, &later, today()).unwrap_err().field(),
        Some("kind")
    );
    assert_eq!(
        store.member_detail(a.id, today()).unwrap().statuses.len(),
        1
    );
}

#[test]
fn a_card_number_belongs_to_one_member_of_the_branch() {
    let (mut store, branch) = store_with_branch();
    store
        .create_member(branch, &member("Nguyễn Văn A", "93012345"), today())
        .unwrap();
    let err = store
        .create_member(branch, &member("Trần Văn B", "93012345"), today())
        .unwrap_err();
    assert_eq!(err.field(), Some("card_number"));
    assert!(err.to_string().contains("Nguyễn Văn A"));
}

#[test]
fn recognising_full_membership_ends_the_probation_warning() {
    let (mut store, branch) = store_with_branch();
    let probationary = MemberInput {
        admitted_on: d(2025, 12, 2),
        official_on: None,
        ..member("Lò Thị Thu Hà", "7")
    };
    let m = store.create_member(branch, &probationary, today()).unwrap();
    let warnings = store.warnings(branch, today()).unwrap();
    assert_eq!(warnings.len(), 1);
    assert_eq!(warnings[0].kind, WarningKind::ProbationEnding);
    assert_eq!(warnings[0].member_id, Some(m.id));

    let too_early = store.recognise_official(m.id, d(2026, 12, 1), "5-NQ/CB", d(2026, 12, 3));
    assert_eq!(too_early.unwrap_err().field(), Some("official_on"));
    store
        .recognise_official(m.id, d(2026, 12, 2), "5-NQ/CB", d(2026, 12, 3))
        .unwrap();
    assert!(store.warnings(branch, d(2026, 12, 3)).unwrap().is_empty());
    assert_eq!(
        store
            .member_detail(m.id, d(2026, 12, 3))
            .unwrap()
            .member
            .official_reference,
        "5-NQ/CB"
    );
}

#[test]
fn a_corrected_name_split_is_kept_and_drives_the_order() {
    let (mut store, branch) = store_with_branch();
    let mut input = member("Tôn Nữ Thị Thu Hà", "1");
    input.name_parts = Some(chibo_core::name::NameParts {
        family: "Tôn Nữ".into(),
        middle: "Thị".into(),
        given: "Thu Hà".into(),
    });
    let m = store.create_member(branch, &input, today()).unwrap();
    assert_eq!(m.name_parts.given, "Thu Hà");
    store
        .create_member(branch, &member("Nguyễn Văn Toàn", "2"), today())
        .unwrap();
    assert_eq!(
        names(&store, branch, "", RosterFilter::All),
        ["Tôn Nữ Thị Thu Hà", "Nguyễn Văn Toàn"]
    );
}

#[test]
fn the_demo_has_the_promised_roster() {
    let mut store = common::open_in_memory().unwrap();
    let branch = store.create_demo(today()).unwrap().id;
    let counts = store
        .roster(branch, today(), "", RosterFilter::OnRoll)
        .unwrap()
        .counts;
    assert_eq!(counts.total, 25);
    assert_eq!(counts.exempted, 3);
    assert_eq!(counts.probationary, 2);
    assert_eq!(names(&store, branch, "", RosterFilter::Former).len(), 1);
    assert!(!store.warnings(branch, today()).unwrap().is_empty());
    let info = store.info(today()).unwrap();
    assert_eq!(info.branches[0].members, counts);
}

#[test]
fn removing_a_status_and_deleting_a_member_are_undoable_mistakes_only_once() {
    let (mut store, branch) = store_with_branch();
    let a = store
        .create_member(branch, &member("Nguyễn Văn A", "1"), today())
        .unwrap();
    let s = store
        .add_status(
            a.id,
            &StatusInput {
                kind: StatusKind::SentAway,
                start: d(2026, 1, 1),
                end: Some(d(2026, 6, 30)),
                reference: String::new(),
                note: String::new(),
            },
            today(),
        )
        .unwrap();
    store.remove_status(s.id).unwrap();
    assert_eq!(store.remove_status(s.id).unwrap_err().code(), "not_found");
    store.delete_member(a.id).unwrap();
    assert_eq!(
        store.member_detail(a.id, today()).unwrap_err().code(),
        "not_found"
    );
}

#[test]
fn a_member_who_transferred_out_and_came_back_is_on_the_roll_for_the_second_period() {
    let (mut store, branch) = store_with_branch();
    let a = store
        .create_member(branch, &member("Nguyễn Văn A", "1"), today())
        .unwrap();
    let transfer = |kind, start| StatusInput {
        kind,
        start,
        end: None,
        reference: "Quyết định 3-QĐ/ĐU".into(),
        note: String::new(),
    };
    store
        .add_status(
            a.id,
            &transfer(StatusKind::TransferredOut, d(2024, 1, 1)),
            today(),
        )
        .unwrap();
    assert_eq!(
        names(&store, branch, "", RosterFilter::Former),
        ["Nguyễn Văn A"]
    );
    store
        .add_status(
            a.id,
            &transfer(StatusKind::TransferredIn, d(2025, 6, 1)),
            today(),
        )
        .unwrap();
    assert_eq!(
        names(&store, branch, "", RosterFilter::OnRoll),
        ["Nguyễn Văn A"]
    );
    assert!(names(&store, branch, "", RosterFilter::Former).is_empty());
    let gap = store
        .roster(branch, d(2025, 5, 31), "", RosterFilter::OnRoll)
        .unwrap()
        .counts;
    assert_eq!(gap.total, 0);
    let second_return = store
        .add_status(
            a.id,
            &transfer(StatusKind::TransferredIn, d(2026, 1, 1)),
            today(),
        )
        .unwrap_err();
    assert_eq!(second_return.field(), Some("start"));
}
