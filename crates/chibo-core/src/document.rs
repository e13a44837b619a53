//! The register of superior documents studied at meetings (e.g. "44-KH/TU", "21-KL/TW"):
//! the Party's number format, checked and normalised.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::dates::format_dmy;
use crate::text::clean;
use crate::validation::{optional_text, required_text, FieldError};

pub const MAX_DOCUMENT_TITLE_CHARS: usize = 300;
pub const MAX_ISSUER_CHARS: usize = 120;

/// A document as entered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DocumentInput {
    /// Số và ký hiệu, e.g. "44-KH/TU"
    pub number: String,
    #[ts(type = "string | null")]
    pub issued_on: Option<NaiveDate>,
    /// Cơ quan ban hành, e.g. "Tỉnh ủy Lào Cai"
    pub issuer: String,
    /// Trích yếu
    pub title: String,
}

/// A document of the branch's register.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Document {
    #[ts(type = "number")]
    pub id: i64,
    pub number: String,
    #[ts(type = "string | null")]
    pub issued_on: Option<NaiveDate>,
    pub issuer: String,
    pub title: String,
    /// How many meetings studied it.
    pub meetings: u32,
}

/// Checks a Party document number and returns it normalised (NFC, no spaces, capitals):
/// digits, a hyphen, the type's abbreviation, a slash and the issuer's, which may have
/// further parts after a hyphen or slash, e.g. "44-KH/TU", "294-QĐ/TW", "12-HD/BTCTW",
/// "125-QĐ/ĐU".
pub fn check_document_number(number: &str) -> Result<String, FieldError> {
    let number: String = clean(number)
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_uppercase)
        .collect();
    required_text("number", "Số, ký hiệu văn bản", &number, 40)?;
    let bad = || {
        FieldError::new(
            "number",
            format!(
                "\"{number}\" không đúng dạng số, ký hiệu văn bản của Đảng \
                 (số-loại văn bản/cơ quan ban hành, ví dụ 44-KH/TU, 21-KL/TW)."
            ),
        )
    };
    let (digits, rest) = number.split_once('-').ok_or_else(bad)?;
    let (kind, issuer) = rest.split_once('/').ok_or_else(bad)?;
    let letters = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_alphabetic());
    let issuer_ok = issuer.split(['-', '/']).all(|part| {
        !part.is_empty()
            && part
                .chars()
                .all(|c| c.is_alphabetic() || c.is_ascii_digit())
    });
    if digits.is_empty()
        || digits.len() > 5
        || !digits.chars().all(|c| c.is_ascii_digit())
        || !letters(kind)
        || !issuer_ok
    {
        return Err(bad());
    }
    Ok(number)
}

impl DocumentInput {
    /// Cleans and checks the document; the first problem is returned with its field.
    pub fn validated(&self, today: NaiveDate) -> Result<DocumentInput, FieldError> {
        let number = check_document_number(&self.number)?;
        let title = clean(&self.title);
        required_text("title", "Trích yếu", &title, MAX_DOCUMENT_TITLE_CHARS)?;
        let issuer = clean(&self.issuer);
        optional_text("issuer", "Cơ quan ban hành", &issuer, MAX_ISSUER_CHARS)?;
        if let Some(issued) = self.issued_on.filter(|d| *d > today) {
            return Err(FieldError::new(
                "issued_on",
                format!(
                    "Ngày ban hành ({}) chưa tới; hãy kiểm tra lại.",
                    format_dmy(issued)
                ),
            ));
        }
        Ok(DocumentInput {
            number,
            issued_on: self.issued_on,
            issuer,
            title,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn party_numbers_are_accepted_and_normalised() {
        for (given, expected) in [
            ("44-KH/TU", "44-KH/TU"),
            (" 21-kl/tw ", "21-KL/TW"),
            ("294-QĐ/TW", "294-QĐ/TW"),
            ("12-HD/BTCTW", "12-HD/BTCTW"),
            ("125-qđ/đu", "125-QĐ/ĐU"),
            ("05 - NQ / ĐU", "05-NQ/ĐU"),
            ("36-HD/VPTW", "36-HD/VPTW"),
            ("15-TB/ĐU-UBKT", "15-TB/ĐU-UBKT"),
        ] {
            assert_eq!(check_document_number(given).unwrap(), expected, "{given}");
        }
    }

    #[test]
    fn malformed_numbers_are_refused_with_an_example() {
        for bad in [
            "", "KH/TU", "44/KH/TU", "44-KH", "44-/TU", "44-KH/", "4a-KH/TU", "44-K1/TU",
        ] {
            let err = check_document_number(bad).unwrap_err();
            assert_eq!(err.field, "number");
            if !bad.is_empty() {
                assert!(err.message.contains("44-KH/TU"), "{bad}: {}", err.message);
            }
        }
    }

    #[test]
    fn a_document_needs_a_title_and_a_past_date() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
        let input = DocumentInput {
            number: "21-KL/TW".into(),
            issued_on: NaiveDate::from_ymd_opt(2021, 10, 25),
            issuer: "Ban Chấp hành Trung ương".into(),
            title: " Kết luận về đẩy mạnh xây dựng, chỉnh đốn Đảng ".into(),
        };
        assert_eq!(
            input.validated(today).unwrap().title,
            "Kết luận về đẩy mạnh xây dựng, chỉnh đốn Đảng"
        );
        let err = DocumentInput {
            title: " ".into(),
            ..input.clone()
        }
        .validated(today)
        .unwrap_err();
        assert_eq!(err.field, "title");
        let err = DocumentInput {
            issued_on: NaiveDate::from_ymd_opt(2026, 12, 1),
            ..input
        }
        .validated(today)
        .unwrap_err();
        assert_eq!(err.field, "issued_on");
    }
}
