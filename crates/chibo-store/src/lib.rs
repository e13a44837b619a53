//! chibo-store owns the SQLite database of Sổ tay Chi bộ: where it lives ([`DataDir`]), how
//! every connection is set up (WAL, `synchronous=FULL`, foreign keys, the `vi` collation and
//! `fold()`), the numbered forward-only migrations, and the operations the app performs,
//! each one transaction that applies the rules of `chibo-core`.
//!
//! To add a table: write `src/migrations/NNNN_what.sql`, append it in `migrations.rs`, and
//! put its operations in a module of their own as `impl Store` methods: reads take `&self`,
//! writes `&mut self` and open one transaction. Types that cross IPC derive `ts_rs::TS` and
//! are listed in `bindings.rs`.

pub mod atomic_file;
mod attachment_files;
pub mod attachments;
pub mod attendance_history;
pub mod backups;
pub mod bindings;
pub mod branches;
pub mod clock;
mod connection;
pub mod data_dir;
pub mod database_copy;
pub mod demo;
mod demo_meetings;
pub mod documents;
pub mod error;
mod hashing;
pub mod info;
pub mod interchange;
pub mod meeting_documents;
pub mod meeting_record;
pub mod meetings;
pub mod members;
pub mod migrations;
pub mod minutes;
mod notices;
mod output_path;
pub mod prefs;
pub mod restore;
pub mod roll_call;
mod roster_changes;
pub mod roster_io;
pub mod spreadsheet;
mod sql_enum;
mod store;
mod task_review;
pub mod verify;
pub mod warnings;

pub use data_dir::DataDir;
pub use error::{Error, Result};
pub use store::Store;
