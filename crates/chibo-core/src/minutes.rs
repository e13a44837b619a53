//! The minutes of a meeting (biên bản): their content, the checks on speakers and votes
//! (domain.md §3: more than half of the denominator, two thirds for admission, full
//! membership and proposing expulsion; probationary members do not vote), and the number
//! "NN-BB/CB".

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::attendance::RollCallCounts;
use crate::validation::{optional_text, FieldError};

pub const MAX_TEXT_CHARS: usize = 20_000;
pub const MAX_SHORT_CHARS: usize = 500;

/// One member's contribution to the discussion of an item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Opinion {
    /// The speaker: a member present at the roll call.
    #[ts(type = "number | null")]
    pub speaker_id: Option<i64>,
    pub text: String,
}

/// An agenda item as recorded: what was presented, the opinions, the conclusion.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
pub struct MinutesItem {
    pub heading: String,
    pub presented: String,
    pub opinions: Vec<Opinion>,
    pub conclusion: String,
}

/// What a resolution decides: most need more than half of the denominator; admission,
/// full membership and proposing expulsion need two thirds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ResolutionKind {
    Ordinary,
    Admission,
    OfficialMembership,
    ProposeExpulsion,
}

impl ResolutionKind {
    pub fn needs_two_thirds(self) -> bool {
        !matches!(self, ResolutionKind::Ordinary)
    }
}

/// A vote: tán thành / không tán thành / ý kiến khác.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Resolution {
    pub text: String,
    pub kind: ResolutionKind,
    pub votes_for: u32,
    pub votes_against: u32,
    pub votes_other: u32,
}

/// A task given at the meeting, reviewed at the next one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Task {
    pub content: String,
    #[ts(type = "number | null")]
    pub owner_id: Option<i64>,
    #[ts(type = "string | null")]
    pub deadline: Option<NaiveDate>,
}

/// The branch's own rating of the meeting's quality (HD 12-HD/BTCTW).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum QualityScore {
    Good,
    Fair,
    Average,
    Poor,
}

impl QualityScore {
    pub fn label(self) -> &'static str {
        match self {
            QualityScore::Good => "Tốt",
            QualityScore::Fair => "Khá",
            QualityScore::Average => "Trung bình",
            QualityScore::Poor => "Kém",
        }
    }
}

/// What the thư ký writes; saved as a draft as they type.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MinutesContent {
    #[ts(type = "string | null")]
    pub opened_at: Option<NaiveTime>,
    #[ts(type = "string | null")]
    pub closed_at: Option<NaiveTime>,
    pub items: Vec<MinutesItem>,
    pub resolutions: Vec<Resolution>,
    pub tasks: Vec<Task>,
    pub quality: Option<QualityScore>,
}

impl MinutesContent {
    /// A first draft from the meeting: its times and one item per agenda line.
    pub fn from_agenda(
        agenda: &[String],
        opened_at: Option<NaiveTime>,
        closed_at: Option<NaiveTime>,
    ) -> Self {
        MinutesContent {
            opened_at,
            closed_at,
            items: agenda
                .iter()
                .map(|heading| MinutesItem {
                    heading: heading.clone(),
                    ..MinutesItem::default()
                })
                .collect(),
            resolutions: Vec::new(),
            tasks: Vec::new(),
            quality: None,
        }
    }
}

/// Whether a resolution passes against the denominator.
pub fn passes(resolution: &Resolution, denominator: u32) -> bool {
    let votes = u64::from(resolution.votes_for);
    let denominator = u64::from(denominator);
    if resolution.kind.needs_two_thirds() {
        votes * 3 >= denominator * 2 && denominator > 0
    } else {
        votes * 2 > denominator
    }
}

/// The outcome as the minutes state it: "thông qua" or "không thông qua".
pub fn outcome_words(passed: bool) -> &'static str {
    if passed {
        "thông qua"
    } else {
        "không thông qua"
    }
}

