//! A member's attendance over time: per calendar year and over a range, with the rate and
//! the excused and unexcused counts.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use ts_rs::TS;

use crate::attendance::Presence;
use crate::meeting::MeetingKind;
use crate::rates::percent_text;

/// One meeting the member was marked at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct AttendanceEntry {
    #[ts(type = "number")]
    pub meeting_id: i64,
    #[ts(type = "string")]
    pub date: NaiveDate,
    pub kind: MeetingKind,
    pub title: String,
    pub presence: Presence,
    pub reason: String,
    pub reason_accepted: bool,
}

/// Counts over a set of roll calls.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, TS)]
pub struct AttendanceStats {
    /// Roll calls the member was marked at.
    pub meetings: u32,
    /// Present, late or left early.
    pub attended: u32,
    pub late: u32,
    pub left_early: u32,
    pub excused: u32,
    pub unexcused: u32,
    /// Attended out of marked ("66,6%", cut to one decimal as every rate is:
    /// `rates::percent_text`); `null` without any roll call.
    pub rate: Option<String>,
}

/// One calendar year of a member's attendance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct YearAttendance {
    pub year: i32,
    pub stats: AttendanceStats,
}

/// Adds up the entries.
pub fn summarise<'a>(entries: impl IntoIterator<Item = &'a AttendanceEntry>) -> AttendanceStats {
    let mut stats = AttendanceStats::default();
    for entry in entries {
        stats.meetings += 1;
        match entry.presence {
            Presence::Present => stats.attended += 1,
            Presence::Late => {
                stats.attended += 1;
                stats.late += 1;
            }
            Presence::LeftEarly => {
                stats.attended += 1;
                stats.left_early += 1;
            }
            Presence::Excused => stats.excused += 1,
            Presence::Unexcused => stats.unexcused += 1,
        }
    }
    stats.rate = percent_text(stats.attended, stats.meetings);
    stats
}

/// The entries' counts per calendar year, the latest year first.
pub fn by_year(entries: &[AttendanceEntry]) -> Vec<YearAttendance> {
    let mut years: BTreeMap<i32, Vec<&AttendanceEntry>> = BTreeMap::new();
    for entry in entries {
        years.entry(entry.date.year()).or_default().push(entry);
    }
    years
        .into_iter()
        .rev()
        .map(|(year, entries)| YearAttendance {
            year,
            stats: summarise(entries),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(y: i32, m: u32, presence: Presence) -> AttendanceEntry {
        AttendanceEntry {
            meeting_id: i64::from(m),
            date: NaiveDate::from_ymd_opt(y, m, 5).unwrap(),
            kind: MeetingKind::Regular,
            title: String::new(),
            presence,
            reason: String::new(),
            reason_accepted: false,
        }
    }

    #[test]
    fn late_and_early_count_as_attended_and_the_rate_rounds_down() {
        let entries = [
            entry(2026, 1, Presence::Present),
            entry(2026, 2, Presence::Late),
            entry(2026, 3, Presence::LeftEarly),
            entry(2026, 4, Presence::Excused),
            entry(2026, 5, Presence::Unexcused),
            entry(2026, 6, Presence::Unexcused),
        ];
        let stats = summarise(&entries);
        assert_eq!(stats.meetings, 6);
        assert_eq!(stats.attended, 3);
        assert_eq!((stats.late, stats.left_early), (1, 1));
        assert_eq!((stats.excused, stats.unexcused), (1, 2));
        assert_eq!(stats.rate.as_deref(), Some("50%"));
        assert_eq!(summarise(&[]).rate, None);
    }

    #[test]
    fn years_are_split_latest_first() {
        let entries = [
            entry(2025, 12, Presence::Unexcused),
            entry(2026, 1, Presence::Present),
            entry(2026, 2, Presence::Present),
        ];
        let years = by_year(&entries);
        assert_eq!(years.len(), 2);
        assert_eq!(years[0].year, 2026);
        assert_eq!(years[0].stats.rate.as_deref(), Some("100%"));
        assert_eq!(years[1].stats.unexcused, 1);
    }
}
