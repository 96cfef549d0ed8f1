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

/// The folded form of a surface form: its first [`reading`](readings).
pub fn fold(surface: &str) -> String {
    render(&pieces(surface), u32::MAX)
}

/// Every folded reading of a surface form, the [`fold`]ed one first.
///
/// Standard spelling folds to one reading. Uthmani (Quranic) spelling can
/// have more, because it writes a long ā that standard spelling sometimes
/// writes and sometimes does not:
///
/// - a dagger alef (U+0670) reads both as ا (ٱلۡكِتَٰبَ → الكتاب, as in
///   القيامة الإنسان) and deleted (ٱلرَّحۡمَٰنِ → الرحمن, as in هذا ذلك لكن
///   إله); a word with more than two gets the all-ا and the all-deleted
///   readings only;
/// - a word starting with the fused vocative يَٰ (يَٰمَرۡيَمُ) also reads
///   without it (مريم).
///
/// Single-reading rules: وٰ reads as ا (ٱلصَّلَوٰةَ → الصلاه), ىٰ as ى;
/// the small yeh U+06E6 is deleted after ه (بِهِۦ → به: the pronoun's
/// lengthening, written in 935 of its 957 uses in the Quran) and reads as ي
/// elsewhere (يُحۡيِۦ → يحيي), the small high yeh U+06E7 reads as ي
/// (إِبۡرَٰهِـۧمَ → ابرهيم / ابراهيم); the small waw U+06E5 is deleted
/// (دَاوُۥدَ → داود); a hamza on the line before alef inside a word reads
/// as آ (ٱلۡقُرۡءَانُ → القران).
///
/// ```
/// use bahth::analyzer::fold::readings;
/// assert_eq!(readings("ٱلۡكِتَٰبَ"), ["الكتاب", "الكتب"]);
/// assert_eq!(readings("يَٰمَرۡيَمُ"), ["يامريم", "يمريم", "مريم"]);
/// assert_eq!(readings("كتاب"), ["كتاب"]);
/// ```
pub fn readings(surface: &str) -> Vec<String> {
    let pieces = pieces(surface);
    let daggers = pieces.iter().filter(|p| matches!(p, Piece::Dagger)).count();
    // All read as ا first: that reading is the word's identity in the index
    // (ٱلۡكِتَٰبَ is الكتاب, not الكتب "the books"; يَٰقَوۡمِ is ياقوم, not the
    // verb يقوم).
    let all = u32::MAX;
    let masks: Vec<u32> = match daggers {
        0 => vec![0],
        1 | 2 => (0..1u32 << daggers).rev().collect(),
        _ => vec![all, 0],
    };
    let mut readings: Vec<String> = Vec::with_capacity(masks.len() + 2);
    for mask in masks {
        push_new(&mut readings, render(&pieces, mask));
    }
    if let Some(noun) = after_vocative(surface) {
        for reading in self::readings(noun) {
            push_new(&mut readings, reading);
        }
    }
    readings
}

fn push_new(list: &mut Vec<String>, item: String) {
    if !item.is_empty() && !list.contains(&item) {
        list.push(item);
    }
}

const DAGGER_ALEF: char = '\u{0670}';
const SMALL_YEH: char = '\u{06E6}';
const SMALL_HIGH_YEH: char = '\u{06E7}';

/// A folded character, or a dagger alef: a choice between nothing and ا.
#[derive(Clone, Copy, PartialEq)]
enum Piece {
    Letter(char),
    Dagger,
}

/// Folds a surface form into pieces, applying the Uthmani rules that read
/// one way only.
fn pieces(surface: &str) -> Vec<Piece> {
    let chars: Vec<char> = surface.chars().collect();
    let mut pieces: Vec<Piece> = Vec::with_capacity(chars.len());
    // The last character that is not a mark, and whether it came right
    // before the current one.
    let mut base: Option<char> = None;
    for (i, &c) in chars.iter().enumerate() {
        let adjacent = i > 0 && Some(chars[i - 1]) == base;
        match c {
            // وٰ: the waw is only a seat for the long ā (الصلوٰة).
            DAGGER_ALEF if adjacent && base == Some('و') => {
                if let Some(last) = pieces.last_mut() {
                    *last = Piece::Letter('ا');
                }
            }
            DAGGER_ALEF if base == Some('ى') => {}
            DAGGER_ALEF => pieces.push(Piece::Dagger),
            SMALL_YEH if base == Some('ه') => {}
            SMALL_YEH | SMALL_HIGH_YEH => pieces.push(Piece::Letter('ي')),
            // ءا inside a word is آ (القرءان ≡ القرآن).
            'ء' if next_letters(&chars[i + 1..]).take(2).count() == 2
                && next_letters(&chars[i + 1..]).next() == Some('ا') => {}
            _ => {
                if let Some(folded) = fold_char(c) {
                    pieces.push(Piece::Letter(folded));
                }
            }
        }
        if !is_arabic_mark(c) && c != TATWEEL {
            base = Some(c);
        }
    }
    pieces
}

/// The letters (not marks, not tatweel) in `chars`, in order.
fn next_letters(chars: &[char]) -> impl Iterator<Item = char> + '_ {
    chars.iter().copied().filter(|&c| !is_arabic_mark(c) && c != TATWEEL)
}

