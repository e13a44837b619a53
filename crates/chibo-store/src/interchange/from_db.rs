//! Export: reading one branch whole from the database into the file's records, members,
//! documents and meetings given `key`s 1, 2, … in the order they were created, so exporting
//! what an import wrote gives the same file. The database's own checks come first: a minutes
//! text that no longer matches its approval hash is refused, not exported.

use std::collections::HashMap;

use chibo_core::dates::format_dmy;
use chibo_core::minutes::MinutesContent;
use chibo_core::settings::RuleSettings;
use chrono::NaiveDate;
use rusqlite::types::ValueRef;
use rusqlite::{Connection, Row};

use crate::error::{Error, Result};
use crate::hashing::sha256_hex;
use crate::interchange::files::WantedFiles;
use crate::interchange::format::{
    AttachmentRecord, BranchRecord, DocumentRecord, EarlierMinutes, GuestRecord, MarkRecord,
    MeetingRecord, MemberRecord, MinutesRecord, NamePartsRecord, NoticeRecord, Profile,
    SettingsVersion, StatusRecord,
};
use crate::interchange::minutes_people::{hash_of, translated};
use crate::sql_enum;

/// Ids of one kind of record → their keys in the file.
#[derive(Default)]
struct Keys(HashMap<i64, u32>);

impl Keys {
    fn assign(&mut self, id: i64) -> u32 {
        let key = u32::try_from(self.0.len() + 1).unwrap_or(u32::MAX);
        self.0.insert(id, key);
        key
    }

    fn of(&self, id: i64) -> Option<u32> {
        self.0.get(&id).copied()
    }
}

fn optional_enum<T: serde::de::DeserializeOwned>(
    value: ValueRef<'_>,
) -> rusqlite::Result<Option<T>> {
    match value {
        ValueRef::Null => Ok(None),
        value => sql_enum::from_sql(value).map(Some),
    }
}

fn corrupt_in(branch: &str, what: &str) -> Error {
    Error::Corrupt(format!(
        "Không xuất được “{branch}”: {what}. Hãy khôi phục từ bản sao lưu. Chưa ghi \
         tệp nào."
    ))
}

/// Reads the branch; records the attachment files it needs in `files`.
pub(crate) fn read_branch(
    conn: &Connection,
    branch_id: i64,
    files: &mut WantedFiles,
) -> Result<BranchRecord> {
    let profile = read_profile(conn, branch_id)?;
    let name = profile.name.clone();
    let settings = read_settings(conn, branch_id, &name)?;
    let mut member_keys = Keys::default();
    let members = read_members(conn, branch_id, &mut member_keys)?;
    let mut document_keys = Keys::default();
    let documents = read_documents(conn, branch_id, &mut document_keys)?;
    let meetings = read_meetings(conn, branch_id, &name, &member_keys, &document_keys, files)?;
    Ok(BranchRecord {
        profile,
        settings,
        members,
        documents,
        meetings,
    })
}

fn read_profile(conn: &Connection, branch_id: i64) -> Result<Profile> {
    conn.query_row(
        "SELECT name, parent_name, place, term_start, term_end, founded_on, created_at,
                updated_at
         FROM branch WHERE id = ?1",
        [branch_id],
        |row| {
            Ok(Profile {
                name: row.get(0)?,
                parent_name: row.get(1)?,
                place: row.get(2)?,
                term_start: row.get(3)?,
                term_end: row.get(4)?,
                founded_on: row.get(5)?,
                created_at: row.get(6)?,
                updated_at: row.get(7)?,
            })
        },
    )
    .map_err(|e| match e {
        rusqlite::Error::QueryReturnedNoRows => Error::NotFound(format!(
            "Không tìm thấy chi bộ số {branch_id}; có thể đã bị xóa."
        )),
        other => other.into(),
    })
}

