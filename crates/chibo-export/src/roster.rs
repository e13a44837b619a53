//! The member roster on a date, as XLSX (printable, for the office) and CSV (for Excel and
//! for re-import).

use chibo_core::branch::Branch;
use chibo_core::dates::format_dmy;
use chibo_core::member::{Gender, Member};
use chibo_core::roster::RosterEntry;
use chibo_core::text::neutralise_formula;
use chrono::NaiveDate;
use rust_xlsxwriter::{ColNum, RowNum, Workbook};

use crate::sheet;
use crate::ExportError;

/// The roster's columns, with their width in Excel characters.
pub const ROSTER_COLUMNS: [(&str, f64); 14] = [
    ("STT", 5.0),
    ("Họ và tên", 26.0),
    ("Giới tính", 8.0),
    ("Ngày sinh", 12.0),
    ("Quê quán", 20.0),
    ("Dân tộc", 9.0),
    ("Số thẻ đảng viên", 13.0),
    ("Ngày vào Đảng", 12.0),
    ("Ngày chính thức", 12.0),
    ("Chức vụ Đảng", 13.0),
    ("Tình trạng", 18.0),
    ("Chức vụ, nơi công tác", 24.0),
    ("Điện thoại", 13.0),
    ("Ghi chú", 20.0),
];

fn gender_label(gender: Option<Gender>) -> &'static str {
    match gender {
        Some(Gender::Male) => "Nam",
        Some(Gender::Female) => "Nữ",
        None => "",
    }
}

fn optional_date(date: Option<NaiveDate>) -> String {
    date.map(format_dmy).unwrap_or_default()
}

/// One entry as the texts of [`ROSTER_COLUMNS`]; `number` is its STT.
fn entry_texts(number: usize, entry: &RosterEntry) -> [String; 14] {
    let m: &Member = &entry.member;
    let mut standing = entry.standing.label().to_owned();
    if entry.attached_here {
        standing.push_str(" (sinh hoạt tạm thời)");
    }
    [
        number.to_string(),
        m.full_name.clone(),
        gender_label(m.gender).to_owned(),
        optional_date(m.birth_date),
        m.hometown.clone(),
        m.ethnicity.clone(),
        m.card_number.clone(),
        format_dmy(m.admitted_on),
        optional_date(m.official_on),
        m.role.label().to_owned(),
        standing,
        m.post.clone(),
        m.phone.clone(),
        m.notes.clone(),
    ]
}

/// Row of the column headers in the XLSX roster (0-based; title rows above it).
const HEADER_ROW: RowNum = 3;

