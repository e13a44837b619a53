//! chibo-export owns the renderers of Sổ tay Chi bộ: data in → bytes out; no database
//! access, no files, no clock. The store or the shell reads the data, calls a renderer, and
//! writes the bytes (atomically) where the user chose.
//!
//! - [`roster_xlsx`] / [`roster_csv`]: the member roster on a date, for Vietnamese offices
//!   (Times New Roman 13, dates as dd/mm/yyyy text; CSV in UTF-8 with a BOM for Excel).
//! - [`import_template_xlsx`]: the blank roster to fill in and import, with the header names
//!   `chibo_core::roster_import::parse_roster` recognises and a "Hướng dẫn" sheet.
//! - [`schedule_xlsx`]: a year's meeting schedule.

mod roster;
mod schedule;
mod sheet;
mod template;

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
}
