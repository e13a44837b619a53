//! What the user enters for a meeting (kind, title, date and times, place, chair and thư ký,
//! guests, agenda, status, documents studied) and its validation against the branch and the
//! roster on the meeting's date.

use chrono::{Days, NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::dates::format_dmy;
use crate::meeting::{check_not_before, check_times, MeetingKind, MeetingStatus};
use crate::text::clean;
use crate::validation::{optional_text, required_text, FieldError};

pub const MAX_TITLE_CHARS: usize = 200;
pub const MAX_AGENDA_ITEMS: usize = 30;
pub const MAX_AGENDA_ITEM_CHARS: usize = 500;
pub const MAX_GUESTS: usize = 50;
pub const MAX_GUEST_TEXT_CHARS: usize = 120;
pub const MAX_STATUS_REASON_CHARS: usize = 300;
/// How far ahead a meeting can be scheduled.
pub const MAX_DAYS_AHEAD: u64 = 2 * 366;

/// A guest of the meeting (đại biểu, khách mời): not a member of the branch.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Guest {
    pub name: String,
    /// Chức vụ, e.g. "Phó Bí thư Đảng ủy"
    pub post: String,
    /// Đơn vị, e.g. "Đảng ủy xã Tân Thành"
    pub organisation: String,
}

/// A meeting as entered or edited.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MeetingInput {
    pub kind: MeetingKind,
    /// Chủ đề, e.g. "Tự soi, tự sửa theo Kết luận 21-KL/TW"
    pub title: String,
    #[ts(type = "string")]
    pub date: NaiveDate,
    #[ts(type = "string | null")]
    pub planned_start: Option<NaiveTime>,
    #[ts(type = "string | null")]
    pub planned_end: Option<NaiveTime>,
    #[ts(type = "string | null")]
    pub actual_start: Option<NaiveTime>,
    #[ts(type = "string | null")]
    pub actual_end: Option<NaiveTime>,
    pub place: String,
    /// Chủ trì: a member summoned on the meeting's date.
    #[ts(type = "number | null")]
    pub chair_id: Option<i64>,
    /// Thư ký: a member summoned on the meeting's date.
    #[ts(type = "number | null")]
    pub secretary_id: Option<i64>,
    pub guests: Vec<Guest>,
    /// The order of business, in order.
    pub agenda: Vec<String>,
    pub status: MeetingStatus,
    /// Why a meeting was postponed or cancelled.
    pub status_reason: String,
    /// Superior documents studied, from the branch's register.
    #[ts(type = "number[]")]
    pub document_ids: Vec<i64>,
}

/// What the rules need to know about the branch on the meeting's date.
pub struct MeetingContext<'a> {
    pub today: NaiveDate,
    /// The branch's founding date, or the Party's.
    pub earliest: NaiveDate,
    /// Members who may chair or take the minutes: summoned on the meeting's date.
    pub summoned: &'a [i64],
    /// Documents of the branch's register.
    pub documents: &'a [i64],
}

impl MeetingInput {
    /// A new meeting of `kind` on `date` with the standard agenda of its kind.
    pub fn new(kind: MeetingKind, date: NaiveDate) -> Self {
        MeetingInput {
            kind,
            title: String::new(),
            date,
            planned_start: None,
            planned_end: None,
            actual_start: None,
            actual_end: None,
            place: String::new(),
            chair_id: None,
            secretary_id: None,
            guests: Vec::new(),
            agenda: kind
                .default_agenda()
                .iter()
                .map(|s| (*s).to_owned())
                .collect(),
            status: MeetingStatus::Planned,
            status_reason: String::new(),
            document_ids: Vec::new(),
        }
    }

