//! The query engine: match, rank, page, and build excerpts.
//!
//! Each query word is looked up at every [`Level`] of the index; a document's
//! match strength for the word is the strongest level that found it. The last
//! word, while typed, also matches as a prefix (folded and clitic-stripped,
//! never stemmed: a half word stems to garbage). A word that matches nothing
//! at all is retried with typo tolerance. Documents must satisfy every clause;
//! when none does, the best partial matches are returned with `relaxed`.
//!
//! Ranking is BM25 (title occurrences weighted up) scaled by match strength,
//! plus a bonus when query words stand close together.

use crate::analyzer::Level;
use crate::excerpt::{excerpt, title_highlights, Excerpt};
use crate::index::{DocFields, Index, Postings};
use crate::query::{parse, Clause, Word};
use serde::Serialize;
use std::collections::BTreeMap;

/// How a document word matched a query word, strongest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Strength {
    Surface,
    Folded,
    Stripped,
    Stem,
    Prefix,
    Fuzzy,
}

impl Strength {
    fn weight(self) -> f32 {
        match self {
            Strength::Surface => 1.0,
            Strength::Folded => 0.9,
            Strength::Stripped => 0.8,
            Strength::Stem => 0.65,
            Strength::Prefix => 0.5,
            Strength::Fuzzy => 0.3,
        }
    }

    fn of(level: Level) -> Strength {
        match level {
            Level::Surface => Strength::Surface,
            Level::Folded => Strength::Folded,
            Level::Stripped => Strength::Stripped,
            Level::Stem => Strength::Stem,
        }
    }
}

/// Keys a prefix may expand to, and keys a typo may match.
const PREFIX_KEYS: usize = 64;
const FUZZY_KEYS: usize = 32;
/// BM25 parameters and the extra weight of a title occurrence.
const K1: f32 = 1.2;
const B: f32 = 0.75;
const TITLE_WEIGHT: f32 = 2.0;
/// Bonus for two consecutive query clauses `d` tokens apart: PROXIMITY / d.
const PROXIMITY: f32 = 0.3;

/// Paging of a search.
#[derive(Debug, Clone, Copy)]
pub struct SearchOptions {
    pub limit: usize,
    pub offset: usize,
}

impl Default for SearchOptions {
    fn default() -> Self {
        SearchOptions { limit: 10, offset: 0 }
    }
}

/// What a search returns (the same shape in Rust, the CLI's JSON and JS).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchResponse {
    /// Documents that match, all pages together.
    pub total: usize,
    /// No document had every clause; these are the best partial matches.
    pub relaxed: bool,
    pub results: Vec<Hit>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    pub id: String,
    pub title: String,
    pub url: Option<String>,
    pub score: f64,
    pub excerpt: Excerpt,
    /// UTF-16 ranges in `title`.
    pub title_highlights: Vec<[u32; 2]>,
}

impl SearchResponse {
    pub fn empty() -> Self {
        SearchResponse { total: 0, relaxed: false, results: Vec::new() }
    }
}

/// How one clause matched one document.
#[derive(Debug, Clone)]
struct DocMatch {
    strength: Strength,
    /// Positions of the matched words (sorted, unique).
    positions: Vec<u32>,
}

/// Documents matched by one clause, and how many there are (for idf).
type ClauseMatches = BTreeMap<u32, DocMatch>;

