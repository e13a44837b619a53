//! Year planning on real SQLite.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use chibo_core::meeting::{MeetingKind, MeetingStatus};
use chibo_core::planning::DayRule;
use chibo_store::Store;
use chrono::{Datelike, NaiveDate};

mod common;

fn store_with_demo() -> (Store, i64) {
    let mut store = common::open_in_memory().unwrap();
    let id = store
        .create_demo_roster(NaiveDate::from_ymd_opt(2026, 11, 27).unwrap())
        .unwrap()
        .id;
    (store, id)
}

const RULE: DayRule = DayRule {
    day: 5,
    avoid_sunday: true,
    avoid_holidays: true,
};

#[test]
fn planning_a_year_creates_the_schedule_with_standard_agendas_once() {
    let (mut store, branch) = store_with_demo();
    let created = store.plan_year(branch, 2026, RULE).unwrap();
    assert_eq!(created.len(), 16);
    assert!(created.iter().all(|m| m.status == MeetingStatus::Planned));
    let regular = created
        .iter()
        .find(|m| m.kind == MeetingKind::Regular)
        .unwrap();
    assert_eq!(
        regular.agenda_items as usize,
        MeetingKind::Regular.default_agenda().len()
    );
    assert_eq!(regular.title, "Sinh hoạt thường kỳ tháng 01 năm 2026");
    // 05/04/2026 is a Sunday: moved to Monday.
    assert!(created
        .iter()
        .any(|m| m.date == NaiveDate::from_ymd_opt(2026, 4, 6).unwrap()));

    assert!(store.plan_year(branch, 2026, RULE).unwrap().is_empty());
    assert_eq!(store.meetings_of_year(branch, 2026).unwrap().len(), 16);
    assert!(store
        .meetings_of_year(branch, 2026)
        .unwrap()
        .iter()
        .all(|m| m.date.year() == 2026));
    assert!(store.meetings_of_year(branch, 2027).unwrap().is_empty());
}

#[test]
fn a_bad_day_rule_or_year_plans_nothing() {
    let (mut store, branch) = store_with_demo();
    let bad_day = store.plan_year(
        branch,
        2026,
        DayRule {
            day: 32,
            avoid_sunday: true,
            avoid_holidays: true,
        },
    );
    assert_eq!(bad_day.unwrap_err().field(), Some("day"));
    assert_eq!(
        store.plan_year(branch, 1999, RULE).unwrap_err().field(),
        Some("year")
    );
    assert_eq!(
        store.plan_year(99, 2026, RULE).unwrap_err().code(),
        "not_found"
    );
    assert!(store.meetings_of_year(branch, 2026).unwrap().is_empty());
}
