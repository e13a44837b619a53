//! Dated statuses of a member: exemption, temporary attachment here or elsewhere, transfer
//! in or out, and the end statuses (deceased, removed, expelled). Full membership is the
//! member's `official_on` date, not a status row.

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::dates::format_dmy;
use crate::settings::RuleSettings;
use crate::text::clean;
use crate::validation::{optional_text, FieldError};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum StatusKind {
    /// miễn công tác và sinh hoạt đảng
    Exempted,
    /// sinh hoạt tạm thời tại chi bộ (from another branch)
    AttachedHere,
    /// đi sinh hoạt tạm thời nơi khác
    SentAway,
    /// chuyển sinh hoạt đến
    TransferredIn,
    /// chuyển sinh hoạt đi
    TransferredOut,
    /// từ trần
    Deceased,
    /// xóa tên
    Removed,
    /// khai trừ
    Expelled,
}

impl StatusKind {
    pub const ALL: [StatusKind; 8] = [
        StatusKind::Exempted,
        StatusKind::AttachedHere,
        StatusKind::SentAway,
        StatusKind::TransferredIn,
        StatusKind::TransferredOut,
        StatusKind::Deceased,
        StatusKind::Removed,
        StatusKind::Expelled,
    ];

    pub fn label(self) -> &'static str {
        match self {
            StatusKind::Exempted => "Miễn công tác và sinh hoạt đảng",
            StatusKind::AttachedHere => "Sinh hoạt tạm thời tại chi bộ",
            StatusKind::SentAway => "Đi sinh hoạt tạm thời nơi khác",
            StatusKind::TransferredIn => "Chuyển sinh hoạt đến",
            StatusKind::TransferredOut => "Chuyển sinh hoạt đi",
            StatusKind::Deceased => "Từ trần",
            StatusKind::Removed => "Xóa tên",
            StatusKind::Expelled => "Khai trừ",
        }
    }

    /// After an end status the member is no longer on this branch's roll.
    pub fn is_end(self) -> bool {
        matches!(
            self,
            StatusKind::TransferredOut
                | StatusKind::Deceased
                | StatusKind::Removed
                | StatusKind::Expelled
        )
    }

    /// A period (start and an optional end) rather than a single event.
    pub fn is_period(self) -> bool {
        matches!(
            self,
            StatusKind::Exempted | StatusKind::AttachedHere | StatusKind::SentAway
        )
    }
}

/// What the user records.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct StatusInput {
    pub kind: StatusKind,
    #[ts(type = "string")]
    pub start: NaiveDate,
    /// Last day of a period, inclusive; always `null` for events.
    #[ts(type = "string | null")]
    pub end: Option<NaiveDate>,
    /// The resolution or decision, e.g. "Quyết định 12-QĐ/ĐU"
    pub reference: String,
    pub note: String,
}

/// A stored status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MemberStatus {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub member_id: i64,
    pub kind: StatusKind,
    #[ts(type = "string")]
    pub start: NaiveDate,
    #[ts(type = "string | null")]
    pub end: Option<NaiveDate>,
    pub reference: String,
    pub note: String,
}

impl MemberStatus {
    /// Whether the status holds on `date` (start and end inclusive).
    pub fn covers(&self, date: NaiveDate) -> bool {
        if self.kind.is_period() {
            self.start <= date && self.end.is_none_or(|end| date <= end)
        } else {
            self.start <= date
        }
    }

    fn last_day(&self) -> Option<NaiveDate> {
        if self.kind.is_period() {
            self.end
        } else {
            Some(self.start)
        }
    }
}

fn periods_overlap(a_start: NaiveDate, a_end: Option<NaiveDate>, b: &MemberStatus) -> bool {
    let before_b_ends = b.end.is_none_or(|end| a_start <= end);
    let after_b_starts = a_end.is_none_or(|end| b.start <= end);
    before_b_ends && after_b_starts
}

