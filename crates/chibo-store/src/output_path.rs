//! Where the app may write a file the user asked for (an export, a backup "to file"): never
//! over the data folder's own files (the database and its WAL/SHM, attachments, backups,
//! logs), and only as a regular file, so a slip in a save dialog or a crafted `--out` cannot
//! replace the live database or write into a device.

use std::path::{Path, PathBuf};

use chibo_core::validation::FieldError;

use crate::data_dir::DataDir;
use crate::error::Result;
use crate::store::Store;

/// The field every refusal names.
const FIELD: &str = "path";

/// The path with its folder resolved (links, `..`), as far as it exists.
fn resolved(path: &Path) -> PathBuf {
    if let Ok(full) = path.canonicalize() {
        return full;
    }
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    match (folder.canonicalize(), path.file_name()) {
        (Ok(folder), Some(name)) => folder.join(name),
        _ => path.to_path_buf(),
    }
}

/// Whether `path` is one of the files the data folder manages.
fn is_managed(dir: &DataDir, path: &Path) -> bool {
    let root = dir
        .root()
        .canonicalize()
        .unwrap_or_else(|_| dir.root().to_path_buf());
    let database = root.join(dir.database().file_name().unwrap_or_default());
    let database_files = ["", "-wal", "-shm", "-journal"]
        .map(|suffix| PathBuf::from(format!("{}{suffix}", database.display())));
    let folders = [dir.attachments(), dir.backups(), dir.logs()]
        .map(|folder| root.join(folder.file_name().unwrap_or_default()));
    database_files.iter().any(|file| file == path)
        || folders.iter().any(|folder| path.starts_with(folder))
}

/// Refuses an output path that is not a regular file (a folder, a device, a pipe) or, when
/// a data folder is given, one of its managed files.
pub(crate) fn check_output_path(dir: Option<&DataDir>, path: &Path) -> Result<()> {
    let shown = path.display();
    if let Ok(meta) = std::fs::metadata(path) {
        if !meta.is_file() {
            return Err(FieldError::new(
                FIELD,
                format!(
                    "{shown} không phải một tệp thường (là thư mục hoặc thiết bị) nên không ghi \
                     vào đó. Hãy chọn một tên tệp."
                ),
            )
            .into());
        }
    }
    if dir.is_some_and(|dir| is_managed(dir, &resolved(path))) {
        return Err(FieldError::new(
            FIELD,
            format!(
                "{shown} là tệp dữ liệu của Sổ tay Chi bộ (cơ sở dữ liệu, tệp đính kèm, bản sao \
                 lưu) nên không ghi đè. Hãy lưu vào chỗ khác, ví dụ thư mục Tài liệu."
            ),
        )
        .into());
    }
    Ok(())
}

impl Store {
    /// Refuses an output path that is not a regular file or is one of this store's data
    /// folder's own files; every export and "back up to file" checks it before writing.
    pub fn check_output(&self, path: &Path) -> Result<()> {
        check_output_path(self.data_dir(), path)
    }
}
