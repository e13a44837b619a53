//! An [`OfficialDocument`] as a Word file (DOCX) in the HD 36-HD/VPTW layout, for the
//! secretary to edit and print: A4, margins 20/20/30/15 mm, Times New Roman in all four
//! font slots (so Vietnamese never falls back to another font), the two-column header as a
//! borderless table, page numbers at the top centre from page 2.
//!
//! docx-rs has no API for a repeating table header row, so the rows are marked here after
//! building (see [`mark_repeating_header_rows`]).

use std::io::Cursor;

use docx_rs::{
    AlignmentType, BorderType, BreakType, Docx, Header, HeightRule, LineSpacing, LineSpacingType,
    PageMargin, PageNum, Paragraph, ParagraphBorder, ParagraphBorderPosition, ParagraphBorders,
    Run as DocxRun, RunFonts, SpecialIndentType, Table as DocxTable, TableAlignmentType, TableCell,
    TableCellMargins, TableLayoutType, TableRow, VAlignType, WidthType,
};

use crate::official::{
    column_fractions, layout, row_cells, Block, OfficialDocument, PrintedHeader, Run, Signature,
    Table,
};
use crate::ExportError;

/// The font of every run, in all four slots (ASCII, high ANSI, complex script, East Asian).
pub const DOCX_FONT: &str = "Times New Roman";

/// A4 in twips (1/20 pt).
const PAGE_WIDTH: u32 = 11906;
const PAGE_HEIGHT: u32 = 16838;
const MARGIN_TOP: i32 = mm_to_twips(layout::MARGIN_TOP_MM);
const MARGIN_BOTTOM: i32 = mm_to_twips(layout::MARGIN_BOTTOM_MM);
const MARGIN_LEFT: i32 = mm_to_twips(layout::MARGIN_LEFT_MM);
const MARGIN_RIGHT: i32 = mm_to_twips(layout::MARGIN_RIGHT_MM);
/// The page number sits 10 mm from the top edge, inside the 20 mm top margin.
const HEADER_DISTANCE: i32 = mm_to_twips(10);
const TEXT_WIDTH: i32 = PAGE_WIDTH as i32 - MARGIN_LEFT - MARGIN_RIGHT;
const HEADER_LEFT: i32 = mm_to_twips(layout::HEADER_LEFT_MM);
const HEADER_RIGHT: i32 = TEXT_WIDTH - HEADER_LEFT;
/// The width of "ĐẢNG CỘNG SẢN VIỆT NAM" in Times New Roman bold 15 pt, in twips, measured
/// on the metric-compatible bundled Liberation Serif Bold (a test in `pdf.rs` checks it).
/// The rule under it is a bottom border of a paragraph indented to exactly this width.
pub(crate) const PARTY_NAME_WIDTH_TWIPS: i32 = 4133;
/// Body tables' cell padding, left and right.
const CELL_PADDING: usize = 85;

const fn mm_to_twips(mm: u32) -> i32 {
    // 1 mm = 1440 / 25.4 twips; rounded to the nearest twip (20 mm → 1134, 30 → 1701, 15 → 850).
    ((mm * 14400 + 127) / 254) as i32
}

/// Half-points, the unit of docx font sizes.
const fn half_points(pt: u32) -> usize {
    (pt * 2) as usize
}

fn fonts() -> RunFonts {
    RunFonts::new()
        .ascii(DOCX_FONT)
        .hi_ansi(DOCX_FONT)
        .cs(DOCX_FONT)
        .east_asia(DOCX_FONT)
}

/// A run in Times New Roman at `pt` points; a `\n` in `text` is a line break.
fn run(text: &str, pt: u32, bold: bool, italic: bool) -> DocxRun {
    let mut r = DocxRun::new().fonts(fonts()).size(half_points(pt));
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            r = r.add_break(BreakType::TextWrapping);
        }
        r = r.add_text(line.strip_suffix('\r').unwrap_or(line));
    }
    if bold {
        r = r.bold();
    }
    if italic {
        r = r.italic();
    }
    r
}

