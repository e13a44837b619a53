//! Files attached to a meeting (scans of the signed minutes, photos, documents): several
//! added at once, each stored once by content; listed with their state (a file missing or
//! altered on disk is shown as such); opened only from inside the attachments folder after
//! its hash is checked; removed with the file going once nothing refers to it.
//!
//! Attaching stays possible after the minutes are approved (the signed scan comes then);
//! removing does not: the approved record keeps its evidence.

use std::path::PathBuf;

use chibo_core::attachment::{check_picked_path, display_name, extension_of, media_type};
use rusqlite::{params, OptionalExtension, Row, Transaction};
use serde::Serialize;
use ts_rs::TS;

use crate::attachment_files::{stored_name, AttachmentFolder};
use crate::clock::now_text;
use crate::error::{Error, Result};
use crate::meeting_record::not_found;
use crate::store::Store;

/// Whether the stored copy is as it was attached.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum AttachmentState {
    Intact,
    /// The file is gone from the attachments folder.
    Missing,
    /// The file on disk no longer has the attached content.
    Altered,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Attachment {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub meeting_id: i64,
    pub original_name: String,
    pub media_type: String,
    #[ts(type = "number")]
    pub size: u64,
    pub added_at: String,
    pub sha256: String,
    pub state: AttachmentState,
}

/// How thoroughly the stored copies are checked when listing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Check {
    /// Present and of the right size: instant, for showing the list.
    Size,
    /// The full hash: reads every file.
    Hash,
}

const COLUMNS: &str = "id, meeting_id, original_name, media_type, size, added_at, sha256";

fn from_row(row: &Row<'_>) -> rusqlite::Result<Attachment> {
    Ok(Attachment {
        id: row.get(0)?,
        meeting_id: row.get(1)?,
        original_name: row.get(2)?,
        media_type: row.get(3)?,
        size: u64::try_from(row.get::<_, i64>(4)?).unwrap_or_default(),
        added_at: row.get(5)?,
        sha256: row.get(6)?,
        state: AttachmentState::Intact,
    })
}

fn file_name(attachment: &Attachment) -> String {
    stored_name(
        &attachment.sha256,
        extension_of(&attachment.original_name).as_deref(),
    )
}

fn attachment_not_found(id: i64) -> Error {
    Error::NotFound(format!(
        "Không tìm thấy tệp đính kèm số {id}; có thể đã được gỡ."
    ))
}

impl Store {
    fn attachments_root(&self) -> Result<PathBuf> {
        self.data_dir().map(|dir| dir.attachments()).ok_or_else(|| {
            Error::Internal("Dữ liệu tạm trong bộ nhớ không có thư mục đính kèm.".into())
        })
    }

    fn meeting_branch_and_lock(&self, meeting_id: i64) -> Result<(i64, bool)> {
        self.conn
            .query_row(
                "SELECT branch_id, locked_at IS NOT NULL FROM meeting WHERE id = ?1",
                params![meeting_id],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .optional()?
            .ok_or_else(|| not_found(meeting_id))
    }

    /// A meeting's attachments in the order they were added, each with its state.
    pub fn attachments(&self, meeting_id: i64, check: Check) -> Result<Vec<Attachment>> {
        self.meeting_branch_and_lock(meeting_id)?;
        let root = self.attachments_root()?;
        let folder = AttachmentFolder::new(&root);
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM attachment WHERE meeting_id = ?1 ORDER BY added_at, id"
        ))?;
        let mut list = stmt
            .query_map(params![meeting_id], from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        for attachment in &mut list {
            attachment.state = state_of(&folder, attachment, check);
        }
        Ok(list)
    }

    /// Attaches the picked files: all of them or, on any problem, none (each is checked
    /// before anything is copied or written).
    pub fn add_attachments(
        &mut self,
        meeting_id: i64,
        files: &[PathBuf],
    ) -> Result<Vec<Attachment>> {
        let (branch_id, _) = self.meeting_branch_and_lock(meeting_id)?;
        let max_megabytes = self
            .settings(branch_id)?
            .settings
            .attachment_max_megabytes
            .value;
        let root = self.attachments_root()?;
        let folder = AttachmentFolder::new(&root);
        for file in files {
            check_picked_path(file)?;
            folder.check_source(file, max_megabytes)?;
        }
        let mut created = Vec::new();
        let copied = files
            .iter()
            .map(|file| {
                let name = display_name(file);
                let extension = extension_of(&name);
                let stored = folder.store(file, extension.as_deref(), max_megabytes)?;
                if stored.created {
                    created.push(folder.path(&stored_name(&stored.sha256, extension.as_deref())));
                }
                Ok((name, extension, stored))
            })
            .collect::<Result<Vec<_>>>();
        let written = copied.and_then(|copied| {
            let tx = self.conn.transaction()?;
            let added_at = now_text();
            let mut ids = Vec::new();
            for (name, extension, stored) in copied {
                ids.push(insert_attachment(
                    &tx,
                    meeting_id,
                    &stored.sha256,
                    [&name, media_type(extension.as_deref())],
                    stored.size,
                    &added_at,
                )?);
            }
            tx.commit()?;
            Ok(ids)
        });
        match written {
            Ok(ids) => {
                let list = self.attachments(meeting_id, Check::Size)?;
                Ok(list.into_iter().filter(|a| ids.contains(&a.id)).collect())
            }
            Err(err) => {
                for path in created {
                    // Nothing refers to a file this call created; best effort.
                    let _ = std::fs::remove_file(path);
                }
                Err(err)
            }
        }
    }

