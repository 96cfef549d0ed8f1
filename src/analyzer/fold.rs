//! Folding: one token's characters mapped to the form that is indexed.
//!
//! Two strengths are produced. The *surface* form is what NFKC makes of the
//! token, minus invisible controls, with Latin lowercased: an exact match on it
//! is the strongest evidence. The *folded* form also deletes marks and tatweel
//! and maps letter and digit variants to one letter, so a reader who types
//! without vowels, with a Persian keyboard or with Arabic-Indic digits matches.

use super::chars::{is_arabic_mark, is_format_control, is_spacing_mark_form};
use super::compat::normalize;

/// NFKC (see [`super::compat`]), without the pieces that NFKC would mangle or
/// that must never count; lowercased.
pub fn surface(token: &str) -> String {
    let kept: String = token.chars().filter(|&c| !is_spacing_mark_form(c) && !is_format_control(c)).collect();
    normalize(&kept).chars().map(lowercase).collect()
}

/// Lowercases Latin (Basic, Latin-1, Extended-A), Greek and Cyrillic
/// letters, the scripts mixed into Arabic text; other characters are kept.
/// (The standard library's full table would add 5 KB to the gzipped module.)
pub fn lowercase(c: char) -> char {
    let u = c as u32;
    let lower = match u {
        0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE | 0x391..=0x3A1 | 0x3A3..=0x3AB | 0x410..=0x42F => u + 32,
        0x400..=0x40F => u + 80,
        0x130 => 0x69, // İ
        0x178 => 0xFF, // Ÿ
        0x100..=0x137 | 0x14A..=0x177 if u.is_multiple_of(2) => u + 1,
        0x139..=0x148 | 0x179..=0x17E if !u.is_multiple_of(2) => u + 1,
        0x460..=0x481 | 0x48A..=0x4BF | 0x4D0..=0x52F if u.is_multiple_of(2) => u + 1,
        _ => u,
    };
    char::from_u32(lower).unwrap_or(c)
}

/// The spelling of a surface form: its letters as written, with the vowels
/// and other marks and the tatweel removed (what [`Level::Surface`]
/// compares: vowelled text is matched by what readers type, unvowelled).
///
/// [`Level::Surface`]: super::Level::Surface
pub fn spelling(surface: &str) -> String {
    surface.chars().filter(|&c| !is_arabic_mark(c) && c != TATWEEL).collect()
}

const TATWEEL: char = '\u{0640}';

/// Maps one character of a surface form to its folded form (`None`: delete).
pub fn fold_char(c: char) -> Option<char> {
    if is_arabic_mark(c) || is_format_control(c) {
        return None;
    }
    Some(match c {
        TATWEEL => return None,
        'آ' | 'أ' | 'إ' | 'ٱ' | 'ٲ' | 'ٳ' | 'ٵ' => 'ا',
        'ى' | 'ئ' | 'ی' | 'ے' | 'ې' | 'ۍ' | 'ێ' => 'ي',
        'ؤ' | 'ۅ' | 'ۆ' | 'ۇ' | 'ۈ' | 'ۉ' | 'ۋ' => 'و',
        'ة' | 'ہ' | 'ۀ' | 'ۃ' | 'ە' | 'ھ' => 'ه',
        'ک' | 'ڪ' => 'ك',
        '٠'..='٩' => char::from(b'0' + (c as u32 - '٠' as u32) as u8),
        '۰'..='۹' => char::from(b'0' + (c as u32 - '۰' as u32) as u8),
        _ => c,
    })
}

