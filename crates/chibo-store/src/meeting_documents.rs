//! The printable documents of a meeting in the Party format (HD 36-HD/VPTW): the minutes,
//! the sign-in sheet and the meeting notice with its agenda, composed from the database and
//! rendered to DOCX or PDF by `chibo-export`, written atomically where the user chose.

use std::path::Path;

use chibo_core::attendance::absent_without_accepted_reason;
use chibo_core::dates::{format_dmy, party_date_words, party_month};
use chibo_core::meeting::MeetingKind;
use chibo_core::member::Role;
use chibo_core::minutes::{outcome_words, passes};
use chibo_core::roster::{RosterCounts, Standing};
use chibo_core::text::file_slug;
use chibo_core::validation::FieldError;
use chibo_export::{Block, Column, OfficialDocument, Run, Signature, Table};
use chrono::{Datelike, NaiveDate, NaiveTime, Timelike};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::atomic_file::write_atomic;
use crate::error::{Error, Result};
use crate::meeting_record::MeetingDetail;
use crate::minutes::{MinutesStatus, MinutesView};
use crate::roll_call::{RollCall, RollCallLine};
use crate::store::Store;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum MeetingDocument {
    /// Biên bản
    Minutes,
    /// Danh sách đảng viên dự sinh hoạt (to sign)
    SignInSheet,
    /// Thông báo và chương trình
    Notice,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DocumentFormat {
    Docx,
    Pdf,
}

impl DocumentFormat {
    pub fn extension(self) -> &'static str {
        match self {
            DocumentFormat::Docx => "docx",
            DocumentFormat::Pdf => "pdf",
        }
    }
}

fn time_words(time: NaiveTime) -> String {
    format!("{:02} giờ {:02} phút", time.hour(), time.minute())
}

/// "Sinh hoạt chi bộ thường kỳ tháng 02 năm 2026" ("tháng 4": the month as the date line
/// writes it), or the meeting's own title.
fn summary_line(detail: &MeetingDetail) -> String {
    let date = detail.meeting.date;
    match detail.meeting.kind {
        MeetingKind::Regular => format!(
            "Sinh hoạt chi bộ thường kỳ tháng {} năm {}",
            party_month(date.month()),
            date.year()
        ),
        _ => detail.meeting.title.clone(),
    }
}

/// The summary inside a sentence: its first letter in lower case, the rest as written
/// ("Học tập tư tưởng Hồ Chí Minh" → "học tập tư tưởng Hồ Chí Minh").
fn summary_in_sentence(detail: &MeetingDetail) -> String {
    let summary = summary_line(detail);
    let mut chars = summary.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => summary,
    }
}

/// A sentence with its first letter in upper case.
fn sentence(text: String) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => text,
    }
}

fn name_of(sheet: &RollCall, id: Option<i64>) -> String {
    id.and_then(|id| sheet.line_of(id).map(|l| l.member.full_name.clone()))
        .unwrap_or_default()
}

fn names(lines: &[&RollCallLine], with_reason: bool) -> String {
    let list: Vec<String> = lines
        .iter()
        .map(|line| match line.mark.as_ref() {
            Some(mark) if with_reason && !mark.reason.is_empty() => {
                format!("{} ({})", line.member.full_name, mark.reason)
            }
            _ => line.member.full_name.clone(),
        })
        .collect();
    if list.is_empty() {
        "không".into()
    } else {
        list.join(", ")
    }
}

fn label_value(label: &str, value: String) -> Block {
    Block::paragraph(vec![Run::bold(format!("{label}: ")), Run::plain(value)])
}

impl Store {
    /// What "export" does in the app and the CLI: checks `path`, issues the notice when it
    /// is the notice (dated `notice_issued_on`, see [`Store::issue_notice`]), then writes
    /// the document. Nothing is issued when the path is refused.
    pub fn print_meeting_document(
        &mut self,
        meeting_id: i64,
        document: MeetingDocument,
        format: DocumentFormat,
        path: &Path,
        notice_issued_on: Option<NaiveDate>,
        today: NaiveDate,
    ) -> Result<()> {
        self.check_output(path)?;
        match document {
            MeetingDocument::Notice => {
                self.issue_notice(meeting_id, notice_issued_on, today)?;
            }
            _ if notice_issued_on.is_some() => {
                return Err(FieldError::new(
                    "issued_on",
                    "Ngày ra thông báo chỉ dùng khi in thông báo.",
                )
                .into());
            }
            _ => {}
        }
        self.export_meeting_document(meeting_id, document, format, path)
    }

