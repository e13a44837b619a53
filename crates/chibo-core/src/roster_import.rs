//! Reading a member roster from a spreadsheet grid (the cells of the first sheet, or of a
//! CSV file): finding the header row, mapping its columns to member fields, turning every
//! data row into a [`MemberInput`] validated by the same rules as the form, and listing each
//! row's problems in Vietnamese, with the row and column the user sees in Excel.
//!
//! Pure: the grid comes in already read (chibo-store reads files), `today` is passed in.

use std::collections::HashMap;

use chrono::{Datelike, Days, NaiveDate};
use serde::Serialize;
use ts_rs::TS;

use crate::dates::{format_dmy, parse_dmy};
use crate::member::{Gender, MemberInput, Role};
use crate::settings::RuleSettings;
use crate::text::{clean, fold, without_formula_guard};
use crate::validation::FieldError;

/// One cell of a sheet, as the file stores it.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    Date(NaiveDate),
}

impl Cell {
    fn is_blank(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(text) => text.trim().is_empty(),
            Cell::Number(_) | Cell::Date(_) => false,
        }
    }

    /// The cell as a text: integers without ".0" (card and phone numbers typed into a
    /// number cell), dates as dd/mm/yyyy.
    pub fn display(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(text) => without_formula_guard(text).to_owned(),
            Cell::Number(n) => number_text(*n),
            Cell::Date(date) => format_dmy(*date),
        }
    }
}

fn number_text(n: f64) -> String {
    if n.is_finite() && n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

/// How many rows from the top are searched for the header row.
pub const HEADER_SEARCH_ROWS: usize = 15;

/// A column of the file and the member field it fills (`null`: ignored).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ColumnMapping {
    /// 0-based column index (A = 0).
    pub column: u32,
    /// The header as written in the file.
    pub header: String,
    /// The `MemberInput` field (`full_name`, `admitted_on`, …); `null` when ignored.
    pub field: Option<String>,
}

/// One problem of one row, in Vietnamese.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RowProblem {
    /// The row number as Excel shows it (1-based).
    pub row_number: u32,
    /// The column header as written in the file; empty for the whole row.
    pub column: String,
    pub message: String,
}

/// One data row of the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ParsedRow {
    /// The row number as Excel shows it (1-based).
    pub row_number: u32,
    /// The member to import, cleaned and validated; `null` when the row has problems.
    pub input: Option<MemberInput>,
    pub problems: Vec<RowProblem>,
    /// The row's cells as texts, one per entry of [`ParsedRoster::columns`], for the preview.
    pub values: Vec<String>,
}

impl ParsedRow {
    /// A row is imported only when it has no problem.
    pub fn is_importable(&self) -> bool {
        self.problems.is_empty() && self.input.is_some()
    }
}

/// The roster read from a grid: how columns were understood, and each data row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ParsedRoster {
    /// The header row's number as Excel shows it (1-based).
    pub header_row: u32,
    pub columns: Vec<ColumnMapping>,
    pub rows: Vec<ParsedRow>,
}

impl ParsedRoster {
    /// The members of the rows without problems, in file order.
    pub fn valid_inputs(&self) -> Vec<&MemberInput> {
        self.rows.iter().filter_map(|r| r.input.as_ref()).collect()
    }

    /// Every problem of every row, in file order.
    pub fn problems(&self) -> Vec<&RowProblem> {
        self.rows.iter().flat_map(|r| r.problems.iter()).collect()
    }
}

/// The member fields a column can fill.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Field {
    /// "STT": recognised as a header, not read.
    Number,
    FullName,
    Gender,
    BirthDate,
    Hometown,
    Ethnicity,
    CardNumber,
    AdmittedOn,
    OfficialOn,
    OfficialReference,
    Role,
    Post,
    Phone,
    Notes,
}

impl Field {
    /// The `MemberInput` field name, as `FieldError::field` names it.
    fn name(self) -> Option<&'static str> {
        Some(match self {
            Field::Number => return None,
            Field::FullName => "full_name",
            Field::Gender => "gender",
            Field::BirthDate => "birth_date",
            Field::Hometown => "hometown",
            Field::Ethnicity => "ethnicity",
            Field::CardNumber => "card_number",
            Field::AdmittedOn => "admitted_on",
            Field::OfficialOn => "official_on",
            Field::OfficialReference => "official_reference",
            Field::Role => "role",
            Field::Post => "post",
            Field::Phone => "phone",
            Field::Notes => "notes",
        })
    }

    /// The Vietnamese label used in messages.
    fn label(self) -> &'static str {
        match self {
            Field::Number => "STT",
            Field::FullName => "Họ và tên",
            Field::Gender => "Giới tính",
            Field::BirthDate => "Ngày sinh",
            Field::Hometown => "Quê quán",
            Field::Ethnicity => "Dân tộc",
            Field::CardNumber => "Số thẻ đảng viên",
            Field::AdmittedOn => "Ngày vào Đảng",
            Field::OfficialOn => "Ngày chính thức",
            Field::OfficialReference => "Số quyết định công nhận chính thức",
            Field::Role => "Chức vụ Đảng",
            Field::Post => "Chức vụ, nơi công tác",
            Field::Phone => "Điện thoại",
            Field::Notes => "Ghi chú",
        }
    }
}

