//! The minutes of a meeting: a draft saved as the thư ký types (never refused for being
//! incomplete: its problems are listed), approval (locks the minutes and the meeting, records
//! when, stores a content hash, gives the number), amendment as a new version with a reason,
//! and the earlier versions.

use chibo_core::attendance::RollCallCounts;
use chibo_core::dates::format_dmy;
use chibo_core::meeting::MeetingStatus;
use chibo_core::minutes::{minutes_number, problems, MinutesContent};
use chibo_core::notice::NoticeIssue;
use chibo_core::settings::NumberingReset;
use chibo_core::task_review::{place_task_review, task_review_text, TasksToReview};
use chibo_core::text::clean;
use chibo_core::validation::{required_text, FieldError};
use chrono::{Datelike, NaiveDate};
use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::clock::now_text;
use crate::error::{Error, Result};
use crate::hashing::sha256_hex;
use crate::meeting_record::MemberChoice;
use crate::roll_call::{store_snapshot, RollCall};
use crate::sql_enum;
use crate::store::Store;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum MinutesStatus {
    /// nháp
    Draft,
    /// đã thông qua
    Approved,
}

/// An earlier approved version, replaced by an amendment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct MinutesVersion {
    pub version: u32,
    pub approved_at: String,
    pub content_hash: String,
    pub replaced_at: String,
    /// Why it was amended.
    pub replaced_because: String,
    pub content: MinutesContent,
}

/// The minutes editor's view.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct MinutesView {
    #[ts(type = "number")]
    pub meeting_id: i64,
    pub status: MinutesStatus,
    pub version: u32,
    /// "Số 03-BB/CB", once approved.
    pub number: Option<String>,
    pub approved_at: Option<String>,
    pub content_hash: Option<String>,
    pub content: MinutesContent,
    /// What stands in the way of approval; empty when it can be approved.
    pub problems: Vec<FieldError>,
    /// Members present at the roll call: who may be named as a speaker.
    pub present: Vec<MemberChoice>,
    pub counts: RollCallCounts,
    /// Earlier approved versions, the latest first.
    pub versions: Vec<MinutesVersion>,
    /// The tasks given at the previous meeting, reviewed at this one.
    pub tasks_to_review: Option<TasksToReview>,
    /// Before the first approval, when a later meeting of the numbering period already has
    /// its number: this one will get the next number, out of meeting order (numbers are
    /// never changed once given).
    pub numbering_note: Option<String>,
    /// The meeting's notice, once issued (its own number and date).
    pub notice: Option<NoticeIssue>,
}

struct Stored {
    content: MinutesContent,
    status: MinutesStatus,
    version: u32,
    sequence: Option<u32>,
    approved_at: Option<String>,
    content_hash: Option<String>,
}

fn corrupt(e: serde_json::Error) -> Error {
    Error::Corrupt(format!("Nội dung biên bản trong dữ liệu bị hỏng ({e})."))
}

fn locked() -> Error {
    Error::Locked(
        "Biên bản đã được thông qua; muốn sửa phải lập phiên bản sửa đổi và ghi lý do.".into(),
    )
}

impl Store {
    fn stored_minutes(&self, meeting_id: i64) -> Result<Option<Stored>> {
        let row = self
            .conn
            .query_row(
                "SELECT content, status, version, sequence, approved_at, content_hash
                 FROM minutes WHERE meeting_id = ?1",
                [meeting_id],
                |row| {
                    Ok((
                        row.get::<_, String>(0)?,
                        sql_enum::from_sql::<MinutesStatus>(row.get_ref(1)?)?,
                        row.get(2)?,
                        row.get(3)?,
                        row.get(4)?,
                        row.get(5)?,
                    ))
                },
            )
            .optional()?;
        row.map(
            |(json, status, version, sequence, approved_at, content_hash)| {
                Ok(Stored {
                    content: serde_json::from_str(&json).map_err(corrupt)?,
                    status,
                    version,
                    sequence,
                    approved_at,
                    content_hash,
                })
            },
        )
        .transpose()
    }

    /// The minutes of a meeting; a first draft from the meeting when none is saved yet.
    pub fn minutes(&self, meeting_id: i64) -> Result<MinutesView> {
        let detail = self.meeting_detail(meeting_id)?;
        let sheet = self.roll_call(meeting_id)?;
        let present: Vec<MemberChoice> = sheet
            .lines()
            .filter(|line| line.mark.as_ref().is_some_and(|m| m.presence.attended()))
            .map(|line| MemberChoice {
                id: line.member.id,
                full_name: line.member.full_name.clone(),
                role: line.member.role,
            })
            .collect();
        let present_ids: Vec<i64> = present.iter().map(|m| m.id).collect();
        let tasks_to_review = self.tasks_to_review(meeting_id)?;
        let stored = match self.stored_minutes(meeting_id)? {
            Some(stored) => stored,
            None => {
                let mut content = MinutesContent::from_agenda(
                    &detail.meeting.agenda,
                    detail.meeting.actual_start,
                    detail.meeting.actual_end,
                );
                if let Some(review) = &tasks_to_review {
                    place_task_review(&mut content, task_review_text(review));
                }
                Stored {
                    content,
                    status: MinutesStatus::Draft,
                    version: 1,
                    sequence: None,
                    approved_at: None,
                    content_hash: None,
                }
            }
        };
        let numbering_note = match stored.sequence {
            Some(_) => None,
            None => self.numbering_note(detail.branch_id, detail.meeting.date)?,
        };
        Ok(MinutesView {
            meeting_id,
            numbering_note,
            notice: self.notice_issue(meeting_id)?,
            status: stored.status,
            version: stored.version,
            number: stored.sequence.map(minutes_number),
            approved_at: stored.approved_at,
            content_hash: stored.content_hash,
            problems: problems(&stored.content, &present_ids, &sheet.counts),
            content: stored.content,
            present,
            counts: sheet.counts,
            versions: self.minutes_versions(meeting_id)?,
            tasks_to_review,
        })
    }

