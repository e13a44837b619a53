//! [`Store`]: one open, migrated database in a data directory. The operations the app
//! performs are methods on it, grouped by subject in the sibling modules; each write is one
//! transaction, so a rejected request changes nothing.

use rusqlite::Connection;

use crate::connection;
use crate::data_dir::DataDir;
use crate::error::Result;
use crate::migrations;

pub struct Store {
    pub(crate) conn: Connection,
    data_dir: Option<DataDir>,
}

impl Store {
    /// Opens the data directory: creates it if needed, checks it is writable, opens the
    /// database and brings its schema up to date.
    pub fn open(data_dir: DataDir) -> Result<Self> {
        data_dir.prepare()?;
        let mut conn = connection::open(&data_dir.database())?;
        migrations::migrate(&mut conn)?;
        Ok(Self {
            conn,
            data_dir: Some(data_dir),
        })
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