/// Header spellings, compared after [`header_key`].
const SYNONYMS: &[(Field, &[&str])] = &[
    (Field::Number, &["STT", "TT", "Số TT", "Số thứ tự"]),
    (
        Field::FullName,
        &[
            "Họ và tên",
            "Họ tên",
            "Họ và tên đảng viên",
            "Họ tên đảng viên",
            "Tên đảng viên",
        ],
    ),
    (Field::Gender, &["Giới tính", "Nam/Nữ", "Giới"]),
    (
        Field::BirthDate,
        &[
            "Ngày sinh",
            "Ngày tháng năm sinh",
            "Ngày, tháng, năm sinh",
            "Sinh ngày",
        ],
    ),
    (Field::Hometown, &["Quê quán", "Quê"]),
    (Field::Ethnicity, &["Dân tộc"]),
    (
        Field::CardNumber,
        &[
            "Số thẻ đảng viên",
            "Số thẻ",
            "Số thẻ ĐV",
            "Số thẻ Đảng",
            "Số thẻ đảng",
        ],
    ),
    (
        Field::AdmittedOn,
        &[
            "Ngày vào Đảng",
            "Ngày kết nạp",
            "Ngày kết nạp Đảng",
            "Ngày kết nạp vào Đảng",
        ],
    ),
    (
        Field::OfficialOn,
        &[
            "Ngày chính thức",
            "Ngày công nhận chính thức",
            "Ngày được công nhận chính thức",
        ],
    ),
    (
        Field::OfficialReference,
        &[
            "Số quyết định công nhận chính thức",
            "Quyết định công nhận chính thức",
            "Số quyết định chính thức",
        ],
    ),
    (
        Field::Role,
        &[
            "Chức vụ Đảng",
            "Chức vụ trong chi bộ",
            "Chức vụ trong Đảng",
            "Chức vụ chi bộ",
        ],
    ),
    (
        Field::Post,
        &[
            "Chức vụ",
            "Chức vụ chính quyền",
            "Nơi công tác",
            "Chức vụ, nơi công tác",
            "Chức vụ và nơi công tác",
            "Nghề nghiệp",
            "Nghề nghiệp, nơi công tác",
        ],
    ),
    (
        Field::Phone,
        &["Điện thoại", "Số điện thoại", "SĐT", "ĐT", "Di động"],
    ),
    (Field::Notes, &["Ghi chú"]),
];

