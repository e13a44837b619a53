//! The app's state: the store opened at start, or the reason it could not be opened (a
//! corrupt file, a newer schema, a read-only folder), which every command then reports so
//! the UI can show it. A restore from the start-up screen puts a store in its place.
//! Also kept: the backup file the user last previewed (only that one may be restored) and
//! the notices of the automatic backups.

use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard};

use chibo_store::{DataDir, Store};

use crate::error::{IpcError, IpcResult};

pub struct AppState {
    store: Mutex<Result<Store, IpcError>>,
    data_dir: Option<DataDir>,
    previewed_backup: Mutex<Option<PathBuf>>,
    notices: Mutex<Vec<String>>,
}

fn poisoned() -> IpcError {
    IpcError {
        code: "internal",
        message: "Ứng dụng gặp lỗi nội bộ; hãy khởi động lại Sổ tay Chi bộ.".into(),
        field: None,
    }
}

fn lock<T>(mutex: &Mutex<T>) -> IpcResult<MutexGuard<'_, T>> {
    mutex.lock().map_err(|_| poisoned())
}

impl AppState {
    pub fn new(data_dir: Option<DataDir>, store: chibo_store::Result<Store>) -> Self {
        Self {
            store: Mutex::new(store.map_err(IpcError::from)),
            data_dir,
            previewed_backup: Mutex::new(None),
            notices: Mutex::new(Vec::new()),
        }
    }

    /// Runs one store operation; one at a time, as the store is one connection.
    pub fn with_store<T>(
        &self,
        operation: impl FnOnce(&mut Store) -> chibo_store::Result<T>,
    ) -> IpcResult<T> {
        let mut guard = lock(&self.store)?;
        let store = guard.as_mut().map_err(|err| err.clone())?;
        operation(store).map_err(IpcError::from)
    }

    /// The data folder, known even when its database could not be opened.
    pub fn data_dir(&self) -> IpcResult<&DataDir> {
        self.data_dir.as_ref().ok_or_else(|| IpcError {
            code: "io",
            message: "Không xác định được thư mục dữ liệu của máy này.".into(),
            field: None,
        })
    }

    /// Puts a freshly restored store in place of one that could not be opened.
    pub fn replace_store(&self, store: Store) -> IpcResult<()> {
        *lock(&self.store)? = Ok(store);
        Ok(())
    }

    pub fn remember_previewed_backup(&self, path: Option<PathBuf>) -> IpcResult<()> {
        *lock(&self.previewed_backup)? = path;
        Ok(())
    }

    pub fn previewed_backup(&self) -> IpcResult<Option<PathBuf>> {
        Ok(lock(&self.previewed_backup)?.clone())
    }

    pub fn add_notices(&self, notices: Vec<String>) {
        if let Ok(mut list) = self.notices.lock() {
            list.extend(notices);
        }
    }

    pub fn notices(&self) -> Vec<String> {
        self.notices
            .lock()
            .map(|list| list.clone())
            .unwrap_or_default()
    }
}