impl Index<'_> {
    /// Runs a query.
    ///
    /// ```
    /// let index = bahth::embedded_index();
    /// let response = index.search("ايران", &Default::default());
    /// assert!(response.total > 0);
    /// ```
    pub fn search(&self, query: &str, options: &SearchOptions) -> SearchResponse {
        let query = parse(query);
        if query.is_empty() {
            return SearchResponse::empty();
        }
        let include: Vec<ClauseMatches> = query.include.iter().map(|c| self.match_clause(c, true)).collect();
        let excluded: Vec<u32> = query.exclude.iter().flat_map(|c| self.match_clause(c, false).into_keys()).collect();

        // Every document that matched any clause, with how many clauses it met.
        let mut candidates: BTreeMap<u32, usize> = BTreeMap::new();
        for matches in &include {
            for &doc in matches.keys() {
                *candidates.entry(doc).or_default() += 1;
            }
        }
        candidates.retain(|doc, _| !excluded.contains(doc));
        let all = include.len();
        let relaxed = all > 1 && !candidates.values().any(|&n| n == all);
        if !relaxed {
            candidates.retain(|_, n| *n == all);
        }

        let mut ranked: Vec<(u32, usize, f32)> =
            candidates.into_iter().map(|(doc, met)| (doc, met, self.score(doc, &include))).collect();
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then(b.2.total_cmp(&a.2)).then(a.0.cmp(&b.0)));

        let results = ranked
            .iter()
            .skip(options.offset)
            .take(options.limit)
            .filter_map(|&(doc, _, score)| self.hit(doc, score, &include))
            .collect();
        SearchResponse { total: ranked.len(), relaxed, results }
    }

    /// Completions of the last word of `prefix`, most frequent first, each in
    /// its most common original spelling.
    pub fn suggest(&self, prefix: &str, limit: usize) -> Vec<String> {
        let query = parse(prefix);
        let Some(word) = query.include.last().and_then(|c| c.words().last()) else {
            return Vec::new();
        };
        let mut found: Vec<(String, Postings<'_>)> = Vec::new();
        for form in &word.forms.stripped {
            for (term, postings) in self.with_prefix(Level::Stripped, form, PREFIX_KEYS) {
                if !found.iter().any(|(t, _)| *t == term) {
                    found.push((term, postings));
                }
            }
        }
        found.sort_by(|a, b| b.1.df.cmp(&a.1.df).then(a.0.len().cmp(&b.0.len())));
        let mut out: Vec<String> = Vec::new();
        for (_, postings) in found {
            if let Some(spelling) = self.spelling(postings.display) {
                if !out.contains(&spelling) {
                    out.push(spelling);
                }
            }
            if out.len() == limit {
                break;
            }
        }
        out
    }

    /// The original text of a token.
    fn spelling(&self, (doc, position): (u32, u32)) -> Option<String> {
        let fields = self.doc(doc)?;
        let (start, end) = *self.token_ranges(&fields, Some(position + 1)).get(position as usize)?;
        let source = if position < fields.title_tokens { fields.title } else { fields.text };
        source.get(start..end).map(str::to_string)
    }

    fn match_clause(&self, clause: &Clause, tolerant: bool) -> ClauseMatches {
        match clause {
            Clause::Word(word) => self.match_word(word, tolerant),
            Clause::Phrase(words) => {
                let per_word: Vec<ClauseMatches> = words.iter().map(|w| self.match_word(w, tolerant)).collect();
                let mut out = ClauseMatches::new();
                for (&doc, first) in &per_word[0] {
                    let Some(fields) = self.doc(doc) else {
                        continue;
                    };
                    let mut positions = Vec::new();
                    for &start in &first.positions {
                        let in_title = start < fields.title_tokens;
                        let span_end = start + words.len() as u32 - 1;
                        let same_field = (span_end < fields.title_tokens) == in_title;
                        let all_follow = per_word.iter().enumerate().all(|(i, m)| {
                            m.get(&doc).is_some_and(|dm| dm.positions.binary_search(&(start + i as u32)).is_ok())
                        });
                        if same_field && all_follow {
                            positions.extend(start..=span_end);
                        }
                    }
                    if !positions.is_empty() {
                        positions.dedup();
                        let strength = per_word.iter().filter_map(|m| m.get(&doc)).map(|m| m.strength).max();
                        out.insert(doc, DocMatch { strength: strength.unwrap_or(Strength::Fuzzy), positions });
                    }
                }
                out
            }
        }
    }

    /// Documents containing a word, at the strongest level each one has.
    /// `tolerant` allows typo matching (not for exclusions).
    fn match_word(&self, word: &Word, tolerant: bool) -> ClauseMatches {
        let mut out = ClauseMatches::new();
        // A word's forms often coincide across levels (بين is its own surface,
        // folded, stripped and stem form): look each string up once.
        let mut records: Vec<(&str, Option<u64>)> = Vec::with_capacity(8);
        for level in Level::ALL {
            for form in word.forms.at(level) {
                let record = match records.iter().find(|(f, _)| f == form) {
                    Some(&(_, record)) => record,
                    None => {
                        let record = self.record(form);
                        records.push((form, record));
                        record
                    }
                };
                if let Some(postings) = record.and_then(|r| self.postings_at(r, level)) {
                    merge(&mut out, &postings, Strength::of(level));
                }
            }
        }
        if word.prefix {
            for form in &word.forms.stripped {
                for (_, postings) in self.with_prefix(Level::Stripped, form, PREFIX_KEYS) {
                    merge(&mut out, &postings, Strength::Prefix);
                }
            }
        }
        if out.is_empty() && tolerant {
            for form in &word.forms.stripped {
                let distance = match form.chars().count() {
                    0..=3 => continue,
                    4..=7 => 1,
                    8..=32 => 2,
                    _ => continue,
                };
                for (_, postings) in self.fuzzy(Level::Stripped, form, distance, FUZZY_KEYS) {
                    merge(&mut out, &postings, Strength::Fuzzy);
                }
            }
        }
        out
    }

    fn score(&self, doc: u32, include: &[ClauseMatches]) -> f32 {
        let Some(fields) = self.doc(doc) else {
            return 0.0;
        };
        let n = self.doc_count() as f32;
        let length_norm = 1.0 - B + B * fields.token_count as f32 / self.average_doc_len().max(1.0);
        let mut score = 0.0;
        let mut previous: Option<&DocMatch> = None;
        for matches in include {
            let Some(m) = matches.get(&doc) else {
                previous = None;
                continue;
            };
            let df = matches.len() as f32;
            let idf = (1.0 + (n - df + 0.5) / (df + 0.5)).ln();
            let in_title = m.positions.iter().filter(|&&p| p < fields.title_tokens).count() as f32;
            let tf = m.positions.len() as f32 + TITLE_WEIGHT * in_title;
            score += idf * tf * (K1 + 1.0) / (tf + K1 * length_norm) * m.strength.weight();
            if let Some(prev) = previous {
                score += PROXIMITY / closest(&prev.positions, &m.positions).max(1) as f32;
            }
            previous = Some(m);
        }
        score
    }

    fn hit(&self, doc: u32, score: f32, include: &[ClauseMatches]) -> Option<Hit> {
        let fields: DocFields<'_> = self.doc(doc)?;
        let title_count = fields.title_tokens as usize;
        let mut text_hits: Vec<(usize, usize)> = Vec::new();
        let mut title_hits: Vec<usize> = Vec::new();
        for (clause, matches) in include.iter().enumerate() {
            for &p in matches.get(&doc).map_or(&[][..], |m| &m.positions) {
                match (p as usize).checked_sub(title_count) {
                    Some(t) => text_hits.push((t, clause)),
                    None => title_hits.push(p as usize),
                }
            }
        }
        text_hits.sort_unstable();
        // Tokens past the last hit's window are never shown: skip decoding them.
        let needed = title_count + text_hits.last().map_or(0, |h| h.0) + crate::excerpt::WINDOW;
        let ranges = self.token_ranges(&fields, Some(needed as u32));
        let text_ranges = ranges.get(title_count..).unwrap_or(&[]);
        Some(Hit {
            id: fields.id.to_string(),
            title: fields.title.to_string(),
            url: fields.url.map(str::to_string),
            score: (f64::from(score) * 1000.0).round() / 1000.0,
            excerpt: excerpt(fields.text, text_ranges, &text_hits),
            title_highlights: title_highlights(fields.title, &ranges[..title_count.min(ranges.len())], &title_hits),
        })
    }
}

/// Adds a key's postings to a clause's matches at a given strength.
fn merge(out: &mut ClauseMatches, postings: &Postings<'_>, strength: Strength) {
    for posting in postings.decode() {
        let m = out.entry(posting.doc).or_insert(DocMatch { strength, positions: Vec::new() });
        m.strength = m.strength.min(strength);
        m.positions.extend(posting.positions);
        m.positions.sort_unstable();
        m.positions.dedup();
    }
}

/// Smallest distance between a position in `a` and one in `b` (both sorted).
fn closest(a: &[u32], b: &[u32]) -> u32 {
    let (mut i, mut j, mut best) = (0, 0, u32::MAX);
    while i < a.len() && j < b.len() {
        best = best.min(a[i].abs_diff(b[j]));
        if a[i] < b[j] {
            i += 1;
        } else {
            j += 1;
        }
    }
    best
}