/// A header's comparison key: accent-folded, without bracketed remarks ("(*)",
/// "(dd/mm/yyyy)") and punctuation, spaces collapsed. "Họ và tên (*):" → "ho va ten".
fn header_key(text: &str) -> String {
    let folded = fold(text);
    let mut out = String::with_capacity(folded.len());
    let mut depth = 0u32;
    for c in folded.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            _ if depth > 0 => {}
            c if c.is_alphanumeric() => out.push(c),
            _ => out.push(' '),
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn field_of_header(text: &str) -> Option<Field> {
    let key = header_key(text);
    if key.is_empty() {
        return None;
    }
    SYNONYMS
        .iter()
        .find(|(_, names)| names.iter().any(|name| header_key(name) == key))
        .map(|(field, _)| *field)
}

fn quoted_list(texts: &[String]) -> String {
    if texts.is_empty() {
        "(không có)".to_owned()
    } else {
        texts
            .iter()
            .map(|t| format!("\"{t}\""))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

fn row_texts(row: &[Cell]) -> Vec<String> {
    row.iter()
        .filter(|c| !c.is_blank())
        .map(|c| clean(&c.display()))
        .collect()
}

/// The header row: among the first rows, the one with a "Họ và tên" column and the most
/// recognised headers (at least two). Returns its index.
fn find_header(grid: &[Vec<Cell>]) -> Result<usize, FieldError> {
    let mut best: Option<(usize, usize)> = None;
    for (index, row) in grid.iter().take(HEADER_SEARCH_ROWS).enumerate() {
        let fields: Vec<Field> = row
            .iter()
            .filter_map(|c| match c {
                Cell::Text(t) => field_of_header(t),
                _ => None,
            })
            .collect();
        if fields.len() >= 2
            && fields.contains(&Field::FullName)
            && best.is_none_or(|(_, count)| fields.len() > count)
        {
            best = Some((index, fields.len()));
        }
    }
    if let Some((index, _)) = best {
        return Ok(index);
    }
    // Show the user the row that looks most like a header: the first with the most texts.
    let shown = grid
        .iter()
        .take(HEADER_SEARCH_ROWS)
        .map(|row| row_texts(row))
        .fold(Vec::new(), |best, texts| {
            if texts.len() > best.len() {
                texts
            } else {
                best
            }
        });
    Err(FieldError::new(
        "file",
        format!(
            "Không tìm thấy cột \"Họ và tên\" trong {HEADER_SEARCH_ROWS} dòng đầu của bảng. \
             Hãy đặt một dòng tiêu đề có các cột \"Họ và tên\" và \"Ngày vào Đảng\" \
             (xem tệp mẫu); các cột đọc được: {}.",
            quoted_list(&shown)
        ),
    ))
}

/// Today's two-digit year decides the century of `d/m/yy`: up to it → 20yy, else 19yy.
fn full_year(two_digits: u32, today: NaiveDate) -> i32 {
    let this_year = today.year();
    let century = this_year - this_year.rem_euclid(100);
    let short = two_digits as i32;
    if short <= this_year.rem_euclid(100) {
        century + short
    } else {
        century - 100 + short
    }
}

/// The largest Excel serial date (31/12/9999).
const MAX_EXCEL_SERIAL: f64 = 2_958_465.0;

/// An Excel serial date of the 1900 system: 1 is 01/01/1900; 60 is Excel's 29/02/1900,
/// a day that never was.
pub fn excel_serial_date(serial: f64) -> Option<NaiveDate> {
    if !serial.is_finite() || !(1.0..=MAX_EXCEL_SERIAL + 0.999_999).contains(&serial) {
        return None;
    }
    let days = serial.floor() as u64;
    if days == 60 {
        return None;
    }
    let epoch = if days < 60 {
        NaiveDate::from_ymd_opt(1899, 12, 31)?
    } else {
        NaiveDate::from_ymd_opt(1899, 12, 30)?
    };
    epoch.checked_add_days(Days::new(days))
}

/// A text date: dd/mm/yyyy, d/m/yyyy, d/m/yy (separators `/ - .`), or yyyy-mm-dd.
fn parse_text_date(label: &str, text: &str, today: NaiveDate) -> Result<NaiveDate, String> {
    let trimmed = text.trim();
    // "05/02/2026 00:00:00", as some programs export dates.
    let trimmed = match trimmed.split_once(' ') {
        Some((date, time))
            if !time.trim().is_empty()
                && time.trim().chars().all(|c| c.is_ascii_digit() || c == ':') =>
        {
            date
        }
        _ => trimmed,
    };
    let first = parse_dmy("", label, trimmed);
    let Err(first) = first else {
        return first.map_err(|e| e.message);
    };
    let parts: Vec<&str> = trimmed.split(['/', '-', '.']).collect();
    let numbers: Vec<Option<u32>> = parts
        .iter()
        .map(|p| {
            (!p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()))
                .then(|| p.parse().ok())
                .flatten()
        })
        .collect();
    let date = match (parts.as_slice(), numbers.as_slice()) {
        ([d, m, y], [Some(day), Some(month), Some(year)])
            if d.len() <= 2 && m.len() <= 2 && y.len() == 2 =>
        {
            NaiveDate::from_ymd_opt(full_year(*year, today), *month, *day)
        }
        ([y, m, d], [Some(year), Some(month), Some(day)])
            if y.len() == 4 && m.len() <= 2 && d.len() <= 2 && *year >= 1900 =>
        {
            NaiveDate::from_ymd_opt(*year as i32, *month, *day)
        }
        _ => None,
    };
    date.ok_or(first.message)
}

/// A date cell: a date, an Excel serial number, or a text date; empty → `None`.
fn cell_date(field: Field, cell: &Cell, today: NaiveDate) -> Result<Option<NaiveDate>, String> {
    let label = field.label();
    match cell {
        Cell::Empty => Ok(None),
        Cell::Date(date) => Ok(Some(*date)),
        Cell::Text(text) if text.trim().is_empty() => Ok(None),
        Cell::Text(text) => parse_text_date(label, text, today).map(Some),
        Cell::Number(n) if n.fract() == 0.0 && (1000.0..=2200.0).contains(n) => Err(format!(
            "{label}: {} chỉ là một năm; hãy ghi đủ ngày/tháng/năm, ví dụ 05/02/{}.",
            number_text(*n),
            number_text(*n)
        )),
        Cell::Number(n) => excel_serial_date(*n).map(Some).ok_or_else(|| {
            format!(
                "{label}: ô chứa số {} không đọc được thành ngày. Hãy ghi theo dạng \
                 ngày/tháng/năm, ví dụ 05/02/2026.",
                number_text(*n)
            )
        }),
    }
}

fn cell_gender(cell: &Cell) -> Result<Option<Gender>, String> {
    let text = cell.display();
    match fold(&text).as_str() {
        "" => Ok(None),
        "nam" => Ok(Some(Gender::Male)),
        "nu" => Ok(Some(Gender::Female)),
        _ => Err(format!(
            "Giới tính \"{}\" không rõ; hãy ghi \"Nam\" hoặc \"Nữ\" (hoặc để trống).",
            clean(&text)
        )),
    }
}

fn cell_role(cell: &Cell) -> Result<Role, String> {
    let text = cell.display();
    let key = header_key(&text);
    let key = key
        .strip_suffix(" chi bo")
        .or_else(|| key.strip_suffix(" chi uy"))
        .unwrap_or(&key);
    match key {
        "bi thu" => Ok(Role::Secretary),
        "pho bi thu" => Ok(Role::DeputySecretary),
        "chi uy vien" | "uy vien" | "uy vien chi uy" => Ok(Role::CommitteeMember),
        "" | "dang vien" | "dang vien chinh thuc" | "dang vien du bi" => Ok(Role::Member),
        _ => Err(format!(
            "Chức vụ Đảng \"{}\" không rõ; hãy ghi \"Bí thư\", \"Phó Bí thư\", \
             \"Chi ủy viên\", hoặc để trống nếu là đảng viên.",
            clean(&text)
        )),
    }
}

/// A phone typed into a number cell loses its leading 0 (0912345678 → 912345678).
fn cell_phone(cell: &Cell) -> String {
    match cell {
        Cell::Number(_) => {
            let digits = cell.display();
            if (9..=10).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit()) {
                format!("0{digits}")
            } else {
                digits
            }
        }
        _ => cell.display(),
    }
}

/// A row only of column numbers ("(1)", "(2)", … or 1, 2, …), as printed forms have under
/// the header, or of a pre-filled STT with nothing else.
fn is_marker_row(cells: &[&Cell]) -> bool {
    let marker = |cell: &&Cell| match cell {
        Cell::Empty => true,
        Cell::Number(n) => n.fract() == 0.0 && (0.0..1000.0).contains(n),
        Cell::Text(t) => {
            let t = t.trim();
            let inner = t
                .strip_prefix('(')
                .and_then(|t| t.strip_suffix(')'))
                .unwrap_or(t);
            inner.is_empty() || (inner.len() <= 3 && inner.bytes().all(|b| b.is_ascii_digit()))
        }
        Cell::Date(_) => false,
    };
    cells.iter().all(marker)
}

struct Columns {
    mappings: Vec<ColumnMapping>,
    /// Column index of each field read (the first column with that header wins).
    fields: HashMap<Field, usize>,
}

static EMPTY: Cell = Cell::Empty;

impl Columns {
    fn cell<'a>(&self, row: &'a [Cell], field: Field) -> &'a Cell {
        self.fields
            .get(&field)
            .and_then(|i| row.get(*i))
            .unwrap_or(&EMPTY)
    }

    fn header(&self, field: Field) -> String {
        self.fields
            .get(&field)
            .and_then(|index| self.mappings.iter().find(|m| m.column as usize == *index))
            .map(|m| m.header.clone())
            .unwrap_or_default()
    }

    fn header_of_name(&self, name: &str) -> String {
        SYNONYMS
            .iter()
            .map(|(field, _)| *field)
            .find(|f| f.name() == Some(name))
            .map(|f| self.header(f))
            .unwrap_or_default()
    }
}

