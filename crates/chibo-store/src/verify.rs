//! `chibo verify`: the whole data checked — SQLite's `integrity_check`, the foreign keys,
//! and every attachment's hash — with what is wrong in words.

use serde::Serialize;
use ts_rs::TS;

use crate::attachments::{Attachment, AttachmentState};
use crate::database_copy::integrity_problems;
use crate::error::Result;
use crate::store::Store;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct VerifyReport {
    /// Rows of `integrity_check` other than "ok".
    pub integrity: Vec<String>,
    /// Rows referring to a record that does not exist.
    pub foreign_keys: Vec<String>,
    /// Attachments whose file is missing or altered.
    pub attachments: Vec<Attachment>,
}

impl VerifyReport {
    pub fn is_ok(&self) -> bool {
        self.integrity.is_empty() && self.foreign_keys.is_empty() && self.attachments.is_empty()
    }

    /// One Vietnamese line per problem.
    pub fn problems(&self) -> Vec<String> {
        let integrity = self
            .integrity
            .iter()
            .map(|row| format!("Cơ sở dữ liệu hỏng: {row}"));
        let keys = self
            .foreign_keys
            .iter()
            .map(|row| format!("Liên kết hỏng: {row}"));
        let files = self.attachments.iter().map(|a| {
            let what = match a.state {
                AttachmentState::Missing => "không còn trong thư mục dữ liệu",
                _ => "đã bị thay đổi sau khi đính kèm (mã băm không khớp)",
            };
            format!(
                "Tệp đính kèm “{}” (số {}, cuộc họp số {}) {what}",
                a.original_name, a.id, a.meeting_id
            )
        });
        integrity.chain(keys).chain(files).collect()
    }
}

impl Store {
    pub fn verify(&self) -> Result<VerifyReport> {
        let integrity = integrity_problems(&self.conn, false)?;
        let mut stmt = self.conn.prepare("PRAGMA foreign_key_check")?;
        let foreign_keys = stmt
            .query_map([], |row| {
                Ok(format!(
                    "bảng {} dòng {} trỏ tới {} không tồn tại",
                    row.get::<_, String>(0)?,
                    row.get::<_, Option<i64>>(1)?.unwrap_or_default(),
                    row.get::<_, String>(2)?
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let attachments = if self.data_dir().is_some() {
            self.damaged_attachments()?
        } else {
            Vec::new()
        };
        Ok(VerifyReport {
            integrity,
            foreign_keys,
            attachments,
        })
    }
}
