//! Attachments on a real data folder: several files at once stored once by content, every
//! bad input refused with nothing attached, files missing or altered on disk reported,
//! opening only from inside the folder, and removal that keeps shared files.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;

use chibo_store::attachments::{AttachmentState, Check};
use chibo_store::{DataDir, Store};

mod common;
use common::{demo_roster_with_first_meeting, everyone_present, today};

struct Fixture {
    store: Store,
    meeting: i64,
    branch: i64,
    data: tempfile::TempDir,
    files: tempfile::TempDir,
}

fn fixture() -> Fixture {
    let data = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    let mut store = common::open_store(DataDir::new(data.path())).unwrap();
    let (branch, meeting) = demo_roster_with_first_meeting(&mut store);
    Fixture {
        store,
        meeting,
        branch,
        data,
        files,
    }
}

impl Fixture {
    fn file(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let path = self.files.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        path
    }

    fn stored_files(&self) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(self.data.path().join("attachments"))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    fn count(&self) -> usize {
        self.store
            .attachments(self.meeting, Check::Size)
            .unwrap()
            .len()
    }
}

fn rejected(fx: &mut Fixture, files: &[PathBuf], expect: &str) {
    let before = fx.stored_files();
    let err = fx.store.add_attachments(fx.meeting, files).unwrap_err();
    assert_eq!(err.code(), "validation", "{err}");
    assert_eq!(err.field(), Some("files"));
    assert!(err.to_string().contains(expect), "{err}");
    assert_eq!(fx.count(), 0, "nothing attached");
    assert_eq!(fx.stored_files(), before, "nothing copied");
}

