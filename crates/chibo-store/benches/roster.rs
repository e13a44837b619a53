//! Roster speed on a commune-sized data dir: 40 branches, 2,000 members (some exempted,
//! probationary, transferred), release build. `make bench` runs it.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;

use chibo_store::members::RosterFilter;
use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, Criterion};

mod common;
use common::{commune, member, today};

fn roster(c: &mut Criterion) {
    let tmp = tempfile::TempDir::new().unwrap();
    let (store, branches) = commune(tmp.path(), 0);
    let branch = branches[17];
    c.bench_function("roster of one branch, sorted (60 of 2,000 members)", |b| {
        b.iter(|| {
            black_box(
                store
                    .roster(branch, today(), "", RosterFilter::OnRoll)
                    .unwrap(),
            )
        })
    });
    c.bench_function("one search keystroke (\"nguyen van d\")", |b| {
        b.iter(|| {
            black_box(
                store
                    .roster(branch, today(), "nguyen van d", RosterFilter::All)
                    .unwrap(),
            )
        })
    });
    c.bench_function(
        "status on a date for all 2,000 members (40 branches)",
        |b| {
            b.iter(|| {
                let mut total = 0;
                for id in &branches {
                    total += store
                        .roster(*id, today(), "", RosterFilter::All)
                        .unwrap()
                        .counts
                        .total;
                }
                black_box(total)
            })
        },
    );
}

/// A 2,000-row roster file, as a secretary's spreadsheet export would give.
fn roster_file(dir: &std::path::Path) -> std::path::PathBuf {
    let mut text = String::from(
        "\u{FEFF}STT,Họ và tên,Ngày sinh,Ngày vào Đảng,Ngày chính thức,Số thẻ đảng viên\n",
    );
    for i in 0..2_000 {
        let m = member(i);
        let date = |d: Option<NaiveDate>| d.map(chibo_core::dates::format_dmy).unwrap_or_default();
        text.push_str(&format!(
            "{},{},{},{},{},{}\n",
            i + 1,
            m.full_name,
            date(m.birth_date),
            date(Some(m.admitted_on)),
            date(m.official_on),
            80_000_000 + i
        ));
    }
    let path = dir.join("danh-sach-2000.csv");
    std::fs::write(&path, text).unwrap();
    path
}

fn import(c: &mut Criterion) {
    let tmp = tempfile::TempDir::new().unwrap();
    let (store, branches) = commune(tmp.path(), 0);
    let file = roster_file(tmp.path());
    let mut group = c.benchmark_group("import");
    group.sample_size(10);
    group.bench_function(
        "preview of a 2,000-row file (read, parse, duplicates)",
        |b| b.iter(|| black_box(store.preview_import(branches[0], &file, today()).unwrap())),
    );
    group.finish();
}

criterion_group!(benches, roster, import);
criterion_main!(benches);
