//! chibo-export owns the renderers of Sổ tay Chi bộ: data in → bytes out; no database
//! access, no files, no clock. The store or the shell reads the data, calls a renderer, and
//! writes the bytes (atomically) where the user chose.
//!
//! - [`roster_xlsx`] / [`roster_csv`]: the member roster on a date, for Vietnamese offices
//!   (Times New Roman 13, dates as dd/mm/yyyy text; CSV in UTF-8 with a BOM for Excel).
//! - [`import_template_xlsx`]: the blank roster to fill in and import, with the header names
//!   `chibo_core::roster_import::parse_roster` recognises and a "Hướng dẫn" sheet.
//! - [`schedule_xlsx`]: a year's meeting schedule.
//! - [`OfficialDocument`]: an official Party document (minutes, sign-in sheet, notice…) as
//!   words — header, title, [`Block`]s, [`Signature`]s — composed by the caller; rendered in
//!   the HD 36-HD/VPTW layout (A4, margins 20/20/30/15 mm, two-column header with the rule
//!   under "ĐẢNG CỘNG SẢN VIỆT NAM", page numbers from page 2) by
//!   - [`official_docx`]: as a Word file in Times New Roman, to edit;
//!   - [`official_pdf`]: as PDF, typeset by Typst in memory with the bundled Liberation Serif
//!     (metric-compatible with Times New Roman); no system fonts, nothing fetched.

mod docx;
mod official;
mod pdf;
mod roster;
mod schedule;
mod sheet;
mod template;

pub use docx::{official_docx, DOCX_FONT};
pub use official::{
    layout as official_layout, Block, Column, OfficialDocument, Run, Signature, Table, PARTY_NAME,
};
pub use pdf::official_pdf;
pub use roster::{roster_csv, roster_xlsx, ROSTER_COLUMNS};
pub use schedule::{schedule_xlsx, ScheduleLine, SCHEDULE_COLUMNS};
pub use template::{import_template_xlsx, TEMPLATE_COLUMNS};

/// A renderer failed; nothing was produced.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The spreadsheet library refused the workbook (should not happen with our data).
    #[error("Không tạo được tệp Excel ({0}). Hãy thử lại; nếu lỗi lặp lại, hãy xuất dạng CSV.")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
    #[error("Không tạo được tệp CSV ({0}). Hãy thử lại.")]
    Csv(String),
    /// The Word writer failed (should not happen with our data).
    #[error("Không tạo được tệp Word ({0}). Hãy thử lại; nếu lỗi lặp lại, hãy xuất dạng PDF.")]
    Docx(String),
    /// Typst could not typeset the document (a template error: should not happen).
    #[error("Không tạo được tệp PDF ({0}). Hãy thử lại; nếu lỗi lặp lại, hãy xuất dạng Word.")]
    Pdf(String),
}
