//! The meeting record on real SQLite: create and edit with every part, the rules on bad
//! input, postpone/cancel, copying an agenda, the documents register, locking, the schedule
//! spreadsheet, attendance history and the meeting warnings.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use chibo_core::attendance::{Mark, Presence};
use chibo_core::document::DocumentInput;
use chibo_core::holidays::HolidayCalendar;
use chibo_core::meeting::{MeetingKind, MeetingStatus};
use chibo_core::meeting_input::{Guest, MeetingInput};
use chibo_core::planning::DayRule;
use chibo_core::roster_import::Cell;
use chibo_core::status::{StatusInput, StatusKind};
use chibo_core::warnings::WarningKind;
use chibo_store::meeting_record::StatusChange;
use chibo_store::spreadsheet::read_grid;
use chibo_store::{DataDir, Store};
use chrono::{NaiveDate, NaiveTime};

mod common;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn today() -> NaiveDate {
    d(2026, 11, 27)
}

fn t(h: u32, m: u32) -> Option<NaiveTime> {
    NaiveTime::from_hms_opt(h, m, 0)
}

const RULE: DayRule = DayRule {
    day: 5,
    avoid_sunday: true,
    avoid_holidays: true,
};

/// The demo roster and the first two summoned members (chair, thư ký) in March 2026.
fn roster() -> (Store, i64, i64, i64) {
    let mut store = common::open_in_memory().unwrap();
    let branch = store.create_demo_roster(today()).unwrap().id;
    let people = store.meeting_candidates(branch, d(2026, 3, 5)).unwrap();
    (store, branch, people[0].id, people[1].id)
}

fn doc(number: &str) -> DocumentInput {
    DocumentInput {
        number: number.into(),
        issued_on: Some(d(2021, 10, 25)),
        issuer: "Ban Chấp hành Trung ương".into(),
        title: "Kết luận về đẩy mạnh xây dựng, chỉnh đốn Đảng".into(),
    }
}

fn march(chair: i64, secretary: i64) -> MeetingInput {
    MeetingInput {
        title: "Tự soi, tự sửa theo Kết luận 21-KL/TW".into(),
        planned_start: t(7, 30),
        planned_end: t(9, 30),
        place: "Nhà văn hóa thôn".into(),
        chair_id: Some(chair),
        secretary_id: Some(secretary),
        guests: vec![Guest {
            name: "Lê Thị Thanh Hương".into(),
            post: "Đảng ủy viên".into(),
            organisation: "Đảng ủy xã Tân Thành".into(),
        }],
        ..MeetingInput::new(MeetingKind::Thematic, d(2026, 3, 5))
    }
}

#[test]
fn a_meeting_is_stored_whole_and_edited() {
    let (mut store, branch, chair, secretary) = roster();
    let kl21 = store
        .create_document(branch, &doc("21-kl/tw"), today())
        .unwrap();
    assert_eq!(kl21.number, "21-KL/TW");
    let input = MeetingInput {
        document_ids: vec![kl21.id],
        ..march(chair, secretary)
    };
    let created = store.create_meeting(branch, &input, today()).unwrap();
    assert_eq!(created.meeting.guests.len(), 1);
    assert_eq!(
        created.meeting.agenda,
        MeetingKind::Thematic.default_agenda()
    );
    assert_eq!(created.documents[0].number, "21-KL/TW");
    assert_eq!(created.documents[0].meetings, 1);

    let edited = MeetingInput {
        status: MeetingStatus::Held,
        actual_start: t(7, 40),
        actual_end: t(9, 55),
        agenda: vec!["Mở đầu".into(), "Quán triệt Kết luận 21-KL/TW".into()],
        guests: Vec::new(),
        ..created.meeting.clone()
    };
    let saved = store.update_meeting(created.id, &edited, today()).unwrap();
    assert_eq!(saved.meeting.status, MeetingStatus::Held);
    assert_eq!(saved.length_minutes, Some(135));
    assert_eq!(saved.meeting.agenda.len(), 2);
    assert!(saved.meeting.guests.is_empty());
    assert_eq!(store.meeting_detail(created.id).unwrap(), saved);
}

