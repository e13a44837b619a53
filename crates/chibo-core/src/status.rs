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

    /// An end that no later status undoes: deceased, removed, expelled. A transfer out is
    /// undone by a later transfer back in (the member's second period on the roll).
    pub fn is_final(self) -> bool {
        self.is_end() && self != StatusKind::TransferredOut
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

    pub(crate) fn last_day(&self) -> Option<NaiveDate> {
        if self.kind.is_period() {
            self.end
        } else {
            Some(self.start)
        }
    }
}

/// Days off this branch's roll after an end status: from the end status up to the day
/// before the member transfers back in, or for good.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OffRoll {
    pub kind: StatusKind,
    pub from: NaiveDate,
    /// The day the member is back on the roll (exclusive end); `None` for good.
    pub until: Option<NaiveDate>,
}

impl OffRoll {
    pub fn covers(&self, date: NaiveDate) -> bool {
        self.from <= date && self.until.is_none_or(|back| date < back)
    }
}

/// The member's spans off the roll, in date order. A transfer in closes the span opened by
/// the transfer out before it; a transfer in with no transfer out before it is the
/// member's first arrival and closes nothing.
pub fn off_roll_spans(statuses: &[MemberStatus]) -> Vec<OffRoll> {
    let mut events: Vec<&MemberStatus> = statuses
        .iter()
        .filter(|s| s.kind.is_end() || s.kind == StatusKind::TransferredIn)
        .collect();
    events.sort_by_key(|s| (s.start, s.id));
    let mut spans = Vec::new();
    let mut open: Option<OffRoll> = None;
    for event in events {
        match (event.kind, open) {
            (StatusKind::TransferredIn, Some(span)) if span.kind == StatusKind::TransferredOut => {
                spans.push(OffRoll {
                    until: Some(event.start),
                    ..span
                });
                open = None;
            }
            (kind, None) if kind.is_end() => {
                open = Some(OffRoll {
                    kind,
                    from: event.start,
                    until: None,
                })
            }
            _ => {}
        }
    }
    spans.extend(open);
    spans
}

