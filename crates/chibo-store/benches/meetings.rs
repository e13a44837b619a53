//! Meetings and roll calls on a commune-sized data dir: 40 branches, 2,000 members, 10 years
//! of meetings (6,400) with their roll calls (~300,000 marks), release build. `make bench`
//! runs it. Targets (issue "Meetings and attendance"): open a roll call of 60 < 20 ms, save
//! it < 20 ms, warnings of one branch < 20 ms and of all < 200 ms, a member's 10-year
//! history < 10 ms.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;

use chibo_core::attendance::{Mark, Presence};
use chibo_core::meeting::MeetingKind;
use criterion::{criterion_group, criterion_main, Criterion};

mod common;
use common::{commune, today};

fn meetings(c: &mut Criterion) {
    let tmp = tempfile::TempDir::new().unwrap();
    let (mut store, branches) = commune(tmp.path(), 10);
    let branch = branches[17];
    let meeting = store
        .meetings_of_year(branch, 2026)
        .unwrap()
        .into_iter()
        .find(|m| m.kind == MeetingKind::Regular && m.date.format("%m").to_string() == "03")
        .unwrap()
        .id;
    let sheet = store.roll_call(meeting).unwrap();
    let member = sheet.summoned[0].member.id;
    println!(
        "data: {} meetings of branch {branch} in 2026, roll call of {} summoned",
        store.meetings_of_year(branch, 2026).unwrap().len(),
        sheet.summoned.len()
    );
    c.bench_function("open a roll call (60 members, 10-year data dir)", |b| {
        b.iter(|| black_box(store.roll_call(meeting).unwrap()))
    });
    let marks: Vec<Mark> = sheet
        .summoned
        .iter()
        .enumerate()
        .map(|(n, line)| Mark {
            member_id: line.member.id,
            presence: if n % 9 == 0 {
                Presence::Excused
            } else {
                Presence::Present
            },
            reason: "Đi làm ăn xa".into(),
            reason_accepted: true,
        })
        .collect();
    c.bench_function("save a roll call (60 marks, one transaction)", |b| {
        b.iter(|| black_box(store.save_roll_call(meeting, &marks, today()).unwrap()))
    });
    c.bench_function("all warnings of one branch", |b| {
        b.iter(|| black_box(store.warnings(branch, today()).unwrap()))
    });
    c.bench_function("all warnings of all 40 branches", |b| {
        b.iter(|| {
            let mut total = 0;
            for id in &branches {
                total += store.warnings(*id, today()).unwrap().len();
            }
            black_box(total)
        })
    });
    c.bench_function("a member's 10-year attendance history", |b| {
        b.iter(|| black_box(store.member_attendance(member, None, None).unwrap()))
    });
    c.bench_function("the meetings list of a year", |b| {
        b.iter(|| black_box(store.meetings_of_year(branch, 2026).unwrap()))
    });
}

criterion_group!(benches, meetings);
criterion_main!(benches);
