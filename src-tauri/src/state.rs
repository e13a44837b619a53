//! The app's state: the store opened at start, or the reason it could not be opened (a
//! corrupt file, a newer schema, a read-only folder), which every command then reports so
//! the UI can show it.

use std::sync::Mutex;

use chibo_store::Store;

use crate::error::{IpcError, IpcResult};

pub struct AppState {
    store: Result<Mutex<Store>, IpcError>,
}

impl AppState {
    pub fn new(store: chibo_store::Result<Store>) -> Self {
        Self {
            store: store.map(Mutex::new).map_err(IpcError::from),
        }
    }

    /// Runs one store operation; one at a time, as the store is one connection.
    pub fn with_store<T>(
        &self,
        operation: impl FnOnce(&mut Store) -> chibo_store::Result<T>,
    ) -> IpcResult<T> {
        let store = self.store.as_ref().map_err(Clone::clone)?;
        let mut guard = store.lock().map_err(|_| IpcError {
            code: "internal",
            message: "Ứng dụng gặp lỗi nội bộ; hãy khởi động lại Sổ tay Chi bộ.".into(),
            field: None,
        })?;
        operation(&mut guard).map_err(IpcError::from)
    }
}
