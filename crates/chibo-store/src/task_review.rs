//! The tasks of the branch's previous meeting, which the next meeting reviews: read from
//! the minutes of the latest earlier meeting that has any.

use chibo_core::minutes::MinutesContent;
use chibo_core::task_review::{TaskToReview, TasksToReview};
use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension};

use crate::error::{Error, Result};
use crate::store::Store;

impl Store {
    /// The tasks given at the meeting held before `meeting_id`, if it gave any.
    pub(crate) fn tasks_to_review(&self, meeting_id: i64) -> Result<Option<TasksToReview>> {
        let previous: Option<(NaiveDate, String)> = self
            .conn
            .query_row(
                "SELECT p.date, mi.content
                 FROM meeting m
                 JOIN meeting p ON p.branch_id = m.branch_id
                   AND (p.date < m.date OR (p.date = m.date AND p.id < m.id))
                   AND p.status = 'held'
                 JOIN minutes mi ON mi.meeting_id = p.id
                 WHERE m.id = ?1
                 ORDER BY p.date DESC, p.id DESC
                 LIMIT 1",
                params![meeting_id],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .optional()?;
        let Some((given_on, json)) = previous else {
            return Ok(None);
        };
        let content: MinutesContent = serde_json::from_str(&json).map_err(|e| {
            Error::Corrupt(format!(
                "Biên bản cuộc họp ngày {given_on} không đọc được ({e}). Hãy khôi phục từ bản \
                 sao lưu."
            ))
        })?;
        if content.tasks.is_empty() {
            return Ok(None);
        }
        let mut tasks = Vec::with_capacity(content.tasks.len());
        for task in content.tasks {
            let owner = match task.owner_id {
                Some(id) => self
                    .conn
                    .query_row(
                        "SELECT full_name FROM member WHERE id = ?1",
                        params![id],
                        |row| row.get(0),
                    )
                    .optional()?,
                None => None,
            };
            tasks.push(TaskToReview {
                content: task.content,
                owner,
                deadline: task.deadline,
            });
        }
        Ok(Some(TasksToReview { given_on, tasks }))
    }
}
