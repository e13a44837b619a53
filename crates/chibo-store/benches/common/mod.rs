//! The commune-sized data dir the benchmarks measure: 40 branches, 2,000 members, and
//! optionally years of held meetings with their roll calls.

#![allow(dead_code)]

use chibo_core::attendance::Presence;
use chibo_core::branch::BranchInput;
use chibo_core::member::{Gender, MemberInput, Role};
use chibo_core::planning::DayRule;
use chibo_core::status::{StatusInput, StatusKind};
use chibo_store::{DataDir, Store};
use chrono::{Datelike, NaiveDate};

const RULE: DayRule = DayRule {
    day: 5,
    avoid_sunday: true,
    avoid_holidays: true,
};

const FAMILY: &[&str] = &[
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Lò", "Hà",
];
const MIDDLE: &[&str] = &["Văn", "Thị", "Đức", "Minh", "Thu", "Quang", "Ngọc", "Hữu"];
const GIVEN: &[&str] = &[
    "An", "Ánh", "Bình", "Chiến", "Dũng", "Đức", "Hà", "Hạnh", "Hùng", "Lan", "Mai", "Ngọc", "Ơn",
    "Phúc", "Sáng", "Thắng", "Tư", "Ư", "Yến", "Khải",
];

pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

pub fn today() -> NaiveDate {
    d(2026, 11, 27)
}

pub fn member(i: usize) -> MemberInput {
    let name = format!(
        "{} {} {}",
        FAMILY[i % FAMILY.len()],
        MIDDLE[(i / 3) % MIDDLE.len()],
        GIVEN[(i / 7) % GIVEN.len()]
    );
    let probationary = i.is_multiple_of(25);
    let admitted = if probationary {
        d(2026, 3, 1)
    } else {
        d(
            1970 + (i % 30) as i32 + (i % 15) as i32,
            1 + (i % 12) as u32,
            5,
        )
    };
    MemberInput {
        full_name: name,
        name_parts: None,
        gender: Some(if i.is_multiple_of(2) {
            Gender::Male
        } else {
            Gender::Female
        }),
        birth_date: Some(d(
            1950 + (i % 30) as i32,
            1 + (i % 12) as u32,
            1 + (i % 28) as u32,
        )),
        hometown: "Tân Thành".into(),
        ethnicity: "Kinh".into(),
        card_number: format!("{:08}", 90_000_000 + i),
        admitted_on: admitted,
        official_on: (!probationary).then(|| {
            admitted
                .checked_add_months(chrono::Months::new(12))
                .unwrap()
        }),
        official_reference: String::new(),
        role: Role::Member,
        post: String::new(),
        phone: String::new(),
        notes: String::new(),
    }
}

/// Members of branch `b`: 50, but 60 in branch 17 (the one measured) and 40 in branch 18.
fn branch_size(b: usize) -> usize {
    match b {
        17 => 60,
        18 => 40,
        _ => 50,
    }
}

/// 40 branches, 2,000 members, and `years` years of meetings up to `today` (every one held,
/// with a roll call of everyone summoned), in a real file in a temp dir.
pub fn commune(dir: &std::path::Path, years: i32) -> (Store, Vec<i64>) {
    chibo_store::clock::pin(today()).unwrap();
    let mut store = Store::open(DataDir::new(dir)).unwrap();
    let mut branches = Vec::new();
    for b in 0..40 {
        let branch = store
            .create_branch(&BranchInput {
                name: format!("Chi bộ thôn số {b}"),
                parent_name: "Đảng bộ xã Tân Thành".into(),
                place: "Tân Thành".into(),
                term_start: None,
                term_end: None,
                founded_on: None,
            })
            .unwrap();
        let first: usize = (0..b).map(branch_size).sum();
        for i in first..first + branch_size(b) {
            let id = store
                .create_member(branch.id, &member(i), today())
                .unwrap()
                .id;
            if i.is_multiple_of(7) {
                let exempt = StatusInput {
                    kind: StatusKind::Exempted,
                    start: d(2026, 4, 1),
                    end: None,
                    reference: String::new(),
                    note: String::new(),
                };
                store.add_status(id, &exempt, today()).unwrap();
            }
            if i.is_multiple_of(31) {
                let away = StatusInput {
                    kind: StatusKind::TransferredOut,
                    start: d(2026, 6, 1),
                    end: None,
                    reference: String::new(),
                    note: String::new(),
                };
                store.add_status(id, &away, today()).unwrap();
            }
        }
        branches.push(branch.id);
    }
    for &branch in &branches {
        for year in today().year() - years + 1..=today().year() {
            store.plan_year(branch, year, RULE).unwrap();
        }
    }
    drop(store);
    if years > 0 {
        hold_meetings(dir);
    }
    // Measure as the app runs: a connection opened on existing data, not the one that wrote it.
    (Store::open(DataDir::new(dir)).unwrap(), branches)
}

/// Every meeting up to today held, each summoned member marked (mostly present, some
/// excused or unexcused), written in one transaction for speed.
fn hold_meetings(dir: &std::path::Path) {
    let store = Store::open(DataDir::new(dir)).unwrap();
    let mut conn = rusqlite::Connection::open(dir.join("chibo.sqlite3")).unwrap();
    let meetings: Vec<i64> = conn
        .prepare("SELECT id FROM meeting WHERE date <= ?1")
        .unwrap()
        .query_map([today()], |row| row.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    let tx = conn.transaction().unwrap();
    tx.execute(
        "UPDATE meeting SET status = 'held', actual_start = '07:30:00', actual_end = '09:45:00'
         WHERE date <= ?1",
        [today()],
    )
    .unwrap();
    {
        let mut insert = tx
            .prepare(
                "INSERT INTO attendance (meeting_id, member_id, presence, reason, reason_accepted)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )
            .unwrap();
        for meeting in meetings {
            let sheet = store.roll_call(meeting).unwrap();
            for (n, line) in sheet.summoned.iter().enumerate() {
                let salt = (meeting as usize * 13 + n * 7) % 40;
                let (presence, reason) = match salt {
                    0 => (Presence::Unexcused, ""),
                    1..=3 => (Presence::Excused, "Ốm"),
                    4 => (Presence::Late, ""),
                    _ => (Presence::Present, ""),
                };
                let presence = serde_json::to_value(presence).unwrap();
                insert
                    .execute(rusqlite::params![
                        meeting,
                        line.member.id,
                        presence.as_str().unwrap(),
                        reason,
                        !reason.is_empty()
                    ])
                    .unwrap();
            }
        }
    }
    tx.commit().unwrap();
}
