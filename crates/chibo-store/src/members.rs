//! Members and their dated statuses: add, edit, record a status change, recognise full
//! membership; the roster on a date with search and filters; probation warnings.

use std::collections::HashMap;

use chibo_core::member::{Member, MemberInput, ValidMember};
use chibo_core::name::NameParts;
use chibo_core::roster::{
    attached_on, earliest_membership_change, standing_on, MembershipDates, RosterCounts,
    RosterEntry, Standing,
};
use chibo_core::status::{MemberStatus, StatusInput};
use chibo_core::text::{fold, tones_on_last_vowel};
use chibo_core::validation::FieldError;

use chrono::NaiveDate;
use rusqlite::types::Value;
use rusqlite::{params, params_from_iter, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::clock::now_text;
use crate::error::{Error, Result};
use crate::sql_enum;
use crate::store::Store;

/// Which members the roster shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum RosterFilter {
    /// Everyone on the roll on the date.
    #[default]
    OnRoll,
    Official,
    Probationary,
    Exempted,
    SentAway,
    /// Transferred out, deceased, removed, expelled.
    Former,
    /// Every member ever recorded.
    All,
}

impl RosterFilter {
    fn accepts(self, standing: Standing) -> bool {
        match self {
            RosterFilter::OnRoll => standing.on_roll(),
            RosterFilter::Official => standing == Standing::Official,
            RosterFilter::Probationary => standing == Standing::Probationary,
            RosterFilter::Exempted => standing == Standing::Exempted,
            RosterFilter::SentAway => standing == Standing::SentAway,
            RosterFilter::Former => matches!(standing, Standing::Left(_)),
            RosterFilter::All => true,
        }
    }
}

/// The roster screen's data: the lines shown and the figures of the whole roll that day.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct RosterView {
    #[ts(type = "string")]
    pub as_of: NaiveDate,
    pub entries: Vec<RosterEntry>,
    /// Counts of the whole roll on the date, whatever the search and filter.
    pub counts: RosterCounts,
}

/// A member's page: the record, the status timeline, the standing today.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct MemberDetail {
    pub member: Member,
    pub statuses: Vec<MemberStatus>,
    pub standing: Standing,
    pub attached_here: bool,
}

const MEMBER_COLUMNS: &str = "id, branch_id, full_name, family_name, middle_name, given_name, \
     gender, birth_date, hometown, ethnicity, card_number, admitted_on, official_on, \
     official_reference, role, post, phone, notes";

/// Vietnamese roster order: tên, then đệm, then họ.
const ROSTER_ORDER: &str =
    "given_name COLLATE vi, middle_name COLLATE vi, family_name COLLATE vi, id";

fn member_from_row(row: &Row<'_>) -> rusqlite::Result<Member> {
    Ok(Member {
        id: row.get(0)?,
        branch_id: row.get(1)?,
        full_name: row.get(2)?,
        name_parts: NameParts {
            family: row.get(3)?,
            middle: row.get(4)?,
            given: row.get(5)?,
        },
        gender: match row.get_ref(6)? {
            rusqlite::types::ValueRef::Null => None,
            value => Some(sql_enum::from_sql(value)?),
        },
        birth_date: row.get(7)?,
        hometown: row.get(8)?,
        ethnicity: row.get(9)?,
        card_number: row.get(10)?,
        admitted_on: row.get(11)?,
        official_on: row.get(12)?,
        official_reference: row.get(13)?,
        role: sql_enum::from_sql(row.get_ref(14)?)?,
        post: row.get(15)?,
        phone: row.get(16)?,
        notes: row.get(17)?,
    })
}

fn status_from_row(row: &Row<'_>) -> rusqlite::Result<MemberStatus> {
    Ok(MemberStatus {
        id: row.get(0)?,
        member_id: row.get(1)?,
        kind: sql_enum::from_sql(row.get_ref(2)?)?,
        start: row.get(3)?,
        end: row.get(4)?,
        reference: row.get(5)?,
        note: row.get(6)?,
    })
}

const STATUS_COLUMNS: &str = "id, member_id, kind, start, \"end\", reference, note";

fn member_not_found(id: i64) -> Error {
    Error::NotFound(format!(
        "Không tìm thấy đảng viên số {id}; có thể đã bị xóa."
    ))
}

pub(crate) fn load_member(conn: &Connection, id: i64) -> Result<Member> {
    conn.query_row(
        &format!("SELECT {MEMBER_COLUMNS} FROM member WHERE id = ?1"),
        [id],
        member_from_row,
    )
    .optional()?
    .ok_or_else(|| member_not_found(id))
}

