//! Meetings: planning a year (monthly regular, quarterly thematic) without duplicates, the
//! list of a year's meetings, the next meeting, and the year's schedule as a spreadsheet.

use chibo_core::meeting::{MeetingKind, MeetingStatus};
use chibo_core::planning::{plan_year, DayRule};
use std::path::Path;

use chibo_core::text::file_slug;
use chibo_export::ScheduleLine;
use chrono::{Datelike, NaiveDate, NaiveTime};
use rusqlite::{params, OptionalExtension, Row, TransactionBehavior};
use serde::Serialize;
use ts_rs::TS;

use crate::atomic_file::write_atomic;
use crate::clock::now_text;
use crate::error::{Error, Result};
use crate::meeting_record::replace_agenda;
use crate::sql_enum;
use crate::store::Store;

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
    pub status_reason: String,
    pub agenda_items: u32,
    /// Members marked at the roll call, and of them those who attended.
    pub marked: u32,
    pub attended: u32,
    /// The minutes are approved.
    pub locked: bool,
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
        status_reason: row.get(7)?,
        agenda_items: row.get(8)?,
        marked: row.get(9)?,
        attended: row.get(10)?,
        locked: row.get(11)?,
    })
}

/// The list's columns over `meeting m`.
const SUMMARY_COLUMNS: &str = "m.id, m.kind, m.title, m.date, m.planned_start, m.place, m.status,
    m.status_reason,
    (SELECT COUNT(*) FROM agenda_item a WHERE a.meeting_id = m.id),
    (SELECT COUNT(*) FROM attendance t WHERE t.meeting_id = m.id),
    (SELECT COUNT(*) FROM attendance t WHERE t.meeting_id = m.id
        AND t.presence IN ('present', 'late', 'left_early')),
    m.locked_at IS NOT NULL";

impl Store {
    /// The branch's meetings of `year`, by date.
    pub fn meetings_of_year(&self, branch_id: i64, year: i32) -> Result<Vec<MeetingSummary>> {
        chibo_core::dates::check_record_year(year)?;
        self.branch(branch_id)?;
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {SUMMARY_COLUMNS} FROM meeting m
             WHERE m.branch_id = ?1 AND m.date >= ?2 AND m.date < ?3
             ORDER BY m.date, m.id"
        ))?;
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
        let days_off = self.settings(branch_id)?.settings.days_off.value;
        // What is there is read under the write lock: two plans run at once (two windows, a
        // script) wait for each other and the second finds the first one's meetings, instead
        // of both creating the year.
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let existing: Vec<(MeetingKind, NaiveDate)> = {
            let mut stmt = tx.prepare(
                "SELECT kind, date FROM meeting WHERE branch_id = ?1 AND date >= ?2 AND date < ?3",
            )?;
            let rows = stmt.query_map(
                params![
                    branch_id,
                    NaiveDate::from_ymd_opt(year, 1, 1),
                    NaiveDate::from_ymd_opt(year + 1, 1, 1)
                ],
                |row| Ok((sql_enum::from_sql(row.get_ref(0)?)?, row.get(1)?)),
            )?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        let plan = plan_year(year, rule, &days_off, &existing);
        let start = NaiveTime::from_hms_opt(DEFAULT_START.0, DEFAULT_START.1, 0);
        let now = now_text();
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
            replace_agenda(&tx, id, planned.kind.default_agenda())?;
            created.push(id);
        }
        tx.commit()?;
        Ok(self
            .meetings_of_year(branch_id, year)?
            .into_iter()
            .filter(|m| created.contains(&m.id))
            .collect())
    }

    /// The branch's next planned meeting on or after `today`.
    pub fn next_meeting(&self, branch_id: i64, today: NaiveDate) -> Result<Option<MeetingSummary>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {SUMMARY_COLUMNS} FROM meeting m
             WHERE m.branch_id = ?1 AND m.date >= ?2 AND m.status = 'planned'
             ORDER BY m.date, m.planned_start, m.id LIMIT 1"
        ))?;
        Ok(stmt
            .query_row(params![branch_id, today], summary_from_row)
            .optional()?)
    }

    /// A file name for the year's schedule, e.g. `lich-sinh-hoat-2026-chi-bo-thon-ban-chat.xlsx`.
    pub fn schedule_file_name(&self, branch_id: i64, year: i32) -> Result<String> {
        let branch = self.branch(branch_id)?;
        let slug = file_slug(&branch.name);
        Ok(format!("lich-sinh-hoat-{year}-{slug}.xlsx"))
    }

    /// Writes the year's schedule (.xlsx) to `path`, atomically.
    pub fn export_schedule(&self, branch_id: i64, year: i32, path: &Path) -> Result<usize> {
        self.check_output(path)?;
        let branch = self.branch(branch_id)?;
        let lines: Vec<ScheduleLine> = self
            .meetings_of_year(branch_id, year)?
            .into_iter()
            .map(|m| ScheduleLine {
                date: m.date,
                start: m.planned_start,
                kind: m.kind,
                title: m.title,
                place: m.place,
                status: m.status,
                note: m.status_reason,
            })
            .collect();
        let bytes = chibo_export::schedule_xlsx(&branch, year, &lines)
            .map_err(|e| Error::Internal(e.to_string()))?;
        write_atomic(path, &bytes)?;
        Ok(lines.len())
    }
}
