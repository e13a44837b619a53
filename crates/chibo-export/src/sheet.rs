//! The look shared by every sheet: Times New Roman 13, as Vietnamese offices print.

use rust_xlsxwriter::{Format, FormatAlign, FormatBorder};

pub(crate) const FONT: &str = "Times New Roman";
pub(crate) const FONT_SIZE: f64 = 13.0;

pub(crate) fn base() -> Format {
    Format::new().set_font_name(FONT).set_font_size(FONT_SIZE)
}

/// A table cell: thin border, text kept as typed ("@"), wrapped.
pub(crate) fn cell() -> Format {
    base()
        .set_border(FormatBorder::Thin)
        .set_num_format("@")
        .set_align(FormatAlign::VerticalCenter)
        .set_text_wrap()
}

pub(crate) fn header() -> Format {
    cell().set_bold().set_align(FormatAlign::Center)
}

pub(crate) fn title() -> Format {
    base()
        .set_bold()
        .set_font_size(14)
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter)
}

pub(crate) fn subtitle() -> Format {
    base().set_italic().set_align(FormatAlign::Center)
}
