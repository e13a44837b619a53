//! Meetings: planning a year (monthly regular, quarterly thematic) without duplicates, and
//! the list of a year's meetings.

use chibo_core::meeting::{MeetingKind, MeetingStatus};
use chibo_core::planning::{plan_year, DayRule};
use chrono::{Datelike, NaiveDate, NaiveTime};
use rusqlite::{params, Row};
use serde::Serialize;
use ts_rs::TS;

use crate::error::Result;
use crate::sql_enum;
use crate::store::Store;
use crate::timestamp::now_text;

/// A line of the meetings list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct MeetingSummary {
    #[ts(type = "number")]
    pub id: i64,
    pub kind: MeetingKind,
    pub title: String,
    #[ts(type = "string")]
    pub date: NaiveDate,
    #[ts(type = "string | null")]
    pub planned_start: Option<NaiveTime>,
    pub place: String,
    pub status: MeetingStatus,
    pub agenda_items: u32,
}

const DEFAULT_START: (u32, u32) = (7, 30);

fn summary_from_row(row: &Row<'_>) -> rusqlite::Result<MeetingSummary> {
    Ok(MeetingSummary {
        id: row.get(0)?,
        kind: sql_enum::from_sql(row.get_ref(1)?)?,
        title: row.get(2)?,
        date: row.get(3)?,
        planned_start: row.get(4)?,
        place: row.get(5)?,
        status: sql_enum::from_sql(row.get_ref(6)?)?,
        agenda_items: row.get(7)?,
    })
}

impl Store {
    /// The branch's meetings of `year`, by date.
    pub fn meetings_of_year(&self, branch_id: i64, year: i32) -> Result<Vec<MeetingSummary>> {
        self.branch(branch_id)?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT m.id, m.kind, m.title, m.date, m.planned_start, m.place, m.status,
                    (SELECT COUNT(*) FROM agenda_item a WHERE a.meeting_id = m.id)
             FROM meeting m
             WHERE m.branch_id = ?1 AND m.date >= ?2 AND m.date < ?3
             ORDER BY m.date, m.id",
        )?;
        let from = NaiveDate::from_ymd_opt(year, 1, 1);
        let until = NaiveDate::from_ymd_opt(year + 1, 1, 1);
        let rows = stmt.query_map(params![branch_id, from, until], summary_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Creates the year's missing regular and thematic meetings, each with the standard
    /// agenda of its kind, in one transaction; returns those created (none when run again).
    pub fn plan_year(
        &mut self,
        branch_id: i64,
        year: i32,
        rule: DayRule,
    ) -> Result<Vec<MeetingSummary>> {
        rule.validate()?;
        if !(2000..=2100).contains(&year) {
            return Err(chibo_core::validation::FieldError::new(
                "year",
                "Năm phải từ 2000 đến 2100.",
            )
            .into());
        }
        self.branch(branch_id)?;
        let existing: Vec<(MeetingKind, NaiveDate)> = self
            .meetings_of_year(branch_id, year)?
            .into_iter()
            .map(|m| (m.kind, m.date))
            .collect();
        let plan = plan_year(year, rule, &existing);
        let start = NaiveTime::from_hms_opt(DEFAULT_START.0, DEFAULT_START.1, 0);
        let now = now_text();
        let tx = self.conn.transaction()?;
        let mut created = Vec::with_capacity(plan.len());
        for planned in &plan {
            let title = match planned.kind {
                MeetingKind::Regular => format!(
                    "Sinh hoạt thường kỳ tháng {:02} năm {}",
                    planned.date.month(),
                    year
                ),
                _ => format!(
                    "Sinh hoạt chuyên đề quý {} năm {}",
                    (planned.date.month() - 1) / 3 + 1,
                    year
                ),
            };
            tx.execute(
                "INSERT INTO meeting (branch_id, kind, title, date, planned_start, status,
                                      created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
                params![
                    branch_id,
                    sql_enum::to_sql(&planned.kind)?,
                    title,
                    planned.date,
                    start,
                    sql_enum::to_sql(&MeetingStatus::Planned)?,
                    now
                ],
            )?;
            let id = tx.last_insert_rowid();
            for (position, text) in planned.kind.default_agenda().iter().enumerate() {
                tx.execute(
                    "INSERT INTO agenda_item (meeting_id, position, text) VALUES (?1, ?2, ?3)",
                    params![id, position as i64, text],
                )?;
            }
            created.push(id);
        }
        tx.commit()?;
        Ok(self
            .meetings_of_year(branch_id, year)?
            .into_iter()
            .filter(|m| created.contains(&m.id))
            .collect())
    }
}