fn read_settings(conn: &Connection, branch_id: i64, name: &str) -> Result<Vec<SettingsVersion>> {
    let mut stmt = conn.prepare(
        "SELECT version, changed_at, settings FROM branch_settings WHERE branch_id = ?1
         ORDER BY version",
    )?;
    let rows = stmt.query_map([branch_id], |row| {
        Ok((
            row.get::<_, u32>(0)?,
            row.get::<_, String>(1)?,
            row.get::<_, String>(2)?,
        ))
    })?;
    rows.map(|row| {
        let (version, changed_at, json) = row?;
        let rules: RuleSettings = serde_json::from_str(&json).map_err(|e| {
            corrupt_in(
                name,
                &format!("phiên bản {version} của thiết lập bị hỏng ({e})"),
            )
        })?;
        Ok(SettingsVersion {
            version,
            changed_at,
            rules,
        })
    })
    .collect()
}

fn read_members(conn: &Connection, branch_id: i64, keys: &mut Keys) -> Result<Vec<MemberRecord>> {
    let mut statuses: HashMap<i64, Vec<StatusRecord>> = HashMap::new();
    let mut stmt = conn.prepare(
        "SELECT s.member_id, s.kind, s.start, s.\"end\", s.reference, s.note, s.created_at
         FROM member_status s JOIN member m ON m.id = s.member_id
         WHERE m.branch_id = ?1 ORDER BY s.id",
    )?;
    let rows = stmt.query_map([branch_id], |row| {
        Ok((
            row.get::<_, i64>(0)?,
            StatusRecord {
                kind: sql_enum::from_sql(row.get_ref(1)?)?,
                start: row.get(2)?,
                end: row.get(3)?,
                reference: row.get(4)?,
                note: row.get(5)?,
                created_at: row.get(6)?,
            },
        ))
    })?;
    for row in rows {
        let (member_id, status) = row?;
        statuses.entry(member_id).or_default().push(status);
    }
    let mut stmt = conn.prepare(
        "SELECT id, full_name, family_name, middle_name, given_name, gender, birth_date,
                hometown, ethnicity, card_number, admitted_on, official_on, official_reference,
                role, post, phone, notes, created_at, updated_at
         FROM member WHERE branch_id = ?1 ORDER BY id",
    )?;
    let rows = stmt.query_map([branch_id], |row| Ok((row.get::<_, i64>(0)?, member(row)?)))?;
    rows.map(|row| {
        let (id, mut member) = row?;
        member.key = keys.assign(id);
        member.statuses = statuses.remove(&id).unwrap_or_default();
        Ok(member)
    })
    .collect()
}

fn member(row: &Row<'_>) -> rusqlite::Result<MemberRecord> {
    Ok(MemberRecord {
        key: 0,
        full_name: row.get(1)?,
        name_parts: NamePartsRecord {
            family: row.get(2)?,
            middle: row.get(3)?,
            given: row.get(4)?,
        },
        gender: optional_enum(row.get_ref(5)?)?,
        birth_date: row.get(6)?,
        hometown: row.get(7)?,
        ethnicity: row.get(8)?,
        card_number: row.get(9)?,
        admitted_on: row.get(10)?,
        official_on: row.get(11)?,
        official_reference: row.get(12)?,
        role: sql_enum::from_sql(row.get_ref(13)?)?,
        post: row.get(14)?,
        phone: row.get(15)?,
        notes: row.get(16)?,
        created_at: row.get(17)?,
        updated_at: row.get(18)?,
        statuses: Vec::new(),
    })
}