fn map_columns(header: &[Cell]) -> Columns {
    let mut mappings = Vec::new();
    let mut fields = HashMap::new();
    for (index, cell) in header.iter().enumerate() {
        if cell.is_blank() {
            continue;
        }
        let text = clean(&cell.display());
        let field = match cell {
            Cell::Text(t) => field_of_header(t),
            _ => None,
        };
        let mut name = None;
        if let Some(field) = field {
            if let std::collections::hash_map::Entry::Vacant(e) = fields.entry(field) {
                e.insert(index);
                name = field.name().map(str::to_owned);
            }
        }
        mappings.push(ColumnMapping {
            column: u32::try_from(index).unwrap_or(u32::MAX),
            header: text,
            field: name,
        });
    }
    Columns { mappings, fields }
}

fn missing_column(header_row: usize, columns: &Columns, field: Field) -> FieldError {
    let found: Vec<String> = columns.mappings.iter().map(|m| m.header.clone()).collect();
    FieldError::new(
        "file",
        format!(
            "Không tìm thấy cột \"{}\" ở dòng tiêu đề (dòng {}). Hãy thêm cột này hoặc sửa \
             tên cột cho đúng (xem tệp mẫu); các cột đọc được: {}.",
            field.label(),
            header_row + 1,
            quoted_list(&found)
        ),
    )
}

/// Fields `validated` may reject that can be emptied to look for further problems.
fn clear_field(input: &mut MemberInput, field: &str) -> bool {
    match field {
        "full_name" => input.full_name = "Tên".to_owned(),
        "birth_date" => input.birth_date = None,
        "hometown" => input.hometown.clear(),
        "ethnicity" => input.ethnicity.clear(),
        "card_number" => input.card_number.clear(),
        "official_on" => input.official_on = None,
        "official_reference" => input.official_reference.clear(),
        "post" => input.post.clear(),
        "phone" => input.phone.clear(),
        "notes" => input.notes.clear(),
        _ => return false,
    }
    true
}

/// Reads one data row; `None` for a blank row.
fn parse_row(
    grid_row: &[Cell],
    row_number: u32,
    columns: &Columns,
    today: NaiveDate,
    rules: &RuleSettings,
) -> Option<ParsedRow> {
    let cell = |field: Field| columns.cell(grid_row, field);
    let read: Vec<&Cell> = columns
        .fields
        .keys()
        .filter(|field| **field != Field::Number)
        .map(|field| columns.cell(grid_row, *field))
        .collect();
    if read.iter().all(|c| c.is_blank()) || is_marker_row(&read) {
        return None;
    }
    let mut problems = Vec::new();
    let mut problem = |field: Field, message: String| {
        problems.push(RowProblem {
            row_number,
            column: columns.header(field),
            message,
        });
    };

    let mut date = |field: Field| match cell_date(field, cell(field), today) {
        Ok(date) => date,
        Err(message) => {
            problem(field, message);
            None
        }
    };
    let birth_date = date(Field::BirthDate);
    let admitted_on = date(Field::AdmittedOn);
    let official_on = date(Field::OfficialOn);
    let admitted_missing = admitted_on.is_none() && cell(Field::AdmittedOn).is_blank();
    let gender = cell_gender(cell(Field::Gender)).unwrap_or_else(|message| {
        problem(Field::Gender, message);
        None
    });
    let role = cell_role(cell(Field::Role)).unwrap_or_else(|message| {
        problem(Field::Role, message);
        Role::Member
    });
    if admitted_missing {
        problem(
            Field::AdmittedOn,
            "Ngày vào Đảng không được để trống; hãy ghi theo dạng ngày/tháng/năm, \
             ví dụ 19/05/1995."
                .to_owned(),
        );
    }
    let text = |field: Field| cell(field).display();
    let mut input = MemberInput {
        full_name: text(Field::FullName),
        name_parts: None,
        gender,
        birth_date,
        hometown: text(Field::Hometown),
        ethnicity: text(Field::Ethnicity),
        card_number: text(Field::CardNumber),
        // A missing admission date is reported above; today stands in so the other
        // fields are still checked, and its own problems are then dropped.
        admitted_on: admitted_on.unwrap_or(today),
        official_on: if admitted_on.is_some() {
            official_on
        } else {
            None
        },
        official_reference: text(Field::OfficialReference),
        role,
        post: text(Field::Post),
        phone: cell_phone(cell(Field::Phone)),
        notes: text(Field::Notes),
    };
    let mut valid = None;
    for _ in 0..16 {
        match input.validated(today, rules) {
            Ok(member) => {
                valid = Some(member.input);
                break;
            }
            Err(err) => {
                let stand_in = admitted_on.is_none()
                    && (err.field == "admitted_on" || err.field == "official_on");
                if stand_in {
                    // The stand-in date clashes with the birth date: check without it.
                    if input.birth_date.take().is_none() {
                        break;
                    }
                    continue;
                }
                problems.push(RowProblem {
                    row_number,
                    column: columns.header_of_name(&err.field),
                    message: err.message.clone(),
                });
                if !clear_field(&mut input, &err.field) {
                    break;
                }
            }
        }
    }
    let values = columns
        .mappings
        .iter()
        .map(|m| {
            grid_row
                .get(m.column as usize)
                .map(Cell::display)
                .unwrap_or_default()
        })
        .collect();
    Some(ParsedRow {
        row_number,
        input: if problems.is_empty() { valid } else { None },
        problems,
        values,
    })
}