    fn minutes_versions(&self, meeting_id: i64) -> Result<Vec<MinutesVersion>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT version, approved_at, content_hash, replaced_at, replaced_because, content
             FROM minutes_version WHERE meeting_id = ?1 ORDER BY version DESC",
        )?;
        let rows = stmt.query_map([meeting_id], |row| {
            Ok((
                row.get(0)?,
                row.get(1)?,
                row.get(2)?,
                row.get(3)?,
                row.get(4)?,
                row.get::<_, String>(5)?,
            ))
        })?;
        rows.map(|row| {
            let (version, approved_at, content_hash, replaced_at, replaced_because, json) = row?;
            Ok(MinutesVersion {
                version,
                approved_at,
                content_hash,
                replaced_at,
                replaced_because,
                content: serde_json::from_str(&json).map_err(corrupt)?,
            })
        })
        .collect()
    }

    /// Saves the draft as it is (the editor calls this as the thư ký types). Refused with
    /// `locked` once approved.
    pub fn save_minutes(
        &mut self,
        meeting_id: i64,
        content: &MinutesContent,
    ) -> Result<MinutesView> {
        self.meeting_detail(meeting_id)?;
        if let Some(stored) = self.stored_minutes(meeting_id)? {
            if stored.status == MinutesStatus::Approved {
                return Err(locked());
            }
        }
        let json = serde_json::to_string(content)
            .map_err(|e| Error::Internal(format!("Không ghi được biên bản ({e}).")))?;
        self.conn.execute(
            "INSERT INTO minutes (meeting_id, content, status, updated_at) VALUES (?1, ?2, 'draft', ?3)
             ON CONFLICT(meeting_id) DO UPDATE SET content = ?2, updated_at = ?3",
            params![meeting_id, json, now_text()],
        )?;
        self.minutes(meeting_id)
    }

    /// Approves the minutes: refused while they have problems or the meeting is not held;
    /// locks the minutes and the meeting's roll call, records when and the content hash,
    /// and gives the number at the first approval.
    pub fn approve_minutes(&mut self, meeting_id: i64) -> Result<MinutesView> {
        let view = self.minutes(meeting_id)?;
        if view.status == MinutesStatus::Approved {
            return Err(locked());
        }
        let detail = self.meeting_detail(meeting_id)?;
        if detail.meeting.status != MeetingStatus::Held {
            return Err(
                FieldError::new("status", "Chỉ thông qua biên bản của cuộc họp đã họp.").into(),
            );
        }
        if view.counts.summoned > 0 && view.counts.unmarked == view.counts.summoned {
            return Err(FieldError::new(
                "roll_call",
                "Chưa điểm danh cuộc họp này; hãy điểm danh trước khi thông qua biên bản.",
            )
            .into());
        }
        if view.counts.unmarked > 0 {
            return Err(FieldError::new(
                "roll_call",
                format!(
                    "Còn {} đảng viên được triệu tập chưa điểm danh; hãy điểm danh đủ trước khi \
                     thông qua biên bản.",
                    view.counts.unmarked
                ),
            )
            .into());
        }
        if let Some(problem) = view.problems.first() {
            return Err(FieldError::new(
                &problem.field,
                format!("Chưa thông qua được: {}", problem.message),
            )
            .into());
        }
        let sequence = match self.stored_minutes(meeting_id)?.and_then(|s| s.sequence) {
            Some(sequence) => sequence,
            None => self.next_minutes_sequence(detail.branch_id, detail.meeting.date)?,
        };
        let json = serde_json::to_string(&view.content)
            .map_err(|e| Error::Internal(format!("Không ghi được biên bản ({e}).")))?;
        let hash = sha256_hex(json.as_bytes());
        let now = now_text();
        let sheet = self.roll_call(meeting_id)?;
        let tx = self.conn.transaction()?;
        store_snapshot(
            &tx,
            &RollCall {
                locked: true,
                ..sheet
            },
        )?;
        tx.execute(
            "INSERT INTO minutes (meeting_id, content, status, sequence, approved_at, content_hash,
                                  updated_at)
             VALUES (?1, ?2, 'approved', ?3, ?4, ?5, ?4)
             ON CONFLICT(meeting_id) DO UPDATE SET content = ?2, status = 'approved',
                 sequence = ?3, approved_at = ?4, content_hash = ?5, updated_at = ?4",
            params![meeting_id, json, sequence, now, hash],
        )?;
        tx.execute(
            "UPDATE meeting SET locked_at = ?2 WHERE id = ?1",
            params![meeting_id, now],
        )?;
        tx.commit()?;
        self.minutes(meeting_id)
    }

    /// Reopens approved minutes as a new version: the approved text is kept with the reason,
    /// the meeting is unlocked until the new version is approved.
    pub fn amend_minutes(&mut self, meeting_id: i64, reason: &str) -> Result<MinutesView> {
        let reason = clean(reason);
        required_text("reason", "Lý do sửa đổi", &reason, 500)?;
        let stored = self
            .stored_minutes(meeting_id)?
            .filter(|s| s.status == MinutesStatus::Approved)
            .ok_or_else(|| {
                Error::Conflict("Biên bản chưa được thông qua; cứ sửa trực tiếp bản nháp.".into())
            })?;
        let json = serde_json::to_string(&stored.content)
            .map_err(|e| Error::Internal(format!("Không ghi được biên bản ({e}).")))?;
        let now = now_text();
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO minutes_version (meeting_id, version, content, approved_at, content_hash,
                                          replaced_at, replaced_because)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                meeting_id,
                stored.version,
                json,
                stored.approved_at,
                stored.content_hash,
                now,
                reason
            ],
        )?;
        tx.execute(
            "UPDATE minutes SET status = 'draft', version = version + 1, approved_at = NULL,
                    content_hash = NULL, amend_reason = ?2, updated_at = ?3
             WHERE meeting_id = ?1",
            params![meeting_id, reason, now],
        )?;
        tx.execute(
            "UPDATE meeting SET locked_at = NULL WHERE id = ?1",
            [meeting_id],
        )?;
        tx.commit()?;
        self.minutes(meeting_id)
    }

    /// The next minutes number of the branch in the numbering period of `date` (the
    /// committee term or the calendar year, by the branch's setting).
    fn next_minutes_sequence(&self, branch_id: i64, date: NaiveDate) -> Result<u32> {
        let (from, until) = self.numbering_period(branch_id, date)?;
        let highest: Option<u32> = self.conn.query_row(
            "SELECT MAX(n.sequence) FROM minutes n JOIN meeting m ON m.id = n.meeting_id
             WHERE m.branch_id = ?1 AND m.date >= ifnull(?2, m.date) AND m.date <= ifnull(?3, m.date)",
            params![branch_id, from, until],
            |row| row.get(0),
        )?;
        Ok(highest.unwrap_or(0) + 1)
    }

    /// The warning of [`MinutesView::numbering_note`]: the latest later meeting of the period
    /// whose minutes are numbered, if any.
    fn numbering_note(&self, branch_id: i64, date: NaiveDate) -> Result<Option<String>> {
        let (from, until) = self.numbering_period(branch_id, date)?;
        let later: Option<(NaiveDate, u32)> = self
            .conn
            .query_row(
                "SELECT m.date, n.sequence FROM minutes n JOIN meeting m ON m.id = n.meeting_id
                 WHERE m.branch_id = ?1 AND n.sequence IS NOT NULL AND m.date > ?4
                   AND m.date >= ifnull(?2, m.date) AND m.date <= ifnull(?3, m.date)
                 ORDER BY n.sequence DESC LIMIT 1",
                params![branch_id, from, until, date],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .optional()?;
        let Some((later_date, later_number)) = later else {
            return Ok(None);
        };
        let next = self.next_minutes_sequence(branch_id, date)?;
        Ok(Some(format!(
            "Biên bản cuộc họp ngày {} đã mang số {}; thông qua biên bản này sẽ nhận số {}, không theo \
             thứ tự ngày họp (số đã cấp không bao giờ đổi, theo HD 36-HD/VPTW). Nên thông qua \
             biên bản theo thứ tự các cuộc họp.",
            format_dmy(later_date),
            minutes_number(later_number),
            minutes_number(next)
        )))
    }

    /// The first and last day of the numbering period of `date`: the committee term or the
    /// calendar year, by the branch's setting (`None`: open-ended). Every series of the
    /// branch's documents (minutes, notices) restarts with it.
    pub(crate) fn numbering_period(
        &self,
        branch_id: i64,
        date: NaiveDate,
    ) -> Result<(Option<NaiveDate>, Option<NaiveDate>)> {
        let branch = self.branch(branch_id)?;
        let rules = self.settings(branch_id)?.settings;
        let year_bounds = (
            NaiveDate::from_ymd_opt(date.year(), 1, 1),
            NaiveDate::from_ymd_opt(date.year(), 12, 31),
        );
        let (from, until) = match rules.minutes_numbering_reset.value {
            NumberingReset::PerYear => year_bounds,
            NumberingReset::PerTerm => match (branch.term_start, branch.term_end) {
                (Some(start), end) if start <= date && end.is_none_or(|e| date <= e) => {
                    (Some(start), end)
                }
                _ => year_bounds,
            },
        };
        Ok((from, until))
    }
}
