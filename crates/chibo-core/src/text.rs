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

/// The five tone marks (huyền, sắc, ngã, hỏi, nặng) as combining characters.
fn is_tone_mark(c: char) -> bool {
    matches!(c, '\u{300}' | '\u{301}' | '\u{303}' | '\u{309}' | '\u{323}')
}

/// A text with the tone of a word ending in "oa", "oe" or "uy" on its last vowel ("Hòa" →
/// "Hoà", "Thủy" → "Thuỷ", "Khỏe" → "Khoẻ"): the old and the new placement of the 1984
/// spelling rules (Quyết định 240/QĐ) write one name two ways. Only for comparing: stored
/// text keeps what was typed. NFC.
pub fn tones_on_last_vowel(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    for (i, word) in input.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.extend(word_tone_moved(word).nfc());
    }
    out
}

fn word_tone_moved(word: &str) -> String {
    let chars: Vec<char> = word.nfd().collect();
    // The base letters with the position of each in `chars`.
    let letters: Vec<(usize, char)> = chars
        .iter()
        .enumerate()
        .filter(|(_, c)| !is_combining_mark(**c))
        .map(|(i, c)| (i, c.to_ascii_lowercase()))
        .collect();
    let [.., (first_at, first), (last_at, last)] = letters[..] else {
        return chars.into_iter().collect();
    };
    if !matches!((first, last), ('o', 'a') | ('o', 'e') | ('u', 'y')) {
        return chars.into_iter().collect();
    }
    // "qu" + y: the u is part of the consonant, the tone already sits on the y.
    let marks = &chars[first_at + 1..last_at];
    let Some(tone_at) = marks.iter().position(|c| is_tone_mark(*c)) else {
        return chars.into_iter().collect();
    };
    if marks.iter().any(|c| !is_tone_mark(*c)) {
        // ô, ơ, ư: another vowel, not this pair.
        return chars.into_iter().collect();
    }
    let tone = marks[tone_at];
    let mut moved: Vec<char> = chars[..first_at + 1].to_vec();
    moved.extend(chars[last_at..].iter().copied());
    moved.push(tone);
    moved.into_iter().collect()
}

fn collator() -> Option<&'static CollatorBorrowed<'static>> {
    static COLLATOR: OnceLock<Option<CollatorBorrowed<'static>>> = OnceLock::new();
    COLLATOR
        .get_or_init(|| Collator::try_new(locale!("vi").into(), CollatorOptions::default()).ok())
        .as_ref()
}

/// Vietnamese order (CLDR/ICU `vi`): the 29 letters with ă, â, đ, ê, ô, ơ, ư as letters of
/// their own, tones breaking ties. Never code-point order. The two tone placements are the
/// same name ([`tones_on_last_vowel`]): "Hòa" and "Hoà" are equal.
pub fn compare_vi(a: &str, b: &str) -> Ordering {
    match collator() {
        Some(collator) => collator.compare(&tones_on_last_vowel(a), &tones_on_last_vowel(b)),
        // The collation data is compiled into the binary; this branch only guards against
        // a build without it, keeping a total order.
        None => a.cmp(b),
    }
}

/// The characters that make a spreadsheet program read a cell as a formula (OWASP, "CSV
/// injection"): a field "=HYPERLINK(…)" from a hostile file must stay text.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// The text as a CSV cell that no spreadsheet program runs: a leading formula character gets
/// an apostrophe before it.
pub fn neutralise_formula(text: &str) -> std::borrow::Cow<'_, str> {
    match text.chars().next() {
        Some(first) if FORMULA_STARTS.contains(&first) => format!("'{text}").into(),
        _ => text.into(),
    }
}

/// The text of a cell as typed, without the apostrophe [`neutralise_formula`] added: a CSV
/// the app exported imports back as it was.
pub fn without_formula_guard(text: &str) -> &str {
    match text.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_STARTS) => rest,
        _ => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_old_and_the_new_tone_placement_are_the_same_name() {
        for (old, new) in [
            ("Hòa", "Hoà"),
            ("Thủy", "Thuỷ"),
            ("Khỏe", "Khoẻ"),
            ("Lê Thị Hóa", "Lê Thị Hoá"),
            ("HÒA", "HOÀ"),
            ("Thụy", "Thuỵ"),
        ] {
            assert_eq!(tones_on_last_vowel(old), tones_on_last_vowel(new), "{old}");
            assert_eq!(compare_vi(old, new), Ordering::Equal, "{old}");
        }
        // Other words keep their tone where it is.
        for word in [
            "Hoàng", "Quý", "Thuý", "Hòn", "Tuấn", "Thơ", "Hồa", "a", "", "Xoan",
        ] {
            assert_eq!(tones_on_last_vowel(word), clean(word), "{word}");
        }
        // Different names stay different, in Vietnamese order.
        assert_eq!(compare_vi("Hoà", "Hoà"), Ordering::Equal);
        assert_eq!(compare_vi("Hòa", "Hóa"), compare_vi("Hoà", "Hoá"));
        assert_ne!(compare_vi("Hòa", "Hóa"), Ordering::Equal);
        assert_eq!(compare_vi("Thủy", "Tuấn"), Ordering::Less);
    }

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

    #[test]
    fn a_formula_is_neutralised_for_csv_and_reads_back_as_typed() {
        assert_eq!(
            neutralise_formula("=HYPERLINK(\"x\")"),
            "'=HYPERLINK(\"x\")"
        );
        assert_eq!(neutralise_formula("+84912345678"), "'+84912345678");
        assert_eq!(neutralise_formula("@cmd"), "'@cmd");
        assert_eq!(neutralise_formula("Nguyễn Văn A"), "Nguyễn Văn A");
        assert_eq!(neutralise_formula(""), "");
        for text in ["=1+1", "-5", "\tx", "Hoa", "'quoted", ""] {
            assert_eq!(without_formula_guard(&neutralise_formula(text)), text);
        }
    }
}
