//! Character classes: which code points belong to a word, which are invisible
//! controls, and which marks are deleted by folding.
//!
//! Everything here is a plain `match` on code point ranges, so the rules read
//! like the table in the project's Arabic notes and cost no Unicode tables.

/// Invisible format and bidi controls: deleted before tokenizing, so a trailing
/// RLM does not stick to a word and a ZWNJ inside a word does not split it.
pub fn is_format_control(c: char) -> bool {
    matches!(c,
        '\u{00AD}'                 // soft hyphen
        | '\u{061C}'               // Arabic letter mark
        | '\u{200B}'..='\u{200F}'  // ZWSP, ZWNJ, ZWJ, LRM, RLM
        | '\u{202A}'..='\u{202E}'  // bidi embeddings and overrides
        | '\u{2060}'..='\u{2069}'  // word joiner, bidi isolates
        | '\u{FEFF}'               // BOM / zero-width no-break space
    )
}

/// Marks deleted by folding: harakat, madda and hamza marks, dagger alef,
/// Quranic annotations. These never split a word.
pub fn is_arabic_mark(c: char) -> bool {
    matches!(c,
        '\u{0610}'..='\u{061A}'    // honorifics and small Quranic marks
        | '\u{064B}'..='\u{065F}'  // harakat, madda, hamza above/below, other marks
        | '\u{0670}'               // superscript (dagger) alef
        | '\u{06D6}'..='\u{06DC}'  // Quranic pause marks
        | '\u{06DF}'..='\u{06E8}'  // Quranic small letters and marks
        | '\u{06EA}'..='\u{06ED}'
        | '\u{08D3}'..='\u{08FF}'  // extended Arabic marks
    )
}

/// Combining marks of other scripts (Latin accents, Hebrew points): kept inside
/// the word they decorate so a decomposed "é" is not a word break.
fn is_other_combining_mark(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{0483}'..='\u{0489}'
        | '\u{0591}'..='\u{05C7}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE20}'..='\u{FE2F}'
    )
}

/// Quranic symbols that stand between words (end of ayah, rub el hizb, place of
/// sajdah): separators, although Unicode calls some of them letters.
fn is_quranic_symbol(c: char) -> bool {
    matches!(c, '\u{06DD}' | '\u{06DE}' | '\u{06E9}')
}

/// Presentation forms that NFKC turns into "space + mark": isolated harakat
/// (even code points of U+FE70–FE7F) and the shadda ligatures U+FC5E–FC63.
/// Normalizing them would split a word in two, so they are dropped first.
pub fn is_spacing_mark_form(c: char) -> bool {
    let u = c as u32;
    ((0xFE70..=0xFE7F).contains(&u) && u.is_multiple_of(2)) || (0xFC5E..=0xFC63).contains(&u)
}

/// Does `c` belong inside a word? Letters, digits, marks and tatweel do;
/// spaces, punctuation and symbols do not.
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    // The common case first: letters, marks and digits of the basic Arabic
    // block (Unicode's tables are slow to search for them).
    if matches!(c, '\u{0621}'..='\u{065F}' | '\u{0660}'..='\u{0669}' | '\u{0670}'..='\u{06D3}') {
        return true;
    }
    !is_quranic_symbol(c)
        && (c.is_alphanumeric() || is_arabic_mark(c) || is_other_combining_mark(c) || is_spacing_mark_form(c))
}

/// Is `c` a letter of the Arabic script (after folding)? Stemming applies only
/// to words made of these.
pub fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0620}'..='\u{064A}' | '\u{066E}'..='\u{06D3}' | '\u{06FA}'..='\u{06FF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_chars() {
        for c in ['ب', 'ـ', 'َ', 'ّ', '٣', '۳', 'a', 'Z', '7', 'é', '\u{0301}', 'ﻷ', '\u{FE70}'] {
            assert!(is_word_char(c), "{c:?} should be a word char");
        }
        for c in [' ', '،', '؛', '&', '“', '•', '-', '\u{06DD}', '\u{06DE}', '\u{06E9}', '\u{200F}'] {
            assert!(!is_word_char(c), "{c:?} should separate words");
        }
    }

    #[test]
    fn spacing_mark_forms() {
        assert!(is_spacing_mark_form('\u{FE70}'));
        assert!(is_spacing_mark_form('\u{FE7E}'));
        assert!(!is_spacing_mark_form('\u{FE71}'), "odd code points are tatweel forms");
        assert!(is_spacing_mark_form('\u{FC60}'));
        assert!(!is_spacing_mark_form('\u{FEF7}'), "lam-alef ligature is a letter pair");
    }
}