/// Marks a later row that repeats an earlier one: the same card number, or the same name
/// and birth date.
fn mark_duplicates(
    grid: &[Vec<Cell>],
    rows: &mut [ParsedRow],
    columns: &Columns,
    today: NaiveDate,
) {
    let mut by_card: HashMap<String, u32> = HashMap::new();
    let mut by_person: HashMap<(String, NaiveDate), u32> = HashMap::new();
    for row in rows.iter_mut() {
        let cells = grid
            .get(row.row_number.saturating_sub(1) as usize)
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        let cell_text = |field: Field| clean(&columns.cell(cells, field).display());
        let card = fold(&cell_text(Field::CardNumber));
        let name = fold(&cell_text(Field::FullName));
        let birth = cell_date(
            Field::BirthDate,
            columns.cell(cells, Field::BirthDate),
            today,
        )
        .ok()
        .flatten();
        let mut found = None;
        if !card.is_empty() {
            match by_card.get(&card) {
                Some(first) => {
                    found = Some((
                        Field::CardNumber,
                        format!(
                            "Trùng với dòng {first} (cùng số thẻ đảng viên {}). Hãy xóa một \
                             trong hai dòng hoặc sửa số thẻ.",
                            cell_text(Field::CardNumber)
                        ),
                    ))
                }
                None => {
                    by_card.insert(card, row.row_number);
                }
            }
        }
        if let (false, Some(birth)) = (name.is_empty(), birth) {
            match by_person.get(&(name.clone(), birth)) {
                Some(first) if found.is_none() => {
                    found = Some((
                        Field::FullName,
                        format!(
                            "Trùng với dòng {first} (cùng họ tên {} và ngày sinh {}). Hãy xóa \
                             một trong hai dòng nếu là cùng một người.",
                            cell_text(Field::FullName),
                            format_dmy(birth)
                        ),
                    ))
                }
                Some(_) => {}
                None => {
                    by_person.insert((name, birth), row.row_number);
                }
            }
        }
        if let Some((field, message)) = found {
            row.problems.push(RowProblem {
                row_number: row.row_number,
                column: columns.header(field),
                message,
            });
            row.input = None;
        }
    }
}