/// The first day of the member's current stretch on the roll at `date`: the last return
/// (a transfer in that closed a span off the roll) on or before `date`, if any. A period
/// recorded before the member left does not continue after they come back.
pub fn returned_on(statuses: &[MemberStatus], date: NaiveDate) -> Option<NaiveDate> {
    off_roll_spans(statuses)
        .iter()
        .filter_map(|span| span.until)
        .filter(|back| *back <= date)
        .max()
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
        if let Some(ended) = existing
            .iter()
            .filter(|s| s.kind.is_final())
            .min_by_key(|s| s.start)
        {
            if input.kind.is_final() || input.start > ended.start {
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
        if is_transfer(input.kind) {
            check_transfer_order(&input, existing)?;
        } else {
            check_on_roll(&input, existing)?;
        }
        if input.kind.is_end() {
            check_nothing_after_leaving(&input, existing)?;
        }
        let overlap = existing
            .iter()
            .filter(|s| s.kind == input.kind && !is_transfer(s.kind))
            .find(|s| match input.kind.is_period() {
                true => periods_overlap(input.start, input.end, s),
                false => true,
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

fn is_transfer(kind: StatusKind) -> bool {
    matches!(kind, StatusKind::TransferredIn | StatusKind::TransferredOut)
}

/// Transfers out and in alternate: between two transfers out the member came back, and a
/// second transfer in follows a transfer out. Two transfers never share a day.
fn check_transfer_order(input: &StatusInput, existing: &[MemberStatus]) -> Result<(), FieldError> {
    let transfers: Vec<(NaiveDate, StatusKind)> = existing
        .iter()
        .filter(|s| is_transfer(s.kind))
        .map(|s| (s.start, s.kind))
        .collect();
    if let Some((day, kind)) = transfers.iter().find(|(day, _)| *day == input.start) {
        return Err(FieldError::new(
            "start",
            format!("Đã ghi \"{}\" ngày {}.", kind.label(), format_dmy(*day)),
        ));
    }
    let before = transfers
        .iter()
        .filter(|(day, _)| *day < input.start)
        .max_by_key(|(day, _)| *day)
        .copied();
    let after = transfers
        .iter()
        .filter(|(day, _)| *day > input.start)
        .min_by_key(|(day, _)| *day)
        .copied();
    let other = match input.kind {
        StatusKind::TransferredIn => StatusKind::TransferredOut,
        _ => StatusKind::TransferredIn,
    };
    for (day, kind) in [before, after].into_iter().flatten() {
        if kind == input.kind {
            return Err(FieldError::new(
                "start",
                format!(
                    "Đã ghi \"{}\" ngày {}; giữa hai lần \"{}\" phải có một lần \"{}\".",
                    kind.label(),
                    format_dmy(day),
                    kind.label(),
                    other.label()
                ),
            ));
        }
    }
    Ok(())
}

/// A status other than a transfer starts while the member is on the roll, and a period
/// ends before they leave.
fn check_on_roll(input: &StatusInput, existing: &[MemberStatus]) -> Result<(), FieldError> {
    let spans = off_roll_spans(existing);
    if let Some(span) = spans.iter().find(|span| span.covers(input.start)) {
        let advice = match span.kind {
            StatusKind::TransferredOut => {
                " Nếu đảng viên đã trở lại, hãy ghi \"Chuyển sinh hoạt đến\" trước."
            }
            _ => "",
        };
        return Err(FieldError::new(
            "kind",
            format!(
                "Ngày {} đảng viên không còn thuộc chi bộ (\"{}\" từ {}).{advice}",
                format_dmy(input.start),
                span.kind.label(),
                format_dmy(span.from)
            ),
        ));
    }
    if let Some(end) = input.end {
        if let Some(span) = spans
            .iter()
            .find(|span| span.from > input.start && span.from <= end)
        {
            return Err(FieldError::new(
                "end",
                format!(
                    "Đảng viên rời chi bộ từ {} (\"{}\"); ngày kết thúc phải trước ngày đó.",
                    format_dmy(span.from),
                    span.kind.label()
                ),
            ));
        }
    }
    Ok(())
}

/// Leaving (a transfer out or a final end) comes after every status of the stretch on the
/// roll it ends: up to the next return for a transfer out, for good otherwise.
fn check_nothing_after_leaving(
    input: &StatusInput,
    existing: &[MemberStatus],
) -> Result<(), FieldError> {
    let next_return = match input.kind {
        StatusKind::TransferredOut => existing
            .iter()
            .filter(|s| s.kind == StatusKind::TransferredIn && s.start > input.start)
            .map(|s| s.start)
            .min(),
        _ => None,
    };
    let later = existing
        .iter()
        .filter(|s| !(input.kind == StatusKind::TransferredOut && is_transfer(s.kind)))
        .filter(|s| next_return.is_none_or(|back| s.start < back))
        .filter_map(|s| match s.last_day() {
            Some(last) if last > input.start => Some(last),
            None if s.start > input.start => Some(s.start),
            _ => None,
        })
        .max();
    match later {
        Some(later) => Err(FieldError::new(
            "start",
            format!(
                "Đã có biến động đến {}; biến động kết thúc phải từ ngày đó trở đi.",
                format_dmy(later)
            ),
        )),
        None => Ok(()),
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
    #[test]
    fn a_member_who_transferred_out_can_come_back_for_a_second_period() {
        let mut out = stored(StatusKind::TransferredOut, d(2018, 3, 1), None);
        out.id = 2;
        let existing = [out.clone()];
        let err = check(input(StatusKind::Exempted, d(2019, 1, 1), None), &existing).unwrap_err();
        assert_eq!(err.field, "kind");
        assert!(
            err.message.contains("Chuyển sinh hoạt đến"),
            "{}",
            err.message
        );
        assert_eq!(
            check(
                input(StatusKind::TransferredOut, d(2020, 1, 1), None),
                &existing
            )
            .unwrap_err()
            .field,
            "start"
        );
        assert_eq!(
            check(
                input(StatusKind::TransferredIn, d(2018, 3, 1), None),
                &existing
            )
            .unwrap_err()
            .field,
            "start"
        );
        assert!(check(
            input(StatusKind::TransferredIn, d(2018, 3, 2), None),
            &existing
        )
        .is_ok());

        let back = stored(StatusKind::TransferredIn, d(2022, 5, 1), None);
        let existing = [out, back];
        assert!(check(input(StatusKind::Exempted, d(2023, 1, 1), None), &existing).is_ok());
        assert_eq!(
            check(input(StatusKind::Exempted, d(2022, 4, 30), None), &existing)
                .unwrap_err()
                .field,
            "kind"
        );
        assert_eq!(
            check(
                input(StatusKind::TransferredIn, d(2024, 1, 1), None),
                &existing
            )
            .unwrap_err()
            .field,
            "start"
        );
        assert!(check(
            input(StatusKind::TransferredOut, d(2024, 1, 1), None),
            &existing
        )
        .is_ok());
        assert!(check(input(StatusKind::Deceased, d(2024, 1, 1), None), &existing).is_ok());
        assert_eq!(
            check(input(StatusKind::Deceased, d(2020, 1, 1), None), &existing)
                .unwrap_err()
                .field,
            "kind"
        );
    }

    #[test]
    fn a_period_must_end_before_the_member_leaves() {
        let existing = [stored(StatusKind::TransferredOut, d(2018, 3, 1), None)];
        assert!(check(
            input(StatusKind::SentAway, d(2017, 1, 1), Some(d(2018, 2, 28))),
            &existing
        )
        .is_ok());
        assert_eq!(
            check(
                input(StatusKind::SentAway, d(2017, 1, 1), Some(d(2018, 3, 1))),
                &existing
            )
            .unwrap_err()
            .field,
            "end"
        );
    }

    #[test]
    fn a_transfer_in_closes_only_the_span_of_a_transfer_out() {
        let spans = off_roll_spans(&[
            stored(StatusKind::TransferredIn, d(2010, 1, 1), None),
            stored(StatusKind::TransferredOut, d(2018, 3, 1), None),
            stored(StatusKind::TransferredIn, d(2022, 5, 1), None),
            stored(StatusKind::Deceased, d(2025, 7, 1), None),
        ]);
        assert_eq!(
            spans,
            vec![
                OffRoll {
                    kind: StatusKind::TransferredOut,
                    from: d(2018, 3, 1),
                    until: Some(d(2022, 5, 1))
                },
                OffRoll {
                    kind: StatusKind::Deceased,
                    from: d(2025, 7, 1),
                    until: None
                },
            ]
        );
        assert!(spans[0].covers(d(2022, 4, 30)));
        assert!(!spans[0].covers(d(2022, 5, 1)));
    }
}
