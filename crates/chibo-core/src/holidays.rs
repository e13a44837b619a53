//! Public holidays (ngày nghỉ lễ, tết) and working days in Vietnam.
//!
//! The statutory days off are those of the Labour Code 2019, Article 112 ([`BASIS`]), eleven
//! a year:
//! - Tết Dương lịch, 01/01;
//! - Tết Âm lịch, 5 days. The law gives the number, and the Prime Minister picks the days
//!   each year (Article 112.3). Without that decision the calendar takes the last day of the
//!   lunar year (30, or 29, tháng Chạp) and mùng 1 to mùng 4 tháng Giêng;
//! - Giỗ Tổ Hùng Vương, 10 tháng 3 âm lịch;
//! - Ngày Chiến thắng, 30/4, and Ngày Quốc tế lao động, 01/5;
//! - Quốc khánh, 02/9 and one day next to it, before or after, also picked by the Prime
//!   Minister. Without that decision the calendar takes 03/9 when 01/9 is a Saturday or
//!   Sunday or 03/9 is a Friday (the longer break), otherwise 01/9: the choices of 2021–2025.
//!
//! The working week is Monday to Friday (the 40-hour week of state offices, Quyết định
//! 188/1999/QĐ-TTg). What the Government announces each year — the actual Tết and 02/9
//! days, compensatory days off (nghỉ bù) when a holiday falls on a weekend (Article 111.3),
//! working Saturdays (làm bù) — goes into the branch's table of [`DayOffChange`]s, which
//! overrides the statutory days: nothing is guessed beyond the two defaults above.

use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::dates::format_dmy;
use crate::lunar::{self, LunarDate};
use crate::text::clean;
use crate::validation::{required_text, FieldError};

/// Where the statutory days off come from.
pub const BASIS: &str = "Bộ luật Lao động 2019, Điều 112";
pub const MAX_NOTE_CHARS: usize = 200;

const NEW_YEAR: &str = "Tết Dương lịch";
const TET: &str = "Tết Nguyên đán";
const HUNG_KINGS: &str = "Giỗ Tổ Hùng Vương";
const VICTORY: &str = "Ngày Chiến thắng";
const LABOUR_DAY: &str = "Ngày Quốc tế lao động";
const NATIONAL_DAY: &str = "Quốc khánh";

/// A change the Government announces for one date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DayOffChange {
    #[ts(type = "string")]
    pub date: NaiveDate,
    /// `true`: a day off (nghỉ bù, an extra Tết day); `false`: a working day, even on a
    /// Saturday (làm bù) or on a statutory day the Government moved elsewhere.
    pub off: bool,
    /// Why, and which announcement, e.g. "Nghỉ bù Quốc khánh (thông báo số …)"; it names an
    /// added day off.
    pub note: String,
}

/// The branch's table of announced changes over the statutory days off.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct HolidayCalendar {
    pub changes: Vec<DayOffChange>,
}

/// A public holiday: a day off that is not just a weekend.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Holiday {
    #[ts(type = "string")]
    pub date: NaiveDate,
    /// e.g. "Tết Nguyên đán", "Giỗ Tổ Hùng Vương", or the note of an added day.
    pub name: String,
}

/// The statutory days off of `year` by the defaults of the module docs, sorted by date;
/// the lunar ones only for years of [`lunar::YEARS`].
pub fn statutory_holidays(year: i32) -> Vec<Holiday> {
    let solar = |month, day| NaiveDate::from_ymd_opt(year, month, day);
    let lunar = |month, day| {
        lunar::from_lunar(LunarDate {
            year,
            month,
            leap: false,
            day,
        })
    };
    let eve = lunar(1, 1).and_then(|tet| tet.pred_opt());
    let national_day = solar(9, 2);
    let mut days = vec![(solar(1, 1), NEW_YEAR)];
    // The last day of the lunar year, then mùng 1 to mùng 4.
    days.extend((0..5).map(|n| (eve.and_then(|d| d.checked_add_days(Days::new(n))), TET)));
    days.extend([
        (lunar(3, 10), HUNG_KINGS),
        (solar(4, 30), VICTORY),
        (solar(5, 1), LABOUR_DAY),
        (national_day, NATIONAL_DAY),
        (national_day.and_then(national_day_neighbour), NATIONAL_DAY),
    ]);
    let mut holidays: Vec<Holiday> = days
        .into_iter()
        .filter_map(|(date, name)| {
            Some(Holiday {
                date: date?,
                name: name.to_owned(),
            })
        })
        .collect();
    holidays.sort_by_key(|h| h.date);
    holidays
}

