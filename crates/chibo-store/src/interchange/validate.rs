//! The checks an interchange file passes before anything is written: the branch profiles
//! and settings by the app's own rules, unique keys, every reference resolving inside its
//! branch, approved minutes matching their hash, attachments well described. The first
//! problem is reported with where it is, in Vietnamese.

use std::collections::{HashMap, HashSet};
use std::fmt::Display;

use chibo_core::attendance::mark_refusal;
use chibo_core::branch::BranchInput;
use chibo_core::dates::format_dmy;
use chibo_core::member::MemberInput;
use chibo_core::name::NameParts;
use chibo_core::roster::{standing_on, MembershipDates};
use chibo_core::settings::RuleSettings;
use chibo_core::status::{MemberStatus, StatusInput};
use chibo_core::text::fold;
use chibo_core::validation::FieldError;
use chrono::NaiveDate;

use crate::error::{Error, Result};
use crate::interchange::files::WantedFiles;
use crate::interchange::format::{
    BranchRecord, InterchangeFile, MeetingRecord, MemberRecord, MinutesRecord,
};
use crate::interchange::minutes_people::{hash_of, people_in};
use crate::minutes::MinutesStatus;

/// The field every refusal of a file names.
pub const FIELD: &str = "file";

fn refuse(place: &str, what: impl Display) -> Error {
    FieldError::new(
        FIELD,
        format!(
            "{place}: {what}. Tệp bị hỏng hoặc đã bị sửa tay; hãy xuất lại từ máy gửi. Chưa có \
             gì được ghi."
        ),
    )
    .into()
}

fn required(place: &str, label: &str, value: &str) -> Result<()> {
    if value.trim().is_empty() {
        return Err(refuse(place, format!("thiếu {label}")));
    }
    Ok(())
}

/// The records' keys, each with the words that name its record; refuses a key given twice,
/// naming both records (a key is the file's own cross-reference, not a thing users know).
fn unique_keys(
    place: &str,
    kind: &str,
    records: impl Iterator<Item = (u32, String)>,
) -> Result<HashMap<u32, String>> {
    let mut seen: HashMap<u32, String> = HashMap::new();
    for (key, name) in records {
        if let Some(first) = seen.get(&key) {
            return Err(refuse(
                place,
                format!("hai {kind} ({first} và {name}) mang cùng một mã số trong tệp"),
            ));
        }
        seen.insert(key, name);
    }
    Ok(seen)
}

/// A member as a message names them: by name, or by place in the list when it is missing.
fn member_name(index: usize, member: &MemberRecord) -> String {
    match member.full_name.trim() {
        "" => format!("đảng viên thứ {} trong danh sách", index + 1),
        name => format!("đảng viên {name}"),
    }
}

/// A document of the register as a message names it: by number, or by place.
fn document_name(index: usize, number: &str) -> String {
    match number.trim() {
        "" => format!("văn bản thứ {} trong sổ văn bản", index + 1),
        number => format!("văn bản số {number}"),
    }
}

/// Checks the whole file; gives the attachment files it needs.
pub(crate) fn check(file: &InterchangeFile) -> Result<WantedFiles> {
    if file.branches.is_empty() {
        return Err(
            FieldError::new(FIELD, "Tệp không có chi bộ nào nên không có gì để nhập.").into(),
        );
    }
    let mut names = HashSet::new();
    let mut files = WantedFiles::default();
    for (index, branch) in file.branches.iter().enumerate() {
        let place = match branch.profile.name.trim() {
            "" => format!("Chi bộ thứ {} trong tệp", index + 1),
            name => format!("“{name}”"),
        };
        check_branch(&place, branch, &mut files)?;
        if !names.insert(fold(&branch.profile.name)) {
            return Err(refuse(&place, "tên chi bộ xuất hiện hai lần trong tệp"));
        }
    }
    Ok(files)
}

