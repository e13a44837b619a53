//! Reading an interchange file: the bytes, Unicode NFC (text is stored composed; a file
//! edited by hand may carry decomposed marks), the format name and version checked before
//! the rest, then the whole file parsed. Every refusal says what to do, in Vietnamese.

use std::path::Path;

use chibo_core::text::clean;
use chibo_core::validation::FieldError;
use serde_json::error::Category;

use crate::error::{Error, Result};
use crate::interchange::format::{Header, InterchangeFile, FORMAT_NAME, FORMAT_VERSION};
use crate::interchange::validate::FIELD;

fn refuse(message: String) -> Error {
    FieldError::new(FIELD, message).into()
}

fn parse_error(path: &Path, err: &serde_json::Error) -> Error {
    let shown = path.display();
    let (line, column) = (err.line(), err.column());
    match err.classify() {
        Category::Io | Category::Syntax | Category::Eof => refuse(format!(
            "Tệp {shown} không phải tệp JSON hợp lệ (hỏng hoặc bị cắt ngang ở dòng {line}, cột \
             {column}). Hãy chép lại tệp từ nơi xuất. Chưa có gì được ghi."
        )),
        Category::Data => refuse(format!(
            "Tệp {shown} có dữ liệu không hợp lệ ở dòng {line}, cột {column}: {}. Hãy xuất \
             lại tệp từ Sổ tay Chi bộ. Chưa có gì được ghi.",
            data_problem(err)
        )),
    }
}

/// serde's account of a value of the wrong shape, in Vietnamese: the field or value it names
/// is kept (it is what to look for in the file), the English around it is not.
fn data_problem(err: &serde_json::Error) -> String {
    let text = err.to_string();
    let text = text.split(" at line ").next().unwrap_or_default();
    let quoted = text.split('`').nth(1).unwrap_or_default();
    if text.starts_with("missing field") {
        format!("thiếu mục “{quoted}”")
    } else if text.starts_with("unknown variant") {
        format!("giá trị “{quoted}” không thuộc các giá trị được phép")
    } else if text.starts_with("duplicate field") {
        format!("mục “{quoted}” được ghi hai lần")
    } else if text.starts_with("invalid type") || text.starts_with("invalid value") {
        "một giá trị sai kiểu (ví dụ chữ ở chỗ phải là số, hoặc ngày không đúng dạng \
         năm-tháng-ngày)"
            .into()
    } else if text.starts_with("input contains invalid characters")
        || text.starts_with("premature end of input")
        || text.starts_with("trailing input")
    {
        "một ngày hoặc giờ không đúng dạng".into()
    } else {
        "một giá trị không đọc được".into()
    }
}

/// Composes decomposed Vietnamese marks (NFC) without touching white space: each run of
/// non-space characters is composed on its own (JSON's own characters are ASCII and
/// compose with nothing).
fn composed(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut run_start = None;
    for (index, c) in text.char_indices() {
        match (c.is_whitespace(), run_start) {
            (false, None) => run_start = Some(index),
            (true, Some(start)) => {
                push_run(&mut out, &text[start..index]);
                run_start = None;
                out.push(c);
            }
            (true, None) => out.push(c),
            (false, Some(_)) => {}
        }
    }
    if let Some(start) = run_start {
        push_run(&mut out, &text[start..]);
    }
    out
}

/// Characters NFC leaves as they are whatever surrounds them (no combining marks, no
/// singletons): ASCII, the Latin blocks Vietnamese is written in, general punctuation
/// (“ ” – …). A run of only these is copied as it is; composing is slow on large files.
fn stays_composed(c: char) -> bool {
    matches!(
        c,
        '\0'..='\u{7f}' | '\u{a0}'..='\u{24f}' | '\u{1e00}'..='\u{1eff}' | '\u{2010}'..='\u{206f}'
    )
}