#[test]
fn bad_meetings_are_refused_and_change_nothing() {
    let (mut store, branch, chair, secretary) = roster();
    let cases = [
        (
            MeetingInput {
                date: d(1976, 1, 1),
                ..march(chair, secretary)
            },
            "date",
        ),
        (
            MeetingInput {
                actual_start: t(9, 0),
                actual_end: t(8, 0),
                ..march(chair, secretary)
            },
            "actual_end",
        ),
        (
            MeetingInput {
                status: MeetingStatus::Cancelled,
                ..march(chair, secretary)
            },
            "status_reason",
        ),
        (
            MeetingInput {
                document_ids: vec![999],
                ..march(chair, secretary)
            },
            "document_ids",
        ),
    ];
    for (input, field) in cases {
        let err = store.create_meeting(branch, &input, today()).unwrap_err();
        assert_eq!(err.code(), "validation");
        assert_eq!(err.field(), Some(field), "{err}");
    }
    assert!(store.meetings_of_year(branch, 1976).unwrap().is_empty());
    assert!(store.meetings_of_year(branch, 2026).unwrap().is_empty());
}

#[test]
fn a_chair_must_be_summoned_on_the_meeting_day() {
    let (mut store, branch, chair, secretary) = roster();
    // The chair is sent to work elsewhere from 01/03/2026: not summoned on 05/03.
    store
        .add_status(
            chair,
            &StatusInput {
                kind: StatusKind::SentAway,
                start: d(2026, 3, 1),
                end: Some(d(2026, 6, 30)),
                reference: "12-QĐ/ĐU".into(),
                note: String::new(),
            },
            today(),
        )
        .unwrap();
    let err = store
        .create_meeting(branch, &march(chair, secretary), today())
        .unwrap_err();
    assert_eq!(err.field(), Some("chair_id"));
    assert!(err.to_string().contains("05/03/2026"), "{err}");
    // The same person chairs a meeting after the secondment ends.
    let july = MeetingInput {
        date: d(2026, 7, 6),
        ..march(chair, secretary)
    };
    assert!(store.create_meeting(branch, &july, today()).is_ok());
}

#[test]
fn the_branch_founding_date_bounds_meetings_both_ways() {
    let (mut store, branch, chair, secretary) = roster();
    store
        .create_meeting(branch, &march(chair, secretary), today())
        .unwrap();
    let mut profile = store.branch(branch).unwrap();
    profile.founded_on = Some(d(2026, 4, 1));
    let input = chibo_core::branch::BranchInput {
        name: profile.name,
        parent_name: profile.parent_name,
        place: profile.place,
        term_start: profile.term_start,
        term_end: profile.term_end,
        founded_on: profile.founded_on,
    };
    let err = store.update_branch(branch, &input).unwrap_err();
    assert_eq!(err.field(), Some("founded_on"));
    assert!(err.to_string().contains("05/03/2026"));
}

#[test]
fn postponing_with_a_new_date_schedules_the_meeting_again() {
    let (mut store, branch, chair, secretary) = roster();
    let first = store
        .create_meeting(branch, &march(chair, secretary), today())
        .unwrap();
    let err = store
        .change_meeting_status(
            first.id,
            &StatusChange {
                status: MeetingStatus::Postponed,
                reason: "  ".into(),
                new_date: None,
            },
            today(),
        )
        .unwrap_err();
    assert_eq!(err.field(), Some("reason"));
    let again = store
        .change_meeting_status(
            first.id,
            &StatusChange {
                status: MeetingStatus::Postponed,
                reason: "Mưa lũ, đường vào thôn bị chia cắt".into(),
                new_date: Some(d(2026, 3, 12)),
            },
            today(),
        )
        .unwrap();
    assert_ne!(again.id, first.id);
    assert_eq!(again.meeting.date, d(2026, 3, 12));
    assert_eq!(again.meeting.status, MeetingStatus::Planned);
    assert_eq!(again.meeting.guests, first.meeting.guests);
    let old = store.meeting_detail(first.id).unwrap();
    assert_eq!(old.meeting.status, MeetingStatus::Postponed);
    assert_eq!(
        old.meeting.status_reason,
        "Mưa lũ, đường vào thôn bị chia cắt"
    );

    let cancelled = store
        .change_meeting_status(
            again.id,
            &StatusChange {
                status: MeetingStatus::Cancelled,
                reason: "Gộp vào cuộc họp tháng 4".into(),
                new_date: Some(d(2026, 3, 20)),
            },
            today(),
        )
        .unwrap();
    assert_eq!(cancelled.id, again.id, "a cancellation schedules nothing");
    assert_eq!(store.meetings_of_year(branch, 2026).unwrap().len(), 2);
}