/// The folded form of a surface form.
pub fn fold(surface: &str) -> String {
    surface.chars().filter_map(fold_char).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Folds a raw token the way the analyzer does: surface first, then fold.
    fn f(raw: &str) -> String {
        fold(&surface(raw))
    }

    /// One row per line of the project's Arabic notes (shared/ARABIC.md).
    #[test]
    fn arabic_notes_table() {
        let rows: &[(&str, &str, &str)] = &[
            ("harakat U+064B-0652", "السُّورِيُّ", "السوري"),
            ("tanween", "هاتفياً", "هاتفيا"),
            ("madda/hamza marks U+0653-065F", "ا\u{0653}ب\u{0654}\u{0655}\u{065F}", "اب"),
            ("dagger alef U+0670", "ٱلرَّحۡمَٰنِ", "الرحمن"),
            ("Quranic marks U+0610-061A", "صلى\u{0610}", "صلي"),
            ("Quranic marks U+06D6-06ED", "الكتب\u{06D6}\u{06E1}", "الكتب"),
            ("Quranic marks U+08D3-08FF", "قال\u{08F0}", "قال"),
            ("tatweel", "عـــربي", "عربي"),
            ("alef madda", "آخر", "اخر"),
            ("alef hamza above", "أعلنت", "اعلنت"),
            ("alef hamza below", "إيران", "ايران"),
            ("alef wasla", "ٱلكتاب", "الكتاب"),
            ("alef maksura", "إلى", "الي"),
            ("teh marbuta", "وزارة", "وزاره"),
            ("hamza on waw", "مؤتمر", "موتمر"),
            ("hamza on yeh", "رئيس", "رييس"),
            ("Persian yeh", "سوریا", "سوريا"),
            ("Urdu yeh barree", "سورے", "سوري"),
            ("keheh", "کتاب", "كتاب"),
            ("heh goal", "مدرسہ", "مدرسه"),
            ("heh with yeh", "خانۀ", "خانه"),
            ("Arabic-Indic digits", "٢٠٢٤", "2024"),
            ("Persian digits", "۲۰۱۵", "2015"),
            ("lam-alef ligature", "اﻷوضاع", "الاوضاع"),
            ("presentation forms", "ﺑﺤﺚ", "بحث"),
            ("isolated harakat form dropped", "ب\u{FE76}ت", "بت"),
            ("shadda ligature dropped", "ب\u{FC60}ت", "بت"),
            ("format controls", "كتا\u{200C}ب\u{200F}", "كتاب"),
            ("bidi isolates", "\u{2067}عمان\u{2069}", "عمان"),
            ("Latin lowercased", "Logo", "logo"),
            ("fullwidth Latin", "ＬＯＧＯ", "logo"),
        ];
        for (what, raw, want) in rows {
            assert_eq!(f(raw), *want, "{what}: {raw}");
        }
    }

    #[test]
    fn lowercase_agrees_with_the_standard_library_where_it_applies() {
        let ranges = [(0x20, 0x24F), (0x370, 0x3FF), (0x400, 0x52F)];
        let mut changed = 0;
        for c in ranges.iter().flat_map(|&(a, b)| (a..=b).filter_map(char::from_u32)) {
            let std: Vec<char> = c.to_lowercase().collect();
            let ours = lowercase(c);
            if ours != c {
                changed += 1;
                assert!(std[0] == ours, "U+{:04X}: {ours:?}, std {std:?}", c as u32);
            } else if std != [c] {
                // Left alone: outside the ranges handled (Latin Extended-B,
                // accented Greek capitals, rare Cyrillic).
                assert!(
                    matches!(c as u32, 0x180..=0x24F | 0x370..=0x390 | 0x3CF..=0x3FF | 0x4C0..=0x4CF),
                    "U+{:04X}",
                    c as u32
                );
            }
        }
        assert!(changed > 250, "{changed}");
        let pairs = [
            ('A', 'a'),
            ('É', 'é'),
            ('Ā', 'ā'),
            ('Ÿ', 'ÿ'),
            ('İ', 'i'),
            ('Ω', 'ω'),
            ('Ж', 'ж'),
            ('Ё', 'ё'),
            ('آ', 'آ'),
        ];
        for (upper, lower) in pairs {
            assert_eq!(lowercase(upper), lower);
        }
    }

    #[test]
    fn spelling_drops_vowels_and_tatweel_keeps_letters() {
        assert_eq!(spelling(&surface("السُّوريُّ")), "السوري");
        assert_eq!(spelling(&surface("أَعْلَنَتْ")), "أعلنت");
        assert_eq!(spelling(&surface("عـــربيّة")), "عربية");
        assert_eq!(spelling(&surface("إِلَى")), "إلى");
    }

    #[test]
    fn surface_keeps_vowels_and_hamza() {
        assert_eq!(surface("السُّوري"), "السُّوري");
        assert_eq!(surface("أعلنت\u{200F}"), "أعلنت");
        // NFKC composes alef + hamza above into one letter.
        assert_eq!(surface("ا\u{0654}"), "أ");
    }
}
