//! Faults of the machine, not of the user: a read-only data folder, a full disk, a database
//! held by another program. Each is refused with the right code and a Vietnamese message
//! that says what to do, and changes nothing.
//!
//! The read-only and full-disk cases mount a tmpfs (Linux, root). Where mounting is not
//! permitted they fail, unless `CHIBO_SKIP_MOUNT_TESTS=1` says to skip them.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::time::{Duration, Instant};

use chibo_store::members::RosterFilter;
use chibo_store::{DataDir, Store};
use rusqlite::Connection;

mod common;
use common::{demo_roster_with_first_meeting, everyone_present, today};

/// A data folder with the demo roster, 2026 planned and January's minutes drafted.
struct Fixture {
    branch: i64,
    meeting: i64,
}

const ORIGINAL_TEXT: &str = "Bản gốc: chi bộ kiểm điểm việc thu nộp đảng phí.";

fn fill(dir: &Path) -> Fixture {
    let mut store = common::open_store(DataDir::new(dir)).unwrap();
    let (branch, meeting) = demo_roster_with_first_meeting(&mut store);
    let mut content = store.minutes(meeting).unwrap().content;
    content.items[0].presented = ORIGINAL_TEXT.into();
    store.save_minutes(meeting, &content).unwrap();
    Fixture { branch, meeting }
}

/// What a fault must not change: the roster, January's minutes and roll call.
#[derive(Debug, PartialEq, Eq)]
struct Snapshot {
    members: usize,
    minutes: String,
    marks: usize,
}

fn snapshot(store: &Store, fixture: &Fixture) -> Snapshot {
    Snapshot {
        members: store
            .roster(fixture.branch, today(), "", RosterFilter::All)
            .unwrap()
            .entries
            .len(),
        minutes: store.minutes(fixture.meeting).unwrap().content.items[0]
            .presented
            .clone(),
        marks: store
            .roll_call(fixture.meeting)
            .unwrap()
            .summoned
            .iter()
            .filter(|l| l.mark.is_some())
            .count(),
    }
}

fn integrity(dir: &Path) -> String {
    let conn = Connection::open(dir.join("chibo.sqlite3")).unwrap();
    conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap()
}

fn assert_message(err: &chibo_store::Error, code: &str, words: &[&str]) {
    let text = err.to_string();
    assert_eq!(err.code(), code, "{text}");
    for word in words {
        assert!(text.contains(word), "`{word}` missing from: {text}");
    }
}

#[test]
fn a_write_while_another_program_holds_the_database_waits_then_is_refused_as_locked() {
    let tmp = tempfile::TempDir::new().unwrap();
    let fixture = fill(tmp.path());
    let mut store = common::open_store(DataDir::new(tmp.path())).unwrap();
    let before = snapshot(&store, &fixture);
    let marks = everyone_present(&store, fixture.meeting);
    let mut changed = store.minutes(fixture.meeting).unwrap().content;
    changed.items[0].presented = "Bản sửa".into();

    let other = Connection::open(tmp.path().join("chibo.sqlite3")).unwrap();
    other.execute_batch("BEGIN EXCLUSIVE").unwrap();
    // The store can still read while the other program writes (WAL).
    assert_eq!(snapshot(&store, &fixture), before);
    for attempt in 0..2 {
        let started = Instant::now();
        let err = match attempt {
            0 => store.save_minutes(fixture.meeting, &changed).unwrap_err(),
            _ => store
                .save_roll_call(fixture.meeting, &marks, today())
                .unwrap_err(),
        };
        let waited = started.elapsed();
        assert_message(
            &err,
            "locked",
            &["đang bị một chương trình khác giữ", "thử lại"],
        );
        assert!(
            waited < Duration::from_secs(15),
            "the busy timeout bounds the wait: {waited:?}"
        );
        assert!(
            waited >= Duration::from_millis(500),
            "the store waits for the lock (busy_timeout) before refusing: {waited:?}"
        );
    }
    other.execute_batch("ROLLBACK").unwrap();
    assert_eq!(snapshot(&store, &fixture), before, "nothing was written");

    // Released while the store waits: the write goes through.
    other.execute_batch("BEGIN EXCLUSIVE").unwrap();
    let holder = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(300));
        other.execute_batch("COMMIT").unwrap();
    });
    store.save_minutes(fixture.meeting, &changed).unwrap();
    holder.join().unwrap();
    store
        .save_roll_call(fixture.meeting, &marks, today())
        .unwrap();
    let after = snapshot(&store, &fixture);
    assert_eq!(after.minutes, "Bản sửa");
    assert_eq!(after.marks, marks.len());
    drop(store);
    assert_eq!(integrity(tmp.path()), "ok");
}

