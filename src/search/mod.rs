//! The query engine: what the reader typed in, ranked hits out.
//!
//! Four steps, each in its own module:
//!
//! 1. [`plan`]: each query word looked up once, at every level (spelling,
//!    folded, without clitics, stem; prefix while typed; typos when nothing
//!    else matches), and turned into weighted posting lists;
//! 2. [`matcher`]: the documents every clause matches, document-at-a-time
//!    over [`union`]s of those lists, the best k kept by [`topk`] and hopeless
//!    stretches skipped; phrases and proximity from [`positions`];
//! 3. [`rank`]: what a match is worth (BM25 × strength, proximity);
//! 4. [`hits`]: the page of results, with excerpts and highlights.

pub mod answers;
pub mod hits;
pub mod matcher;
pub mod plan;
pub mod positions;
pub mod rank;
pub mod topk;
pub mod typos;
pub mod union;

use crate::excerpt::Excerpt;
use crate::index::split;
use crate::index::Index;
use crate::keyboard;
use crate::query::parse;
use plan::{Plan, PREFIX_WORDS};
use serde::Serialize;

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

/// A query word the search read as another, because it was found nowhere:
/// a typo (البوسعدي for البوسعيدي), or a word typed with the other keyboard
/// layout (hgugrhj for العلاقات).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Correction {
    /// As typed (without its vowels).
    pub from: String,
    /// What was searched instead: a typo's as the text writes it.
    pub to: String,
}

/// What a search returns (the same shape in Rust, the CLI's JSON and JS).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchResponse {
    /// Documents that match, all pages together: exact up to
    /// [`matcher::EXACT_TOTAL`], estimated beyond (`total_is_estimate`).
    pub total: usize,
    pub total_is_estimate: bool,
    /// No document had every clause; these are the best partial matches.
    pub relaxed: bool,
    pub results: Vec<Hit>,
    /// Words read as others; their matches rank below real ones.
    pub corrections: Vec<Correction>,
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
        SearchResponse {
            total: 0,
            total_is_estimate: false,
            relaxed: false,
            results: Vec::new(),
            corrections: Vec::new(),
        }
    }
}