/// The roster as an Excel workbook: a title with the branch and the date, a bold frozen
/// header, one row per entry in the given order. Every value is text, dates dd/mm/yyyy.
pub fn roster_xlsx(
    branch: &Branch,
    as_of: NaiveDate,
    entries: &[RosterEntry],
) -> Result<Vec<u8>, ExportError> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("Danh sách đảng viên")?;
    let last_col = (ROSTER_COLUMNS.len() - 1) as ColNum;
    sheet.merge_range(
        0,
        0,
        0,
        last_col,
        &format!("DANH SÁCH ĐẢNG VIÊN — {}", branch.name),
        &sheet::title(),
    )?;
    sheet.merge_range(
        1,
        0,
        1,
        last_col,
        &format!("Tính đến ngày {}", format_dmy(as_of)),
        &sheet::subtitle(),
    )?;
    let header = sheet::header();
    for (col, (name, width)) in ROSTER_COLUMNS.iter().enumerate() {
        let col = col as ColNum;
        sheet.set_column_width(col, *width)?;
        sheet.write_string_with_format(HEADER_ROW, col, *name, &header)?;
    }
    let cell = sheet::cell();
    for (index, entry) in entries.iter().enumerate() {
        let row = HEADER_ROW + 1 + index as RowNum;
        for (col, text) in entry_texts(index + 1, entry).iter().enumerate() {
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

/// The UTF-8 byte order mark: without it Windows Excel garbles the diacritics.
pub const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// The roster as CSV for Excel: UTF-8 with a BOM, commas, CRLF line ends, one header row
/// and one row per entry (no title rows, so the file can be imported again).
pub fn roster_csv(entries: &[RosterEntry]) -> Result<Vec<u8>, ExportError> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(UTF8_BOM.to_vec());
    let csv_error = |e: csv::Error| ExportError::Csv(e.to_string());
    writer
        .write_record(ROSTER_COLUMNS.iter().map(|(name, _)| *name))
        .map_err(csv_error)?;
    for (index, entry) in entries.iter().enumerate() {
        // A hostile value ("=HYPERLINK(…)" from an imported file) must not run in Excel.
        let texts = entry_texts(index + 1, entry);
        writer
            .write_record(
                texts
                    .iter()
                    .map(|text| neutralise_formula(text).into_owned()),
            )
            .map_err(csv_error)?;
    }
    writer
        .into_inner()
        .map_err(|e| ExportError::Csv(e.error().to_string()))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};
    use chibo_core::member::Role;
    use chibo_core::name::NameParts;
    use chibo_core::roster::Standing;
    use std::io::Cursor;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    pub(crate) fn read_xlsx(bytes: Vec<u8>, sheet: usize) -> Vec<Vec<String>> {
        let mut workbook: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).unwrap();
        let range = workbook.worksheet_range_at(sheet).unwrap().unwrap();
        range
            .rows()
            .map(|row| {
                row.iter()
                    .map(|c| match c {
                        Data::String(s) => s.clone(),
                        Data::Empty => String::new(),
                        other => format!("{other:?}"),
                    })
                    .collect()
            })
            .collect()
    }

    fn branch() -> Branch {
        Branch {
            id: 1,
            name: "Chi bộ thôn Bản Chắt".into(),
            parent_name: "Đảng bộ xã Tân Thành".into(),
            place: "Tân Thành".into(),
            term_start: None,
            term_end: None,
            founded_on: None,
        }
    }

    fn entries() -> Vec<RosterEntry> {
        let member = Member {
            id: 7,
            branch_id: 1,
            full_name: "Nguyễn Thị Hoa".into(),
            name_parts: NameParts::split("Nguyễn Thị Hoa"),
            gender: Some(Gender::Female),
            birth_date: Some(d(1980, 2, 5)),
            hometown: "Yên Bái".into(),
            ethnicity: "Tày".into(),
            card_number: "012345".into(),
            admitted_on: d(2025, 2, 5),
            official_on: Some(d(2026, 2, 5)),
            official_reference: String::new(),
            role: Role::DeputySecretary,
            post: "Giáo viên, \"Trường TH\"".into(),
            phone: "0912345678".into(),
            notes: String::new(),
        };
        vec![RosterEntry {
            member,
            standing: Standing::Official,
            attached_here: true,
        }]
    }

    #[test]
    fn the_xlsx_roster_has_title_header_and_text_dates_with_diacritics() {
        let bytes = roster_xlsx(&branch(), d(2026, 11, 27), &entries()).unwrap();
        let rows = read_xlsx(bytes, 0);
        assert_eq!(rows[0][0], "DANH SÁCH ĐẢNG VIÊN — Chi bộ thôn Bản Chắt");
        assert_eq!(rows[1][0], "Tính đến ngày 27/11/2026");
        let header: Vec<&str> = ROSTER_COLUMNS.iter().map(|(n, _)| *n).collect();
        assert_eq!(rows[3], header);
        let data = &rows[4];
        assert_eq!(data[0], "1");
        assert_eq!(data[1], "Nguyễn Thị Hoa");
        assert_eq!(data[2], "Nữ");
        assert_eq!(data[6], "012345");
        assert_eq!(data[8], "05/02/2026");
        assert_eq!(data[9], "Phó bí thư");
        assert_eq!(data[10], "Chính thức (sinh hoạt tạm thời)");
        assert_eq!(rows.len(), 5);
    }

    #[test]
    fn the_csv_roster_starts_with_a_bom_and_uses_crlf() {
        let bytes = roster_csv(&entries()).unwrap();
        assert!(bytes.starts_with(UTF8_BOM));
        let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
        let lines: Vec<&str> = text.split("\r\n").collect();
        assert_eq!(lines.len(), 3, "{text:?}");
        assert!(lines[0].starts_with("STT,Họ và tên,Giới tính,Ngày sinh,"));
        assert!(lines[0].contains("\"Chức vụ, nơi công tác\""));
        assert!(lines[1].contains(",05/02/2026,"));
        assert!(lines[1].contains("\"Giáo viên, \"\"Trường TH\"\"\""));
        assert_eq!(lines[2], "");
        assert!(!text.replace("\r\n", "").contains('\n'));
    }

    /// A hostile value cannot run as a formula in Excel (before, "=HYPERLINK(…)" was written
    /// as it was).
    #[test]
    fn a_formula_in_a_field_is_written_as_text_in_the_csv() {
        let mut rows = entries();
        rows[0].member.notes = "=HYPERLINK(\"http://x\",\"Bấm\")".into();
        rows[0].member.phone = "+84912345678".into();
        let text = String::from_utf8(roster_csv(&rows).unwrap()[3..].to_vec()).unwrap();
        assert!(
            text.contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"Bấm\"\")\""),
            "{text}"
        );
        assert!(text.contains(",'+84912345678,"), "{text}");
        assert!(!text.contains(",=HYPERLINK"), "{text}");
    }

    #[test]
    fn an_empty_roster_still_has_its_header() {
        let rows = read_xlsx(roster_xlsx(&branch(), d(2026, 1, 1), &[]).unwrap(), 0);
        assert_eq!(rows.len(), 4);
        let csv = roster_csv(&[]).unwrap();
        assert!(String::from_utf8(csv).unwrap().ends_with("Ghi chú\r\n"));
    }
}
