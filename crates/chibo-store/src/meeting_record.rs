//! One meeting's record: read it whole, create, edit, delete, postpone or cancel it, copy
//! the agenda of an earlier meeting, and the members who may chair it or take its minutes.
//! A meeting whose minutes are approved (`locked_at` set) refuses every change (`locked`).

use chibo_core::document::Document;
use chibo_core::meeting::{length_minutes, MeetingStatus};
use chibo_core::meeting_input::{Guest, MeetingContext, MeetingInput, MAX_STATUS_REASON_CHARS};
use chibo_core::member::Role;
use chibo_core::roster::eligible_on;
use chibo_core::text::clean;
use chibo_core::validation::{required_text, FieldError};
use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::clock::now_text;
use crate::documents::document_ids;
use crate::error::{Error, Result};
use crate::members::load_branch_members;
use crate::sql_enum;
use crate::store::Store;

/// A meeting as the meeting page shows and edits it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct MeetingDetail {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub branch_id: i64,
    /// The editable record, as stored.
    pub meeting: MeetingInput,
    /// The documents studied, in order.
    pub documents: Vec<Document>,
    /// When the minutes were approved: the meeting is read-only from then on.
    pub locked_at: Option<String>,
    /// Length of a held meeting from its actual times.
    #[ts(type = "number | null")]
    pub length_minutes: Option<i64>,
}

/// A member who may chair a meeting or take its minutes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct MemberChoice {
    #[ts(type = "number")]
    pub id: i64,
    pub full_name: String,
    pub role: Role,
}

/// Postponing or cancelling, with the reason; a postponed meeting may get a new date, which
/// schedules a copy of it (same agenda, guests and documents) on that date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct StatusChange {
    pub status: MeetingStatus,
    pub reason: String,
    #[ts(type = "string | null")]
    pub new_date: Option<NaiveDate>,
}

pub(crate) fn not_found(id: i64) -> Error {
    Error::NotFound(format!(
        "Không tìm thấy cuộc họp số {id}; có thể đã bị xóa."
    ))
}

fn locked_error() -> Error {
    Error::Locked("Biên bản cuộc họp này đã được thông qua; cuộc họp không sửa được nữa.".into())
}

impl Store {
    /// The whole record of a meeting.
    pub fn meeting_detail(&self, meeting_id: i64) -> Result<MeetingDetail> {
        let head = self
            .conn
            .query_row(
                "SELECT branch_id, kind, title, date, planned_start, planned_end, actual_start,
                        actual_end, place, chair_id, secretary_id, status, status_reason, locked_at
                 FROM meeting WHERE id = ?1",
                [meeting_id],
                |row| {
                    Ok((
                        row.get::<_, i64>(0)?,
                        MeetingInput {
                            kind: sql_enum::from_sql(row.get_ref(1)?)?,
                            title: row.get(2)?,
                            date: row.get(3)?,
                            planned_start: row.get(4)?,
                            planned_end: row.get(5)?,
                            actual_start: row.get(6)?,
                            actual_end: row.get(7)?,
                            place: row.get(8)?,
                            chair_id: row.get(9)?,
                            secretary_id: row.get(10)?,
                            guests: Vec::new(),
                            agenda: Vec::new(),
                            status: sql_enum::from_sql(row.get_ref(11)?)?,
                            status_reason: row.get(12)?,
                            document_ids: Vec::new(),
                        },
                        row.get::<_, Option<String>>(13)?,
                    ))
                },
            )
            .optional()?
            .ok_or_else(|| not_found(meeting_id))?;
        let (branch_id, mut meeting, locked_at) = head;
        meeting.agenda = self.agenda(meeting_id)?;
        meeting.guests = self.guests(meeting_id)?;
        let documents = self.meeting_documents(meeting_id)?;
        meeting.document_ids = documents.iter().map(|d| d.id).collect();
        Ok(MeetingDetail {
            id: meeting_id,
            branch_id,
            length_minutes: length_minutes(meeting.actual_start, meeting.actual_end),
            meeting,
            documents,
            locked_at,
        })
    }

