//! The branch profile (chi bộ): names used in documents, the committee term, validation.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::dates::format_dmy;
use crate::text::clean;
use crate::validation::{required_text, FieldError};

/// Longest organisation or place name accepted, in characters.
pub const MAX_NAME_CHARS: usize = 120;

/// What the user enters for a branch, before cleanup and validation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BranchInput {
    /// e.g. "Chi bộ thôn Bản Chắt"
    pub name: String,
    /// The superior organisation, e.g. "Đảng bộ xã Tân Thành"
    pub parent_name: String,
    /// Place name of the date line in documents, e.g. "Tân Thành"
    pub place: String,
    #[ts(type = "string | null")]
    pub term_start: Option<NaiveDate>,
    #[ts(type = "string | null")]
    pub term_end: Option<NaiveDate>,
    /// Ngày thành lập: no meeting can be dated before it. Unknown for many old branches.
    #[serde(default)]
    #[ts(type = "string | null")]
    pub founded_on: Option<NaiveDate>,
}

/// The founding of the Communist Party of Vietnam (03/02/1930): the earliest date any
/// branch record can bear when the branch's own founding date is unknown.
pub const PARTY_FOUNDED: (i32, u32, u32) = (1930, 2, 3);

/// A stored branch.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Branch {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub parent_name: String,
    pub place: String,
    #[ts(type = "string | null")]
    pub term_start: Option<NaiveDate>,
    #[ts(type = "string | null")]
    pub term_end: Option<NaiveDate>,
    #[ts(type = "string | null")]
    pub founded_on: Option<NaiveDate>,
}

impl Branch {
    /// The first day the branch can have records on: its founding date, or the Party's.
    pub fn earliest_date(&self) -> NaiveDate {
        self.founded_on
            .or_else(|| NaiveDate::from_ymd_opt(PARTY_FOUNDED.0, PARTY_FOUNDED.1, PARTY_FOUNDED.2))
            .unwrap_or(NaiveDate::MIN)
    }
}

impl BranchInput {
    /// Cleans every text (NFC, trimmed) and checks the fields; the first problem is returned.
    pub fn validated(&self) -> Result<BranchInput, FieldError> {
        let cleaned = BranchInput {
            name: clean(&self.name),
            parent_name: clean(&self.parent_name),
            place: clean(&self.place),
            term_start: self.term_start,
            term_end: self.term_end,
            founded_on: self.founded_on,
        };
        required_text("name", "Tên chi bộ", &cleaned.name, MAX_NAME_CHARS)?;
        required_text(
            "parent_name",
            "Tên đảng bộ cấp trên",
            &cleaned.parent_name,
            MAX_NAME_CHARS,
        )?;
        required_text("place", "Địa danh", &cleaned.place, MAX_NAME_CHARS)?;
        if let (Some(start), Some(end)) = (cleaned.term_start, cleaned.term_end) {
            if end <= start {
                return Err(FieldError::new(
                    "term_end",
                    format!(
                        "Ngày kết thúc nhiệm kỳ ({}) phải sau ngày bắt đầu ({}).",
                        format_dmy(end),
                        format_dmy(start)
                    ),
                ));
            }
        }
        if let Some(founded) = cleaned.founded_on {
            let party = NaiveDate::from_ymd_opt(PARTY_FOUNDED.0, PARTY_FOUNDED.1, PARTY_FOUNDED.2);
            if Some(founded) < party {
                return Err(FieldError::new(
                    "founded_on",
                    "Ngày thành lập chi bộ không thể trước ngày thành lập Đảng (03/02/1930).",
                ));
            }
        }
        Ok(cleaned)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> BranchInput {
        BranchInput {
            name: " Chi bộ thôn  Bản Chắt ".into(),
            parent_name: "Đảng bộ xã Tân Thành".into(),
            place: "Tân Thành".into(),
            term_start: NaiveDate::from_ymd_opt(2025, 8, 1),
            term_end: NaiveDate::from_ymd_opt(2030, 7, 31),
            founded_on: NaiveDate::from_ymd_opt(1976, 3, 26),
        }
    }

    #[test]
    fn valid_input_is_cleaned() {
        let cleaned = input().validated().unwrap();
        assert_eq!(cleaned.name, "Chi bộ thôn Bản Chắt");
    }

    #[test]
    fn empty_name_is_rejected_with_the_field() {
        let err = BranchInput {
            name: "   ".into(),
            ..input()
        }
        .validated()
        .unwrap_err();
        assert_eq!(err.field, "name");
        assert_eq!(err.message, "Tên chi bộ không được để trống.");
    }

    #[test]
    fn over_long_parent_name_is_rejected() {
        let err = BranchInput {
            parent_name: "x".repeat(121),
            ..input()
        }
        .validated()
        .unwrap_err();
        assert_eq!(err.field, "parent_name");
        assert!(err.message.contains("tối đa 120"));
    }

    #[test]
    fn name_of_exactly_the_limit_is_accepted() {
        assert!(BranchInput {
            name: "ư".repeat(120),
            ..input()
        }
        .validated()
        .is_ok());
    }

    #[test]
    fn term_ending_before_it_starts_is_rejected() {
        let err = BranchInput {
            term_end: NaiveDate::from_ymd_opt(2025, 1, 1),
            founded_on: None,
            ..input()
        }
        .validated()
        .unwrap_err();
        assert_eq!(err.field, "term_end");
        assert!(err.message.contains("01/01/2025"), "{}", err.message);
    }

    #[test]
    fn a_founding_before_the_party_is_rejected() {
        let err = BranchInput {
            founded_on: NaiveDate::from_ymd_opt(1930, 2, 2),
            ..input()
        }
        .validated()
        .unwrap_err();
        assert_eq!(err.field, "founded_on");
        let branch = Branch {
            id: 1,
            name: "x".into(),
            parent_name: "y".into(),
            place: "z".into(),
            term_start: None,
            term_end: None,
            founded_on: None,
        };
        assert_eq!(
            branch.earliest_date(),
            NaiveDate::from_ymd_opt(1930, 2, 3).unwrap()
        );
    }
}
