//! Writing a file so that it is either complete or absent: a temp file in the target
//! folder, written, flushed to disk, then renamed over the final name. Never a half-written
//! file under the final name (office PCs lose power; Excel keeps files open).

use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::error::{Error, Result};

/// How often `persist` is retried while the target is held (Windows antivirus, Excel).
const PERSIST_ATTEMPTS: u32 = 5;
const PERSIST_PAUSE: Duration = Duration::from_millis(100);

pub(crate) fn write_error(path: &Path, folder: &Path, err: &std::io::Error) -> Error {
    let shown = path.display();
    let folder = folder.display();
    match err.kind() {
        ErrorKind::NotFound => Error::Io(format!(
            "Không ghi được tệp {shown}: thư mục {folder} không tồn tại. Hãy chọn thư mục khác."
        )),
        ErrorKind::PermissionDenied => Error::Io(format!(
            "Không ghi được tệp {shown}: không có quyền ghi vào thư mục {folder}, hoặc tệp \
             đang được mở trong chương trình khác (ví dụ Excel). Hãy đóng tệp hoặc chọn thư \
             mục khác (ví dụ Tài liệu) rồi thử lại."
        )),
        ErrorKind::StorageFull => Error::Io(format!(
            "Không ghi được tệp {shown}: ổ đĩa đã đầy. Hãy giải phóng dung lượng hoặc chọn ổ \
             khác rồi thử lại."
        )),
        ErrorKind::ReadOnlyFilesystem => Error::Io(format!(
            "Không ghi được tệp {shown}: ổ đĩa chỉ cho đọc (ví dụ USB bị khóa ghi). Hãy chọn \
             thư mục khác."
        )),
        _ => Error::io(
            &format!("Không ghi được tệp {shown}. Hãy chọn thư mục khác rồi thử lại"),
            err,
        ),
    }
}

/// Writes `bytes` to `path` atomically: the file holds either its old content or all of
/// `bytes`, never a part. Replaces an existing file.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    if path.is_dir() {
        return Err(Error::Io(format!(
            "Không ghi được tệp {}: đã có một thư mục cùng tên. Hãy chọn tên tệp khác.",
            path.display()
        )));
    }
    let fail = |e: std::io::Error| write_error(path, folder, &e);
    let mut temp = temp_file_in(folder).map_err(fail)?;
    temp.write_all(bytes).map_err(fail)?;
    temp.as_file().sync_all().map_err(fail)?;
    persist(temp, path)
}

/// A temp file in `folder`, named so it is recognisably ours and never taken for data.
pub(crate) fn temp_file_in(folder: &Path) -> std::io::Result<tempfile::NamedTempFile> {
    tempfile::Builder::new()
        .prefix(".chibo-")
        .suffix(".tmp")
        .tempfile_in(folder)
}

/// Renames a complete, flushed temp file over `path` (retrying while antivirus or Excel
/// holds the target), then makes the rename durable. On failure the temp file is removed.
pub(crate) fn persist(mut temp: tempfile::NamedTempFile, path: &Path) -> Result<()> {
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let mut attempt = 1;
    loop {
        match temp.persist(path) {
            Ok(_) => break,
            Err(err)
                if err.error.kind() == ErrorKind::PermissionDenied
                    && attempt < PERSIST_ATTEMPTS =>
            {
                attempt += 1;
                temp = err.file;
                std::thread::sleep(PERSIST_PAUSE);
            }
            // The temp file is removed when `err.file` drops.
            Err(err) => return Err(write_error(path, folder, &err.error)),
        }
    }
    sync_folder(folder);
    Ok(())
}

/// How many numbered names [`persist_new`] tries before giving up.
const NEW_NAME_ATTEMPTS: u32 = 1000;

/// Renames a complete, flushed temp file to the first of `name(1)`, `name(2)`, … in `folder`
/// that does not exist, never over an existing file (a no-replace rename on Linux and
/// Windows, a hard link where the filesystem lacks it), then makes it durable. For backups and
/// safety copies: two made within one second must both be kept.
pub(crate) fn persist_new(
    mut temp: tempfile::NamedTempFile,
    folder: &Path,
    name: impl Fn(u32) -> String,
) -> Result<PathBuf> {
    for n in 1..=NEW_NAME_ATTEMPTS {
        let path = folder.join(name(n));
        match temp.persist_noclobber(&path) {
            Ok(_) => {
                sync_folder(folder);
                return Ok(path);
            }
            Err(err) if err.error.kind() == ErrorKind::AlreadyExists => temp = err.file,
            Err(err) => return Err(write_error(&path, folder, &err.error)),
        }
    }
    Err(Error::Internal(format!(
        "Thư mục {} đã có quá nhiều bản sao cùng thời điểm.",
        folder.display()
    )))
}

/// Makes the rename itself durable (POSIX); Windows has no folder handles to sync.
fn sync_folder(folder: &Path) {
    #[cfg(unix)]
    if let Ok(dir) = std::fs::File::open(folder) {
        // Best effort: the data is already on disk, only the name could be lost.
        let _ = dir.sync_all();
    }
    #[cfg(not(unix))]
    let _ = folder;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leftovers(dir: &Path) -> Vec<String> {
        std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".tmp"))
            .collect()
    }

    #[test]
    fn writes_a_new_file_and_replaces_an_old_one_leaving_no_temp_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("Danh sách đảng viên.xlsx");
        write_atomic(&path, b"first").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"first");
        write_atomic(&path, b"second, longer").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"second, longer");
        assert!(leftovers(dir.path()).is_empty());
    }

    #[test]
    fn a_missing_folder_is_named_in_vietnamese() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("khong-co").join("ds.csv");
        let err = write_atomic(&path, b"x").unwrap_err();
        assert_eq!(err.code(), "io");
        let text = err.to_string();
        assert!(text.starts_with("Không ghi được tệp"), "{text}");
        assert!(text.contains("không tồn tại"), "{text}");
        assert!(!path.exists());
    }

    #[test]
    fn a_folder_under_the_target_name_is_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ds.csv");
        std::fs::create_dir(&path).unwrap();
        let err = write_atomic(&path, b"x").unwrap_err();
        assert_eq!(err.code(), "io");
        assert!(path.is_dir());
        assert!(leftovers(dir.path()).is_empty());
    }
}