pub(crate) fn load_statuses(conn: &Connection, member_id: i64) -> Result<Vec<MemberStatus>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {STATUS_COLUMNS} FROM member_status WHERE member_id = ?1 ORDER BY start, id"
    ))?;
    let rows = stmt.query_map([member_id], status_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Every member of a branch in roster order, with their statuses.
pub(crate) fn load_branch_members(
    conn: &Connection,
    branch_id: i64,
) -> Result<Vec<(Member, Vec<MemberStatus>)>> {
    let mut by_member: HashMap<i64, Vec<MemberStatus>> = HashMap::new();
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {} FROM member_status s JOIN member m ON m.id = s.member_id
         WHERE m.branch_id = ?1 ORDER BY s.start, s.id",
        STATUS_COLUMNS
            .split(", ")
            .map(|c| format!("s.{c}"))
            .collect::<Vec<_>>()
            .join(", ")
    ))?;
    for status in stmt.query_map([branch_id], status_from_row)? {
        let status = status?;
        by_member.entry(status.member_id).or_default().push(status);
    }
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {MEMBER_COLUMNS} FROM member WHERE branch_id = ?1 ORDER BY {ROSTER_ORDER}"
    ))?;
    let members = stmt.query_map([branch_id], member_from_row)?;
    members
        .map(|member| {
            let member = member?;
            let statuses = by_member.remove(&member.id).unwrap_or_default();
            Ok((member, statuses))
        })
        .collect()
}

/// Every member's standing on `as_of`, added up per branch: two light queries for the whole
/// data folder (a commune office keeps dozens of branches).
pub(crate) fn counts_by_branch(
    conn: &Connection,
    as_of: NaiveDate,
) -> Result<HashMap<i64, RosterCounts>> {
    let mut by_member: HashMap<i64, Vec<MemberStatus>> = HashMap::new();
    let mut stmt =
        conn.prepare_cached("SELECT id, member_id, kind, start, \"end\" FROM member_status")?;
    let statuses = stmt.query_map([], |row| {
        Ok(MemberStatus {
            id: row.get(0)?,
            member_id: row.get(1)?,
            kind: sql_enum::from_sql(row.get_ref(2)?)?,
            start: row.get(3)?,
            end: row.get(4)?,
            reference: String::new(),
            note: String::new(),
        })
    })?;
    for status in statuses {
        let status = status?;
        by_member.entry(status.member_id).or_default().push(status);
    }
    let mut stmt =
        conn.prepare_cached("SELECT id, branch_id, admitted_on, official_on FROM member")?;
    let mut rows = stmt.query([])?;
    let mut counts: HashMap<i64, RosterCounts> = HashMap::new();
    while let Some(row) = rows.next()? {
        let dates = MembershipDates {
            admitted_on: row.get(2)?,
            official_on: row.get(3)?,
        };
        let statuses = by_member
            .get(&row.get::<_, i64>(0)?)
            .map(Vec::as_slice)
            .unwrap_or_default();
        counts.entry(row.get(1)?).or_default().add(
            standing_on(dates, statuses, as_of),
            attached_on(statuses, as_of),
        );
    }
    Ok(counts)
}

impl Store {
    /// Each branch's roster figures on `as_of` (branches without members are absent).
    pub fn roster_counts_by_branch(&self, as_of: NaiveDate) -> Result<HashMap<i64, RosterCounts>> {
        counts_by_branch(&self.conn, as_of)
    }
}

/// Refuses a card number another member of the branch already has.
fn check_card_free(
    conn: &Connection,
    branch_id: i64,
    card: &str,
    except: Option<i64>,
) -> Result<()> {
    if card.is_empty() {
        return Ok(());
    }
    let holder: Option<String> = conn
        .query_row(
            "SELECT full_name FROM member
             WHERE branch_id = ?1 AND card_number = ?2 AND card_number <> '' AND id IS NOT ?3",
            params![branch_id, card, except],
            |row| row.get(0),
        )
        .optional()?;
    match holder {
        Some(name) => Err(FieldError::new(
            "card_number",
            format!("Số thẻ đảng viên {card} đã thuộc về {name}."),
        )
        .into()),
        None => Ok(()),
    }
}

/// The columns a member's record writes, in the order of [`member_values`].
const WRITTEN_COLUMNS: [&str; 17] = [
    "full_name",
    "name_folded",
    "family_name",
    "middle_name",
    "given_name",
    "gender",
    "birth_date",
    "hometown",
    "ethnicity",
    "card_number",
    "admitted_on",
    "official_on",
    "official_reference",
    "role",
    "post",
    "phone",
    "notes",
];

