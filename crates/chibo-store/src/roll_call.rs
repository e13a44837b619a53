//! The roll call of a meeting: who is summoned on its date (by the roster rules), their
//! marks, the counters; saving it in one transaction.
//!
//! Every save also stores the sheet as it stands (`roll_call_snapshot`): each member with
//! their standing that day, the marks, the counters and the vote denominator. A meeting whose
//! minutes are approved (locked) is read from that snapshot, re-taken at the approval, so a
//! later, backdated change to the roster never changes what was approved; an unlocked meeting
//! follows the roster as it is.

use chibo_core::attendance::{count, validated_marks, Mark, RollCallCounts};
use chibo_core::meeting::MeetingStatus;
use chibo_core::member::Member;
use chibo_core::roster::{attached_on, eligible_on, standing_on, Eligibility, Standing};
use chibo_core::settings::RuleSettings;
use chibo_core::status::MemberStatus;
use chibo_core::validation::FieldError;
use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::clock::now_text;
use crate::error::{Error, Result};
use crate::members::load_branch_members;
use crate::sql_enum;
use crate::store::Store;

/// A member on the roll call sheet with their mark, if taken.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RollCallLine {
    pub member: Member,
    /// The member's standing on the meeting's date.
    pub standing: Standing,
    /// Attached here temporarily from another branch on that date.
    pub attached_here: bool,
    pub mark: Option<Mark>,
}

/// The roll call sheet of a meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RollCall {
    #[ts(type = "number")]
    pub meeting_id: i64,
    #[ts(type = "string")]
    pub date: NaiveDate,
    /// Read-only: the minutes are approved.
    pub locked: bool,
    /// Official, then probationary members, each in Vietnamese order.
    pub summoned: Vec<RollCallLine>,
    /// Exempted members, listed apart; marking them is optional, and only as attending.
    pub exempted: Vec<RollCallLine>,
    /// Members attending temporarily elsewhere, listed apart: marked only if they come.
    pub sent_away: Vec<RollCallLine>,
    pub counts: RollCallCounts,
    /// When the sheet was frozen, for a locked meeting read from its snapshot.
    pub frozen_at: Option<String>,
}

impl RollCall {
    /// Every line in the sheet's order: summoned, exempted, then attending elsewhere.
    pub fn lines(&self) -> impl Iterator<Item = &RollCallLine> {
        self.summoned
            .iter()
            .chain(&self.exempted)
            .chain(&self.sent_away)
    }

    /// The line of a member, if the sheet lists them.
    pub fn line_of(&self, member_id: i64) -> Option<&RollCallLine> {
        self.lines().find(|line| line.member.id == member_id)
    }
}

type Members = [(Member, Vec<MemberStatus>)];

/// The sheet of a meeting on `date` from the members' records and the marks, by the roster
/// and roll-call rules of chibo-core.
pub(crate) fn sheet(
    meeting_id: i64,
    date: NaiveDate,
    members: &Members,
    marks: &[Mark],
    rules: &RuleSettings,
) -> RollCall {
    let eligibility = eligible_on(members.iter().map(|(m, s)| (m, s.as_slice())), date);
    let line = |id: &i64| {
        members
            .iter()
            .find(|(m, _)| m.id == *id)
            .map(|(member, statuses)| {
                let standing = standing_on(member, statuses, date);
                let summoned = matches!(standing, Standing::Official | Standing::Probationary);
                RollCallLine {
                    member: member.clone(),
                    standing,
                    attached_here: attached_on(statuses, date),
                    // An absence recorded before the member was exempted or sent away on
                    // that date no longer stands: only attending is recorded for them.
                    mark: marks
                        .iter()
                        .find(|m| m.member_id == *id && (summoned || m.presence.attended()))
                        .cloned(),
                }
            })
    };
    let lines = |ids: &[i64]| ids.iter().filter_map(line).collect::<Vec<_>>();
    RollCall {
        meeting_id,
        date,
        locked: false,
        summoned: eligibility
            .official
            .iter()
            .chain(&eligibility.probationary)
            .filter_map(line)
            .collect(),
        exempted: lines(&eligibility.exempted),
        sent_away: lines(&eligibility.sent_away),
        counts: count(&eligibility, marks, rules),
        frozen_at: None,
    }
}