/// One reading of `pieces`: bit `k` of `mask` set reads the `k`th dagger
/// alef as ا (`u32::MAX`: all of them).
fn render(pieces: &[Piece], mask: u32) -> String {
    let mut daggers = 0;
    let mut reading = String::with_capacity(pieces.len() * 2);
    for piece in pieces {
        match piece {
            Piece::Letter(c) => reading.push(*c),
            Piece::Dagger => {
                if mask.checked_shr(daggers).unwrap_or(0) & 1 == 1 {
                    reading.push('ا');
                }
                daggers += 1;
            }
        }
    }
    reading
}

/// The noun after a fused vocative يَٰ (يَٰمَرۡيَمُ → مَرۡيَمُ), if it
/// keeps at least two letters.
fn after_vocative(surface: &str) -> Option<&str> {
    let rest = surface.strip_prefix('ي')?;
    let rest = rest.trim_start_matches(['\u{064E}', TATWEEL]).strip_prefix(DAGGER_ALEF)?;
    let rest = rest.trim_start_matches(|c: char| is_arabic_mark(c) || c == TATWEEL);
    (next_letters(&rest.chars().collect::<Vec<_>>()).count() >= 2).then_some(rest)
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
            ("dagger alef U+0670 (read as ا; deleted too)", "ٱلرَّحۡمَٰنِ", "الرحمان"),
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

    /// One row per Uthmani rule of the Arabic notes: the word as the Quran
    /// (npm quran-json) writes it, and all its readings, the folded first.
    #[test]
    fn uthmani_rules() {
        let rows: &[(&str, &str, &[&str])] = &[
            ("dagger alef, deleted or ا", "ٱلۡقِيَٰمَةِ", &["القيامه", "القيمه"]),
            ("dagger alef: الرحمن", "ٱلرَّحۡمَٰنِ", &["الرحمان", "الرحمن"]),
            ("dagger alef after tatweel", "ٱلۡمَلَـٰٓئِكَةُ", &["الملايكه", "المليكه"]),
            ("two dagger alefs: every combination", "ٱلسَّمَٰوَٰتِ", &["السماوات", "السموات", "السماوت", "السموت"]),
            (
                "three dagger alefs: none or all (the noun has two)",
                "يَٰهَٰمَٰنُ",
                &["ياهامان", "يهمن", "هامان", "همان", "هامن", "همن"],
            ),
            ("وٰ reads as ا", "ٱلصَّلَوٰةَ", &["الصلاه"]),
            ("وٰ: الزكاة", "وَءَاتُواْ ٱلزَّكَوٰةَ", &["واتوا الزكاه"]),
            ("وٰ: الحياة", "ٱلۡحَيَوٰةِ", &["الحياه"]),
            ("ىٰ reads as ى", "مُوسَىٰٓ", &["موسي"]),
            ("small high yeh reads as ي", "إِبۡرَٰهِـۧمَ", &["ابراهيم", "ابرهيم"]),
            ("small high yeh: النبيين", "ٱلنَّبِيِّـۧنَ", &["النبيين"]),
            ("small yeh reads as ي", "يُحۡيِۦ", &["يحيي"]),
            ("small yeh after ه is deleted", "بِهِۦٓ", &["به"]),
            ("small waw is deleted", "دَاوُۥدَ", &["داود"]),
            ("hamza before alef ≡ آ", "ٱلۡقُرۡءَانُ", &["القران"]),
            ("hamza before alef, first letter", "ءَامَنُواْ", &["امنوا"]),
            ("hamza before a final alef stays", "جُزۡءًا", &["جزءا"]),
            ("vocative يَٰ: also the noun", "يَٰمَرۡيَمُ", &["يامريم", "يمريم", "مريم"]),
            ("vocative يَٰٓ with madda", "يَٰٓأَيُّهَا", &["ياايها", "يايها", "ايها"]),
            ("vocative: ىٰ of the noun", "يَٰمُوسَىٰ", &["ياموسي", "يموسي", "موسي"]),
            (
                "vocative after a tatweel",
                "يَـٰٓإِبۡرَٰهِيمُ",
                &["ياابراهيم", "يابراهيم", "ياابرهيم", "يابرهيم", "ابراهيم", "ابرهيم"],
            ),
            ("no vocative without two letters after", "يَٰس", &["ياس", "يس"]),
            ("standard spelling: one reading", "القيامة", &["القيامه"]),
        ];
        for (what, raw, want) in rows {
            let got: Vec<String> = if raw.contains(' ') {
                vec![raw.split(' ').map(|w| fold(&surface(w))).collect::<Vec<_>>().join(" ")]
            } else {
                readings(&surface(raw))
            };
            assert_eq!(got, *want, "{what}: {raw}");
            assert_eq!(
                fold(&surface(raw.split(' ').next().unwrap_or(raw))),
                readings(&surface(raw.split(' ').next().unwrap_or(raw)))[0]
            );
        }
    }

    #[test]
    fn quranic_pause_and_section_signs() {
        // Pause marks (U+06D6–06DC) ride on the last letter and are deleted;
        // the end of ayah, rub el hizb and sajdah signs separate words.
        assert_eq!(f("ٱلۡعَٰلَمِينَ\u{06DA}"), "العالمين");
        assert_eq!(f("رَيۡبَۛ"), "ريب");
        let words: Vec<String> =
            super::super::tokenize("ٱلرَّحِيمِ ۝ ٱلۡحَمۡدُ ۞ ۩ فِيهِۚ").into_iter().map(|t| t.folded).collect();
        assert_eq!(words, ["الرحيم", "الحمد", "فيه"]);
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