fn read_documents(
    conn: &Connection,
    branch_id: i64,
    keys: &mut Keys,
) -> Result<Vec<DocumentRecord>> {
    let mut stmt = conn.prepare(
        "SELECT id, number, issued_on, issuer, title, created_at, updated_at
         FROM document WHERE branch_id = ?1 ORDER BY id",
    )?;
    let rows = stmt.query_map([branch_id], |row| {
        Ok((
            row.get::<_, i64>(0)?,
            DocumentRecord {
                key: 0,
                number: row.get(1)?,
                issued_on: row.get(2)?,
                issuer: row.get(3)?,
                title: row.get(4)?,
                created_at: row.get(5)?,
                updated_at: row.get(6)?,
            },
        ))
    })?;
    rows.map(|row| {
        let (id, mut document) = row?;
        document.key = keys.assign(id);
        Ok(document)
    })
    .collect()
}

/// Rows of a per-meeting table of the branch, grouped by meeting id, in the query's order.
fn by_meeting<T>(
    conn: &Connection,
    sql: &str,
    branch_id: i64,
    read: impl Fn(&Row<'_>) -> rusqlite::Result<T>,
) -> Result<HashMap<i64, Vec<T>>> {
    let mut grouped: HashMap<i64, Vec<T>> = HashMap::new();
    let mut stmt = conn.prepare(sql)?;
    let mut rows = stmt.query([branch_id])?;
    while let Some(row) = rows.next()? {
        grouped.entry(row.get(0)?).or_default().push(read(row)?);
    }
    Ok(grouped)
}

/// The stored minutes rows of a meeting, before translation.
struct StoredMinutes {
    record: MinutesRecord,
    json: String,
}

fn read_meetings(
    conn: &Connection,
    branch_id: i64,
    branch: &str,
    members: &Keys,
    documents: &Keys,
    files: &mut WantedFiles,
) -> Result<Vec<MeetingRecord>> {
    const OF_BRANCH: &str = "JOIN meeting m ON m.id = t.meeting_id WHERE m.branch_id = ?1";
    let mut agenda = by_meeting(
        conn,
        &format!("SELECT t.meeting_id, t.text FROM agenda_item t {OF_BRANCH} ORDER BY t.meeting_id, t.position"),
        branch_id,
        |row| row.get::<_, String>(1),
    )?;
    let mut guests = by_meeting(
        conn,
        &format!(
            "SELECT t.meeting_id, t.name, t.post, t.organisation FROM meeting_guest t {OF_BRANCH}
             ORDER BY t.meeting_id, t.position"
        ),
        branch_id,
        |row| {
            Ok(GuestRecord {
                name: row.get(1)?,
                post: row.get(2)?,
                organisation: row.get(3)?,
            })
        },
    )?;
    let mut studied = by_meeting(
        conn,
        &format!(
            "SELECT t.meeting_id, t.document_id FROM meeting_document t {OF_BRANCH}
             ORDER BY t.meeting_id, t.position"
        ),
        branch_id,
        |row| row.get::<_, i64>(1),
    )?;
    let mut marks = by_meeting(
        conn,
        &format!(
            "SELECT t.meeting_id, t.member_id, t.presence, t.reason, t.reason_accepted
             FROM attendance t {OF_BRANCH} ORDER BY t.meeting_id, t.member_id"
        ),
        branch_id,
        |row| {
            Ok((
                row.get::<_, i64>(1)?,
                MarkRecord {
                    member_key: 0,
                    presence: sql_enum::from_sql(row.get_ref(2)?)?,
                    reason: row.get(3)?,
                    reason_accepted: row.get(4)?,
                },
            ))
        },
    )?;
    let mut minutes = by_meeting(
        conn,
        &format!(
            "SELECT t.meeting_id, t.content, t.status, t.version, t.sequence, t.approved_at,
                    t.content_hash, t.amend_reason, t.updated_at
             FROM minutes t {OF_BRANCH}"
        ),
        branch_id,
        |row| {
            Ok(StoredMinutes {
                json: row.get(1)?,
                record: MinutesRecord {
                    status: sql_enum::from_sql(row.get_ref(2)?)?,
                    version: row.get(3)?,
                    sequence: row.get(4)?,
                    approved_at: row.get(5)?,
                    content_hash: row.get(6)?,
                    amend_reason: row.get(7)?,
                    updated_at: row.get(8)?,
                    content: empty_content(),
                    earlier_versions: Vec::new(),
                },
            })
        },
    )?;
    let mut earlier = by_meeting(
        conn,
        &format!(
            "SELECT t.meeting_id, t.content, t.version, t.approved_at, t.content_hash,
                    t.amend_reason, t.replaced_at, t.replaced_because
             FROM minutes_version t {OF_BRANCH} ORDER BY t.meeting_id, t.version"
        ),
        branch_id,
        |row| {
            Ok(StoredEarlier {
                json: row.get(1)?,
                record: EarlierMinutes {
                    version: row.get(2)?,
                    approved_at: row.get(3)?,
                    content_hash: row.get(4)?,
                    amend_reason: row.get(5)?,
                    replaced_at: row.get(6)?,
                    replaced_because: row.get(7)?,
                    content: empty_content(),
                },
            })
        },
    )?;
    let mut notices = by_meeting(
        conn,
        &format!(
            "SELECT t.meeting_id, t.sequence, t.issued_on, t.issued_at
             FROM meeting_notice t {OF_BRANCH}"
        ),
        branch_id,
        |row| {
            Ok(NoticeRecord {
                sequence: row.get(1)?,
                issued_on: row.get(2)?,
                issued_at: row.get(3)?,
            })
        },
    )?;
    let mut attachments = by_meeting(
        conn,
        &format!(
            "SELECT t.meeting_id, t.original_name, t.media_type, t.size, t.added_at, t.sha256
             FROM attachment t {OF_BRANCH} ORDER BY t.id"
        ),
        branch_id,
        |row| {
            Ok(AttachmentRecord {
                name: row.get(1)?,
                media_type: row.get(2)?,
                size: u64::try_from(row.get::<_, i64>(3)?).unwrap_or_default(),
                added_at: row.get(4)?,
                sha256: row.get(5)?,
            })
        },
    )?;

    let mut meeting_keys = Keys::default();
    let mut stmt = conn.prepare(
        "SELECT id, kind, title, date, planned_start, planned_end, actual_start, actual_end,
                place, chair_id, secretary_id, status, status_reason, locked_at, created_at,
                updated_at
         FROM meeting WHERE branch_id = ?1 ORDER BY id",
    )?;
    let rows = stmt.query_map([branch_id], |row| {
        Ok((
            row.get::<_, i64>(0)?,
            row.get::<_, Option<i64>>(9)?,
            row.get::<_, Option<i64>>(10)?,
            MeetingRecord {
                key: 0,
                kind: sql_enum::from_sql(row.get_ref(1)?)?,
                title: row.get(2)?,
                date: row.get(3)?,
                planned_start: row.get(4)?,
                planned_end: row.get(5)?,
                actual_start: row.get(6)?,
                actual_end: row.get(7)?,
                place: row.get(8)?,
                chair_key: None,
                secretary_key: None,
                status: sql_enum::from_sql(row.get_ref(11)?)?,
                status_reason: row.get(12)?,
                locked_at: row.get(13)?,
                created_at: row.get(14)?,
                updated_at: row.get(15)?,
                agenda: Vec::new(),
                guests: Vec::new(),
                document_keys: Vec::new(),
                attendance: Vec::new(),
                minutes: None,
                notice: None,
                attachments: Vec::new(),
            },
        ))
    })?;
    let mut meetings = Vec::new();
    for row in rows {
        let (id, chair, secretary, mut meeting) = row?;
        let context = MeetingContext {
            branch,
            date: meeting.date,
        };
        meeting.key = meeting_keys.assign(id);
        // A deleted member leaves no chair or secretary (the database sets them null too).
        meeting.chair_key = chair.and_then(|id| members.of(id));
        meeting.secretary_key = secretary.and_then(|id| members.of(id));
        meeting.agenda = agenda.remove(&id).unwrap_or_default();
        meeting.guests = guests.remove(&id).unwrap_or_default();
        meeting.document_keys = studied
            .remove(&id)
            .unwrap_or_default()
            .into_iter()
            .map(|document| {
                documents
                    .of(document)
                    .ok_or_else(|| context.corrupt("văn bản đã học không thuộc chi bộ"))
            })
            .collect::<Result<_>>()?;
        meeting.attendance = marks
            .remove(&id)
            .unwrap_or_default()
            .into_iter()
            .map(|(member, mut mark)| {
                mark.member_key = members
                    .of(member)
                    .ok_or_else(|| context.corrupt("có người điểm danh không thuộc chi bộ"))?;
                Ok(mark)
            })
            .collect::<Result<_>>()?;
        meeting.minutes = minutes
            .remove(&id)
            .and_then(|mut list| list.pop())
            .map(|stored| {
                translate_minutes(
                    stored,
                    earlier.remove(&id).unwrap_or_default(),
                    members,
                    &context,
                )
            })
            .transpose()?;
        meeting.notice = notices.remove(&id).and_then(|mut list| list.pop());
        meeting.attachments = attachments.remove(&id).unwrap_or_default();
        for attachment in &meeting.attachments {
            files.add(
                attachment,
                format!(
                    "tệp “{}” của cuộc họp ngày {} ({branch})",
                    attachment.name,
                    format_dmy(meeting.date)
                ),
            );
        }
        meetings.push(meeting);
    }
    Ok(meetings)
}

struct StoredEarlier {
    record: EarlierMinutes,
    json: String,
}

struct MeetingContext<'a> {
    branch: &'a str,
    date: NaiveDate,
}