/// The values of [`WRITTEN_COLUMNS`] for a validated record.
fn member_values(valid: &ValidMember) -> Result<Vec<Value>> {
    let m = &valid.input;
    let date = |d: Option<NaiveDate>| d.map_or(Value::Null, |d| Value::Text(d.to_string()));
    let text = |t: &str| Value::Text(t.to_owned());
    Ok(vec![
        text(&m.full_name),
        Value::Text(fold(&m.full_name)),
        text(&valid.parts.family),
        text(&valid.parts.middle),
        text(&valid.parts.given),
        m.gender
            .as_ref()
            .map(sql_enum::to_sql)
            .transpose()?
            .map_or(Value::Null, Value::Text),
        date(m.birth_date),
        text(&m.hometown),
        text(&m.ethnicity),
        text(&m.card_number),
        date(Some(m.admitted_on)),
        date(m.official_on),
        text(&m.official_reference),
        Value::Text(sql_enum::to_sql(&m.role)?),
        text(&m.post),
        text(&m.phone),
        text(&m.notes),
    ])
}

pub(crate) fn insert_member(conn: &Connection, branch_id: i64, valid: &ValidMember) -> Result<i64> {
    check_card_free(conn, branch_id, &valid.input.card_number, None)?;
    let placeholders: Vec<String> = (2..WRITTEN_COLUMNS.len() + 2)
        .map(|n| format!("?{n}"))
        .collect();
    let stamp = WRITTEN_COLUMNS.len() + 2;
    let sql = format!(
        "INSERT INTO member (branch_id, {}, created_at, updated_at) VALUES (?1, {}, ?{stamp}, ?{stamp})",
        WRITTEN_COLUMNS.join(", "),
        placeholders.join(", ")
    );
    let mut values = vec![Value::Integer(branch_id)];
    values.extend(member_values(valid)?);
    values.push(Value::Text(now_text()));
    conn.execute(&sql, params_from_iter(values))?;
    Ok(conn.last_insert_rowid())
}

pub(crate) fn update_member_row(
    conn: &Connection,
    member: &Member,
    valid: &ValidMember,
) -> Result<()> {
    check_card_free(
        conn,
        member.branch_id,
        &valid.input.card_number,
        Some(member.id),
    )?;
    let assignments: Vec<String> = WRITTEN_COLUMNS
        .iter()
        .enumerate()
        .map(|(i, c)| format!("{c} = ?{}", i + 2))
        .collect();
    let sql = format!(
        "UPDATE member SET {}, updated_at = ?{} WHERE id = ?1",
        assignments.join(", "),
        WRITTEN_COLUMNS.len() + 2
    );
    let mut values = vec![Value::Integer(member.id)];
    values.extend(member_values(valid)?);
    values.push(Value::Text(now_text()));
    conn.execute(&sql, params_from_iter(values))?;
    Ok(())
}

/// Statuses recorded before the admission date would be orphaned by an edit of it.
fn check_statuses_after_admission(statuses: &[MemberStatus], admitted: NaiveDate) -> Result<()> {
    use chibo_core::dates::format_dmy;
    use chibo_core::status::StatusKind;
    if let Some(early) = statuses
        .iter()
        .find(|s| s.kind != StatusKind::TransferredIn && s.start < admitted)
    {
        return Err(FieldError::new(
            "admitted_on",
            format!(
                "Đã ghi \"{}\" từ {}, trước ngày vào Đảng mới ({}).",
                early.kind.label(),
                format_dmy(early.start),
                format_dmy(admitted)
            ),
        )
        .into());
    }
    Ok(())
}

/// How a search ranks a member: 0 when the typed text matches with its accents (in either
/// tone placement: "Hoà" is "Hòa"), else 1.
fn search_rank(member: &Member, query: &str) -> u8 {
    let (name, query_lower) = (member.full_name.to_lowercase(), query.to_lowercase());
    let exact = name.contains(&query_lower)
        || tones_on_last_vowel(&name).contains(&tones_on_last_vowel(&query_lower))
        || member.card_number.contains(query);
    if exact {
        0
    } else {
        1
    }
}

fn matches_search(member: &Member, folded_query: &str) -> bool {
    fold(&member.full_name).contains(folded_query) || member.card_number.contains(folded_query)
}

impl Store {
    /// The roster on `as_of`: members matching the filter and the accent-insensitive search,
    /// in Vietnamese order (matches with the typed accents first), and the day's counts.
    pub fn roster(
        &self,
        branch_id: i64,
        as_of: NaiveDate,
        search: &str,
        filter: RosterFilter,
    ) -> Result<RosterView> {
        self.branch(branch_id)?;
        let query = chibo_core::text::clean(search);
        let folded = fold(&query);
        let mut counts = RosterCounts::default();
        let mut entries = Vec::new();
        for (member, statuses) in load_branch_members(&self.conn, branch_id)? {
            let standing = standing_on(&member, &statuses, as_of);
            let attached_here = attached_on(&statuses, as_of);
            counts.add(standing, attached_here);
            if filter.accepts(standing) && (folded.is_empty() || matches_search(&member, &folded)) {
                entries.push(RosterEntry {
                    member,
                    standing,
                    attached_here,
                });
            }
        }
        if !query.is_empty() {
            entries.sort_by_key(|entry| search_rank(&entry.member, &query));
        }
        Ok(RosterView {
            as_of,
            entries,
            counts,
        })
    }

