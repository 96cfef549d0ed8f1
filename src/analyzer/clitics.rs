//! Clitics: the conjunctions, prepositions and article glued to the front of
//! an Arabic word (و ف, ب ك ل, ال, and stacks such as وال بال لل وبال).
//!
//! Stripping is ambiguous: the و of وزير is part of the word, the و of وبلينكن
//! is "and". Rather than guess, [`stripped_forms`] returns every plausible
//! reading (the word itself included); the index stores all of them and a
//! query matches if any reading of its word equals any reading of a document
//! word. Length guards keep short words whole.

use super::chars::is_arabic_letter;

/// Every clitic stack: an optional conjunction (و ف), an optional
/// preposition (ب ك ل) and an optional article (ال; ل + ال is written لل),
/// with whether it ends in the article.
#[rustfmt::skip]
const STACKS: [(&str, bool); 23] = [
    ("و", false), ("ف", false), ("ب", false), ("ك", false), ("ل", false),
    ("وب", false), ("وك", false), ("ول", false), ("فب", false), ("فك", false), ("فل", false),
    ("ال", true), ("بال", true), ("كال", true), ("لل", true),
    ("وال", true), ("وبال", true), ("وكال", true), ("ولل", true),
    ("فال", true), ("فبال", true), ("فكال", true), ("فلل", true),
];

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
    for (stack, article) in STACKS {
        let Some(rest) = word.strip_prefix(stack) else { continue };
        let min = if article { MIN_AFTER_ARTICLE } else { MIN_AFTER_PARTICLE };
        if rest.chars().count() >= min && !forms.iter().any(|f| f == rest) {
            forms.push(rest.to_string());
        }
    }
    crate::sort::sort_by(&mut forms, &|a, b| a.len() > b.len());
    forms
}

/// Is `form` a reading that still carries the article, among `forms` that
/// also hold it without (القران among القران, قران)? Such a reading is not
/// stemmed: its stem would keep the article and meet unrelated words (القران
/// → القر, the stem of القرون and القرى).
pub fn carries_article(form: &str, forms: &[String]) -> bool {
    STACKS
        .iter()
        .filter(|(_, article)| *article)
        .filter_map(|(stack, _)| form.strip_prefix(stack))
        .any(|rest| forms.iter().any(|f| f == rest))
}

/// Documents a two-letter word must be in for [`short_remainders`] to
/// read it behind a clitic: a word of the corpus, not a stray pair.
pub const MIN_SHORT_WORD_DOCS: u32 = 2;

/// The two-letter words a word may be once a conjunction or preposition is
/// removed (برب → رب, وأب → اب), too short for [`stripped_forms`] to
/// guess. The caller keeps those that are words of the corpus, in at least
/// [`MIN_SHORT_WORD_DOCS`] documents: the index builder with its vocabulary,
/// a query with the index's dictionary. A two-letter word keeps its letters
/// (بر stays بر).
///
/// ```
/// use bahth::analyzer::clitics::short_remainders;
/// assert_eq!(short_remainders("برب"), ["رب"]);
/// assert_eq!(short_remainders("وبرب"), ["رب"]);
/// assert!(short_remainders("بر").is_empty());
/// assert!(short_remainders("ربنا").is_empty()); // not a clitic
/// ```
pub fn short_remainders(word: &str) -> Vec<&str> {
    if !word.chars().all(is_arabic_letter) {
        return Vec::new();
    }
    STACKS
        .iter()
        .filter(|(_, article)| !article)
        .filter_map(|(stack, _)| word.strip_prefix(stack))
        .filter(|rest| rest.chars().count() == MIN_AFTER_PARTICLE - 1)
        .collect()
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