#[test]
fn an_agenda_is_copied_from_an_earlier_meeting() {
    let (mut store, branch, chair, secretary) = roster();
    let source = store
        .create_meeting(
            branch,
            &MeetingInput {
                agenda: vec!["Một".into(), "Hai".into()],
                ..march(chair, secretary)
            },
            today(),
        )
        .unwrap();
    let target = store
        .create_meeting(
            branch,
            &MeetingInput {
                date: d(2026, 4, 6),
                ..march(chair, secretary)
            },
            today(),
        )
        .unwrap();
    let copied = store.copy_agenda(target.id, source.id).unwrap();
    assert_eq!(copied.meeting.agenda, vec!["Một", "Hai"]);
    assert_eq!(
        store.copy_agenda(target.id, 999).unwrap_err().code(),
        "not_found"
    );
}

#[test]
fn a_locked_meeting_refuses_every_change() {
    let tmp = tempfile::TempDir::new().unwrap();
    let mut store = common::open_store(DataDir::new(tmp.path())).unwrap();
    let branch = store.create_demo_roster(today()).unwrap().id;
    let people = store.meeting_candidates(branch, d(2026, 3, 5)).unwrap();
    let meeting = store
        .create_meeting(branch, &march(people[0].id, people[1].id), today())
        .unwrap();
    let conn = rusqlite::Connection::open(tmp.path().join("chibo.sqlite3")).unwrap();
    conn.execute(
        "UPDATE meeting SET locked_at = '2026-03-06T09:00:00+07:00' WHERE id = ?1",
        [meeting.id],
    )
    .unwrap();
    let edit = MeetingInput {
        title: "Sửa".into(),
        ..meeting.meeting.clone()
    };
    let change = StatusChange {
        status: MeetingStatus::Cancelled,
        reason: "x".into(),
        new_date: None,
    };
    for err in [
        store
            .update_meeting(meeting.id, &edit, today())
            .unwrap_err(),
        store.delete_meeting(meeting.id).unwrap_err(),
        store
            .change_meeting_status(meeting.id, &change, today())
            .unwrap_err(),
        store.copy_agenda(meeting.id, meeting.id).unwrap_err(),
    ] {
        assert_eq!(err.code(), "locked");
    }
    assert_eq!(
        store.meeting_detail(meeting.id).unwrap().meeting.title,
        meeting.meeting.title
    );
}

#[test]
fn the_documents_register_refuses_duplicates_and_deleting_a_used_document() {
    let (mut store, branch, chair, secretary) = roster();
    let kl = store
        .create_document(branch, &doc("21-KL/TW"), today())
        .unwrap();
    let err = store
        .create_document(branch, &doc(" 21-kl/tw "), today())
        .unwrap_err();
    assert_eq!(err.code(), "conflict");
    let err = store
        .create_document(branch, &doc("21/KL-TW"), today())
        .unwrap_err();
    assert_eq!(err.field(), Some("number"));
    let plan = store
        .create_document(
            branch,
            &DocumentInput {
                number: "44-KH/TU".into(),
                ..doc("x")
            },
            today(),
        )
        .unwrap();
    store
        .create_meeting(
            branch,
            &MeetingInput {
                document_ids: vec![kl.id],
                ..march(chair, secretary)
            },
            today(),
        )
        .unwrap();
    assert_eq!(store.delete_document(kl.id).unwrap_err().code(), "conflict");
    store.delete_document(plan.id).unwrap();
    let renamed = store
        .update_document(
            kl.id,
            &DocumentInput {
                title: "Kết luận 21".into(),
                ..doc("21-KL/TW")
            },
            today(),
        )
        .unwrap();
    assert_eq!(renamed.title, "Kết luận 21");
    assert_eq!(store.documents(branch).unwrap().len(), 1);
}