    /// Writes one of the meeting's documents to `path`, atomically.
    pub fn export_meeting_document(
        &self,
        meeting_id: i64,
        document: MeetingDocument,
        format: DocumentFormat,
        path: &Path,
    ) -> Result<()> {
        self.check_output(path)?;
        let official = self.official_document(meeting_id, document)?;
        let bytes = match format {
            DocumentFormat::Docx => chibo_export::official_docx(&official),
            DocumentFormat::Pdf => chibo_export::official_pdf(&official),
        }
        .map_err(|e| Error::Internal(e.to_string()))?;
        write_atomic(path, &bytes)
    }

    /// A file name for the document, e.g. `bien-ban-2026-02-05-chi-bo-thon-ban-chat.pdf`.
    pub fn meeting_document_file_name(
        &self,
        meeting_id: i64,
        document: MeetingDocument,
        format: DocumentFormat,
    ) -> Result<String> {
        let detail = self.meeting_detail(meeting_id)?;
        let branch = self.branch(detail.branch_id)?;
        let what = match document {
            MeetingDocument::Minutes => "bien-ban",
            MeetingDocument::SignInSheet => "danh-sach-ky",
            MeetingDocument::Notice => "thong-bao",
        };
        Ok(format!(
            "{what}-{}-{}.{}",
            detail.meeting.date,
            file_slug(&branch.name),
            format.extension()
        ))
    }

    /// The document composed from the meeting, its roll call and its minutes.
    pub fn official_document(
        &self,
        meeting_id: i64,
        document: MeetingDocument,
    ) -> Result<OfficialDocument> {
        let detail = self.meeting_detail(meeting_id)?;
        let branch = self.branch(detail.branch_id)?;
        let sheet = self.roll_call(meeting_id)?;
        let chair = name_of(&sheet, detail.meeting.chair_id);
        let head = OfficialDocument {
            superior: branch.parent_name.clone(),
            organisation: branch.name.clone(),
            number: None,
            place: branch.place.clone(),
            date: detail.meeting.date,
            title: String::new(),
            summary: Some(summary_line(&detail)),
            body: Vec::new(),
            signatures: Vec::new(),
        };
        Ok(match document {
            MeetingDocument::Minutes => {
                let minutes = self.minutes(meeting_id)?;
                OfficialDocument {
                    number: minutes.number.clone(),
                    title: "BIÊN BẢN".into(),
                    body: minutes_body(&branch.name, &detail, &sheet, &minutes),
                    signatures: vec![
                        Signature::new(["THƯ KÝ"], name_of(&sheet, detail.meeting.secretary_id)),
                        Signature::new(["CHỦ TRÌ"], chair),
                    ],
                    ..head
                }
            }
            MeetingDocument::SignInSheet => OfficialDocument {
                title: "DANH SÁCH ĐẢNG VIÊN DỰ SINH HOẠT".into(),
                body: sign_in_body(&detail, &sheet),
                signatures: vec![Signature::new(
                    ["T/M CHI BỘ", "BÍ THƯ"],
                    self.secretary_name(&sheet, chair),
                )],
                ..head
            },
            MeetingDocument::Notice => {
                let issue = self.notice_issue(meeting_id)?.ok_or_else(|| {
                    FieldError::new(
                        "issued_on",
                        "Thông báo chưa được ra: hãy ghi ngày ra thông báo trước khi in.",
                    )
                })?;
                OfficialDocument {
                    number: Some(issue.number),
                    date: issue.issued_on,
                    title: "THÔNG BÁO".into(),
                    summary: Some(format!("Về việc tổ chức {}", summary_in_sentence(&detail))),
                    body: notice_body(&branch.name, &detail),
                    signatures: vec![Signature::new(
                        ["T/M CHI BỘ", "BÍ THƯ"],
                        self.secretary_name(&sheet, chair),
                    )],
                    ..head
                }
            }
        })
    }

    /// The bí thư on the roll call, or the chair when the branch has none recorded.
    fn secretary_name(&self, sheet: &RollCall, chair: String) -> String {
        sheet
            .summoned
            .iter()
            .find(|l| l.member.role == Role::Secretary)
            .map(|l| l.member.full_name.clone())
            .unwrap_or(chair)
    }
}

