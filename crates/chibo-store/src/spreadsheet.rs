//! Reading a spreadsheet file into a grid of cells for `chibo_core::roster_import`.
//!
//! The format is told by the content, not the name: a zip is an Excel (.xlsx) or
//! OpenDocument (.ods) workbook, an OLE file an old Excel (.xls) workbook, anything else
//! CSV text (UTF-8 with or without BOM, or UTF-16 as Excel's "Unicode Text"; delimiter
//! `,`, `;` or tab, sniffed). Only the first worksheet is read. Row 0 of the grid is the
//! file's row 1, so row numbers in messages match what the user sees.

use std::io::Cursor;
use std::path::Path;

use calamine::{open_workbook_from_rs, Data, Ods, Range, Reader, Xls, Xlsx};
use chibo_core::roster_import::Cell;
use chibo_core::validation::FieldError;
use chrono::NaiveDate;

use crate::error::{Error, Result};

/// Larger files are not member lists; refuse them before reading into memory.
pub const MAX_FILE_BYTES: u64 = 50 * 1024 * 1024;

const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
const OLE_MAGIC: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

fn invalid(message: String) -> Error {
    Error::Validation(FieldError::new("file", message))
}

/// Reads the first worksheet of a workbook, or a CSV file, into rows of cells.
pub fn read_grid(path: &Path) -> Result<Vec<Vec<Cell>>> {
    let shown = path.display();
    let bytes = read_file(path)?;
    if bytes.is_empty() {
        return Err(invalid(format!(
            "Tệp {shown} trống. Hãy chọn tệp danh sách có dữ liệu."
        )));
    }
    let grid = if bytes.starts_with(ZIP_MAGIC) {
        read_zip_workbook(path, bytes)?
    } else if bytes.starts_with(OLE_MAGIC) {
        read_xls(path, bytes)?
    } else if has_workbook_extension(path) {
        return Err(invalid(format!(
            "Tệp {shown} không phải bảng tính Excel/ODS hợp lệ (có thể là tệp văn bản đổi \
             đuôi). Hãy mở bằng Excel rồi lưu lại dạng .xlsx."
        )));
    } else {
        read_text(path, &bytes)?
    };
    let grid = trim(grid);
    if grid.is_empty() {
        return Err(invalid(format!(
            "Tệp {shown} không có dữ liệu (trang tính đầu tiên trống). Hãy đặt danh sách \
             đảng viên ở trang tính đầu tiên rồi thử lại."
        )));
    }
    Ok(grid)
}

fn read_file(path: &Path) -> Result<Vec<u8>> {
    let shown = path.display();
    let open_error = |e: std::io::Error| match e.kind() {
        std::io::ErrorKind::NotFound => Error::Io(format!(
            "Không tìm thấy tệp {shown}; có thể tệp đã bị xóa hoặc di chuyển. Hãy chọn lại tệp."
        )),
        std::io::ErrorKind::PermissionDenied => Error::Io(format!(
            "Không mở được tệp {shown}: không có quyền đọc, hoặc tệp đang được chương trình \
             khác giữ. Hãy đóng tệp (ví dụ trong Excel) rồi thử lại."
        )),
        _ => Error::io(
            &format!(
                "Không mở được tệp {shown}. Nếu tệp đang mở trong Excel, hãy đóng rồi thử lại"
            ),
            &e,
        ),
    };
    let metadata = std::fs::metadata(path).map_err(open_error)?;
    if metadata.is_dir() {
        return Err(invalid(format!(
            "{shown} là một thư mục, không phải tệp. Hãy chọn tệp danh sách (.xlsx hoặc .csv)."
        )));
    }
    // A pipe or a device would be read forever: only regular files are read.
    if !metadata.is_file() {
        return Err(invalid(format!(
            "{shown} không phải một tệp thường (là thiết bị hoặc đường ống). Hãy chọn tệp danh \
             sách (.xlsx hoặc .csv)."
        )));
    }
    if metadata.len() > MAX_FILE_BYTES {
        return Err(invalid(format!(
            "Tệp {shown} quá lớn ({} MB) để là danh sách đảng viên (tối đa {} MB). Hãy chọn \
             đúng tệp danh sách.",
            metadata.len() / (1024 * 1024),
            MAX_FILE_BYTES / (1024 * 1024)
        )));
    }
    std::fs::read(path).map_err(open_error)
}