fn check_branch(place: &str, branch: &BranchRecord, files: &mut WantedFiles) -> Result<()> {
    let profile = &branch.profile;
    BranchInput {
        name: profile.name.clone(),
        parent_name: profile.parent_name.clone(),
        place: profile.place.clone(),
        term_start: profile.term_start,
        term_end: profile.term_end,
        founded_on: profile.founded_on,
    }
    .validated()
    .map_err(|e| refuse(place, e.message.trim_end_matches('.')))?;
    required(place, "thời điểm tạo", &profile.created_at)?;
    required(place, "thời điểm sửa", &profile.updated_at)?;

    if branch.settings.is_empty() {
        return Err(refuse(place, "thiếu các thiết lập quy định của chi bộ"));
    }
    let mut versions = HashSet::new();
    for settings in &branch.settings {
        let at = format!("{place}, thiết lập phiên bản {}", settings.version);
        if settings.version == 0 || !versions.insert(settings.version) {
            return Err(refuse(&at, "số phiên bản bằng 0 hoặc bị trùng"));
        }
        required(&at, "thời điểm đổi thiết lập", &settings.changed_at)?;
        settings
            .rules
            .validate()
            .map_err(|e| refuse(&at, e.message.trim_end_matches('.')))?;
    }

    let members = unique_keys(
        place,
        "đảng viên",
        branch
            .members
            .iter()
            .enumerate()
            .map(|(i, m)| (m.key, member_name(i, m))),
    )?;
    let rules = branch
        .settings
        .iter()
        .max_by_key(|s| s.version)
        .map(|s| &s.rules)
        .ok_or_else(|| refuse(place, "thiếu các thiết lập quy định của chi bộ"))?;
    let mut cards = HashSet::new();
    for (index, member) in branch.members.iter().enumerate() {
        check_member(
            &format!("{place}, {}", member_name(index, member)),
            member,
            rules,
        )?;
        if !member.card_number.is_empty() && !cards.insert(member.card_number.as_str()) {
            return Err(refuse(
                place,
                format!("số thẻ đảng viên {} bị trùng", member.card_number),
            ));
        }
    }

    let documents = unique_keys(
        place,
        "văn bản",
        branch
            .documents
            .iter()
            .enumerate()
            .map(|(i, d)| (d.key, document_name(i, &d.number))),
    )?;
    let mut numbers = HashSet::new();
    for (index, document) in branch.documents.iter().enumerate() {
        let at = format!("{place}, {}", document_name(index, &document.number));
        required(&at, "số hiệu văn bản", &document.number)?;
        required(&at, "trích yếu văn bản", &document.title)?;
        required(&at, "thời điểm tạo", &document.created_at)?;
        required(&at, "thời điểm sửa", &document.updated_at)?;
        if !numbers.insert((document.number.as_str(), document.issued_on)) {
            return Err(refuse(
                &at,
                format!("văn bản số {} bị ghi hai lần", document.number),
            ));
        }
    }

    let roster: HashMap<u32, Roll> = branch
        .members
        .iter()
        .map(|member| (member.key, Roll::of(member)))
        .collect();
    unique_keys(
        place,
        "cuộc họp",
        branch.meetings.iter().map(|m| (m.key, meeting_name(m))),
    )?;
    for meeting in &branch.meetings {
        let at = format!("{place}, {}", meeting_name(meeting));
        check_meeting(&at, meeting, &members, &documents)?;
        check_marks(&at, meeting, &roster)?;
        for attachment in &meeting.attachments {
            let label = format!(
                "tệp đính kèm “{}” của cuộc họp ngày {} ({})",
                attachment.name,
                format_dmy(meeting.date),
                branch.profile.name
            );
            required(&at, "tên tệp đính kèm", &attachment.name)?;
            required(&at, "thời điểm đính kèm", &attachment.added_at)?;
            let hex = attachment.sha256.len() == 64
                && attachment
                    .sha256
                    .chars()
                    .all(|c| c.is_ascii_digit() || ('a'..='f').contains(&c));
            if !hex {
                return Err(refuse(
                    &at,
                    format!("mã băm SHA-256 của {label} không hợp lệ"),
                ));
            }
            if attachment.size == 0 {
                return Err(refuse(&at, format!("{label} có kích thước 0 byte")));
            }
            files.add(attachment, label);
        }
    }
    Ok(())
}

/// A member of the file as the roster rules see them.
struct Roll<'a> {
    name: &'a str,
    dates: MembershipDates,
    statuses: Vec<MemberStatus>,
}

impl<'a> Roll<'a> {
    fn of(member: &'a MemberRecord) -> Self {
        Roll {
            name: &member.full_name,
            dates: MembershipDates {
                admitted_on: member.admitted_on,
                official_on: member.official_on,
            },
            statuses: member
                .statuses
                .iter()
                .map(|s| MemberStatus {
                    id: 0,
                    member_id: i64::from(member.key),
                    kind: s.kind,
                    start: s.start,
                    end: s.end,
                    reference: String::new(),
                    note: String::new(),
                })
                .collect(),
        }
    }
}

