//! The store's errors: a small closed set of codes, each with a Vietnamese message that
//! says what happened and what to do. Adapters (desktop, CLI) show the message as it is.

use chibo_core::validation::FieldError;
use rusqlite::ErrorCode;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The input was rejected; nothing was written.
    #[error("{0}")]
    Validation(#[from] FieldError),
    #[error("{0}")]
    NotFound(String),
    /// The input clashes with what is stored (a duplicate, a non-empty data dir, …).
    #[error("{0}")]
    Conflict(String),
    /// The record is approved and read-only, or the database is held by another program.
    #[error("{0}")]
    Locked(String),
    /// A file or folder could not be read or written.
    #[error("{0}")]
    Io(String),
    /// The database file is damaged or is not a database.
    #[error("{0}")]
    Corrupt(String),
    /// The data was written by a newer version of the app.
    #[error("{0}")]
    Incompatible(String),
    #[error("{0}")]
    Internal(String),
}

impl Error {
    /// The stable code the UI branches on.
    pub fn code(&self) -> &'static str {
        match self {
            Error::Validation(_) => "validation",
            Error::NotFound(_) => "not_found",
            Error::Conflict(_) => "conflict",
            Error::Locked(_) => "locked",
            Error::Io(_) => "io",
            Error::Corrupt(_) => "corrupt",
            Error::Incompatible(_) => "incompatible",
            Error::Internal(_) => "internal",
        }
    }

    /// The rejected field, for validation errors.
    pub fn field(&self) -> Option<&str> {
        match self {
            Error::Validation(e) => Some(&e.field),
            _ => None,
        }
    }

    pub(crate) fn io(what: &str, err: &std::io::Error) -> Self {
        Error::Io(format!("{what} ({err})."))
    }
}

impl From<rusqlite::Error> for Error {
    fn from(err: rusqlite::Error) -> Self {
        match err.sqlite_error_code() {
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => Error::Locked(
                "Cơ sở dữ liệu đang bị một chương trình khác giữ. Hãy đóng chương trình đó \
                 (hoặc cửa sổ Sổ tay Chi bộ thứ hai) rồi thử lại."
                    .into(),
            ),
            Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => Error::Corrupt(
                "Tệp dữ liệu bị hỏng hoặc không phải cơ sở dữ liệu của Sổ tay Chi bộ. \
                 Hãy khôi phục từ bản sao lưu."
                    .into(),
            ),
            Some(ErrorCode::DiskFull) => Error::Io(
                "Ổ đĩa đã đầy; dữ liệu chưa được ghi. Hãy giải phóng dung lượng rồi thử lại."
                    .into(),
            ),
            Some(ErrorCode::SystemIoFailure) => Error::Io(
                "Không đọc ghi được tệp dữ liệu: ổ đĩa đã đầy, bị rút ra hoặc bị lỗi. Hãy giải \
                 phóng dung lượng hoặc kiểm tra ổ đĩa rồi thử lại; dữ liệu đã ghi trước đó \
                 không bị mất."
                    .into(),
            ),
            Some(ErrorCode::ReadOnly | ErrorCode::CannotOpen | ErrorCode::PermissionDenied) => {
                Error::Io(
                    "Không ghi được vào cơ sở dữ liệu: thư mục dữ liệu chỉ đọc hoặc không truy \
                     cập được."
                        .into(),
                )
            }
            _ => Error::Internal(format!("Lỗi cơ sở dữ liệu: {err}")),
        }
    }
}
