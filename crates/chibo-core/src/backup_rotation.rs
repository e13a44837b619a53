//! Which automatic backups to keep: the newest of each of the last `keep_daily` days that
//! have one, and the newest of each of the last `keep_monthly` months that have one. The
//! rest can go, once a newer backup has been verified.

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDateTime};

/// How many backups to keep; the user can change both in the settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Retention {
    pub keep_daily: u32,
    pub keep_monthly: u32,
}

impl Default for Retention {
    fn default() -> Self {
        Self {
            keep_daily: 7,
            keep_monthly: 12,
        }
    }
}

/// The indexes of `taken` (backup times, in any order) to delete.
pub fn backups_to_delete(taken: &[NaiveDateTime], retention: Retention) -> Vec<usize> {
    let mut newest_first: Vec<usize> = (0..taken.len()).collect();
    newest_first.sort_by(|a, b| taken[*b].cmp(&taken[*a]));
    let mut days = BTreeSet::new();
    let mut months = BTreeSet::new();
    let mut keep = BTreeSet::new();
    for &i in &newest_first {
        let day = taken[i].date();
        let month = (day.year(), day.month());
        let new_day = !days.contains(&day) && days.len() < retention.keep_daily as usize;
        let new_month = !months.contains(&month) && months.len() < retention.keep_monthly as usize;
        if new_day {
            days.insert(day);
            keep.insert(i);
        }
        if new_month {
            months.insert(month);
            keep.insert(i);
        }
    }
    let mut delete: Vec<usize> = (0..taken.len()).filter(|i| !keep.contains(i)).collect();
    delete.sort_unstable();
    delete
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, NaiveDate};

    fn at(y: i32, m: u32, d: u32, h: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d)
            .and_then(|date| date.and_hms_opt(h, 0, 0))
            .unwrap_or_default()
    }

    #[test]
    fn two_backups_a_day_for_a_year_keep_seven_days_and_twelve_months() {
        let start = at(2025, 11, 29, 7);
        let taken: Vec<NaiveDateTime> = (0..365 * 2)
            .map(|n| start + Duration::hours(12 * n))
            .collect();
        let deleted = backups_to_delete(&taken, Retention::default());
        let kept: Vec<NaiveDateTime> = (0..taken.len())
            .filter(|i| !deleted.contains(i))
            .map(|i| taken[i])
            .collect();
        let newest = taken.iter().max().copied().unwrap_or_default();
        let recent_days: Vec<_> = (0..7).map(|n| newest.date() - Duration::days(n)).collect();
        for day in &recent_days {
            assert_eq!(kept.iter().filter(|t| t.date() == *day).count(), 1, "{day}");
        }
        let months: BTreeSet<_> = kept.iter().map(|t| (t.year(), t.month())).collect();
        assert_eq!(months.len(), 12);
        assert!(
            !months.contains(&(2025, 11)),
            "the thirteenth month back goes"
        );
        // This month's monthly backup is today's: 7 daily + 11 earlier months.
        assert_eq!(kept.len(), 18);
        assert!(kept.contains(&newest));
    }

    #[test]
    fn the_newest_of_a_day_is_the_one_kept() {
        let taken = [
            at(2026, 11, 28, 7),
            at(2026, 11, 28, 17),
            at(2026, 11, 27, 9),
        ];
        let retention = Retention {
            keep_daily: 1,
            keep_monthly: 0,
        };
        assert_eq!(backups_to_delete(&taken, retention), vec![0, 2]);
    }

    #[test]
    fn nothing_is_deleted_while_under_the_limits() {
        let taken = [at(2026, 11, 28, 7), at(2026, 11, 27, 7)];
        assert!(backups_to_delete(&taken, Retention::default()).is_empty());
    }
}
