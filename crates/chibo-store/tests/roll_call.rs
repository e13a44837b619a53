//! Roll call on real SQLite: who is summoned, saving marks, refusals, absence warnings.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use chibo_core::attendance::{Mark, Presence};
use chibo_core::warnings::WarningKind;
use chibo_store::Store;
use chrono::NaiveDate;

mod common;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()
}

fn planned() -> (Store, i64, Vec<i64>) {
    let mut store = common::open_in_memory().unwrap();
    let branch = store.create_demo_roster(today()).unwrap().id;
    let meetings = common::plan_2026(&mut store, branch)
        .into_iter()
        .filter(|m| m.kind == chibo_core::meeting::MeetingKind::Regular)
        .map(|m| m.id)
        .collect();
    (store, branch, meetings)
}

fn mark(member_id: i64, presence: Presence) -> Mark {
    Mark {
        member_id,
        presence,
        reason: String::new(),
        reason_accepted: false,
    }
}

#[test]
fn the_sheet_lists_those_summoned_and_the_exempted_apart() {
    let (store, _, meetings) = planned();
    let sheet = store.roll_call(meetings[10]).unwrap();
    assert_eq!(sheet.exempted.len(), 3);
    // 25 on the roll in November: 20 official + 2 probationary (one admitted 8 months ago).
    assert_eq!(sheet.summoned.len() + sheet.exempted.len(), 25);
    assert_eq!(sheet.counts.unmarked as usize, sheet.summoned.len());
}

#[test]
fn saving_marks_updates_the_counters_and_rejects_strangers_and_doubles() {
    let (mut store, _, meetings) = planned();
    let sheet = store.roll_call(meetings[10]).unwrap();
    let marks: Vec<Mark> = sheet
        .summoned
        .iter()
        .map(|l| mark(l.member.id, Presence::Present))
        .collect();
    let saved = store.save_roll_call(meetings[10], &marks, today()).unwrap();
    assert_eq!(saved.counts.unmarked, 0);
    assert_eq!(saved.counts.attendance_rate.as_deref(), Some("100%"));

    let mut doubled = marks.clone();
    doubled.push(marks[0].clone());
    let err = store
        .save_roll_call(meetings[10], &doubled, today())
        .unwrap_err();
    assert_eq!(err.code(), "validation");
    let stranger = [mark(9_999, Presence::Present)];
    assert_eq!(
        store
            .save_roll_call(meetings[10], &stranger, today())
            .unwrap_err()
            .field(),
        Some("marks")
    );
    assert_eq!(store.roll_call(meetings[10]).unwrap().counts.unmarked, 0);
}

#[test]
fn a_third_unexcused_absence_in_the_year_raises_the_flag() {
    let (mut store, branch, meetings) = planned();
    let absent = store.roll_call(meetings[0]).unwrap().summoned[3].member.id;
    for (n, meeting) in meetings.iter().take(3).enumerate() {
        let sheet = store.roll_call(*meeting).unwrap();
        let marks: Vec<Mark> = sheet
            .summoned
            .iter()
            .map(|l| {
                mark(
                    l.member.id,
                    if l.member.id == absent {
                        Presence::Unexcused
                    } else {
                        Presence::Present
                    },
                )
            })
            .collect();
        store.save_roll_call(*meeting, &marks, today()).unwrap();
        let warnings = store.warnings(branch, today()).unwrap();
        let mine: Vec<_> = warnings
            .iter()
            .filter(|w| w.member_id == Some(absent))
            .collect();
        match n {
            0 => assert!(mine.is_empty()),
            1 => assert_eq!(mine[0].kind, WarningKind::UnexcusedAbsenceWarning),
            _ => assert_eq!(mine[0].kind, WarningKind::UnexcusedAbsenceFlag),
        }
    }
}

#[test]
fn the_roll_call_of_an_unknown_meeting_is_not_found() {
    let (mut store, _, _) = planned();
    assert_eq!(store.roll_call(777).unwrap_err().code(), "not_found");
    assert_eq!(
        store.save_roll_call(777, &[], today()).unwrap_err().code(),
        "not_found"
    );
}

#[test]
fn attendance_of_a_meeting_with_approved_minutes_is_locked() {
    let tmp = tempfile::TempDir::new().unwrap();
    let mut store = common::open_store(chibo_store::DataDir::new(tmp.path())).unwrap();
    let branch = store.create_demo_roster(today()).unwrap().id;
    let meeting = common::plan_2026(&mut store, branch)[0].id;
    let conn = rusqlite::Connection::open(tmp.path().join("chibo.sqlite3")).unwrap();
    conn.execute(
        "UPDATE meeting SET locked_at = '2026-01-06T09:00:00+07:00' WHERE id = ?1",
        [meeting],
    )
    .unwrap();
    let sheet = store.roll_call(meeting).unwrap();
    assert!(sheet.locked);
    let marks = [mark(sheet.summoned[0].member.id, Presence::Present)];
    let err = store.save_roll_call(meeting, &marks, today()).unwrap_err();
    assert_eq!(err.code(), "locked");
    assert_eq!(
        store.roll_call(meeting).unwrap().counts.unmarked as usize,
        sheet.summoned.len()
    );
}

#[test]
fn a_reason_over_the_limit_is_refused_and_keeps_the_saved_marks() {
    let (mut store, _, meetings) = planned();
    let sheet = store.roll_call(meetings[2]).unwrap();
    let member = sheet.summoned[0].member.id;
    store
        .save_roll_call(meetings[2], &[mark(member, Presence::Present)], today())
        .unwrap();
    let long = Mark {
        reason: "ố".repeat(301),
        reason_accepted: true,
        ..mark(member, Presence::Excused)
    };
    let err = store
        .save_roll_call(meetings[2], &[long], today())
        .unwrap_err();
    assert_eq!(err.field(), Some("reason"));
    assert!(err.to_string().contains("300"), "{err}");
    let kept = store.roll_call(meetings[2]).unwrap();
    assert_eq!(
        kept.summoned[0].mark.as_ref().map(|m| m.presence),
        Some(Presence::Present)
    );
}