fn spacing(before: u32, after: u32) -> LineSpacing {
    LineSpacing::new()
        .before(before)
        .after(after)
        .line(240)
        .line_rule(LineSpacingType::Auto)
}

/// A centred paragraph of one run, without spacing.
fn centred(text: &str, pt: u32, bold: bool, italic: bool) -> Paragraph {
    Paragraph::new()
        .add_run(run(text, pt, bold, italic))
        .align(AlignmentType::Center)
        .line_spacing(spacing(0, 0))
}

fn cell(width: i32) -> TableCell {
    TableCell::new().width(width.max(0) as usize, WidthType::Dxa)
}

/// A borderless table of fixed column widths (header and signatures).
fn layout_table(rows: Vec<TableRow>, widths: &[i32]) -> DocxTable {
    DocxTable::without_borders(rows)
        .set_grid(widths.iter().map(|w| (*w).max(0) as usize).collect())
        .width(TEXT_WIDTH as usize, WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
        .margins(TableCellMargins::new().margin(0, 0, 0, 0))
        .align(TableAlignmentType::Center)
}

/// The two-column header: superior / organisation / star / number on the left;
/// "ĐẢNG CỘNG SẢN VIỆT NAM" with its rule / place and date on the right.
fn header_table(h: &PrintedHeader) -> DocxTable {
    let body = layout::BODY_PT;
    let mut left = cell(HEADER_LEFT)
        .add_paragraph(centred(&h.superior, body, false, false))
        .add_paragraph(centred(&h.organisation, body, true, false))
        .add_paragraph(centred("*", body, false, false));
    left = left.vertical_align(VAlignType::Top);

    // Indent the paragraph so that its bottom border is as long as the text.
    let slack = ((HEADER_RIGHT - PARTY_NAME_WIDTH_TWIPS) / 2).max(0);
    let mut party = centred(h.party, layout::PARTY_NAME_PT, true, false).indent(
        Some(slack),
        None,
        Some(slack),
        None,
    );
    // Only the bottom border: docx-rs's default border set is a full box.
    party.property = party.property.set_borders(
        ParagraphBorders::with_empty().set(
            ParagraphBorder::new(ParagraphBorderPosition::Bottom)
                .val(BorderType::Single)
                .size(6)
                .space(1)
                .color("000000"),
        ),
    );
    let right = cell(HEADER_RIGHT)
        .add_paragraph(party)
        .vertical_align(VAlignType::Top);

    let number = cell(HEADER_LEFT).add_paragraph(
        centred(h.number.as_deref().unwrap_or(""), body, false, false).line_spacing(spacing(80, 0)),
    );
    let date = cell(HEADER_RIGHT).add_paragraph(
        Paragraph::new()
            .add_run(run(&h.place_date, body, false, true))
            .align(AlignmentType::Right)
            .line_spacing(spacing(80, 0)),
    );
    layout_table(
        vec![
            TableRow::new(vec![left, right]),
            TableRow::new(vec![number, date]),
        ],
        &[HEADER_LEFT, HEADER_RIGHT],
    )
}

fn title_paragraphs(h: &PrintedHeader) -> Vec<Paragraph> {
    let mut out = vec![centred(&h.title, layout::TITLE_PT, true, false)
        .line_spacing(spacing(480, 0))
        .keep_next(true)];
    if let Some(summary) = &h.summary {
        out.push(centred(summary, layout::BODY_PT, true, false).keep_next(true));
    }
    // A blank line between the title block and the body.
    out.push(Paragraph::new().line_spacing(spacing(0, 120)));
    out
}

fn add_runs(mut p: Paragraph, runs: &[Run], pt: u32) -> Paragraph {
    for r in runs {
        p = p.add_run(run(&r.text, pt, r.bold, r.italic));
    }
    p
}

fn body_paragraph() -> Paragraph {
    Paragraph::new()
        .align(AlignmentType::Both)
        .line_spacing(spacing(0, 120))
}

const INDENT: i32 = mm_to_twips(layout::INDENT_MM);

/// Appends one body block to the document.
fn add_block(docx: Docx, block: &Block) -> Docx {
    let body = layout::BODY_PT;
    match block {
        Block::Heading { text } => docx.add_paragraph(
            add_runs(
                body_paragraph().line_spacing(spacing(120, 120)),
                &[Run::bold(text.clone())],
                body,
            )
            .indent(None, Some(SpecialIndentType::FirstLine(INDENT)), None, None)
            .keep_next(true),
        ),
        Block::Paragraph { runs } => {
            docx.add_paragraph(add_runs(body_paragraph(), runs, body).indent(
                None,
                Some(SpecialIndentType::FirstLine(INDENT)),
                None,
                None,
            ))
        }
        Block::Numbered { items } => items.iter().enumerate().fold(docx, |docx, (i, runs)| {
            // The number is typed, not a Word list: it survives copy and paste and
            // each list starts at 1 without numbering definitions.
            let p = body_paragraph()
                .add_run(run(&format!("{}.", i + 1), body, false, false).add_tab())
                .indent(
                    Some(INDENT + 425),
                    Some(SpecialIndentType::Hanging(425)),
                    None,
                    None,
                );
            docx.add_paragraph(add_runs(p, runs, body))
        }),
        Block::Table(table) if table.columns.is_empty() => docx,
        Block::Table(table) => docx
            .add_table(body_table(table))
            // Word glues consecutive tables together; a small paragraph keeps them apart.
            .add_paragraph(Paragraph::new().line_spacing(spacing(0, 120))),
    }
}

fn table_cell_paragraph(text: &str, bold: bool, centre: bool) -> Paragraph {
    Paragraph::new()
        .add_run(run(text, layout::TABLE_PT, bold, false))
        .align(if centre {
            AlignmentType::Center
        } else {
            AlignmentType::Left
        })
        .line_spacing(spacing(40, 40))
}

fn body_table(table: &Table) -> DocxTable {
    let widths: Vec<i32> = column_fractions(&table.columns)
        .iter()
        .map(|f| (f * f64::from(TEXT_WIDTH)).round() as i32)
        .collect();
    let header = TableRow::new(
        table
            .columns
            .iter()
            .zip(&widths)
            .map(|(c, w)| {
                cell(*w)
                    .add_paragraph(table_cell_paragraph(&c.header, true, true))
                    .vertical_align(VAlignType::Center)
            })
            .collect(),
    )
    // The marker `mark_repeating_header_rows` turns into a repeating header row.
    .cant_split();
    let mut rows = vec![header];
    for row in &table.rows {
        let cells = row_cells(row, table.columns.len())
            .into_iter()
            .zip(&table.columns)
            .zip(&widths)
            .map(|((text, column), w)| {
                cell(*w)
                    .add_paragraph(table_cell_paragraph(text, false, column.centered))
                    .vertical_align(VAlignType::Center)
            })
            .collect();
        let mut r = TableRow::new(cells);
        if let Some(mm) = table.min_row_height_mm {
            r = r
                .row_height(mm_to_twips(u32::from(mm)) as f32)
                .height_rule(HeightRule::AtLeast);
        }
        rows.push(r);
    }
    DocxTable::new(rows)
        .set_grid(widths.iter().map(|w| (*w).max(0) as usize).collect())
        .width(TEXT_WIDTH as usize, WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
        .margins(TableCellMargins::new().margin(0, CELL_PADDING, 0, CELL_PADDING))
        .align(TableAlignmentType::Center)
}

/// One signature block: bold captions, room to sign, the bold name.
fn signature_cell(signature: Option<&Signature>, width: i32) -> TableCell {
    let mut c = cell(width);
    let Some(s) = signature else {
        return c.add_paragraph(Paragraph::new());
    };
    for line in &s.caption {
        c = c.add_paragraph(centred(
            &line.trim().to_uppercase(),
            layout::BODY_PT,
            true,
            false,
        ));
    }
    // About 30 mm to sign in.
    c = c.add_paragraph(centred("", layout::BODY_PT, false, false).line_spacing(spacing(0, 1500)));
    c.add_paragraph(centred(s.name.trim(), layout::BODY_PT, true, false))
}

fn signature_tables(doc: &OfficialDocument) -> Vec<DocxTable> {
    let half = TEXT_WIDTH / 2;
    doc.signature_rows()
        .into_iter()
        .map(|(left, right)| {
            let row = TableRow::new(vec![
                signature_cell(left, half),
                signature_cell(Some(right), TEXT_WIDTH - half),
            ]);
            layout_table(vec![row], &[half, TEXT_WIDTH - half])
        })
        .collect()
}

/// docx-rs cannot mark a row as a repeating table header (`w:tblHeader`); header rows are
/// built with `w:cantSplit` (and no other row is), so the marker is completed here. User
/// text cannot contain the marker: docx-rs escapes `<` in text.
fn mark_repeating_header_rows(document_xml: Vec<u8>) -> Result<Vec<u8>, ExportError> {
    let xml = String::from_utf8(document_xml)
        .map_err(|e| ExportError::Docx(format!("document.xml: {e}")))?;
    Ok(xml
        .replace("<w:cantSplit />", "<w:cantSplit /><w:tblHeader />")
        .into_bytes())
}

/// Renders `doc` as DOCX bytes.
pub fn official_docx(doc: &OfficialDocument) -> Result<Vec<u8>, ExportError> {
    let h = doc.printed_header();
    let page_number = Paragraph::new()
        .add_page_num(PageNum::new())
        .align(AlignmentType::Center)
        .line_spacing(spacing(0, 0));
    let mut docx = Docx::new()
        .page_size(PAGE_WIDTH, PAGE_HEIGHT)
        .page_margin(
            PageMargin::new()
                .top(MARGIN_TOP)
                .bottom(MARGIN_BOTTOM)
                .left(MARGIN_LEFT)
                .right(MARGIN_RIGHT)
                .header(HEADER_DISTANCE)
                .footer(HEADER_DISTANCE)
                .gutter(0),
        )
        .default_fonts(fonts())
        .default_size(half_points(layout::BODY_PT))
        .header(Header::new().add_paragraph(page_number))
        // The first page has its own, empty header: page numbers start on page 2.
        .first_header(Header::new().add_paragraph(Paragraph::new()))
        .title_pg();

    docx = docx.add_table(header_table(&h));
    for p in title_paragraphs(&h) {
        docx = docx.add_paragraph(p);
    }
    for block in &doc.body {
        docx = add_block(docx, block);
    }
    for table in signature_tables(doc) {
        docx = docx
            .add_paragraph(
                Paragraph::new()
                    .line_spacing(spacing(0, 120))
                    .keep_next(true),
            )
            .add_table(table);
    }

    let mut xml = docx.build();
    xml.document = mark_repeating_header_rows(xml.document)?;
    let mut out = Cursor::new(Vec::new());
    xml.pack(&mut out)
        .map_err(|e| ExportError::Docx(e.to_string()))?;
    Ok(out.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn millimetres_become_the_twips_word_uses() {
        assert_eq!(MARGIN_TOP, 1134);
        assert_eq!(MARGIN_BOTTOM, 1134);
        assert_eq!(MARGIN_LEFT, 1701);
        assert_eq!(MARGIN_RIGHT, 850);
        assert_eq!(TEXT_WIDTH, 9355);
    }

    #[test]
    fn only_header_rows_get_the_repeat_marker() {
        let xml = b"<w:trPr><w:cantSplit /></w:trPr><w:t>&lt;w:cantSplit /&gt;</w:t>".to_vec();
        let out = String::from_utf8(mark_repeating_header_rows(xml).unwrap()).unwrap();
        assert_eq!(
            out,
            "<w:trPr><w:cantSplit /><w:tblHeader /></w:trPr><w:t>&lt;w:cantSplit /&gt;</w:t>"
        );
    }
}
