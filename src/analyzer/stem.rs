//! Light stemming: suffixes of plural, dual, feminine, nisba and pronouns.
//!
//! A light10-style stemmer (Larkey et al.), chosen over Snowball because it
//! treats a word the same with or without its clitics, which Snowball does not
//! (المكتبات → مكتب but مكتبات → مكتبا). It works on folded text, so ة is
//! already ه and ى is ي. Words keep at least [`MIN_STEM`] letters.

use super::chars::is_arabic_letter;

/// Suffixes, longest first so the longest match wins.
const SUFFIXES: [&str; 17] = [
    "هما", "كما", "يون", "يين", "يات", // pronouns, nisba plurals
    "ها", "هم", "كم", "نا", "ان", "ات", "ون", "ين", "يه", // pronouns, dual, plurals, nisba ية
    "ه", "ي", "ا", // ة and the pronoun ه, nisba ي, tanween alef and dual verbs
];

/// Letters a stem keeps: three-letter roots survive.
pub const MIN_STEM: usize = 3;

/// Suffixes after which a final ت was a teh marbuta (زيارتها → زيارة,
/// الدولتين → دولة): it is dropped too.
const BEFORE_TEH: [&str; 9] = ["ها", "هم", "هما", "كم", "نا", "ه", "ي", "ين", "ان"];

/// The stem of a folded, clitic-stripped word. Non-Arabic words are returned
/// unchanged.
///
/// ```
/// use bahth::analyzer::stem;
/// assert_eq!(stem("تغريدات"), "تغريد");
/// assert_eq!(stem("تغريده"), "تغريد");
/// assert_eq!(stem("بين"), "بين");
/// ```
pub fn stem(word: &str) -> String {
    let mut stem = word;
    if !stem.chars().all(is_arabic_letter) {
        return stem.to_string();
    }
    for _ in 0..3 {
        let len = stem.chars().count();
        let Some(suffix) = SUFFIXES.iter().find(|s| stem.ends_with(*s) && len - s.chars().count() >= MIN_STEM) else {
            break;
        };
        stem = &stem[..stem.len() - suffix.len()];
        if BEFORE_TEH.contains(suffix) && stem.ends_with('ت') && stem.chars().count() > MIN_STEM {
            stem = &stem[..stem.len() - 'ت'.len_utf8()];
        }
    }
    stem.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stem_rows() {
        let rows: &[(&str, &str, &str)] = &[
            ("plural ات", "تغريدات", "تغريد"),
            ("feminine ة (folded ه)", "تغريده", "تغريد"),
            ("plural ون", "مسوولون", "مسوول"),
            ("plural ين", "مسوولين", "مسوول"),
            ("dual ان", "وزيران", "وزير"),
            ("dual feminine تين", "دولتين", "دول"),
            ("nisba ي", "سوري", "سور"),
            ("nisba ية", "سوريه", "سور"),
            ("country alef", "سوريا", "سور"),
            ("tanween alef", "هاتفيا", "هاتف"),
            ("dual verb", "بحثا", "بحث"),
            ("pronoun ها", "زيارتها", "زيار"),
            ("pronoun هم", "رسايلهم", "رسايل"),
            ("pronoun نا", "بلادنا", "بلاد"),
            ("nisba plural يين", "خليجيين", "خليج"),
            ("short word survives", "بين", "بين"),
            ("short word survives ه", "مره", "مره"),
            ("three letters kept", "عمان", "عمان"),
            ("Latin untouched", "logos", "logos"),
            ("digits untouched", "2015", "2015"),
        ];
        for (what, word, want) in rows {
            assert_eq!(stem(word), *want, "{what}: {word}");
        }
    }
}
