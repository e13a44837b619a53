//! A member's attendance history: every roll call they were marked at, per year and over a
//! chosen range.

use chibo_core::attendance_history::{
    by_year, summarise, AttendanceEntry, AttendanceStats, YearAttendance,
};
use chibo_core::dates::format_dmy;
use chibo_core::validation::FieldError;
use chrono::NaiveDate;
use rusqlite::params;
use serde::Serialize;
use ts_rs::TS;

use crate::error::Result;
use crate::members::load_member;
use crate::sql_enum;
use crate::store::Store;

/// What the member page shows of a member's attendance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct AttendanceHistory {
    /// Every year with a roll call, the latest first.
    pub years: Vec<YearAttendance>,
    /// Counts over the chosen range.
    pub range: AttendanceStats,
    /// The roll calls in the range, the latest first.
    pub entries: Vec<AttendanceEntry>,
}

impl Store {
    /// The member's attendance: per year over all time, and the entries and counts between
    /// `from` and `until` (both included; open ends when `null`).
    pub fn member_attendance(
        &self,
        member_id: i64,
        from: Option<NaiveDate>,
        until: Option<NaiveDate>,
    ) -> Result<AttendanceHistory> {
        load_member(&self.conn, member_id)?;
        if let (Some(from), Some(until)) = (from, until) {
            if until < from {
                return Err(FieldError::new(
                    "until",
                    format!(
                        "Ngày cuối ({}) phải sau ngày đầu ({}).",
                        format_dmy(until),
                        format_dmy(from)
                    ),
                )
                .into());
            }
        }
        let mut stmt = self.conn.prepare_cached(
            "SELECT m.id, m.date, m.kind, m.title, a.presence, a.reason, a.reason_accepted
             FROM attendance a JOIN meeting m ON m.id = a.meeting_id
             WHERE a.member_id = ?1 ORDER BY m.date DESC, m.id DESC",
        )?;
        let rows = stmt.query_map(params![member_id], |row| {
            Ok(AttendanceEntry {
                meeting_id: row.get(0)?,
                date: row.get(1)?,
                kind: sql_enum::from_sql(row.get_ref(2)?)?,
                title: row.get(3)?,
                presence: sql_enum::from_sql(row.get_ref(4)?)?,
                reason: row.get(5)?,
                reason_accepted: row.get(6)?,
            })
        })?;
        let all = rows.collect::<rusqlite::Result<Vec<_>>>()?;
        let entries: Vec<AttendanceEntry> = all
            .iter()
            .filter(|e| from.is_none_or(|f| e.date >= f) && until.is_none_or(|u| e.date <= u))
            .cloned()
            .collect();
        Ok(AttendanceHistory {
            years: by_year(&all),
            range: summarise(&entries),
            entries,
        })
    }
}
