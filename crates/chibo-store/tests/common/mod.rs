//! Fixtures shared by the store's test files: the fixed "today", the demo roster with 2026
//! planned, and a roll call with everyone present.

#![allow(dead_code, clippy::unwrap_used)]

use chibo_core::attendance::{Mark, Presence};
use chibo_core::planning::DayRule;
use chibo_store::Store;
use chrono::NaiveDate;

pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()
}

/// The demo roster in `store`, 2026 planned: the branch and its first meeting (January).
pub fn demo_roster_with_first_meeting(store: &mut Store) -> (i64, i64) {
    let branch = store.create_demo_roster(today()).unwrap().id;
    let rule = DayRule {
        day: 5,
        avoid_sunday: true,
    };
    let meeting = store.plan_year(branch, 2026, rule).unwrap()[0].id;
    (branch, meeting)
}

/// Every summoned member of the meeting marked present.
pub fn everyone_present(store: &Store, meeting: i64) -> Vec<Mark> {
    store
        .roll_call(meeting)
        .unwrap()
        .summoned
        .iter()
        .map(|line| Mark {
            member_id: line.member.id,
            presence: Presence::Present,
            reason: String::new(),
            reason_accepted: false,
        })
        .collect()
}
