//! A year's meeting schedule as an Excel workbook, to print or send to the superior.

use chibo_core::branch::Branch;
use chibo_core::dates::format_dmy;
use chibo_core::meeting::{MeetingKind, MeetingStatus};
use chrono::{Datelike, NaiveDate, NaiveTime, Weekday};
use rust_xlsxwriter::{ColNum, RowNum, Workbook};

use crate::sheet;
use crate::ExportError;

/// One meeting of the schedule.
#[derive(Debug, Clone)]
pub struct ScheduleLine {
    pub date: NaiveDate,
    pub start: Option<NaiveTime>,
    pub kind: MeetingKind,
    pub title: String,
    pub place: String,
    pub status: MeetingStatus,
    /// The status reason of a postponed or cancelled meeting.
    pub note: String,
}

/// Header and width of each column of the schedule.
pub const SCHEDULE_COLUMNS: &[(&str, f64)] = &[
    ("STT", 6.0),
    ("Thứ", 10.0),
    ("Ngày", 13.0),
    ("Giờ", 8.0),
    ("Loại sinh hoạt", 28.0),
    ("Nội dung", 48.0),
    ("Địa điểm", 24.0),
    ("Tình trạng", 12.0),
    ("Ghi chú", 30.0),
];

const HEADER_ROW: RowNum = 3;

fn weekday(date: NaiveDate) -> &'static str {
    match date.weekday() {
        Weekday::Mon => "Thứ Hai",
        Weekday::Tue => "Thứ Ba",
        Weekday::Wed => "Thứ Tư",
        Weekday::Thu => "Thứ Năm",
        Weekday::Fri => "Thứ Sáu",
        Weekday::Sat => "Thứ Bảy",
        Weekday::Sun => "Chủ nhật",
    }
}

fn line_texts(number: usize, line: &ScheduleLine) -> [String; 9] {
    [
        number.to_string(),
        weekday(line.date).to_owned(),
        format_dmy(line.date),
        line.start
            .map(|t| t.format("%H:%M").to_string())
            .unwrap_or_default(),
        line.kind.label().to_owned(),
        line.title.clone(),
        line.place.clone(),
        line.status.label().to_owned(),
        line.note.clone(),
    ]
}

/// The schedule of `year`: a title with the branch, the superior and the year, a bold
/// frozen header, one row per meeting in date order. Every value is text.
pub fn schedule_xlsx(
    branch: &Branch,
    year: i32,
    lines: &[ScheduleLine],
) -> Result<Vec<u8>, ExportError> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name(format!("Lịch sinh hoạt {year}"))?;
    let last_col = (SCHEDULE_COLUMNS.len() - 1) as ColNum;
    sheet.merge_range(
        0,
        0,
        0,
        last_col,
        &format!("LỊCH SINH HOẠT NĂM {year} — {}", branch.name.to_uppercase()),
        &sheet::title(),
    )?;
    sheet.merge_range(1, 0, 1, last_col, &branch.parent_name, &sheet::subtitle())?;
    let header = sheet::header();
    for (col, (name, width)) in SCHEDULE_COLUMNS.iter().enumerate() {
        let col = col as ColNum;
        sheet.set_column_width(col, *width)?;
        sheet.write_string_with_format(HEADER_ROW, col, *name, &header)?;
    }
    let cell = sheet::cell();
    for (index, line) in lines.iter().enumerate() {
        let row = HEADER_ROW + 1 + index as RowNum;
        for (col, text) in line_texts(index + 1, line).iter().enumerate() {
            sheet.write_string_with_format(row, col as ColNum, text, &cell)?;
        }
    }
    sheet.set_freeze_panes(HEADER_ROW + 1, 0)?;
    sheet.set_repeat_rows(HEADER_ROW, HEADER_ROW)?;
    sheet.set_landscape();
    sheet.set_paper_size(9); // A4
    sheet.set_print_fit_to_pages(1, 0);
    Ok(workbook.save_to_buffer()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekdays_are_named_in_vietnamese() {
        let d = |day| NaiveDate::from_ymd_opt(2026, 3, day).unwrap();
        assert_eq!(weekday(d(1)), "Chủ nhật");
        assert_eq!(weekday(d(5)), "Thứ Năm");
    }
}
