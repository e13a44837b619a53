//! The one error type that crosses IPC: `{ code, message, field }`, message in Vietnamese.
//! The UI branches on `code` and shows `message` (ui/src/lib/ipc.ts).

use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct IpcError {
    pub code: &'static str,
    pub message: String,
    pub field: Option<String>,
}

impl From<chibo_store::Error> for IpcError {
    fn from(err: chibo_store::Error) -> Self {
        if let chibo_store::Error::Internal(detail) = &err {
            log::error!("internal error: {detail}");
        }
        Self {
            code: err.code(),
            message: err.to_string(),
            field: err.field().map(str::to_owned),
        }
    }
}

pub type IpcResult<T> = Result<T, IpcError>;
