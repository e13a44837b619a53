//! Thresholds compared exactly, as fractions of whole numbers, and rates written for people.
//!
//! A rule such as "quorum of two thirds" or "attendance above 85 %" is judged on the counts
//! themselves (present × 3 ≥ summoned × 2), never on a rounded percentage: 67 % is not 2/3,
//! and 84,6 % rounded to 85 % is not above 85 %.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::validation::FieldError;

/// A fraction such as 2/3, the form the rules write a share in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Fraction {
    pub numerator: u32,
    pub denominator: u32,
}

impl Fraction {
    pub const fn new(numerator: u32, denominator: u32) -> Self {
        Self {
            numerator,
            denominator,
        }
    }

    /// A share between 1/1000 and 1: the denominator is positive and not below the numerator.
    pub fn validate(&self, field: &str, label: &str) -> Result<(), FieldError> {
        if self.denominator == 0
            || self.numerator == 0
            || self.numerator > self.denominator
            || self.denominator > 1000
        {
            return Err(FieldError::new(
                field,
                format!(
                    "{label} phải là một phân số từ 1/1000 đến 1/1, tử số không lớn hơn mẫu số \
                     (đang là {}).",
                    self.text()
                ),
            ));
        }
        Ok(())
    }

    /// "2/3"
    pub fn text(&self) -> String {
        format!("{}/{}", self.numerator, self.denominator)
    }

    /// `part / whole ≥ self`, exactly. An empty whole reaches nothing.
    pub fn reached_by(&self, part: u32, whole: u32) -> bool {
        whole > 0
            && u64::from(part) * u64::from(self.denominator)
                >= u64::from(whole) * u64::from(self.numerator)
    }
}

/// `part / whole > percent %`, exactly: at exactly 85 % the rule "above 85 %" is not met.
pub fn above_percent(part: u32, whole: u32, percent: u32) -> bool {
    u64::from(part) * 100 > u64::from(percent) * u64::from(whole)
}

/// `part / whole` in percent as Vietnamese write it, cut (not rounded) to one decimal so that
/// a rate below a threshold never reads as the threshold: 9/11 → "81,8%", 17/20 → "85%",
/// 1/3 → "33,3%". `None` when `whole` is 0.
pub fn percent_text(part: u32, whole: u32) -> Option<String> {
    if whole == 0 {
        return None;
    }
    let tenths = u64::from(part) * 1000 / u64::from(whole);
    let exact = (u64::from(part) * 100) % u64::from(whole) == 0;
    Some(if exact {
        format!("{}%", tenths / 10)
    } else {
        format!("{},{}%", tenths / 10, tenths % 10)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const TWO_THIRDS: Fraction = Fraction::new(2, 3);

    #[test]
    fn two_thirds_is_reached_at_exactly_two_thirds_and_not_one_below() {
        assert!(TWO_THIRDS.reached_by(4, 6));
        assert!(TWO_THIRDS.reached_by(5, 6));
        assert!(!TWO_THIRDS.reached_by(3, 6));
        // 66,7 % of 100 is not two thirds: 67 of 100 is, 66 is not.
        assert!(TWO_THIRDS.reached_by(67, 100));
        assert!(!TWO_THIRDS.reached_by(66, 100));
        assert!(!TWO_THIRDS.reached_by(0, 0));
    }

    #[test]
    fn above_85_percent_is_not_met_at_exactly_85() {
        assert!(!above_percent(17, 20, 85));
        assert!(above_percent(18, 20, 85));
        assert!(!above_percent(16, 20, 85));
        // 84,6 % would round to 85 %.
        assert!(!above_percent(11, 13, 85));
        assert!(above_percent(u32::MAX, u32::MAX, 99));
    }

    #[test]
    fn percentages_keep_one_decimal_cut_not_rounded() {
        assert_eq!(percent_text(9, 11).as_deref(), Some("81,8%"));
        assert_eq!(percent_text(17, 20).as_deref(), Some("85%"));
        assert_eq!(percent_text(2, 3).as_deref(), Some("66,6%"));
        assert_eq!(percent_text(11, 13).as_deref(), Some("84,6%"));
        assert_eq!(percent_text(0, 7).as_deref(), Some("0%"));
        assert_eq!(percent_text(1, 0), None);
    }

    #[test]
    fn a_fraction_must_be_a_share() {
        assert!(TWO_THIRDS.validate("q", "Tỷ lệ").is_ok());
        assert!(Fraction::new(1, 1).validate("q", "Tỷ lệ").is_ok());
        for bad in [
            Fraction::new(0, 3),
            Fraction::new(3, 2),
            Fraction::new(1, 0),
        ] {
            let err = bad.validate("q", "Tỷ lệ").unwrap_err();
            assert_eq!(err.field, "q");
            assert!(err.message.contains(&bad.text()), "{}", err.message);
        }
    }
}
