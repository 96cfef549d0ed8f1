//! Precomputed answers, for split indexes.
//!
//! The first letters a reader types (ا, ال, الم) are prefixes of thousands
//! of keys: they expand to the corpus's most common words, whose postings
//! lie in many chunks. A split index keeps the answer to each such prefix
//! typed alone (one whose completions are stored): its best documents,
//! their scores before idf, where the prefix matched them, and the first
//! page's hits. Common words, typed in full (الله and a space) or on the
//! way (الل, الله), whose postings lie in two chunks or more, get theirs
//! too (two pages of it). The builder computes each with this
//! engine over the whole index, so it is the answer a whole index gives.
//! Answers are kept in answers chunks (see `index::answers`) that the core
//! finds: such a keystroke reads one chunk, and shows its first page
//! without the documents' chunks.

use super::hits::{assemble, shown_score, Matched};
use super::matcher::{self, best_union};
use super::plan::{Plan, PlannedClause};
use super::positions::{DocMarks, MarkSource};
use super::rank::idf;
use super::topk::Scored;
use super::{Hit, SearchOptions, SearchResponse};
use crate::index::answers::{Answer, AnswerDoc, SHOWN};
use crate::index::postings::{BEST, END};
use crate::index::Index;
use crate::query::{parse, Clause, Query};

/// The key a query's answer would be stored by, if it is a single word
/// alone: as typed (its spelling: vowels and tatweel aside), followed by a
/// space once typed in full (a prefix no more). A spelling of its own ranks
/// the documents that write it so first (الصلاة, not الصلاه).
fn typed_key(query: &Query) -> Option<String> {
    match (query.include.as_slice(), query.exclude.is_empty()) {
        ([Clause::Word(word)], true) => {
            let spelling = &word.forms.spelling;
            Some(if word.prefix { spelling.clone() } else { [spelling, " "].concat() })
        }
        _ => None,
    }
}

/// The key the answer to `typed` would be stored by, if it is a single
/// word alone.
pub fn stored_as(typed: &str) -> Option<String> {
    typed_key(&parse(typed))
}

/// The plan of `key` typed alone, if answers are stored by it.
fn typed_plan<'a>(index: &Index<'a>, key: &str) -> Option<Plan<'a>> {
    let query = parse(key);
    (typed_key(&query).as_deref() == Some(key)).then(|| Plan::new(index, &query, true))
}

/// The answer to `key` typed alone, over a whole index (at build time):
/// its best `docs` documents (at most [`BEST`]), the first [`SHOWN`] with
/// their hits.
pub fn compute(index: &Index<'_>, key: &str, docs: usize) -> Option<Answer> {
    let plan = typed_plan(index, key)?;
    let found = matcher::find(index, &plan, docs.min(BEST));
    let leaf = &plan.leaves[0];
    let df = leaf.sources.iter().map(|s| s.list.df).max().unwrap_or(0);
    // The weights before idf, read as the matcher read the scores.
    let mut weights = best_union(index, leaf, 1.0);
    let mut marks = MarkSource::new(index, &plan);
    let (mut doc_marks, mut positions) = (DocMarks::default(), Vec::new());
    let mut docs: Vec<AnswerDoc> = Vec::with_capacity(found.top.len());
    let mut in_order: Vec<&Scored> = found.top.iter().collect();
    crate::sort::sort_by(&mut in_order, &|a, b| a.doc < b.doc);
    for scored in in_order {
        weights.seek(scored.doc);
        if weights.doc() != scored.doc || scored.doc == END {
            return None;
        }
        let weight = weights.score(index.norms(), index.length_code(scored.doc));
        positions.clear();
        if doc_marks.read(index, &mut marks, scored.doc) {
            doc_marks.positions(&PlannedClause::Word(0), &mut positions);
        }
        docs.push(AnswerDoc { doc: scored.doc, weight, positions: positions.clone(), hit: None });
    }
    // Best first, as found.
    let rank = |doc: u32| found.top.iter().position(|s| s.doc == doc);
    crate::sort::sort_by(&mut docs, &|a, b| rank(a.doc) < rank(b.doc));
    let idf = idf(df, index.doc_count());
    for d in docs.iter_mut().take(SHOWN) {
        d.hit = Some(hit(index, d, idf)?);
    }
    Some(Answer { total: found.total as u32, estimated: found.total_is_estimate, df, docs })
}

/// The words (their ids) whose posting lists `key` typed alone reads,
/// over a whole index (at build time: which chunks it would fetch).
pub fn words_read(index: &Index<'_>, key: &str) -> Vec<u32> {
    typed_plan(index, key).map_or_else(Vec::new, |plan| plan.leaves[0].sources.iter().map(|s| s.word.id).collect())
}

/// The stored answer to `query` on a split index, for a page within it;
/// `None` if it has none (the engine then runs).
pub fn answer(index: &Index<'_>, query: &Query, options: &SearchOptions) -> Option<SearchResponse> {
    let key = typed_key(query)?;
    if options.offset.saturating_add(options.limit) > BEST || !index.answers(&key) {
        return None;
    }
    // Its answers chunk first: planning without it would fetch others
    // that the answer makes needless.
    let Some(answer) = index.stored_answer(&key) else { return Some(SearchResponse::empty()) };
    // Stored for the word as the builder typed it: the same query only;
    // and a page past the documents stored is the engine's.
    let end = options.offset.saturating_add(options.limit);
    if parse(&key) != *query || (end > answer.docs.len() && answer.docs.len() < answer.total as usize) {
        return None;
    }
    let idf = idf(answer.df, index.doc_count());
    let (total, estimated) = (answer.total, answer.estimated);
    let mut results = Vec::new();
    for d in answer.docs.into_iter().skip(options.offset).take(options.limit) {
        // The first page's hits are stored; later ones read the documents.
        let shown = match d.hit {
            Some(stored) => Some(Hit { score: shown_score(idf * d.weight), ..stored }),
            None => hit(index, &d, idf),
        };
        results.extend(shown);
    }
    Some(SearchResponse {
        total: (total as usize).max(options.offset.saturating_add(results.len())),
        total_is_estimate: estimated,
        relaxed: false,
        results,
        corrections: Vec::new(),
    })
}

/// The hit for a document of an answer, from its document's text.
fn hit(index: &Index<'_>, d: &AnswerDoc, idf: f32) -> Option<Hit> {
    let scored = Scored { doc: d.doc, met: 1, score: idf * d.weight };
    let mut matched = Matched::default();
    matched.add(&d.positions, index.title_len(d.doc), 0);
    assemble(index, &scored, matched)
}
