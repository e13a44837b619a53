//! The demo branch's meetings: last year and this year planned on the 5th, every meeting up
//! to today held with its roll call (a few excused absences), a documents register, guests at
//! the thematic meetings, a year-end review. Every held meeting has approved minutes; the
//! latest is being amended (a draft of version 2).
//!
//! The year's first two regular meetings carry the warnings the demo is meant to show (they
//! count per calendar year, so from the day of the second one on): one member absent without
//! reason at both (one more and the flag goes up), and the second one short and below the
//! attendance threshold (harvest time).

use chibo_core::attendance::{Mark, Presence};
use chibo_core::document::DocumentInput;
use chibo_core::meeting::{MeetingKind, MeetingStatus};
use chibo_core::meeting_input::{Guest, MeetingInput};
use chibo_core::minutes::{Opinion, QualityScore, Resolution, ResolutionKind, Task};
use chibo_core::planning::DayRule;
use chrono::{Datelike, Days, NaiveDate, NaiveTime};

use crate::error::{Error, Result};
use crate::meeting_documents::{DocumentFormat, MeetingDocument};
use crate::store::Store;

/// Indexes into the demo members.
const CHAIR: usize = 0;
const MINUTES_TAKER: usize = 2;
/// Vàng A Páo: two unexcused absences this year.
pub(crate) const HEADING_FOR_FLAG: usize = 24;

/// The regular meeting of this year (counted from 1) that is short and poorly attended.
const HARVEST_MEETING: usize = 2;

const PLACE: &str = "Nhà văn hóa thôn Bản Chắt";

const EXCUSES: &[&str] = &[
    "Ốm, có báo trước",
    "Đi làm ăn xa",
    "Chăm người nhà nằm viện",
    "Đi công tác theo phân công của xã",
];

fn documents(today: NaiveDate) -> [DocumentInput; 3] {
    let doc = |number: &str, issued: Option<NaiveDate>, issuer: &str, title: &str| DocumentInput {
        number: number.into(),
        issued_on: issued,
        issuer: issuer.into(),
        title: title.into(),
    };
    [
        doc(
            "21-KL/TW",
            NaiveDate::from_ymd_opt(2021, 10, 25),
            "Ban Chấp hành Trung ương",
            "Kết luận về đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính trị; kiên quyết \
             ngăn chặn, đẩy lùi, xử lý nghiêm cán bộ, đảng viên suy thoái về tư tưởng chính trị, \
             đạo đức, lối sống, biểu hiện \"tự diễn biến\", \"tự chuyển hóa\"",
        ),
        doc(
            "04-NQ/TW",
            NaiveDate::from_ymd_opt(2016, 10, 30),
            "Ban Chấp hành Trung ương",
            "Nghị quyết Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng khóa XII về tăng \
             cường xây dựng, chỉnh đốn Đảng",
        ),
        doc(
            "44-KH/TU",
            NaiveDate::from_ymd_opt(today.year() - 1, 3, 12).filter(|d| *d <= today),
            "Tỉnh ủy",
            "Kế hoạch học tập, quán triệt và triển khai thực hiện các chuyên đề năm",
        ),
    ]
}

fn time(h: u32, m: u32) -> Option<NaiveTime> {
    NaiveTime::from_hms_opt(h, m, 0)
}

