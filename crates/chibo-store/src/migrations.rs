//! The schema: numbered, embedded, forward-only migrations tracked by `user_version`.
//!
//! To change the schema, add `migrations/NNNN_what.sql` and append it to [`MIGRATIONS`].
//! A migration that has shipped is never edited.

use rusqlite::Connection;
use rusqlite_migration::{Migrations, M};

use crate::error::{Error, Result};

const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_foundation.sql"),
    include_str!("migrations/0002_members.sql"),
    include_str!("migrations/0003_meetings.sql"),
    include_str!("migrations/0004_meeting_record.sql"),
    include_str!("migrations/0005_minutes.sql"),
    include_str!("migrations/0006_roll_call_snapshot.sql"),
    include_str!("migrations/0007_meeting_notice.sql"),
];

/// The schema version this build writes.
pub const LATEST_VERSION: i64 = MIGRATIONS.len() as i64;

pub(crate) fn schema_version(conn: &Connection) -> Result<i64> {
    Ok(conn.pragma_query_value(None, "user_version", |row| row.get(0))?)
}

/// Brings the database to [`LATEST_VERSION`]; refuses a database from a newer build.
pub(crate) fn migrate(conn: &mut Connection) -> Result<()> {
    let found = schema_version(conn)?;
    if found > LATEST_VERSION {
        return Err(Error::Incompatible(format!(
            "Dữ liệu được tạo bởi phiên bản mới hơn của Sổ tay Chi bộ (lược đồ {found}, \
             phiên bản này đọc được đến {LATEST_VERSION}). Hãy cập nhật ứng dụng; \
             dữ liệu không bị thay đổi."
        )));
    }
    let migrations = Migrations::new(MIGRATIONS.iter().map(|sql| M::up(sql)).collect());
    migrations.to_latest(conn).map_err(|e| match e {
        // Busy, full, read-only: the same words as any other write.
        rusqlite_migration::Error::RusqliteError { err, .. } => match Error::from(err) {
            Error::Internal(detail) => {
                Error::Internal(format!("Không nâng cấp được cơ sở dữ liệu: {detail}"))
            }
            clear => clear,
        },
        other => Error::Internal(format!("Không nâng cấp được cơ sở dữ liệu: {other}")),
    })
}
