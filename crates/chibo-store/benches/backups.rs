//! Backup, verify, restore and the start-up check on a commune-sized data dir: 40 branches,
//! 2,000 members, 10 years of meetings with their roll calls; release build. `make bench`
//! runs it; the figures go in the issue note ("Never lose data").

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;

use chibo_store::backups::BackupMoment;
use chibo_store::clock::now;
use chibo_store::{DataDir, Store};
use criterion::{criterion_group, criterion_main, Criterion};

mod common;
use common::commune;

fn backups(c: &mut Criterion) {
    let tmp = tempfile::TempDir::new().unwrap();
    let (mut store, _) = commune(tmp.path(), 10);
    let size = std::fs::metadata(tmp.path().join("chibo.sqlite3"))
        .unwrap()
        .len();
    println!("database: {:.1} MB", size as f64 / 1e6);
    let out = tempfile::TempDir::new().unwrap();
    let target = out.path().join("backup.sqlite3");
    let mut group = c.benchmark_group("never lose data");
    group.sample_size(10);
    group.bench_function(
        "back up (online backup API + integrity_check of the copy)",
        |b| b.iter(|| black_box(store.backup_to(&target).unwrap())),
    );
    group.bench_function("automatic backup at close (with rotation)", |b| {
        b.iter(|| black_box(store.automatic_backup(BackupMoment::Close, now()).unwrap()))
    });
    group.bench_function("verify (integrity, foreign keys, attachments)", |b| {
        b.iter(|| black_box(store.verify().unwrap()))
    });
    group.bench_function("restore (checks, safety copy, switch)", |b| {
        b.iter(|| black_box(store.restore(&target, now()).unwrap()))
    });
    let scans = tempfile::TempDir::new().unwrap();
    let meeting = store
        .meetings_of_year(store.prefs().unwrap().current_branch_id.unwrap(), 2026)
        .unwrap()[0]
        .id;
    let scan = scans.path().join("Biên bản đã ký.pdf");
    std::fs::write(&scan, vec![7u8; 20 * 1024 * 1024]).unwrap();
    group.bench_function(
        "attach a 20 MB scan (copy, hash, fsync; stored once)",
        |b| {
            b.iter(|| {
                black_box(
                    store
                        .add_attachments(meeting, std::slice::from_ref(&scan))
                        .unwrap(),
                )
            })
        },
    );
    group.bench_function("open at start (quick_check, migrations)", |b| {
        b.iter(|| black_box(Store::open(DataDir::new(tmp.path())).unwrap()))
    });
    group.finish();
}

criterion_group!(benches, backups);
criterion_main!(benches);
