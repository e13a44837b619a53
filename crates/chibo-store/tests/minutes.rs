//! Minutes on real SQLite: the first draft from the meeting, saving drafts with their
//! problems, approval locking the minutes and the roll call, numbering, amendment as a new
//! version, and the printable documents written as real DOCX and PDF files.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use chibo_core::attendance::{Mark, Presence};
use chibo_core::minutes::{Opinion, Resolution, ResolutionKind};
use chibo_core::status::{StatusInput, StatusKind};
use chibo_store::meeting_documents::{DocumentFormat, MeetingDocument};
use chibo_store::minutes::MinutesStatus;
use chibo_store::Store;
use chrono::NaiveDate;

mod common;

fn today() -> NaiveDate {
    d(2026, 11, 27)
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// The demo roster, 2026 planned, January's and February's regular meetings held with
/// everyone summoned present except the last member (absent without reason).
fn held() -> (Store, Vec<i64>, i64) {
    let mut store = common::open_in_memory().unwrap();
    let branch = store.create_demo_roster(today()).unwrap().id;
    let meetings: Vec<i64> = common::plan_2026(&mut store, branch)
        .into_iter()
        .filter(|m| m.kind == chibo_core::meeting::MeetingKind::Regular)
        .map(|m| m.id)
        .collect();
    let mut absent = 0;
    for meeting in &meetings[..2] {
        let sheet = store.roll_call(*meeting).unwrap();
        absent = sheet.summoned.last().unwrap().member.id;
        let marks: Vec<Mark> = sheet
            .summoned
            .iter()
            .map(|l| Mark {
                member_id: l.member.id,
                presence: if l.member.id == absent {
                    Presence::Unexcused
                } else {
                    Presence::Present
                },
                reason: String::new(),
                reason_accepted: false,
            })
            .collect();
        store.save_roll_call(*meeting, &marks, today()).unwrap();
    }
    (store, meetings, absent)
}

#[test]
fn the_first_draft_follows_the_agenda_and_problems_block_approval() {
    let (mut store, meetings, absent) = held();
    let view = store.minutes(meetings[0]).unwrap();
    assert_eq!(view.status, MinutesStatus::Draft);
    let agenda = store.meeting_detail(meetings[0]).unwrap().meeting.agenda;
    assert_eq!(view.content.items.len(), agenda.len());
    assert_eq!(view.content.items[0].heading, agenda[0]);
    assert!(view.problems.is_empty());
    assert!(!view.present.iter().any(|m| m.id == absent));

    let mut content = view.content.clone();
    content.items[1].opinions.push(Opinion {
        speaker_id: Some(absent),
        text: "Ý kiến".into(),
    });
    content.resolutions.push(Resolution {
        text: "Thông qua nghị quyết".into(),
        kind: ResolutionKind::Ordinary,
        votes_for: view.counts.voters_present + 1,
        votes_against: 0,
        votes_other: 0,
    });
    let saved = store.save_minutes(meetings[0], &content).unwrap();
    assert_eq!(
        saved.content, content,
        "a draft with problems is still saved whole"
    );
    let fields: Vec<&str> = saved.problems.iter().map(|p| p.field.as_str()).collect();
    assert_eq!(fields, ["items.1.opinions.0", "resolutions.0"]);
    let err = store.approve_minutes(meetings[0]).unwrap_err();
    assert_eq!(err.code(), "validation");
    assert_eq!(
        store.minutes(meetings[0]).unwrap().status,
        MinutesStatus::Draft
    );
}

#[test]
fn approval_locks_numbers_and_amendment_keeps_the_old_version() {
    let (mut store, meetings, absent) = held();
    let first = store.approve_minutes(meetings[0]).unwrap();
    assert_eq!(first.status, MinutesStatus::Approved);
    assert_eq!(first.number.as_deref(), Some("01-BB/CB"));
    assert_eq!(first.content_hash.as_ref().unwrap().len(), 64);
    let second = store.approve_minutes(meetings[1]).unwrap();
    assert_eq!(second.number.as_deref(), Some("02-BB/CB"));

    let content = first.content.clone();
    assert_eq!(
        store
            .save_minutes(meetings[0], &content)
            .unwrap_err()
            .code(),
        "locked"
    );
    let marks = [Mark {
        member_id: absent,
        presence: Presence::Present,
        reason: String::new(),
        reason_accepted: false,
    }];
    assert_eq!(
        store
            .save_roll_call(meetings[0], &marks, today())
            .unwrap_err()
            .code(),
        "locked"
    );
    assert_eq!(
        store.amend_minutes(meetings[0], " ").unwrap_err().field(),
        Some("reason")
    );
    let amended = store
        .amend_minutes(meetings[0], "Sửa điểm danh ghi nhầm")
        .unwrap();
    assert_eq!(amended.status, MinutesStatus::Draft);
    assert_eq!(amended.version, 2);
    assert_eq!(amended.versions.len(), 1);
    assert_eq!(
        amended.versions[0].replaced_because,
        "Sửa điểm danh ghi nhầm"
    );
    assert_eq!(
        amended.versions[0].content_hash,
        first.content_hash.clone().unwrap()
    );
    // Unlocked: the roll call can be corrected, then approved again with the same number;
    // approval needs every summoned member marked.
    store.save_roll_call(meetings[0], &marks, today()).unwrap();
    let err = store.approve_minutes(meetings[0]).unwrap_err();
    assert_eq!(err.field(), Some("roll_call"));
    assert!(err.to_string().contains("chưa điểm danh"), "{err}");
    let everyone: Vec<Mark> = store
        .roll_call(meetings[0])
        .unwrap()
        .summoned
        .iter()
        .map(|l| Mark {
            member_id: l.member.id,
            ..marks[0].clone()
        })
        .collect();
    store
        .save_roll_call(meetings[0], &everyone, today())
        .unwrap();
    let again = store.approve_minutes(meetings[0]).unwrap();
    assert_eq!(again.number.as_deref(), Some("01-BB/CB"));
    assert_eq!(again.version, 2);
}

#[test]
fn minutes_need_a_held_meeting_with_its_roll_call() {
    let (mut store, meetings, _) = held();
    let err = store.approve_minutes(meetings[5]).unwrap_err();
    assert_eq!(err.field(), Some("status"));
    // March: held, but nobody marked yet.
    let mut march = store.meeting_detail(meetings[2]).unwrap().meeting;
    march.status = chibo_core::meeting::MeetingStatus::Held;
    store.update_meeting(meetings[2], &march, today()).unwrap();
    let err = store.approve_minutes(meetings[2]).unwrap_err();
    assert_eq!(err.field(), Some("roll_call"));
    assert_eq!(
        store.minutes(meetings[2]).unwrap().status,
        MinutesStatus::Draft
    );
}

fn unzip(path: &std::path::Path, member: &str) -> String {
    let out = std::process::Command::new("unzip")
        .arg("-p")
        .arg(path)
        .arg(member)
        .output()
        .expect("unzip is installed by make system-deps");
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_meeting_documents_are_real_docx_and_pdf_files() {
    let (mut store, meetings, absent) = held();
    store.approve_minutes(meetings[1]).unwrap();
    store
        .issue_notice(meetings[1], Some(d(2026, 1, 30)), today())
        .unwrap();
    let dir = tempfile::TempDir::new().unwrap();
    let absent_name = store
        .roll_call(meetings[1])
        .unwrap()
        .summoned
        .iter()
        .find(|l| l.member.id == absent)
        .unwrap()
        .member
        .full_name
        .clone();
    for document in [
        MeetingDocument::Minutes,
        MeetingDocument::SignInSheet,
        MeetingDocument::Notice,
    ] {
        for format in [DocumentFormat::Docx, DocumentFormat::Pdf] {
            let name = store
                .meeting_document_file_name(meetings[1], document, format)
                .unwrap();
            let path = dir.path().join(&name);
            store
                .export_meeting_document(meetings[1], document, format, &path)
                .unwrap();
            let bytes = std::fs::read(&path).unwrap();
            match format {
                DocumentFormat::Pdf => assert!(bytes.starts_with(b"%PDF"), "{name}"),
                DocumentFormat::Docx => {
                    assert!(bytes.starts_with(b"PK"), "{name}");
                    let xml = unzip(&path, "word/document.xml");
                    assert!(xml.contains("CHI BỘ THÔN BẢN CHẮT"), "{name}");
                    if document == MeetingDocument::Minutes {
                        assert!(xml.contains("Số 01-BB/CB"), "{name}");
                        assert!(xml.contains("ngày 05 tháng 02 năm 2026"), "{name}");
                        assert!(
                            xml.contains(&absent_name),
                            "{name}: the absent member is named"
                        );
                    }
                    if document == MeetingDocument::Notice {
                        assert!(xml.contains("Số 01-TB/CB"), "{name}");
                        assert!(xml.contains("ngày 30 tháng 01 năm 2026"), "{name}");
                    }
                }
            }
        }
    }
    let missing = dir.path().join("khong-co").join("bien-ban.docx");
    let err = store
        .export_meeting_document(
            meetings[1],
            MeetingDocument::Minutes,
            DocumentFormat::Docx,
            &missing,
        )
        .unwrap_err();
    assert_eq!(err.code(), "io");
}

#[test]
fn the_tasks_of_one_meeting_come_back_in_the_next_meetings_first_draft() {
    let (mut store, meetings, absent) = held();
    assert_eq!(store.minutes(meetings[1]).unwrap().tasks_to_review, None);
    let mut content = store.minutes(meetings[0]).unwrap().content;
    content.tasks.push(chibo_core::minutes::Task {
        content: "Vận động thu nộp đảng phí".into(),
        owner_id: Some(absent),
        deadline: NaiveDate::from_ymd_opt(2026, 1, 31),
    });
    store.save_minutes(meetings[0], &content).unwrap();

    let next = store.minutes(meetings[1]).unwrap();
    let review = next.tasks_to_review.expect("tasks to review");
    assert_eq!(
        review.given_on,
        store.meeting_detail(meetings[0]).unwrap().meeting.date
    );
    assert_eq!(review.tasks.len(), 1);
    let owner = store
        .member_detail(absent, today())
        .unwrap()
        .member
        .full_name;
    assert_eq!(review.tasks[0].owner.as_deref(), Some(owner.as_str()));
    let item = next
        .content
        .items
        .iter()
        .find(|i| i.heading.contains("tháng trước"))
        .expect("the review line of the regular agenda");
    assert!(
        item.presented.contains("Vận động thu nộp đảng phí"),
        "{}",
        item.presented
    );
    assert!(
        item.presented.contains("hạn 31/01/2026"),
        "{}",
        item.presented
    );
    assert!(item.presented.contains(&owner), "{}", item.presented);
}

/// What was approved stays as approved: a backdated exemption recorded after the approval
/// leaves the locked meeting's sheet, counters, document and hash as they were, while the
/// unlocked meeting follows the new record; the notice says which is which. (Before the
/// snapshots, the locked sheet was recomputed from the roster and changed.)
#[test]
fn a_backdated_roster_change_leaves_approved_minutes_as_approved() {
    let (mut store, meetings, _) = held();
    let approved = store.approve_minutes(meetings[0]).unwrap();
    let sheet = store.roll_call(meetings[0]).unwrap();
    assert!(sheet.frozen_at.is_some());
    let document = store
        .official_document(meetings[0], MeetingDocument::Minutes)
        .unwrap();
    let unlocked = store.roll_call(meetings[1]).unwrap();
    let member = sheet.summoned[0].member.id;
    assert!(sheet.summoned[0].mark.as_ref().unwrap().presence.attended());

    let backdated = NaiveDate::from_ymd_opt(2025, 12, 1).unwrap();
    store
        .add_status(
            member,
            &StatusInput {
                kind: StatusKind::Exempted,
                start: backdated,
                end: None,
                reference: "05-QĐ/ĐU".into(),
                note: String::new(),
            },
            today(),
        )
        .unwrap();

    assert_eq!(store.roll_call(meetings[0]).unwrap(), sheet);
    assert_eq!(
        store
            .official_document(meetings[0], MeetingDocument::Minutes)
            .unwrap(),
        document
    );
    let minutes = store.minutes(meetings[0]).unwrap();
    assert_eq!(minutes.counts, approved.counts);
    assert_eq!(minutes.content_hash, approved.content_hash);
    // The unlocked meeting follows the record: one fewer summoned, the member listed apart.
    let now = store.roll_call(meetings[1]).unwrap();
    assert_eq!(now.counts.summoned, unlocked.counts.summoned - 1);
    assert!(now.exempted.iter().any(|l| l.member.id == member));
    let notice = store
        .roster_change_notice(member, backdated)
        .unwrap()
        .unwrap();
    assert!(
        notice.contains("1 cuộc họp đã thông qua biên bản (05/01/2026)"),
        "{notice}"
    );
    assert!(
        notice.contains("chưa thông qua biên bản (05/02/2026)"),
        "{notice}"
    );
    // Nothing predates a change from after the meetings.
    let later = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
    assert_eq!(store.roster_change_notice(member, later).unwrap(), None);

    // Saving the member's record tells the same when a date of membership moved, and
    // nothing when only other fields changed.
    let detail = store.member_detail(member, today()).unwrap().member;
    let mut input = detail.to_input();
    input.phone = "0912345678".into();
    assert_eq!(
        store
            .update_member(member, &input, today())
            .unwrap()
            .change_notice,
        None
    );
    input.official_on = NaiveDate::from_ymd_opt(2025, 11, 30);
    let saved = store.update_member(member, &input, today()).unwrap();
    let notice = saved.change_notice.unwrap();
    assert!(
        notice.contains("1 cuộc họp đã thông qua biên bản (05/01/2026)"),
        "{notice}"
    );
}

/// The plain text of a paragraph block.
fn paragraph_text(block: &chibo_export::Block) -> String {
    match block {
        chibo_export::Block::Paragraph { runs } => runs.iter().map(|r| r.text.as_str()).collect(),
        _ => String::new(),
    }
}

#[test]
fn a_thematic_title_keeps_its_capitals_and_a_sentence_starts_with_one() {
    let mut store = common::open_in_memory().unwrap();
    let branch = store.create_demo_roster(today()).unwrap().id;
    let thematic = common::plan_2026(&mut store, branch)
        .into_iter()
        .find(|m| m.kind == chibo_core::meeting::MeetingKind::Thematic)
        .unwrap()
        .id;
    let mut input = store.meeting_detail(thematic).unwrap().meeting;
    input.title = "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh".into();
    input.actual_start = None;
    input.planned_start = None;
    store.update_meeting(thematic, &input, today()).unwrap();
    store
        .issue_notice(thematic, Some(input.date), today())
        .unwrap();

    let notice = store
        .official_document(thematic, MeetingDocument::Notice)
        .unwrap();
    assert_eq!(
        notice.summary.as_deref(),
        Some("Về việc tổ chức học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh")
    );
    let first = paragraph_text(&notice.body[0]);
    assert!(
        first.contains("tổ chức học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"),
        "{first}"
    );

    // No opening time: the minutes' first sentence starts with the date, in capitals.
    let minutes = store
        .official_document(thematic, MeetingDocument::Minutes)
        .unwrap();
    let first = paragraph_text(&minutes.body[0]);
    assert!(first.starts_with("Ngày "), "{first}");
    assert!(first.ends_with("phong cách Hồ Chí Minh."), "{first}");
}

#[test]
fn the_summary_of_a_regular_meeting_writes_the_month_as_the_date_line_does() {
    let (mut store, meetings, _) = held();
    for meeting in [meetings[1], meetings[3]] {
        let date = store.meeting_detail(meeting).unwrap().meeting.date;
        store.issue_notice(meeting, Some(date), today()).unwrap();
    }
    // meetings[3] is April's regular meeting.
    let notice = store
        .official_document(meetings[3], MeetingDocument::Notice)
        .unwrap();
    assert_eq!(
        notice.summary.as_deref(),
        Some("Về việc tổ chức sinh hoạt chi bộ thường kỳ tháng 4 năm 2026")
    );
    let february = store
        .official_document(meetings[1], MeetingDocument::Notice)
        .unwrap();
    assert_eq!(
        february.summary.as_deref(),
        Some("Về việc tổ chức sinh hoạt chi bộ thường kỳ tháng 02 năm 2026")
    );
}

#[test]
fn minutes_approved_out_of_meeting_order_are_warned_and_keep_the_numbers_given() {
    let (mut store, meetings, _) = held();
    assert_eq!(store.minutes(meetings[0]).unwrap().numbering_note, None);
    let february = store.approve_minutes(meetings[1]).unwrap();
    assert_eq!(february.number.as_deref(), Some("01-BB/CB"));
    assert_eq!(february.numbering_note, None);

    let january = store.minutes(meetings[0]).unwrap();
    let note = january
        .numbering_note
        .expect("January comes before a numbered February");
    assert!(
        note.contains("05/02/2026 đã mang số 01-BB/CB") && note.contains("sẽ nhận số 02-BB/CB"),
        "{note}"
    );
    let january = store.approve_minutes(meetings[0]).unwrap();
    assert_eq!(january.number.as_deref(), Some("02-BB/CB"));
    assert_eq!(january.numbering_note, None);
    assert_eq!(
        store.minutes(meetings[1]).unwrap().number.as_deref(),
        Some("01-BB/CB")
    );
}

/// The notice is a document of its own: its number in the TB/CB series and its issue date,
/// not the meeting date (before, it printed the meeting date and no number).
#[test]
fn the_notice_carries_its_own_number_and_issue_date_and_keeps_them() {
    let (mut store, meetings, _) = held();
    let february = store.meeting_detail(meetings[1]).unwrap().meeting.date;
    assert_eq!(store.minutes(meetings[1]).unwrap().notice, None);
    let unissued = store
        .official_document(meetings[1], MeetingDocument::Notice)
        .unwrap_err();
    assert_eq!(unissued.field(), Some("issued_on"));

    // A meeting that is over has no honest default date.
    let late = store.issue_notice(meetings[1], None, today()).unwrap_err();
    assert_eq!(late.field(), Some("issued_on"));
    let after = store
        .issue_notice(meetings[1], february.succ_opt(), today())
        .unwrap_err();
    assert_eq!(after.field(), Some("issued_on"));
    assert_eq!(store.notice_issue(meetings[1]).unwrap(), None);

    let issued = store
        .issue_notice(meetings[1], Some(d(2026, 1, 30)), today())
        .unwrap();
    assert_eq!(issued.number, "01-TB/CB");
    let doc = store
        .official_document(meetings[1], MeetingDocument::Notice)
        .unwrap();
    assert_eq!(doc.number.as_deref(), Some("01-TB/CB"));
    assert_eq!(doc.date, d(2026, 1, 30));
    assert_ne!(doc.date, february);

    // Printing again keeps the number and the date; the next notice takes the next number.
    assert_eq!(
        store.issue_notice(meetings[1], None, today()).unwrap(),
        issued
    );
    let january = store
        .issue_notice(meetings[0], Some(d(2026, 1, 2)), today())
        .unwrap();
    assert_eq!(january.number, "02-TB/CB");
    // A corrected date keeps the number.
    let corrected = store
        .issue_notice(meetings[1], Some(d(2026, 2, 2)), today())
        .unwrap();
    assert_eq!(
        (corrected.number.as_str(), corrected.issued_on),
        ("01-TB/CB", d(2026, 2, 2))
    );
    assert_eq!(store.minutes(meetings[1]).unwrap().notice, Some(corrected));

    // A meeting still ahead is issued today by default.
    let december = store
        .meetings_of_year(store.meeting_detail(meetings[0]).unwrap().branch_id, 2026)
        .unwrap()
        .into_iter()
        .find(|m| m.date > today())
        .unwrap();
    let ahead = store.issue_notice(december.id, None, today()).unwrap();
    assert_eq!(
        (ahead.number.as_str(), ahead.issued_on),
        ("03-TB/CB", today())
    );
}
