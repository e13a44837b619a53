//! Vietnamese text: NFC cleanup, accent folding for search, and ICU `vi` collation.

use std::cmp::Ordering;
use std::sync::OnceLock;

use icu_collator::options::CollatorOptions;
use icu_collator::{Collator, CollatorBorrowed};
use icu_locale_core::locale;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Text as it is stored: Unicode NFC, surrounding white space trimmed and inner runs of
/// white space collapsed to one space (some keyboards type decomposed marks, spreadsheets
/// carry stray spaces).
pub fn clean(input: &str) -> String {
    let composed: String = input.nfc().collect();
    composed.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The search form of a text: lower case, accents stripped, `đ` folded to `d`.
/// "Nguyễn Văn Đức" → "nguyen van duc". Idempotent.
pub fn fold(input: &str) -> String {
    input
        .nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'đ' { 'd' } else { c })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A name safe in any file system: folded, ASCII letters and digits, hyphens between words.
/// "Chi bộ thôn Bản Chắt" → "chi-bo-thon-ban-chat".
pub fn file_slug(input: &str) -> String {
    fold(input)
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

fn collator() -> Option<&'static CollatorBorrowed<'static>> {
    static COLLATOR: OnceLock<Option<CollatorBorrowed<'static>>> = OnceLock::new();
    COLLATOR
        .get_or_init(|| Collator::try_new(locale!("vi").into(), CollatorOptions::default()).ok())
        .as_ref()
}

/// Vietnamese order (CLDR/ICU `vi`): the 29 letters with ă, â, đ, ê, ô, ơ, ư as letters of
/// their own, tones breaking ties. Never code-point order.
pub fn compare_vi(a: &str, b: &str) -> Ordering {
    match collator() {
        Some(collator) => collator.compare(a, b),
        // The collation data is compiled into the binary; this branch only guards against
        // a build without it, keeping a total order.
        None => a.cmp(b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn clean_composes_decomposed_marks_and_trims() {
        let decomposed = "  Nguye\u{0302}\u{0303}n   Va\u{0306}n  ";
        assert_eq!(clean(decomposed), "Nguyễn Văn");
    }

    #[test]
    fn fold_strips_tones_and_folds_d_bar() {
        assert_eq!(fold("Nguyễn Văn Đức"), "nguyen van duc");
        assert_eq!(fold("ĐẢNG CỘNG SẢN VIỆT NAM"), "dang cong san viet nam");
        assert_eq!(fold("Chi bộ thôn Bản Chắt"), "chi bo thon ban chat");
    }

    #[test]
    fn fold_treats_decomposed_and_composed_alike() {
        assert_eq!(fold("Đu\u{031B}\u{0301}c"), fold("Đức"));
    }

    #[test]
    fn vietnamese_letters_sort_after_their_base_letter() {
        let mut words = vec![
            "Đức", "Dung", "Ánh", "Âu", "Ăn", "Bình", "An", "Ơn", "Ông", "Ốc",
        ];
        words.sort_by(|a, b| compare_vi(a, b));
        assert_eq!(
            words,
            vec!["An", "Ánh", "Ăn", "Âu", "Bình", "Dung", "Đức", "Ốc", "Ông", "Ơn"]
        );
    }

    #[test]
    fn tones_break_ties_in_icu_order() {
        // none < huyền < hỏi < ngã < sắc < nặng
        let mut words = vec!["mạ", "má", "mã", "mả", "mà", "ma"];
        words.sort_by(|a, b| compare_vi(a, b));
        assert_eq!(words, vec!["ma", "mà", "mả", "mã", "má", "mạ"]);
    }

    proptest! {
        #[test]
        fn fold_is_idempotent(s in "\\PC{0,40}") {
            let once = fold(&s);
            prop_assert_eq!(fold(&once), once);
        }

        #[test]
        fn clean_is_idempotent(s in "\\PC{0,40}") {
            let once = clean(&s);
            prop_assert_eq!(clean(&once), once);
        }

        #[test]
        fn fold_output_has_no_d_bar_or_combining_marks(s in "[a-zA-ZàáạảãăằắặẳẵâầấậẩẫđĐêềếệểễôồốộổỗơờớợởỡưừứựửữ ]{0,30}") {
            let folded = fold(&s);
            prop_assert!(!folded.contains('đ'));
            prop_assert!(folded.is_ascii());
        }
    }
}
