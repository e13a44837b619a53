//! The one clock of Sổ tay Chi bộ: "today" and "now" for the desktop app, the CLI and the
//! demo, and the time stamped on stored records and backups. Nothing else reads the computer's
//! clock (the workspace's clippy.toml bans the clock calls everywhere but here).
//!
//! A process may pin the clock once, before it reads it: the CLI's `--today` (or
//! `CHIBO_TODAY`), the e2e build of the app, and every test. A pinned clock starts at 08:00 on
//! the pinned day and moves on with the time elapsed since it was pinned, so records written
//! one after another keep their order.
//!
//! Tests must pin it. When `CHIBO_FORBID_REAL_CLOCK` is set (`make test` sets it), a debug
//! build that reads the real clock panics, naming the way to pin it: a test that depends on the
//! day it runs fails on every day, not only on some.

use std::sync::OnceLock;
use std::time::Instant;

use chrono::{Local, NaiveDate, NaiveDateTime, NaiveTime, TimeZone};

/// Set by `make test`: reading the unpinned clock is then a bug of the test.
pub const FORBID_REAL_CLOCK_VAR: &str = "CHIBO_FORBID_REAL_CLOCK";

/// The day and time a pinned clock starts from, and when it was pinned.
#[derive(Debug, Clone, Copy)]
struct Pin {
    at: NaiveDateTime,
    since: Instant,
}

static PINNED: OnceLock<Pin> = OnceLock::new();

/// The time of day a pinned day starts at: office hours, far from midnight.
fn start_of_pinned_day(day: NaiveDate) -> NaiveDateTime {
    day.and_time(NaiveTime::from_hms_opt(8, 0, 0).unwrap_or(NaiveTime::MIN))
}

/// Pins this process's clock to `day`. Pinning again to the same day is allowed (every test
/// of a binary pins the same day); a different day is refused, and the clock stays as it was.
pub fn pin(day: NaiveDate) -> Result<(), NaiveDate> {
    let pin = PINNED.get_or_init(|| Pin {
        at: start_of_pinned_day(day),
        since: Instant::now(),
    });
    if pin.at.date() == day {
        Ok(())
    } else {
        Err(pin.at.date())
    }
}

/// The day the clock is pinned to, if it is.
pub fn pinned_day() -> Option<NaiveDate> {
    PINNED.get().map(|pin| pin.at.date())
}

/// Reads `YYYY-MM-DD` as a day to pin, with a Vietnamese message for anything else.
pub fn parse_day(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| {
        format!(
            "Ngày “{}” không hợp lệ: ghi theo dạng năm-tháng-ngày, ví dụ 2026-12-31.",
            text.trim()
        )
    })
}

/// The local date and time now: the pinned clock's, or the computer's.
pub fn now() -> NaiveDateTime {
    match PINNED.get() {
        Some(pin) => {
            let elapsed = chrono::Duration::from_std(pin.since.elapsed()).unwrap_or_default();
            pin.at + elapsed
        }
        None => unpinned_now(),
    }
}

#[cfg(not(test))]
fn unpinned_now() -> NaiveDateTime {
    real_now().naive_local()
}

/// The crate's own unit tests share one pinned day.
#[cfg(test)]
fn unpinned_now() -> NaiveDateTime {
    let _ = pin(tests::TEST_DAY);
    now()
}

/// Today's date: the pinned day (or later, if a pinned process outlives the day), or the
/// computer's.
pub fn today() -> NaiveDate {
    now().date()
}

/// Now as stored on records: ISO 8601 with the computer's UTC offset.
pub(crate) fn now_text() -> String {
    let now = now();
    match Local.from_local_datetime(&now).earliest() {
        Some(local) => local.format("%Y-%m-%dT%H:%M:%S%:z").to_string(),
        None => now.format("%Y-%m-%dT%H:%M:%S").to_string(),
    }
}

#[cfg_attr(test, allow(dead_code))]
#[allow(clippy::disallowed_methods)] // The one place that reads the computer's clock.
fn real_now() -> chrono::DateTime<Local> {
    if cfg!(debug_assertions) && std::env::var_os(FORBID_REAL_CLOCK_VAR).is_some() {
        // Reached only by a test that forgot to pin; a panic makes it fail on every day.
        panic!(
            "a test read the real clock ({FORBID_REAL_CLOCK_VAR} is set): pin it with \
             chibo_store::clock::pin, `chibo --today`, or CHIBO_TODAY for the app"
        );
    }
    Local::now()
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(super) const TEST_DAY: NaiveDate = match NaiveDate::from_ymd_opt(2026, 11, 27) {
        Some(day) => day,
        None => NaiveDate::MIN,
    };

    #[test]
    fn a_pinned_clock_starts_at_eight_on_its_day_and_moves_on() {
        let day = TEST_DAY;
        pin(day).unwrap();
        let first = now();
        assert_eq!(first.date(), day);
        assert!(first >= start_of_pinned_day(day));
        assert!(now() >= first);
        assert_eq!(today(), day);
        assert_eq!(pinned_day(), Some(day));
        assert!(now_text().starts_with("2026-11-27T08:"), "{}", now_text());
        // Again on the same day: fine; another day: refused, the pin stays.
        assert_eq!(pin(day), Ok(()));
        let other = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
        assert_eq!(pin(other), Err(day));
        assert_eq!(today(), day);
    }

    #[test]
    fn a_day_to_pin_is_read_as_year_month_day() {
        assert_eq!(
            parse_day(" 2026-12-31 "),
            Ok(NaiveDate::from_ymd_opt(2026, 12, 31).unwrap())
        );
        for bad in ["2026-02-30", "31/12/2026", "", "2026-13-01"] {
            let message = parse_day(bad).unwrap_err();
            assert!(message.contains("không hợp lệ"), "{bad}: {message}");
        }
    }
}
