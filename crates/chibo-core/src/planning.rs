//! Planning a year of meetings: the monthly regular meeting on a day rule ("ngày 5 hằng
//! tháng", moved off Sundays if chosen) and one thematic meeting per quarter, without
//! duplicating what is already scheduled.

use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::meeting::MeetingKind;
use crate::validation::FieldError;

/// The day of the month the regular meeting falls on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DayRule {
    /// 1–31; a short month takes its last day.
    pub day: u32,
    /// A date falling on a Sunday moves to the Monday after.
    pub avoid_sunday: bool,
}

impl DayRule {
    pub fn validate(&self) -> Result<(), FieldError> {
        if !(1..=31).contains(&self.day) {
            return Err(FieldError::new(
                "day",
                "Ngày họp hằng tháng phải từ 1 đến 31.",
            ));
        }
        Ok(())
    }

    /// The rule's date in one month.
    pub fn date_in(&self, year: i32, month: u32) -> Option<NaiveDate> {
        let last_day = (28..=31)
            .rev()
            .find(|d| NaiveDate::from_ymd_opt(year, month, *d).is_some())?;
        let date = NaiveDate::from_ymd_opt(year, month, self.day.min(last_day))?;
        if self.avoid_sunday && date.weekday() == Weekday::Sun {
            return date.succ_opt();
        }
        Some(date)
    }
}

/// A meeting the plan adds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
pub struct PlannedMeeting {
    pub kind: MeetingKind,
    #[ts(type = "string")]
    pub date: NaiveDate,
}

fn quarter(date: NaiveDate) -> u32 {
    (date.month() - 1) / 3
}

/// The meetings to add to `year` so that every month has a regular meeting and every quarter
/// a thematic one. `existing` are the meetings already recorded (any status: a postponed or
/// cancelled meeting is the secretary's decision and is not replaced). Thematic meetings
/// share the sitting of the middle month's regular meeting.
pub fn plan_year(
    year: i32,
    rule: DayRule,
    existing: &[(MeetingKind, NaiveDate)],
) -> Vec<PlannedMeeting> {
    let in_year = |kind: MeetingKind| {
        existing
            .iter()
            .filter(move |(k, d)| *k == kind && d.year() == year)
            .map(|(_, d)| *d)
    };
    let mut plan = Vec::new();
    for month in 1..=12 {
        if in_year(MeetingKind::Regular).any(|d| d.month() == month) {
            continue;
        }
        if let Some(date) = rule.date_in(year, month) {
            plan.push(PlannedMeeting {
                kind: MeetingKind::Regular,
                date,
            });
        }
    }
    for q in 0..4 {
        if in_year(MeetingKind::Thematic).any(|d| quarter(d) == q) {
            continue;
        }
        if let Some(date) = rule.date_in(year, q * 3 + 2) {
            plan.push(PlannedMeeting {
                kind: MeetingKind::Thematic,
                date,
            });
        }
    }
    plan.sort_by_key(|m| (m.date, m.kind != MeetingKind::Regular));
    plan
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    const FIFTH: DayRule = DayRule {
        day: 5,
        avoid_sunday: true,
    };

    #[test]
    fn a_year_gets_twelve_regular_and_four_thematic_meetings() {
        let plan = plan_year(2026, FIFTH, &[]);
        assert_eq!(
            plan.iter()
                .filter(|m| m.kind == MeetingKind::Regular)
                .count(),
            12
        );
        let thematic: Vec<_> = plan
            .iter()
            .filter(|m| m.kind == MeetingKind::Thematic)
            .map(|m| m.date.month())
            .collect();
        assert_eq!(thematic, [2, 5, 8, 11]);
    }

    #[test]
    fn a_sunday_moves_to_monday_when_chosen() {
        // 05/04/2026 is a Sunday.
        assert_eq!(FIFTH.date_in(2026, 4), Some(d(2026, 4, 6)));
        let keep = DayRule {
            day: 5,
            avoid_sunday: false,
        };
        assert_eq!(keep.date_in(2026, 4), Some(d(2026, 4, 5)));
    }

    #[test]
    fn day_31_falls_on_the_last_day_of_short_months() {
        let rule = DayRule {
            day: 31,
            avoid_sunday: false,
        };
        assert_eq!(rule.date_in(2026, 2), Some(d(2026, 2, 28)));
        assert_eq!(rule.date_in(2028, 2), Some(d(2028, 2, 29)));
        assert_eq!(rule.date_in(2026, 4), Some(d(2026, 4, 30)));
    }

    #[test]
    fn planning_again_adds_nothing() {
        let first = plan_year(2026, FIFTH, &[]);
        let existing: Vec<_> = first.iter().map(|m| (m.kind, m.date)).collect();
        assert!(plan_year(2026, FIFTH, &existing).is_empty());
    }

    #[test]
    fn months_and_quarters_already_covered_are_skipped() {
        let existing = [
            (MeetingKind::Regular, d(2026, 3, 12)),
            (MeetingKind::Thematic, d(2026, 1, 20)),
        ];
        let plan = plan_year(2026, FIFTH, &existing);
        assert!(!plan
            .iter()
            .any(|m| m.kind == MeetingKind::Regular && m.date.month() == 3));
        assert!(!plan
            .iter()
            .any(|m| m.kind == MeetingKind::Thematic && m.date.month() <= 3));
        assert_eq!(plan.len(), 11 + 3);
        // Last year's meetings do not count for this year.
        let last_year = [(MeetingKind::Regular, d(2025, 3, 5))];
        assert_eq!(plan_year(2026, FIFTH, &last_year).len(), 16);
    }

    #[test]
    fn a_day_outside_the_month_is_rejected() {
        assert_eq!(
            DayRule {
                day: 0,
                avoid_sunday: true
            }
            .validate()
            .unwrap_err()
            .field,
            "day"
        );
        assert!(DayRule {
            day: 32,
            avoid_sunday: true
        }
        .validate()
        .is_err());
    }
}
