//! The Vietnamese lunisolar calendar (âm lịch): solar → lunar and lunar → solar dates.
//!
//! The algorithm is Hồ Ngọc Đức's, "Thuật toán tính âm lịch" (2004–2006,
//! <https://www.informatik.uni-leipzig.de/~duc/amlich/calrules.html>), with the new moons and
//! the sun's longitude from Jean Meeus, *Astronomical Algorithms* (1998):
//! - a lunar month starts on the local day of a new moon (ngày Sóc);
//! - month 11 is the month holding the winter solstice (Đông chí);
//! - a year from month 11 to the next month 11 with 13 months has a leap month: the first
//!   month after month 11 holding no major solar term (trung khí, a multiple of 30° of the
//!   sun's longitude); it repeats the number of the month before it.
//!
//! Days are local days of Vietnam, UTC+7. The calendar is therefore not the Chinese one
//! (UTC+8) in some years: Tết 1985 fell on 21/01/1985 in Vietnam and 20/02/1985 in China,
//! Tết 2007 on 17/02 and 18/02, Tết 2030 on 02/02 and 03/02. Vietnam's calendar has been
//! reckoned at UTC+7 since 1968 (before, it followed the Chinese one), so the conversion
//! answers for lunar years 1968–2199 — to the end of the author's published tables — and
//! `None` outside. Its month starts match those tables for every lunar year of 1968–2053;
//! later, a month may start a day apart from them when a new moon falls within minutes of
//! midnight (tháng 4 năm 2054: 08/05 here, 07/05 in the tables).

use std::f64::consts::PI;
use std::ops::RangeInclusive;

use chrono::{Datelike, NaiveDate};

/// The lunar years the conversion answers for.
pub const YEARS: RangeInclusive<i32> = 1968..=2199;

/// Vietnam's time zone, hours east of UTC.
const VIETNAM: f64 = 7.0;

/// The Julian day number of the first new moon of 1900 (k = 0), 1900-01-01 13:52 UTC.
const EPOCH_NEW_MOON: f64 = 2_415_021.076_998_695;
/// The mean length of a lunation, in days.
const SYNODIC_MONTH: f64 = 29.530_588_853;
/// The Julian day number of 0001-01-01 (proleptic Gregorian) is this plus 1.
const JDN_OF_CE: i64 = 1_721_425;

/// A date of the lunar calendar, e.g. mùng 1 tháng Giêng năm 2026 is
/// `LunarDate { year: 2026, month: 1, leap: false, day: 1 }`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct LunarDate {
    /// The solar year in which the lunar year starts (its month 1).
    pub year: i32,
    /// 1–12 (tháng Giêng … tháng Chạp).
    pub month: u32,
    /// The leap month (tháng nhuận) that follows the month of the same number.
    pub leap: bool,
    /// 1–30.
    pub day: u32,
}

/// The lunar date of a solar date; `None` outside [`YEARS`].
pub fn to_lunar(date: NaiveDate) -> Option<LunarDate> {
    let lunar = to_lunar_at(date, VIETNAM);
    YEARS.contains(&lunar.year).then_some(lunar)
}

/// The solar date of a lunar date; `None` when that date does not exist (a leap month the
/// year does not have, day 30 of a 29-day month, month 13…) or its year is outside [`YEARS`].
pub fn from_lunar(lunar: LunarDate) -> Option<NaiveDate> {
    if !YEARS.contains(&lunar.year) {
        return None;
    }
    from_lunar_at(lunar, VIETNAM)
}

/// The leap month of a lunar year (e.g. `Some(2)` for 2023, tháng 2 nhuận), `None` when the
/// year has 12 months or is outside [`YEARS`].
pub fn leap_month(year: i32) -> Option<u32> {
    (1..=12).find(|&month| {
        from_lunar(LunarDate {
            year,
            month,
            leap: true,
            day: 1,
        })
        .is_some()
    })
}

fn day_number(date: NaiveDate) -> i64 {
    i64::from(date.num_days_from_ce()) + JDN_OF_CE
}

fn date_of_day_number(jdn: i64) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(i32::try_from(jdn - JDN_OF_CE).ok()?)
}

/// The Julian day number of 31 December of `year` (Gregorian).
fn last_day_of_year(year: i32) -> i64 {
    let y = i64::from(year) + 4800;
    31 + 275 + 365 * y + y.div_euclid(4) - y.div_euclid(100) + y.div_euclid(400) - 32045
}