/// A first start (or an upgrade) while another program holds the database is refused as
/// `locked`, in words, not as an internal error quoting the migration's SQL.
#[test]
fn an_upgrade_blocked_by_another_program_is_refused_as_locked() {
    let tmp = tempfile::TempDir::new().unwrap();
    let other = Connection::open(tmp.path().join("chibo.sqlite3")).unwrap();
    other.pragma_update(None, "journal_mode", "WAL").unwrap();
    other.execute_batch("BEGIN EXCLUSIVE").unwrap();
    let err = common::open_store(DataDir::new(tmp.path()))
        .err()
        .expect("the schema cannot be written while the database is held");
    assert_message(&err, "locked", &["đang bị một chương trình khác giữ"]);
    other.execute_batch("ROLLBACK").unwrap();
    let store = common::open_store(DataDir::new(tmp.path())).unwrap();
    assert_eq!(
        store.schema_version().unwrap(),
        chibo_store::migrations::LATEST_VERSION
    );
}

#[cfg(target_os = "linux")]
mod mounted {
    use super::*;
    use chibo_store::roster_io::OnDuplicate;
    use std::io::Write;
    use std::path::PathBuf;
    use std::process::Command;

    const SKIP_ENV: &str = "CHIBO_SKIP_MOUNT_TESTS";

    /// A roster file of `rows` valid new members, outside the data folder.
    fn roster_file(dir: &Path, rows: usize) -> PathBuf {
        let mut text = String::from(
            "\u{FEFF}Họ và tên,Ngày sinh,Ngày vào Đảng,Ngày chính thức,Số thẻ đảng viên\n",
        );
        for i in 0..rows {
            let birth =
                chrono::NaiveDate::from_ymd_opt(1950, 1, 1).unwrap() + chrono::Days::new(i as u64);
            text.push_str(&format!(
                "Nguyễn Văn Thắng,{},05/06/2020,05/06/2021,{}\n",
                birth.format("%d/%m/%Y"),
                70_000_000 + i
            ));
        }
        let path = dir.join("danh-sach.csv");
        std::fs::write(&path, text).unwrap();
        path
    }

    /// A mount made by the test; unmounted on drop, lazily if it is busy.
    struct Mount {
        dir: PathBuf,
    }

    impl Drop for Mount {
        fn drop(&mut self) {
            let ok = Command::new("umount")
                .arg(&self.dir)
                .status()
                .is_ok_and(|s| s.success());
            if !ok {
                let _ = Command::new("umount").arg("-l").arg(&self.dir).status();
            }
        }
    }

    fn run(args: &[&std::ffi::OsStr]) -> bool {
        Command::new("mount")
            .args(args)
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    }

    /// Mounts a tmpfs with `options` on `dir`; `None` when mounting is not permitted.
    fn mount_tmpfs(dir: &Path, options: &str) -> Option<Mount> {
        run(&[
            "-t".as_ref(),
            "tmpfs".as_ref(),
            "-o".as_ref(),
            options.as_ref(),
            "tmpfs".as_ref(),
            dir.as_os_str(),
        ])
        .then(|| Mount { dir: dir.into() })
    }

    /// Shows `source` read-only at `target`; `None` when mounting is not permitted.
    fn bind_read_only(source: &Path, target: &Path) -> Option<Mount> {
        if !run(&["--bind".as_ref(), source.as_os_str(), target.as_os_str()]) {
            return None;
        }
        let mount = Mount { dir: target.into() };
        run(&[
            "-o".as_ref(),
            "remount,ro,bind".as_ref(),
            target.as_os_str(),
        ])
        .then_some(mount)
    }

    /// Without mounts the test cannot prove anything: it fails unless told to skip.
    fn cannot_mount() {
        if std::env::var(SKIP_ENV).as_deref() == Ok("1") {
            eprintln!("SKIPPED: mounting is not permitted here and {SKIP_ENV}=1");
            return;
        }
        panic!(
            "this test mounts a tmpfs and needs root (mount permission); run it as root, or \
             set {SKIP_ENV}=1 to skip it knowingly"
        );
    }

