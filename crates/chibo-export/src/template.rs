//! The blank roster to fill in and import: the header names `parse_roster` recognises, two
//! example rows, and a "Hướng dẫn" sheet explaining the formats.

use rust_xlsxwriter::{ColNum, RowNum, Workbook};

use crate::sheet;
use crate::ExportError;

/// The template's columns, with their width in Excel characters.
pub const TEMPLATE_COLUMNS: [(&str, f64); 12] = [
    ("Họ và tên", 26.0),
    ("Giới tính", 9.0),
    ("Ngày sinh", 12.0),
    ("Quê quán", 24.0),
    ("Dân tộc", 9.0),
    ("Số thẻ đảng viên", 14.0),
    ("Ngày vào Đảng", 13.0),
    ("Ngày chính thức", 13.0),
    ("Chức vụ Đảng", 14.0),
    ("Chức vụ, nơi công tác", 30.0),
    ("Điện thoại", 13.0),
    ("Ghi chú", 28.0),
];

const EXAMPLES: [[&str; 12]; 2] = [
    [
        "Nguyễn Văn Hùng",
        "Nam",
        "12/03/1968",
        "Tân Thành, Tuyên Quang",
        "Kinh",
        "93012345",
        "19/05/1995",
        "19/05/1996",
        "Bí thư",
        "Trưởng thôn Bản Chắt",
        "0912345678",
        "Dòng mẫu: hãy xóa trước khi nhập",
    ],
    [
        "Lò Thị Mai",
        "Nữ",
        "05/02/1990",
        "Bản Chắt, Tân Thành, Tuyên Quang",
        "Tày",
        "93045678",
        "03/02/2016",
        "03/02/2017",
        "Chi ủy viên",
        "Giáo viên Trường Tiểu học Tân Thành",
        "0987654321",
        "Dòng mẫu: hãy xóa trước khi nhập",
    ],
];

const GUIDE: [&str; 14] = [
    "HƯỚNG DẪN ĐIỀN DANH SÁCH ĐẢNG VIÊN ĐỂ NHẬP VÀO SỔ TAY CHI BỘ",
    "",
    "1. Mỗi đảng viên một dòng, bắt đầu từ dòng 2 của trang \"Danh sách\". Giữ nguyên dòng tiêu đề; có thể đổi thứ tự cột, cột lạ sẽ được bỏ qua.",
    "2. Bắt buộc: \"Họ và tên\" và \"Ngày vào Đảng\". Các cột khác có thể để trống.",
    "3. Ngày ghi theo dạng ngày/tháng/năm, ví dụ 05/02/2026 (cũng đọc được 5/2/2026, 05-02-2026, 05.02.2026).",
    "4. Giới tính: ghi \"Nam\" hoặc \"Nữ\".",
    "5. Chức vụ Đảng: \"Bí thư\", \"Phó Bí thư\", \"Chi ủy viên\", hoặc để trống nếu là đảng viên.",
    "6. Ngày chính thức: để trống nếu đảng viên còn dự bị.",
    "7. Số thẻ đảng viên và điện thoại ghi như chữ (các cột này đã định dạng văn bản để giữ số 0 đầu).",
    "8. Hai dòng mẫu (Nguyễn Văn Hùng, Lò Thị Mai) phải xóa trước khi nhập.",
    "9. Có thể dán danh sách từ tệp khác vào; nếu có dòng tiêu đề phía trên (tên chi bộ…), chương trình vẫn tìm được dòng tiêu đề trong 15 dòng đầu.",
    "10. Lưu tệp dạng Excel (.xlsx). Nếu lưu CSV, hãy chọn \"CSV UTF-8\" để giữ dấu tiếng Việt.",
    "",
    "Trước khi nhập, chương trình cho xem trước từng dòng và báo dòng nào, cột nào cần sửa; chưa có gì được ghi cho đến khi bạn đồng ý.",
];

/// Rows pre-formatted as text below the header, so Excel keeps 05/02/2026 and 0912… as typed.
const TEXT_ROWS: RowNum = 500;

/// The import template as an Excel workbook.
pub fn import_template_xlsx() -> Result<Vec<u8>, ExportError> {
    let mut workbook = Workbook::new();
    let header = sheet::header();
    let cell = sheet::cell();
    let list = workbook.add_worksheet();
    list.set_name("Danh sách")?;
    for (col, (name, width)) in TEMPLATE_COLUMNS.iter().enumerate() {
        let col = col as ColNum;
        list.set_column_width(col, *width)?;
        list.write_string_with_format(0, col, *name, &header)?;
        // Text cells: Excel would otherwise turn 05/02/2026 into a date of the PC's locale
        // (5 February or May 2) and drop the leading 0 of phone numbers.
        for row in 1..=TEXT_ROWS {
            list.write_blank(row, col, &cell)?;
        }
    }
    for (index, example) in EXAMPLES.iter().enumerate() {
        let row = 1 + index as RowNum;
        for (col, text) in example.iter().enumerate() {
            list.write_string_with_format(row, col as ColNum, *text, &cell)?;
        }
    }
    list.set_freeze_panes(1, 0)?;

    let guide = workbook.add_worksheet();
    guide.set_name("Hướng dẫn")?;
    guide.set_column_width(0, 120)?;
    let text = sheet::base().set_text_wrap();
    let title = sheet::base().set_bold();
    for (row, line) in GUIDE.iter().enumerate() {
        let format = if row == 0 { &title } else { &text };
        guide.write_string_with_format(row as RowNum, 0, *line, format)?;
    }
    Ok(workbook.save_to_buffer()?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::roster::tests::read_xlsx;
    use calamine::Reader;

    #[test]
    fn the_template_has_the_recognised_headers_and_two_examples() {
        let rows = read_xlsx(import_template_xlsx().unwrap(), 0);
        let header: Vec<&str> = TEMPLATE_COLUMNS.iter().map(|(n, _)| *n).collect();
        assert_eq!(rows[0], header);
        assert_eq!(rows[1][0], "Nguyễn Văn Hùng");
        assert_eq!(rows[2][0], "Lò Thị Mai");
        assert_eq!(rows[2][1], "Nữ");
        assert_eq!(rows[2][6], "03/02/2016");
    }

    #[test]
    fn the_template_explains_the_formats_on_a_second_sheet() {
        let bytes = import_template_xlsx().unwrap();
        let workbook: calamine::Xlsx<_> =
            calamine::open_workbook_from_rs(std::io::Cursor::new(bytes.clone())).unwrap();
        assert_eq!(workbook.sheet_names(), vec!["Danh sách", "Hướng dẫn"]);
        let guide = read_xlsx(bytes, 1).concat().join("\n");
        assert!(guide.contains("05/02/2026"));
        assert!(guide.contains("\"Nam\" hoặc \"Nữ\""));
        assert!(guide.contains("\"Phó Bí thư\""));
    }
}
