//! Opening a connection the way every connection must be opened: WAL, `synchronous=FULL`
//! (office PCs lose power), foreign keys, a busy timeout, the `vi` collation and the
//! `fold()` search function.

use std::io::Read;
use std::path::Path;
use std::time::Duration;

use chibo_core::text::{compare_vi, fold};
use rusqlite::functions::FunctionFlags;
use rusqlite::{Connection, OpenFlags};

use crate::error::{Error, Result};

const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// Refuses, before SQLite touches it, a non-empty file that is not an SQLite database.
pub(crate) fn check_is_sqlite(path: &Path) -> Result<()> {
    let mut file = match std::fs::File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => {
            return Err(Error::io(
                &format!("Không mở được tệp dữ liệu {}", path.display()),
                &e,
            ))
        }
    };
    let mut header = [0u8; 16];
    let mut read = 0;
    while read < header.len() {
        match file.read(&mut header[read..]) {
            Ok(0) => break,
            Ok(n) => read += n,
            Err(e) => {
                return Err(Error::io(
                    &format!("Không đọc được tệp dữ liệu {}", path.display()),
                    &e,
                ))
            }
        }
    }
    if read == 0 || &header == SQLITE_HEADER {
        return Ok(());
    }
    Err(Error::Corrupt(format!(
        "Tệp {} không phải cơ sở dữ liệu của Sổ tay Chi bộ (không phải SQLite). \
         Tệp được giữ nguyên; hãy chọn thư mục dữ liệu khác hoặc khôi phục từ bản sao lưu.",
        path.display()
    )))
}

/// Registers the `vi` collation and the `fold(text)` function on a connection.
pub(crate) fn register_text_functions(conn: &Connection) -> Result<()> {
    conn.create_collation("vi", compare_vi)?;
    conn.create_scalar_function(
        "fold",
        1,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
        |ctx| Ok(ctx.get::<Option<String>>(0)?.map(|text| fold(&text))),
    )?;
    Ok(())
}

/// Opens (creating if needed) the database file with the project's settings.
pub(crate) fn open(path: &Path) -> Result<Connection> {
    check_is_sqlite(path)?;
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
        | OpenFlags::SQLITE_OPEN_CREATE
        | OpenFlags::SQLITE_OPEN_NO_MUTEX
        | OpenFlags::SQLITE_OPEN_URI;
    let conn = Connection::open_with_flags(path, flags)?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    let mode: String = conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(Error::Io(format!(
            "Không bật được chế độ ghi an toàn (WAL) cho {}; hãy kiểm tra thư mục dữ liệu.",
            path.display()
        )));
    }
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    register_text_functions(&conn)?;
    Ok(conn)
}

/// An in-memory database with the same functions, for tests and previews.
pub(crate) fn open_in_memory() -> Result<Connection> {
    let conn = Connection::open_in_memory()?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    register_text_functions(&conn)?;
    Ok(conn)
}