/// The instant of the k-th new moon after that of 1900-01-01, as a Julian date (UTC), by
/// Meeus' formulas.
fn new_moon(k: i64) -> f64 {
    let k = k as f64;
    let t = k / 1236.85;
    let (t2, t3) = (t * t, t * t * t);
    let dr = PI / 180.0;
    let mean = 2_415_020.759_33 + 29.530_588_68 * k + 0.000_117_8 * t2 - 0.000_000_155 * t3
        + 0.000_33 * ((166.56 + 132.87 * t - 0.009_173 * t2) * dr).sin();
    // The sun's and the moon's mean anomalies, the moon's argument of latitude.
    let m = (359.2242 + 29.105_356_08 * k - 0.000_033_3 * t2 - 0.000_003_47 * t3) * dr;
    let mpr = (306.0253 + 385.816_918_06 * k + 0.010_730_6 * t2 + 0.000_012_36 * t3) * dr;
    let f = (21.2964 + 390.670_506_46 * k - 0.001_652_8 * t2 - 0.000_002_39 * t3) * dr;
    let correction = (0.1734 - 0.000_393 * t) * m.sin() + 0.0021 * (2.0 * m).sin()
        - 0.4068 * mpr.sin()
        + 0.0161 * (2.0 * mpr).sin()
        - 0.0004 * (3.0 * mpr).sin()
        + 0.0104 * (2.0 * f).sin()
        - 0.0051 * (m + mpr).sin()
        - 0.0074 * (m - mpr).sin()
        + 0.0004 * (2.0 * f + m).sin()
        - 0.0004 * (2.0 * f - m).sin()
        - 0.0006 * (2.0 * f + mpr).sin()
        + 0.0010 * (2.0 * f - mpr).sin()
        + 0.0005 * (2.0 * mpr + m).sin();
    let delta_t = if t < -11.0 {
        0.001 + 0.000_839 * t + 0.000_226_1 * t2 - 0.000_008_45 * t3 - 0.000_000_081 * t * t3
    } else {
        -0.000_278 + 0.000_265 * t + 0.000_262 * t2
    };
    mean + correction - delta_t
}

/// The sun's apparent longitude in radians, 0 ≤ L < 2π, at a Julian date (UTC).
fn sun_longitude(jd: f64) -> f64 {
    let t = (jd - 2_451_545.0) / 36525.0;
    let t2 = t * t;
    let dr = PI / 180.0;
    let m = 357.529_10 + 35_999.050_30 * t - 0.000_155_9 * t2 - 0.000_000_48 * t * t2;
    let l0 = 280.466_45 + 36_000.769_83 * t + 0.000_303_2 * t2;
    let dl = (1.914_600 - 0.004_817 * t - 0.000_014 * t2) * (dr * m).sin()
        + (0.019_993 - 0.000_101 * t) * (dr * 2.0 * m).sin()
        + 0.000_290 * (dr * 3.0 * m).sin();
    ((l0 + dl) * dr).rem_euclid(2.0 * PI)
}

/// The 30° sector (0 = from the March equinox … 11) the sun is in at the local midnight
/// that starts day `jdn`.
fn sun_sector(jdn: i64, tz: f64) -> i64 {
    (sun_longitude(jdn as f64 - 0.5 - tz / 24.0) / PI * 6.0).floor() as i64
}

/// The local day of the k-th new moon.
fn new_moon_day(k: i64, tz: f64) -> i64 {
    (new_moon(k) + 0.5 + tz / 24.0).floor() as i64
}

/// The lunation number of the new moon nearest to day `jdn`.
fn lunation_near(jdn: i64) -> i64 {
    ((jdn as f64 - EPOCH_NEW_MOON) / SYNODIC_MONTH + 0.5).floor() as i64
}

/// The first day of lunar month 11 (the month of the winter solstice) of solar `year`.
fn month_11(year: i32, tz: f64) -> i64 {
    let k = ((last_day_of_year(year) as f64 - 2_415_021.0) / SYNODIC_MONTH).floor() as i64;
    let day = new_moon_day(k, tz);
    // Past 270° (sector 9) at the new moon: the solstice is already in the month before.
    if sun_sector(day, tz) >= 9 {
        new_moon_day(k - 1, tz)
    } else {
        day
    }
}