/// Reads a roster from a sheet's cells (`grid[row][column]`, row 0 is Excel's row 1).
///
/// Errors only for the file as a whole: no header row, a required column missing, no data
/// row. Every row's own problems are in [`ParsedRow::problems`]; a row without problems
/// carries its validated [`MemberInput`]. Blank rows are skipped wherever they are.
pub fn parse_roster(
    grid: &[Vec<Cell>],
    today: NaiveDate,
    rules: &RuleSettings,
) -> Result<ParsedRoster, FieldError> {
    let header_index = find_header(grid)?;
    let header = grid.get(header_index).map(Vec::as_slice).unwrap_or(&[]);
    let columns = map_columns(header);
    for required in [Field::FullName, Field::AdmittedOn] {
        if !columns.fields.contains_key(&required) {
            return Err(missing_column(header_index, &columns, required));
        }
    }
    let mut rows: Vec<ParsedRow> = grid
        .iter()
        .enumerate()
        .skip(header_index + 1)
        .filter_map(|(index, row)| {
            let number = u32::try_from(index + 1).ok()?;
            parse_row(row, number, &columns, today, rules)
        })
        .collect();
    if rows.is_empty() {
        return Err(FieldError::new(
            "file",
            format!(
                "Tệp không có dòng dữ liệu nào. Hãy nhập danh sách đảng viên vào các dòng dưới \
                 dòng tiêu đề (dòng {}).",
                header_index + 1
            ),
        ));
    }
    mark_duplicates(grid, &mut rows, &columns, today);
    Ok(ParsedRoster {
        header_row: u32::try_from(header_index + 1).unwrap_or(u32::MAX),
        columns: columns.mappings,
        rows,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn today() -> NaiveDate {
        d(2026, 11, 27)
    }

    fn t(s: &str) -> Cell {
        if s.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(s.to_owned())
        }
    }

    fn row(cells: &[&str]) -> Vec<Cell> {
        cells.iter().map(|c| t(c)).collect()
    }

    fn parse(grid: &[Vec<Cell>]) -> Result<ParsedRoster, FieldError> {
        parse_roster(grid, today(), &RuleSettings::default())
    }

    const HEADER: [&str; 5] = [
        "STT",
        "Họ và tên",
        "Ngày sinh",
        "Ngày vào Đảng",
        "Số thẻ đảng viên",
    ];

    fn grid(rows: &[&[&str]]) -> Vec<Vec<Cell>> {
        let mut g = vec![row(&HEADER)];
        g.extend(rows.iter().map(|r| row(r)));
        g
    }

    fn field_of(roster: &ParsedRoster, header: &str) -> Option<String> {
        roster
            .columns
            .iter()
            .find(|c| c.header == header)
            .and_then(|c| c.field.clone())
    }

    #[test]
    fn a_well_formed_row_becomes_a_validated_member() {
        let roster = parse(&grid(&[&[
            "1",
            "Nguyễn Văn Đức",
            "12/03/1970",
            "19/05/1995",
            "93012345",
        ]]))
        .unwrap();
        assert_eq!(roster.header_row, 1);
        let row = &roster.rows[0];
        assert_eq!(row.row_number, 2);
        assert!(row.problems.is_empty(), "{:?}", row.problems);
        let input = row.input.as_ref().unwrap();
        assert_eq!(input.full_name, "Nguyễn Văn Đức");
        assert_eq!(input.birth_date, Some(d(1970, 3, 12)));
        assert_eq!(input.admitted_on, d(1995, 5, 19));
        assert_eq!(input.card_number, "93012345");
        assert_eq!(input.role, Role::Member);
        assert_eq!(row.values[1], "Nguyễn Văn Đức");
    }

    #[test]
    fn headers_match_without_diacritics_in_any_order_with_remarks() {
        let g = vec![
            row(&[
                "ngay vao dang (*)",
                "GIOI TINH",
                "Ho va ten:",
                "Cột lạ",
                "SĐT",
                "Chức vụ, nơi công tác",
                "Chức vụ Đảng",
            ]),
            row(&[
                "19/05/1995",
                "Nữ",
                "Lò Thị Mai",
                "x",
                "0912345678",
                "Giáo viên",
                "Phó Bí thư",
            ]),
        ];
        let roster = parse(&g).unwrap();
        assert_eq!(
            field_of(&roster, "ngay vao dang (*)").as_deref(),
            Some("admitted_on")
        );
        assert_eq!(
            field_of(&roster, "Ho va ten:").as_deref(),
            Some("full_name")
        );
        assert_eq!(field_of(&roster, "GIOI TINH").as_deref(), Some("gender"));
        assert_eq!(field_of(&roster, "Cột lạ"), None);
        assert_eq!(field_of(&roster, "SĐT").as_deref(), Some("phone"));
        assert_eq!(
            field_of(&roster, "Chức vụ, nơi công tác").as_deref(),
            Some("post")
        );
        assert_eq!(field_of(&roster, "Chức vụ Đảng").as_deref(), Some("role"));
        let input = roster.rows[0].input.as_ref().unwrap();
        assert_eq!(input.gender, Some(Gender::Female));
        assert_eq!(input.role, Role::DeputySecretary);
        assert_eq!(input.post, "Giáo viên");
        assert_eq!(input.phone, "0912345678");
    }

    #[test]
    fn the_header_may_sit_below_title_rows() {
        let g = vec![
            row(&["ĐẢNG BỘ XÃ TÂN THÀNH"]),
            row(&["DANH SÁCH ĐẢNG VIÊN CHI BỘ THÔN BẢN CHẮT"]),
            row(&[]),
            row(&HEADER),
            row(&["1", "Hoàng Văn Nam", "", "01/09/2010", ""]),
        ];
        let roster = parse(&g).unwrap();
        assert_eq!(roster.header_row, 4);
        assert_eq!(roster.rows.len(), 1);
        assert_eq!(roster.rows[0].row_number, 5);
        assert!(roster.rows[0].is_importable());
    }

    #[test]
    fn an_impossible_date_is_a_problem_on_its_column() {
        let roster = parse(&grid(&[&[
            "1",
            "Trần Thị Hoa",
            "31/02/1970",
            "19/05/1995",
            "",
        ]]))
        .unwrap();
        let row = &roster.rows[0];
        assert!(row.input.is_none());
        assert_eq!(row.problems.len(), 1, "{:?}", row.problems);
        assert_eq!(row.problems[0].column, "Ngày sinh");
        assert_eq!(row.problems[0].row_number, 2);
        assert!(row.problems[0].message.contains("31/02/1970"));
    }

    #[test]
    fn birth_after_admission_is_reported_on_the_admission_column() {
        let roster = parse(&grid(&[&[
            "1",
            "Trần Thị Hoa",
            "01/01/1996",
            "19/05/1995",
            "",
        ]]))
        .unwrap();
        let problem = &roster.rows[0].problems[0];
        assert_eq!(problem.column, "Ngày vào Đảng");
        assert!(problem.message.contains("18 tuổi"), "{}", problem.message);
    }

    #[test]
    fn a_future_admission_date_is_rejected() {
        let roster = parse(&grid(&[&["1", "Trần Thị Hoa", "", "28/11/2026", ""]])).unwrap();
        let problem = &roster.rows[0].problems[0];
        assert_eq!(problem.column, "Ngày vào Đảng");
        assert!(problem.message.contains("không được sau hôm nay"));
    }

    #[test]
    fn every_problem_of_a_row_is_listed() {
        let g = vec![
            row(&[
                "Họ và tên",
                "Giới tính",
                "Ngày vào Đảng",
                "Điện thoại",
                "Chức vụ Đảng",
            ]),
            row(&["Nguyễn Văn 2", "Nam giới", "", "09abc", "Trưởng thôn"]),
        ];
        let roster = parse(&g).unwrap();
        let columns: Vec<&str> = roster.rows[0]
            .problems
            .iter()
            .map(|p| p.column.as_str())
            .collect();
        for column in [
            "Họ và tên",
            "Giới tính",
            "Ngày vào Đảng",
            "Điện thoại",
            "Chức vụ Đảng",
        ] {
            assert!(
                columns.contains(&column),
                "{column} missing from {columns:?}"
            );
        }
    }

    #[test]
    fn the_same_person_twice_is_flagged_on_the_later_row() {
        let roster = parse(&grid(&[
            &[
                "1",
                "Nguyễn Văn Đức",
                "12/03/1970",
                "19/05/1995",
                "93012345",
            ],
            &["2", "Lê Văn Tám", "", "01/01/2000", "93099999"],
            &["3", "Nguyen Van Duc", "12/3/1970", "19/05/1995", ""],
            &["4", "Phạm Thị Lan", "", "01/01/2001", "93012345"],
        ]))
        .unwrap();
        assert!(roster.rows[0].is_importable());
        assert!(roster.rows[1].is_importable());
        let same_person = &roster.rows[2].problems;
        assert_eq!(same_person.len(), 1);
        assert!(same_person[0].message.contains("Trùng với dòng 2"));
        assert_eq!(same_person[0].column, "Họ và tên");
        let same_card = &roster.rows[3].problems;
        assert!(same_card[0].message.contains("Trùng với dòng 2"));
        assert!(same_card[0].message.contains("93012345"));
        assert_eq!(same_card[0].column, "Số thẻ đảng viên");
        assert_eq!(roster.valid_inputs().len(), 2);
    }

    #[test]
    fn decomposed_names_come_out_composed_and_trimmed() {
        let roster = parse(&grid(&[&[
            "1",
            "  Nguye\u{0302}\u{0303}n   Va\u{0306}n  Đức ",
            "",
            " 19/05/1995 ",
            " 93012345 ",
        ]]))
        .unwrap();
        let input = roster.rows[0].input.as_ref().unwrap();
        assert_eq!(input.full_name, "Nguyễn Văn Đức");
        assert_eq!(input.card_number, "93012345");
        assert_eq!(input.admitted_on, d(1995, 5, 19));
    }

    #[test]
    fn excel_serial_numbers_are_dates_of_the_1900_system() {
        assert_eq!(excel_serial_date(25569.0), Some(d(1970, 1, 1)));
        assert_eq!(excel_serial_date(44927.0), Some(d(2023, 1, 1)));
        assert_eq!(excel_serial_date(1.0), Some(d(1900, 1, 1)));
        assert_eq!(excel_serial_date(59.0), Some(d(1900, 2, 28)));
        assert_eq!(excel_serial_date(60.0), None);
        assert_eq!(excel_serial_date(61.0), Some(d(1900, 3, 1)));
        assert_eq!(excel_serial_date(2_958_465.0), Some(d(9999, 12, 31)));
        assert_eq!(excel_serial_date(2_958_466.0), None);
        assert_eq!(excel_serial_date(0.0), None);
        assert_eq!(excel_serial_date(f64::NAN), None);

        let g = vec![
            row(&["Họ và tên", "Ngày sinh", "Ngày vào Đảng", "Số thẻ"]),
            vec![
                t("Nguyễn Văn Đức"),
                Cell::Number(25569.0),
                Cell::Number(44927.5),
                Cell::Number(93012345.0),
            ],
        ];
        let roster = parse(&g).unwrap();
        let input = roster.rows[0].input.as_ref().unwrap();
        assert_eq!(input.birth_date, Some(d(1970, 1, 1)));
        assert_eq!(input.admitted_on, d(2023, 1, 1));
        assert_eq!(input.card_number, "93012345");
    }

    #[test]
    fn a_year_alone_in_a_date_column_asks_for_the_full_date() {
        let g = vec![
            row(&["Họ và tên", "Ngày sinh", "Ngày vào Đảng"]),
            vec![t("Nguyễn Văn Đức"), Cell::Number(1970.0), t("19/05/1995")],
        ];
        let problem = &parse(&g).unwrap().rows[0].problems[0];
        assert_eq!(problem.column, "Ngày sinh");
        assert!(problem.message.contains("chỉ là một năm"));
    }

    #[test]
    fn two_digit_years_pick_the_century_from_today() {
        let roster = parse(&grid(&[
            &["1", "Nguyễn Văn Đức", "5/2/70", "19/5/95", ""],
            &["2", "Lê Thị Hà", "1-1-00", "3.2.26", ""],
        ]))
        .unwrap();
        let first = roster.rows[0].input.as_ref().unwrap();
        assert_eq!(first.birth_date, Some(d(1970, 2, 5)));
        assert_eq!(first.admitted_on, d(1995, 5, 19));
        let second = roster.rows[1].input.as_ref().unwrap();
        assert_eq!(second.birth_date, Some(d(2000, 1, 1)));
        assert_eq!(second.admitted_on, d(2026, 2, 3));
        assert_eq!(full_year(27, today()), 1927);
        assert_eq!(full_year(26, today()), 2026);
    }

    #[test]
    fn iso_dates_and_dates_with_a_time_from_other_programs_are_read() {
        let roster = parse(&grid(&[&[
            "1",
            "Nguyễn Văn Đức",
            "1970-03-12",
            "1995-05-19",
            "",
        ]]))
        .unwrap();
        let input = roster.rows[0].input.as_ref().unwrap();
        assert_eq!(input.birth_date, Some(d(1970, 3, 12)));
        let roster = parse(&grid(&[&[
            "1",
            "Nguyễn Văn Đức",
            "12/03/1970 00:00:00",
            "19/05/1995",
            "",
        ]]))
        .unwrap();
        let input = roster.rows[0].input.as_ref().unwrap();
        assert_eq!(input.birth_date, Some(d(1970, 3, 12)));
    }

    #[test]
    fn blank_and_numbering_rows_are_skipped_and_row_numbers_stay_true() {
        let mut g = grid(&[
            &["(1)", "(2)", "(3)", "(4)", "(5)"],
            &["1", "Nguyễn Văn Đức", "", "19/05/1995", ""],
            &["", "  ", "", "", ""],
            &[],
            &["2", "Lê Thị Hà", "", "01/01/2001", ""],
            &["3", "", "", "", ""],
        ]);
        g.push(vec![Cell::Empty, Cell::Text("\t".into())]);
        let roster = parse(&g).unwrap();
        let numbers: Vec<u32> = roster.rows.iter().map(|r| r.row_number).collect();
        assert_eq!(numbers, vec![3, 6]);
        assert!(roster.rows.iter().all(ParsedRow::is_importable));
    }

    #[test]
    fn a_missing_required_column_names_it_and_lists_what_was_found() {
        let err = parse(&[
            row(&["STT", "Họ và tên", "Ngày sinh"]),
            row(&["1", "Nguyễn Văn Đức", "12/03/1970"]),
        ])
        .unwrap_err();
        assert_eq!(err.field, "file");
        assert!(err.message.contains("\"Ngày vào Đảng\""), "{}", err.message);
        assert!(err.message.contains("\"Ngày sinh\""), "{}", err.message);

        let err = parse(&[row(&["Tên", "Năm sinh"]), row(&["Đức", "1970"])]).unwrap_err();
        assert!(
            err.message.starts_with("Không tìm thấy cột \"Họ và tên\""),
            "{}",
            err.message
        );
        assert!(
            err.message.contains("\"Tên\", \"Năm sinh\""),
            "{}",
            err.message
        );
    }

    #[test]
    fn a_header_without_data_rows_is_a_file_error() {
        let err = parse(&[row(&HEADER), row(&[]), row(&["", " "])]).unwrap_err();
        assert!(err.message.starts_with("Tệp không có dòng dữ liệu nào."));
        assert!(parse(&[]).is_err());
    }

    #[test]
    fn gender_and_role_words_are_read_accent_insensitively() {
        let g = vec![
            row(&[
                "Họ và tên",
                "Nam/Nữ",
                "Ngày vào Đảng",
                "Chức vụ trong chi bộ",
            ]),
            row(&["Nguyễn Văn Đức", "NAM", "19/05/1995", "bi thu chi bo"]),
            row(&["Lê Thị Hà", "nữ", "19/05/1996", "Ủy viên"]),
            row(&["Lò Văn Sáng", "", "19/05/1997", "Đảng viên"]),
        ];
        let roster = parse(&g).unwrap();
        let inputs = roster.valid_inputs();
        assert_eq!(inputs.len(), 3, "{:?}", roster.problems());
        assert_eq!(
            (inputs[0].gender, inputs[0].role),
            (Some(Gender::Male), Role::Secretary)
        );
        assert_eq!(
            (inputs[1].gender, inputs[1].role),
            (Some(Gender::Female), Role::CommitteeMember)
        );
        assert_eq!((inputs[2].gender, inputs[2].role), (None, Role::Member));
    }

    #[test]
    fn a_phone_stored_as_a_number_gets_its_leading_zero_back() {
        let g = vec![
            row(&["Họ và tên", "Ngày vào Đảng", "Điện thoại"]),
            vec![
                t("Nguyễn Văn Đức"),
                t("19/05/1995"),
                Cell::Number(912345678.0),
            ],
        ];
        let roster = parse(&g).unwrap();
        assert_eq!(roster.valid_inputs()[0].phone, "0912345678");
    }

    fn arb_cell() -> impl Strategy<Value = Cell> {
        prop_oneof![
            Just(Cell::Empty),
            "\\PC{0,12}".prop_map(Cell::Text),
            prop::sample::select(vec![
                "Họ và tên",
                "Ngày vào Đảng",
                "Ngày sinh",
                "Giới tính",
                "31/02/1970",
                "05/02/2026",
                "1/1/99",
                "Nữ",
                "Bí thư",
                "(1)",
            ])
            .prop_map(|s| Cell::Text(s.to_owned())),
            any::<f64>().prop_map(Cell::Number),
            (-5000.0f64..3_000_000.0).prop_map(Cell::Number),
            (1i32..9999, 1u32..=12, 1u32..=28)
                .prop_map(|(y, m, dd)| Cell::Date(NaiveDate::from_ymd_opt(y, m, dd).unwrap())),
        ]
    }

    proptest! {
        #[test]
        fn parse_roster_never_panics(
            g in prop::collection::vec(prop::collection::vec(arb_cell(), 0..8), 0..12)
        ) {
            if let Ok(roster) = parse(&g) {
                for r in &roster.rows {
                    prop_assert_eq!(r.input.is_some(), r.problems.is_empty());
                    prop_assert_eq!(r.values.len(), roster.columns.len());
                }
            }
        }
    }
}
