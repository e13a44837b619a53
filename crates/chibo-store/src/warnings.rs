//! Every open warning of a branch on a day: probation and full membership (members), absences
//! (roll calls) and the meetings themselves; the most serious first.
//!
//! Roll calls are read as the meeting page shows them: the approved sheet of a locked meeting
//! (its snapshot), the roster as it is for the others.

use std::collections::HashMap;

use chibo_core::attendance::{absence_warnings, absent_without_accepted_reason, AbsenceMark, Mark};
use chibo_core::meeting::length_minutes;
use chibo_core::meeting_warnings::{meeting_warnings, MeetingFacts};
use chibo_core::member::Member;
use chibo_core::roster::standing_on;
use chibo_core::settings::RuleSettings;
use chibo_core::status::MemberStatus;
use chibo_core::warnings::{probation_warnings, Warning};
use chrono::{Datelike, NaiveDate};
use rusqlite::params;

use crate::error::Result;
use crate::members::load_branch_members;
use crate::roll_call::{sheet, snapshot, RollCall};
use crate::sql_enum;
use crate::store::Store;

type Members = [(Member, Vec<MemberStatus>)];

impl Store {
    /// Every open warning of the branch on `today`, the most serious first.
    pub fn warnings(&self, branch_id: i64, today: NaiveDate) -> Result<Vec<Warning>> {
        let rules = self.settings(branch_id)?.settings;
        let members = load_branch_members(&self.conn, branch_id)?;
        let mut all: Vec<Warning> = members
            .iter()
            .filter_map(|(member, statuses)| probation_warnings(member, statuses, today, &rules))
            .collect();
        let meetings = self.meetings_until(branch_id, today)?;
        let year_start = NaiveDate::from_ymd_opt(today.year(), 1, 1).unwrap_or(today);
        let sheets = self.sheets(&meetings, year_start, &members, &rules)?;
        all.extend(year_absence_warnings(
            &members, &meetings, &sheets, &rules, today,
        ));
        if let Some(since) = meetings.iter().map(|m| m.date).min() {
            let facts: Vec<MeetingFacts> = meetings
                .into_iter()
                .map(|mut m| {
                    if let Some(sheet) = sheets.get(&m.id) {
                        m.absent_without_reason = sheet
                            .summoned
                            .iter()
                            .filter(|l| {
                                l.mark.as_ref().is_some_and(|mark| {
                                    absent_without_accepted_reason(
                                        mark.presence,
                                        mark.reason_accepted,
                                    )
                                })
                            })
                            .map(|l| l.member.full_name.clone())
                            .collect();
                        m.counts = Some(sheet.counts.clone());
                    }
                    m
                })
                .collect();
            all.extend(meeting_warnings(&facts, since, today, &rules));
        }
        all.sort_by_key(|w| std::cmp::Reverse(w.severity));
        Ok(all)
    }

    /// The branch's meetings up to `today`, in date order, without their roll calls.
    fn meetings_until(&self, branch_id: i64, today: NaiveDate) -> Result<Vec<MeetingFacts>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, kind, date, status, actual_start, actual_end FROM meeting
             WHERE branch_id = ?1 AND date <= ?2 ORDER BY date, id",
        )?;
        let rows = stmt.query_map(params![branch_id, today], |row| {
            Ok(MeetingFacts {
                id: row.get(0)?,
                kind: sql_enum::from_sql(row.get_ref(1)?)?,
                date: row.get(2)?,
                status: sql_enum::from_sql(row.get_ref(3)?)?,
                counts: None,
                absent_without_reason: Vec::new(),
                length_minutes: length_minutes(row.get(4)?, row.get(5)?),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The roll call sheets of the meetings from `from` on that have marks: the snapshot of a
    /// locked meeting, the roster as it is for the others.
    fn sheets(
        &self,
        meetings: &[MeetingFacts],
        from: NaiveDate,
        members: &Members,
        rules: &RuleSettings,
    ) -> Result<HashMap<i64, RollCall>> {
        let Some(first) = meetings.iter().find(|m| m.date >= from) else {
            return Ok(HashMap::new());
        };
        let mut marks: HashMap<i64, Vec<Mark>> = HashMap::new();
        let mut locked: HashMap<i64, bool> = HashMap::new();
        let mut stmt = self.conn.prepare_cached(
            "SELECT a.meeting_id, a.member_id, a.presence, a.reason, a.reason_accepted,
                    m.locked_at IS NOT NULL
             FROM attendance a JOIN meeting m ON m.id = a.meeting_id
             WHERE m.branch_id = (SELECT branch_id FROM meeting WHERE id = ?1) AND m.date >= ?2",
        )?;
        let rows = stmt.query_map(params![first.id, from], |row| {
            Ok((
                row.get::<_, i64>(0)?,
                Mark {
                    member_id: row.get(1)?,
                    presence: sql_enum::from_sql(row.get_ref(2)?)?,
                    reason: row.get(3)?,
                    reason_accepted: row.get(4)?,
                },
                row.get::<_, bool>(5)?,
            ))
        })?;
        for row in rows {
            let (meeting_id, mark, is_locked) = row?;
            marks.entry(meeting_id).or_default().push(mark);
            locked.insert(meeting_id, is_locked);
        }
        let mut sheets = HashMap::new();
        for meeting in meetings.iter().filter(|m| m.date >= from) {
            let Some(of_meeting) = marks.get(&meeting.id) else {
                continue;
            };
            let frozen = if locked[&meeting.id] {
                snapshot(&self.conn, meeting.id)?
            } else {
                None
            };
            let sheet = frozen
                .unwrap_or_else(|| sheet(meeting.id, meeting.date, members, of_meeting, rules));
            sheets.insert(meeting.id, sheet);
        }
        Ok(sheets)
    }
}

/// Absence warnings of the members on the roll on `today`, for its calendar year, from the
/// marks of the meetings they were summoned to.
fn year_absence_warnings(
    members: &Members,
    meetings: &[MeetingFacts],
    sheets: &HashMap<i64, RollCall>,
    rules: &RuleSettings,
    today: NaiveDate,
) -> Vec<Warning> {
    let mut histories: HashMap<i64, Vec<AbsenceMark>> = HashMap::new();
    for meeting in meetings.iter().filter(|m| m.date.year() == today.year()) {
        let Some(sheet) = sheets.get(&meeting.id) else {
            continue;
        };
        for line in &sheet.summoned {
            if let Some(mark) = &line.mark {
                histories
                    .entry(line.member.id)
                    .or_default()
                    .push(AbsenceMark {
                        date: meeting.date,
                        kind: meeting.kind,
                        presence: mark.presence,
                        reason_accepted: mark.reason_accepted,
                    });
            }
        }
    }
    members
        .iter()
        .filter(|(member, statuses)| standing_on(member, statuses, today).on_roll())
        .filter_map(|(member, _)| {
            let history = histories.get(&member.id)?;
            Some(absence_warnings(
                member.id,
                &member.full_name,
                history,
                today.year(),
                rules,
            ))
        })
        .flatten()
        .collect()
}