fn has_workbook_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .is_some_and(|e| matches!(e.as_str(), "xlsx" | "xlsm" | "xls" | "ods"))
}

fn read_zip_workbook(path: &Path, bytes: Vec<u8>) -> Result<Vec<Vec<Cell>>> {
    let shown = path.display();
    let first_sheet = match open_workbook_from_rs::<Xlsx<_>, _>(Cursor::new(bytes.clone())) {
        Ok(mut workbook) => workbook
            .worksheet_range_at(0)
            .map(|r| r.map_err(|e| e.to_string())),
        Err(xlsx_error) => match open_workbook_from_rs::<Ods<_>, _>(Cursor::new(bytes)) {
            Ok(mut workbook) => workbook
                .worksheet_range_at(0)
                .map(|r| r.map_err(|e| e.to_string())),
            Err(calamine::OdsError::Password) => {
                return Err(invalid(format!(
                    "Tệp {shown} có mật khẩu. Hãy mở bằng chương trình bảng tính, bỏ mật khẩu, \
                     lưu lại rồi thử lại."
                )))
            }
            Err(ods_error) => {
                // The reason of the format the file looks like (an .ods has a "mimetype").
                let reason = match ods_error {
                    calamine::OdsError::FileNotFound("mimetype") => xlsx_error.to_string(),
                    other => other.to_string(),
                };
                return Err(invalid(format!(
                    "Tệp {shown} bị hỏng hoặc không phải bảng tính Excel/ODS ({reason}). \
                     Hãy mở bằng Excel rồi lưu lại dạng .xlsx."
                )));
            }
        },
    };
    sheet_grid(path, first_sheet)
}

fn read_xls(path: &Path, bytes: Vec<u8>) -> Result<Vec<Vec<Cell>>> {
    let shown = path.display();
    match open_workbook_from_rs::<Xls<_>, _>(Cursor::new(bytes)) {
        Ok(mut workbook) => sheet_grid(
            path,
            workbook
                .worksheet_range_at(0)
                .map(|r| r.map_err(|e| e.to_string())),
        ),
        Err(_) => Err(invalid(format!(
            "Không đọc được tệp {shown}: tệp Excel cũ bị hỏng, có mật khẩu, hoặc là tệp \
             Word/khác. Hãy mở bằng Excel, bỏ mật khẩu nếu có, rồi lưu lại dạng .xlsx."
        ))),
    }
}

fn sheet_grid(
    path: &Path,
    first_sheet: Option<std::result::Result<Range<Data>, String>>,
) -> Result<Vec<Vec<Cell>>> {
    let shown = path.display();
    match first_sheet {
        None => Err(invalid(format!(
            "Tệp {shown} không có trang tính nào. Hãy mở bằng Excel, thêm danh sách rồi lưu lại."
        ))),
        Some(Err(e)) => Err(invalid(format!(
            "Không đọc được trang tính đầu tiên của tệp {shown} ({e}). Hãy mở bằng Excel rồi \
             lưu lại dạng .xlsx."
        ))),
        Some(Ok(range)) => Ok(range_grid(&range)),
    }
}

/// A calamine range as rows from the sheet's row 1 and column A (a range starts at its
/// first used cell).
fn range_grid(range: &Range<Data>) -> Vec<Vec<Cell>> {
    let Some((top, left)) = range.start() else {
        return Vec::new();
    };
    let mut grid: Vec<Vec<Cell>> = (0..top).map(|_| Vec::new()).collect();
    for row in range.rows() {
        let mut cells: Vec<Cell> = (0..left).map(|_| Cell::Empty).collect();
        cells.extend(row.iter().map(data_cell));
        grid.push(cells);
    }
    grid
}

fn data_cell(data: &Data) -> Cell {
    match data {
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::String(s) => text_cell(s),
        Data::Bool(b) => Cell::Text(if *b { "TRUE" } else { "FALSE" }.to_owned()),
        Data::DateTime(dt) => {
            // A time of day alone (below 1) is no date.
            if dt.is_datetime() && dt.as_f64() >= 1.0 {
                let (y, m, d, ..) = dt.to_ymd_hms_milli();
                NaiveDate::from_ymd_opt(i32::from(y), u32::from(m), u32::from(d))
                    .map_or(Cell::Number(dt.as_f64()), Cell::Date)
            } else {
                Cell::Number(dt.as_f64())
            }
        }
        Data::DateTimeIso(s) => s
            .get(..10)
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
            .map_or_else(|| text_cell(s), Cell::Date),
        Data::DurationIso(s) => text_cell(s),
        Data::Error(_) | Data::Empty => Cell::Empty,
    }
}

