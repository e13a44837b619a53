//! The interchange format (`docs/interchange-format.md`): one versioned JSON file holding
//! one or all branches whole, with their attached files in a folder beside it. A commune
//! office collects its branches' files this way; a secretary moves to a new computer.
//!
//! - [`format`]: the file's records (serde structs), `FORMAT_NAME`, `FORMAT_VERSION`.
//! - `from_db` reads a branch into records; `exporting` writes the file and the folder.
//! - `read` parses a file, `validate` checks it, `files` checks and copies attachments,
//!   `to_db` writes a branch, `importing` previews and imports (one transaction).
//!
//! Records refer to each other by keys local to the file; ids are given anew on import.

mod exporting;
pub mod files;
pub mod format;
mod from_db;
mod importing;
mod minutes_people;
mod read;
mod to_db;
mod validate;

use serde::Serialize;
use ts_rs::TS;

pub use files::folder_beside;
pub use format::{InterchangeFile, FORMAT_NAME, FORMAT_VERSION};
pub use validate::FIELD;

/// How many records a branch holds (in a file or in the data folder).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, TS)]
pub struct RecordCounts {
    pub members: u32,
    pub documents: u32,
    pub meetings: u32,
    /// Meetings with minutes (draft or approved).
    pub minutes: u32,
    pub attachments: u32,
}

/// What importing does with a branch of the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum BranchAction {
    /// No branch of that name yet: it is added.
    Add,
    /// A branch of that name exists: its records are replaced by the file's.
    Update,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct BranchChange {
    pub name: String,
    pub action: BranchAction,
    /// The branch updated (preview) or written (after the import).
    #[ts(type = "number | null")]
    pub branch_id: Option<i64>,
    /// What the file holds for it.
    pub incoming: RecordCounts,
    /// What the data folder holds now, for a branch that is updated.
    pub current: Option<RecordCounts>,
}

/// The preview of an import, or what it did (`written`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct InterchangePreview {
    pub file: String,
    pub version: u32,
    pub exported_at: String,
    pub app_version: String,
    pub branches: Vec<BranchChange>,
    /// Distinct attached files the file brings.
    pub attachment_files: u32,
    /// Of those, the ones the data folder does not hold yet.
    pub new_attachment_files: u32,
    /// Whether the data was written (false for a preview).
    pub written: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ExportedBranch {
    pub name: String,
    pub counts: RecordCounts,
}

/// What an export wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct InterchangeExport {
    pub file: String,
    /// The folder of attached files beside it; none when no branch has attachments.
    pub attachments_folder: Option<String>,
    pub branches: Vec<ExportedBranch>,
    /// Distinct attached files copied.
    pub attachment_files: u32,
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl RecordCounts {
    /// The counts of a branch in a file.
    pub fn of(branch: &format::BranchRecord) -> Self {
        RecordCounts {
            members: count(branch.members.len()),
            documents: count(branch.documents.len()),
            meetings: count(branch.meetings.len()),
            minutes: count(
                branch
                    .meetings
                    .iter()
                    .filter(|m| m.minutes.is_some())
                    .count(),
            ),
            attachments: count(branch.meetings.iter().map(|m| m.attachments.len()).sum()),
        }
    }
}
