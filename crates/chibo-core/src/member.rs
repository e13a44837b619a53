//! A party member's record (đảng viên) and its validation.

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::dates::format_dmy;
use crate::name::NameParts;
use crate::settings::RuleSettings;
use crate::text::clean;
use crate::validation::{optional_text, required_text, FieldError};

pub const MAX_FULL_NAME_CHARS: usize = 80;
pub const MAX_SHORT_TEXT_CHARS: usize = 120;
pub const MAX_NOTES_CHARS: usize = 2000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Gender {
    Male,
    Female,
}

/// The member's role in the branch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// bí thư
    Secretary,
    /// phó bí thư
    DeputySecretary,
    /// chi ủy viên
    CommitteeMember,
    /// đảng viên
    Member,
}

impl Role {
    pub fn label(self) -> &'static str {
        match self {
            Role::Secretary => "Bí thư",
            Role::DeputySecretary => "Phó bí thư",
            Role::CommitteeMember => "Chi ủy viên",
            Role::Member => "Đảng viên",
        }
    }
}

/// What the user enters for a member.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MemberInput {
    pub full_name: String,
    /// A corrected split of the name; `null` splits automatically.
    pub name_parts: Option<NameParts>,
    pub gender: Option<Gender>,
    #[ts(type = "string | null")]
    pub birth_date: Option<NaiveDate>,
    pub hometown: String,
    pub ethnicity: String,
    /// Số thẻ đảng viên
    pub card_number: String,
    /// Ngày vào Đảng: the probation starts
    #[ts(type = "string")]
    pub admitted_on: NaiveDate,
    /// Ngày chính thức, once recognised
    #[ts(type = "string | null")]
    pub official_on: Option<NaiveDate>,
    /// The decision recognising full membership, e.g. "Quyết định 125-QĐ/ĐU"
    pub official_reference: String,
    pub role: Role,
    /// Post outside the Party (free text)
    pub post: String,
    pub phone: String,
    pub notes: String,
}

/// A stored member.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Member {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub branch_id: i64,
    pub full_name: String,
    pub name_parts: NameParts,
    pub gender: Option<Gender>,
    #[ts(type = "string | null")]
    pub birth_date: Option<NaiveDate>,
    pub hometown: String,
    pub ethnicity: String,
    pub card_number: String,
    #[ts(type = "string")]
    pub admitted_on: NaiveDate,
    #[ts(type = "string | null")]
    pub official_on: Option<NaiveDate>,
    pub official_reference: String,
    pub role: Role,
    pub post: String,
    pub phone: String,
    pub notes: String,
}

impl Member {
    /// The record as a form holds it, to be edited and saved again.
    pub fn to_input(&self) -> MemberInput {
        MemberInput {
            full_name: self.full_name.clone(),
            name_parts: Some(self.name_parts.clone()),
            gender: self.gender,
            birth_date: self.birth_date,
            hometown: self.hometown.clone(),
            ethnicity: self.ethnicity.clone(),
            card_number: self.card_number.clone(),
            admitted_on: self.admitted_on,
            official_on: self.official_on,
            official_reference: self.official_reference.clone(),
            role: self.role,
            post: self.post.clone(),
            phone: self.phone.clone(),
            notes: self.notes.clone(),
        }
    }
}

/// A member input after cleanup, with its name split resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidMember {
    pub input: MemberInput,
    pub parts: NameParts,
}

fn not_after_today(
    field: &str,
    label: &str,
    date: NaiveDate,
    today: NaiveDate,
) -> Result<(), FieldError> {
    if date > today {
        return Err(FieldError::new(
            field,
            format!(
                "{label} ({}) không được sau hôm nay ({}).",
                format_dmy(date),
                format_dmy(today)
            ),
        ));
    }
    Ok(())
}