/// In a 13-month span from month 11 starting on `a11`, how many months after it the leap
/// month is: the first month whose start finds the sun in the same sector as the next
/// month's start, i.e. a month without a major solar term.
fn leap_offset(a11: i64, tz: f64) -> i64 {
    let k = lunation_near(a11);
    let sector = |i: i64| sun_sector(new_moon_day(k + i, tz), tz);
    (1..14).find(|&i| sector(i) == sector(i + 1)).unwrap_or(13)
}

fn to_lunar_at(date: NaiveDate, tz: f64) -> LunarDate {
    let jdn = day_number(date);
    let k = ((jdn as f64 - EPOCH_NEW_MOON) / SYNODIC_MONTH).floor() as i64;
    let mut month_start = new_moon_day(k + 1, tz);
    if month_start > jdn {
        month_start = new_moon_day(k, tz);
    }
    let year = date.year();
    // The months 11 that frame the date: a11 ≤ month_start < b11.
    let (a11, b11, mut lunar_year) = {
        let this = month_11(year, tz);
        if this >= month_start {
            (month_11(year - 1, tz), this, year)
        } else {
            (this, month_11(year + 1, tz), year + 1)
        }
    };
    let diff = (month_start - a11) / 29;
    let mut month = diff + 11;
    let mut leap = false;
    if b11 - a11 > 365 {
        let leap_diff = leap_offset(a11, tz);
        if diff >= leap_diff {
            month = diff + 10;
            leap = diff == leap_diff;
        }
    }
    if month > 12 {
        month -= 12;
    }
    // Months 11 and 12 belong to the lunar year that began before a11.
    if month >= 11 && diff < 4 {
        lunar_year -= 1;
    }
    LunarDate {
        year: lunar_year,
        month: month as u32,
        leap,
        day: (jdn - month_start + 1) as u32,
    }
}