/// The marks by the roll call's own rule (`attendance::mark_refusal`) on the member's
/// standing on the meeting's date, as the file's records give it.
fn check_marks(at: &str, meeting: &MeetingRecord, roster: &HashMap<u32, Roll>) -> Result<()> {
    for mark in &meeting.attendance {
        let Some(roll) = roster.get(&mark.member_key) else {
            continue; // check_meeting refused it already
        };
        let standing = standing_on(roll.dates, &roll.statuses, meeting.date);
        if let Some(why) = mark_refusal(standing, mark.presence) {
            return Err(refuse(
                at,
                format!(
                    "{} được ghi “{}” nhưng {why} ({})",
                    roll.name,
                    mark.presence.label().to_lowercase(),
                    standing.label().to_lowercase()
                ),
            ));
        }
    }
    Ok(())
}

/// A meeting as a message names it: its kind and date.
fn meeting_name(meeting: &MeetingRecord) -> String {
    format!(
        "cuộc họp {} ngày {}",
        meeting.kind.label().to_lowercase(),
        format_dmy(meeting.date)
    )
}

/// The day of a stored timestamp ("2026-02-05T08:15:00"): the "today" a record was saved on.
fn day_of(at: &str, label: &str, stamp: &str) -> Result<NaiveDate> {
    stamp
        .get(..10)
        .and_then(|day| NaiveDate::parse_from_str(day, "%Y-%m-%d").ok())
        .ok_or_else(|| refuse(at, format!("{label} “{stamp}” không đúng dạng ngày giờ")))
}

/// The member and their statuses pass the checks the app made when they were entered, on
/// the day each was saved: the member's record as last saved, each status against those
/// that come before it in time.
fn check_member(at: &str, member: &MemberRecord, rules: &RuleSettings) -> Result<()> {
    required(at, "họ tên", &member.full_name)?;
    required(
        at,
        "tên gọi (phần tên trong họ tên)",
        &member.name_parts.given,
    )?;
    required(at, "thời điểm tạo", &member.created_at)?;
    let saved_on = day_of(at, "thời điểm sửa", &member.updated_at)?;
    let parts = &member.name_parts;
    MemberInput {
        full_name: member.full_name.clone(),
        name_parts: Some(NameParts {
            family: parts.family.clone(),
            middle: parts.middle.clone(),
            given: parts.given.clone(),
        }),
        gender: member.gender,
        birth_date: member.birth_date,
        hometown: member.hometown.clone(),
        ethnicity: member.ethnicity.clone(),
        card_number: member.card_number.clone(),
        admitted_on: member.admitted_on,
        official_on: member.official_on,
        official_reference: member.official_reference.clone(),
        role: member.role,
        post: member.post.clone(),
        phone: member.phone.clone(),
        notes: member.notes.clone(),
    }
    .validated(saved_on, rules)
    .map_err(|e| refuse(at, e.message.trim_end_matches('.')))?;

    let mut in_time_order: Vec<_> = member.statuses.iter().collect();
    in_time_order.sort_by(|a, b| (a.start, &a.created_at).cmp(&(b.start, &b.created_at)));
    let mut earlier: Vec<MemberStatus> = Vec::new();
    for status in in_time_order {
        let recorded_on = day_of(at, "thời điểm ghi biến động", &status.created_at)?;
        StatusInput {
            kind: status.kind,
            start: status.start,
            end: status.end,
            reference: status.reference.clone(),
            note: status.note.clone(),
        }
        .validated(member.admitted_on, &earlier, recorded_on, rules)
        .map_err(|e| {
            refuse(
                at,
                format!(
                    "biến động “{}” từ {}: {}",
                    status.kind.label(),
                    format_dmy(status.start),
                    e.message.trim_end_matches('.')
                ),
            )
        })?;
        earlier.push(MemberStatus {
            id: i64::try_from(earlier.len()).unwrap_or(i64::MAX),
            member_id: i64::from(member.key),
            kind: status.kind,
            start: status.start,
            end: status.end,
            reference: status.reference.clone(),
            note: status.note.clone(),
        });
    }
    Ok(())
}

