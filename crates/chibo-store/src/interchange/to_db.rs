//! Writing one branch of a checked interchange file inside the import's transaction: a new
//! branch, or an existing one (same name) whose records are all replaced by the file's.
//! Ids are given by the database and every key is translated to the new id; minutes hashes
//! are taken again over the stored form (which names members by id).

use std::collections::HashMap;

use chibo_core::text::fold;
use rusqlite::{params, Transaction};

use crate::attachments::insert_attachment;
use crate::error::{Error, Result};
use crate::hashing::sha256_hex;
use crate::interchange::format::{BranchRecord, MeetingRecord, MemberRecord, Profile};
use crate::interchange::minutes_people::{stored_text, translated};
use crate::meeting_record::{insert_guest, replace_agenda};
use crate::sql_enum;

/// Keys of one kind → the ids just given.
#[derive(Default)]
struct Ids(HashMap<u32, i64>);

impl Ids {
    /// Every key was checked to resolve before writing began.
    fn of(&self, key: u32) -> Result<i64> {
        self.0.get(&key).copied().ok_or_else(|| {
            Error::Internal(format!("Khóa {key} của tệp không được ánh xạ khi nhập."))
        })
    }
}

fn json_of(value: &impl serde::Serialize) -> Result<String> {
    serde_json::to_string(value).map_err(|e| Error::Internal(format!("Không ghi được JSON ({e}).")))
}

/// Writes the branch; `existing` is the id of the branch it replaces. Returns its id.
pub(crate) fn write_branch(
    tx: &Transaction<'_>,
    branch: &BranchRecord,
    existing: Option<i64>,
) -> Result<i64> {
    let branch_id = match existing {
        Some(id) => {
            clear_branch(tx, id)?;
            update_profile(tx, id, &branch.profile)?;
            id
        }
        None => insert_profile(tx, &branch.profile)?,
    };
    for settings in &branch.settings {
        tx.execute(
            "INSERT INTO branch_settings (branch_id, version, settings, changed_at)
             VALUES (?1, ?2, ?3, ?4)",
            params![
                branch_id,
                settings.version,
                json_of(&settings.rules)?,
                settings.changed_at
            ],
        )?;
    }
    let mut members = Ids::default();
    for member in &branch.members {
        let id = insert_member(tx, branch_id, member)?;
        members.0.insert(member.key, id);
    }
    let mut documents = Ids::default();
    for document in &branch.documents {
        tx.execute(
            "INSERT INTO document (branch_id, number, issued_on, issuer, title, created_at,
                                   updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                branch_id,
                document.number,
                document.issued_on,
                document.issuer,
                document.title,
                document.created_at,
                document.updated_at
            ],
        )?;
        documents.0.insert(document.key, tx.last_insert_rowid());
    }
    for meeting in &branch.meetings {
        insert_meeting(tx, branch_id, meeting, &members, &documents)?;
    }
    Ok(branch_id)
}

/// Removes every record of the branch, keeping the branch row (and so its id, which the
/// preferences may name). Meetings go first: documents studied at them are protected.
fn clear_branch(tx: &Transaction<'_>, branch_id: i64) -> Result<()> {
    for sql in [
        "DELETE FROM meeting WHERE branch_id = ?1",
        "DELETE FROM document WHERE branch_id = ?1",
        "DELETE FROM member WHERE branch_id = ?1",
        "DELETE FROM branch_settings WHERE branch_id = ?1",
    ] {
        tx.execute(sql, [branch_id])?;
    }
    Ok(())
}

fn insert_profile(tx: &Transaction<'_>, profile: &Profile) -> Result<i64> {
    tx.execute(
        "INSERT INTO branch (name, name_folded, parent_name, place, term_start, term_end,
                             founded_on, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            profile.name,
            fold(&profile.name),
            profile.parent_name,
            profile.place,
            profile.term_start,
            profile.term_end,
            profile.founded_on,
            profile.created_at,
            profile.updated_at
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

fn update_profile(tx: &Transaction<'_>, branch_id: i64, profile: &Profile) -> Result<()> {
    tx.execute(
        "UPDATE branch SET name = ?2, name_folded = ?3, parent_name = ?4, place = ?5,
                term_start = ?6, term_end = ?7, founded_on = ?8, created_at = ?9,
                updated_at = ?10
         WHERE id = ?1",
        params![
            branch_id,
            profile.name,
            fold(&profile.name),
            profile.parent_name,
            profile.place,
            profile.term_start,
            profile.term_end,
            profile.founded_on,
            profile.created_at,
            profile.updated_at
        ],
    )?;
    Ok(())
}

fn insert_member(tx: &Transaction<'_>, branch_id: i64, member: &MemberRecord) -> Result<i64> {
    let gender = member.gender.as_ref().map(sql_enum::to_sql).transpose()?;
    tx.execute(
        "INSERT INTO member (branch_id, full_name, name_folded, family_name, middle_name,
                             given_name, gender, birth_date, hometown, ethnicity, card_number,
                             admitted_on, official_on, official_reference, role, post, phone,
                             notes, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
                 ?18, ?19, ?20)",
        params![
            branch_id,
            member.full_name,
            fold(&member.full_name),
            member.name_parts.family,
            member.name_parts.middle,
            member.name_parts.given,
            gender,
            member.birth_date,
            member.hometown,
            member.ethnicity,
            member.card_number,
            member.admitted_on,
            member.official_on,
            member.official_reference,
            sql_enum::to_sql(&member.role)?,
            member.post,
            member.phone,
            member.notes,
            member.created_at,
            member.updated_at
        ],
    )?;
    let member_id = tx.last_insert_rowid();
    for status in &member.statuses {
        tx.execute(
            "INSERT INTO member_status (member_id, kind, start, \"end\", reference, note,
                                        created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                member_id,
                sql_enum::to_sql(&status.kind)?,
                status.start,
                status.end,
                status.reference,
                status.note,
                status.created_at
            ],
        )?;
    }
    Ok(member_id)
}