/// The day next to 02/9 when the year's decision is not in the table: see the module docs.
fn national_day_neighbour(national_day: NaiveDate) -> Option<NaiveDate> {
    let before = national_day.pred_opt()?;
    let after = national_day.succ_opt()?;
    Some(if is_weekend(before) || after.weekday() == Weekday::Fri {
        after
    } else {
        before
    })
}

fn is_weekend(date: NaiveDate) -> bool {
    matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
}

impl HolidayCalendar {
    /// The table with its notes cleaned, sorted by date. Each date appears once, and each
    /// change needs a note: it is the name of an added day and the trace of the
    /// announcement.
    pub fn validated(&self) -> Result<HolidayCalendar, FieldError> {
        let mut changes = Vec::with_capacity(self.changes.len());
        for change in &self.changes {
            let note = clean(&change.note);
            let label = format!("Ghi chú của ngày {}", format_dmy(change.date));
            required_text("changes", &label, &note, MAX_NOTE_CHARS)?;
            changes.push(DayOffChange { note, ..*change });
        }
        changes.sort_by_key(|c| c.date);
        if let Some(pair) = changes.windows(2).find(|w| w[0].date == w[1].date) {
            return Err(FieldError::new(
                "changes",
                format!(
                    "Ngày {} được ghi hai lần trong bảng ngày nghỉ: mỗi ngày chỉ ghi một dòng.",
                    format_dmy(pair[0].date)
                ),
            ));
        }
        Ok(HolidayCalendar { changes })
    }

    /// The public holidays of `year`: the statutory days, less those the table makes working
    /// days, plus the days off it adds; sorted by date.
    pub fn holidays_in_year(&self, year: i32) -> Vec<Holiday> {
        let mut holidays: Vec<Holiday> = statutory_holidays(year)
            .into_iter()
            .filter(|h| self.change(h.date).is_none_or(|c| c.off))
            .collect();
        for change in &self.changes {
            if change.off
                && change.date.year() == year
                && !holidays.iter().any(|h| h.date == change.date)
            {
                holidays.push(Holiday {
                    date: change.date,
                    name: change.note.clone(),
                });
            }
        }
        holidays.sort_by_key(|h| h.date);
        holidays
    }

    pub fn is_holiday(&self, date: NaiveDate) -> bool {
        self.holidays_in_year(date.year())
            .iter()
            .any(|h| h.date == date)
    }

    /// Monday to Friday and not a holiday, or made a working day by the table (a working
    /// Saturday).
    pub fn is_working_day(&self, date: NaiveDate) -> bool {
        self.works_on(date, &self.holidays_in_year(date.year()))
    }

    /// The date `n` working days after `from` (`from` itself for 0), e.g. the 30 working
    /// days to consider official membership; the last date of the calendar when the count
    /// runs past it.
    pub fn add_working_days(&self, from: NaiveDate, n: u32) -> NaiveDate {
        let mut date = from;
        let mut left = n;
        let mut year = (from.year(), self.holidays_in_year(from.year()));
        while left > 0 {
            let Some(next) = date.succ_opt() else {
                break;
            };
            date = next;
            if date.year() != year.0 {
                year = (date.year(), self.holidays_in_year(date.year()));
            }
            if self.works_on(date, &year.1) {
                left -= 1;
            }
        }
        date
    }

    /// `holidays` are those of the date's year.
    fn works_on(&self, date: NaiveDate, holidays: &[Holiday]) -> bool {
        match self.change(date) {
            Some(change) => !change.off,
            None => !is_weekend(date) && !holidays.iter().any(|h| h.date == date),
        }
    }