fn text_cell(text: &str) -> Cell {
    if text.trim().is_empty() {
        Cell::Empty
    } else {
        Cell::Text(text.to_owned())
    }
}

/// Decodes CSV text and parses it.
fn read_text(path: &Path, bytes: &[u8]) -> Result<Vec<Vec<Cell>>> {
    let shown = path.display();
    let utf16 = |bytes: &[u8], little: bool| -> Option<String> {
        let units = bytes.chunks_exact(2).map(|pair| {
            let pair = [pair[0], pair[1]];
            if little {
                u16::from_le_bytes(pair)
            } else {
                u16::from_be_bytes(pair)
            }
        });
        char::decode_utf16(units)
            .collect::<std::result::Result<String, _>>()
            .ok()
    };
    let text = if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        utf16(rest, true)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        utf16(rest, false)
    } else if bytes.contains(&0) {
        return Err(invalid(format!(
            "Tệp {shown} không phải bảng tính hay tệp CSV (có thể là tệp Word, PDF, ảnh…). \
             Hãy chọn tệp danh sách dạng .xlsx hoặc .csv."
        )));
    } else {
        let bytes = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
        std::str::from_utf8(bytes).ok().map(str::to_owned)
    };
    let Some(text) = text else {
        return Err(invalid(format!(
            "Tệp {shown} không phải văn bản UTF-8 (có thể được lưu bằng bảng mã cũ như TCVN3, \
             VNI hay Windows-1258, làm hỏng dấu tiếng Việt). Lưu tệp CSV dạng UTF-8: mở bằng \
             Excel, chọn Lưu thành \"CSV UTF-8 (Comma delimited)\", hoặc lưu dạng .xlsx."
        )));
    };
    parse_csv(path, &text)
}

/// Excel's `sep=;` first line, or the most frequent of `,` `;` tab (outside quotes) on the
/// first non-empty line.
fn sniff_delimiter(text: &str) -> (u8, bool) {
    if let Some(sep) = text
        .lines()
        .next()
        .and_then(|l| l.trim().strip_prefix("sep="))
    {
        if let [delimiter] = sep.as_bytes() {
            return (*delimiter, true);
        }
    }
    let first = text
        .lines()
        .find(|line| !line.trim().is_empty())
        .unwrap_or("");
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for c in first.chars() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => counts[0] += 1,
            ';' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let delimiters = [b',', b';', b'\t'];
    let best = (0..3).max_by_key(|i| (counts[*i], 3 - i)).unwrap_or(0);
    (delimiters[best], false)
}

fn parse_csv(path: &Path, text: &str) -> Result<Vec<Vec<Cell>>> {
    let (delimiter, sep_line) = sniff_delimiter(text);
    let body = if sep_line {
        text.split_once('\n').map_or("", |(_, rest)| rest)
    } else {
        text
    };
    let body = mark_blank_lines(body);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(body.as_bytes());
    let mut grid = Vec::new();
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => grid.push(record.iter().map(text_cell).collect()),
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                return Err(invalid(format!(
                    "Không đọc được tệp {} ở dòng {line} ({e}). Hãy mở bằng Excel rồi lưu lại \
                     dạng .xlsx hoặc \"CSV UTF-8\".",
                    path.display()
                )));
            }
        }
    }
    Ok(grid)
}

/// The csv reader skips blank lines, but Excel shows each as an empty row: put a space on
/// every blank line (outside quoted cells) so row numbers stay Excel's. Line ends outside
/// quotes become `\n`.
fn mark_blank_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut quoted = false;
    let mut line_empty = true;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                quoted = !quoted;
                line_empty = false;
                out.push(c);
            }
            '\r' if !quoted && chars.peek() == Some(&'\n') => {}
            '\r' | '\n' if !quoted => {
                if line_empty {
                    out.push(' ');
                }
                out.push('\n');
                line_empty = true;
            }
            _ => {
                line_empty = false;
                out.push(c);
            }
        }
    }
    out
}

