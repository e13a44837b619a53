//! Roster speed on a commune-sized data dir: 40 branches, 2,000 members (50 each, some
//! exempted, probationary, transferred), release build. `make bench` runs it.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;

use chibo_core::branch::BranchInput;
use chibo_core::member::{Gender, MemberInput, Role};
use chibo_core::status::{StatusInput, StatusKind};
use chibo_store::members::RosterFilter;
use chibo_store::{DataDir, Store};
use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, Criterion};

const FAMILY: &[&str] = &[
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Lò", "Hà",
];
const MIDDLE: &[&str] = &["Văn", "Thị", "Đức", "Minh", "Thu", "Quang", "Ngọc", "Hữu"];
const GIVEN: &[&str] = &[
    "An", "Ánh", "Bình", "Chiến", "Dũng", "Đức", "Hà", "Hạnh", "Hùng", "Lan", "Mai", "Ngọc", "Ơn",
    "Phúc", "Sáng", "Thắng", "Tư", "Ư", "Yến", "Khải",
];

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn today() -> NaiveDate {
    d(2026, 11, 27)
}

fn member(i: usize) -> MemberInput {
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

/// 40 branches × 50 members in a real file in a temp dir.
fn commune(dir: &std::path::Path) -> (Store, Vec<i64>) {
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
        for m in 0..50 {
            let i = b * 50 + m;
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
    // Measure as the app runs: a connection opened on existing data, not the one that wrote it.
    drop(store);
    (Store::open(DataDir::new(dir)).unwrap(), branches)
}

fn roster(c: &mut Criterion) {
    let tmp = tempfile::TempDir::new().unwrap();
    let (store, branches) = commune(tmp.path());
    let branch = branches[17];
    c.bench_function("roster of one branch, sorted (50 of 2,000 members)", |b| {
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
    let (store, branches) = commune(tmp.path());
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