    /// Every file under `dir` with its content, to prove nothing changed.
    fn files(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
        let mut out = Vec::new();
        let mut stack = vec![dir.to_path_buf()];
        while let Some(folder) = stack.pop() {
            for entry in std::fs::read_dir(&folder).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                } else {
                    let bytes = std::fs::read(&path).unwrap();
                    out.push((path.strip_prefix(dir).unwrap().to_path_buf(), bytes));
                }
            }
        }
        out.sort();
        out
    }

    #[test]
    fn a_read_only_data_folder_is_refused_in_vietnamese_and_left_as_it_was() {
        let tmp = tempfile::TempDir::new().unwrap();
        let source = tmp.path().join("du-lieu");
        let fixture = fill(&source);
        let before_files = files(&source);
        let target = tmp.path().join("chi-doc");
        std::fs::create_dir(&target).unwrap();
        let Some(mount) = bind_read_only(&source, &target) else {
            return cannot_mount();
        };
        assert!(
            std::fs::write(target.join("thu"), b"x").is_err(),
            "the mount is read-only"
        );
        let err = common::open_store(DataDir::new(&target))
            .err()
            .expect("a read-only data folder is refused");
        assert_message(
            &err,
            "io",
            &[
                "Không ghi được vào thư mục dữ liệu",
                "ổ đĩa chỉ cho đọc",
                "chọn thư mục khác",
            ],
        );
        drop(mount);

        assert_eq!(
            files(&source),
            before_files,
            "nothing in the folder changed"
        );
        let store = common::open_store(DataDir::new(&source)).unwrap();
        assert_eq!(snapshot(&store, &fixture).minutes, ORIGINAL_TEXT);
        drop(store);
        assert_eq!(integrity(&source), "ok");
    }

    #[test]
    fn a_new_data_folder_on_a_read_only_disk_is_refused_in_vietnamese() {
        let tmp = tempfile::TempDir::new().unwrap();
        let Some(_mount) = mount_tmpfs(tmp.path(), "ro,size=4m") else {
            return cannot_mount();
        };
        for dir in [tmp.path().to_path_buf(), tmp.path().join("so-tay")] {
            let err = common::open_store(DataDir::new(&dir))
                .err()
                .expect("a read-only disk is refused");
            assert_message(&err, "io", &["ổ đĩa chỉ cho đọc", "chọn thư mục khác"]);
            assert!(!dir.join("chibo.sqlite3").exists());
        }
    }

    /// Writes a file as large as the free space of the disk holding `dir`.
    fn fill_disk(dir: &Path) -> PathBuf {
        let path = dir.join("lap-day.bin");
        let mut file = std::fs::File::create(&path).unwrap();
        let mut chunk = 1 << 20;
        while chunk > 0 {
            match file.write(&vec![7u8; chunk]) {
                Ok(0) | Err(_) => chunk /= 2,
                Ok(_) => {}
            }
        }
        let _ = file.sync_all();
        path
    }

    #[test]
    fn a_full_disk_refuses_writes_in_vietnamese_and_keeps_the_data_whole() {
        let tmp = tempfile::TempDir::new().unwrap();
        let disk = tmp.path().join("o-dia");
        std::fs::create_dir(&disk).unwrap();
        let Some(_mount) = mount_tmpfs(&disk, "size=2m") else {
            return cannot_mount();
        };
        let data = disk.join("du-lieu");
        let fixture = fill(&data);
        let file = roster_file(tmp.path(), 300);
        // Reopened, so the write-ahead log is empty and any write needs new space.
        let mut store = common::open_store(DataDir::new(&data)).unwrap();
        let before = snapshot(&store, &fixture);
        let filler = fill_disk(&disk);

        let mut big = store.minutes(fixture.meeting).unwrap().content;
        big.items[0].presented = "Ý kiến đóng góp của đảng viên. ".repeat(20_000);
        let err = store.save_minutes(fixture.meeting, &big).unwrap_err();
        assert_message(&err, "io", &["đầy", "giải phóng dung lượng"]);

        let marks = everyone_present(&store, fixture.meeting);
        let err = store
            .save_roll_call(fixture.meeting, &marks, today())
            .unwrap_err();
        assert_message(&err, "io", &["đầy", "giải phóng dung lượng"]);

        let preview = store
            .preview_import(fixture.branch, &file, today())
            .unwrap();
        assert_eq!(preview.valid_rows, 300);
        let err = store
            .commit_import(
                fixture.branch,
                &file,
                &preview.file_hash,
                OnDuplicate::Skip,
                today(),
            )
            .unwrap_err();
        assert_message(&err, "io", &["đầy", "giải phóng dung lượng"]);
        assert_eq!(snapshot(&store, &fixture), before, "nothing was written");
        drop(store);

        std::fs::remove_file(filler).unwrap();
        assert_eq!(integrity(&data), "ok");
        let mut store = common::open_store(DataDir::new(&data)).unwrap();
        assert_eq!(snapshot(&store, &fixture), before, "nothing half-written");
        // With space again, the same writes go through.
        store
            .save_roll_call(fixture.meeting, &marks, today())
            .unwrap();
        let result = store
            .commit_import(
                fixture.branch,
                &file,
                &preview.file_hash,
                OnDuplicate::Skip,
                today(),
            )
            .unwrap();
        assert_eq!(result.created, 300);
    }

    /// With the disk full, SQLite cannot size the WAL index (`-shm`): opening says the
    /// disk is full (code `io`), and the data is intact once space is freed.
    #[test]
    fn opening_the_data_on_a_full_disk_says_the_disk_is_full() {
        let tmp = tempfile::TempDir::new().unwrap();
        let Some(_mount) = mount_tmpfs(tmp.path(), "size=2m") else {
            return cannot_mount();
        };
        let data = tmp.path().join("du-lieu");
        let fixture = fill(&data);
        let before = {
            let store = common::open_store(DataDir::new(&data)).unwrap();
            snapshot(&store, &fixture)
        };
        let filler = fill_disk(tmp.path());
        match common::open_store(DataDir::new(&data)) {
            // Better still: the data can be read, and writes are refused as full.
            Ok(mut store) => {
                assert_eq!(snapshot(&store, &fixture), before);
                let marks = everyone_present(&store, fixture.meeting);
                let err = store
                    .save_roll_call(fixture.meeting, &marks, today())
                    .unwrap_err();
                assert_message(&err, "io", &["đầy"]);
            }
            Err(err) => assert_message(&err, "io", &["đầy", "giải phóng dung lượng"]),
        }
        std::fs::remove_file(filler).unwrap();
        let store = common::open_store(DataDir::new(&data)).unwrap();
        assert_eq!(snapshot(&store, &fixture), before);
    }

    /// The second backup folder (a USB stick) filling up in the middle of the copy: the
    /// backup in the data folder is made and verified, the user gets a notice, and no
    /// half-written backup is left on the stick.
    #[test]
    fn a_second_backup_folder_that_fills_mid_copy_gives_a_notice() {
        let data = tempfile::TempDir::new().unwrap();
        let usb = tempfile::TempDir::new().unwrap();
        let Some(_mount) = mount_tmpfs(usb.path(), "size=64k") else {
            return cannot_mount();
        };
        let mut store = common::open_store(DataDir::new(data.path())).unwrap();
        store.create_demo(today()).unwrap();
        store
            .set_backup_settings(&chibo_store::backups::BackupSettings {
                second_folder: Some(usb.path().display().to_string()),
                ..Default::default()
            })
            .unwrap();
        let now = today().and_hms_opt(17, 0, 0).unwrap();
        let outcome = store
            .automatic_backup(chibo_store::backups::BackupMoment::Close, now)
            .unwrap();
        let local = outcome.backup.expect("the local backup is made");
        assert_eq!(integrity_of(std::path::Path::new(&local.path)), "ok");
        assert_eq!(outcome.notices.len(), 1, "{:?}", outcome.notices);
        assert!(
            outcome.notices[0].contains("Chưa chép được"),
            "{:?}",
            outcome.notices
        );
        assert!(outcome.notices[0].contains("đầy"), "{:?}", outcome.notices);
        let copied = usb.path().join(chibo_store::backups::SECOND_FOLDER_NAME);
        let left: Vec<_> = std::fs::read_dir(&copied)
            .map(|d| d.map(|e| e.unwrap().file_name()).collect())
            .unwrap_or_default();
        assert!(
            left.iter()
                .all(|n| !n.to_string_lossy().ends_with(".sqlite3")
                    && !n.to_string_lossy().ends_with(".tmp")),
            "{left:?}"
        );
    }

    fn integrity_of(path: &std::path::Path) -> String {
        Connection::open(path)
            .unwrap()
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap()
    }
}
