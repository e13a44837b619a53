//! Fixtures shared by the store's test files: the fixed "today" and the stores opened on it, the demo roster with 2026
//! planned, and a roll call with everyone present.

#![allow(dead_code, clippy::unwrap_used)]

use chibo_core::attendance::{Mark, Presence};
use chibo_core::planning::DayRule;
use chibo_store::meetings::MeetingSummary;
use chibo_store::{DataDir, Store};
use chrono::NaiveDate;

pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()
}

/// Pins this test process's clock to [`today`]. Every test opens its store through
/// [`open_store`] or [`open_in_memory`], which pin it first, so stored timestamps follow the
/// pinned day and no test reads the computer's clock.
pub fn pin_clock() {
    chibo_store::clock::pin(today()).unwrap();
}

/// [`Store::open`] on a pinned clock.
pub fn open_store(dir: DataDir) -> chibo_store::Result<Store> {
    pin_clock();
    Store::open(dir)
}

/// [`Store::open_in_memory`] on a pinned clock.
pub fn open_in_memory() -> chibo_store::Result<Store> {
    pin_clock();
    Store::open_in_memory()
}

/// The 5th of each month, off Sundays and public holidays: how the tests plan a year.
pub const FIFTH: DayRule = DayRule {
    day: 5,
    avoid_sunday: true,
    avoid_holidays: true,
};

/// The branch's 2026 planned on [`FIFTH`]: the meetings added, in date order.
pub fn plan_2026(store: &mut Store, branch: i64) -> Vec<MeetingSummary> {
    store.plan_year(branch, 2026, FIFTH).unwrap()
}

/// The demo roster in `store`, 2026 planned: the branch and its first meeting (January).
pub fn demo_roster_with_first_meeting(store: &mut Store) -> (i64, i64) {
    let branch = store.create_demo_roster(today()).unwrap().id;
    let meeting = plan_2026(store, branch)[0].id;
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
