//! The tasks given at a meeting come back at the branch's next meeting to be reviewed
//! ("kiểm điểm việc thực hiện nhiệm vụ tháng trước"): which tasks those are, the text that
//! lists them, and where that text goes in the next meeting's first draft of the minutes.

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use crate::dates::format_dmy;
use crate::minutes::{MinutesContent, MinutesItem};
use crate::text::fold;

/// The agenda line added when the meeting's own agenda has none for the review.
pub const TASK_REVIEW_HEADING: &str = "Kiểm điểm việc thực hiện nhiệm vụ kỳ trước";

/// Folded words that mark an agenda line as the review of the previous meeting's work.
const REVIEW_MARKERS: [&str; 2] = ["thang truoc", "ky truoc"];

/// A task of the previous meeting, as the next meeting sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct TaskToReview {
    pub content: String,
    /// The owner's full name, when one was named.
    pub owner: Option<String>,
    #[ts(type = "string | null")]
    pub deadline: Option<NaiveDate>,
}

/// The tasks given at the branch's previous meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct TasksToReview {
    /// The date of the meeting that gave them.
    #[ts(type = "string")]
    pub given_on: NaiveDate,
    pub tasks: Vec<TaskToReview>,
}

/// The tasks, one line each, for the minutes.
pub fn task_review_text(review: &TasksToReview) -> String {
    let mut text = format!(
        "Nhiệm vụ giao tại cuộc họp ngày {}:",
        format_dmy(review.given_on)
    );
    for task in &review.tasks {
        text.push_str("\n- ");
        text.push_str(task.content.trim());
        let mut details = Vec::new();
        if let Some(owner) = &task.owner {
            details.push(format!("người thực hiện: {owner}"));
        }
        if let Some(deadline) = task.deadline {
            details.push(format!("hạn {}", format_dmy(deadline)));
        }
        if !details.is_empty() {
            text.push_str(&format!(" ({})", details.join("; ")));
        }
    }
    text
}

/// Puts the review text into the agenda line that reviews last month's work, or into a
/// new line after the opening one when the agenda has none. An item that already has
/// text is left as the thư ký wrote it.
pub fn place_task_review(content: &mut MinutesContent, review: String) {
    let existing = content.items.iter().position(|item| {
        let heading = fold(&item.heading);
        REVIEW_MARKERS.iter().any(|marker| heading.contains(marker))
    });
    match existing {
        Some(index) => {
            let item = &mut content.items[index];
            if item.presented.trim().is_empty() {
                item.presented = review;
            }
        }
        None => {
            let at = content.items.len().min(1);
            content.items.insert(
                at,
                MinutesItem {
                    heading: TASK_REVIEW_HEADING.to_owned(),
                    presented: review,
                    ..MinutesItem::default()
                },
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn review() -> TasksToReview {
        TasksToReview {
            given_on: NaiveDate::from_ymd_opt(2026, 4, 5).unwrap_or_default(),
            tasks: vec![
                TaskToReview {
                    content: "Vận động thu nộp đảng phí".into(),
                    owner: Some("Lò Văn Minh".into()),
                    deadline: NaiveDate::from_ymd_opt(2026, 4, 30),
                },
                TaskToReview {
                    content: "Sửa đường liên thôn".into(),
                    owner: None,
                    deadline: None,
                },
            ],
        }
    }

    #[test]
    fn the_text_lists_every_task_with_its_owner_and_deadline() {
        let text = task_review_text(&review());
        assert_eq!(
            text,
            "Nhiệm vụ giao tại cuộc họp ngày 05/04/2026:\n\
             - Vận động thu nộp đảng phí (người thực hiện: Lò Văn Minh; hạn 30/04/2026)\n\
             - Sửa đường liên thôn"
        );
    }

    #[test]
    fn the_review_goes_into_the_line_about_last_month() {
        let agenda = [
            "Mở đầu".to_owned(),
            "Đánh giá thực hiện nghị quyết tháng trước".to_owned(),
        ];
        let mut content = MinutesContent::from_agenda(&agenda, None, None);
        place_task_review(&mut content, "X".into());
        assert_eq!(content.items.len(), 2);
        assert_eq!(content.items[1].presented, "X");
    }

    #[test]
    fn an_agenda_without_such_a_line_gets_one_after_the_opening() {
        let agenda = ["Mở đầu".to_owned(), "Chuyên đề".to_owned()];
        let mut content = MinutesContent::from_agenda(&agenda, None, None);
        place_task_review(&mut content, "X".into());
        let headings: Vec<&str> = content.items.iter().map(|i| i.heading.as_str()).collect();
        assert_eq!(headings, ["Mở đầu", TASK_REVIEW_HEADING, "Chuyên đề"]);
    }

    #[test]
    fn text_already_written_is_kept() {
        let agenda = ["Kiểm điểm nhiệm vụ kỳ trước".to_owned()];
        let mut content = MinutesContent::from_agenda(&agenda, None, None);
        content.items[0].presented = "Đã viết".into();
        place_task_review(&mut content, "X".into());
        assert_eq!(content.items[0].presented, "Đã viết");
    }
}