    /// Cleans every text and checks the meeting; the first problem is returned with its field.
    pub fn validated(&self, ctx: &MeetingContext<'_>) -> Result<MeetingInput, FieldError> {
        let title = clean(&self.title);
        required_text("title", "Chủ đề cuộc họp", &title, MAX_TITLE_CHARS)?;
        let place = clean(&self.place);
        optional_text("place", "Địa điểm", &place, MAX_TITLE_CHARS)?;
        check_not_before(self.date, Some(ctx.earliest))?;
        let latest = ctx.today + Days::new(MAX_DAYS_AHEAD);
        if self.date > latest {
            return Err(FieldError::new(
                "date",
                format!(
                    "Ngày họp quá xa: chỉ lên lịch được đến {}.",
                    format_dmy(latest)
                ),
            ));
        }
        check_times("planned_end", self.planned_start, self.planned_end)?;
        check_times("actual_end", self.actual_start, self.actual_end)?;
        self.check_status(ctx.today)?;
        for (field, id, role) in [
            ("chair_id", self.chair_id, "Người chủ trì"),
            ("secretary_id", self.secretary_id, "Thư ký"),
        ] {
            if id.is_some_and(|id| !ctx.summoned.contains(&id)) {
                return Err(FieldError::new(
                    field,
                    format!(
                        "{role} phải là đảng viên sinh hoạt tại chi bộ ngày {} (không miễn sinh hoạt, \
                         không chuyển đi).",
                        format_dmy(self.date)
                    ),
                ));
            }
        }
        let agenda = cleaned_agenda(&self.agenda)?;
        let guests = cleaned_guests(&self.guests)?;
        let mut document_ids = Vec::with_capacity(self.document_ids.len());
        for id in &self.document_ids {
            if !ctx.documents.contains(id) {
                return Err(FieldError::new(
                    "document_ids",
                    format!("Văn bản số {id} không có trong sổ văn bản của chi bộ."),
                ));
            }
            if !document_ids.contains(id) {
                document_ids.push(*id);
            }
        }
        let status_reason = match self.status {
            MeetingStatus::Postponed | MeetingStatus::Cancelled => clean(&self.status_reason),
            MeetingStatus::Planned | MeetingStatus::Held => String::new(),
        };
        Ok(MeetingInput {
            title,
            place,
            agenda,
            guests,
            document_ids,
            status_reason,
            ..self.clone()
        })
    }

    fn check_status(&self, today: NaiveDate) -> Result<(), FieldError> {
        match self.status {
            MeetingStatus::Held if self.date > today => Err(FieldError::new(
                "status",
                format!(
                    "Cuộc họp ngày {} chưa diễn ra nên chưa thể ghi \"đã họp\".",
                    format_dmy(self.date)
                ),
            )),
            MeetingStatus::Postponed | MeetingStatus::Cancelled => {
                let reason = clean(&self.status_reason);
                let label = if self.status == MeetingStatus::Postponed {
                    "Lý do hoãn"
                } else {
                    "Lý do hủy"
                };
                required_text("status_reason", label, &reason, MAX_STATUS_REASON_CHARS)
            }
            _ => Ok(()),
        }
    }
}

fn cleaned_agenda(items: &[String]) -> Result<Vec<String>, FieldError> {
    let agenda: Vec<String> = items
        .iter()
        .map(|item| clean(item))
        .filter(|item| !item.is_empty())
        .collect();
    if agenda.is_empty() {
        return Err(FieldError::new(
            "agenda",
            "Chương trình cuộc họp cần ít nhất một nội dung.",
        ));
    }
    if agenda.len() > MAX_AGENDA_ITEMS {
        return Err(FieldError::new(
            "agenda",
            format!("Chương trình có tối đa {MAX_AGENDA_ITEMS} nội dung."),
        ));
    }
    for (i, item) in agenda.iter().enumerate() {
        optional_text(
            "agenda",
            &format!("Nội dung {}", i + 1),
            item,
            MAX_AGENDA_ITEM_CHARS,
        )?;
    }
    Ok(agenda)
}