    fn agenda(&self, meeting_id: i64) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT text FROM agenda_item WHERE meeting_id = ?1 ORDER BY position",
        )?;
        let rows = stmt.query_map([meeting_id], |row| row.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn guests(&self, meeting_id: i64) -> Result<Vec<Guest>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT name, post, organisation FROM meeting_guest WHERE meeting_id = ?1
             ORDER BY position",
        )?;
        let rows = stmt.query_map([meeting_id], |row| {
            Ok(Guest {
                name: row.get(0)?,
                post: row.get(1)?,
                organisation: row.get(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Members summoned on `date` (official, then probationary, in Vietnamese order): who may
    /// chair a meeting that day or take its minutes.
    pub fn meeting_candidates(&self, branch_id: i64, date: NaiveDate) -> Result<Vec<MemberChoice>> {
        self.branch(branch_id)?;
        let members = load_branch_members(&self.conn, branch_id)?;
        let eligibility = eligible_on(members.iter().map(|(m, s)| (m, s.as_slice())), date);
        Ok(eligibility
            .official
            .iter()
            .chain(&eligibility.probationary)
            .filter_map(|id| members.iter().find(|(m, _)| m.id == *id))
            .map(|(m, _)| MemberChoice {
                id: m.id,
                full_name: m.full_name.clone(),
                role: m.role,
            })
            .collect())
    }

    fn validated_meeting(
        &self,
        branch_id: i64,
        input: &MeetingInput,
        today: NaiveDate,
    ) -> Result<MeetingInput> {
        let branch = self.branch(branch_id)?;
        let summoned: Vec<i64> = self
            .meeting_candidates(branch_id, input.date)?
            .iter()
            .map(|m| m.id)
            .collect();
        let documents = document_ids(&self.conn, branch_id)?;
        Ok(input.validated(&MeetingContext {
            today,
            earliest: branch.earliest_date(),
            summoned: &summoned,
            documents: &documents,
        })?)
    }

    /// Records a new meeting.
    pub fn create_meeting(
        &mut self,
        branch_id: i64,
        input: &MeetingInput,
        today: NaiveDate,
    ) -> Result<MeetingDetail> {
        let input = self.validated_meeting(branch_id, input, today)?;
        let tx = self.conn.transaction()?;
        let id = insert_meeting(&tx, branch_id, &input)?;
        tx.commit()?;
        self.meeting_detail(id)
    }

    /// Replaces a meeting's record. Moving its date re-checks the chair and thư ký against
    /// the roster on the new date.
    pub fn update_meeting(
        &mut self,
        meeting_id: i64,
        input: &MeetingInput,
        today: NaiveDate,
    ) -> Result<MeetingDetail> {
        let current = self.meeting_detail(meeting_id)?;
        if current.locked_at.is_some() {
            return Err(locked_error());
        }
        let input = self.validated_meeting(current.branch_id, input, today)?;
        let tx = self.conn.transaction()?;
        tx.execute(
            "UPDATE meeting SET kind = ?2, title = ?3, date = ?4, planned_start = ?5,
                    planned_end = ?6, actual_start = ?7, actual_end = ?8, place = ?9,
                    chair_id = ?10, secretary_id = ?11, status = ?12, status_reason = ?13,
                    updated_at = ?14
             WHERE id = ?1",
            params![
                meeting_id,
                sql_enum::to_sql(&input.kind)?,
                input.title,
                input.date,
                input.planned_start,
                input.planned_end,
                input.actual_start,
                input.actual_end,
                input.place,
                input.chair_id,
                input.secretary_id,
                sql_enum::to_sql(&input.status)?,
                input.status_reason,
                now_text()
            ],
        )?;
        replace_parts(&tx, meeting_id, &input)?;
        tx.commit()?;
        self.meeting_detail(meeting_id)
    }

    /// Deletes a meeting entered by mistake, with its agenda and roll call.
    pub fn delete_meeting(&mut self, meeting_id: i64) -> Result<()> {
        if self.meeting_detail(meeting_id)?.locked_at.is_some() {
            return Err(locked_error());
        }
        self.conn
            .execute("DELETE FROM meeting WHERE id = ?1", [meeting_id])?;
        Ok(())
    }

    /// Postpones or cancels a meeting with its reason. A postponement with a new date also
    /// schedules the meeting again on it; the detail returned is then the new meeting's.
    pub fn change_meeting_status(
        &mut self,
        meeting_id: i64,
        change: &StatusChange,
        today: NaiveDate,
    ) -> Result<MeetingDetail> {
        let current = self.meeting_detail(meeting_id)?;
        if current.locked_at.is_some() {
            return Err(locked_error());
        }
        let reason = clean(&change.reason);
        required_text("reason", "Lý do", &reason, MAX_STATUS_REASON_CHARS)?;
        if !matches!(
            change.status,
            MeetingStatus::Postponed | MeetingStatus::Cancelled
        ) {
            return Err(FieldError::new("status", "Chỉ hoãn hoặc hủy được cuộc họp.").into());
        }
        let again = match change.new_date {
            Some(date) if change.status == MeetingStatus::Postponed => {
                if date <= current.meeting.date {
                    return Err(
                        FieldError::new("new_date", "Ngày họp mới phải sau ngày đã hoãn.").into(),
                    );
                }
                let input = MeetingInput {
                    date,
                    status: MeetingStatus::Planned,
                    status_reason: String::new(),
                    actual_start: None,
                    actual_end: None,
                    ..current.meeting.clone()
                };
                Some(self.validated_meeting(current.branch_id, &input, today)?)
            }
            _ => None,
        };
        let tx = self.conn.transaction()?;
        tx.execute(
            "UPDATE meeting SET status = ?2, status_reason = ?3, updated_at = ?4 WHERE id = ?1",
            params![
                meeting_id,
                sql_enum::to_sql(&change.status)?,
                reason,
                now_text()
            ],
        )?;
        let shown = match again {
            Some(input) => insert_meeting(&tx, current.branch_id, &input)?,
            None => meeting_id,
        };
        tx.commit()?;
        self.meeting_detail(shown)
    }

    /// Replaces a meeting's agenda with the agenda of another meeting of the branch.
    pub fn copy_agenda(&mut self, meeting_id: i64, from_meeting_id: i64) -> Result<MeetingDetail> {
        let target = self.meeting_detail(meeting_id)?;
        if target.locked_at.is_some() {
            return Err(locked_error());
        }
        let source = self.meeting_detail(from_meeting_id)?;
        if source.branch_id != target.branch_id {
            return Err(not_found(from_meeting_id));
        }
        let tx = self.conn.transaction()?;
        replace_agenda(&tx, meeting_id, &source.meeting.agenda)?;
        tx.execute(
            "UPDATE meeting SET updated_at = ?2 WHERE id = ?1",
            params![meeting_id, now_text()],
        )?;
        tx.commit()?;
        self.meeting_detail(meeting_id)
    }
}

fn insert_meeting(tx: &Transaction<'_>, branch_id: i64, input: &MeetingInput) -> Result<i64> {
    let now = now_text();
    tx.execute(
        "INSERT INTO meeting (branch_id, kind, title, date, planned_start, planned_end,
                              actual_start, actual_end, place, chair_id, secretary_id, status,
                              status_reason, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?14)",
        params![
            branch_id,
            sql_enum::to_sql(&input.kind)?,
            input.title,
            input.date,
            input.planned_start,
            input.planned_end,
            input.actual_start,
            input.actual_end,
            input.place,
            input.chair_id,
            input.secretary_id,
            sql_enum::to_sql(&input.status)?,
            input.status_reason,
            now
        ],
    )?;
    let id = tx.last_insert_rowid();
    replace_parts(tx, id, input)?;
    Ok(id)
}

fn replace_parts(tx: &Transaction<'_>, meeting_id: i64, input: &MeetingInput) -> Result<()> {
    replace_agenda(tx, meeting_id, &input.agenda)?;
    tx.execute(
        "DELETE FROM meeting_guest WHERE meeting_id = ?1",
        [meeting_id],
    )?;
    for (position, guest) in input.guests.iter().enumerate() {
        insert_guest(
            tx,
            meeting_id,
            position,
            [&guest.name, &guest.post, &guest.organisation],
        )?;
    }
    tx.execute(
        "DELETE FROM meeting_document WHERE meeting_id = ?1",
        [meeting_id],
    )?;
    for (position, document_id) in input.document_ids.iter().enumerate() {
        tx.execute(
            "INSERT INTO meeting_document (meeting_id, document_id, position) VALUES (?1, ?2, ?3)",
            params![meeting_id, document_id, position as i64],
        )?;
    }
    Ok(())
}

/// One guest line; `[name, post, organisation]`.
pub(crate) fn insert_guest(
    tx: &Transaction<'_>,
    meeting_id: i64,
    position: usize,
    [name, post, organisation]: [&str; 3],
) -> Result<()> {
    tx.execute(
        "INSERT INTO meeting_guest (meeting_id, position, name, post, organisation)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![meeting_id, position as i64, name, post, organisation],
    )?;
    Ok(())
}

pub(crate) fn replace_agenda(
    tx: &Transaction<'_>,
    meeting_id: i64,
    agenda: &[impl AsRef<str>],
) -> Result<()> {
    tx.execute(
        "DELETE FROM agenda_item WHERE meeting_id = ?1",
        [meeting_id],
    )?;
    for (position, text) in agenda.iter().enumerate() {
        tx.execute(
            "INSERT INTO agenda_item (meeting_id, position, text) VALUES (?1, ?2, ?3)",
            params![meeting_id, position as i64, text.as_ref()],
        )?;
    }
    Ok(())
}