fn minutes_body(
    branch: &str,
    detail: &MeetingDetail,
    sheet: &RollCall,
    minutes: &MinutesView,
) -> Vec<Block> {
    let meeting = &detail.meeting;
    let content = &minutes.content;
    let counts = &sheet.counts;
    let mut body = Vec::new();
    let opened = content
        .opened_at
        .or(meeting.actual_start)
        .map(|t| format!("Vào hồi {}, ", time_words(t)))
        .unwrap_or_default();
    body.push(Block::text(sentence(format!(
        "{opened}{}, tại {}, {branch} tiến hành {}.",
        party_date_words(meeting.date),
        if meeting.place.is_empty() {
            "trụ sở chi bộ"
        } else {
            &meeting.place
        },
        summary_in_sentence(detail)
    ))));
    body.push(Block::heading("I. THÀNH PHẦN"));
    let mut roll = RosterCounts::default();
    for line in sheet.lines() {
        roll.add(line.standing, line.attached_here);
    }
    let attached = if roll.attached_here > 0 {
        format!(
            "; trong đó {} đồng chí sinh hoạt tạm thời tại chi bộ",
            roll.attached_here
        )
    } else {
        String::new()
    };
    body.push(label_value(
        "Tổng số đảng viên của chi bộ",
        format!(
            "{} đồng chí (chính thức {}, dự bị {}, miễn sinh hoạt {}, sinh hoạt tạm thời nơi \
             khác {}){attached}",
            roll.total, roll.official, roll.probationary, roll.exempted, roll.sent_away
        ),
    ));
    let mut extra = String::new();
    if counts.present_exempted > 0 {
        extra.push_str(&format!(", miễn sinh hoạt {}", counts.present_exempted));
    }
    if counts.present_sent_away > 0 {
        extra.push_str(&format!(
            ", sinh hoạt tạm thời nơi khác {}",
            counts.present_sent_away
        ));
    }
    body.push(label_value(
        "Có mặt",
        format!(
            "{} đồng chí (chính thức {}, dự bị {}{extra})",
            counts.present() + counts.present_exempted + counts.present_sent_away,
            counts.present_official,
            counts.present_probationary,
        ),
    ));
    let absent = |without_reason: bool| -> Vec<&RollCallLine> {
        sheet
            .summoned
            .iter()
            .filter(|l| {
                l.mark.as_ref().is_some_and(|m| {
                    !m.presence.attended()
                        && absent_without_accepted_reason(m.presence, m.reason_accepted)
                            == without_reason
                })
            })
            .collect()
    };
    let excused = absent(false);
    let unexcused = absent(true);
    body.push(label_value(
        &format!("Vắng có lý do ({} đồng chí)", excused.len()),
        names(&excused, true),
    ));
    body.push(label_value(
        &format!(
            "Vắng không có lý do được chấp nhận ({} đồng chí)",
            unexcused.len()
        ),
        names(&unexcused, true),
    ));
    if !meeting.guests.is_empty() {
        let guests: Vec<String> = meeting
            .guests
            .iter()
            .map(|g| {
                [g.name.as_str(), g.post.as_str(), g.organisation.as_str()]
                    .iter()
                    .filter(|s| !s.is_empty())
                    .copied()
                    .collect::<Vec<_>>()
                    .join(", ")
            })
            .collect();
        body.push(label_value("Đại biểu dự", guests.join("; ")));
    }
    body.push(label_value(
        "Chủ trì",
        format!("đồng chí {}", name_of(sheet, meeting.chair_id)),
    ));
    body.push(label_value(
        "Thư ký",
        format!("đồng chí {}", name_of(sheet, meeting.secretary_id)),
    ));
    body.push(Block::heading("II. NỘI DUNG"));
    if !detail.documents.is_empty() {
        let studied: Vec<String> = detail
            .documents
            .iter()
            .map(|d| format!("{} ({})", d.number, d.title))
            .collect();
        body.push(label_value(
            "Văn bản của cấp trên được quán triệt",
            studied.join("; "),
        ));
    }
    for (i, item) in content.items.iter().enumerate() {
        body.push(Block::paragraph(vec![Run::bold(format!(
            "{}. {}",
            i + 1,
            item.heading
        ))]));
        if !item.presented.is_empty() {
            body.push(Block::text(item.presented.clone()));
        }
        for opinion in &item.opinions {
            body.push(Block::paragraph(vec![
                Run::italic(format!("Đồng chí {}: ", name_of(sheet, opinion.speaker_id))),
                Run::plain(opinion.text.clone()),
            ]));
        }
        if !item.conclusion.is_empty() {
            body.push(label_value("Kết luận", item.conclusion.clone()));
        }
    }
    if !content.resolutions.is_empty() {
        body.push(Block::heading("III. BIỂU QUYẾT"));
        for resolution in &content.resolutions {
            let outcome = outcome_words(passes(resolution, counts.vote_denominator));
            body.push(Block::text(format!(
                "{}: tán thành {}/{} đồng chí, không tán thành {}, ý kiến khác {}; {outcome}.",
                resolution.text,
                resolution.votes_for,
                counts.vote_denominator,
                resolution.votes_against,
                resolution.votes_other
            )));
        }
    }
    if !content.tasks.is_empty() {
        body.push(Block::heading("IV. NHIỆM VỤ"));
        body.push(Block::Table(Table {
            columns: vec![
                Column::new("STT", 8, true),
                Column::new("Nội dung", 52, false),
                Column::new("Người thực hiện", 24, false),
                Column::new("Thời hạn", 16, true),
            ],
            rows: content
                .tasks
                .iter()
                .enumerate()
                .map(|(i, task)| {
                    vec![
                        (i + 1).to_string(),
                        task.content.clone(),
                        name_of(sheet, task.owner_id),
                        task.deadline.map(format_dmy).unwrap_or_default(),
                    ]
                })
                .collect(),
            min_row_height_mm: None,
        }));
    }
    if let Some(quality) = content.quality {
        body.push(label_value(
            "Chi bộ tự đánh giá chất lượng sinh hoạt",
            quality.label().into(),
        ));
    }
    if minutes.status == MinutesStatus::Approved {
        body.push(Block::text(
            "Biên bản đã được đọc lại và thông qua trước chi bộ.",
        ));
    }
    if let Some(closed) = content.closed_at.or(meeting.actual_end) {
        let length = content
            .opened_at
            .or(meeting.actual_start)
            .and_then(|open| chibo_core::meeting::length_minutes(Some(open), Some(closed)))
            .map(|m| format!(" (thời lượng {m} phút)"))
            .unwrap_or_default();
        body.push(Block::text(format!(
            "Cuộc họp kết thúc vào hồi {} cùng ngày{length}.",
            time_words(closed)
        )));
    }
    body
}

