//! Crash safety: a child process performing acknowledged writes — roll calls, minutes
//! drafts, roster imports (CSV and XLSX) — is killed with SIGKILL at random moments, 200
//! times. After each kill the database opens, passes `integrity_check` and
//! `foreign_key_check`, holds every write the child acknowledged, and holds no write in
//! part. The one write in flight at the kill (started, not acknowledged) may or may not be
//! there, but whole if it is.
//!
//! The child is this same test binary, started with `CHIBO_CRASH_WRITER` set to the data
//! directory. It prints `try …` (what it is about to write) before each call and `ack` only
//! after the call returned `Ok`; the parent keeps a model of what must be stored.

#![cfg(unix)]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdout, Command, Stdio};
use std::time::{Duration, Instant};

use chibo_core::attendance::{Mark, Presence};
use chibo_core::branch::BranchInput;
use chibo_core::meeting::MeetingKind;
use chibo_core::planning::DayRule;
use chibo_store::members::RosterFilter;
use chibo_store::roster_io::OnDuplicate;
use chibo_store::{DataDir, Store};
use chrono::NaiveDate;
use rusqlite::Connection;

mod common;

const WRITER_ENV: &str = "CHIBO_CRASH_WRITER";
const SEED_ENV: &str = "CHIBO_CRASH_SEED";
const FILES_ENV: &str = "CHIBO_CRASH_FILES";
const CYCLES: u64 = 200;
/// The regular meetings written to (January to June).
const MEETINGS: usize = 6;
/// Rows of each imported file; an import is all of them or none.
const IMPORT_ROWS: u64 = 3;
const IMPORT_BRANCH: &str = "Chi bộ nhập danh sách";
const YEAR: i32 = 2026;
const HEADER: &str = "Họ và tên,Ngày sinh,Ngày vào Đảng,Ngày chính thức,Số thẻ đảng viên";
const FAMILY: [&str; 6] = ["Nguyễn", "Trần", "Lê", "Hoàng", "Lò", "Đinh"];
const GIVEN: [&str; 8] = ["An", "Bình", "Đức", "Hà", "Hạnh", "Sáng", "Thắng", "Yến"];

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(YEAR, 11, 27).unwrap()
}

/// SplitMix64: small, deterministic, good enough to pick kill moments and marks.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0xD1B5_4A32_D192_ED03)
    }
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

// ---------------------------------------------------------------------------------------
// What is written, shared by the child (to write it) and the parent (to check it).

/// The text of the first minutes item in draft number `w`: a few KB, so a save spans
/// several database pages.
fn minutes_text(w: u64) -> String {
    format!(
        "Bản nháp số {w}: {}",
        "Chi bộ thảo luận việc thu nộp đảng phí và kế hoạch tháng tới. "
            .repeat(10 + (w % 90) as usize)
    )
}

fn minutes_conclusion(w: u64) -> String {
    format!("Kết luận của bản nháp số {w}.")
}

/// The draft number of a stored first item, if it is one of ours.
fn draft_number(presented: &str) -> Option<u64> {
    let rest = presented.strip_prefix("Bản nháp số ")?;
    rest.split(':').next()?.parse().ok()
}

fn presence_code(presence: Presence) -> char {
    match presence {
        Presence::Present => 'P',
        Presence::Late => 'L',
        Presence::LeftEarly => 'S',
        Presence::Excused => 'E',
        Presence::Unexcused => 'U',
    }
}

/// Marks as one comparable line: `id:code:reason:accepted;…` by member id, `-` for none.
fn canonical(marks: &[Mark]) -> String {
    let mut marks: Vec<&Mark> = marks.iter().collect();
    marks.sort_by_key(|m| m.member_id);
    let text: Vec<String> = marks
        .iter()
        .map(|m| {
            format!(
                "{}:{}:{}:{}",
                m.member_id,
                presence_code(m.presence),
                m.reason,
                u8::from(m.reason_accepted)
            )
        })
        .collect();
    if text.is_empty() {
        "-".into()
    } else {
        text.join(";")
    }
}

/// Row `row` of import number `seq`: a distinct card number, name and birth date.
fn import_row(seq: u64, row: u64) -> (String, NaiveDate, String) {
    let k = seq * IMPORT_ROWS + row;
    let name = format!(
        "{} Văn {}",
        FAMILY[(k % 6) as usize],
        GIVEN[((k / 6) % 8) as usize]
    );
    let birth = NaiveDate::from_ymd_opt(1940, 1, 1).unwrap() + chrono::Days::new(k);
    (name, birth, format!("{}", 80_000_000 + k))
}