impl StatusInput {
    /// Checks a new status against the member's admission date and existing statuses.
    pub fn validated(
        &self,
        admitted_on: NaiveDate,
        existing: &[MemberStatus],
        today: NaiveDate,
        rules: &RuleSettings,
    ) -> Result<StatusInput, FieldError> {
        let input = StatusInput {
            reference: clean(&self.reference),
            note: self.note.trim().to_owned(),
            end: if self.kind.is_period() {
                self.end
            } else {
                None
            },
            ..self.clone()
        };
        optional_text("reference", "Số văn bản", &input.reference, 120)?;
        optional_text("note", "Ghi chú", &input.note, 1000)?;
        let label = input.kind.label();
        let latest = today
            .checked_add_days(Days::new(rules.status_future_days.value.into()))
            .unwrap_or(NaiveDate::MAX);
        if input.start > latest {
            return Err(FieldError::new(
                "start",
                format!(
                    "Ngày bắt đầu ({}) quá xa trong tương lai; chỉ ghi trước được đến {}.",
                    format_dmy(input.start),
                    format_dmy(latest)
                ),
            ));
        }
        if input.start < admitted_on && input.kind != StatusKind::TransferredIn {
            return Err(FieldError::new(
                "start",
                format!(
                    "{label}: ngày bắt đầu ({}) trước ngày vào Đảng ({}).",
                    format_dmy(input.start),
                    format_dmy(admitted_on)
                ),
            ));
        }
        if let Some(end) = input.end {
            if end < input.start {
                return Err(FieldError::new(
                    "end",
                    format!(
                        "Ngày kết thúc ({}) phải từ ngày bắt đầu ({}) trở đi.",
                        format_dmy(end),
                        format_dmy(input.start)
                    ),
                ));
            }
        }
        if let Some(ended) = existing.iter().find(|s| s.kind.is_end()) {
            if input.kind.is_end() || input.start > ended.start {
                return Err(FieldError::new(
                    "kind",
                    format!(
                        "Đảng viên đã có biến động \"{}\" từ {}; không ghi thêm biến động sau đó.",
                        ended.kind.label(),
                        format_dmy(ended.start)
                    ),
                ));
            }
        }
        if input.kind.is_end() {
            if let Some(later) = existing
                .iter()
                .filter_map(|s| s.last_day())
                .filter(|d| *d > input.start)
                .max()
            {
                return Err(FieldError::new(
                    "start",
                    format!(
                        "Đã có biến động đến {}; biến động kết thúc phải từ ngày đó trở đi.",
                        format_dmy(later)
                    ),
                ));
            }
        }
        let overlap = existing.iter().filter(|s| s.kind == input.kind).find(|s| {
            match input.kind.is_period() {
                true => periods_overlap(input.start, input.end, s),
                false => true,
            }
        });
        if let Some(other) = overlap {
            let message = if input.kind.is_period() {
                format!(
                    "Trùng thời gian với \"{}\" đã ghi từ {}.",
                    other.kind.label(),
                    format_dmy(other.start)
                )
            } else {
                format!(
                    "Đã ghi \"{}\" ngày {}.",
                    other.kind.label(),
                    format_dmy(other.start)
                )
            };
            return Err(FieldError::new("start", message));
        }
        Ok(input)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn stored(kind: StatusKind, start: NaiveDate, end: Option<NaiveDate>) -> MemberStatus {
        MemberStatus {
            id: 1,
            member_id: 1,
            kind,
            start,
            end,
            reference: String::new(),
            note: String::new(),
        }
    }

    fn input(kind: StatusKind, start: NaiveDate, end: Option<NaiveDate>) -> StatusInput {
        StatusInput {
            kind,
            start,
            end,
            reference: " 12-QĐ/ĐU ".into(),
            note: String::new(),
        }
    }

    fn check(new: StatusInput, existing: &[MemberStatus]) -> Result<StatusInput, FieldError> {
        new.validated(
            d(2000, 1, 1),
            existing,
            d(2026, 11, 27),
            &RuleSettings::default(),
        )
    }

    #[test]
    fn a_period_is_cleaned_and_an_event_loses_its_end() {
        let ok = check(input(StatusKind::Exempted, d(2024, 1, 1), None), &[]).unwrap();
        assert_eq!(ok.reference, "12-QĐ/ĐU");
        let event = check(
            input(StatusKind::Deceased, d(2025, 1, 1), Some(d(2025, 2, 1))),
            &[],
        )
        .unwrap();
        assert_eq!(event.end, None);
    }

    #[test]
    fn overlapping_periods_of_one_kind_are_rejected() {
        let existing = [stored(
            StatusKind::Exempted,
            d(2020, 1, 1),
            Some(d(2022, 12, 31)),
        )];
        let err = check(
            input(StatusKind::Exempted, d(2022, 12, 31), None),
            &existing,
        )
        .unwrap_err();
        assert_eq!(err.field, "start");
        assert!(check(input(StatusKind::Exempted, d(2023, 1, 1), None), &existing).is_ok());
        assert!(check(input(StatusKind::SentAway, d(2021, 1, 1), None), &existing).is_ok());
    }

    #[test]
    fn nothing_is_recorded_after_an_end_status() {
        let existing = [stored(StatusKind::Deceased, d(2024, 6, 1), None)];
        assert_eq!(
            check(input(StatusKind::Exempted, d(2024, 7, 1), None), &existing)
                .unwrap_err()
                .field,
            "kind"
        );
        assert_eq!(
            check(input(StatusKind::Removed, d(2023, 1, 1), None), &existing)
                .unwrap_err()
                .field,
            "kind"
        );
    }

    #[test]
    fn an_end_status_before_a_recorded_period_ends_is_rejected() {
        let existing = [stored(
            StatusKind::Exempted,
            d(2020, 1, 1),
            Some(d(2024, 12, 31)),
        )];
        let err = check(
            input(StatusKind::TransferredOut, d(2024, 6, 1), None),
            &existing,
        )
        .unwrap_err();
        assert_eq!(err.field, "start");
        assert!(check(
            input(StatusKind::TransferredOut, d(2025, 1, 1), None),
            &existing
        )
        .is_ok());
    }

    #[test]
    fn dates_out_of_order_or_too_far_ahead_are_rejected() {
        assert_eq!(
            check(
                input(StatusKind::Exempted, d(2024, 5, 1), Some(d(2024, 4, 30))),
                &[]
            )
            .unwrap_err()
            .field,
            "end"
        );
        assert_eq!(
            check(input(StatusKind::Exempted, d(2027, 1, 1), None), &[])
                .unwrap_err()
                .field,
            "start"
        );
        assert_eq!(
            check(input(StatusKind::Exempted, d(1999, 1, 1), None), &[])
                .unwrap_err()
                .field,
            "start"
        );
        assert!(check(input(StatusKind::Exempted, d(2026, 12, 28), None), &[]).is_ok());
    }

    #[test]
    fn a_period_covers_its_first_and_last_day() {
        let period = stored(StatusKind::Exempted, d(2025, 3, 5), Some(d(2025, 6, 30)));
        assert!(!period.covers(d(2025, 3, 4)));
        assert!(period.covers(d(2025, 3, 5)));
        assert!(period.covers(d(2025, 6, 30)));
        assert!(!period.covers(d(2025, 7, 1)));
    }
}
