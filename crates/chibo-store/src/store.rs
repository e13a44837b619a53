//! [`Store`]: one open, migrated database in a data directory. The operations the app
//! performs are methods on it, grouped by subject in the sibling modules; each write is one
//! transaction, so a rejected request changes nothing.

use rusqlite::Connection;

use crate::connection;
use crate::data_dir::DataDir;
use crate::database_copy::integrity_problems;
use crate::error::{Error, Result};
use crate::migrations;

pub struct Store {
    pub(crate) conn: Connection,
    data_dir: Option<DataDir>,
}

impl Store {
    /// Opens the data directory: creates it if needed, checks it is writable, opens the
    /// database, checks it (`quick_check`) and brings its schema up to date.
    pub fn open(data_dir: DataDir) -> Result<Self> {
        data_dir.prepare()?;
        let mut conn = connection::open(&data_dir.database())?;
        let problems = integrity_problems(&conn, true)?;
        if !problems.is_empty() {
            return Err(Error::Corrupt(format!(
                "Tệp dữ liệu {} bị hỏng (kiểm tra nhanh: {}). Tệp được giữ nguyên; hãy khôi \
                 phục từ bản sao lưu mới nhất.",
                data_dir.database().display(),
                problems.into_iter().take(3).collect::<Vec<_>>().join("; ")
            )));
        }
        migrations::migrate(&mut conn)?;
        let store = Self {
            conn,
            data_dir: Some(data_dir),
        };
        store.snapshot_missing_roll_calls()?;
        Ok(store)
    }

    /// A fresh in-memory store (tests, previews).
    pub fn open_in_memory() -> Result<Self> {
        let mut conn = connection::open_in_memory()?;
        migrations::migrate(&mut conn)?;
        Ok(Self {
            conn,
            data_dir: None,
        })
    }

    pub fn data_dir(&self) -> Option<&DataDir> {
        self.data_dir.as_ref()
    }

    pub fn schema_version(&self) -> Result<i64> {
        migrations::schema_version(&self.conn)
    }
}