fn dmy(date: NaiveDate) -> String {
    date.format("%d/%m/%Y").to_string()
}

// ---------------------------------------------------------------------------------------
// The child.

fn marks_for(rng: &mut Rng, members: &[i64], w: u64) -> Vec<Mark> {
    let mut marks = Vec::new();
    for &member_id in members {
        let presence = match rng.below(6) {
            0 => continue, // not marked yet
            1 => Presence::Present,
            2 => Presence::Late,
            3 => Presence::LeftEarly,
            4 => Presence::Excused,
            _ => Presence::Unexcused,
        };
        let excused = presence == Presence::Excused;
        marks.push(Mark {
            member_id,
            presence,
            reason: if excused {
                format!("Ốm lần {w}")
            } else {
                String::new()
            },
            reason_accepted: excused && w % 2 == 1,
        });
    }
    marks
}

fn write_import_file(files: &Path, seq: u64) -> (PathBuf, &'static str) {
    let rows: Vec<(String, NaiveDate, String)> =
        (0..IMPORT_ROWS).map(|r| import_row(seq, r)).collect();
    if seq.is_multiple_of(2) {
        let path = files.join(format!("danh-sach-{seq}.csv"));
        let lines: Vec<String> = rows
            .iter()
            .map(|(name, birth, card)| {
                format!("{name},{},05/06/2020,05/06/2021,{card}", dmy(*birth))
            })
            .collect();
        std::fs::write(&path, format!("\u{FEFF}{HEADER}\n{}\n", lines.join("\n"))).unwrap();
        (path, "csv")
    } else {
        let mut workbook = rust_xlsxwriter::Workbook::new();
        let sheet = workbook.add_worksheet();
        for (col, header) in HEADER.split(',').enumerate() {
            sheet.write_string(0, col as u16, header).unwrap();
        }
        for (i, (name, birth, card)) in rows.iter().enumerate() {
            let r = 1 + i as u32;
            sheet.write_string(r, 0, name).unwrap();
            sheet.write_string(r, 1, dmy(*birth)).unwrap();
            sheet.write_string(r, 2, "05/06/2020").unwrap();
            sheet.write_string(r, 3, "05/06/2021").unwrap();
            sheet.write_string(r, 4, card).unwrap();
        }
        let path = files.join(format!("danh-sach-{seq}.xlsx"));
        std::fs::write(&path, workbook.save_to_buffer().unwrap()).unwrap();
        (path, "xlsx")
    }
}

fn branch_id(store: &Store, name: &str) -> i64 {
    store
        .list_branches()
        .unwrap()
        .into_iter()
        .find(|b| b.name == name)
        .unwrap()
        .id
}

fn regular_meetings(store: &Store, branch: i64) -> Vec<i64> {
    store
        .meetings_of_year(branch, YEAR)
        .unwrap()
        .into_iter()
        .filter(|m| m.kind == MeetingKind::Regular)
        .map(|m| m.id)
        .take(MEETINGS)
        .collect()
}

fn import_members(store: &Store, branch: i64) -> Vec<chibo_core::member::Member> {
    store
        .roster(branch, today(), "", RosterFilter::All)
        .unwrap()
        .entries
        .into_iter()
        .map(|e| e.member)
        .collect()
}