fn check_meeting(
    at: &str,
    meeting: &MeetingRecord,
    members: &HashMap<u32, String>,
    documents: &HashMap<u32, String>,
) -> Result<()> {
    required(at, "thời điểm tạo", &meeting.created_at)?;
    required(at, "thời điểm sửa", &meeting.updated_at)?;
    let member = |key: u32, role: &str| -> Result<()> {
        if members.contains_key(&key) {
            Ok(())
        } else {
            Err(refuse(
                at,
                format!("{role} ghi là một người không có trong danh sách đảng viên của tệp"),
            ))
        }
    };
    if let Some(key) = meeting.chair_key {
        member(key, "người chủ trì")?;
    }
    if let Some(key) = meeting.secretary_key {
        member(key, "thư ký")?;
    }
    let mut studied = HashSet::new();
    for key in &meeting.document_keys {
        let Some(name) = documents.get(key) else {
            return Err(refuse(
                at,
                "có văn bản đã học không có trong sổ văn bản của tệp",
            ));
        };
        if !studied.insert(*key) {
            return Err(refuse(
                at,
                format!("{name} được ghi hai lần trong tài liệu học tập"),
            ));
        }
    }
    let mut marked = HashSet::new();
    for mark in &meeting.attendance {
        member(mark.member_key, "người được điểm danh")?;
        if !marked.insert(mark.member_key) {
            let name = members.get(&mark.member_key).cloned().unwrap_or_default();
            return Err(refuse(at, format!("{name} được điểm danh hai lần")));
        }
    }
    for guest in &meeting.guests {
        required(at, "tên đại biểu", &guest.name)?;
    }
    if let Some(minutes) = &meeting.minutes {
        check_minutes(at, minutes, &member)?;
    }
    if let Some(notice) = &meeting.notice {
        required(at, "thời điểm ra thông báo", &notice.issued_at)?;
        if notice.sequence == 0 {
            return Err(refuse(at, "số thông báo bằng 0"));
        }
        if notice.issued_on > meeting.date {
            return Err(refuse(
                at,
                format!(
                    "thông báo ra ngày {}, sau ngày họp",
                    format_dmy(notice.issued_on)
                ),
            ));
        }
    }
    Ok(())
}

fn check_minutes(
    at: &str,
    minutes: &MinutesRecord,
    member: &dyn Fn(u32, &str) -> Result<()>,
) -> Result<()> {
    required(at, "thời điểm sửa biên bản", &minutes.updated_at)?;
    if minutes.version == 0 {
        return Err(refuse(at, "phiên bản biên bản bằng 0"));
    }
    if minutes.status == MinutesStatus::Approved
        && (minutes.approved_at.is_none() || minutes.content_hash.is_none())
    {
        return Err(refuse(
            at,
            "biên bản đã thông qua nhưng thiếu thời điểm thông qua hoặc mã băm",
        ));
    }
    let check_people = |content| -> Result<()> {
        for key in people_in(content) {
            let key = u32::try_from(key).unwrap_or(u32::MAX);
            member(key, "người được nêu trong biên bản")?;
        }
        Ok(())
    };
    check_people(&minutes.content)?;
    if let Some(hash) = &minutes.content_hash {
        if hash_of(&minutes.content)? != *hash {
            return Err(refuse(
                at,
                "nội dung biên bản không khớp mã băm lúc thông qua (đã bị sửa sau khi xuất)",
            ));
        }
    }
    let mut versions = HashSet::new();
    for earlier in &minutes.earlier_versions {
        if earlier.version == 0
            || earlier.version >= minutes.version
            || !versions.insert(earlier.version)
        {
            return Err(refuse(
                at,
                format!(
                    "phiên bản cũ {} của biên bản không hợp lệ (trùng, bằng 0 hoặc không nhỏ \
                     hơn phiên bản hiện tại {})",
                    earlier.version, minutes.version
                ),
            ));
        }
        required(at, "thời điểm thông qua phiên bản cũ", &earlier.approved_at)?;
        required(at, "thời điểm thay phiên bản cũ", &earlier.replaced_at)?;
        check_people(&earlier.content)?;
        if hash_of(&earlier.content)? != earlier.content_hash {
            return Err(refuse(
                at,
                format!(
                    "nội dung phiên bản {} của biên bản không khớp mã băm lúc thông qua",
                    earlier.version
                ),
            ));
        }
    }
    Ok(())
}