impl MemberInput {
    /// Cleans every text (NFC, trimmed) and checks the record against the rules in force.
    pub fn validated(
        &self,
        today: NaiveDate,
        rules: &RuleSettings,
    ) -> Result<ValidMember, FieldError> {
        let input = MemberInput {
            full_name: clean(&self.full_name),
            hometown: clean(&self.hometown),
            ethnicity: clean(&self.ethnicity),
            card_number: clean(&self.card_number),
            official_reference: clean(&self.official_reference),
            post: clean(&self.post),
            phone: clean(&self.phone),
            notes: self.notes.trim().to_owned(),
            ..self.clone()
        };
        required_text(
            "full_name",
            "Họ và tên",
            &input.full_name,
            MAX_FULL_NAME_CHARS,
        )?;
        if input.full_name.chars().any(|c| c.is_ascii_digit()) {
            return Err(FieldError::new(
                "full_name",
                "Họ và tên không được chứa chữ số.",
            ));
        }
        let parts = match &input.name_parts {
            Some(parts) => parts.corrected(&input.full_name)?,
            None => NameParts::split(&input.full_name),
        };
        for (field, label, value) in [
            ("hometown", "Quê quán", &input.hometown),
            ("ethnicity", "Dân tộc", &input.ethnicity),
            (
                "official_reference",
                "Số quyết định công nhận chính thức",
                &input.official_reference,
            ),
            ("post", "Chức vụ, nơi công tác", &input.post),
        ] {
            optional_text(field, label, value, MAX_SHORT_TEXT_CHARS)?;
        }
        optional_text("notes", "Ghi chú", &input.notes, MAX_NOTES_CHARS)?;
        if !input
            .card_number
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.')
        {
            return Err(FieldError::new(
                "card_number",
                "Số thẻ đảng viên chỉ gồm chữ số (có thể có chữ cái, dấu chấm, gạch ngang).",
            ));
        }
        optional_text("card_number", "Số thẻ đảng viên", &input.card_number, 20)?;
        if !input
            .phone
            .chars()
            .all(|c| c.is_ascii_digit() || " +.()-".contains(c))
        {
            return Err(FieldError::new("phone", "Số điện thoại chỉ gồm chữ số."));
        }
        optional_text("phone", "Số điện thoại", &input.phone, 20)?;

        let admitted = input.admitted_on;
        not_after_today("admitted_on", "Ngày vào Đảng", admitted, today)?;
        if let Some(birth) = input.birth_date {
            not_after_today("birth_date", "Ngày sinh", birth, today)?;
            let age = rules.min_admission_age.value;
            let adult = birth
                .checked_add_months(Months::new(12 * age))
                .unwrap_or(NaiveDate::MAX);
            if admitted < adult {
                return Err(FieldError::new(
                    "admitted_on",
                    format!(
                        "Ngày vào Đảng ({}) phải từ khi đủ {age} tuổi ({}), theo ngày sinh {}.",
                        format_dmy(admitted),
                        format_dmy(adult),
                        format_dmy(birth)
                    ),
                ));
            }
        }
        if let Some(official) = input.official_on {
            not_after_today("official_on", "Ngày chính thức", official, today)?;
            let months = rules.probation_months.value;
            let earliest = probation_end(admitted, rules);
            if official < earliest {
                return Err(FieldError::new(
                    "official_on",
                    format!(
                        "Ngày chính thức ({}) phải sau ngày vào Đảng ({}) ít nhất {months} tháng, \
                         tức từ {}.",
                        format_dmy(official),
                        format_dmy(admitted),
                        format_dmy(earliest)
                    ),
                ));
            }
        }
        Ok(ValidMember { input, parts })
    }
}

/// The day the probation is complete: the admission date plus the probation months.
pub fn probation_end(admitted: NaiveDate, rules: &RuleSettings) -> NaiveDate {
    admitted
        .checked_add_months(Months::new(rules.probation_months.value))
        .unwrap_or(NaiveDate::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    pub(crate) fn input() -> MemberInput {
        MemberInput {
            full_name: " Nguyễn  Văn Đức ".into(),
            name_parts: None,
            gender: Some(Gender::Male),
            birth_date: Some(d(1970, 3, 12)),
            hometown: "Tân Thành".into(),
            ethnicity: "Kinh".into(),
            card_number: "93012345".into(),
            admitted_on: d(1995, 5, 19),
            official_on: Some(d(1996, 5, 19)),
            official_reference: String::new(),
            role: Role::Member,
            post: String::new(),
            phone: "0912 345 678".into(),
            notes: String::new(),
        }
    }

    fn check(input: MemberInput) -> Result<ValidMember, FieldError> {
        input.validated(d(2026, 11, 27), &RuleSettings::default())
    }

    #[test]
    fn a_valid_member_is_cleaned_and_split() {
        let valid = check(input()).unwrap();
        assert_eq!(valid.input.full_name, "Nguyễn Văn Đức");
        assert_eq!(valid.parts.given, "Đức");
    }

    #[test]
    fn admission_before_the_eighteenth_birthday_is_rejected() {
        let err = check(MemberInput {
            admitted_on: d(1988, 3, 11),
            official_on: None,
            ..input()
        })
        .unwrap_err();
        assert_eq!(err.field, "admitted_on");
        assert!(err.message.contains("12/03/1988"), "{}", err.message);
        assert!(check(MemberInput {
            admitted_on: d(1988, 3, 12),
            official_on: None,
            ..input()
        })
        .is_ok());
    }

    #[test]
    fn a_birth_date_after_admission_is_rejected() {
        let err = check(MemberInput {
            birth_date: Some(d(1996, 1, 1)),
            ..input()
        })
        .unwrap_err();
        assert_eq!(err.field, "admitted_on");
    }

    #[test]
    fn official_less_than_twelve_months_after_admission_is_rejected() {
        let err = check(MemberInput {
            official_on: Some(d(1996, 5, 18)),
            ..input()
        })
        .unwrap_err();
        assert_eq!(err.field, "official_on");
        assert!(err.message.contains("19/05/1996"), "{}", err.message);
    }

    #[test]
    fn future_admission_is_rejected() {
        let err = check(MemberInput {
            admitted_on: d(2026, 11, 28),
            official_on: None,
            ..input()
        })
        .unwrap_err();
        assert_eq!(err.field, "admitted_on");
        assert!(err.message.contains("không được sau hôm nay"));
    }

    #[test]
    fn a_name_with_digits_or_an_empty_name_is_rejected() {
        assert_eq!(
            check(MemberInput {
                full_name: "Nguyễn Văn 2".into(),
                ..input()
            })
            .unwrap_err()
            .field,
            "full_name"
        );
        assert_eq!(
            check(MemberInput {
                full_name: " ".into(),
                ..input()
            })
            .unwrap_err()
            .field,
            "full_name"
        );
    }

    #[test]
    fn a_phone_with_letters_is_rejected() {
        assert_eq!(
            check(MemberInput {
                phone: "09abc".into(),
                ..input()
            })
            .unwrap_err()
            .field,
            "phone"
        );
    }
}
