//! Planning a year of meetings: the monthly regular meeting on a day rule ("ngày 5 hằng
//! tháng", moved off Sundays and public holidays if chosen, within its month) and one
//! thematic meeting per quarter, without duplicating what is already scheduled.

use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::holidays::HolidayCalendar;
use crate::meeting::MeetingKind;
use crate::validation::FieldError;

/// The day of the month the regular meeting falls on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DayRule {
    /// 1–31; a short month takes its last day.
    pub day: u32,
    /// A date falling on a Sunday moves to the next suitable day of the month.
    pub avoid_sunday: bool,
    /// A date falling on a public holiday moves to the next suitable day of the month.
    /// Rules stored before this choice existed read as `true`.
    #[serde(default = "avoid_holidays_by_default")]
    pub avoid_holidays: bool,
}

fn avoid_holidays_by_default() -> bool {
    true
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

    /// The rule's date in one month. A day to avoid moves to the next suitable day; with
    /// none left in the month, to the nearest suitable day before it; with none at all, it
    /// stays. A meeting never leaves its month.
    pub fn date_in(&self, year: i32, month: u32, calendar: &HolidayCalendar) -> Option<NaiveDate> {
        let last_day = (28..=31)
            .rev()
            .find(|d| NaiveDate::from_ymd_opt(year, month, *d).is_some())?;
        let day = self.day.min(last_day);
        let avoided = |date: &NaiveDate| {
            (self.avoid_sunday && date.weekday() == Weekday::Sun)
                || (self.avoid_holidays && calendar.is_holiday(*date))
        };
        (day..=last_day)
            .chain((1..day).rev())
            .filter_map(|d| NaiveDate::from_ymd_opt(year, month, d))
            .find(|date| !avoided(date))
            .or_else(|| NaiveDate::from_ymd_opt(year, month, day))
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
/// share the sitting of the middle month's regular meeting. `calendar` gives the public
/// holidays the rule may avoid.
pub fn plan_year(
    year: i32,
    rule: DayRule,
    calendar: &HolidayCalendar,
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
        if let Some(date) = rule.date_in(year, month, calendar) {
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
        if let Some(date) = rule.date_in(year, q * 3 + 2, calendar) {
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
    use crate::holidays::DayOffChange;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    const FIFTH: DayRule = DayRule {
        day: 5,
        avoid_sunday: true,
        avoid_holidays: true,
    };

    fn rule(day: u32, avoid_sunday: bool, avoid_holidays: bool) -> DayRule {
        DayRule {
            day,
            avoid_sunday,
            avoid_holidays,
        }
    }

    /// The rule's date with the statutory holidays only.
    fn date_in(rule: DayRule, year: i32, month: u32) -> Option<NaiveDate> {
        rule.date_in(year, month, &HolidayCalendar::default())
    }

    #[test]
    fn a_year_gets_twelve_regular_and_four_thematic_meetings() {
        let plan = plan_year(2026, FIFTH, &HolidayCalendar::default(), &[]);
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
        assert_eq!(date_in(FIFTH, 2026, 4), Some(d(2026, 4, 6)));
        assert_eq!(date_in(rule(5, false, true), 2026, 4), Some(d(2026, 4, 5)));
        // A Saturday stays.
        assert_eq!(date_in(rule(4, true, true), 2026, 4), Some(d(2026, 4, 4)));
    }

    #[test]
    fn day_31_falls_on_the_last_day_of_short_months() {
        let rule = rule(31, false, false);
        assert_eq!(date_in(rule, 2026, 2), Some(d(2026, 2, 28)));
        assert_eq!(date_in(rule, 2028, 2), Some(d(2028, 2, 29)));
        assert_eq!(date_in(rule, 2026, 4), Some(d(2026, 4, 30)));
    }

    #[test]
    fn the_last_day_on_a_sunday_moves_back_within_its_month() {
        // 31/05/2026 is a Sunday: Saturday 30/05, not Monday 01/06.
        assert_eq!(d(2026, 5, 31).weekday(), Weekday::Sun);
        assert_eq!(date_in(rule(31, true, true), 2026, 5), Some(d(2026, 5, 30)));
        assert_eq!(
            date_in(rule(31, false, true), 2026, 5),
            Some(d(2026, 5, 31))
        );
        // 28/02/2027 is a Sunday, the last day of a short month.
        assert_eq!(date_in(rule(30, true, true), 2027, 2), Some(d(2027, 2, 27)));
        // 30/05/2026, a Saturday, the day before: stays.
        assert_eq!(date_in(rule(30, true, true), 2026, 5), Some(d(2026, 5, 30)));
    }

    #[test]
    fn a_meeting_on_30_april_moves_back_and_on_1_may_moves_on() {
        // 30/04/2026 (Thursday) is a holiday and 01/05 is in the next month: Wednesday 29/04.
        assert_eq!(date_in(rule(30, true, true), 2026, 4), Some(d(2026, 4, 29)));
        assert_eq!(date_in(rule(29, true, true), 2026, 4), Some(d(2026, 4, 29)));
        assert_eq!(
            date_in(rule(30, true, false), 2026, 4),
            Some(d(2026, 4, 30))
        );
        // 01/05/2026 (Friday) is a holiday: Saturday 02/05.
        assert_eq!(date_in(rule(1, true, true), 2026, 5), Some(d(2026, 5, 2)));
        assert_eq!(date_in(rule(2, true, true), 2026, 5), Some(d(2026, 5, 2)));
    }

    #[test]
    fn a_meeting_on_national_day_moves_past_both_days_off() {
        // 01 and 02/09/2026 are off: Thursday 03/09.
        for day in [1, 2, 3] {
            assert_eq!(date_in(rule(day, true, true), 2026, 9), Some(d(2026, 9, 3)));
        }
        assert_eq!(date_in(rule(31, true, true), 2026, 8), Some(d(2026, 8, 31)));
        assert_eq!(date_in(rule(2, true, false), 2026, 9), Some(d(2026, 9, 2)));
        // The branch's table moves the second day to 03/09: Friday 04/09, and 01/09 is free.
        let table = HolidayCalendar {
            changes: vec![
                DayOffChange {
                    date: d(2026, 9, 1),
                    off: false,
                    note: "Làm việc".to_owned(),
                },
                DayOffChange {
                    date: d(2026, 9, 3),
                    off: true,
                    note: "Quốc khánh".to_owned(),
                },
            ],
        };
        assert_eq!(
            rule(2, true, true).date_in(2026, 9, &table),
            Some(d(2026, 9, 4))
        );
        assert_eq!(
            rule(1, true, true).date_in(2026, 9, &table),
            Some(d(2026, 9, 1))
        );
    }

    #[test]
    fn a_meeting_in_tet_moves_past_all_its_days() {
        // Tết 2027: 05/02 (29 tháng Chạp) to 09/02 (mùng 4), with the weekend 06–07/02.
        for day in 5..=9 {
            assert_eq!(
                date_in(rule(day, true, true), 2027, 2),
                Some(d(2027, 2, 10))
            );
        }
        assert_eq!(date_in(rule(4, true, true), 2027, 2), Some(d(2027, 2, 4)));
        assert_eq!(date_in(rule(10, true, true), 2027, 2), Some(d(2027, 2, 10)));
        assert_eq!(date_in(rule(5, true, false), 2027, 2), Some(d(2027, 2, 5)));
        // Holidays only: Saturday 06/02 is mùng 1 Tết, Sunday 07/02 too.
        assert_eq!(date_in(rule(6, false, false), 2027, 2), Some(d(2027, 2, 6)));
        // Tết 2026: 16/02 to 20/02, then Saturday 21/02; 15/02 is a Sunday.
        assert_eq!(date_in(rule(15, true, true), 2026, 2), Some(d(2026, 2, 21)));
        assert_eq!(
            date_in(rule(15, false, true), 2026, 2),
            Some(d(2026, 2, 15))
        );
        assert_eq!(date_in(rule(14, true, true), 2026, 2), Some(d(2026, 2, 14)));
        // The thematic meeting of the quarter shares the moved sitting.
        let plan = plan_year(2027, FIFTH, &HolidayCalendar::default(), &[]);
        let february: Vec<_> = plan.iter().filter(|m| m.date.month() == 2).collect();
        assert_eq!(february.len(), 2);
        assert!(february.iter().all(|m| m.date == d(2027, 2, 10)));
    }

    #[test]
    fn a_month_without_a_suitable_day_keeps_the_rule_date() {
        let changes = (1..=31)
            .map(|day| DayOffChange {
                date: d(2026, 3, day),
                off: true,
                note: "Nghỉ".to_owned(),
            })
            .collect();
        let all_off = HolidayCalendar { changes };
        assert_eq!(FIFTH.date_in(2026, 3, &all_off), Some(d(2026, 3, 5)));
        assert_eq!(FIFTH.date_in(2026, 4, &all_off), Some(d(2026, 4, 6)));
    }

    #[test]
    fn planning_again_adds_nothing() {
        let calendar = HolidayCalendar::default();
        for year in [2026, 2027] {
            let first = plan_year(year, FIFTH, &calendar, &[]);
            assert_eq!(first.len(), 16);
            let existing: Vec<_> = first.iter().map(|m| (m.kind, m.date)).collect();
            assert!(plan_year(year, FIFTH, &calendar, &existing).is_empty());
        }
    }

    #[test]
    fn months_and_quarters_already_covered_are_skipped() {
        let calendar = HolidayCalendar::default();
        let existing = [
            (MeetingKind::Regular, d(2026, 3, 12)),
            (MeetingKind::Thematic, d(2026, 1, 20)),
        ];
        let plan = plan_year(2026, FIFTH, &calendar, &existing);
        assert!(!plan
            .iter()
            .any(|m| m.kind == MeetingKind::Regular && m.date.month() == 3));
        assert!(!plan
            .iter()
            .any(|m| m.kind == MeetingKind::Thematic && m.date.month() <= 3));
        assert_eq!(plan.len(), 11 + 3);
        // Last year's meetings do not count for this year.
        let last_year = [(MeetingKind::Regular, d(2025, 3, 5))];
        assert_eq!(plan_year(2026, FIFTH, &calendar, &last_year).len(), 16);
    }

    #[test]
    fn a_day_outside_the_month_is_rejected() {
        assert_eq!(rule(0, true, true).validate().unwrap_err().field, "day");
        assert!(rule(32, true, true).validate().is_err());
        assert!(rule(1, true, true).validate().is_ok());
        assert!(rule(31, true, true).validate().is_ok());
    }

    #[test]
    fn a_stored_rule_without_the_holiday_choice_avoids_holidays() {
        let old: DayRule = serde_json::from_str(r#"{"day":5,"avoid_sunday":false}"#).unwrap();
        assert_eq!(old, rule(5, false, true));
        let kept: DayRule =
            serde_json::from_str(r#"{"day":5,"avoid_sunday":false,"avoid_holidays":false}"#)
                .unwrap();
        assert_eq!(kept, rule(5, false, false));
    }
}
