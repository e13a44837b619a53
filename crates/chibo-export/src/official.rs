//! The renderer-neutral model of an official Party document (HD 36-HD/VPTW, Phụ lục 3):
//! header, title, body blocks and signatures, plus the page layout and the header texts both
//! renderers ([`crate::official_docx`], [`crate::official_pdf`]) share, so a DOCX and a PDF
//! of the same document read the same.
//!
//! The model carries words, not formatting: capitals, sizes, the rule under
//! "ĐẢNG CỘNG SẢN VIỆT NAM", the star and the written-out date are the renderers' job.

use chibo_core::dates::party_date_words;
use chrono::NaiveDate;
use serde::Serialize;

/// One official document of a chi bộ: minutes, a sign-in sheet, a notice, a report…
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfficialDocument {
    /// The superior organisation, e.g. "Đảng bộ xã Tân Thành" (printed in capitals, regular).
    pub superior: String,
    /// The issuing organisation, e.g. "Chi bộ thôn Bản Chắt" (printed in capitals, bold,
    /// with a centred star under it).
    pub organisation: String,
    /// The document's number and symbol, e.g. "03-BB/CB", printed as "Số 03-BB/CB".
    pub number: Option<String>,
    /// Where it was issued, e.g. "Tân Thành".
    pub place: String,
    /// When it was issued, written out: "Tân Thành, ngày 05 tháng 02 năm 2026".
    pub date: NaiveDate,
    /// The kind of document, e.g. "BIÊN BẢN" (printed in capitals, bold).
    pub title: String,
    /// The line under the title, e.g. "Sinh hoạt chi bộ thường kỳ tháng 02 năm 2026".
    pub summary: Option<String>,
    pub body: Vec<Block>,
    /// Signature blocks side by side, left then right; a single one goes on the right.
    pub signatures: Vec<Signature>,
}

/// A piece of the body, top to bottom.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Block {
    /// A bold section heading, e.g. "I. THỜI GIAN, ĐỊA ĐIỂM, THÀNH PHẦN".
    Heading { text: String },
    /// A justified paragraph with a first-line indent.
    Paragraph { runs: Vec<Run> },
    /// A list numbered 1., 2., 3.…; each item is a paragraph of runs.
    Numbered { items: Vec<Vec<Run>> },
    /// A bordered table; the header row is bold and repeats on each page. A table without
    /// columns is left out.
    Table(Table),
}

impl Block {
    /// A heading block.
    pub fn heading(text: impl Into<String>) -> Self {
        Block::Heading { text: text.into() }
    }

    /// A paragraph of one plain run.
    pub fn text(text: impl Into<String>) -> Self {
        Block::Paragraph {
            runs: vec![Run::plain(text)],
        }
    }

    /// A paragraph of several runs.
    pub fn paragraph(runs: Vec<Run>) -> Self {
        Block::Paragraph { runs }
    }
}

/// A stretch of text with one style; a `\n` in the text is a line break.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Run {
    pub text: String,
    pub bold: bool,
    pub italic: bool,
}

impl Run {
    pub fn plain(text: impl Into<String>) -> Self {
        Run {
            text: text.into(),
            bold: false,
            italic: false,
        }
    }

    pub fn bold(text: impl Into<String>) -> Self {
        Run {
            bold: true,
            ..Run::plain(text)
        }
    }

    pub fn italic(text: impl Into<String>) -> Self {
        Run {
            italic: true,
            ..Run::plain(text)
        }
    }
}

/// A bordered table: a bold header row, then rows of plain cells.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Table {
    pub columns: Vec<Column>,
    /// Each row holds one text per column (missing cells are left empty, extra ones dropped).
    pub rows: Vec<Vec<String>>,
    /// The least height of a body row, e.g. 10 mm to leave room for a signature.
    pub min_row_height_mm: Option<u8>,
}

/// A table column: its header, its share of the text width and its alignment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Column {
    pub header: String,
    /// The column's share of the table width; the shares are scaled to fill the text width.
    pub width_percent: u8,
    /// Centre the body cells (numbers, dates); otherwise left-aligned.
    pub centered: bool,
}

impl Column {
    pub fn new(header: impl Into<String>, width_percent: u8, centered: bool) -> Self {
        Column {
            header: header.into(),
            width_percent,
            centered,
        }
    }
}

/// A signature block: bold caption lines, room to sign, then the bold name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Signature {
    /// E.g. `["T/M CHI BỘ", "BÍ THƯ"]` or `["THƯ KÝ"]`, printed in capitals.
    pub caption: Vec<String>,
    /// The signer's full name; empty leaves the line blank to be written by hand.
    pub name: String,
}

impl Signature {
    pub fn new<S: Into<String>>(
        caption: impl IntoIterator<Item = S>,
        name: impl Into<String>,
    ) -> Self {
        Signature {
            caption: caption.into_iter().map(Into::into).collect(),
            name: name.into(),
        }
    }
}

/// The right-hand header line of every Party document.
pub const PARTY_NAME: &str = "ĐẢNG CỘNG SẢN VIỆT NAM";

