//! Warnings about the branch's meetings in the calendar year of `today` (HD 12-HD/BTCTW
//! quality criteria, Điều lệ art. 24): a held meeting below the attendance threshold or
//! shorter than the minimum length, a month over without a held regular meeting, a quarter
//! over without a held thematic one, and a past planned meeting left without its outcome.

use chrono::{Datelike, NaiveDate};

use crate::dates::format_dmy;
use crate::meeting::{MeetingKind, MeetingStatus};
use crate::settings::RuleSettings;
use crate::warnings::{Severity, Warning, WarningKind};

const MONTHLY_BASIS: &str = "Điều lệ Đảng, Điều 24";
const THEMATIC_BASIS: &str = "HD 12-HD/BTCTW";

/// What the meeting rules need to know about one meeting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingFacts {
    pub id: i64,
    pub kind: MeetingKind,
    pub date: NaiveDate,
    pub status: MeetingStatus,
    /// Attendance of those summoned, once a roll call is taken.
    pub attendance_percent: Option<u32>,
    pub length_minutes: Option<i64>,
}

fn meeting_warning(kind: WarningKind, meeting: &MeetingFacts, message: String) -> Warning {
    Warning {
        kind,
        severity: Severity::Warning,
        member_id: None,
        meeting_id: Some(meeting.id),
        message,
        due: None,
    }
}

fn label(meeting: &MeetingFacts) -> String {
    format!("{} ngày {}", meeting.kind.label(), format_dmy(meeting.date))
}

/// Warnings on the meetings of `today`'s year. `since` is the first day the branch has
/// meeting records: months and quarters before it are not judged.
pub fn meeting_warnings(
    meetings: &[MeetingFacts],
    since: NaiveDate,
    today: NaiveDate,
    rules: &RuleSettings,
) -> Vec<Warning> {
    let year = today.year();
    let this_year: Vec<&MeetingFacts> = meetings
        .iter()
        .filter(|m| m.date.year() == year && m.date <= today)
        .collect();
    let mut warnings = Vec::new();
    for meeting in &this_year {
        match meeting.status {
            MeetingStatus::Held => {
                warnings.extend(held_meeting_warnings(meeting, &this_year, rules))
            }
            MeetingStatus::Planned if meeting.date < today => warnings.push(Warning {
                severity: Severity::Notice,
                ..meeting_warning(
                    WarningKind::MeetingNotRecorded,
                    meeting,
                    format!(
                        "{} đã qua nhưng chưa ghi kết quả (đã họp, hoãn hay hủy).",
                        label(meeting)
                    ),
                )
            }),
            _ => {}
        }
    }
    let held = |kind: MeetingKind, months: std::ops::RangeInclusive<u32>| {
        this_year.iter().any(|m| {
            m.kind == kind && m.status == MeetingStatus::Held && months.contains(&m.date.month())
        })
    };
    let judged = |last_month: u32| {
        let after_start = (year, last_month) >= (since.year(), since.month());
        let over = (year, last_month) < (today.year(), today.month());
        after_start && over
    };
    for month in 1..=12 {
        if judged(month) && !held(MeetingKind::Regular, month..=month) {
            warnings.push(period_warning(
                WarningKind::MonthWithoutRegular,
                format!(
                    "Tháng {month:02}/{year} chi bộ chưa có cuộc sinh hoạt thường kỳ đã họp \
                     (chi bộ sinh hoạt mỗi tháng một lần, {MONTHLY_BASIS})."
                ),
            ));
        }
    }
    for quarter in 1..=4u32 {
        let months = quarter * 3 - 2..=quarter * 3;
        if judged(quarter * 3) && !held(MeetingKind::Thematic, months) {
            warnings.push(period_warning(
                WarningKind::QuarterWithoutThematic,
                format!(
                    "Quý {quarter}/{year} chi bộ chưa có cuộc sinh hoạt chuyên đề \
                     (ít nhất mỗi quý một lần, {THEMATIC_BASIS})."
                ),
            ));
        }
    }
    warnings
}

fn period_warning(kind: WarningKind, message: String) -> Warning {
    Warning {
        kind,
        severity: Severity::Warning,
        member_id: None,
        meeting_id: None,
        message,
        due: None,
    }
}

