//! Where the data lives: `--data-dir`, else `CHIBO_DATA_DIR`, else the platform's app-data
//! folder for the identifier `vn.sotaychibo.app`. Inside: `chibo.sqlite3` (+ WAL files),
//! `attachments/`, `backups/`, `logs/`.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// The desktop app's identifier; also the name of its data folder.
pub const APP_IDENTIFIER: &str = "vn.sotaychibo.app";
/// The environment variable that overrides the data folder (tests set it).
pub const DATA_DIR_ENV: &str = "CHIBO_DATA_DIR";
const DATABASE_FILE: &str = "chibo.sqlite3";

fn read_only(root: &Path) -> Error {
    Error::Io(format!(
        "Không ghi được vào thư mục dữ liệu {}: ổ đĩa chỉ cho đọc (ví dụ USB bị khóa ghi). Hãy \
         chọn thư mục khác.",
        root.display()
    ))
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataDir {
    root: PathBuf,
}

impl DataDir {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Self { root: root.into() }
    }

    /// The folder to use: the explicit one, else `CHIBO_DATA_DIR`, else the platform default.
    pub fn resolve(explicit: Option<PathBuf>) -> Result<Self> {
        let from_env = std::env::var_os(DATA_DIR_ENV)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from);
        explicit
            .or(from_env)
            .or_else(Self::platform_default)
            .map(Self::new)
            .ok_or_else(|| {
                Error::Io(format!(
                    "Không xác định được thư mục dữ liệu của máy này. Hãy chỉ định bằng \
                     --data-dir hoặc biến môi trường {DATA_DIR_ENV}."
                ))
            })
    }

    /// The platform app-data folder (`%APPDATA%\vn.sotaychibo.app` on Windows,
    /// `~/.local/share/vn.sotaychibo.app` on Linux), as Tauri's `app_data_dir` gives it.
    pub fn platform_default() -> Option<PathBuf> {
        dirs::data_dir().map(|dir| dir.join(APP_IDENTIFIER))
    }

    pub fn root(&self) -> &Path {
        &self.root
    }
    pub fn database(&self) -> PathBuf {
        self.root.join(DATABASE_FILE)
    }
    pub fn attachments(&self) -> PathBuf {
        self.root.join("attachments")
    }
    pub fn backups(&self) -> PathBuf {
        self.root.join("backups")
    }
    pub fn logs(&self) -> PathBuf {
        self.root.join("logs")
    }

    /// Creates the folder and its sub-folders, and proves it is writable.
    pub fn prepare(&self) -> Result<()> {
        let shown = self.root.display();
        if self.root.exists() && !self.root.is_dir() {
            return Err(Error::Io(format!(
                "Đường dẫn dữ liệu {shown} là một tệp, không phải thư mục. Hãy chọn một thư mục."
            )));
        }
        for dir in [
            self.root.clone(),
            self.attachments(),
            self.backups(),
            self.logs(),
        ] {
            std::fs::create_dir_all(&dir).map_err(|e| {
                if e.kind() == std::io::ErrorKind::ReadOnlyFilesystem {
                    return read_only(&self.root);
                }
                Error::io(
                    &format!(
                        "Không tạo được thư mục dữ liệu {}. Hãy kiểm tra quyền ghi hoặc chọn \
                         thư mục khác",
                        dir.display()
                    ),
                    &e,
                )
            })?;
        }
        tempfile::NamedTempFile::new_in(&self.root)
            .map(drop)
            .map_err(|e| {
                if e.kind() == std::io::ErrorKind::ReadOnlyFilesystem {
                    return read_only(&self.root);
                }
                Error::io(
                    &format!(
                        "Không ghi được vào thư mục dữ liệu {shown}. Hãy kiểm tra quyền ghi \
                     hoặc chọn thư mục khác"
                    ),
                    &e,
                )
            })
    }
}