    pub fn member_detail(&self, member_id: i64, today: NaiveDate) -> Result<MemberDetail> {
        let member = load_member(&self.conn, member_id)?;
        let statuses = load_statuses(&self.conn, member_id)?;
        Ok(MemberDetail {
            standing: standing_on(&member, &statuses, today),
            attached_here: attached_on(&statuses, today),
            member,
            statuses,
        })
    }

    pub fn create_member(
        &mut self,
        branch_id: i64,
        input: &MemberInput,
        today: NaiveDate,
    ) -> Result<Member> {
        let rules = self.settings(branch_id)?.settings;
        let valid = input.validated(today, &rules)?;
        let tx = self.conn.transaction()?;
        let id = insert_member(&tx, branch_id, &valid)?;
        tx.commit()?;
        load_member(&self.conn, id)
    }

    pub fn update_member(
        &mut self,
        member_id: i64,
        input: &MemberInput,
        today: NaiveDate,
    ) -> Result<MemberSaved> {
        let member = load_member(&self.conn, member_id)?;
        let rules = self.settings(member.branch_id)?.settings;
        let valid = input.validated(today, &rules)?;
        check_statuses_after_admission(
            &load_statuses(&self.conn, member_id)?,
            valid.input.admitted_on,
        )?;
        let tx = self.conn.transaction()?;
        update_member_row(&tx, &member, &valid)?;
        tx.commit()?;
        let saved = load_member(&self.conn, member_id)?;
        let change_notice = match earliest_membership_change((&member).into(), (&saved).into()) {
            Some(from) => self.roster_change_notice(member_id, from)?,
            None => None,
        };
        Ok(MemberSaved {
            member: saved,
            change_notice,
        })
    }

    /// Deletes a member recorded by mistake, with their statuses. Members who left are
    /// kept with an end status instead.
    pub fn delete_member(&mut self, member_id: i64) -> Result<()> {
        let changed = self
            .conn
            .execute("DELETE FROM member WHERE id = ?1", [member_id])?;
        if changed == 0 {
            return Err(member_not_found(member_id));
        }
        Ok(())
    }

    /// Records a status change, checked against the member's other statuses.
    pub fn add_status(
        &mut self,
        member_id: i64,
        input: &StatusInput,
        today: NaiveDate,
    ) -> Result<MemberStatus> {
        let member = load_member(&self.conn, member_id)?;
        let rules = self.settings(member.branch_id)?.settings;
        let existing = load_statuses(&self.conn, member_id)?;
        let status = input.validated(member.admitted_on, &existing, today, &rules)?;
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO member_status (member_id, kind, start, \"end\", reference, note, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                member_id,
                sql_enum::to_sql(&status.kind)?,
                status.start,
                status.end,
                status.reference,
                status.note,
                now_text()
            ],
        )?;
        let id = tx.last_insert_rowid();
        tx.commit()?;
        Ok(MemberStatus {
            id,
            member_id,
            kind: status.kind,
            start: status.start,
            end: status.end,
            reference: status.reference,
            note: status.note,
        })
    }

    /// Removes a status recorded by mistake.
    pub fn remove_status(&mut self, status_id: i64) -> Result<()> {
        let changed = self
            .conn
            .execute("DELETE FROM member_status WHERE id = ?1", [status_id])?;
        if changed == 0 {
            return Err(Error::NotFound(format!(
                "Không tìm thấy biến động số {status_id}."
            )));
        }
        Ok(())
    }

    /// Records the recognition of full membership (dự bị → chính thức).
    pub fn recognise_official(
        &mut self,
        member_id: i64,
        official_on: NaiveDate,
        reference: &str,
        today: NaiveDate,
    ) -> Result<Member> {
        let input = MemberInput {
            official_on: Some(official_on),
            official_reference: reference.to_owned(),
            ..load_member(&self.conn, member_id)?.to_input()
        };
        self.update_member(member_id, &input, today)
            .map(|saved| saved.member)
    }
}

/// A member's record as saved, and what the edit means for past meetings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct MemberSaved {
    pub member: Member,
    /// When the admission or official date changed: which approved meetings the change
    /// predates (they stay as approved) and which open ones follow it.
    pub change_notice: Option<String>,
}
