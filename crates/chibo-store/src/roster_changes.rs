//! What a change to a member's record does to the branch's past meetings: a meeting whose
//! minutes are approved keeps the sheet it was approved with, an unlocked one follows the
//! roster. The notice tells the user which is which, right after the change.

use chibo_core::dates::format_dmy;
use chibo_core::roster::{standing_on, Standing};
use chrono::NaiveDate;

use crate::error::Result;
use crate::members::{load_member, load_statuses};
use crate::roll_call::{snapshot, RollCall};
use crate::store::Store;

/// The member's standing on a stored sheet; `NotOnRoll` when the sheet does not list them.
fn standing_on_sheet(sheet: &RollCall, member_id: i64) -> Standing {
    sheet
        .line_of(member_id)
        .map_or(Standing::NotOnRoll, |line| line.standing)
}

/// Only the standings a sheet tells apart: whoever is not on it is simply not on it.
fn as_listed(standing: Standing) -> Standing {
    match standing {
        Standing::Official | Standing::Probationary | Standing::Exempted | Standing::SentAway => {
            standing
        }
        Standing::NotOnRoll | Standing::Left(_) => Standing::NotOnRoll,
    }
}

fn dates(list: &[NaiveDate]) -> String {
    list.iter()
        .map(|d| format_dmy(*d))
        .collect::<Vec<_>>()
        .join(", ")
}

impl Store {
    /// After a change to a member's record effective from `from` (a status, the admission or
    /// the official date): the meetings on or after `from` whose roll call would now list the
    /// member differently. Approved minutes keep their sheet; unlocked roll calls follow the
    /// new record. `None` when no meeting is affected.
    pub fn roster_change_notice(&self, member_id: i64, from: NaiveDate) -> Result<Option<String>> {
        let member = load_member(&self.conn, member_id)?;
        let statuses = load_statuses(&self.conn, member_id)?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT m.id, m.date, m.locked_at IS NOT NULL FROM meeting m
             JOIN roll_call_snapshot s ON s.meeting_id = m.id
             WHERE m.branch_id = ?1 AND m.date >= ?2 ORDER BY m.date, m.id",
        )?;
        let meetings = stmt
            .query_map(rusqlite::params![member.branch_id, from], |row| {
                Ok((
                    row.get::<_, i64>(0)?,
                    row.get::<_, NaiveDate>(1)?,
                    row.get::<_, bool>(2)?,
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let (mut kept, mut recomputed) = (Vec::new(), Vec::new());
        for (meeting_id, date, locked) in meetings {
            let Some(sheet) = snapshot(&self.conn, meeting_id)? else {
                continue;
            };
            let now = as_listed(standing_on(&member, &statuses, date));
            if now == as_listed(standing_on_sheet(&sheet, member_id)) {
                continue;
            }
            if locked {
                kept.push(date);
            } else {
                recomputed.push(date);
            }
        }
        let name = &member.full_name;
        let mut parts = Vec::new();
        if !kept.is_empty() {
            parts.push(format!(
                "Thay đổi của {name} có hiệu lực trước {} cuộc họp đã thông qua biên bản ({}): \
                 các cuộc họp này giữ nguyên danh sách và số liệu như khi thông qua; muốn sửa, \
                 hãy lập biên bản sửa đổi.",
                kept.len(),
                dates(&kept)
            ));
        }
        if !recomputed.is_empty() {
            parts.push(format!(
                "Điểm danh của {} cuộc họp chưa thông qua biên bản ({}) được tính lại theo hồ \
                 sơ mới của {name}.",
                recomputed.len(),
                dates(&recomputed)
            ));
        }
        Ok((!parts.is_empty()).then(|| parts.join(" ")))
    }
}