impl Store {
    /// Adds the demo meetings to the demo branch whose members are `ids`.
    pub(crate) fn add_demo_meetings(
        &mut self,
        branch_id: i64,
        ids: &[i64],
        today: NaiveDate,
    ) -> Result<()> {
        let mut document_ids = Vec::new();
        for document in documents(today) {
            document_ids.push(self.create_document(branch_id, &document, today)?.id);
        }
        let rule = DayRule {
            day: 5,
            avoid_sunday: true,
            avoid_holidays: true,
        };
        let mut held_this_year = 0;
        let mut last_held = None;
        for year in [today.year() - 1, today.year()] {
            self.plan_year(branch_id, year, rule)?;
            if year < today.year() {
                self.add_year_end_review(branch_id, year, ids, &document_ids, today)?;
            }
            for (n, summary) in self.meetings_of_year(branch_id, year)?.iter().enumerate() {
                if summary.date > today || summary.status != MeetingStatus::Planned {
                    continue;
                }
                let mut meeting = self.meeting_detail(summary.id)?.meeting;
                meeting.status = MeetingStatus::Held;
                meeting.place = PLACE.into();
                meeting.chair_id = Some(ids[CHAIR]);
                meeting.secretary_id = Some(ids[MINUTES_TAKER]);
                meeting.actual_start = time(7, 30);
                meeting.actual_end = time(9, 45);
                if meeting.kind == MeetingKind::Thematic {
                    meeting.title = format!(
                        "Chuyên đề: học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh \
                         — quý {} năm {year}",
                        (summary.date.month() - 1) / 3 + 1
                    );
                    meeting.document_ids = document_ids[..2].to_vec();
                    meeting.guests = vec![Guest {
                        name: "Lê Thị Thanh Hương".into(),
                        post: "Đảng ủy viên, phụ trách chi bộ".into(),
                        organisation: "Đảng ủy xã Tân Thành".into(),
                    }];
                }
                let this_year = year == today.year() && meeting.kind == MeetingKind::Regular;
                if this_year {
                    held_this_year += 1;
                    if held_this_year == HARVEST_MEETING {
                        // A short sitting: the length warning shows on the overview.
                        meeting.actual_end = time(8, 50);
                    }
                }
                self.update_meeting(summary.id, &meeting, today)?;
                self.save_demo_roll_call(
                    summary.id,
                    ids,
                    n,
                    this_year.then_some(held_this_year),
                    today,
                )?;
                self.add_demo_minutes(summary.id, true)?;
                // The notice went out five days ahead.
                self.issue_notice(
                    summary.id,
                    summary.date.checked_sub_days(Days::new(5)),
                    today,
                )?;
                last_held = Some(summary.id);
            }
        }
        // The latest meeting's minutes are still being written.
        if let Some(latest) = last_held {
            self.amend_minutes(latest, "Bổ sung ý kiến thảo luận còn thiếu")?;
            self.add_demo_attachment(latest)?;
        }
        Ok(())
    }

    /// The meeting notice, as the file a secretary would have attached; only when the
    /// store has a data folder to keep it in.
    fn add_demo_attachment(&mut self, meeting_id: i64) -> Result<()> {
        if self.data_dir().is_none() {
            return Ok(());
        }
        let folder = tempfile::tempdir()
            .map_err(|e| Error::io("Không tạo được thư mục tạm cho dữ liệu mẫu", &e))?;
        let notice = folder.path().join("Thông báo họp chi bộ.docx");
        self.export_meeting_document(
            meeting_id,
            MeetingDocument::Notice,
            DocumentFormat::Docx,
            &notice,
        )?;
        self.add_attachments(meeting_id, &[notice])?;
        Ok(())
    }

    fn add_year_end_review(
        &mut self,
        branch_id: i64,
        year: i32,
        ids: &[i64],
        document_ids: &[i64],
        today: NaiveDate,
    ) -> Result<()> {
        let Some(date) = NaiveDate::from_ymd_opt(year, 12, 20).filter(|d| *d <= today) else {
            return Ok(());
        };
        let review = MeetingInput {
            title: format!(
                "Kiểm điểm tự phê bình và phê bình năm {year}; tự soi, tự sửa theo Kết luận \
                 21-KL/TW"
            ),
            planned_start: time(7, 30),
            actual_start: time(7, 30),
            actual_end: time(10, 15),
            place: PLACE.into(),
            chair_id: Some(ids[CHAIR]),
            secretary_id: Some(ids[MINUTES_TAKER]),
            status: MeetingStatus::Held,
            document_ids: document_ids[..1].to_vec(),
            ..MeetingInput::new(MeetingKind::Review, date)
        };
        let id = self.create_meeting(branch_id, &review, today)?.id;
        self.save_demo_roll_call(id, ids, 0, None, today)?;
        self.add_demo_minutes(id, true)
    }

