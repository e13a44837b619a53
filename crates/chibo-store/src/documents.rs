//! The branch's register of superior documents studied at meetings, reused across meetings.

use chibo_core::document::{Document, DocumentInput};
use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::clock::now_text;
use crate::error::{Error, Result};
use crate::store::Store;

const DOCUMENT_COLUMNS: &str = "d.id, d.number, d.issued_on, d.issuer, d.title,
    (SELECT COUNT(*) FROM meeting_document md WHERE md.document_id = d.id)";

fn document_from_row(row: &Row<'_>) -> rusqlite::Result<Document> {
    Ok(Document {
        id: row.get(0)?,
        number: row.get(1)?,
        issued_on: row.get(2)?,
        issuer: row.get(3)?,
        title: row.get(4)?,
        meetings: row.get(5)?,
    })
}

/// The ids of the branch's documents.
pub(crate) fn document_ids(conn: &Connection, branch_id: i64) -> Result<Vec<i64>> {
    let mut stmt = conn.prepare_cached("SELECT id FROM document WHERE branch_id = ?1")?;
    let rows = stmt.query_map([branch_id], |row| row.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn not_found(id: i64) -> Error {
    Error::NotFound(format!("Không tìm thấy văn bản số {id}; có thể đã bị xóa."))
}

impl Store {
    /// The branch's documents, the latest issued first.
    pub fn documents(&self, branch_id: i64) -> Result<Vec<Document>> {
        self.branch(branch_id)?;
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {DOCUMENT_COLUMNS} FROM document d WHERE d.branch_id = ?1
             ORDER BY d.issued_on IS NULL, d.issued_on DESC, d.number"
        ))?;
        let rows = stmt.query_map([branch_id], document_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The documents a meeting studied, in order.
    pub(crate) fn meeting_documents(&self, meeting_id: i64) -> Result<Vec<Document>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {DOCUMENT_COLUMNS} FROM meeting_document m JOIN document d ON d.id = m.document_id
             WHERE m.meeting_id = ?1 ORDER BY m.position"
        ))?;
        let rows = stmt.query_map([meeting_id], document_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn document(&self, id: i64) -> Result<(i64, Document)> {
        self.conn
            .query_row(
                &format!("SELECT {DOCUMENT_COLUMNS}, d.branch_id FROM document d WHERE d.id = ?1"),
                [id],
                |row| Ok((row.get(6)?, document_from_row(row)?)),
            )
            .optional()?
            .ok_or_else(|| not_found(id))
    }

    fn check_number_free(
        &self,
        branch_id: i64,
        input: &DocumentInput,
        except: Option<i64>,
    ) -> Result<()> {
        let taken: Option<i64> = self
            .conn
            .query_row(
                "SELECT id FROM document WHERE branch_id = ?1 AND number = ?2
                 AND ifnull(issued_on, '') = ifnull(?3, '') AND id IS NOT ?4",
                params![branch_id, input.number, input.issued_on, except],
                |row| row.get(0),
            )
            .optional()?;
        match taken {
            Some(_) => Err(Error::Conflict(format!(
                "Văn bản {} đã có trong sổ văn bản của chi bộ.",
                input.number
            ))),
            None => Ok(()),
        }
    }

    /// Adds a document to the branch's register.
    pub fn create_document(
        &mut self,
        branch_id: i64,
        input: &DocumentInput,
        today: NaiveDate,
    ) -> Result<Document> {
        self.branch(branch_id)?;
        let input = input.validated(today)?;
        self.check_number_free(branch_id, &input, None)?;
        self.conn.execute(
            "INSERT INTO document (branch_id, number, issued_on, issuer, title, created_at,
                                   updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
            params![
                branch_id,
                input.number,
                input.issued_on,
                input.issuer,
                input.title,
                now_text()
            ],
        )?;
        Ok(self.document(self.conn.last_insert_rowid())?.1)
    }

    /// Corrects a document of the register; every meeting that studied it shows the change.
    pub fn update_document(
        &mut self,
        id: i64,
        input: &DocumentInput,
        today: NaiveDate,
    ) -> Result<Document> {
        let (branch_id, _) = self.document(id)?;
        let input = input.validated(today)?;
        self.check_number_free(branch_id, &input, Some(id))?;
        self.conn.execute(
            "UPDATE document SET number = ?2, issued_on = ?3, issuer = ?4, title = ?5,
                    updated_at = ?6
             WHERE id = ?1",
            params![
                id,
                input.number,
                input.issued_on,
                input.issuer,
                input.title,
                now_text()
            ],
        )?;
        Ok(self.document(id)?.1)
    }

    /// Deletes a document no meeting refers to.
    pub fn delete_document(&mut self, id: i64) -> Result<()> {
        let (_, document) = self.document(id)?;
        if document.meetings > 0 {
            return Err(Error::Conflict(format!(
                "Văn bản {} đang được dùng ở {} cuộc họp; hãy bỏ nó khỏi các cuộc họp đó trước.",
                document.number, document.meetings
            )));
        }
        self.conn
            .execute("DELETE FROM document WHERE id = ?1", [id])?;
        Ok(())
    }
}
