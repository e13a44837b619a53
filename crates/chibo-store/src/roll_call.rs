//! The roll call of a meeting: who is summoned on its date (by the roster rules), their
//! marks, the counters; saving it in one transaction.

use chibo_core::attendance::{count, validated_marks, Mark, RollCallCounts};
use chibo_core::meeting::MeetingStatus;
use chibo_core::member::Member;
use chibo_core::roster::{eligible_on, Eligibility};
use chibo_core::validation::FieldError;
use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension};
use serde::Serialize;
use ts_rs::TS;

use crate::clock::now_text;
use crate::error::{Error, Result};
use crate::members::load_branch_members;
use crate::sql_enum;
use crate::store::Store;

/// A member on the roll call sheet with their mark, if taken.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RollCallLine {
    pub member: Member,
    pub mark: Option<Mark>,
}

/// The roll call sheet of a meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RollCall {
    #[ts(type = "number")]
    pub meeting_id: i64,
    #[ts(type = "string")]
    pub date: NaiveDate,
    /// Read-only: the minutes are approved.
    pub locked: bool,
    /// Official, then probationary members, each in Vietnamese order.
    pub summoned: Vec<RollCallLine>,
    /// Exempted members, listed apart; marking them is optional.
    pub exempted: Vec<RollCallLine>,
    pub counts: RollCallCounts,
}

struct MeetingHead {
    branch_id: i64,
    date: NaiveDate,
    status: MeetingStatus,
    locked: bool,
}

impl Store {
    fn meeting_head(&self, meeting_id: i64) -> Result<MeetingHead> {
        self.conn
            .query_row(
                "SELECT branch_id, date, status, locked_at IS NOT NULL FROM meeting WHERE id = ?1",
                [meeting_id],
                |row| {
                    Ok(MeetingHead {
                        branch_id: row.get(0)?,
                        date: row.get(1)?,
                        status: sql_enum::from_sql(row.get_ref(2)?)?,
                        locked: row.get(3)?,
                    })
                },
            )
            .optional()?
            .ok_or_else(|| {
                Error::NotFound(format!("Không tìm thấy cuộc sinh hoạt số {meeting_id}."))
            })
    }

    fn marks(&self, meeting_id: i64) -> Result<Vec<Mark>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT member_id, presence, reason, reason_accepted FROM attendance WHERE meeting_id = ?1",
        )?;
        let rows = stmt.query_map([meeting_id], |row| {
            Ok(Mark {
                member_id: row.get(0)?,
                presence: sql_enum::from_sql(row.get_ref(1)?)?,
                reason: row.get(2)?,
                reason_accepted: row.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub(crate) fn eligibility(
        &self,
        branch_id: i64,
        date: NaiveDate,
    ) -> Result<(Vec<Member>, Eligibility)> {
        let members = load_branch_members(&self.conn, branch_id)?;
        let eligibility = eligible_on(members.iter().map(|(m, s)| (m, s.as_slice())), date);
        Ok((members.into_iter().map(|(m, _)| m).collect(), eligibility))
    }

    /// The roll call sheet: those summoned on the meeting's date and their marks.
    pub fn roll_call(&self, meeting_id: i64) -> Result<RollCall> {
        let head = self.meeting_head(meeting_id)?;
        let rules = self.settings(head.branch_id)?.settings;
        let (members, eligibility) = self.eligibility(head.branch_id, head.date)?;
        let marks = self.marks(meeting_id)?;
        let line = |id: &i64| {
            members
                .iter()
                .find(|m| m.id == *id)
                .map(|member| RollCallLine {
                    member: member.clone(),
                    mark: marks.iter().find(|m| m.member_id == *id).cloned(),
                })
        };
        Ok(RollCall {
            meeting_id,
            date: head.date,
            locked: head.locked,
            summoned: eligibility
                .official
                .iter()
                .chain(&eligibility.probationary)
                .filter_map(line)
                .collect(),
            exempted: eligibility.exempted.iter().filter_map(line).collect(),
            counts: count(&eligibility, &marks, &rules),
        })
    }

    /// The counters for marks not saved yet: what the roll call screen shows as the user
    /// marks, computed by the same rules as the saved sheet.
    pub fn roll_call_counts(&self, meeting_id: i64, marks: &[Mark]) -> Result<RollCallCounts> {
        let head = self.meeting_head(meeting_id)?;
        let rules = self.settings(head.branch_id)?.settings;
        let (_, eligibility) = self.eligibility(head.branch_id, head.date)?;
        Ok(count(&eligibility, marks, &rules))
    }

    /// Replaces the meeting's marks in one transaction; refused when the minutes are
    /// approved (`locked`), the meeting was postponed or cancelled, or a mark is not for a
    /// member summoned that day. A planned meeting whose day has come, with someone
    /// attending, is recorded as held.
    pub fn save_roll_call(
        &mut self,
        meeting_id: i64,
        marks: &[Mark],
        today: NaiveDate,
    ) -> Result<RollCall> {
        let head = self.meeting_head(meeting_id)?;
        if head.locked {
            return Err(Error::Locked(
                "Biên bản cuộc họp này đã được thông qua; điểm danh không sửa được nữa.".into(),
            ));
        }
        if matches!(
            head.status,
            MeetingStatus::Postponed | MeetingStatus::Cancelled
        ) {
            return Err(FieldError::new(
                "status",
                format!(
                    "Cuộc họp này đã {}; không điểm danh được.",
                    head.status.label().to_lowercase()
                ),
            )
            .into());
        }
        let (_, eligibility) = self.eligibility(head.branch_id, head.date)?;
        let marks = validated_marks(&eligibility, marks)?;
        let tx = self.conn.transaction()?;
        tx.execute("DELETE FROM attendance WHERE meeting_id = ?1", [meeting_id])?;
        for mark in &marks {
            tx.execute(
                "INSERT INTO attendance (meeting_id, member_id, presence, reason, reason_accepted)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![
                    meeting_id,
                    mark.member_id,
                    sql_enum::to_sql(&mark.presence)?,
                    mark.reason,
                    mark.reason_accepted
                ],
            )?;
        }
        if head.status == MeetingStatus::Planned
            && head.date <= today
            && marks.iter().any(|m| m.presence.attended())
        {
            tx.execute(
                "UPDATE meeting SET status = ?2, updated_at = ?3 WHERE id = ?1",
                params![
                    meeting_id,
                    sql_enum::to_sql(&MeetingStatus::Held)?,
                    now_text()
                ],
            )?;
        }
        tx.commit()?;
        self.roll_call(meeting_id)
    }
}