    /// Minutes written from the agenda: the presentation, an opinion from two members
    /// present, a conclusion, the vote on the resolution, a task; approved or left a draft.
    fn add_demo_minutes(&mut self, meeting_id: i64, approve: bool) -> Result<()> {
        let view = self.minutes(meeting_id)?;
        let mut content = view.content.clone();
        let speakers: Vec<i64> = view.present.iter().map(|m| m.id).collect();
        for (i, item) in content.items.iter_mut().enumerate() {
            // The review of last month's tasks comes pre-filled; it stays.
            if item.presented.is_empty() {
                item.presented = format!(
                    "Đồng chí chủ trì trình bày nội dung \"{}\"; chi bộ nghe và thảo luận.",
                    item.heading
                );
            }
            if let Some(speaker) = speakers.get(1 + (i * 3) % speakers.len().max(1)) {
                item.opinions.push(Opinion {
                    speaker_id: Some(*speaker),
                    text: "Nhất trí với nội dung trình bày; đề nghị phân công cụ thể người thực \
                           hiện và thời hạn hoàn thành."
                        .into(),
                });
            }
            item.conclusion = "Chi bộ thống nhất nội dung đã trình bày.".into();
        }
        content.resolutions = vec![Resolution {
            text: "Thông qua nghị quyết của chi bộ".into(),
            kind: ResolutionKind::Ordinary,
            votes_for: view.counts.voters_present,
            votes_against: 0,
            votes_other: 0,
        }];
        content.tasks = vec![Task {
            content: "Vận động các hộ gia đình tham gia vệ sinh môi trường, làm đường giao thông \
                      nông thôn"
                .into(),
            owner_id: speakers.first().copied(),
            deadline: None,
        }];
        content.quality = Some(QualityScore::Good);
        self.save_minutes(meeting_id, &content)?;
        if approve {
            self.approve_minutes(meeting_id)?;
        }
        Ok(())
    }

    /// Everyone summoned present, except: a few deterministic excused absences; at the
    /// second held regular meeting of this year five members away for the harvest; the
    /// member heading for the flag absent without reason at the first two of this year.
    fn save_demo_roll_call(
        &mut self,
        meeting_id: i64,
        ids: &[i64],
        salt: usize,
        held_this_year: Option<usize>,
        today: NaiveDate,
    ) -> Result<()> {
        let sheet = self.roll_call(meeting_id)?;
        let harvest = held_this_year == Some(HARVEST_MEETING);
        let mut marks: Vec<Mark> = sheet
            .summoned
            .iter()
            .enumerate()
            .map(|(i, line)| {
                let id = line.member.id;
                let unexcused =
                    id == ids[HEADING_FOR_FLAG] && held_this_year.is_some_and(|n| n <= 2);
                let excused = (harvest && i % 5 == 1) || (i * 7 + salt * 3).is_multiple_of(23);
                let (presence, reason) = if unexcused {
                    (Presence::Unexcused, "")
                } else if harvest && i % 5 == 1 {
                    (Presence::Excused, "Thu hoạch mùa vụ")
                } else if excused {
                    (Presence::Excused, EXCUSES[(i + salt) % EXCUSES.len()])
                } else if (i + salt).is_multiple_of(11) {
                    (Presence::Late, "")
                } else {
                    (Presence::Present, "")
                };
                Mark {
                    member_id: id,
                    presence,
                    reason: reason.into(),
                    reason_accepted: presence == Presence::Excused,
                }
            })
            .collect();
        // An exempted member who still comes now and then.
        if let Some(line) = sheet.exempted.first().filter(|_| salt.is_multiple_of(3)) {
            marks.push(Mark {
                member_id: line.member.id,
                presence: Presence::Present,
                reason: String::new(),
                reason_accepted: false,
            });
        }
        self.save_roll_call(meeting_id, &marks, today)?;
        Ok(())
    }
}