fn cleaned_guests(guests: &[Guest]) -> Result<Vec<Guest>, FieldError> {
    if guests.len() > MAX_GUESTS {
        return Err(FieldError::new(
            "guests",
            format!("Tối đa {MAX_GUESTS} đại biểu."),
        ));
    }
    guests
        .iter()
        .enumerate()
        .map(|(i, guest)| {
            let guest = Guest {
                name: clean(&guest.name),
                post: clean(&guest.post),
                organisation: clean(&guest.organisation),
            };
            let n = i + 1;
            required_text(
                "guests",
                &format!("Họ tên đại biểu thứ {n}"),
                &guest.name,
                MAX_GUEST_TEXT_CHARS,
            )?;
            optional_text(
                "guests",
                &format!("Chức vụ đại biểu thứ {n}"),
                &guest.post,
                MAX_GUEST_TEXT_CHARS,
            )?;
            optional_text(
                "guests",
                &format!("Đơn vị đại biểu thứ {n}"),
                &guest.organisation,
                MAX_GUEST_TEXT_CHARS,
            )?;
            Ok(guest)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn t(h: u32, m: u32) -> Option<NaiveTime> {
        NaiveTime::from_hms_opt(h, m, 0)
    }

    fn ctx() -> MeetingContext<'static> {
        MeetingContext {
            today: d(2026, 11, 27),
            earliest: d(1976, 3, 26),
            summoned: &[1, 2, 3],
            documents: &[10, 11],
        }
    }

    fn input() -> MeetingInput {
        MeetingInput {
            title: "  Sinh hoạt thường kỳ tháng 03  ".into(),
            chair_id: Some(1),
            secretary_id: Some(2),
            planned_start: t(7, 30),
            planned_end: t(9, 30),
            ..MeetingInput::new(MeetingKind::Regular, d(2026, 3, 5))
        }
    }

    #[test]
    fn a_valid_meeting_is_cleaned() {
        let valid = MeetingInput {
            agenda: vec!["  Mở đầu ".into(), "".into(), "Kết luận".into()],
            document_ids: vec![10, 10, 11],
            status_reason: "left over".into(),
            ..input()
        }
        .validated(&ctx())
        .unwrap();
        assert_eq!(valid.title, "Sinh hoạt thường kỳ tháng 03");
        assert_eq!(valid.agenda, vec!["Mở đầu", "Kết luận"]);
        assert_eq!(valid.document_ids, vec![10, 11]);
        assert_eq!(valid.status_reason, "");
    }

    #[test]
    fn a_date_before_the_branch_existed_is_rejected() {
        let err = MeetingInput {
            date: d(1976, 3, 25),
            ..input()
        }
        .validated(&ctx())
        .unwrap_err();
        assert_eq!(err.field, "date");
        assert!(err.message.contains("26/03/1976"), "{}", err.message);
        assert!(MeetingInput {
            date: d(1976, 3, 26),
            ..input()
        }
        .validated(&ctx())
        .is_ok());
    }

    #[test]
    fn an_end_before_the_start_is_rejected() {
        let err = MeetingInput {
            actual_start: t(9, 0),
            actual_end: t(8, 0),
            ..input()
        }
        .validated(&ctx())
        .unwrap_err();
        assert_eq!(err.field, "actual_end");
    }

    #[test]
    fn a_chair_not_summoned_that_day_is_rejected() {
        let err = MeetingInput {
            chair_id: Some(9),
            ..input()
        }
        .validated(&ctx())
        .unwrap_err();
        assert_eq!(err.field, "chair_id");
        assert!(err.message.contains("05/03/2026"));
        let err = MeetingInput {
            secretary_id: Some(9),
            ..input()
        }
        .validated(&ctx())
        .unwrap_err();
        assert_eq!(err.field, "secretary_id");
    }

    #[test]
    fn postponing_or_cancelling_needs_a_reason() {
        for status in [MeetingStatus::Postponed, MeetingStatus::Cancelled] {
            let err = MeetingInput { status, ..input() }
                .validated(&ctx())
                .unwrap_err();
            assert_eq!(err.field, "status_reason");
            let ok = MeetingInput {
                status,
                status_reason: " Mưa lũ ".into(),
                ..input()
            }
            .validated(&ctx())
            .unwrap();
            assert_eq!(ok.status_reason, "Mưa lũ");
        }
    }

    #[test]
    fn a_future_meeting_cannot_be_held_and_far_future_is_refused() {
        let err = MeetingInput {
            date: d(2026, 11, 28),
            status: MeetingStatus::Held,
            ..input()
        }
        .validated(&ctx())
        .unwrap_err();
        assert_eq!(err.field, "status");
        assert!(MeetingInput {
            date: d(2026, 11, 27),
            status: MeetingStatus::Held,
            ..input()
        }
        .validated(&ctx())
        .is_ok());
        let err = MeetingInput {
            date: d(2029, 1, 1),
            ..input()
        }
        .validated(&ctx())
        .unwrap_err();
        assert_eq!(err.field, "date");
    }

    #[test]
    fn agenda_guests_and_documents_are_checked() {
        let err = MeetingInput {
            agenda: vec![" ".into()],
            ..input()
        }
        .validated(&ctx())
        .unwrap_err();
        assert_eq!(err.field, "agenda");
        let err = MeetingInput {
            guests: vec![Guest {
                name: " ".into(),
                post: "Phó Bí thư".into(),
                organisation: String::new(),
            }],
            ..input()
        }
        .validated(&ctx())
        .unwrap_err();
        assert_eq!(err.field, "guests");
        assert!(err.message.contains("thứ 1"));
        let err = MeetingInput {
            document_ids: vec![12],
            ..input()
        }
        .validated(&ctx())
        .unwrap_err();
        assert_eq!(err.field, "document_ids");
        let err = MeetingInput {
            title: "".into(),
            ..input()
        }
        .validated(&ctx())
        .unwrap_err();
        assert_eq!(err.field, "title");
    }
}