/// In the child: write forever, announcing each write before it and acknowledging it after.
#[test]
fn crash_writer_child() {
    let Some(dir) = std::env::var_os(WRITER_ENV) else {
        return;
    };
    let cycle: u64 = std::env::var(SEED_ENV).unwrap().parse().unwrap();
    let files = PathBuf::from(std::env::var_os(FILES_ENV).unwrap());
    let mut rng = Rng::new(cycle ^ 0xC0FF_EE00);
    let mut store = common::open_store(DataDir::new(dir)).unwrap();
    let demo = branch_id(&store, "Chi bộ thôn Bản Chắt");
    let import_branch = branch_id(&store, IMPORT_BRANCH);
    let meetings = regular_meetings(&store, demo);
    let mut next_import = import_members(&store, import_branch).len() as u64 / IMPORT_ROWS;
    let mut sheets: HashMap<i64, Vec<i64>> = HashMap::new();
    let mut drafts = HashMap::new();
    println!("ready");
    for n in 0.. {
        let w = cycle * 100_000 + n;
        let meeting = meetings[rng.below(meetings.len() as u64) as usize];
        match rng.below(3) {
            0 => {
                let members = sheets.entry(meeting).or_insert_with(|| {
                    // Those summoned: the exempted may only be marked as attending.
                    let sheet = store.roll_call(meeting).unwrap();
                    sheet.summoned.iter().map(|l| l.member.id).collect()
                });
                let marks = marks_for(&mut rng, members, w);
                println!("try roll {meeting} {}", canonical(&marks));
                store.save_roll_call(meeting, &marks, today()).unwrap();
            }
            1 => {
                let mut content = drafts
                    .entry(meeting)
                    .or_insert_with(|| store.minutes(meeting).unwrap().content)
                    .clone();
                content.items[0].presented = minutes_text(w);
                content.items.last_mut().unwrap().conclusion = minutes_conclusion(w);
                println!("try minutes {meeting} {w}");
                store.save_minutes(meeting, &content).unwrap();
            }
            _ => {
                let seq = next_import;
                let (path, format) = write_import_file(&files, seq);
                let preview = store.preview_import(import_branch, &path, today()).unwrap();
                assert_eq!(preview.valid_rows as u64, IMPORT_ROWS, "{:?}", preview.rows);
                println!("try import {seq} {format}");
                let result = store
                    .commit_import(
                        import_branch,
                        &path,
                        &preview.file_hash,
                        OnDuplicate::Skip,
                        today(),
                    )
                    .unwrap();
                assert_eq!(u64::from(result.created), IMPORT_ROWS);
                next_import += 1;
            }
        }
        println!("ack");
    }
}

// ---------------------------------------------------------------------------------------
// The parent.

#[derive(Debug, Clone, PartialEq, Eq)]
enum Write {
    Roll { meeting: i64, marks: String },
    Minutes { meeting: i64, w: u64 },
    Import { seq: u64 },
}

fn parse_try(rest: &str) -> Write {
    let parts: Vec<&str> = rest.splitn(3, ' ').collect();
    match parts[..] {
        ["roll", meeting, marks] => Write::Roll {
            meeting: meeting.parse().unwrap(),
            marks: marks.to_owned(),
        },
        ["minutes", meeting, w] => Write::Minutes {
            meeting: meeting.parse().unwrap(),
            w: w.parse().unwrap(),
        },
        ["import", seq, _format] => Write::Import {
            seq: seq.parse().unwrap(),
        },
        _ => panic!("unexpected line from the writer: try {rest}"),
    }
}

/// What one child did before it was killed.
#[derive(Default)]
struct Run {
    ready: bool,
    acked: Vec<Write>,
    /// Started, not acknowledged: may or may not be stored.
    in_flight: Option<Write>,
}

impl Run {
    fn take(&mut self, line: &str) {
        // The test harness prints `test crash_writer_child ... ` before the child's output.
        if line.ends_with("ready") {
            self.ready = true;
        } else if let Some(rest) = line.strip_prefix("try ") {
            assert!(self.in_flight.is_none(), "two writes in flight: {line}");
            self.in_flight = Some(parse_try(rest));
        } else if line == "ack" {
            let write = self.in_flight.take().expect("an ack without a write");
            self.acked.push(write);
        }
    }
}

struct Kill {
    /// Acks to wait for; 0 waits only for `ready`.
    after_acks: usize,
    /// Then sleep this long, to land in the middle of the next write.
    delay: Duration,
}

fn kill_plan(cycle: u64) -> Kill {
    let mut rng = Rng::new(cycle);
    let after_acks = rng.below(9) as usize;
    let delay = if rng.below(4) == 0 {
        Duration::ZERO
    } else {
        Duration::from_micros(rng.below(3_001))
    };
    Kill { after_acks, delay }
}

