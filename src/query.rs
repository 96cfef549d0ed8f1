//! Query parsing: what the reader typed, turned into clauses.
//!
//! - Words are ANDed.
//! - `"…"` is a phrase (consecutive words after analysis); an unclosed quote
//!   runs to the end of the query, so a phrase being typed already works.
//! - `-word` or `-"phrase"` excludes documents.
//! - The last word is a *prefix* while it is being typed: when the query ends
//!   in a letter, not in a space or punctuation.
//! - At most [`MAX_QUERY_CHARS`] characters (cut before a word) and
//!   [`MAX_WORDS`] words are read, so any query runs in bounded time: a pasted
//!   megabyte costs what its first words cost.

use crate::analyzer::{analyze_word, tokenize, WordForms};

/// Words read from one query; the rest is ignored.
pub const MAX_WORDS: usize = 32;
/// Characters read from one query (room for [`MAX_WORDS`] long vowelled
/// words); a longer query is cut at the last space before.
pub const MAX_QUERY_CHARS: usize = 1000;

/// One analyzed query word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub forms: WordForms,
    /// Still being typed: also matches words that start with it.
    pub prefix: bool,
}

/// A unit of the query that a document either satisfies or not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Clause {
    Word(Word),
    Phrase(Vec<Word>),
}

impl Clause {
    pub fn words(&self) -> &[Word] {
        match self {
            Clause::Word(w) => std::slice::from_ref(w),
            Clause::Phrase(ws) => ws,
        }
    }
}

/// A parsed query.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    pub include: Vec<Clause>,
    pub exclude: Vec<Clause>,
}

impl Query {
    pub fn is_empty(&self) -> bool {
        self.include.is_empty()
    }
}

/// Parses a query.
///
/// ```
/// use bahth::query::{parse, Clause};
/// let q = parse("\"العلاقات الثنائية\" عمان -إيران");
/// assert_eq!(q.include.len(), 2);
/// assert!(matches!(q.include[0], Clause::Phrase(ref w) if w.len() == 2));
/// assert_eq!(q.exclude.len(), 1);
/// ```
pub fn parse(input: &str) -> Query {
    let (input, cut) = match input.char_indices().nth(MAX_QUERY_CHARS) {
        // Cut before the word the limit falls in (a word longer than the
        // limit is cut inside).
        Some((limit, _)) => {
            (input[..limit].rfind(char::is_whitespace).map_or(&input[..limit], |space| &input[..space]), true)
        }
        None => (input, false),
    };
    let mut query = Query::default();
    let mut words_left = MAX_WORDS;
    // Is the final word still being typed? Only if the query ends inside it
    // (and was not cut: more text followed).
    let typing_end = tokenize(input).last().filter(|t| t.end == input.len() && !cut).map(|t| t.start);

    let mut rest = input;
    let mut offset = 0; // of `rest` in `input`
    while let Some(start) = rest.find(|c: char| !c.is_whitespace()) {
        let (chunk_start, negated) = match rest[start..].strip_prefix('-') {
            Some(after) if after.starts_with(|c: char| !c.is_whitespace() && c != '-') => (start + 1, true),
            _ => (start, false),
        };
        let (body, consumed, is_phrase) = if let Some(after_quote) = rest[chunk_start..].strip_prefix('"') {
            // A one-char array, not a `char`: a `char` pattern searches with
            // `memchr`, whose code was 0.6 KB of the gzipped module (with
            // `analyzer::compat`'s, the module's only other one).
            let close = after_quote.find(['"']);
            let body_len = close.unwrap_or(after_quote.len());
            let consumed = chunk_start + 1 + body_len + usize::from(close.is_some());
            (&after_quote[..body_len], consumed, true)
        } else {
            let len = rest[chunk_start..].find(char::is_whitespace).unwrap_or(rest.len() - chunk_start);
            (&rest[chunk_start..chunk_start + len], chunk_start + len, false)
        };
        let body_offset = offset + (body.as_ptr() as usize - rest.as_ptr() as usize);

        let mut words: Vec<Word> = Vec::new();
        for token in tokenize(body).into_iter().take(words_left) {
            let prefix = !negated && typing_end == Some(body_offset + token.start);
            words.push(Word { forms: analyze_word(&token.surface, &token.folded), prefix });
        }
        words_left -= words.len();
        let target = if negated { &mut query.exclude } else { &mut query.include };
        // An excluded chunk of several words ("-سوريا&على") is excluded as the
        // phrase it spells.
        if (is_phrase || negated) && words.len() > 1 {
            target.push(Clause::Phrase(words));
        } else {
            target.extend(words.into_iter().map(Clause::Word));
        }

        offset += consumed;
        rest = &rest[consumed..];
    }
    query
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A compact view: each clause as its folded words, `*` marking a prefix.
    fn show(clauses: &[Clause]) -> Vec<String> {
        clauses
            .iter()
            .map(|c| {
                let words: Vec<String> = c
                    .words()
                    .iter()
                    .map(|w| format!("{}{}", w.forms.folded, if w.prefix { "*" } else { "" }))
                    .collect();
                match c {
                    Clause::Word(_) => words.join(" "),
                    Clause::Phrase(_) => format!("\"{}\"", words.join(" ")),
                }
            })
            .collect()
    }

    #[test]
    fn parser_rows() {
        let rows: &[(&str, &[&str], &[&str])] = &[
            ("عمان", &["عمان*"], &[]),
            ("عمان ", &["عمان"], &[]),
            ("عمان.", &["عمان"], &[]),
            ("عُمان إيران", &["عمان", "ايران*"], &[]),
            ("\"العلاقات الثنائية\"", &["\"العلاقات الثناييه\""], &[]),
            ("\"العلاقات الثنا", &["\"العلاقات الثنا*\""], &[]),
            ("عمان -إيران", &["عمان"], &["ايران"]),
            ("عمان -\"بن علوي\"", &["عمان"], &["\"بن علوي\""]),
            ("-سوريا&على عمان", &["عمان*"], &["\"سوريا علي\""]),
            ("\"وحيدة\"", &["وحيده"], &[]),
            ("2015-2024", &["2015", "2024*"], &[]),
            ("- عمان", &["عمان*"], &[]),
            ("--", &[], &[]),
            ("", &[], &[]),
            ("   ", &[], &[]),
            ("؟!،", &[], &[]),
            ("َ ُ", &[], &[]),
            ("\"", &[], &[]),
            ("-", &[], &[]),
        ];
        for (input, include, exclude) in rows {
            let q = parse(input);
            assert_eq!(show(&q.include), *include, "include of {input:?}");
            assert_eq!(show(&q.exclude), *exclude, "exclude of {input:?}");
        }
    }

    #[test]
    fn word_limit() {
        let long = "كلمة ".repeat(1000);
        assert_eq!(parse(&long).include.len(), MAX_WORDS);
    }

    #[test]
    fn a_pasted_megabyte_is_read_to_its_first_words() {
        let paste = format!("عمان {}", "ب".repeat(1_000_000));
        let q = parse(&paste);
        assert_eq!(show(&q.include), ["عمان"], "the giant word is cut off, not typed");
        let words = "العلاقات الثنائية ".repeat(100_000);
        let q = parse(&words);
        assert_eq!(q.include.len(), MAX_WORDS);
        assert!(q.include.iter().all(|c| !c.words()[0].prefix));
        let q = parse(&"ب".repeat(5000));
        let first = "ب".repeat(crate::analyzer::tokenize::MAX_WORD_CHARS);
        assert_eq!(show(&q.include), [first], "one giant word: its first characters");
    }
}