/// Drops empty cells at the end of rows and empty rows at the end.
fn trim(mut grid: Vec<Vec<Cell>>) -> Vec<Vec<Cell>> {
    for row in &mut grid {
        while row.last().is_some_and(|c| *c == Cell::Empty) {
            row.pop();
        }
    }
    while grid.last().is_some_and(Vec::is_empty) {
        grid.pop();
    }
    grid
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    use std::time::{Duration, Instant};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn t(s: &str) -> Cell {
        Cell::Text(s.to_owned())
    }

    fn write(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> std::path::PathBuf {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        path
    }

    fn message(err: Error) -> (&'static str, String) {
        (err.code(), err.to_string())
    }

    #[test]
    fn an_xlsx_is_read_with_texts_numbers_and_dates_from_row_one() {
        let mut workbook = Workbook::new();
        let sheet = workbook.add_worksheet();
        sheet.write_string(2, 1, "Họ và tên").unwrap();
        sheet.write_string(3, 1, "Nguyễn Văn Đức").unwrap();
        sheet.write_number(3, 2, 93012345).unwrap();
        let date = ExcelDateTime::from_ymd(1970, 3, 12).unwrap();
        let format = Format::new().set_num_format("dd/mm/yyyy");
        sheet
            .write_datetime_with_format(3, 3, &date, &format)
            .unwrap();
        let second = workbook.add_worksheet();
        second.write_string(0, 0, "không đọc").unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = write(&dir, "ds.xlsx", &workbook.save_to_buffer().unwrap());

        let grid = read_grid(&path).unwrap();
        assert_eq!(grid.len(), 4);
        assert!(grid[0].is_empty() && grid[1].is_empty());
        assert_eq!(grid[2], vec![Cell::Empty, t("Họ và tên")]);
        assert_eq!(
            grid[3],
            vec![
                Cell::Empty,
                t("Nguyễn Văn Đức"),
                Cell::Number(93012345.0),
                Cell::Date(d(1970, 3, 12))
            ]
        );
    }

    #[test]
    fn the_format_is_told_by_content_not_by_name() {
        let mut workbook = Workbook::new();
        workbook
            .add_worksheet()
            .write_string(0, 0, "Họ và tên")
            .unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = write(&dir, "danh sach.csv", &workbook.save_to_buffer().unwrap());
        assert_eq!(read_grid(&path).unwrap(), vec![vec![t("Họ và tên")]]);
    }

    #[test]
    fn csv_with_bom_without_bom_and_with_semicolons_read_alike() {
        let dir = tempfile::tempdir().unwrap();
        let expected = vec![
            vec![t("Họ và tên"), t("Ngày vào Đảng")],
            vec![t("Lò Thị Mai"), t("03/02/2016")],
            vec![t("Trần, Văn \"Ba\""), Cell::Empty, t("x")],
        ];
        let body =
            "Họ và tên,Ngày vào Đảng\r\nLò Thị Mai,03/02/2016\r\n\"Trần, Văn \"\"Ba\"\"\",,x\r\n";
        let mut with_bom = UTF8_BOM.to_vec();
        with_bom.extend_from_slice(body.as_bytes());
        for (name, bytes) in [
            ("bom.csv", with_bom),
            ("plain.csv", body.as_bytes().to_vec()),
            (
                "semi.csv",
                "Họ và tên;Ngày vào Đảng\nLò Thị Mai;03/02/2016\n\"Trần, Văn \"\"Ba\"\"\";;x\n"
                    .as_bytes()
                    .to_vec(),
            ),
            (
                "tab.txt",
                "Họ và tên\tNgày vào Đảng\nLò Thị Mai\t03/02/2016\n\"Trần, Văn \"\"Ba\"\"\"\t\tx\n"
                    .as_bytes()
                    .to_vec(),
            ),
        ] {
            let path = write(&dir, name, &bytes);
            assert_eq!(read_grid(&path).unwrap(), expected, "{name}");
        }
    }

    #[test]
    fn excel_sep_line_utf16_text_and_blank_lines_keep_row_numbers() {
        let dir = tempfile::tempdir().unwrap();
        let path = write(&dir, "sep.csv", b"sep=;\na;\"b\r\nb\"\n\n\nc;d\r\n\r\ne\n");
        let grid = read_grid(&path).unwrap();
        assert_eq!(
            grid,
            vec![
                vec![t("a"), t("b\r\nb")],
                vec![],
                vec![],
                vec![t("c"), t("d")],
                vec![],
                vec![t("e")]
            ]
        );

        let mut utf16 = vec![0xFF, 0xFE];
        for unit in "Họ và tên\tGhi chú\r\nĐức\tx\r\n".encode_utf16() {
            utf16.extend_from_slice(&unit.to_le_bytes());
        }
        let path = write(&dir, "unicode.txt", &utf16);
        assert_eq!(
            read_grid(&path).unwrap(),
            vec![vec![t("Họ và tên"), t("Ghi chú")], vec![t("Đức"), t("x")]]
        );
    }

    #[test]
    fn a_text_file_named_xlsx_is_refused_with_advice() {
        let dir = tempfile::tempdir().unwrap();
        let path = write(&dir, "ds.xlsx", "Họ và tên,Ngày vào Đảng\n".as_bytes());
        let (code, text) = message(read_grid(&path).unwrap_err());
        assert_eq!(code, "validation");
        assert!(
            text.contains("không phải bảng tính Excel/ODS hợp lệ"),
            "{text}"
        );
        assert!(text.contains("lưu lại dạng .xlsx"));
    }

    #[test]
    fn empty_missing_binary_and_legacy_encoded_files_are_explained() {
        let dir = tempfile::tempdir().unwrap();
        let (code, text) = message(read_grid(&write(&dir, "rong.csv", b"")).unwrap_err());
        assert_eq!(code, "validation");
        assert!(text.contains("trống"), "{text}");

        let (code, text) = message(read_grid(&dir.path().join("khong-co.xlsx")).unwrap_err());
        assert_eq!(code, "io");
        assert!(text.starts_with("Không tìm thấy tệp"), "{text}");
        assert!(text.contains("bị xóa hoặc di chuyển"));

        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
        let (code, text) = message(read_grid(&write(&dir, "anh.csv", png)).unwrap_err());
        assert_eq!(code, "validation");
        assert!(text.contains("không phải bảng tính hay tệp CSV"), "{text}");

        // "Nguyễn" in Windows-1258 (not UTF-8).
        let legacy = b"H\xd2 v\xe0 t\xean\nNguy\xean\n";
        let (_, text) = message(read_grid(&write(&dir, "cu.csv", legacy)).unwrap_err());
        assert!(text.contains("Lưu tệp CSV dạng UTF-8"), "{text}");

        let (code, _) = message(read_grid(dir.path()).unwrap_err());
        assert_eq!(code, "validation");
    }

    #[test]
    fn a_corrupt_zip_or_a_blank_first_sheet_is_explained() {
        let dir = tempfile::tempdir().unwrap();
        let path = write(&dir, "hong.xlsx", b"PK\x03\x04 not really a zip at all");
        let (code, text) = message(read_grid(&path).unwrap_err());
        assert_eq!(code, "validation");
        assert!(text.contains("bị hỏng"), "{text}");

        let mut workbook = Workbook::new();
        workbook.add_worksheet();
        workbook
            .add_worksheet()
            .write_string(0, 0, "Họ và tên")
            .unwrap();
        let path = write(&dir, "trong.xlsx", &workbook.save_to_buffer().unwrap());
        let (code, text) = message(read_grid(&path).unwrap_err());
        assert_eq!(code, "validation");
        assert!(text.contains("trang tính đầu tiên trống"), "{text}");

        let path = write(&dir, "cach.csv", b" , \n\n");
        assert!(read_grid(&path).is_err());
    }

    #[test]
    fn ten_thousand_csv_rows_are_read_within_a_second() {
        let mut body = String::from("\u{FEFF}STT,Họ và tên,Ngày sinh,Ngày vào Đảng,Số thẻ\r\n");
        for i in 0..10_000 {
            body.push_str(&format!(
                "{i},Nguyễn Văn Đức {i},12/03/1970,19/05/1995,930{i:05}\r\n"
            ));
        }
        let dir = tempfile::tempdir().unwrap();
        let path = write(&dir, "lon.csv", body.as_bytes());
        let started = Instant::now();
        let grid = read_grid(&path).unwrap();
        assert!(
            started.elapsed() < Duration::from_secs(1),
            "{:?}",
            started.elapsed()
        );
        assert_eq!(grid.len(), 10_001);
        assert_eq!(grid[10_000][1], t("Nguyễn Văn Đức 9999"));
    }

    /// A minimal stored (uncompressed) zip, enough for an .ods.
    fn stored_zip(entries: &[(&str, &[u8])]) -> Vec<u8> {
        fn crc32(bytes: &[u8]) -> u32 {
            let mut crc = !0u32;
            for &b in bytes {
                crc ^= u32::from(b);
                for _ in 0..8 {
                    crc = if crc & 1 == 1 {
                        (crc >> 1) ^ 0xEDB8_8320
                    } else {
                        crc >> 1
                    };
                }
            }
            !crc
        }
        let mut out = Vec::new();
        let mut central = Vec::new();
        for (name, data) in entries {
            let offset = out.len() as u32;
            let crc = crc32(data);
            let size = data.len() as u32;
            let header = |sig: u32, central_dir: bool| {
                let mut h = sig.to_le_bytes().to_vec();
                if central_dir {
                    h.extend_from_slice(&20u16.to_le_bytes());
                }
                h.extend_from_slice(&20u16.to_le_bytes()); // version needed
                h.extend_from_slice(&0u16.to_le_bytes()); // flags
                h.extend_from_slice(&0u16.to_le_bytes()); // stored
                h.extend_from_slice(&0u32.to_le_bytes()); // time, date
                h.extend_from_slice(&crc.to_le_bytes());
                h.extend_from_slice(&size.to_le_bytes());
                h.extend_from_slice(&size.to_le_bytes());
                h.extend_from_slice(&(name.len() as u16).to_le_bytes());
                h.extend_from_slice(&0u16.to_le_bytes()); // extra
                if central_dir {
                    h.extend_from_slice(&[0; 6]); // comment, disk, internal attributes
                    h.extend_from_slice(&0u32.to_le_bytes()); // external attributes
                    h.extend_from_slice(&offset.to_le_bytes());
                }
                h.extend_from_slice(name.as_bytes());
                h
            };
            out.extend(header(0x0403_4b50, false));
            out.extend_from_slice(data);
            central.extend(header(0x0201_4b50, true));
        }
        let central_offset = out.len() as u32;
        out.extend_from_slice(&central);
        out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
        out.extend_from_slice(&[0; 4]);
        out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
        out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
        out.extend_from_slice(&(central.len() as u32).to_le_bytes());
        out.extend_from_slice(&central_offset.to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes());
        out
    }

    #[test]
    fn an_ods_is_read_with_its_dates() {
        let manifest = r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
 <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
</manifest:manifest>"#;
        let content = r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">
<office:body><office:spreadsheet>
<table:table table:name="Danh sách">
<table:table-row>
<table:table-cell office:value-type="string"><text:p>Họ và tên</text:p></table:table-cell>
<table:table-cell office:value-type="string"><text:p>Ngày vào Đảng</text:p></table:table-cell>
</table:table-row>
<table:table-row>
<table:table-cell office:value-type="string"><text:p>Lò Thị Mai</text:p></table:table-cell>
<table:table-cell office:value-type="date" office:date-value="2016-02-03"><text:p>03/02/2016</text:p></table:table-cell>
<table:table-cell office:value-type="float" office:value="93045678"><text:p>93045678</text:p></table:table-cell>
</table:table-row>
</table:table>
</office:spreadsheet></office:body></office:document-content>"#;
        let bytes = stored_zip(&[
            (
                "mimetype",
                b"application/vnd.oasis.opendocument.spreadsheet",
            ),
            ("META-INF/manifest.xml", manifest.as_bytes()),
            // LibreOffice writes no white space between elements; calamine expects none.
            ("content.xml", content.replace('\n', "").as_bytes()),
        ]);
        let dir = tempfile::tempdir().unwrap();
        let path = write(&dir, "ds.ods", &bytes);
        let grid = read_grid(&path).unwrap();
        assert_eq!(grid[0], vec![t("Họ và tên"), t("Ngày vào Đảng")]);
        assert_eq!(
            grid[1],
            vec![
                t("Lò Thị Mai"),
                Cell::Date(d(2016, 2, 3)),
                Cell::Number(93045678.0)
            ]
        );
    }
}
