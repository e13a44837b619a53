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
}

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
            ..input()
        }
        .validated()
        .unwrap_err();
        assert_eq!(err.field, "term_end");
        assert!(err.message.contains("01/01/2025"), "{}", err.message);
    }
}
