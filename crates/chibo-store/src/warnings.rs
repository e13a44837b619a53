//! Every open warning of a branch on a day: probation and full membership (members), absences
//! (roll calls) and the meetings themselves; the most serious first.

use std::collections::HashMap;

use chibo_core::attendance::{absence_warnings, count, Mark, Presence};
use chibo_core::meeting::length_minutes;
use chibo_core::meeting_warnings::{meeting_warnings, MeetingFacts};
use chibo_core::member::Member;
use chibo_core::roster::eligible_on;
use chibo_core::settings::RuleSettings;
use chibo_core::status::MemberStatus;
use chibo_core::warnings::{probation_warnings, Warning};
use chrono::{Datelike, NaiveDate};
use rusqlite::params;

use crate::error::Result;
use crate::members::load_branch_members;
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
        all.extend(self.absence_warnings(branch_id, &members, &rules, today)?);
        all.extend(self.meeting_warnings(branch_id, &members, &rules, today)?);
        all.sort_by_key(|w| std::cmp::Reverse(w.severity));
        Ok(all)
    }

    /// Absence warnings of the branch's members for the calendar year of `today`. Excused
    /// absences in a row may start the year before, so the previous year is read too.
    fn absence_warnings(
        &self,
        branch_id: i64,
        members: &Members,
        rules: &RuleSettings,
        today: NaiveDate,
    ) -> Result<Vec<Warning>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT a.member_id, m.date, a.presence FROM meeting m
             JOIN attendance a ON a.meeting_id = m.id
             WHERE m.branch_id = ?1 AND m.date >= ?2 AND m.date <= ?3
             ORDER BY m.date",
        )?;
        let from = NaiveDate::from_ymd_opt(today.year() - 1, 1, 1);
        let mut histories: HashMap<i64, Vec<(NaiveDate, Presence)>> = HashMap::new();
        let rows = stmt.query_map(params![branch_id, from, today], |row| {
            Ok((
                row.get::<_, i64>(0)?,
                row.get::<_, NaiveDate>(1)?,
                sql_enum::from_sql::<Presence>(row.get_ref(2)?)?,
            ))
        })?;
        for row in rows {
            let (member_id, date, presence) = row?;
            histories
                .entry(member_id)
                .or_default()
                .push((date, presence));
        }
        Ok(members
            .iter()
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
            .collect())
    }

    /// Warnings on the meetings of `today`'s year: attendance, length, months and quarters
    /// without their meeting, meetings left without an outcome.
    fn meeting_warnings(
        &self,
        branch_id: i64,
        members: &Members,
        rules: &RuleSettings,
        today: NaiveDate,
    ) -> Result<Vec<Warning>> {
        let since: Option<NaiveDate> = self.conn.query_row(
            "SELECT MIN(date) FROM meeting WHERE branch_id = ?1",
            [branch_id],
            |row| row.get(0),
        )?;
        let Some(since) = since else {
            return Ok(Vec::new());
        };
        let from = NaiveDate::from_ymd_opt(today.year(), 1, 1);
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, kind, date, status, actual_start, actual_end FROM meeting
             WHERE branch_id = ?1 AND date >= ?2 AND date <= ?3 ORDER BY date, id",
        )?;
        let rows = stmt.query_map(params![branch_id, from, today], |row| {
            Ok(MeetingFacts {
                id: row.get(0)?,
                kind: sql_enum::from_sql(row.get_ref(1)?)?,
                date: row.get(2)?,
                status: sql_enum::from_sql(row.get_ref(3)?)?,
                attendance_percent: None,
                length_minutes: length_minutes(row.get(4)?, row.get(5)?),
            })
        })?;
        let mut meetings = rows.collect::<rusqlite::Result<Vec<_>>>()?;
        let marks = self.marks_between(branch_id, from, today)?;
        for meeting in &mut meetings {
            let of_meeting: Vec<Mark> = marks
                .iter()
                .filter(|(id, _)| *id == meeting.id)
                .map(|(_, mark)| mark.clone())
                .collect();
            if of_meeting.is_empty() {
                continue;
            }
            let eligibility =
                eligible_on(members.iter().map(|(m, s)| (m, s.as_slice())), meeting.date);
            meeting.attendance_percent = count(&eligibility, &of_meeting, rules).attendance_percent;
        }
        Ok(meeting_warnings(&meetings, since, today, rules))
    }

    /// The marks of the branch's meetings between two dates, with their meeting.
    fn marks_between(
        &self,
        branch_id: i64,
        from: Option<NaiveDate>,
        until: NaiveDate,
    ) -> Result<Vec<(i64, Mark)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT a.meeting_id, a.member_id, a.presence, a.reason, a.reason_accepted
             FROM attendance a JOIN meeting m ON m.id = a.meeting_id
             WHERE m.branch_id = ?1 AND m.date >= ?2 AND m.date <= ?3",
        )?;
        let rows = stmt.query_map(params![branch_id, from, until], |row| {
            Ok((
                row.get(0)?,
                Mark {
                    member_id: row.get(1)?,
                    presence: sql_enum::from_sql(row.get_ref(2)?)?,
                    reason: row.get(3)?,
                    reason_accepted: row.get(4)?,
                },
            ))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