#[test]
fn several_files_at_once_and_the_same_content_stored_once() {
    let mut fx = fixture();
    let scan = fx.file("Biên bản họp chi bộ tháng 1 (bản ký).pdf", b"%PDF-1.7 scan");
    let copy = fx.file("ban sao.PDF", b"%PDF-1.7 scan");
    let photo = fx.file("Ảnh buổi họp.jpg", &[0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
    let added = fx
        .store
        .add_attachments(fx.meeting, &[scan, copy, photo])
        .unwrap();
    assert_eq!(added.len(), 3);
    assert_eq!(
        added[0].original_name,
        "Biên bản họp chi bộ tháng 1 (bản ký).pdf"
    );
    assert_eq!(added[0].media_type, "application/pdf");
    assert_eq!(added[0].size, 13);
    assert_eq!(added[0].sha256, added[1].sha256);
    assert_eq!(added[2].media_type, "image/jpeg");
    // Two files on disk: the PDF content once, the photo once; no temp file left.
    let stored = fx.stored_files();
    assert_eq!(stored.len(), 2, "{stored:?}");
    assert!(stored.contains(&format!("{}.pdf", added[0].sha256)));
    assert!(stored.iter().all(|n| !n.ends_with(".tmp")));

    let listed = fx.store.attachments(fx.meeting, Check::Hash).unwrap();
    assert!(listed.iter().all(|a| a.state == AttachmentState::Intact));
    let path = fx.store.attachment_file(added[0].id).unwrap();
    assert!(path.starts_with(fx.data.path().join("attachments")));
    assert_eq!(std::fs::read(path).unwrap(), b"%PDF-1.7 scan");
}

#[test]
fn bad_picks_attach_nothing() {
    let mut fx = fixture();
    let good = fx.file("tốt.pdf", b"ok");
    let empty = fx.file("rỗng.pdf", b"");
    rejected(&mut fx, &[good.clone(), empty], "rỗng (0 byte)");

    let climbing = fx.files.path().join("..").join("x.pdf");
    rejected(&mut fx, &[good.clone(), climbing], "không hợp lệ");
    rejected(&mut fx, &[PathBuf::from("tương đối.pdf")], "không hợp lệ");

    let gone = fx.file("đã xóa.pdf", b"soon gone");
    std::fs::remove_file(&gone).unwrap();
    rejected(
        &mut fx,
        &[good.clone(), gone],
        "Không còn tìm thấy tệp “đã xóa.pdf”",
    );

    let folder = fx.files.path().to_path_buf();
    rejected(&mut fx, &[folder], "là một thư mục");

    let mut settings = fx.store.settings(fx.branch).unwrap().settings;
    settings.attachment_max_megabytes.value = 1;
    fx.store.update_settings(fx.branch, &settings).unwrap();
    let big = fx.file("Ảnh lớn.tif", &vec![1u8; 1024 * 1024 + 1]);
    rejected(&mut fx, &[good, big], "vượt mức tối đa 1 MB");
}

#[test]
fn files_missing_or_altered_on_disk_are_reported_never_opened() {
    let mut fx = fixture();
    let a = fx.file("a.pdf", b"first file");
    let b = fx.file("b.docx", b"second file");
    let c = fx.file("c.txt", b"third file");
    let added = fx.store.add_attachments(fx.meeting, &[a, b, c]).unwrap();
    let stored = |i: usize| fx.store.attachment_file(added[i].id).unwrap();
    let (pa, pb, pc) = (stored(0), stored(1), stored(2));
    std::fs::remove_file(&pa).unwrap();
    std::fs::write(&pb, b"second file, changed").unwrap();
    std::fs::write(&pc, b"THIRD FILE").unwrap(); // same size, other content

    let quick = fx.store.attachments(fx.meeting, Check::Size).unwrap();
    let states: Vec<AttachmentState> = quick.iter().map(|a| a.state).collect();
    assert_eq!(
        states,
        [
            AttachmentState::Missing,
            AttachmentState::Altered,
            AttachmentState::Intact
        ]
    );
    let full = fx.store.attachments(fx.meeting, Check::Hash).unwrap();
    assert_eq!(full[2].state, AttachmentState::Altered);

    let missing = fx.store.attachment_file(added[0].id).unwrap_err();
    assert_eq!(missing.code(), "not_found");
    assert!(
        missing.to_string().contains("“a.pdf” không còn"),
        "{missing}"
    );
    let altered = fx.store.attachment_file(added[2].id).unwrap_err();
    assert_eq!(altered.code(), "corrupt");
    assert!(altered.to_string().contains("đã bị thay đổi"), "{altered}");

    // Attaching the original again repairs the stored copy.
    let again = fx.file("c.txt", b"third file");
    fx.store.add_attachments(fx.meeting, &[again]).unwrap();
    assert!(fx.store.attachment_file(added[2].id).is_ok());
}

#[test]
fn removal_keeps_a_file_still_referred_to_and_is_refused_once_approved() {
    let mut fx = fixture();
    let scan = fx.file("scan.pdf", b"shared scan");
    let first = fx
        .store
        .add_attachments(fx.meeting, std::slice::from_ref(&scan))
        .unwrap()[0]
        .clone();
    let second = fx.store.add_attachments(fx.meeting, &[scan]).unwrap()[0].clone();
    let path = fx.store.attachment_file(first.id).unwrap();

    fx.store.remove_attachment(first.id).unwrap();
    assert!(path.exists(), "still used by the second attachment");
    fx.store.remove_attachment(second.id).unwrap();
    assert!(!path.exists(), "nothing refers to it any more");
    assert_eq!(
        fx.store.remove_attachment(second.id).unwrap_err().code(),
        "not_found"
    );
}

#[test]
fn an_approved_meeting_takes_new_attachments_but_keeps_its_old_ones() {
    let mut fx = fixture();
    let marks = everyone_present(&fx.store, fx.meeting);
    fx.store
        .save_roll_call(fx.meeting, &marks, today())
        .unwrap();
    let draft = fx.file("nháp.docx", b"draft");
    let early = fx.store.add_attachments(fx.meeting, &[draft]).unwrap()[0].id;
    fx.store.approve_minutes(fx.meeting).unwrap();

    let signed = fx.file("Biên bản đã ký.pdf", b"signed scan");
    assert_eq!(
        fx.store
            .add_attachments(fx.meeting, &[signed])
            .unwrap()
            .len(),
        1
    );
    let err = fx.store.remove_attachment(early).unwrap_err();
    assert_eq!(err.code(), "locked");
    assert_eq!(fx.count(), 2);
}

#[cfg(unix)]
#[test]
fn a_stored_file_replaced_by_a_link_out_of_the_folder_is_not_opened() {
    let mut fx = fixture();
    let scan = fx.file("scan.pdf", b"scan");
    let added = fx
        .store
        .add_attachments(fx.meeting, std::slice::from_ref(&scan))
        .unwrap();
    let path = fx.store.attachment_file(added[0].id).unwrap();
    std::fs::remove_file(&path).unwrap();
    std::os::unix::fs::symlink(&scan, &path).unwrap();
    let err = fx.store.attachment_file(added[0].id).unwrap_err();
    assert_eq!(err.code(), "corrupt");
    assert!(err.to_string().contains("ngoài thư mục dữ liệu"), "{err}");
}

#[test]
fn the_demo_on_a_data_folder_has_an_attachment_and_reviews_last_months_tasks() {
    let data = tempfile::tempdir().unwrap();
    let mut store = common::open_store(DataDir::new(data.path())).unwrap();
    let branch = store.create_demo(today()).unwrap().id;
    let latest = store
        .meetings_of_year(branch, 2026)
        .unwrap()
        .into_iter()
        .filter(|m| m.status == chibo_core::meeting::MeetingStatus::Held)
        .max_by_key(|m| m.date)
        .unwrap();
    let attached = store.attachments(latest.id, Check::Hash).unwrap();
    assert_eq!(attached.len(), 1);
    assert_eq!(attached[0].original_name, "Thông báo họp chi bộ.docx");
    assert_eq!(attached[0].state, AttachmentState::Intact);
    let bytes = std::fs::read(store.attachment_file(attached[0].id).unwrap()).unwrap();
    assert!(bytes.starts_with(b"PK"), "a real DOCX (zip)");

    let minutes = store.minutes(latest.id).unwrap();
    let review = minutes
        .tasks_to_review
        .expect("the previous meeting gave a task");
    assert!(!review.tasks.is_empty());
    assert!(minutes
        .content
        .items
        .iter()
        .any(|i| i.presented.starts_with("Nhiệm vụ giao tại cuộc họp ngày")));
}
