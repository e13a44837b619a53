//! The meeting notice as issued: its number in the branch's "TB/CB" series and its issue
//! date, given once and kept, so every print of the notice is the same document.

use chibo_core::notice::{check_issue_date, notice_number, NoticeIssue};
use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension};

use crate::clock::now_text;
use crate::error::{Error, Result};
use crate::store::Store;

impl Store {
    /// The meeting's notice, if it has been issued.
    pub fn notice_issue(&self, meeting_id: i64) -> Result<Option<NoticeIssue>> {
        let stored: Option<(u32, NaiveDate)> = self
            .conn
            .query_row(
                "SELECT sequence, issued_on FROM meeting_notice WHERE meeting_id = ?1",
                [meeting_id],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .optional()?;
        Ok(stored.map(|(sequence, issued_on)| NoticeIssue {
            number: notice_number(sequence),
            issued_on,
        }))
    }

    /// The issue date [`Store::issue_notice`] would write, checked (`None`: the notice is
    /// issued already and stays as it is). Nothing is written, so a save dialog can be
    /// opened only once the date is known to be right.
    pub fn notice_date_to_write(
        &self,
        meeting_id: i64,
        issued_on: Option<NaiveDate>,
        today: NaiveDate,
    ) -> Result<Option<NaiveDate>> {
        if issued_on.is_none() && self.notice_issue(meeting_id)?.is_some() {
            return Ok(None);
        }
        let meeting_date = self.meeting_detail(meeting_id)?.meeting.date;
        Ok(Some(check_issue_date(issued_on, meeting_date, today)?))
    }

    /// Issues the meeting's notice: the first time it takes the next number of the series in
    /// the numbering period of its issue date; later a given date corrects the issue date
    /// and the number stays. Without a date an issued notice stays as it is, and a new one
    /// is dated today while the meeting is ahead.
    pub fn issue_notice(
        &mut self,
        meeting_id: i64,
        issued_on: Option<NaiveDate>,
        today: NaiveDate,
    ) -> Result<NoticeIssue> {
        let existing = self.notice_issue(meeting_id)?;
        let Some(issued_on) = self.notice_date_to_write(meeting_id, issued_on, today)? else {
            return existing.ok_or_else(|| Error::Internal("thông báo chưa được ra".into()));
        };
        let detail = self.meeting_detail(meeting_id)?;
        let now = now_text();
        if existing.is_some() {
            self.conn.execute(
                "UPDATE meeting_notice SET issued_on = ?2, issued_at = ?3 WHERE meeting_id = ?1",
                params![meeting_id, issued_on, now],
            )?;
        } else {
            let (from, until) = self.numbering_period(detail.branch_id, issued_on)?;
            let tx = self.conn.transaction()?;
            let highest: Option<u32> = tx.query_row(
                "SELECT MAX(n.sequence) FROM meeting_notice n JOIN meeting m ON m.id = n.meeting_id
                 WHERE m.branch_id = ?1 AND n.issued_on >= ifnull(?2, n.issued_on)
                   AND n.issued_on <= ifnull(?3, n.issued_on)",
                params![detail.branch_id, from, until],
                |row| row.get(0),
            )?;
            tx.execute(
                "INSERT INTO meeting_notice (meeting_id, sequence, issued_on, issued_at)
                 VALUES (?1, ?2, ?3, ?4)",
                params![meeting_id, highest.unwrap_or(0) + 1, issued_on, now],
            )?;
            tx.commit()?;
        }
        self.notice_issue(meeting_id)?
            .ok_or_else(|| Error::Internal("thông báo vừa ghi không đọc lại được".into()))
    }
}
