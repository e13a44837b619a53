//! Warnings about the branch's meetings (HD 12-HD/BTCTW quality criteria, Điều lệ art. 24):
//! in the calendar year of `today`, a held meeting not above the attendance threshold, with a
//! member absent without an accepted reason, or shorter than the minimum length, and a past
//! planned meeting left without its outcome; since the branch's records begin, every month
//! over without a held regular meeting and every quarter over without a held thematic one
//! (December and the fourth quarter are over on 1 January).

use chrono::{Datelike, NaiveDate};

use crate::attendance::RollCallCounts;
use crate::dates::format_dmy;
use crate::meeting::{MeetingKind, MeetingStatus};
use crate::rates::percent_text;
use crate::settings::RuleSettings;
use crate::warnings::{Severity, Warning, WarningKind};

const MONTHLY_BASIS: &str = "Điều lệ Đảng, Điều 24";
const THEMATIC_BASIS: &str = "HD 12-HD/BTCTW";
/// The quality criteria of a branch meeting.
const QUALITY_BASIS: &str = "HD 12-HD/BTCTW (18/01/2018)";

/// What the meeting rules need to know about one meeting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingFacts {
    pub id: i64,
    pub kind: MeetingKind,
    pub date: NaiveDate,
    pub status: MeetingStatus,
    /// The roll call's counters, once one is taken.
    pub counts: Option<RollCallCounts>,
    /// Members summoned and absent without an accepted reason.
    pub absent_without_reason: Vec<String>,
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

/// Warnings on the branch's meetings on `today`. `since` is the first day the branch has
/// meeting records: months and quarters before it are not judged.
pub fn meeting_warnings(
    meetings: &[MeetingFacts],
    since: NaiveDate,
    today: NaiveDate,
    rules: &RuleSettings,
) -> Vec<Warning> {
    let this_year: Vec<&MeetingFacts> = meetings
        .iter()
        .filter(|m| m.date.year() == today.year() && m.date <= today)
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
    warnings.extend(period_warnings(meetings, since, today));
    warnings
}