/// Every problem of a draft against the roll call, each with the field it is about; an
/// empty list means the minutes can be approved. `present` are the members who attended.
pub fn problems(
    content: &MinutesContent,
    present: &[i64],
    counts: &RollCallCounts,
) -> Vec<FieldError> {
    let mut found = Vec::new();
    if let (Some(open), Some(close)) = (content.opened_at, content.closed_at) {
        if close <= open {
            found.push(FieldError::new(
                "closed_at",
                "Giờ kết thúc phải sau giờ khai mạc.",
            ));
        }
    }
    for (i, item) in content.items.iter().enumerate() {
        let n = i + 1;
        for (text, label) in [
            (&item.heading, "Tên nội dung"),
            (&item.presented, "Phần trình bày"),
            (&item.conclusion, "Kết luận"),
        ] {
            if let Err(e) = optional_text(
                &format!("items.{i}"),
                &format!("{label} của nội dung {n}"),
                text,
                MAX_TEXT_CHARS,
            ) {
                found.push(e);
            }
        }
        for (j, opinion) in item.opinions.iter().enumerate() {
            match opinion.speaker_id {
                None => found.push(FieldError::new(
                    &format!("items.{i}.opinions.{j}"),
                    format!(
                        "Ý kiến {} của nội dung {n} chưa ghi người phát biểu.",
                        j + 1
                    ),
                )),
                Some(id) if !present.contains(&id) => found.push(FieldError::new(
                    &format!("items.{i}.opinions.{j}"),
                    format!(
                        "Người phát biểu ý kiến {} của nội dung {n} không có mặt tại cuộc họp.",
                        j + 1
                    ),
                )),
                Some(_) => {}
            }
        }
    }
    for (i, resolution) in content.resolutions.iter().enumerate() {
        let field = format!("resolutions.{i}");
        let cast = u64::from(resolution.votes_for)
            + u64::from(resolution.votes_against)
            + u64::from(resolution.votes_other);
        if cast > u64::from(counts.voters_present) {
            found.push(FieldError::new(
                &field,
                format!(
                    "Biểu quyết {}: tổng {cast} phiếu nhiều hơn {} đảng viên có quyền biểu quyết \
                     có mặt (đảng viên dự bị không biểu quyết).",
                    i + 1,
                    counts.voters_present
                ),
            ));
        }
        if let Err(e) = optional_text(
            &field,
            &format!("Nội dung biểu quyết {}", i + 1),
            &resolution.text,
            MAX_SHORT_CHARS,
        ) {
            found.push(e);
        }
    }
    for (i, task) in content.tasks.iter().enumerate() {
        if let Err(e) = optional_text(
            &format!("tasks.{i}"),
            &format!("Nhiệm vụ {}", i + 1),
            &task.content,
            MAX_SHORT_CHARS,
        ) {
            found.push(e);
        }
    }
    found
}

/// The number of the minutes, e.g. "03-BB/CB".
pub fn minutes_number(sequence: u32) -> String {
    format!("{sequence:02}-BB/CB")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resolution(kind: ResolutionKind, votes_for: u32) -> Resolution {
        Resolution {
            text: "Thông qua".into(),
            kind,
            votes_for,
            votes_against: 0,
            votes_other: 0,
        }
    }

    #[test]
    fn more_than_half_of_the_denominator_passes_an_ordinary_resolution() {
        assert!(!passes(&resolution(ResolutionKind::Ordinary, 10), 20));
        assert!(passes(&resolution(ResolutionKind::Ordinary, 11), 20));
        assert!(passes(&resolution(ResolutionKind::Ordinary, 11), 21));
        assert!(!passes(&resolution(ResolutionKind::Ordinary, 10), 21));
    }

    #[test]
    fn admission_and_expulsion_need_two_thirds() {
        for kind in [
            ResolutionKind::Admission,
            ResolutionKind::OfficialMembership,
            ResolutionKind::ProposeExpulsion,
        ] {
            assert!(!passes(&resolution(kind, 13), 21), "{kind:?}");
            assert!(passes(&resolution(kind, 14), 21), "{kind:?}");
            assert!(passes(&resolution(kind, 14), 20), "{kind:?}");
            assert!(!passes(&resolution(kind, 0), 0));
        }
    }

    fn counts(voters_present: u32) -> RollCallCounts {
        RollCallCounts {
            voters_present,
            ..RollCallCounts::default()
        }
    }

    #[test]
    fn votes_beyond_the_voters_present_and_absent_speakers_are_problems() {
        let mut content = MinutesContent::from_agenda(&["Mở đầu".into()], None, None);
        content.items[0].opinions = vec![
            Opinion {
                speaker_id: Some(1),
                text: "Nhất trí".into(),
            },
            Opinion {
                speaker_id: Some(9),
                text: "Đề nghị bổ sung".into(),
            },
        ];
        content.resolutions = vec![Resolution {
            votes_against: 2,
            votes_other: 1,
            ..resolution(ResolutionKind::Ordinary, 18)
        }];
        let found = problems(&content, &[1, 2], &counts(20));
        let fields: Vec<&str> = found.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(fields, ["items.0.opinions.1", "resolutions.0"]);
        assert!(
            found[1].message.contains("21 phiếu"),
            "{}",
            found[1].message
        );
        content.resolutions[0].votes_other = 0;
        content.items[0].opinions.pop();
        assert!(problems(&content, &[1, 2], &counts(20)).is_empty());
    }

    #[test]
    fn numbers_have_two_digits_and_the_type() {
        assert_eq!(minutes_number(3), "03-BB/CB");
        assert_eq!(minutes_number(112), "112-BB/CB");
    }
}
