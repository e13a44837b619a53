//! Crash safety: a child process writing through the store is killed at random moments;
//! afterwards the database opens, passes `integrity_check`, and holds every write the child
//! acknowledged. The child is this same test binary, started with `CHIBO_CRASH_WRITER`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};

use chibo_core::branch::BranchInput;
use chibo_store::{DataDir, Store};
use rusqlite::Connection;

const WRITER_ENV: &str = "CHIBO_CRASH_WRITER";
const CYCLES: u32 = 12;

fn input(n: u64) -> BranchInput {
    BranchInput {
        name: format!("Chi bộ số {n}"),
        parent_name: "Đảng bộ xã Tân Thành".into(),
        place: "Tân Thành".into(),
        term_start: None,
        term_end: None,
        founded_on: None,
    }
}

/// In the child: write branches forever, printing each acknowledged (committed) name.
#[test]
fn crash_writer_child() {
    let Some(dir) = std::env::var_os(WRITER_ENV) else {
        return;
    };
    let mut store = Store::open(DataDir::new(dir)).unwrap();
    let start = store.list_branches().unwrap().len() as u64;
    for n in start.. {
        let branch = store.create_branch(&input(n)).unwrap();
        let mut settings = store.settings(branch.id).unwrap().settings;
        settings.attendance_warning_percent.value = 50 + (n % 50) as u32;
        store.update_settings(branch.id, &settings).unwrap();
        println!("ack {n}");
    }
}

fn run_and_kill(dir: &Path, acks_before_kill: usize) -> Vec<u64> {
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args([
            "crash_writer_child",
            "--exact",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(WRITER_ENV, dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let mut acked = Vec::new();
    for line in BufReader::new(stdout).lines() {
        let line = line.unwrap();
        if let Some(n) = line.strip_prefix("ack ") {
            acked.push(n.trim().parse().unwrap());
            if acked.len() >= acks_before_kill {
                break;
            }
        }
    }
    child.kill().unwrap();
    child.wait().unwrap();
    acked
}

#[test]
fn killing_a_writer_mid_write_loses_no_acknowledged_write() {
    let tmp = tempfile::TempDir::new().unwrap();
    let mut all_acked = Vec::new();
    for cycle in 0..CYCLES {
        let acks = 1 + (cycle as usize * 7) % 13;
        all_acked.extend(run_and_kill(tmp.path(), acks));

        let conn = Connection::open(tmp.path().join("chibo.sqlite3")).unwrap();
        let check: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(check, "ok", "cycle {cycle}");
        drop(conn);
        let store = Store::open(DataDir::new(tmp.path())).unwrap();
        let names: Vec<String> = store
            .list_branches()
            .unwrap()
            .into_iter()
            .map(|b| b.name)
            .collect();
        for n in &all_acked {
            assert!(
                names.contains(&format!("Chi bộ số {n}")),
                "write {n} lost in cycle {cycle}"
            );
        }
    }
    assert!(all_acked.len() >= CYCLES as usize);
}