fn held_meeting_warnings(
    meeting: &MeetingFacts,
    this_year: &[&MeetingFacts],
    rules: &RuleSettings,
) -> Vec<Warning> {
    let mut warnings = Vec::new();
    let threshold = &rules.attendance_warning_percent;
    if let Some(percent) = meeting.attendance_percent.filter(|p| *p < threshold.value) {
        warnings.push(meeting_warning(
            WarningKind::LowAttendance,
            meeting,
            format!(
                "{}: tỷ lệ dự họp {percent}%, dưới mức {}% ({}).",
                label(meeting),
                threshold.value,
                threshold.basis
            ),
        ));
    }
    let combined = matches!(meeting.kind, MeetingKind::Regular | MeetingKind::Thematic)
        && this_year.iter().any(|other| {
            other.id != meeting.id
                && other.date == meeting.date
                && other.status == MeetingStatus::Held
                && matches!(
                    (meeting.kind, other.kind),
                    (MeetingKind::Regular, MeetingKind::Thematic)
                        | (MeetingKind::Thematic, MeetingKind::Regular)
                )
        });
    let minimum = if combined {
        &rules.min_combined_meeting_minutes
    } else {
        &rules.min_meeting_minutes
    };
    if let Some(minutes) = meeting
        .length_minutes
        .filter(|m| *m < i64::from(minimum.value))
    {
        let sitting = if combined {
            " (thường kỳ và chuyên đề chung một buổi)"
        } else {
            ""
        };
        warnings.push(meeting_warning(
            WarningKind::MeetingTooShort,
            meeting,
            format!(
                "{}: họp {minutes} phút, ít hơn {} phút{sitting} ({}).",
                label(meeting),
                minimum.value,
                minimum.basis
            ),
        ));
    }
    warnings
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    fn held(id: i64, kind: MeetingKind, date: NaiveDate) -> MeetingFacts {
        MeetingFacts {
            id,
            kind,
            date,
            status: MeetingStatus::Held,
            attendance_percent: Some(90),
            length_minutes: Some(120),
        }
    }

    /// A full year to `until`: every month a regular meeting, every quarter a thematic one on
    /// its own day.
    fn full_year(until: u32) -> Vec<MeetingFacts> {
        (1..=until)
            .flat_map(|m| {
                let mut v = vec![held(i64::from(m), MeetingKind::Regular, d(m, 5))];
                if m % 3 == 2 {
                    v.push(held(100 + i64::from(m), MeetingKind::Thematic, d(m, 20)));
                }
                v
            })
            .collect()
    }

    fn kinds(warnings: &[Warning]) -> Vec<WarningKind> {
        warnings.iter().map(|w| w.kind).collect()
    }

    #[test]
    fn a_complete_year_raises_nothing() {
        let rules = RuleSettings::default();
        let w = meeting_warnings(&full_year(11), d(1, 1), d(11, 27), &rules);
        assert!(w.is_empty(), "{w:?}");
    }

    #[test]
    fn attendance_just_below_the_threshold_warns_and_at_it_does_not() {
        let rules = RuleSettings::default();
        let mut year = full_year(3);
        year[0].attendance_percent = Some(rules.attendance_warning_percent.value - 1);
        year[1].attendance_percent = Some(rules.attendance_warning_percent.value);
        let w = meeting_warnings(&year, d(1, 1), d(3, 27), &rules);
        assert_eq!(kinds(&w), vec![WarningKind::LowAttendance]);
        assert_eq!(w[0].meeting_id, Some(year[0].id));
        assert!(w[0].message.contains("05/01/2026"));
    }

    #[test]
    fn length_is_judged_against_90_or_120_for_a_shared_sitting() {
        let rules = RuleSettings::default();
        let mut year = full_year(3);
        year[0].length_minutes = Some(89);
        year[2].length_minutes = Some(90);
        let w = meeting_warnings(&year, d(1, 1), d(3, 27), &rules);
        assert_eq!(kinds(&w), vec![WarningKind::MeetingTooShort]);
        assert_eq!(w[0].meeting_id, Some(1));
        // The regular and thematic meetings of February share one sitting of 110 minutes.
        let mut shared = full_year(3);
        shared[2].date = d(2, 5);
        shared[1].length_minutes = Some(110);
        shared[2].length_minutes = Some(110);
        let w = meeting_warnings(&shared, d(1, 1), d(3, 27), &rules);
        assert_eq!(kinds(&w), vec![WarningKind::MeetingTooShort; 2]);
        assert!(w[0].message.contains("120"), "{}", w[0].message);
    }

    #[test]
    fn a_month_is_judged_once_over_and_only_from_the_first_records() {
        let rules = RuleSettings::default();
        let mut year = full_year(11);
        year.retain(|m| m.date.month() != 4 && m.date.month() != 11);
        let w = meeting_warnings(&year, d(1, 1), d(11, 27), &rules);
        assert_eq!(kinds(&w), vec![WarningKind::MonthWithoutRegular]);
        assert!(w[0].message.contains("04/2026"));
        // Records that start in May do not judge April.
        let w = meeting_warnings(&year, d(5, 5), d(11, 27), &rules);
        assert!(w.is_empty(), "{w:?}");
        // On 01/12 November is over.
        let w = meeting_warnings(&year, d(5, 5), d(12, 1), &rules);
        assert_eq!(kinds(&w), vec![WarningKind::MonthWithoutRegular]);
    }

    #[test]
    fn a_quarter_without_a_held_thematic_meeting_warns_when_over() {
        let rules = RuleSettings::default();
        let mut year = full_year(9);
        year.retain(|m| !(m.kind == MeetingKind::Thematic && m.date.month() == 5));
        let w = meeting_warnings(&year, d(1, 1), d(6, 30), &rules);
        assert!(w.is_empty(), "June is not over yet: {w:?}");
        let w = meeting_warnings(&year, d(1, 1), d(7, 1), &rules);
        assert_eq!(kinds(&w), vec![WarningKind::QuarterWithoutThematic]);
        assert!(w[0].message.contains("Quý 2/2026"));
    }

    #[test]
    fn a_past_planned_or_cancelled_regular_meeting_does_not_count_as_held() {
        let rules = RuleSettings::default();
        let mut year = full_year(2);
        year[0].status = MeetingStatus::Planned;
        let w = meeting_warnings(&year, d(1, 1), d(2, 10), &rules);
        assert_eq!(
            kinds(&w),
            vec![
                WarningKind::MeetingNotRecorded,
                WarningKind::MonthWithoutRegular
            ]
        );
        assert_eq!(w[0].severity, Severity::Notice);
        year[0].status = MeetingStatus::Cancelled;
        let w = meeting_warnings(&year, d(1, 1), d(2, 10), &rules);
        assert_eq!(kinds(&w), vec![WarningKind::MonthWithoutRegular]);
    }
}
