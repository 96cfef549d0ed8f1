//! Clitics: the conjunctions, prepositions and article glued to the front of
//! an Arabic word (و ف, ب ك ل, ال, and stacks such as وال بال لل وبال).
//!
//! Stripping is ambiguous: the و of وزير is part of the word, the و of وبلينكن
//! is "and". Rather than guess, [`stripped_forms`] returns every plausible
//! reading (the word itself included); the index stores all of them and a
//! query matches if any reading of its word equals any reading of a document
//! word. Length guards keep short words whole.

use super::chars::is_arabic_letter;

const CONJUNCTIONS: [&str; 3] = ["", "و", "ف"];
const PREPOSITIONS: [&str; 4] = ["", "ب", "ك", "ل"];

/// Letters a word must keep after the article is stripped (الدم → دم).
const MIN_AFTER_ARTICLE: usize = 2;
/// Letters a word must keep after a bare conjunction or preposition.
const MIN_AFTER_PARTICLE: usize = 3;

/// The word and each of its clitic-stripped readings, longest first, without
/// duplicates. Words that are not all Arabic letters are returned alone.
///
/// ```
/// use bahth::analyzer::stripped_forms;
/// assert_eq!(stripped_forms("والعلاقات"), ["والعلاقات", "العلاقات", "علاقات"]);
/// assert_eq!(stripped_forms("وزير"), ["وزير", "زير"]);
/// assert_eq!(stripped_forms("ولد"), ["ولد"]);
/// ```
pub fn stripped_forms(word: &str) -> Vec<String> {
    let mut forms = vec![word.to_string()];
    if !word.chars().all(is_arabic_letter) {
        return forms;
    }
    for conj in CONJUNCTIONS {
        for prep in PREPOSITIONS {
            for article in [false, true] {
                let prefix = match (prep, article) {
                    ("ل", true) => format!("{conj}لل"), // ل + ال is written لل
                    (_, true) => format!("{conj}{prep}ال"),
                    (_, false) => format!("{conj}{prep}"),
                };
                let Some(rest) = word.strip_prefix(prefix.as_str()) else {
                    continue;
                };
                let min = if article {
                    MIN_AFTER_ARTICLE
                } else {
                    MIN_AFTER_PARTICLE
                };
                if !prefix.is_empty()
                    && rest.chars().count() >= min
                    && !forms.iter().any(|f| f == rest)
                {
                    forms.push(rest.to_string());
                }
            }
        }
    }
    forms.sort_by_key(|f| std::cmp::Reverse(f.len()));
    forms
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clitic_rows() {
        let rows: &[(&str, &[&str])] = &[
            ("البوسعيدي", &["البوسعيدي", "بوسعيدي"]),
            ("وبلينكن", &["وبلينكن", "بلينكن", "لينكن"]),
            ("للاسد", &["للاسد", "لاسد", "اسد"]),
            ("فالعلاقات", &["فالعلاقات", "العلاقات", "علاقات"]),
            ("بالامن", &["بالامن", "الامن", "امن"]),
            ("كالبحر", &["كالبحر", "البحر", "بحر"]),
            ("وللسلام", &["وللسلام", "للسلام", "لسلام", "سلام"]),
            ("وبالعلاقات", &["وبالعلاقات", "بالعلاقات", "العلاقات", "علاقات"]),
            ("الدم", &["الدم", "دم"]),
            ("وزير", &["وزير", "زير"]),
            ("بحث", &["بحث"]), // too short to lose a letter
            ("ال", &["ال"]),
            ("و", &["و"]),
            ("logo", &["logo"]),
            ("2015", &["2015"]),
        ];
        for (word, want) in rows {
            assert_eq!(stripped_forms(word), *want, "{word}");
        }
    }
}