#[test]
fn the_year_schedule_is_a_real_spreadsheet() {
    let (mut store, branch, _, _) = roster();
    store.plan_year(branch, 2027, RULE).unwrap();
    let dir = tempfile::TempDir::new().unwrap();
    let name = store.schedule_file_name(branch, 2027).unwrap();
    assert_eq!(name, "lich-sinh-hoat-2027-chi-bo-thon-ban-chat.xlsx");
    let path = dir.path().join(name);
    assert_eq!(store.export_schedule(branch, 2027, &path).unwrap(), 16);
    let grid = read_grid(&path).unwrap();
    let text: Vec<String> = grid
        .iter()
        .map(|row| {
            row.iter()
                .map(|cell| match cell {
                    Cell::Text(text) => text.clone(),
                    _ => String::new(),
                })
                .collect::<Vec<_>>()
                .join("|")
        })
        .collect();
    assert!(text[0].contains("LỊCH SINH HOẠT NĂM 2027"), "{}", text[0]);
    assert!(text
        .iter()
        .any(|r| r.contains("05/01/2027") && r.contains("Dự kiến")));
    // 05/09/2027 is a Sunday: the meeting moved to Monday 06/09.
    assert!(text.iter().any(|r| r.contains("Thứ Hai|06/09/2027")));
    assert_eq!(grid.len(), 4 + 16);
}

fn mark(member_id: i64, presence: Presence) -> Mark {
    Mark {
        member_id,
        presence,
        reason: if presence == Presence::Excused {
            "Ốm".into()
        } else {
            String::new()
        },
        reason_accepted: presence == Presence::Excused,
    }
}

#[test]
fn attendance_history_counts_per_year_and_over_a_range() {
    let (mut store, branch, _, _) = roster();
    store.plan_year(branch, 2025, RULE).unwrap();
    store.plan_year(branch, 2026, RULE).unwrap();
    let regular: Vec<_> = [2025, 2026]
        .iter()
        .flat_map(|y| store.meetings_of_year(branch, *y).unwrap())
        .filter(|m| m.kind == MeetingKind::Regular && m.date <= today())
        .collect();
    let member = store.roll_call(regular[0].id).unwrap().summoned[0]
        .member
        .id;
    for (n, meeting) in regular.iter().enumerate() {
        let presence = match n % 4 {
            0 => Presence::Excused,
            1 => Presence::Unexcused,
            _ => Presence::Present,
        };
        store
            .save_roll_call(meeting.id, &[mark(member, presence)], today())
            .unwrap();
    }
    let history = store.member_attendance(member, None, None).unwrap();
    assert_eq!(history.years.len(), 2);
    assert_eq!(history.years[0].year, 2026);
    assert_eq!(history.years[1].stats.meetings, 12);
    assert_eq!(history.years[1].stats.excused, 3);
    assert_eq!(history.years[1].stats.unexcused, 3);
    assert_eq!(history.years[1].stats.rate.as_deref(), Some("50%"));
    assert_eq!(history.entries.len(), regular.len());
    assert!(history.entries[0].date > history.entries[1].date);

    let q1 = store
        .member_attendance(member, Some(d(2026, 1, 1)), Some(d(2026, 3, 31)))
        .unwrap();
    assert_eq!(q1.range.meetings, 3);
    assert_eq!(q1.entries.len(), 3);
    let err = store
        .member_attendance(member, Some(d(2026, 3, 1)), Some(d(2026, 1, 1)))
        .unwrap_err();
    assert_eq!(err.field(), Some("until"));
    assert_eq!(
        store.member_attendance(999, None, None).unwrap_err().code(),
        "not_found"
    );
}