    /// Every attachment of every meeting whose stored copy is not intact (hashes checked).
    pub fn damaged_attachments(&self) -> Result<Vec<Attachment>> {
        let root = self.attachments_root()?;
        let folder = AttachmentFolder::new(&root);
        let mut stmt = self
            .conn
            .prepare_cached(&format!("SELECT {COLUMNS} FROM attachment ORDER BY id"))?;
        let list = stmt
            .query_map([], from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(list
            .into_iter()
            .map(|mut a| {
                a.state = state_of(&folder, &a, Check::Hash);
                a
            })
            .filter(|a| a.state != AttachmentState::Intact)
            .collect())
    }

    /// The most recent `limit` attachments whose copy is missing or of the wrong size: the
    /// quick look taken at start.
    pub fn attachment_spot_check(&self, limit: u32) -> Result<Vec<Attachment>> {
        let Some(dir) = self.data_dir() else {
            return Ok(Vec::new());
        };
        let root = dir.attachments();
        let folder = AttachmentFolder::new(&root);
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM attachment ORDER BY id DESC LIMIT ?1"
        ))?;
        let list = stmt
            .query_map(params![limit], from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(list
            .into_iter()
            .map(|mut a| {
                a.state = state_of(&folder, &a, Check::Size);
                a
            })
            .filter(|a| a.state != AttachmentState::Intact)
            .collect())
    }

    fn attachment(&self, id: i64) -> Result<Attachment> {
        self.conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM attachment WHERE id = ?1"),
                params![id],
                from_row,
            )
            .optional()?
            .ok_or_else(|| attachment_not_found(id))
    }

    /// The stored copy to open: inside the attachments folder, present, and with the
    /// attached content. Anything else is refused with what is wrong.
    pub fn attachment_file(&self, id: i64) -> Result<PathBuf> {
        let attachment = self.attachment(id)?;
        let root = self.attachments_root()?;
        let folder = AttachmentFolder::new(&root);
        let path = folder.contained(&file_name(&attachment))?;
        let name = &attachment.original_name;
        match state_of(&folder, &attachment, Check::Hash) {
            AttachmentState::Intact => Ok(path),
            AttachmentState::Missing => Err(Error::NotFound(format!(
                "Tệp đính kèm “{name}” không còn trong thư mục dữ liệu (có thể đã bị xóa bằng \
                 tay hoặc bởi phần mềm diệt virus). Hãy khôi phục từ bản sao lưu hoặc đính kèm \
                 lại."
            ))),
            AttachmentState::Altered => Err(Error::Corrupt(format!(
                "Tệp đính kèm “{name}” đã bị thay đổi trên đĩa sau khi đính kèm nên không mở. \
                 Hãy khôi phục từ bản sao lưu hoặc đính kèm lại bản gốc."
            ))),
        }
    }

    /// Removes an attachment; its file goes when no other attachment refers to it.
    /// Refused once the meeting's minutes are approved.
    pub fn remove_attachment(&mut self, id: i64) -> Result<()> {
        let attachment = self.attachment(id)?;
        let (_, locked) = self.meeting_branch_and_lock(attachment.meeting_id)?;
        if locked {
            return Err(Error::Locked(
                "Biên bản của cuộc họp đã được thông qua nên không gỡ được tệp đính kèm. Nếu \
                 cần, hãy sửa đổi biên bản trước."
                    .into(),
            ));
        }
        let name = file_name(&attachment);
        let tx = self.conn.transaction()?;
        tx.execute("DELETE FROM attachment WHERE id = ?1", params![id])?;
        let still_used = tx
            .prepare(&format!(
                "SELECT {COLUMNS} FROM attachment WHERE sha256 = ?1"
            ))?
            .query_map(params![attachment.sha256], from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?
            .iter()
            .any(|other| file_name(other) == name);
        tx.commit()?;
        if !still_used {
            let root = self.attachments_root()?;
            if let Ok(path) = AttachmentFolder::new(&root).contained(&name) {
                // The row is gone; a file that cannot be removed now is only unused space.
                let _ = std::fs::remove_file(path);
            }
        }
        Ok(())
    }
}

/// One attachment row; `[original name, media type]`. Returns its id.
pub(crate) fn insert_attachment(
    tx: &Transaction<'_>,
    meeting_id: i64,
    sha256: &str,
    [name, media_type]: [&str; 2],
    size: u64,
    added_at: &str,
) -> Result<i64> {
    tx.execute(
        "INSERT INTO attachment (meeting_id, sha256, original_name, media_type, size, added_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            meeting_id,
            sha256,
            name,
            media_type,
            i64::try_from(size).unwrap_or(i64::MAX),
            added_at
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

fn state_of(
    folder: &AttachmentFolder<'_>,
    attachment: &Attachment,
    check: Check,
) -> AttachmentState {
    let path = folder.path(&file_name(attachment));
    match std::fs::metadata(&path) {
        Err(_) => AttachmentState::Missing,
        Ok(meta) if !meta.is_file() => AttachmentState::Missing,
        Ok(meta) if meta.len() != attachment.size => AttachmentState::Altered,
        Ok(_) if check == Check::Size => AttachmentState::Intact,
        Ok(_) if folder.holds(&path, &attachment.sha256) => AttachmentState::Intact,
        Ok(_) => AttachmentState::Altered,
    }
}