impl Index<'_> {
    /// Runs a query.
    ///
    /// ```
    /// let index = bahth::embedded_index();
    /// let response = index.search("ايران", &Default::default());
    /// assert!(response.total > 0);
    /// ```
    ///
    /// A split index answers only once it has the chunks the query reads
    /// (until then: no results); see [`Index::try_search`].
    pub fn search(&self, query: &str, options: &SearchOptions) -> SearchResponse {
        self.try_search(query, options).unwrap_or_else(|_| SearchResponse::empty())
    }

    /// Runs a query on a split index: the response, or the names of the
    /// chunks it reads and has not been given (give them with
    /// [`Index::add_chunk`] and ask again). A whole index always answers.
    pub fn try_search(&self, query: &str, options: &SearchOptions) -> Result<SearchResponse, Vec<String>> {
        self.needing_chunks(|| self.run(query, options, true))
    }

    /// [`Index::search`] without corrections: a word found nowhere finds
    /// nothing, rather than being read as a typo of another or as typed with
    /// the other keyboard layout (what a reader asks for when shown
    /// [`SearchResponse::corrections`] they did not mean).
    ///
    /// ```
    /// let index = bahth::embedded_index();
    /// assert_eq!(index.search("البوسعدي", &Default::default()).corrections[0].to, "البوسعيدي");
    /// assert_eq!(index.search_as_typed("البوسعدي", &Default::default()).total, 0);
    /// ```
    pub fn search_as_typed(&self, query: &str, options: &SearchOptions) -> SearchResponse {
        self.try_search_as_typed(query, options).unwrap_or_else(|_| SearchResponse::empty())
    }

    /// [`Index::search_as_typed`] on a split index: see [`Index::try_search`].
    pub fn try_search_as_typed(&self, query: &str, options: &SearchOptions) -> Result<SearchResponse, Vec<String>> {
        self.needing_chunks(|| self.run(query, options, false))
    }

    /// Completions of the last word of `prefix`, most frequent first, each in
    /// its most common original spelling.
    ///
    /// ```
    /// let words = bahth::embedded_index().suggest("البوس", 5);
    /// assert_eq!(words, ["البوسعيدي"]);
    /// ```
    pub fn suggest(&self, prefix: &str, limit: usize) -> Vec<String> {
        self.try_suggest(prefix, limit).unwrap_or_default()
    }

    /// [`Index::suggest`] on a split index: see [`Index::try_search`].
    pub fn try_suggest(&self, prefix: &str, limit: usize) -> Result<Vec<String>, Vec<String>> {
        self.needing_chunks(|| self.completions(prefix, limit))
    }

    /// Runs `f`, noting the chunks it wanted and did not have.
    fn needing_chunks<T>(&self, f: impl FnOnce() -> T) -> Result<T, Vec<String>> {
        if !self.is_split() {
            return Ok(f());
        }
        split::clear_missing();
        let answer = f();
        let missing = split::take_missing();
        if missing.is_empty() {
            return Ok(answer);
        }
        Err(missing.iter().filter_map(|&i| self.chunks().get(i)).map(|c| c.name()).collect())
    }

    /// `correct`: see [`Index::search_as_typed`].
    fn run(&self, query: &str, options: &SearchOptions, correct: bool) -> SearchResponse {
        let missing_before = split::missing_len();
        let response = self.run_once(query, options, correct);
        if response.total > 0 || !correct || split::missing_len() > missing_before {
            return response;
        }
        // Nothing at all: was it typed with the other keyboard layout? Only
        // if every word of what it meant is found (a typo allowed in Arabic
        // words: hgugrhj is العلقات, meant العلاقات).
        let arabic_meant = query.chars().any(|c| c.is_ascii_alphabetic());
        for meant in keyboard::other_layout(query) {
            let mut found = self.run_once(&meant, options, arabic_meant);
            if found.total > 0 && !found.relaxed {
                // A word of the other layout may have been a typo too
                // (hgugrhj is العلقات, read as العلاقات): one correction.
                let typos = std::mem::take(&mut found.corrections);
                let changed = query.split_whitespace().zip(meant.split_whitespace()).filter(|(a, b)| a != b);
                found.corrections = changed
                    .map(|(from, to)| {
                        let to = typos.iter().find(|t| t.from == to).map_or(to, |t| t.to.as_str());
                        Correction { from: from.to_string(), to: to.to_string() }
                    })
                    .collect();
                found.corrections.extend(typos.into_iter().filter(|t| !meant.split_whitespace().any(|w| w == t.from)));
                return found;
            }
        }
        response
    }

    fn run_once(&self, query: &str, options: &SearchOptions, correct: bool) -> SearchResponse {
        let query = parse(query);
        if query.is_empty() {
            return SearchResponse::empty();
        }
        if self.is_split() {
            if let Some(response) = answers::answer(self, &query, options) {
                return response;
            }
        }
        let plan = Plan::new(self, &query, correct);
        let k = options.offset.saturating_add(options.limit);
        let found = matcher::find(self, &plan, k);
        if split::missing_len() > 0 {
            // A split index lacking chunks: the documents found are not yet
            // the answer; fetch none of them.
            return SearchResponse::empty();
        }
        let results: Vec<Hit> =
            found.top.iter().skip(options.offset).filter_map(|s| hits::hit(self, &plan, s)).collect();
        SearchResponse {
            // Never fewer than shown (only damaged bytes could make it so).
            total: found.total.max(options.offset.saturating_add(results.len())),
            total_is_estimate: found.total_is_estimate,
            // (Nothing at all found is not a relaxed answer.)
            relaxed: found.relaxed && found.total > 0,
            results,
            corrections: plan.leaves.iter().filter_map(|l| l.correction.clone()).collect(),
        }
    }

    fn completions(&self, prefix: &str, limit: usize) -> Vec<String> {
        let query = parse(prefix);
        let Some(word) = query.include.last().and_then(|c| c.words().last()) else {
            return Vec::new();
        };
        let mut found: Vec<(u32, String)> = Vec::new();
        for form in &word.forms.stripped {
            for c in self.prefix_completions(form, PREFIX_WORDS) {
                if let Some(written) = self.written_word(c.reference()) {
                    found.push((c.df(), written.to_string()));
                }
            }
        }
        let key = |(df, written): &(u32, String)| (std::cmp::Reverse(*df), written.chars().count(), written.clone());
        crate::sort::sort_by(&mut found, &|a, b| key(a) < key(b));
        let mut out: Vec<String> = Vec::new();
        for (_, spelling) in found {
            if out.len() == limit {
                break;
            }
            if !out.contains(&spelling) {
                out.push(spelling);
            }
        }
        out
    }
}