#[test]
fn a_roll_call_turns_a_planned_meeting_held_and_a_cancelled_one_refuses_it() {
    let (mut store, branch, _, _) = roster();
    let meetings = store.plan_year(branch, 2026, RULE).unwrap();
    let (january, december) = (meetings[0].id, meetings.last().unwrap().id);
    let member = store.roll_call(january).unwrap().summoned[0].member.id;
    store
        .save_roll_call(january, &[mark(member, Presence::Present)], today())
        .unwrap();
    assert_eq!(
        store.meeting_detail(january).unwrap().meeting.status,
        MeetingStatus::Held
    );
    // A December meeting marked ahead of time stays planned.
    store
        .save_roll_call(december, &[mark(member, Presence::Excused)], today())
        .unwrap();
    assert_eq!(
        store.meeting_detail(december).unwrap().meeting.status,
        MeetingStatus::Planned
    );
    store
        .change_meeting_status(
            december,
            &StatusChange {
                status: MeetingStatus::Cancelled,
                reason: "Gộp với cuộc họp tổng kết".into(),
                new_date: None,
            },
            today(),
        )
        .unwrap();
    let err = store
        .save_roll_call(december, &[mark(member, Presence::Present)], today())
        .unwrap_err();
    assert_eq!(err.field(), Some("status"));
}

/// Days the demo is built on: New Year's Day, a leap day, the 31st of 31-day months, the end
/// of November and New Year's Eve.
const DEMO_DAYS: [(i32, u32, u32); 6] = [
    (2027, 1, 1),
    (2028, 2, 29),
    (2027, 3, 31),
    (2027, 7, 31),
    (2026, 11, 30),
    (2026, 12, 31),
];

#[test]
fn the_demo_shows_the_warnings_it_is_built_for_on_any_day_of_the_year() {
    use WarningKind::*;
    for (year, month, day) in DEMO_DAYS {
        let today = d(year, month, day);
        let mut store = common::open_in_memory().unwrap();
        let branch = store.create_demo(today).unwrap().id;
        let warnings = store.warnings(branch, today).unwrap();
        let of = |kind| {
            warnings
                .iter()
                .filter(|w| w.kind == kind)
                .collect::<Vec<_>>()
        };
        // Always: the first probationer's 12 months end within the 30-day notice window.
        let ending = of(ProbationEnding);
        assert_eq!(ending.len(), 1, "{today}: {warnings:#?}");
        let due = ending[0].due.unwrap();
        assert!(
            due > today && due <= today + chrono::Days::new(30),
            "{today}: due {due}"
        );
        // Nothing the demo does not mean to show.
        for kind in [
            UnexcusedAbsenceFlag,
            OfficialConsiderationDue,
            OfficialConsiderationOverdue,
            MeetingNotRecorded,
            MonthWithoutRegular,
            QuarterWithoutThematic,
        ] {
            assert!(of(kind).is_empty(), "{today}: {kind:?} in {warnings:#?}");
        }
        // Every regular meeting of the year up to today is held…
        let held_regular = store
            .meetings_of_year(branch, year)
            .unwrap()
            .iter()
            .filter(|m| m.kind == MeetingKind::Regular && m.status == MeetingStatus::Held)
            .count();
        let due_so_far = (1..=month)
            .filter(|&m| {
                RULE.date_in(year, m, &HolidayCalendar::default())
                    .is_some_and(|date| date <= today)
            })
            .count();
        assert_eq!(held_regular, due_so_far, "{today}");
        // …and the year's warnings come with its second one (they count per calendar year).
        for kind in [UnexcusedAbsenceWarning, LowAttendance, MeetingTooShort] {
            assert_eq!(
                !of(kind).is_empty(),
                held_regular >= 2,
                "{today}: {kind:?} in {warnings:#?}"
            );
        }
        if held_regular >= 2 {
            assert!(of(UnexcusedAbsenceWarning)[0]
                .message
                .contains("Vàng A Páo"));
        }
    }
}