fn push_run(out: &mut String, run: &str) {
    if run.chars().all(stays_composed) {
        out.push_str(run);
    } else {
        out.push_str(&clean(run));
    }
}

/// Reads and parses the file; the format and version are checked first.
pub(crate) fn read(path: &Path) -> Result<InterchangeFile> {
    let shown = path.display();
    // A folder, a pipe or a device is not read (a pipe would be read forever).
    if std::fs::metadata(path).is_ok_and(|meta| !meta.is_file()) {
        return Err(refuse(format!(
            "{shown} không phải một tệp thường (là thư mục, thiết bị hoặc đường ống). Hãy chọn \
             tệp .json được xuất bằng chức năng Xuất dữ liệu. Chưa có gì được ghi."
        )));
    }
    let bytes = std::fs::read(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => Error::NotFound(format!(
            "Không tìm thấy tệp {shown}. Hãy kiểm tra đường dẫn."
        )),
        _ => Error::io(&format!("Không đọc được tệp {shown}"), &e),
    })?;
    let text = std::str::from_utf8(&bytes).map_err(|_| {
        refuse(format!(
            "Tệp {shown} không phải tệp trao đổi dữ liệu của Sổ tay Chi bộ (không phải văn bản \
             UTF-8). Chưa có gì được ghi."
        ))
    })?;
    let text = composed(text.strip_prefix('\u{feff}').unwrap_or(text));
    let not_ours = || {
        refuse(format!(
            "Tệp {shown} không phải tệp trao đổi dữ liệu của Sổ tay Chi bộ (thiếu \
             \"format\": \"{FORMAT_NAME}\"). Hãy chọn tệp được xuất bằng chức năng Xuất dữ \
             liệu. Chưa có gì được ghi."
        ))
    };
    let header: Header = serde_json::from_str(&text).map_err(|e| match e.classify() {
        // Valid JSON of another shape (an array, a text, "format": 3, …).
        Category::Data => not_ours(),
        _ => parse_error(path, &e),
    })?;
    if header.format.as_deref() != Some(FORMAT_NAME) {
        return Err(not_ours());
    }
    let version = header.version.as_ref().and_then(serde_json::Value::as_u64);
    match version {
        Some(version) if version > u64::from(FORMAT_VERSION) => {
            return Err(Error::Incompatible(format!(
                "Tệp {shown} được xuất bởi phiên bản mới hơn của Sổ tay Chi bộ (định dạng \
                 phiên bản {version}, phiên bản này đọc được đến {FORMAT_VERSION}). Hãy cập \
                 nhật ứng dụng rồi nhập lại; dữ liệu không bị thay đổi."
            )))
        }
        Some(version) if version >= 1 => {}
        _ => {
            return Err(refuse(format!(
                "Tệp {shown} không ghi rõ phiên bản định dạng (\"version\" phải là số nguyên từ \
                 1). Hãy xuất lại tệp từ Sổ tay Chi bộ. Chưa có gì được ghi."
            )))
        }
    }
    serde_json::from_str(&text).map_err(|e| parse_error(path, &e))
}

#[cfg(test)]
mod tests {
    use super::composed;

    #[test]
    fn decomposed_marks_are_composed_and_white_space_is_kept() {
        let decomposed = "{\"name\": \"Nguye\u{0302}\u{0303}n  Va\u{0306}n\\nĐức\"}\n";
        assert_eq!(composed(decomposed), "{\"name\": \"Nguyễn  Văn\\nĐức\"}\n");
        assert_eq!(composed("  a\tb \n"), "  a\tb \n");
        // Singletons are composed too: Ω (ohm sign) is Ω, Å (angstrom sign) is Å.
        assert_eq!(composed("\u{2126} \u{212b}"), "\u{3a9} \u{c5}");
        let vietnamese = "“Chi bộ thôn Bản Chắt” – Đảng ủy xã Tân Thành…";
        assert_eq!(composed(vietnamese), vietnamese);
    }
}