impl MeetingContext<'_> {
    fn corrupt(&self, what: &str) -> Error {
        corrupt_in(
            self.branch,
            &format!("cuộc họp ngày {} {what}", format_dmy(self.date)),
        )
    }
}

fn empty_content() -> MinutesContent {
    MinutesContent::from_agenda(&[], None, None)
}

/// Checks the stored text against its approval hash, then gives the content with member
/// keys and the hash of that form.
fn to_file_form(
    json: &str,
    stored_hash: Option<&str>,
    version: u32,
    members: &Keys,
    context: &MeetingContext<'_>,
) -> Result<(MinutesContent, Option<String>)> {
    if let Some(hash) = stored_hash {
        if sha256_hex(json.as_bytes()) != hash {
            return Err(context.corrupt(&format!(
                "có biên bản (phiên bản {version}) bị sửa trong dữ liệu sau khi thông qua (mã \
                 băm không khớp)"
            )));
        }
    }
    let content: MinutesContent = serde_json::from_str(json)
        .map_err(|e| context.corrupt(&format!("có nội dung biên bản bị hỏng ({e})")))?;
    let content = translated(&content, |id| members.of(id).map(i64::from));
    let hash = stored_hash.map(|_| hash_of(&content)).transpose()?;
    Ok((content, hash))
}

fn translate_minutes(
    stored: StoredMinutes,
    earlier: Vec<StoredEarlier>,
    members: &Keys,
    context: &MeetingContext<'_>,
) -> Result<MinutesRecord> {
    let mut record = stored.record;
    let (content, hash) = to_file_form(
        &stored.json,
        record.content_hash.as_deref(),
        record.version,
        members,
        context,
    )?;
    record.content = content;
    record.content_hash = hash;
    record.earlier_versions = earlier
        .into_iter()
        .map(|stored| {
            let mut version = stored.record;
            let (content, hash) = to_file_form(
                &stored.json,
                Some(&version.content_hash),
                version.version,
                members,
                context,
            )?;
            version.content = content;
            version.content_hash = hash.unwrap_or_default();
            Ok(version)
        })
        .collect::<Result<_>>()?;
    Ok(record)
}
