//! Native file dialogs (open, save), called from async commands so they never block the
//! event loop. An `e2e` build answers them from environment variables instead, because
//! WebDriver cannot drive a native dialog; release builds never have that feature.

use std::path::PathBuf;

use tauri::{AppHandle, Runtime};

/// A file type offered in a dialog: its Vietnamese name and extensions.
pub struct FileKind {
    pub name: &'static str,
    pub extensions: &'static [&'static str],
}

#[cfg(not(feature = "e2e"))]
mod native {
    use super::*;
    use tauri_plugin_dialog::DialogExt;

    pub fn open_file<R: Runtime>(app: &AppHandle<R>, kind: &FileKind) -> Option<PathBuf> {
        app.dialog()
            .file()
            .set_title("Chọn tệp")
            .add_filter(kind.name, kind.extensions)
            .blocking_pick_file()
            .and_then(|path| path.into_path().ok())
    }

    pub fn pick_files<R: Runtime>(app: &AppHandle<R>) -> Vec<PathBuf> {
        app.dialog()
            .file()
            .set_title("Chọn các tệp đính kèm")
            .blocking_pick_files()
            .unwrap_or_default()
            .into_iter()
            .filter_map(|path| path.into_path().ok())
            .collect()
    }

    pub fn pick_folder<R: Runtime>(app: &AppHandle<R>) -> Option<PathBuf> {
        app.dialog()
            .file()
            .set_title("Chọn thư mục sao lưu thứ hai")
            .blocking_pick_folder()
            .and_then(|path| path.into_path().ok())
    }

    pub fn save_file<R: Runtime>(
        app: &AppHandle<R>,
        kind: &FileKind,
        suggested: &str,
    ) -> Option<PathBuf> {
        app.dialog()
            .file()
            .set_title("Lưu tệp")
            .set_file_name(suggested)
            .add_filter(kind.name, kind.extensions)
            .blocking_save_file()
            .and_then(|path| path.into_path().ok())
    }
}

#[cfg(feature = "e2e")]
mod native {
    //! e2e answers: `CHIBO_E2E_OPEN_FILE` is the file "picked"; `CHIBO_E2E_PICK_FILES` the
    //! files picked at once (a path list, as in `PATH`); `CHIBO_E2E_PICK_FOLDER` the folder
    //! picked; `CHIBO_E2E_SAVE_DIR` is the folder the suggested file name is "saved" into.
    //! Unset means the user cancelled.
    use super::*;

    pub fn open_file<R: Runtime>(_app: &AppHandle<R>, kind: &FileKind) -> Option<PathBuf> {
        log::info!("e2e: answering the open dialog for {}", kind.name);
        let path = PathBuf::from(std::env::var_os("CHIBO_E2E_OPEN_FILE")?);
        // Like the native dialog's filter: only files of the offered types can be picked.
        let extension = path.extension()?.to_str()?.to_lowercase();
        kind.extensions
            .contains(&extension.as_str())
            .then_some(path)
    }

    pub fn pick_files<R: Runtime>(_app: &AppHandle<R>) -> Vec<PathBuf> {
        std::env::var_os("CHIBO_E2E_PICK_FILES")
            .map(|list| std::env::split_paths(&list).collect())
            .unwrap_or_default()
    }

    pub fn pick_folder<R: Runtime>(_app: &AppHandle<R>) -> Option<PathBuf> {
        std::env::var_os("CHIBO_E2E_PICK_FOLDER").map(PathBuf::from)
    }

    pub fn save_file<R: Runtime>(
        _app: &AppHandle<R>,
        _kind: &FileKind,
        suggested: &str,
    ) -> Option<PathBuf> {
        std::env::var_os("CHIBO_E2E_SAVE_DIR").map(|dir| PathBuf::from(dir).join(suggested))
    }
}

pub use native::{open_file, pick_files, pick_folder, save_file};

pub const SPREADSHEETS: FileKind = FileKind {
    name: "Bảng tính (Excel, ODS, CSV)",
    extensions: &["xlsx", "ods", "csv"],
};
pub const WORD: FileKind = FileKind {
    name: "Văn bản Word",
    extensions: &["docx"],
};
pub const PDF: FileKind = FileKind {
    name: "PDF",
    extensions: &["pdf"],
};
pub const EXCEL: FileKind = FileKind {
    name: "Excel",
    extensions: &["xlsx"],
};
pub const CSV: FileKind = FileKind {
    name: "CSV (UTF-8)",
    extensions: &["csv"],
};
pub const BACKUP: FileKind = FileKind {
    name: "Bản sao lưu Sổ tay Chi bộ",
    extensions: &["sqlite3"],
};
