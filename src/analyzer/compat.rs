//! Compatibility normalization for Arabic text: the part of NFKC that search
//! needs, without the tables of all of Unicode.
//!
//! Full NFKC (unicode-normalization) adds 62 KB of gzipped wasm, twice the
//! seeds' whole index, to every reader's download. Arabic text needs three
//! of its effects:
//!
//! 1. presentation forms and ligatures (ﻷ ﺑ ﷲ) and fullwidth/halfwidth forms
//!    become ordinary letters: [`FORMS`](super::compat_table::FORMS), the
//!    NFKC of every code point of [`COMPAT_BLOCKS`], generated from
//!    unicode-normalization by `cargo run --example gen_compat`;
//! 2. alef, waw, yeh and heh followed by a combining madda or hamza compose
//!    into one letter (ا + ٔ → أ), as NFC does;
//! 3. runs of Arabic marks are put in canonical order (shadda + fatha and
//!    fatha + shadda are the same spelling).
//!
//! The tests check all three against unicode-normalization.

use super::compat_table::{FORMS, RANGES};

/// Blocks whose NFKC mappings are applied.
pub const COMPAT_BLOCKS: &[(u32, u32)] = &[
    (0x0600, 0x06FF), // Arabic (e.g. ٵ → اٴ)
    (0x0750, 0x077F), // Arabic Supplement
    (0x08A0, 0x08FF), // Arabic Extended-A
    (0xFB50, 0xFDFF), // Arabic Presentation Forms-A
    (0xFE70, 0xFEFF), // Arabic Presentation Forms-B
    (0xFF00, 0xFF60), // Fullwidth ASCII (not the halfwidth Katakana and Hangul after it)
];

/// The NFKC form of `c` if it differs from `c` (within [`COMPAT_BLOCKS`]).
pub fn decompose(c: char) -> Option<&'static str> {
    let u = c as u32;
    let mut index = 0;
    for &(first, count) in RANGES {
        let (first, count) = (first as u32, count as u32);
        if (first..first + count).contains(&u) {
            // Presentation forms are rare in real text: a scan is fast enough.
            // (A one-char array, not a `char`: see `query::parse`.)
            return FORMS.split(['\u{1}']).nth((index + u - first) as usize);
        }
        index += count;
    }
    None
}

/// NFC composition of a letter and a following combining madda/hamza.
fn compose(base: char, mark: char) -> Option<char> {
    Some(match (base, mark) {
        ('ا', '\u{0653}') => 'آ',
        ('ا', '\u{0654}') => 'أ',
        ('ا', '\u{0655}') => 'إ',
        ('و', '\u{0654}') => 'ؤ',
        ('ي', '\u{0654}') => 'ئ',
        ('ە', '\u{0654}') => 'ۀ',
        ('ہ', '\u{0654}') => 'ۂ',
        ('ے', '\u{0654}') => 'ۓ',
        _ => return None,
    })
}

/// Canonical combining class of the Arabic marks (0 for everything else).
fn combining_class(c: char) -> u8 {
    match c {
        '\u{064B}'..='\u{0652}' => 27 + (c as u32 - 0x064B) as u8, // tanween 27–29, harakat 30–32, shadda 33, sukun 34
        '\u{0670}' => 35,
        '\u{0655}' | '\u{0656}' | '\u{065C}' | '\u{065F}' => 220,
        '\u{0610}'..='\u{061A}' | '\u{0653}' | '\u{0654}' | '\u{0657}'..='\u{065B}' | '\u{065D}' | '\u{065E}' => 230,
        _ => 0,
    }
}

/// Applies the three steps to a string.
pub fn normalize(s: &str) -> String {
    let mut out: Vec<char> = Vec::with_capacity(s.len());
    for c in s.chars() {
        match decompose(c) {
            Some(form) => out.extend(form.chars()),
            None => out.push(c),
        }
    }
    // Canonical order: a stable sort of each run of marks by class.
    let mut i = 0;
    while i < out.len() {
        let run = out[i..].iter().take_while(|&&c| combining_class(c) != 0).count();
        crate::sort::sort_by(&mut out[i..i + run], &|&a, &b| combining_class(a) < combining_class(b));
        i += run.max(1);
    }
    // Composition: a starter absorbs a following madda/hamza unless a mark of
    // the same or higher class stands between them (blocked).
    let mut composed: Vec<char> = Vec::with_capacity(out.len());
    let mut starter: Option<usize> = None;
    let mut last_class = 0;
    for c in out {
        let class = combining_class(c);
        if let Some(s) = starter {
            if class != 0 && (last_class < class || composed.len() == s + 1) {
                if let Some(merged) = compose(composed[s], c) {
                    composed[s] = merged;
                    continue;
                }
            }
        }
        if class == 0 {
            starter = Some(composed.len());
        }
        last_class = class;
        composed.push(c);
    }
    composed.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    #[test]
    fn table_is_nfkc_for_every_code_point_of_the_blocks() {
        let mut checked = 0;
        for &(start, end) in COMPAT_BLOCKS {
            for c in (start..=end).filter_map(char::from_u32) {
                let want: String = c.to_string().nfkc().collect();
                assert_eq!(normalize(&c.to_string()), want, "U+{:04X}", c as u32);
                checked += 1;
            }
        }
        assert_eq!(checked, 1329, "every code point of the blocks");
    }

    #[test]
    fn sequences_match_nfkc() {
        for s in [
            "ا\u{0654}",
            "ا\u{0653}",
            "ي\u{0654}",
            "و\u{0654}",
            "ا\u{064E}\u{0654}", // fatha between: not blocked (different class)
            "بَّ",
            "بَّ",
            "مُحَمَّدٌ",
            "السُّوريُّ",
            "ٱلرَّحۡمَٰنِ",
            "اﻷوضاع",
            "ﷲ",
            "ＬＯＧＯ ２０２４",
            "ﻋﺮﺑﻲ",
        ] {
            let want: String = s.nfkc().collect();
            assert_eq!(normalize(s), want, "{s:?}");
        }
    }
}
