//! The rules for files attached to a meeting: which picked paths are acceptable, the size
//! limit, the extension kept on the stored copy (so the system opens it with the right
//! program) and the media type shown.

use std::path::{Component, Path};

use crate::validation::FieldError;

/// The input field every attachment error names.
pub const FIELD: &str = "files";

const BYTES_PER_MEGABYTE: u64 = 1024 * 1024;
const MAX_EXTENSION_CHARS: usize = 8;

/// The name to show for a path: its last part.
pub fn display_name(path: &Path) -> String {
    path.file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// A picked path must be absolute and must not climb out with `..`: the dialog never gives
/// such a path, so one that does comes from somewhere else.
pub fn check_picked_path(path: &Path) -> Result<(), FieldError> {
    let climbs = path.components().any(|c| matches!(c, Component::ParentDir));
    if climbs || !path.is_absolute() || path.file_name().is_none() {
        return Err(FieldError::new(
            FIELD,
            format!(
                "Đường dẫn “{}” không hợp lệ. Hãy chọn tệp bằng nút “Đính kèm tệp”.",
                path.display()
            ),
        ));
    }
    Ok(())
}

/// An empty file or one over the limit is refused, with its size and the limit in words.
pub fn check_size(name: &str, size: u64, max_megabytes: u32) -> Result<(), FieldError> {
    if size == 0 {
        return Err(FieldError::new(
            FIELD,
            format!("Tệp “{name}” rỗng (0 byte) nên không đính kèm được. Hãy chọn tệp khác."),
        ));
    }
    if size > max_bytes(max_megabytes) {
        return Err(FieldError::new(
            FIELD,
            format!(
                "Tệp “{name}” nặng {}, vượt mức tối đa {max_megabytes} MB cho một tệp đính \
                 kèm. Hãy nén hoặc quét lại với độ phân giải thấp hơn, hoặc nâng mức trong \
                 Cài đặt.",
                format_size(size)
            ),
        ));
    }
    Ok(())
}

pub fn max_bytes(max_megabytes: u32) -> u64 {
    u64::from(max_megabytes) * BYTES_PER_MEGABYTE
}

/// A size as the UI shows it: "0,5 MB", "12 KB", "300 byte".
pub fn format_size(bytes: u64) -> String {
    const KILOBYTE: u64 = 1024;
    if bytes < KILOBYTE {
        format!("{bytes} byte")
    } else if bytes < BYTES_PER_MEGABYTE {
        format!("{} KB", bytes.div_ceil(KILOBYTE))
    } else {
        let tenths = (bytes * 10).div_ceil(BYTES_PER_MEGABYTE);
        format!("{},{} MB", tenths / 10, tenths % 10)
    }
}

/// The lower-case extension of a file name, when it is a plain short one ("pdf", "jpg").
pub fn extension_of(name: &str) -> Option<String> {
    let extension = Path::new(name).extension()?.to_str()?;
    let plain = !extension.is_empty()
        && extension.len() <= MAX_EXTENSION_CHARS
        && extension.chars().all(|c| c.is_ascii_alphanumeric());
    plain.then(|| extension.to_ascii_lowercase())
}

/// The media type for an extension; `application/octet-stream` when unknown.
pub fn media_type(extension: Option<&str>) -> &'static str {
    match extension.unwrap_or_default() {
        "pdf" => "application/pdf",
        "jpg" | "jpeg" => "image/jpeg",
        "png" => "image/png",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "heic" => "image/heic",
        "tif" | "tiff" => "image/tiff",
        "bmp" => "image/bmp",
        "doc" => "application/msword",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xls" => "application/vnd.ms-excel",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "odt" => "application/vnd.oasis.opendocument.text",
        "txt" => "text/plain",
        "mp3" => "audio/mpeg",
        "m4a" => "audio/mp4",
        "mp4" => "video/mp4",
        "zip" => "application/zip",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_that_climbs_or_is_relative_is_refused() {
        let climbing = std::env::temp_dir().join("..").join("etc").join("passwd");
        assert_eq!(check_picked_path(&climbing).unwrap_err().field, FIELD);
        assert!(check_picked_path(Path::new("bien-ban.pdf")).is_err());
        let fine = std::env::temp_dir().join("Biên bản họp chi bộ tháng 3.pdf");
        assert!(check_picked_path(&fine).is_ok());
    }

    #[test]
    fn empty_and_oversized_files_are_refused_in_words() {
        let empty = check_size("Ảnh.jpg", 0, 100).unwrap_err();
        assert!(empty.message.contains("rỗng (0 byte)"), "{}", empty.message);
        assert!(check_size("Ảnh.jpg", max_bytes(100), 100).is_ok());
        let over = check_size("Ảnh.jpg", max_bytes(100) + 1, 100).unwrap_err();
        assert!(over.message.contains("100,1 MB"), "{}", over.message);
        assert!(over.message.contains("tối đa 100 MB"), "{}", over.message);
    }

    #[test]
    fn sizes_read_naturally() {
        assert_eq!(format_size(300), "300 byte");
        assert_eq!(format_size(1500), "2 KB");
        assert_eq!(format_size(BYTES_PER_MEGABYTE / 2 * 3), "1,5 MB");
    }

    #[test]
    fn extensions_are_plain_and_lower_case() {
        assert_eq!(extension_of("Biên bản.PDF").as_deref(), Some("pdf"));
        assert_eq!(extension_of("ảnh chụp"), None);
        assert_eq!(extension_of("x.tên lạ"), None);
        assert_eq!(media_type(Some("jpeg")), "image/jpeg");
        assert_eq!(media_type(None), "application/octet-stream");
    }
}