/// Months and quarters over since `since` without their held meeting, each judged once.
fn period_warnings(meetings: &[MeetingFacts], since: NaiveDate, today: NaiveDate) -> Vec<Warning> {
    let held = |kind: MeetingKind, year: i32, months: std::ops::RangeInclusive<u32>| {
        meetings.iter().any(|m| {
            m.kind == kind
                && m.status == MeetingStatus::Held
                && m.date.year() == year
                && months.contains(&m.date.month())
        })
    };
    let over = |year: i32, last_month: u32| (year, last_month) < (today.year(), today.month());
    let mut warnings = Vec::new();
    for year in since.year()..=today.year() {
        let first_month = if year == since.year() {
            since.month()
        } else {
            1
        };
        for month in first_month..=12 {
            if over(year, month) && !held(MeetingKind::Regular, year, month..=month) {
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
            let started = (year, quarter * 3) >= (since.year(), since.month());
            if started && over(year, quarter * 3) && !held(MeetingKind::Thematic, year, months) {
                warnings.push(period_warning(
                    WarningKind::QuarterWithoutThematic,
                    format!(
                        "Quý {quarter}/{year} chi bộ chưa có cuộc sinh hoạt chuyên đề \
                         (ít nhất mỗi quý một lần, {THEMATIC_BASIS})."
                    ),
                ));
            }
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
    if let Some(counts) = meeting.counts.as_ref().filter(|c| c.below_attendance) {
        warnings.push(meeting_warning(
            WarningKind::LowAttendance,
            meeting,
            format!(
                "{}: {}/{} đảng viên được triệu tập dự họp ({}), chưa trên mức {}% ({}).",
                label(meeting),
                counts.present(),
                counts.summoned,
                percent_text(counts.present(), counts.summoned).unwrap_or_default(),
                threshold.value,
                threshold.basis
            ),
        ));
    }
    if !meeting.absent_without_reason.is_empty() {
        warnings.push(meeting_warning(
            WarningKind::AbsentWithoutReason,
            meeting,
            format!(
                "{}: {} đảng viên vắng không có lý do được chấp nhận ({}); tiêu chí chất lượng \
                 là không có đảng viên vắng không lý do ({QUALITY_BASIS}).",
                label(meeting),
                meeting.absent_without_reason.len(),
                meeting.absent_without_reason.join(", ")
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
            counts: Some(counts(18, 20)),
            absent_without_reason: Vec::new(),
            length_minutes: Some(120),
        }
    }

    /// The counters of a roll call with `present` of `summoned` official members present.
    fn counts(present: u32, summoned: u32) -> RollCallCounts {
        let rules = RuleSettings::default();
        RollCallCounts {
            summoned,
            present_official: present,
            below_attendance: !crate::rates::above_percent(
                present,
                summoned,
                rules.attendance_warning_percent.value,
            ),
            ..RollCallCounts::default()
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
    fn attendance_at_the_threshold_warns_and_just_above_it_does_not() {
        let rules = RuleSettings::default();
        let mut year = full_year(3);
        // 17/20 is exactly 85 %: not above 85 %.
        year[0].counts = Some(counts(17, 20));
        year[1].counts = Some(counts(18, 20));
        // 9/11 = 81,8 %: the message keeps the decimal.
        year[2].counts = Some(counts(9, 11));
        let w = meeting_warnings(&year, d(1, 1), d(3, 27), &rules);
        assert_eq!(kinds(&w), vec![WarningKind::LowAttendance; 2]);
        assert_eq!(w[0].meeting_id, Some(year[0].id));
        assert!(w[0].message.contains("05/01/2026"));
        assert!(w[0].message.contains("17/20") && w[0].message.contains("(85%)"));
        assert!(w[1].message.contains("81,8%"), "{}", w[1].message);
    }

    #[test]
    fn a_member_absent_without_an_accepted_reason_is_a_meeting_warning() {
        let rules = RuleSettings::default();
        let mut year = full_year(3);
        year[0].absent_without_reason = vec!["Vàng A Páo".into(), "Lò Văn Hùng".into()];
        let w = meeting_warnings(&year, d(1, 1), d(3, 27), &rules);
        assert_eq!(kinds(&w), vec![WarningKind::AbsentWithoutReason]);
        assert!(w[0].message.contains("2 đảng viên"));
        assert!(w[0].message.contains("Vàng A Páo, Lò Văn Hùng"));
        assert!(w[0].message.contains("HD 12-HD/BTCTW"));
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
    fn december_and_the_fourth_quarter_are_judged_on_the_first_of_january() {
        let rules = RuleSettings::default();
        let mut year = full_year(12);
        year.retain(|m| m.date.month() != 12);
        let new_year = NaiveDate::from_ymd_opt(2027, 1, 1).unwrap();
        let w = meeting_warnings(&year, d(1, 1), d(12, 31), &rules);
        assert!(w.is_empty(), "December is not over on 31/12: {w:?}");
        let w = meeting_warnings(&year, d(1, 1), new_year, &rules);
        assert_eq!(kinds(&w), vec![WarningKind::MonthWithoutRegular]);
        assert!(w[0].message.contains("12/2026"));
        // Q4 had its thematic meeting in November; without it Q4 is flagged too, once.
        year.retain(|m| !(m.kind == MeetingKind::Thematic && m.date.month() == 11));
        let w = meeting_warnings(&year, d(1, 1), new_year, &rules);
        assert_eq!(
            kinds(&w),
            vec![
                WarningKind::MonthWithoutRegular,
                WarningKind::QuarterWithoutThematic
            ]
        );
        assert!(w[1].message.contains("Quý 4/2026"));
    }

    #[test]
    fn every_period_since_the_records_begin_is_judged_once() {
        let rules = RuleSettings::default();
        // Records from 05/11/2025; nothing held in December 2025 nor in January 2026.
        let mut meetings = vec![held(
            1,
            MeetingKind::Regular,
            NaiveDate::from_ymd_opt(2025, 11, 5).unwrap(),
        )];
        meetings.extend(full_year(3));
        meetings.retain(|m| m.date.month() != 1 || m.date.year() != 2026);
        let w = meeting_warnings(&meetings, meetings[0].date, d(3, 27), &rules);
        let months: Vec<&str> = w
            .iter()
            .filter(|w| w.kind == WarningKind::MonthWithoutRegular)
            .map(|w| w.message.as_str())
            .collect();
        assert_eq!(months.len(), 2, "{w:?}");
        assert!(months[0].contains("12/2025") && months[1].contains("01/2026"));
        // Q4/2025 began before the records (November): judged, no thematic meeting held.
        assert!(w
            .iter()
            .any(|w| w.kind == WarningKind::QuarterWithoutThematic
                && w.message.contains("Quý 4/2025")));
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