fn from_lunar_at(lunar: LunarDate, tz: f64) -> Option<NaiveDate> {
    if !(1..=12).contains(&lunar.month) || !(1..=30).contains(&lunar.day) {
        return None;
    }
    let (a11, b11) = if lunar.month < 11 {
        (month_11(lunar.year - 1, tz), month_11(lunar.year, tz))
    } else {
        (month_11(lunar.year, tz), month_11(lunar.year + 1, tz))
    };
    // Months after month 11, leaving the leap month aside.
    let mut offset = (i64::from(lunar.month) + 1) % 12;
    if b11 - a11 > 365 {
        let leap_offset = leap_offset(a11, tz);
        // The leap month repeats the number of the month before it.
        let leap_month = (leap_offset + 9) % 12 + 1;
        if lunar.leap && i64::from(lunar.month) != leap_month {
            return None;
        }
        if lunar.leap || offset >= leap_offset {
            offset += 1;
        }
    } else if lunar.leap {
        return None;
    }
    let k = lunation_near(a11);
    let start = new_moon_day(k + offset, tz);
    let length = new_moon_day(k + offset + 1, tz) - start;
    if i64::from(lunar.day) > length {
        return None;
    }
    date_of_day_number(start + i64::from(lunar.day) - 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn lunar(year: i32, month: u32, leap: bool, day: u32) -> LunarDate {
        LunarDate {
            year,
            month,
            leap,
            day,
        }
    }

    fn tet(year: i32) -> Option<NaiveDate> {
        from_lunar(lunar(year, 1, false, 1))
    }

    /// Mùng 1 Tết as published in Vietnam (Hồ Ngọc Đức's tables, the lịch vạn niên of the
    /// Vietnamese press, the Government's Tết holiday announcements).
    const TET: [(i32, u32, u32); 46] = [
        (1985, 1, 21),
        (1986, 2, 9),
        (1987, 1, 29),
        (1988, 2, 17),
        (1989, 2, 6),
        (1990, 1, 27),
        (1991, 2, 15),
        (1992, 2, 4),
        (1993, 1, 23),
        (1994, 2, 10),
        (1995, 1, 31),
        (1996, 2, 19),
        (1997, 2, 7),
        (1998, 1, 28),
        (1999, 2, 16),
        (2000, 2, 5),
        (2001, 1, 24),
        (2002, 2, 12),
        (2003, 2, 1),
        (2004, 1, 22),
        (2005, 2, 9),
        (2006, 1, 29),
        (2007, 2, 17),
        (2008, 2, 7),
        (2009, 1, 26),
        (2010, 2, 14),
        (2011, 2, 3),
        (2012, 1, 23),
        (2013, 2, 10),
        (2014, 1, 31),
        (2015, 2, 19),
        (2016, 2, 8),
        (2017, 1, 28),
        (2018, 2, 16),
        (2019, 2, 5),
        (2020, 1, 25),
        (2021, 2, 12),
        (2022, 2, 1),
        (2023, 1, 22),
        (2024, 2, 10),
        (2025, 1, 29),
        (2026, 2, 17),
        (2027, 2, 6),
        (2028, 1, 26),
        (2029, 2, 13),
        (2030, 2, 2),
    ];

    #[test]
    fn tet_falls_on_the_published_vietnamese_dates() {
        for (year, month, day) in TET {
            let date = d(year, month, day);
            assert_eq!(tet(year), Some(date), "Tết {year}");
            assert_eq!(to_lunar(date), Some(lunar(year, 1, false, 1)), "{date}");
            // The eve is the last day of tháng Chạp of the year before.
            let eve = to_lunar(date.pred_opt().unwrap()).unwrap();
            assert_eq!((eve.year, eve.month, eve.leap), (year - 1, 12, false));
            assert!(eve.day == 29 || eve.day == 30, "{eve:?}");
        }
    }

    #[test]
    fn vietnam_at_utc_plus_7_differs_from_china_at_utc_plus_8() {
        let china = |year| from_lunar_at(lunar(year, 1, false, 1), 8.0);
        assert_eq!(china(1985), Some(d(1985, 2, 20)));
        assert_eq!(china(2007), Some(d(2007, 2, 18)));
        assert_eq!(china(2030), Some(d(2030, 2, 3)));
        assert_eq!(china(2024), tet(2024));
        // Tết Mậu Thân: the North had just moved to UTC+7.
        assert_eq!(tet(1968), Some(d(1968, 1, 29)));
        assert_eq!(china(1968), Some(d(1968, 1, 30)));
    }

    #[test]
    fn gio_to_hung_vuong_is_the_10th_of_month_3() {
        for (year, month, day) in [
            (2019, 4, 14),
            (2020, 4, 2),
            (2021, 4, 21),
            (2022, 4, 10),
            (2023, 4, 29),
            (2024, 4, 18),
            (2025, 4, 7),
            (2026, 4, 26),
        ] {
            assert_eq!(
                from_lunar(lunar(year, 3, false, 10)),
                Some(d(year, month, day)),
                "{year}"
            );
        }
    }

    /// The leap months of 1968–2053 in Hồ Ngọc Đức's published tables; the other years
    /// have none.
    const LEAP_MONTHS: [(i32, u32); 32] = [
        (1968, 7),
        (1971, 5),
        (1974, 4),
        (1976, 8),
        (1979, 6),
        (1982, 4),
        (1985, 2),
        (1987, 7),
        (1990, 5),
        (1993, 3),
        (1995, 8),
        (1998, 5),
        (2001, 4),
        (2004, 2),
        (2006, 7),
        (2009, 5),
        (2012, 4),
        (2014, 9),
        (2017, 6),
        (2020, 4),
        (2023, 2),
        (2025, 6),
        (2028, 5),
        (2031, 3),
        (2033, 11),
        (2036, 6),
        (2039, 5),
        (2042, 2),
        (2044, 7),
        (2047, 5),
        (2050, 3),
        (2052, 8),
    ];

    #[test]
    fn leap_months_match_the_published_tables() {
        for year in 1968..=2053 {
            let expected = LEAP_MONTHS
                .iter()
                .find(|(y, _)| *y == year)
                .map(|(_, month)| *month);
            assert_eq!(leap_month(year), expected, "{year}");
        }
    }

    #[test]
    fn a_leap_month_11_belongs_to_the_year_it_follows() {
        // 2033: tháng 11 from 22/11/2033, tháng 11 nhuận from 22/12/2033, tháng Chạp from
        // 20/01/2034, Tết 2034 on 19/02/2034.
        let cases = [
            (lunar(2033, 11, false, 1), d(2033, 11, 22)),
            (lunar(2033, 11, true, 1), d(2033, 12, 22)),
            (lunar(2033, 12, false, 1), d(2034, 1, 20)),
            (lunar(2034, 1, false, 1), d(2034, 2, 19)),
        ];
        for (lunar_date, solar) in cases {
            assert_eq!(from_lunar(lunar_date), Some(solar), "{lunar_date:?}");
            assert_eq!(to_lunar(solar), Some(lunar_date), "{solar}");
        }
    }

    #[test]
    fn a_leap_month_follows_the_month_of_its_number() {
        // 2023: tháng 2 from 20/02, tháng 2 nhuận from 22/03, tháng 3 from 20/04.
        let cases = [
            (lunar(2023, 2, false, 1), d(2023, 2, 20)),
            (lunar(2023, 2, false, 30), d(2023, 3, 21)),
            (lunar(2023, 2, true, 1), d(2023, 3, 22)),
            (lunar(2023, 2, true, 29), d(2023, 4, 19)),
            (lunar(2023, 3, false, 1), d(2023, 4, 20)),
            // 2020: tháng 4 nhuận from 23/05; 2025: tháng 6 nhuận from 25/07.
            (lunar(2020, 4, false, 1), d(2020, 4, 23)),
            (lunar(2020, 4, true, 1), d(2020, 5, 23)),
            (lunar(2020, 5, false, 1), d(2020, 6, 21)),
            (lunar(2025, 6, false, 1), d(2025, 6, 25)),
            (lunar(2025, 6, true, 1), d(2025, 7, 25)),
            (lunar(2025, 7, false, 1), d(2025, 8, 23)),
        ];
        for (lunar_date, solar) in cases {
            assert_eq!(from_lunar(lunar_date), Some(solar), "{lunar_date:?}");
            assert_eq!(to_lunar(solar), Some(lunar_date), "{solar}");
        }
    }

    #[test]
    fn dates_that_do_not_exist_have_no_solar_date() {
        for missing in [
            lunar(2023, 3, true, 1),  // 2023 repeats month 2, not 3
            lunar(2024, 4, true, 1),  // 2024 has no leap month
            lunar(2023, 2, true, 30), // tháng 2 nhuận 2023 has 29 days
            lunar(2023, 1, false, 0),
            lunar(2023, 1, false, 31),
            lunar(2023, 0, false, 1),
            lunar(2023, 13, false, 1),
            lunar(1967, 6, false, 1),
            lunar(2200, 6, false, 1),
            lunar(i32::MIN, 1, false, 1),
            lunar(i32::MAX, 1, false, 1),
        ] {
            assert_eq!(from_lunar(missing), None, "{missing:?}");
        }
        assert_eq!(from_lunar(lunar(1968, 1, false, 1)), Some(d(1968, 1, 29)));
        assert_eq!(
            from_lunar(lunar(2199, 6, false, 1)).map(|d| d.year()),
            Some(2199)
        );
    }

    #[test]
    fn dates_outside_the_range_have_no_lunar_date() {
        assert_eq!(to_lunar(NaiveDate::MIN), None);
        assert_eq!(to_lunar(NaiveDate::MAX), None);
        assert_eq!(to_lunar(d(1700, 6, 1)), None);
        // The day before Tết 1968 is in lunar year 1967.
        assert_eq!(to_lunar(d(1968, 1, 28)), None);
        assert_eq!(to_lunar(d(1968, 1, 29)), Some(lunar(1968, 1, false, 1)));
        assert_eq!(to_lunar(d(2300, 6, 1)), None);
        assert_eq!(leap_month(2300), None);
        assert_eq!(to_lunar(d(2199, 12, 31)).map(|l| l.year), Some(2199));
    }

    #[test]
    fn every_day_from_1990_to_2030_round_trips() {
        let mut date = d(1990, 1, 1);
        let mut previous = to_lunar(date.pred_opt().unwrap()).unwrap();
        while date.year() <= 2030 {
            let lunar_date = to_lunar(date).unwrap();
            assert_eq!(from_lunar(lunar_date), Some(date), "{date}: {lunar_date:?}");
            // Each day is the day after the previous one, or the first of the next month.
            if lunar_date.day == 1 {
                assert!((29..=30).contains(&previous.day), "{date}: {previous:?}");
            } else {
                assert_eq!(lunar_date.day, previous.day + 1, "{date}");
                assert_eq!(
                    (lunar_date.year, lunar_date.month, lunar_date.leap),
                    (previous.year, previous.month, previous.leap)
                );
            }
            previous = lunar_date;
            date = date.succ_opt().unwrap();
        }
    }
}
