//! Vietnamese personal names: họ (family), đệm (middle), tên (given). Rosters sort by tên,
//! then đệm, then họ.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::text::clean;
use crate::validation::FieldError;

/// A name split into its three parts; `middle` may be empty ("Lò Văn" has none in "Lò Sáng").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct NameParts {
    pub family: String,
    pub middle: String,
    pub given: String,
}

impl NameParts {
    /// The automatic split: first word the họ, last word the tên, the rest the đệm.
    pub fn split(full_name: &str) -> NameParts {
        let cleaned = clean(full_name);
        let words: Vec<&str> = cleaned.split(' ').filter(|w| !w.is_empty()).collect();
        match words.as_slice() {
            [] => NameParts {
                family: String::new(),
                middle: String::new(),
                given: String::new(),
            },
            [given] => NameParts {
                family: String::new(),
                middle: String::new(),
                given: (*given).into(),
            },
            [family, middle @ .., given] => NameParts {
                family: (*family).into(),
                middle: middle.join(" "),
                given: (*given).into(),
            },
        }
    }

    /// The parts joined back into the full name.
    pub fn full(&self) -> String {
        clean(&format!("{} {} {}", self.family, self.middle, self.given))
    }

    /// Cleans a corrected split and checks it spells the same full name.
    pub fn corrected(&self, full_name: &str) -> Result<NameParts, FieldError> {
        let parts = NameParts {
            family: clean(&self.family),
            middle: clean(&self.middle),
            given: clean(&self.given),
        };
        if parts.given.is_empty() {
            return Err(FieldError::new(
                "name_parts",
                "Tên (phần cuối của họ tên) không được để trống.",
            ));
        }
        if parts.full() != clean(full_name) {
            return Err(FieldError::new(
                "name_parts",
                format!(
                    "Họ, đệm và tên ghép lại (\"{}\") phải đúng bằng họ và tên \"{}\".",
                    parts.full(),
                    clean(full_name)
                ),
            ));
        }
        Ok(parts)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn three_words_split_into_family_middle_given() {
        let parts = NameParts::split("Nguyễn Thị Hoa");
        assert_eq!(
            (
                parts.family.as_str(),
                parts.middle.as_str(),
                parts.given.as_str()
            ),
            ("Nguyễn", "Thị", "Hoa")
        );
    }

    #[test]
    fn long_and_short_names_split_sensibly() {
        let long = NameParts::split("  Tôn Nữ  Thị Thu   Hà ");
        assert_eq!(long.family, "Tôn");
        assert_eq!(long.middle, "Nữ Thị Thu");
        assert_eq!(long.given, "Hà");
        let two = NameParts::split("Lò Sáng");
        assert_eq!(
            (two.family.as_str(), two.middle.as_str(), two.given.as_str()),
            ("Lò", "", "Sáng")
        );
    }

    #[test]
    fn a_correction_must_spell_the_same_name() {
        let fixed = NameParts {
            family: "Tôn Nữ".into(),
            middle: "Thị".into(),
            given: "Thu Hà".into(),
        };
        assert_eq!(
            fixed.corrected("Tôn Nữ Thị Thu Hà").unwrap().given,
            "Thu Hà"
        );
        let wrong = NameParts {
            family: "Tôn".into(),
            middle: "".into(),
            given: "Hà".into(),
        };
        assert_eq!(
            wrong.corrected("Tôn Nữ Thị Thu Hà").unwrap_err().field,
            "name_parts"
        );
    }
}