fn spawn_writer(dir: &Path, files: &Path, cycle: u64) -> Child {
    Command::new(std::env::current_exe().unwrap())
        .args([
            "crash_writer_child",
            "--exact",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(WRITER_ENV, dir)
        .env(SEED_ENV, cycle.to_string())
        .env(FILES_ENV, files)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

fn run_and_kill(dir: &Path, files: &Path, cycle: u64) -> Run {
    let plan = kill_plan(cycle);
    let mut child = spawn_writer(dir, files, cycle);
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut run = Run::default();
    let target_reached = |run: &Run| run.ready && run.acked.len() >= plan.after_acks;
    while !target_reached(&run) {
        match lines.next() {
            Some(line) => run.take(&line.unwrap()),
            None => break,
        }
    }
    if target_reached(&run) {
        std::thread::sleep(plan.delay);
    }
    // SIGKILL on Unix. The child may have exited already only if it failed.
    let _ = child.kill();
    let status = child.wait().unwrap();
    // Whatever the child printed before it died was printed after its call returned Ok.
    drain(lines, &mut run);
    if !target_reached(&run) || status.code().is_some() {
        let mut stderr = String::new();
        child
            .stderr
            .take()
            .unwrap()
            .read_to_string(&mut stderr)
            .unwrap();
        panic!("cycle {cycle}: the writer stopped on its own ({status}):\n{stderr}");
    }
    run
}

fn drain(lines: std::io::Lines<BufReader<ChildStdout>>, run: &mut Run) {
    for line in lines {
        // A line cut by the kill is never an `ack`: short pipe writes are atomic.
        match line {
            Ok(line) => run.take(&line),
            Err(_) => break,
        }
    }
}

/// What the database must hold, as observed after the previous kill.
struct Model {
    marks: HashMap<i64, String>,
    minutes: HashMap<i64, Option<u64>>,
    imports: u64,
}

fn check_database(dir: &Path, cycle: u64) {
    let conn = Connection::open(dir.join("chibo.sqlite3")).unwrap();
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok", "cycle {cycle}: integrity_check");
    let dangling: i64 = conn
        .query_row("SELECT COUNT(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(dangling, 0, "cycle {cycle}: foreign_key_check");
}

/// Checks a stored value: it must be the last acknowledged one (else the one observed
/// before), or the value of the write in flight. Returns whether that write is what is seen.
fn check_value<T: Clone + PartialEq + std::fmt::Debug>(
    what: &str,
    observed: &T,
    before: &T,
    acked: impl Iterator<Item = T>,
    in_flight: Option<T>,
) -> bool {
    let expected = acked.last().unwrap_or_else(|| before.clone());
    if *observed == expected {
        return false;
    }
    let other = match &in_flight {
        Some(value) => format!("{value:?}, the write in flight"),
        None => "nothing else: no write of it was in flight".into(),
    };
    assert!(
        in_flight.as_ref() == Some(observed),
        "{what} is {observed:?}; expected {expected:?} (acknowledged) or {other}"
    );
    true
}

/// Checks the database against the model and the run; updates the model to what is stored.
/// Returns whether the write in flight at the kill is visible.
fn verify(store: &Store, ids: &Ids, model: &mut Model, run: &Run, cycle: u64) -> bool {
    let mut in_flight_seen = false;
    for &meeting in &ids.meetings {
        // Roll call: exactly the marks of the last acknowledged save (or the one in flight).
        let sheet = store.roll_call(meeting).unwrap();
        let stored: Vec<Mark> = sheet.lines().filter_map(|l| l.mark.clone()).collect();
        let observed = canonical(&stored);
        in_flight_seen |= check_value(
            &format!("cycle {cycle}: the roll call of meeting {meeting}"),
            &observed,
            &model.marks[&meeting],
            run.acked.iter().filter_map(|w| match w {
                Write::Roll { meeting: m, marks } if *m == meeting => Some(marks.clone()),
                _ => None,
            }),
            match &run.in_flight {
                Some(Write::Roll { meeting: m, marks }) if *m == meeting => Some(marks.clone()),
                _ => None,
            },
        );
        model.marks.insert(meeting, observed);

        // Minutes: the text of the last acknowledged draft (or the one in flight), whole.
        let content = store.minutes(meeting).unwrap().content;
        let observed = draft_number(&content.items[0].presented);
        match observed {
            Some(w) => {
                assert_eq!(
                    content.items[0].presented,
                    minutes_text(w),
                    "cycle {cycle}: minutes {meeting}"
                );
                assert_eq!(
                    content.items.last().unwrap().conclusion,
                    minutes_conclusion(w),
                    "cycle {cycle}: minutes {meeting} mix two drafts"
                );
            }
            None => assert_eq!(content.items[0].presented, "", "cycle {cycle}: {meeting}"),
        }
        in_flight_seen |= check_value(
            &format!("cycle {cycle}: the minutes draft of meeting {meeting}"),
            &observed,
            &model.minutes[&meeting],
            run.acked.iter().filter_map(|x| match x {
                Write::Minutes { meeting: m, w } if *m == meeting => Some(Some(*w)),
                _ => None,
            }),
            match &run.in_flight {
                Some(Write::Minutes { meeting: m, w }) if *m == meeting => Some(Some(*w)),
                _ => None,
            },
        );
        model.minutes.insert(meeting, observed);
    }

    // Imports: each file whole or not at all; every acknowledged one present.
    let members = import_members(store, ids.import_branch);
    let mut rows_of: HashMap<u64, u64> = HashMap::new();
    for member in &members {
        let k: u64 = member.card_number.parse::<u64>().unwrap() - 80_000_000;
        let (seq, row) = (k / IMPORT_ROWS, k % IMPORT_ROWS);
        let (name, birth, _) = import_row(seq, row);
        assert_eq!(
            (member.full_name.as_str(), member.birth_date),
            (name.as_str(), Some(birth)),
            "cycle {cycle}: imported row {k}"
        );
        *rows_of.entry(seq).or_default() += 1;
    }
    let present = rows_of.len() as u64;
    for seq in 0..present {
        assert_eq!(
            rows_of.get(&seq),
            Some(&IMPORT_ROWS),
            "cycle {cycle}: import {seq} is partly written or missing: {rows_of:?}"
        );
    }
    if let Some(Write::Import { seq }) = run.in_flight {
        let expected = run
            .acked
            .iter()
            .filter_map(|w| match w {
                Write::Import { seq } => Some(seq + 1),
                _ => None,
            })
            .max()
            .unwrap_or(model.imports);
        assert_eq!(seq, expected, "cycle {cycle}: import numbering");
    }
    in_flight_seen |= check_value(
        &format!("cycle {cycle}: the number of whole imports"),
        &present,
        &model.imports,
        run.acked.iter().filter_map(|w| match w {
            Write::Import { seq } => Some(seq + 1),
            _ => None,
        }),
        match run.in_flight {
            Some(Write::Import { seq }) => Some(seq + 1),
            _ => None,
        },
    );
    model.imports = present;
    in_flight_seen
}

struct Ids {
    meetings: Vec<i64>,
    import_branch: i64,
}

fn setup(dir: &Path) -> Ids {
    let mut store = common::open_store(DataDir::new(dir)).unwrap();
    let demo = store.create_demo_roster(today()).unwrap().id;
    store
        .plan_year(
            demo,
            YEAR,
            DayRule {
                day: 5,
                avoid_sunday: true,
                avoid_holidays: true,
            },
        )
        .unwrap();
    let import_branch = store
        .create_branch(&BranchInput {
            name: IMPORT_BRANCH.into(),
            parent_name: "Đảng bộ xã Tân Thành".into(),
            place: "Tân Thành".into(),
            term_start: None,
            term_end: None,
            founded_on: None,
        })
        .unwrap()
        .id;
    Ids {
        meetings: regular_meetings(&store, demo),
        import_branch,
    }
}

#[test]
fn killing_a_writer_at_random_moments_loses_no_acknowledged_write() {
    let started = Instant::now();
    let tmp = tempfile::TempDir::new().unwrap();
    let dir = tmp.path().join("data");
    let files = tmp.path().join("files");
    std::fs::create_dir(&files).unwrap();
    let ids = setup(&dir);
    assert_eq!(ids.meetings.len(), MEETINGS);
    let mut model = Model {
        marks: ids.meetings.iter().map(|&m| (m, "-".to_owned())).collect(),
        minutes: ids.meetings.iter().map(|&m| (m, None)).collect(),
        imports: 0,
    };
    let (mut acked, mut in_flight, mut in_flight_kept) = (0, 0, 0);
    let mut kinds: HashMap<&str, usize> = HashMap::new();
    for cycle in 0..CYCLES {
        let run = run_and_kill(&dir, &files, cycle);
        check_database(&dir, cycle);
        let store = common::open_store(DataDir::new(&dir)).unwrap();
        let seen = verify(&store, &ids, &mut model, &run, cycle);
        acked += run.acked.len();
        for write in &run.acked {
            let kind = match write {
                Write::Roll { .. } => "roll call",
                Write::Minutes { .. } => "minutes",
                Write::Import { .. } => "import",
            };
            *kinds.entry(kind).or_default() += 1;
        }
        in_flight += usize::from(run.in_flight.is_some());
        in_flight_kept += usize::from(seen);
    }
    let elapsed = started.elapsed();
    eprintln!(
        "crash: {CYCLES} kills in {elapsed:.1?}; {acked} acknowledged writes ({kinds:?}) all \
         present; {in_flight} kills during a write, of which {in_flight_kept} writes were found \
         stored"
    );
    assert!(acked >= CYCLES as usize, "too few writes: {acked}");
    assert_eq!(
        kinds.len(),
        3,
        "every kind of write was exercised: {kinds:?}"
    );
    assert!(in_flight > 0, "no kill landed during a write");
}
