//! Opens a file with the system's default program (the PDF reader, Word, the photo
//! viewer). Only the app's own commands call this, with a path they checked: an attachment
//! inside the attachments folder, or a document the user has just exported. An `e2e` build
//! records the request in `CHIBO_E2E_OPEN_LOG` instead of starting a program.

use std::path::Path;

use tauri::{AppHandle, Runtime};

use crate::error::{IpcError, IpcResult};

fn failed(path: &Path, detail: &str) -> IpcError {
    IpcError {
        code: "io",
        message: format!(
            "Không mở được tệp {}: máy chưa có chương trình mở loại tệp này, hoặc chương \
             trình báo lỗi ({detail}). Tệp vẫn được giữ nguyên.",
            path.display()
        ),
        field: None,
    }
}

#[cfg(not(feature = "e2e"))]
pub fn open_with_default_app<R: Runtime>(app: &AppHandle<R>, path: &Path) -> IpcResult<()> {
    use tauri_plugin_opener::OpenerExt;
    app.opener()
        .open_path(path.to_string_lossy(), None::<&str>)
        .map_err(|e| failed(path, &e.to_string()))
}

#[cfg(feature = "e2e")]
pub fn open_with_default_app<R: Runtime>(_app: &AppHandle<R>, path: &Path) -> IpcResult<()> {
    use std::io::Write;
    let Some(log) = std::env::var_os("CHIBO_E2E_OPEN_LOG") else {
        return Ok(());
    };
    std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(log)
        .and_then(|mut file| writeln!(file, "{}", path.display()))
        .map_err(|e| failed(path, &e.to_string()))
}