/// Page geometry shared by the renderers, in millimetres (HD 36: A4; top 20, bottom 20,
/// left 30, right 15).
pub mod layout {
    pub const PAGE_WIDTH_MM: u32 = 210;
    pub const PAGE_HEIGHT_MM: u32 = 297;
    pub const MARGIN_TOP_MM: u32 = 20;
    pub const MARGIN_BOTTOM_MM: u32 = 20;
    pub const MARGIN_LEFT_MM: u32 = 30;
    pub const MARGIN_RIGHT_MM: u32 = 15;
    /// The width of the header's left column (superior, organisation, star, number); the
    /// right column takes the rest of the 165 mm text width.
    pub const HEADER_LEFT_MM: u32 = 75;
    /// Font sizes in points.
    pub const BODY_PT: u32 = 14;
    pub const PARTY_NAME_PT: u32 = 15;
    pub const TITLE_PT: u32 = 16;
    /// The table text size: 13 pt keeps a 25-member list readable and compact.
    pub const TABLE_PT: u32 = 13;
    /// The first-line indent of body paragraphs.
    pub const INDENT_MM: u32 = 10;
}

/// The header and title texts exactly as printed, derived once for both renderers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct PrintedHeader {
    pub superior: String,
    pub organisation: String,
    pub number: Option<String>,
    pub party: &'static str,
    pub place_date: String,
    pub title: String,
    pub summary: Option<String>,
}

impl OfficialDocument {
    pub(crate) fn printed_header(&self) -> PrintedHeader {
        let trimmed = |s: &str| s.trim().to_owned();
        PrintedHeader {
            superior: self.superior.trim().to_uppercase(),
            organisation: self.organisation.trim().to_uppercase(),
            number: self
                .number
                .as_deref()
                .map(str::trim)
                .filter(|n| !n.is_empty())
                .map(|n| format!("Số {n}")),
            party: PARTY_NAME,
            place_date: self.place_date_line(),
            title: self.title.trim().to_uppercase(),
            summary: self
                .summary
                .as_deref()
                .map(trimmed)
                .filter(|s| !s.is_empty()),
        }
    }

    /// `Tân Thành, ngày 05 tháng 02 năm 2026` (without the place if none is given).
    pub fn place_date_line(&self) -> String {
        let date = party_date_words(self.date);
        match self.place.trim() {
            "" => capitalise_first(&date),
            place => format!("{place}, {date}"),
        }
    }

    /// The signature blocks as rows of (left, right): two per row, a lone one on the right.
    pub(crate) fn signature_rows(&self) -> Vec<(Option<&Signature>, &Signature)> {
        self.signatures
            .chunks(2)
            .filter_map(|pair| match pair {
                [left, right] => Some((Some(left), right)),
                [only] => Some((None, only)),
                _ => None,
            })
            .collect()
    }
}

fn capitalise_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The shares of the text width the columns take, summing to 1 (equal shares when every
/// column says 0).
pub(crate) fn column_fractions(columns: &[Column]) -> Vec<f64> {
    let total: u32 = columns.iter().map(|c| u32::from(c.width_percent)).sum();
    columns
        .iter()
        .map(|c| {
            if total == 0 {
                1.0 / columns.len() as f64
            } else {
                f64::from(c.width_percent) / f64::from(total)
            }
        })
        .collect()
}

/// The row's cells padded or cut to the column count.
pub(crate) fn row_cells(row: &[String], columns: usize) -> Vec<&str> {
    (0..columns)
        .map(|i| row.get(i).map(String::as_str).unwrap_or(""))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc() -> OfficialDocument {
        OfficialDocument {
            superior: "Đảng bộ xã Tân Thành".into(),
            organisation: " Chi bộ thôn Bản Chắt ".into(),
            number: Some("03-BB/CB".into()),
            place: "Tân Thành".into(),
            date: NaiveDate::from_ymd_opt(2026, 2, 5).unwrap(),
            title: "Biên bản".into(),
            summary: Some("  ".into()),
            body: vec![],
            signatures: vec![],
        }
    }

    #[test]
    fn header_texts_are_capitalised_with_vietnamese_marks() {
        let h = doc().printed_header();
        assert_eq!(h.superior, "ĐẢNG BỘ XÃ TÂN THÀNH");
        assert_eq!(h.organisation, "CHI BỘ THÔN BẢN CHẮT");
        assert_eq!(h.number.as_deref(), Some("Số 03-BB/CB"));
        assert_eq!(h.place_date, "Tân Thành, ngày 05 tháng 02 năm 2026");
        assert_eq!(h.title, "BIÊN BẢN");
        assert_eq!(h.summary, None);
    }

    #[test]
    fn a_date_without_place_starts_with_a_capital() {
        let mut d = doc();
        d.place = String::new();
        assert_eq!(d.place_date_line(), "Ngày 05 tháng 02 năm 2026");
    }

    #[test]
    fn a_lone_signature_goes_on_the_right() {
        let mut d = doc();
        let thu_ky = Signature::new(["THƯ KÝ"], "Lường Thị Hạnh");
        let chu_tri = Signature::new(["CHỦ TRÌ"], "Hoàng Văn Chiến");
        d.signatures = vec![chu_tri.clone()];
        assert_eq!(d.signature_rows(), vec![(None, &chu_tri)]);
        d.signatures = vec![thu_ky.clone(), chu_tri.clone(), thu_ky.clone()];
        assert_eq!(
            d.signature_rows(),
            vec![(Some(&thu_ky), &chu_tri), (None, &thu_ky)]
        );
    }

    #[test]
    fn column_shares_fill_the_width() {
        let cols = [
            Column::new("STT", 10, true),
            Column::new("Họ và tên", 30, false),
        ];
        assert_eq!(column_fractions(&cols), vec![0.25, 0.75]);
        let zeros = [Column::new("a", 0, false), Column::new("b", 0, false)];
        assert_eq!(column_fractions(&zeros), vec![0.5, 0.5]);
        assert_eq!(row_cells(&["1".into()], 3), vec!["1", "", ""]);
    }
}
