//! Dates as Vietnamese people read and type them: dd/mm/yyyy.

use chrono::{Datelike, NaiveDate};

use crate::validation::FieldError;

/// The years a record can be of: from the Party's founding (1930) to well past any plan.
pub const RECORD_YEARS: std::ops::RangeInclusive<i32> = 1930..=2200;

/// Refuses a year no record can be of (a typo such as 20266, or an overflow).
pub fn check_record_year(year: i32) -> Result<i32, FieldError> {
    if RECORD_YEARS.contains(&year) {
        Ok(year)
    } else {
        Err(FieldError::new(
            "year",
            format!(
                "Năm {year} không hợp lệ: năm phải từ {} đến {}.",
                RECORD_YEARS.start(),
                RECORD_YEARS.end()
            ),
        ))
    }
}

/// `05/02/2026`
pub fn format_dmy(date: NaiveDate) -> String {
    format!("{:02}/{:02}/{:04}", date.day(), date.month(), date.year())
}

/// A date written out as in Party documents (HD 36-HD/VPTW): `ngày 05 tháng 02 năm 2026`.
/// Days 1–9 and the months 1 and 2 take a leading zero, other months do not
/// (`ngày 03 tháng 4 năm 2026`): no digit can then be added in front to make another valid
/// date (1 → 11, 2 → 12).
pub fn party_date_words(date: NaiveDate) -> String {
    format!(
        "ngày {:02} tháng {} năm {}",
        date.day(),
        party_month(date.month()),
        date.year()
    )
}

/// A month as the date line writes it: "01", "02" (a leading zero for January and
/// February only), then "3" to "12".
pub fn party_month(month: u32) -> String {
    if month <= 2 {
        format!("{month:02}")
    } else {
        month.to_string()
    }
}

/// Reads `dd/mm/yyyy` (also `d/m/yyyy`, with `-` or `.` as separators) into a calendar date;
/// 31/02/1970 is rejected. `field` and `label` name the input in the message.
pub fn parse_dmy(field: &str, label: &str, text: &str) -> Result<NaiveDate, FieldError> {
    let invalid = || {
        FieldError::new(
            field,
            format!(
                "{label}: \"{}\" không phải ngày hợp lệ. Hãy nhập theo dạng ngày/tháng/năm, \
                 ví dụ 05/02/2026.",
                text.trim()
            ),
        )
    };
    let parts: Vec<&str> = text.trim().split(['/', '-', '.']).collect();
    let [day, month, year] = parts.as_slice() else {
        return Err(invalid());
    };
    let number = |part: &str, max_len: usize| -> Option<u32> {
        (!part.is_empty() && part.len() <= max_len && part.bytes().all(|b| b.is_ascii_digit()))
            .then(|| part.parse().ok())
            .flatten()
    };
    let (Some(day), Some(month), Some(year)) = (number(day, 2), number(month, 2), number(year, 4))
    else {
        return Err(invalid());
    };
    if year < 1900 {
        return Err(invalid());
    }
    NaiveDate::from_ymd_opt(year as i32, month, day).ok_or_else(invalid)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn a_record_year_is_from_1930_to_2200() {
        assert!(check_record_year(1929).is_err());
        assert_eq!(check_record_year(1930), Ok(1930));
        assert_eq!(check_record_year(2200), Ok(2200));
        assert!(check_record_year(2201).is_err());
        assert!(check_record_year(i32::MAX).is_err());
    }

    #[test]
    fn pads_day_and_month() {
        assert_eq!(format_dmy(date(2026, 2, 5)), "05/02/2026");
        assert_eq!(format_dmy(date(2026, 11, 27)), "27/11/2026");
    }

    #[test]
    fn reads_common_typings() {
        assert_eq!(
            parse_dmy("d", "Ngày", "05/02/2026").unwrap(),
            date(2026, 2, 5)
        );
        assert_eq!(
            parse_dmy("d", "Ngày", " 5/2/2026 ").unwrap(),
            date(2026, 2, 5)
        );
        assert_eq!(
            parse_dmy("d", "Ngày", "05-02-2026").unwrap(),
            date(2026, 2, 5)
        );
        assert_eq!(
            parse_dmy("d", "Ngày", "05.02.2026").unwrap(),
            date(2026, 2, 5)
        );
    }

    #[test]
    fn rejects_dates_not_on_the_calendar() {
        let err = parse_dmy("birth", "Ngày sinh", "31/02/1970").unwrap_err();
        assert_eq!(err.field, "birth");
        assert!(err.message.contains("31/02/1970"));
        assert!(parse_dmy("d", "Ngày", "29/02/2025").is_err());
        assert!(parse_dmy("d", "Ngày", "29/02/2024").is_ok());
    }

    #[test]
    fn rejects_garbage_and_iso() {
        for text in [
            "",
            "hôm nay",
            "2026-02-05",
            "05/02",
            "05/02/26",
            "1/1/1800",
            "+1/2/2026",
        ] {
            assert!(parse_dmy("d", "Ngày", text).is_err(), "{text}");
        }
    }

    #[test]
    fn format_then_parse_round_trips() {
        let d = date(2031, 12, 9);
        assert_eq!(parse_dmy("d", "Ngày", &format_dmy(d)).unwrap(), d);
    }
}

#[cfg(test)]
mod party_date_tests {
    use super::*;

    fn words(y: i32, m: u32, d: u32) -> String {
        party_date_words(NaiveDate::from_ymd_opt(y, m, d).unwrap())
    }

    #[test]
    fn days_below_ten_and_january_february_take_a_leading_zero() {
        assert_eq!(words(2026, 2, 5), "ngày 05 tháng 02 năm 2026");
        assert_eq!(words(2027, 1, 5), "ngày 05 tháng 01 năm 2027");
        assert_eq!(words(2026, 1, 31), "ngày 31 tháng 01 năm 2026");
    }

    #[test]
    fn months_three_to_twelve_take_no_leading_zero() {
        assert_eq!(words(2026, 4, 3), "ngày 03 tháng 4 năm 2026");
        assert_eq!(words(2026, 12, 15), "ngày 15 tháng 12 năm 2026");
        assert_eq!(words(2026, 3, 10), "ngày 10 tháng 3 năm 2026");
        assert_eq!(words(2026, 10, 1), "ngày 01 tháng 10 năm 2026");
    }

    #[test]
    fn every_day_of_a_year_has_a_two_digit_day() {
        let mut date = NaiveDate::from_ymd_opt(2028, 1, 1).unwrap();
        while date.year() == 2028 {
            let text = party_date_words(date);
            let day = text
                .strip_prefix("ngày ")
                .and_then(|rest| rest.split(' ').next())
                .unwrap();
            assert_eq!(day.len(), 2, "{text}");
            let month = text.split(' ').nth(3).unwrap();
            assert_eq!(
                month.len() == 2,
                date.month() <= 2 || date.month() >= 10,
                "{text}"
            );
            date = date.succ_opt().unwrap();
        }
    }
}
