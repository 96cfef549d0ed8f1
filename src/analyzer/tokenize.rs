//! Tokenizing: finds the words of a text and remembers where each one stands
//! in the ORIGINAL string, so highlights can be drawn over what the author
//! wrote, diacritics and all.

use super::chars::{is_format_control, is_word_char};
use super::fold::{fold, surface};

/// One word of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte range of the word in the original text.
    pub start: usize,
    pub end: usize,
    /// NFKC form, lowercased, controls removed; vowels and hamza kept.
    pub surface: String,
    /// Marks deleted, letters and digits folded: what is normally searched.
    pub folded: String,
}

/// Splits `text` into tokens.
///
/// A word is a run of letters, digits and marks; invisible format controls
/// inside a run do not end it (a ZWNJ inside a word), but are never part of
/// a token's edges (a trailing RLM is not highlighted). A token that folds to
/// nothing (marks only) is dropped.
///
/// ```
/// let tokens = bahth::analyzer::tokenize("السُّوري، وإيران");
/// let words: Vec<_> = tokens.iter().map(|t| t.folded.as_str()).collect();
/// assert_eq!(words, ["السوري", "وايران"]);
/// assert_eq!((tokens[0].start, tokens[0].end), (0, 16)); // the vowelled bytes
/// ```
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    for (start, end) in runs(text) {
        for (surface, folded) in parts(&text[start..end]) {
            tokens.push(Token { start, end, surface, folded });
        }
    }
    tokens
}

/// Runs of word characters: (start, end) byte ranges. Invisible format
/// controls inside a run do not end it, and are never at its edges.
pub fn runs(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let mut run: Option<(usize, usize)> = None; // (start, end of last word char)
        while let Some(&(i, c)) = chars.peek() {
            if is_word_char(c) {
                let end = i + c.len_utf8();
                run = Some(run.map_or((i, end), |(start, _)| (start, end)));
            } else if !is_format_control(c) && run.is_some() {
                return run;
            }
            chars.next();
        }
        run
    })
}

/// Characters of a word that are analyzed and indexed: a longer run (a
/// pasted hash, a run of letters with no space) is searchable by its first
/// ones, and costs no more than a long word to index or look up.
pub const MAX_WORD_CHARS: usize = 64;

/// Analyzes one word: its (surface, folded) tokens, each at most
/// [`MAX_WORD_CHARS`] long. NFKC can turn a single ligature into several
/// words (U+FDFA): each becomes a token over the same original range. A part
/// that folds to nothing (marks only) is dropped.
pub fn parts(word: &str) -> Vec<(String, String)> {
    surface(word)
        .split(|c: char| !is_word_char(c))
        .map(|part| (first_chars(part).to_string(), first_chars(&fold(part)).to_string()))
        .filter(|(_, folded)| !folded.is_empty())
        .collect()
}

/// How many tokens [`parts`] makes of a run, without building them: a run
/// of plain letters and digits, vowelled or not (nearly every word), is one
/// token; anything else is counted by analyzing it. Rebuilding an excerpt
/// counts every run of its document.
pub fn token_count(run: &str) -> usize {
    let letter = |c: char| c.is_ascii_alphanumeric() || matches!(c, '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}');
    let vowel = |c: char| matches!(c, '\u{064B}'..='\u{0652}');
    if run.chars().all(|c| letter(c) || vowel(c)) && run.chars().any(letter) {
        1
    } else {
        parts(run).len()
    }
}

fn first_chars(text: &str) -> &str {
    text.char_indices().nth(MAX_WORD_CHARS).map_or(text, |(end, _)| &text[..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<(String, &str)> {
        tokenize(text).into_iter().map(|t| (t.folded, &text[t.start..t.end])).collect()
    }

    #[test]
    fn a_giant_word_is_analyzed_by_its_first_characters() {
        let text = format!("مقدمة {} خاتمة", "بحث".repeat(300_000));
        let tokens = tokenize(&text);
        assert_eq!(tokens.len(), 3);
        assert_eq!(tokens[1].folded, "بحث".repeat(22)[..MAX_WORD_CHARS * 2]);
        assert_eq!((tokens[1].start, tokens[1].end), (11, 11 + 1_800_000), "highlighted whole");
    }

    #[test]
    fn token_count_is_the_number_of_parts() {
        let seeds: String = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds"))
            .unwrap()
            .map(|entry| std::fs::read_to_string(entry.unwrap().path()).unwrap())
            .collect();
        let text = seeds + " بِسْمِ اللَّهِ ٱلرَّحْمَٰنِ ﷺ ﷽ ﻻ ـــ َُ word2 ABC مـحـمـد لأ‌ن";
        let mut runs_seen = 0;
        for (start, end) in runs(&text) {
            let run = &text[start..end];
            assert_eq!(token_count(run), parts(run).len(), "{run}");
            runs_seen += 1;
        }
        assert!(runs_seen > 1700, "{runs_seen} runs");
    }

    #[test]
    fn keeps_original_ranges() {
        let text = "قال السُّوريُّ: نعم";
        let got = words(text);
        assert_eq!(got[1], ("السوري".to_string(), "السُّوريُّ"));
        assert_eq!(got.len(), 3);
    }

    #[test]
    fn never_splits_at_a_mark_or_tatweel() {
        let got = words("مُحَمَّدٌ عـــربي");
        assert_eq!(got, [("محمد".into(), "مُحَمَّدٌ"), ("عربي".into(), "عـــربي")]);
    }

    #[test]
    fn format_controls_join_inside_and_trim_at_edges() {
        let got = words("\u{200F}كتا\u{200C}ب\u{200F} و");
        assert_eq!(got, [("كتاب".into(), "كتا\u{200C}ب"), ("و".into(), "و")]);
    }

    #[test]
    fn punctuation_and_stray_ampersand_separate_words() {
        let got: Vec<String> = words("سوريا&على (تويتر)، “الأمن” • 2015-2024").into_iter().map(|w| w.0).collect();
        assert_eq!(got, ["سوريا", "علي", "تويتر", "الامن", "2015", "2024"]);
    }

    #[test]
    fn quranic_symbols_separate_words() {
        let got: Vec<String> = words("الرحيم\u{06DD}الحمد").into_iter().map(|w| w.0).collect();
        assert_eq!(got, ["الرحيم", "الحمد"]);
    }

    #[test]
    fn marks_only_and_punctuation_only_give_nothing() {
        assert!(tokenize("َ ُ ّ").is_empty());
        assert!(tokenize("؟!،.. — ").is_empty());
        assert!(tokenize("").is_empty());
    }

    #[test]
    fn ligature_expanding_to_words() {
        let got = tokenize("ﷺ");
        assert!(got.len() > 1, "U+FDFA is a phrase after NFKC");
        assert!(got.iter().all(|t| (t.start, t.end) == (0, 3)));
    }

    #[test]
    fn latin_and_digits() {
        let got: Vec<String> = words("Logo ٢٠١٥ iPhone15").into_iter().map(|w| w.0).collect();
        assert_eq!(got, ["logo", "2015", "iphone15"]);
    }
}