fn insert_meeting(
    tx: &Transaction<'_>,
    branch_id: i64,
    meeting: &MeetingRecord,
    members: &Ids,
    documents: &Ids,
) -> Result<()> {
    let chair = meeting.chair_key.map(|k| members.of(k)).transpose()?;
    let secretary = meeting.secretary_key.map(|k| members.of(k)).transpose()?;
    tx.execute(
        "INSERT INTO meeting (branch_id, kind, title, date, planned_start, planned_end,
                              actual_start, actual_end, place, chair_id, secretary_id, status,
                              status_reason, locked_at, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
        params![
            branch_id,
            sql_enum::to_sql(&meeting.kind)?,
            meeting.title,
            meeting.date,
            meeting.planned_start,
            meeting.planned_end,
            meeting.actual_start,
            meeting.actual_end,
            meeting.place,
            chair,
            secretary,
            sql_enum::to_sql(&meeting.status)?,
            meeting.status_reason,
            meeting.locked_at,
            meeting.created_at,
            meeting.updated_at
        ],
    )?;
    let meeting_id = tx.last_insert_rowid();
    replace_agenda(tx, meeting_id, &meeting.agenda)?;
    for (position, guest) in meeting.guests.iter().enumerate() {
        insert_guest(
            tx,
            meeting_id,
            position,
            [&guest.name, &guest.post, &guest.organisation],
        )?;
    }
    for (position, key) in meeting.document_keys.iter().enumerate() {
        tx.execute(
            "INSERT INTO meeting_document (meeting_id, document_id, position)
             VALUES (?1, ?2, ?3)",
            params![meeting_id, documents.of(*key)?, position as i64],
        )?;
    }
    let mut mark = tx.prepare_cached(
        "INSERT INTO attendance (meeting_id, member_id, presence, reason, reason_accepted)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for record in &meeting.attendance {
        mark.execute(params![
            meeting_id,
            members.of(record.member_key)?,
            sql_enum::to_sql(&record.presence)?,
            record.reason,
            record.reason_accepted
        ])?;
    }
    if let Some(minutes) = &meeting.minutes {
        insert_minutes(tx, meeting_id, minutes, members)?;
    }
    if let Some(notice) = &meeting.notice {
        tx.execute(
            "INSERT INTO meeting_notice (meeting_id, sequence, issued_on, issued_at)
             VALUES (?1, ?2, ?3, ?4)",
            params![
                meeting_id,
                notice.sequence,
                notice.issued_on,
                notice.issued_at
            ],
        )?;
    }
    for attachment in &meeting.attachments {
        insert_attachment(
            tx,
            meeting_id,
            &attachment.sha256,
            [&attachment.name, &attachment.media_type],
            attachment.size,
            &attachment.added_at,
        )?;
    }
    Ok(())
}

/// The content as the database keeps it (members by id) and its hash when it has one.
fn stored_form(
    content: &chibo_core::minutes::MinutesContent,
    hashed: bool,
    members: &Ids,
) -> Result<(String, Option<String>)> {
    let content = translated(content, |key| {
        u32::try_from(key)
            .ok()
            .and_then(|key| members.0.get(&key).copied())
    });
    let text = stored_text(&content)?;
    let hash = hashed.then(|| sha256_hex(text.as_bytes()));
    Ok((text, hash))
}

fn insert_minutes(
    tx: &Transaction<'_>,
    meeting_id: i64,
    minutes: &crate::interchange::format::MinutesRecord,
    members: &Ids,
) -> Result<()> {
    let (text, hash) = stored_form(&minutes.content, minutes.content_hash.is_some(), members)?;
    tx.execute(
        "INSERT INTO minutes (meeting_id, content, status, version, sequence, approved_at,
                              content_hash, amend_reason, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            meeting_id,
            text,
            sql_enum::to_sql(&minutes.status)?,
            minutes.version,
            minutes.sequence,
            minutes.approved_at,
            hash,
            minutes.amend_reason,
            minutes.updated_at
        ],
    )?;
    for earlier in &minutes.earlier_versions {
        let (text, hash) = stored_form(&earlier.content, true, members)?;
        tx.execute(
            "INSERT INTO minutes_version (meeting_id, version, content, approved_at,
                                          content_hash, amend_reason, replaced_at,
                                          replaced_because)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                meeting_id,
                earlier.version,
                text,
                earlier.approved_at,
                hash,
                earlier.amend_reason,
                earlier.replaced_at,
                earlier.replaced_because
            ],
        )?;
    }
    Ok(())
}