fn sign_in_body(detail: &MeetingDetail, sheet: &RollCall) -> Vec<Block> {
    let when = detail
        .meeting
        .planned_start
        .map(|t| format!("{}, ", time_words(t)))
        .unwrap_or_default();
    let rows: Vec<Vec<String>> = sheet
        .summoned
        .iter()
        .map(|l| {
            (
                l,
                if l.standing == Standing::Probationary {
                    "Dự bị"
                } else {
                    ""
                },
            )
        })
        .chain(sheet.exempted.iter().map(|l| (l, "Miễn sinh hoạt")))
        .enumerate()
        .map(|(i, (line, note))| {
            vec![
                (i + 1).to_string(),
                line.member.full_name.clone(),
                note.to_owned(),
                String::new(),
            ]
        })
        .collect();
    vec![
        Block::text(format!(
            "Thời gian: {when}{}. Địa điểm: {}.",
            party_date_words(detail.meeting.date),
            detail.meeting.place
        )),
        Block::Table(Table {
            columns: vec![
                Column::new("STT", 8, true),
                Column::new("Họ và tên", 42, false),
                Column::new("Ghi chú", 20, true),
                Column::new("Ký tên", 30, false),
            ],
            rows,
            min_row_height_mm: Some(9),
        }),
    ]
}

fn notice_body(branch: &str, detail: &MeetingDetail) -> Vec<Block> {
    let meeting = &detail.meeting;
    let when = meeting
        .planned_start
        .map(|t| format!("vào hồi {}, ", time_words(t)))
        .unwrap_or_default();
    let mut body = vec![
        Block::text(format!(
            "{branch} thông báo tổ chức {} {when}{}, tại {}.",
            summary_in_sentence(detail),
            party_date_words(meeting.date),
            if meeting.place.is_empty() {
                "trụ sở chi bộ"
            } else {
                &meeting.place
            }
        )),
        Block::paragraph(vec![Run::bold("Nội dung:")]),
        Block::Numbered {
            items: meeting
                .agenda
                .iter()
                .map(|item| vec![Run::plain(item.clone())])
                .collect(),
        },
    ];
    if !detail.documents.is_empty() {
        let studied: Vec<String> = detail
            .documents
            .iter()
            .map(|d| format!("{}: {}", d.number, d.title))
            .collect();
        body.push(label_value("Tài liệu nghiên cứu trước", studied.join("; ")));
    }
    body.push(label_value(
        "Thành phần",
        "toàn thể đảng viên trong chi bộ; đảng viên được miễn sinh hoạt nếu có điều kiện".into(),
    ));
    body.push(Block::text(
        "Đề nghị các đồng chí đảng viên tham dự đầy đủ, đúng giờ; trường hợp vắng mặt phải báo cáo \
         lý do với bí thư chi bộ.",
    ));
    body
}
