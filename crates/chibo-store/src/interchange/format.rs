//! The shape of an interchange file (`docs/interchange-format.md`): serde structs that are
//! the file format, kept apart from the store's own types so the file stays stable when the
//! store changes. Records refer to each other by `key`s local to the file, never by ids.
//!
//! Rule for later versions: a field may be added (with `#[serde(default)]`, so older files
//! still read); removing or changing the meaning of one is a new major `version`.

use chibo_core::attendance::Presence;
use chibo_core::meeting::{MeetingKind, MeetingStatus};
use chibo_core::member::{Gender, Role};
use chibo_core::minutes::MinutesContent;
use chibo_core::settings::RuleSettings;
use chibo_core::status::StatusKind;
use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use crate::minutes::MinutesStatus;

/// The value of the top-level `format` field.
pub const FORMAT_NAME: &str = "sotaychibo-interchange";
/// The major version this build writes and the newest it reads.
pub const FORMAT_VERSION: u32 = 1;

/// The whole file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InterchangeFile {
    pub format: String,
    pub version: u32,
    /// When the file was written (local time with offset, ISO 8601).
    pub exported_at: String,
    /// The version of Sổ tay Chi bộ that wrote it.
    pub app_version: String,
    pub branches: Vec<BranchRecord>,
}

/// Only the fields read before the rest, so a newer version is refused by its number
/// rather than by whatever changed in its shape.
#[derive(Debug, Deserialize)]
pub(crate) struct Header {
    pub format: Option<String>,
    pub version: Option<serde_json::Value>,
}

/// One branch (chi bộ) and everything recorded for it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BranchRecord {
    pub profile: Profile,
    /// Every version of the rule settings, oldest first; the highest is in force.
    pub settings: Vec<SettingsVersion>,
    #[serde(default)]
    pub members: Vec<MemberRecord>,
    /// The register of superior documents studied at meetings.
    #[serde(default)]
    pub documents: Vec<DocumentRecord>,
    #[serde(default)]
    pub meetings: Vec<MeetingRecord>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Profile {
    pub name: String,
    pub parent_name: String,
    pub place: String,
    #[serde(default)]
    pub term_start: Option<NaiveDate>,
    #[serde(default)]
    pub term_end: Option<NaiveDate>,
    #[serde(default)]
    pub founded_on: Option<NaiveDate>,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SettingsVersion {
    pub version: u32,
    pub changed_at: String,
    pub rules: RuleSettings,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NamePartsRecord {
    pub family: String,
    #[serde(default)]
    pub middle: String,
    pub given: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberRecord {
    /// Unique among the branch's members in this file.
    pub key: u32,
    pub full_name: String,
    pub name_parts: NamePartsRecord,
    #[serde(default)]
    pub gender: Option<Gender>,
    #[serde(default)]
    pub birth_date: Option<NaiveDate>,
    #[serde(default)]
    pub hometown: String,
    #[serde(default)]
    pub ethnicity: String,
    #[serde(default)]
    pub card_number: String,
    pub admitted_on: NaiveDate,
    #[serde(default)]
    pub official_on: Option<NaiveDate>,
    #[serde(default)]
    pub official_reference: String,
    pub role: Role,
    #[serde(default)]
    pub post: String,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub notes: String,
    pub created_at: String,
    pub updated_at: String,
    /// Dated statuses (exempted, transferred, …), in the order recorded.
    #[serde(default)]
    pub statuses: Vec<StatusRecord>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusRecord {
    pub kind: StatusKind,
    pub start: NaiveDate,
    #[serde(default)]
    pub end: Option<NaiveDate>,
    #[serde(default)]
    pub reference: String,
    #[serde(default)]
    pub note: String,
    pub created_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentRecord {
    /// Unique among the branch's documents in this file.
    pub key: u32,
    pub number: String,
    #[serde(default)]
    pub issued_on: Option<NaiveDate>,
    #[serde(default)]
    pub issuer: String,
    pub title: String,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingRecord {
    /// Unique among the branch's meetings in this file.
    pub key: u32,
    pub kind: MeetingKind,
    #[serde(default)]
    pub title: String,
    pub date: NaiveDate,
    #[serde(default)]
    pub planned_start: Option<NaiveTime>,
    #[serde(default)]
    pub planned_end: Option<NaiveTime>,
    #[serde(default)]
    pub actual_start: Option<NaiveTime>,
    #[serde(default)]
    pub actual_end: Option<NaiveTime>,
    #[serde(default)]
    pub place: String,
    /// The chair (chủ trì): a member `key`.
    #[serde(default)]
    pub chair_key: Option<u32>,
    /// The minutes taker (thư ký): a member `key`.
    #[serde(default)]
    pub secretary_key: Option<u32>,
    pub status: MeetingStatus,
    #[serde(default)]
    pub status_reason: String,
    /// When the minutes were approved; the meeting is read-only while set.
    #[serde(default)]
    pub locked_at: Option<String>,
    pub created_at: String,
    pub updated_at: String,
    #[serde(default)]
    pub agenda: Vec<String>,
    #[serde(default)]
    pub guests: Vec<GuestRecord>,
    /// The documents studied, in order: document `key`s.
    #[serde(default)]
    pub document_keys: Vec<u32>,
    /// The roll call: one mark per member marked.
    #[serde(default)]
    pub attendance: Vec<MarkRecord>,
    #[serde(default)]
    pub minutes: Option<MinutesRecord>,
    /// The notice (thông báo) as issued, or null while it has not been printed.
    #[serde(default)]
    pub notice: Option<NoticeRecord>,
    #[serde(default)]
    pub attachments: Vec<AttachmentRecord>,
}

/// The meeting's notice: its number in the branch's "TB/CB" series ("Số 01-TB/CB" is 1) and
/// the day it was issued.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoticeRecord {
    pub sequence: u32,
    pub issued_on: NaiveDate,
    pub issued_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GuestRecord {
    pub name: String,
    #[serde(default)]
    pub post: String,
    #[serde(default)]
    pub organisation: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MarkRecord {
    pub member_key: u32,
    pub presence: Presence,
    #[serde(default)]
    pub reason: String,
    #[serde(default)]
    pub reason_accepted: bool,
}

/// The minutes (biên bản). Inside `content`, `speaker_id` and `owner_id` hold member
/// `key`s; `content_hash` is the SHA-256 of `content` as compact JSON in this form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MinutesRecord {
    pub status: MinutesStatus,
    pub version: u32,
    /// The number given at the first approval ("Số 03-BB/CB" is 3).
    #[serde(default)]
    pub sequence: Option<u32>,
    #[serde(default)]
    pub approved_at: Option<String>,
    #[serde(default)]
    pub content_hash: Option<String>,
    /// Why the current version was opened as an amendment.
    #[serde(default)]
    pub amend_reason: String,
    pub updated_at: String,
    pub content: MinutesContent,
    /// Approved versions replaced by an amendment, oldest first.
    #[serde(default)]
    pub earlier_versions: Vec<EarlierMinutes>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EarlierMinutes {
    pub version: u32,
    pub approved_at: String,
    pub content_hash: String,
    #[serde(default)]
    pub amend_reason: String,
    pub replaced_at: String,
    pub replaced_because: String,
    pub content: MinutesContent,
}

/// A file attached to a meeting; the file itself is `<sha256>.<extension of name>` in the
/// attachments folder beside the JSON file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttachmentRecord {
    pub name: String,
    pub media_type: String,
    pub size: u64,
    pub added_at: String,
    pub sha256: String,
}