    fn change(&self, date: NaiveDate) -> Option<&DayOffChange> {
        self.changes.iter().find(|c| c.date == date)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn change(date: NaiveDate, off: bool, note: &str) -> DayOffChange {
        DayOffChange {
            date,
            off,
            note: note.to_owned(),
        }
    }

    fn calendar(changes: &[DayOffChange]) -> HolidayCalendar {
        HolidayCalendar {
            changes: changes.to_vec(),
        }
    }

    fn dates(holidays: &[Holiday]) -> Vec<NaiveDate> {
        holidays.iter().map(|h| h.date).collect()
    }

    #[test]
    fn the_eleven_statutory_days_of_2026() {
        let holidays = statutory_holidays(2026);
        let expected = [
            (d(2026, 1, 1), NEW_YEAR),
            // Tết 17/02/2026; 16/02 is 29 tháng Chạp, the last day of Ất Tỵ.
            (d(2026, 2, 16), TET),
            (d(2026, 2, 17), TET),
            (d(2026, 2, 18), TET),
            (d(2026, 2, 19), TET),
            (d(2026, 2, 20), TET),
            (d(2026, 4, 26), HUNG_KINGS),
            (d(2026, 4, 30), VICTORY),
            (d(2026, 5, 1), LABOUR_DAY),
            // 02/9/2026 is a Wednesday: the day before.
            (d(2026, 9, 1), NATIONAL_DAY),
            (d(2026, 9, 2), NATIONAL_DAY),
        ];
        let got: Vec<_> = holidays.iter().map(|h| (h.date, h.name.as_str())).collect();
        assert_eq!(got, expected);
        assert_eq!(HolidayCalendar::default().holidays_in_year(2026), holidays);
    }

    #[test]
    fn every_year_has_eleven_distinct_days_off() {
        for year in *lunar::YEARS.start()..=*lunar::YEARS.end() {
            let days = dates(&statutory_holidays(year));
            assert_eq!(days.len(), 11, "{year}");
            assert!(days.windows(2).all(|w| w[0] < w[1]), "{year}: {days:?}");
            assert!(days.iter().all(|d| d.year() == year), "{year}");
        }
    }

    #[test]
    fn tet_is_the_last_day_of_the_year_and_mung_1_to_4() {
        let tet = |year| {
            statutory_holidays(year)
                .into_iter()
                .filter(|h| h.name == TET)
                .map(|h| h.date)
                .collect::<Vec<_>>()
        };
        // Chạp of Giáp Thìn had 29 days: 28/01/2025 is 29 tháng Chạp.
        assert_eq!(
            tet(2025),
            (28..=31)
                .map(|n| d(2025, 1, n))
                .chain([d(2025, 2, 1)])
                .collect::<Vec<_>>()
        );
        // Chạp of Quý Mão had 30 days: 09/02/2024 is 30 tháng Chạp.
        assert_eq!(
            tet(2024),
            (9..=13).map(|n| d(2024, 2, n)).collect::<Vec<_>>()
        );
        let days = tet(2027);
        assert_eq!(days, (5..=9).map(|n| d(2027, 2, n)).collect::<Vec<_>>());
        let lunar_days: Vec<_> = days
            .iter()
            .map(|&date| lunar::to_lunar(date).unwrap())
            .map(|l| (l.year, l.month, l.day))
            .collect();
        assert_eq!(
            lunar_days,
            [
                (2026, 12, 29),
                (2027, 1, 1),
                (2027, 1, 2),
                (2027, 1, 3),
                (2027, 1, 4)
            ]
        );
    }

    #[test]
    fn each_holiday_ends_where_it_should() {
        let calendar = HolidayCalendar::default();
        for (date, holiday) in [
            (d(2025, 12, 31), false),
            (d(2026, 1, 1), true),
            (d(2026, 1, 2), false),
            (d(2026, 2, 15), false),
            (d(2026, 2, 16), true),
            (d(2026, 2, 20), true),
            (d(2026, 2, 21), false),
            (d(2026, 4, 25), false),
            (d(2026, 4, 26), true),
            (d(2026, 4, 27), false),
            (d(2026, 4, 29), false),
            (d(2026, 4, 30), true),
            (d(2026, 5, 1), true),
            (d(2026, 5, 2), false),
            (d(2026, 8, 31), false),
            (d(2026, 9, 1), true),
            (d(2026, 9, 2), true),
            (d(2026, 9, 3), false),
        ] {
            assert_eq!(calendar.is_holiday(date), holiday, "{date}");
        }
    }

    #[test]
    fn the_day_next_to_national_day_follows_the_choices_of_2021_to_2025() {
        for (year, day) in [(2021, 3), (2022, 1), (2023, 1), (2024, 3), (2025, 1)] {
            let national: Vec<_> = statutory_holidays(year)
                .into_iter()
                .filter(|h| h.name == NATIONAL_DAY)
                .map(|h| h.date)
                .collect();
            let mut expected = vec![d(year, 9, 2), d(year, 9, day)];
            expected.sort();
            assert_eq!(national, expected, "{year}");
        }
        // 02/9/2029 is a Sunday: 01/9 would be a Saturday.
        assert!(statutory_holidays(2029)
            .iter()
            .any(|h| h.date == d(2029, 9, 3)));
    }

    #[test]
    fn the_table_adds_and_removes_days_off() {
        // 2023: 02/9 on a Saturday, nghỉ bù on Monday 04/9.
        let table = calendar(&[change(d(2023, 9, 4), true, "Nghỉ bù Quốc khánh")]);
        assert!(table.is_holiday(d(2023, 9, 4)));
        assert!(!table.is_working_day(d(2023, 9, 4)));
        assert!(table.is_working_day(d(2023, 9, 5)));
        assert!(!HolidayCalendar::default().is_holiday(d(2023, 9, 4)));
        let added = table.holidays_in_year(2023);
        assert_eq!(added.len(), 12);
        assert_eq!(
            added.iter().find(|h| h.date == d(2023, 9, 4)).unwrap().name,
            "Nghỉ bù Quốc khánh"
        );
        // The Prime Minister picks 03/9 instead of 01/9 in 2026.
        let moved = calendar(&[
            change(
                d(2026, 9, 1),
                false,
                "Làm việc: nghỉ ngày 03/9 thay ngày 01/9",
            ),
            change(d(2026, 9, 3), true, "Quốc khánh"),
        ]);
        let days = dates(&moved.holidays_in_year(2026));
        assert!(!days.contains(&d(2026, 9, 1)));
        assert!(days.contains(&d(2026, 9, 2)) && days.contains(&d(2026, 9, 3)));
        assert_eq!(days.len(), 11);
        assert!(moved.is_working_day(d(2026, 9, 1)));
        assert!(!moved.is_holiday(d(2026, 9, 1)));
        assert!(!moved.is_working_day(d(2026, 9, 3)));
        // An added day already off by law is listed once, under its statutory name.
        let twice = calendar(&[change(d(2026, 9, 2), true, "Quốc khánh 2/9")]);
        assert_eq!(twice.holidays_in_year(2026), statutory_holidays(2026));
        // Changes of other years change nothing here.
        assert_eq!(table.holidays_in_year(2026), statutory_holidays(2026));
    }

    #[test]
    fn a_working_saturday_is_a_working_day() {
        let saturday = d(2026, 2, 28);
        assert!(!HolidayCalendar::default().is_working_day(saturday));
        let table = calendar(&[change(saturday, false, "Làm bù cho ngày 23/02")]);
        assert!(table.is_working_day(saturday));
        assert!(!table.is_holiday(saturday));
        assert!(!table.is_working_day(d(2026, 3, 1)));
    }

    #[test]
    fn working_days_skip_weekends_and_holidays() {
        let calendar = HolidayCalendar::default();
        for (date, working) in [
            (d(2026, 1, 2), true),   // Friday
            (d(2026, 1, 3), false),  // Saturday
            (d(2026, 1, 4), false),  // Sunday
            (d(2026, 1, 1), false),  // Tết Dương lịch, a Thursday
            (d(2026, 2, 13), true),  // Friday before Tết
            (d(2026, 2, 16), false), // 29 tháng Chạp, a Monday
            (d(2026, 2, 20), false), // mùng 4, a Friday
            (d(2026, 2, 23), true),  // mùng 7, a Monday
        ] {
            assert_eq!(calendar.is_working_day(date), working, "{date}");
        }
    }

    #[test]
    fn counting_working_days_across_tet_2027() {
        let calendar = HolidayCalendar::default();
        let monday = d(2027, 1, 25);
        // Six weeks of weekdays, less Tết 05, 08 and 09/02 (06 and 07/02 are a weekend).
        assert_eq!(calendar.add_working_days(monday, 30), d(2027, 3, 11));
        assert_eq!(calendar.add_working_days(monday, 0), monday);
        assert_eq!(calendar.add_working_days(monday, 8), d(2027, 2, 4));
        assert_eq!(calendar.add_working_days(monday, 9), d(2027, 2, 10));
        assert_eq!(calendar.add_working_days(d(2027, 2, 4), 1), d(2027, 2, 10));
        assert_eq!(calendar.add_working_days(d(2027, 2, 9), 1), d(2027, 2, 10));
        // From a day off, the count starts the next working day.
        assert_eq!(calendar.add_working_days(d(2027, 2, 6), 1), d(2027, 2, 10));
    }

    #[test]
    fn counting_working_days_across_30_april_and_1_may() {
        // 30/4/2027 is a Friday, 01/5 a Saturday.
        let calendar = HolidayCalendar::default();
        assert_eq!(calendar.add_working_days(d(2027, 4, 28), 1), d(2027, 4, 29));
        assert_eq!(calendar.add_working_days(d(2027, 4, 29), 1), d(2027, 5, 3));
        assert_eq!(calendar.add_working_days(d(2027, 4, 28), 2), d(2027, 5, 3));
        // With the announced nghỉ bù for 01/5 on Monday 03/5.
        let table = HolidayCalendar {
            changes: vec![change(d(2027, 5, 3), true, "Nghỉ bù ngày 01/5")],
        };
        assert_eq!(table.add_working_days(d(2027, 4, 29), 1), d(2027, 5, 4));
        // Across New Year: 01/01/2027 is a Friday.
        assert_eq!(calendar.add_working_days(d(2026, 12, 31), 1), d(2027, 1, 4));
    }

    #[test]
    fn the_ends_of_the_calendar_do_not_panic() {
        let calendar = HolidayCalendar::default();
        let near_end = NaiveDate::MAX.checked_sub_days(Days::new(3)).unwrap();
        assert_eq!(calendar.add_working_days(near_end, 100), NaiveDate::MAX);
        assert_eq!(calendar.add_working_days(NaiveDate::MAX, 1), NaiveDate::MAX);
        // NaiveDate::MIN is a 1 January.
        assert!(calendar.is_holiday(NaiveDate::MIN));
        assert!(!calendar.is_working_day(NaiveDate::MIN));
        assert!(!calendar.is_holiday(NaiveDate::MAX));
        assert_eq!(
            calendar.add_working_days(NaiveDate::MIN, 1).year(),
            NaiveDate::MIN.year()
        );
        // Outside the lunar calendar's range, only the solar days are known.
        for year in [-1, 0, 1967, 2200] {
            assert_eq!(statutory_holidays(year).len(), 5, "{year}");
        }
        for year in [i32::MIN, i32::MAX] {
            assert!(statutory_holidays(year).is_empty());
            assert!(calendar.holidays_in_year(year).is_empty());
        }
    }

    #[test]
    fn the_table_is_cleaned_sorted_and_checked() {
        let table = calendar(&[
            change(d(2026, 9, 3), true, "  Quốc khánh  "),
            change(d(2026, 2, 23), true, "Nghỉ bù Tết"),
        ]);
        let valid = table.validated().unwrap();
        assert_eq!(
            dates(&valid.holidays_in_year(2026))[..2],
            [d(2026, 1, 1), d(2026, 2, 16)]
        );
        assert_eq!(valid.changes[0].date, d(2026, 2, 23));
        assert_eq!(valid.changes[1].note, "Quốc khánh");

        let twice = calendar(&[
            change(d(2026, 9, 3), true, "Quốc khánh"),
            change(d(2026, 2, 23), true, "Nghỉ bù Tết"),
            change(d(2026, 9, 3), false, "Làm việc"),
        ]);
        let err = twice.validated().unwrap_err();
        assert_eq!(err.field, "changes");
        assert_eq!(
            err.message,
            "Ngày 03/09/2026 được ghi hai lần trong bảng ngày nghỉ: mỗi ngày chỉ ghi một dòng."
        );

        let empty = calendar(&[change(d(2026, 9, 3), true, "   ")]);
        assert_eq!(
            empty.validated().unwrap_err().message,
            "Ghi chú của ngày 03/09/2026 không được để trống."
        );
        let long = calendar(&[change(d(2026, 9, 3), true, &"a".repeat(MAX_NOTE_CHARS + 1))]);
        assert!(long.validated().is_err());
        let longest = calendar(&[change(d(2026, 9, 3), true, &"a".repeat(MAX_NOTE_CHARS))]);
        assert!(longest.validated().is_ok());
        assert_eq!(
            HolidayCalendar::default().validated(),
            Ok(HolidayCalendar::default())
        );
    }

    #[test]
    fn the_table_reads_and_writes_json() {
        let json = r#"{"changes":[{"date":"2023-09-04","off":true,"note":"Nghỉ bù Quốc khánh"}]}"#;
        let table: HolidayCalendar = serde_json::from_str(json).unwrap();
        assert_eq!(
            table,
            calendar(&[change(d(2023, 9, 4), true, "Nghỉ bù Quốc khánh")])
        );
        assert_eq!(serde_json::to_string(&table).unwrap(), json);
    }
}