/// The meeting's frozen sheet, if one was stored.
pub(crate) fn snapshot(conn: &Connection, meeting_id: i64) -> Result<Option<RollCall>> {
    let stored: Option<(String, String)> = conn
        .query_row(
            "SELECT sheet, taken_at FROM roll_call_snapshot WHERE meeting_id = ?1",
            [meeting_id],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .optional()?;
    stored
        .map(|(json, taken_at)| {
            let mut sheet: RollCall = serde_json::from_str(&json).map_err(|e| {
                Error::Corrupt(format!(
                    "Bản chốt điểm danh của cuộc họp số {meeting_id} bị hỏng ({e})."
                ))
            })?;
            sheet.frozen_at = Some(taken_at);
            Ok(sheet)
        })
        .transpose()
}

/// Stores `sheet` as the meeting's snapshot, replacing an earlier one.
pub(crate) fn store_snapshot(conn: &Connection, sheet: &RollCall) -> Result<()> {
    let json = serde_json::to_string(&RollCall {
        frozen_at: None,
        ..sheet.clone()
    })
    .map_err(|e| Error::Internal(format!("Không ghi được bản chốt điểm danh ({e}).")))?;
    conn.execute(
        "INSERT INTO roll_call_snapshot (meeting_id, taken_at, sheet) VALUES (?1, ?2, ?3)
         ON CONFLICT(meeting_id) DO UPDATE SET taken_at = ?2, sheet = ?3",
        params![sheet.meeting_id, now_text(), json],
    )?;
    Ok(())
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

    pub(crate) fn eligibility(&self, branch_id: i64, date: NaiveDate) -> Result<Eligibility> {
        let members = load_branch_members(&self.conn, branch_id)?;
        Ok(eligible_on(
            members.iter().map(|(m, s)| (m, s.as_slice())),
            date,
        ))
    }

    /// The sheet from the roster as it is now, whatever is locked.
    fn live_sheet(&self, meeting_id: i64, head: &MeetingHead) -> Result<RollCall> {
        let rules = self.settings(head.branch_id)?.settings;
        let members = load_branch_members(&self.conn, head.branch_id)?;
        let marks = self.marks(meeting_id)?;
        Ok(RollCall {
            locked: head.locked,
            ..sheet(meeting_id, head.date, &members, &marks, &rules)
        })
    }

    /// The roll call sheet: those summoned on the meeting's date and their marks; for a
    /// meeting whose minutes are approved, the sheet as it was approved.
    pub fn roll_call(&self, meeting_id: i64) -> Result<RollCall> {
        let head = self.meeting_head(meeting_id)?;
        if head.locked {
            if let Some(frozen) = snapshot(&self.conn, meeting_id)? {
                return Ok(RollCall {
                    locked: true,
                    ..frozen
                });
            }
        }
        self.live_sheet(meeting_id, &head)
    }

    /// Freezes the sheet of every meeting with marks and no snapshot yet, from the data as it
    /// is: the databases written before snapshots existed, and meetings imported from an
    /// interchange file.
    pub(crate) fn snapshot_missing_roll_calls(&self) -> Result<usize> {
        let mut stmt = self.conn.prepare(
            "SELECT m.id FROM meeting m
             WHERE EXISTS (SELECT 1 FROM attendance a WHERE a.meeting_id = m.id)
               AND NOT EXISTS (SELECT 1 FROM roll_call_snapshot s WHERE s.meeting_id = m.id)",
        )?;
        let ids = stmt
            .query_map([], |row| row.get::<_, i64>(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        for id in &ids {
            let head = self.meeting_head(*id)?;
            store_snapshot(&self.conn, &self.live_sheet(*id, &head)?)?;
        }
        Ok(ids.len())
    }

    /// The counters for marks not saved yet: what the roll call screen shows as the user
    /// marks, computed by the same rules as the saved sheet.
    pub fn roll_call_counts(&self, meeting_id: i64, marks: &[Mark]) -> Result<RollCallCounts> {
        let head = self.meeting_head(meeting_id)?;
        let rules = self.settings(head.branch_id)?.settings;
        let eligibility = self.eligibility(head.branch_id, head.date)?;
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
        let rules = self.settings(head.branch_id)?.settings;
        let members = load_branch_members(&self.conn, head.branch_id)?;
        let eligibility = eligible_on(members.iter().map(|(m, s)| (m, s.as_slice())), head.date);
        let marks = validated_marks(&eligibility, marks)?;
        let saved = sheet(meeting_id, head.date, &members, &marks, &rules);
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
        store_snapshot(&tx, &saved)?;
        tx.commit()?;
        Ok(saved)
    }
}