#[test]
fn the_demo_year_raises_the_meeting_warnings_it_was_built_with() {
    let mut store = common::open_in_memory().unwrap();
    let branch = store.create_demo(today()).unwrap().id;
    let warnings = store.warnings(branch, today()).unwrap();
    let kinds: Vec<WarningKind> = warnings.iter().map(|w| w.kind).collect();
    assert!(
        kinds.contains(&WarningKind::UnexcusedAbsenceWarning),
        "{kinds:?}"
    );
    assert!(kinds.contains(&WarningKind::LowAttendance), "{kinds:?}");
    assert!(kinds.contains(&WarningKind::MeetingTooShort), "{kinds:?}");
    assert!(
        !kinds.contains(&WarningKind::MonthWithoutRegular),
        "{kinds:?}"
    );
    assert!(
        !kinds.contains(&WarningKind::QuarterWithoutThematic),
        "{kinds:?}"
    );
    let next = store.next_meeting(branch, today()).unwrap().unwrap();
    assert_eq!(next.date, d(2026, 12, 5));
    // October's regular meeting deleted (its approved minutes reopened first): October is
    // left without one.
    let october = store
        .meetings_of_year(branch, 2026)
        .unwrap()
        .into_iter()
        .find(|m| m.date == d(2026, 10, 5))
        .unwrap();
    assert!(
        october.locked,
        "the demo's held meetings have approved minutes"
    );
    assert_eq!(
        store.delete_meeting(october.id).unwrap_err().code(),
        "locked"
    );
    store
        .amend_minutes(october.id, "Nhập nhầm cuộc họp")
        .unwrap();
    store.delete_meeting(october.id).unwrap();
    let kinds: Vec<WarningKind> = store
        .warnings(branch, today())
        .unwrap()
        .iter()
        .map(|w| w.kind)
        .collect();
    assert!(
        kinds.contains(&WarningKind::MonthWithoutRegular),
        "{kinds:?}"
    );
}

#[test]
fn a_version_3_database_keeps_its_roll_calls_through_the_migration() {
    let tmp = tempfile::TempDir::new().unwrap();
    {
        let conn = rusqlite::Connection::open(tmp.path().join("chibo.sqlite3")).unwrap();
        for sql in [
            include_str!("../src/migrations/0001_foundation.sql"),
            include_str!("../src/migrations/0002_members.sql"),
            include_str!("../src/migrations/0003_meetings.sql"),
        ] {
            conn.execute_batch(sql).unwrap();
        }
        conn.execute_batch(
            "PRAGMA user_version = 3;
             INSERT INTO branch (id, name, name_folded, parent_name, place, created_at, updated_at)
                 VALUES (1, 'Chi bộ 1', 'chi bo 1', 'Đảng bộ xã', 'Xã', 'x', 'x');
             INSERT INTO branch_settings (branch_id, version, settings, changed_at)
                 VALUES (1, 1, '{}', 'x');
             INSERT INTO member (id, branch_id, full_name, name_folded, family_name, middle_name,
                 given_name, admitted_on, official_on, role, created_at, updated_at)
                 VALUES (7, 1, 'Lò Văn Sáng', 'lo van sang', 'Lò', 'Văn', 'Sáng', '2010-02-03',
                 '2011-02-03', 'member', 'x', 'x');
             INSERT INTO meeting (id, branch_id, kind, date, status, created_at, updated_at)
                 VALUES (3, 1, 'regular', '2026-03-05', 'held', 'x', 'x');
             INSERT INTO attendance (meeting_id, member_id, presence, reason, reason_accepted)
                 VALUES (3, 7, 'excused', 'Ốm', 1);",
        )
        .unwrap();
    }
    let store = common::open_store(DataDir::new(tmp.path())).unwrap();
    let sheet = store.roll_call(3).unwrap();
    let mark = sheet.summoned[0].mark.as_ref().unwrap();
    assert_eq!(mark.presence, Presence::Excused);
    assert_eq!(mark.reason, "Ốm");
    assert!(store.branch(1).unwrap().founded_on.is_none());
}
