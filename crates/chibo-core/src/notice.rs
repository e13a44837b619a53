//! The meeting notice (thông báo) as a document of its own: it carries its own number in the
//! branch's "TB/CB" series and its own date of issue, not the meeting's (HD 36-HD/VPTW,
//! 03/4/2018: every document has its number and symbol and its place and date of issue; the
//! series runs from 01 per document type, reset as the minutes' series is).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::dates::format_dmy;
use crate::validation::FieldError;

/// The notice of a meeting, once issued.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct NoticeIssue {
    /// "01-TB/CB"
    pub number: String,
    #[ts(type = "string")]
    pub issued_on: NaiveDate,
}

/// The number of a notice, e.g. "01-TB/CB".
pub fn notice_number(sequence: u32) -> String {
    format!("{sequence:02}-TB/CB")
}

/// The issue date offered when none is given: today, while the meeting is still ahead (a
/// notice announces it). For a meeting that is over there is no honest default: the user says
/// when the notice went out.
pub fn default_issue_date(meeting_date: NaiveDate, today: NaiveDate) -> Option<NaiveDate> {
    (today <= meeting_date).then_some(today)
}

/// Checks the issue date of a notice: on or before the meeting, and not in the future.
pub fn check_issue_date(
    issued_on: Option<NaiveDate>,
    meeting_date: NaiveDate,
    today: NaiveDate,
) -> Result<NaiveDate, FieldError> {
    let Some(issued_on) = issued_on.or_else(|| default_issue_date(meeting_date, today)) else {
        return Err(FieldError::new(
            "issued_on",
            format!(
                "Cuộc họp ngày {} đã qua: hãy ghi ngày ra thông báo (trước hoặc đúng ngày họp) \
                 để in thông báo.",
                format_dmy(meeting_date)
            ),
        ));
    };
    if issued_on > meeting_date {
        return Err(FieldError::new(
            "issued_on",
            format!(
                "Ngày ra thông báo ({}) phải trước hoặc đúng ngày họp ({}).",
                format_dmy(issued_on),
                format_dmy(meeting_date)
            ),
        ));
    }
    if issued_on > today {
        return Err(FieldError::new(
            "issued_on",
            format!(
                "Ngày ra thông báo ({}) chưa đến; hôm nay là {}.",
                format_dmy(issued_on),
                format_dmy(today)
            ),
        ));
    }
    Ok(issued_on)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn numbers_have_two_digits_and_the_type() {
        assert_eq!(notice_number(1), "01-TB/CB");
        assert_eq!(notice_number(123), "123-TB/CB");
    }

    #[test]
    fn the_default_is_today_only_while_the_meeting_is_ahead() {
        let meeting = d(2026, 12, 5);
        assert_eq!(
            check_issue_date(None, meeting, d(2026, 12, 1)),
            Ok(d(2026, 12, 1))
        );
        assert_eq!(
            check_issue_date(None, meeting, d(2026, 12, 5)),
            Ok(d(2026, 12, 5))
        );
        let late = check_issue_date(None, meeting, d(2026, 12, 6)).unwrap_err();
        assert_eq!(late.field, "issued_on");
        assert!(late.message.contains("05/12/2026"), "{}", late.message);
    }

    #[test]
    fn a_given_date_is_on_or_before_the_meeting_and_not_ahead_of_today() {
        let meeting = d(2026, 2, 5);
        let today = d(2026, 11, 27);
        assert_eq!(
            check_issue_date(Some(d(2026, 2, 5)), meeting, today),
            Ok(d(2026, 2, 5))
        );
        assert!(check_issue_date(Some(d(2026, 2, 6)), meeting, today).is_err());
        let ahead = check_issue_date(Some(d(2026, 12, 2)), d(2026, 12, 5), d(2026, 12, 1));
        assert!(ahead.unwrap_err().message.contains("chưa đến"));
        assert_eq!(
            check_issue_date(Some(d(2026, 12, 1)), d(2026, 12, 5), d(2026, 12, 1)),
            Ok(d(2026, 12, 1))
        );
    }
}
