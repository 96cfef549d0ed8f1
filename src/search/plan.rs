//! Planning: each query word looked up in the dictionary, once, and turned
//! into the posting lists that can match it, each with its strength.
//!
//! A query word matches a document word when they share a reading at some
//! [`Level`]: the same spelling, the same folded word, a common reading
//! without clitics, a common stem; or, for the word being typed, a reading
//! that starts with it; or, for a word found nowhere, one within a typo or
//! two. Each matching word of the index brings its posting list; the
//! strongest way it matched sets the list's weight.

use super::rank::{idf, Strength};
use super::{typos, Correction};
use crate::analyzer::clitics::{carries_article, short_remainders, MIN_SHORT_WORD_DOCS};
use crate::analyzer::Level;
use crate::index::postings::List;
use crate::index::{split, Completion, Index, Spelling, Word as IndexWord};
use crate::query::{Clause, Query, Word};

/// Lists one query word may read (the strongest kept); bounds a query's cost.
pub const MAX_SOURCES: usize = 64;
/// Words a typed prefix expands to, most common first, while their
/// documents add up to at most [`PREFIX_POSTINGS`] (one word at least): a
/// letter or two match most of the corpus, and its most common words are
/// what a reader who typed them can be shown.
pub const PREFIX_WORDS: usize = 32;
pub const PREFIX_POSTINGS: u32 = 8_000;
/// Dictionary keys near a word found nowhere that the typo model weighs,
/// and how many of the cheapest it keeps.
const TYPO_KEYS: usize = 64;
const TYPO_CANDIDATES: usize = 3;

/// One posting list a query word reads, and how strongly it matches.
#[derive(Debug, Clone, Copy)]
pub struct Source<'a> {
    pub list: List<'a>,
    pub weight: f32,
    /// The index word whose occurrences these are (for positions).
    pub word: IndexWord<'a>,
    /// Its documents are among another source's (a spelling's among its
    /// word's): it adds weight, never documents.
    pub refines: bool,
}

/// One query word, ready to match: its lists and its idf.
#[derive(Debug, Clone)]
pub struct Leaf<'a> {
    pub sources: Vec<Source<'a>>,
    pub idf: f32,
    /// Found nowhere, the word was read as another (a typo).
    pub correction: Option<Correction>,
}

/// A clause over leaves (indices into [`Plan::leaves`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlannedClause {
    Word(usize),
    /// Consecutive words.
    Phrase(Vec<usize>),
}

impl PlannedClause {
    /// How telling the clause is: its rarest word's idf.
    pub fn idf(&self, plan: &Plan<'_>) -> f32 {
        self.leaves().iter().map(|&l| plan.leaves[l].idf).fold(0.0, f32::max)
    }

    pub fn leaves(&self) -> &[usize] {
        match self {
            PlannedClause::Word(leaf) => std::slice::from_ref(leaf),
            PlannedClause::Phrase(leaves) => leaves,
        }
    }
}

/// A query, resolved against one index.
#[derive(Debug, Clone, Default)]
pub struct Plan<'a> {
    pub leaves: Vec<Leaf<'a>>,
    pub include: Vec<PlannedClause>,
    pub exclude: Vec<PlannedClause>,
}

impl<'a> Plan<'a> {
    /// `correct`: a word found nowhere may be read as a typo of another.
    pub fn new(index: &Index<'a>, query: &Query, correct: bool) -> Plan<'a> {
        let mut plan = Plan::default();
        for (clauses, included) in [(&query.include, true), (&query.exclude, false)] {
            for clause in clauses {
                let mut leaves: Vec<usize> = Vec::with_capacity(clause.words().len());
                for word in clause.words() {
                    leaves.push(plan.leaves.len());
                    plan.leaves.push(leaf(index, word, included && correct));
                }
                let planned = match clause {
                    Clause::Word(_) => PlannedClause::Word(leaves[0]),
                    Clause::Phrase(_) => PlannedClause::Phrase(leaves),
                };
                if included {
                    plan.include.push(planned);
                } else {
                    plan.exclude.push(planned);
                }
            }
        }
        plan
    }
}

/// Finds the lists one query word matches. `tolerant`: retry with typos
/// when nothing matches (not for exclusions).
fn leaf<'a>(index: &Index<'a>, word: &Word, tolerant: bool) -> Leaf<'a> {
    let missing_before = split::missing_len();
    let mut sources = Sources::default();
    let folded_word = index.key(&word.forms.folded).and_then(|k| k.word);
    // A word's forms often coincide across levels (بين is its own spelling,
    // folded, stripped and stem form): look each string up once.
    let mut looked_up: Vec<(&str, Option<crate::index::Key<'a>>)> = Vec::with_capacity(8);
    for level in Level::ALL {
        let strength = Strength::of(level);
        for form in word.forms.at(level) {
            let key = match looked_up.iter().find(|(f, _)| f == form) {
                Some(&(_, key)) => key,
                None => {
                    let key = index.key(form);
                    looked_up.push((form, key));
                    key
                }
            };
            let Some(key) = key else { continue };
            match level {
                Level::Surface => match (key.spelling, folded_word) {
                    // The folded word's list (added next) holds its documents.
                    (Spelling::List(list), Some(w)) => sources.add_refining(list, strength, w),
                    (Spelling::SameAsWord, Some(w)) => sources.add_word(&w, strength),
                    _ => {}
                },
                Level::Folded => {
                    if let Some(w) = key.word {
                        sources.add_word(&w, strength);
                    }
                }
                Level::Stripped => {
                    for w in key.word.into_iter().chain(index.words(key.stripped)) {
                        sources.add_word(&w, strength);
                    }
                }
                Level::Stem => {
                    for w in index.words(key.stem) {
                        sources.add_word(&w, strength);
                    }
                }
            }
        }
    }
    // A clitic on a two-letter word of the corpus (برب: ب + رب).
    for rest in short_remainders(&word.forms.folded) {
        let Some(key) = index.key(rest) else { continue };
        if key.word.is_some_and(|w| w.list.df >= MIN_SHORT_WORD_DOCS) {
            for w in key.word.into_iter().chain(index.words(key.stripped)) {
                sources.add_word(&w, Strength::of(Level::Stripped));
            }
        }
    }
    if word.prefix {
        let mut completions: Vec<Completion> = Vec::new();
        for form in &word.forms.stripped {
            completions.extend(index.prefix_completions(form, PREFIX_WORDS));
        }
        crate::index::by_document_count(&mut completions);
        let mut postings = 0;
        for c in completions {
            if postings > 0 && postings + c.df() > PREFIX_POSTINGS {
                break;
            }
            postings += c.df();
            // (Read only now: a split index fetches the chunks of the
            // words taken, not of every completion.)
            if let Some(w) = c.word(index) {
                sources.add_word(&w, Strength::Prefix);
            }
        }
    }
    // (Found nowhere only if nothing it read was missing: a split index's
    // typos read every dictionary chunk.)
    let mut correction = None;
    if sources.0.is_empty() && tolerant && split::missing_len() == missing_before {
        if let Some((to, words)) = typo(index, word) {
            for w in &words {
                sources.add_word(w, Strength::Typo);
            }
            correction = Some(Correction { from: word.forms.spelling.clone(), to });
        }
    }
    let mut sources = sources.0;
    // Strongest first, then the most common: what a cap keeps.
    crate::sort::sort_by(&mut sources, &|a, b| (a.weight, a.list.df) > (b.weight, b.list.df));
    sources.truncate(MAX_SOURCES);
    // A word's commonness is its most common matching form's.
    let df = sources.iter().map(|s| s.list.df).max().unwrap_or(0);
    Leaf { sources, idf: idf(df, index.doc_count()), correction }
}

/// A dictionary key near a word found nowhere.
struct Near {
    cost: u32,
    /// Its most common word's documents.
    df: u32,
    /// The key as the typed word would be, clitics and all (المسجد for
    /// المسحد read as مسحد → مسجد).
    whole: Option<String>,
    words: Vec<Completion>,
}

/// Keys the typo model finds for a word found nowhere: the cheapest within
/// its budget (see [`typos`]), at most [`TYPO_CANDIDATES`], the most common
/// first; and how the best of them is written.
fn typo<'a>(index: &Index<'a>, word: &Word) -> Option<(String, Vec<IndexWord<'a>>)> {
    let mut near: Vec<Near> = Vec::new();
    let forms = &word.forms.stripped;
    // Each reading (وزيز is و + زيز or وزيز: the typo may be in either), but
    // not one with the article when it is there without: the same words read
    // as both, and the article does not make a word longer to mistype
    // (اللاعب is no more than لاعب away from الفاعل).
    for form in forms.iter().filter(|f| !carries_article(f, forms)) {
        let letters = form.chars().count();
        let edits = typos::max_edits(letters);
        if edits == 0 {
            continue;
        }
        let clitics = word.forms.folded.strip_suffix(form.as_str());
        for (key, words) in index.keys_near(form, edits, TYPO_KEYS) {
            let cost = typos::cost(form, &key);
            if cost <= typos::budget(letters) {
                let df = words.iter().map(Completion::df).max().unwrap_or(0);
                // (Not format!: it would bring the formatting machinery into the module.)
                let whole = clitics.filter(|c| !c.is_empty()).map(|c| [c, key.as_str()].concat());
                near.push(Near { cost, df, whole, words });
            }
        }
    }
    let cheapest = near.iter().map(|n| n.cost).min()?;
    near.retain(|n| n.cost == cheapest);
    // The most common few (a selection: the list is short).
    let mut kept: Vec<Near> = Vec::with_capacity(TYPO_CANDIDATES);
    while kept.len() < TYPO_CANDIDATES && !near.is_empty() {
        let most = (0..near.len()).fold(0, |best, i| if near[i].df > near[best].df { i } else { best });
        kept.push(near.swap_remove(most));
    }
    // Shown as the typed word would be if it is a word (المسجد), else as
    // the best key's own word (بلينكن, not وبلينكن).
    let best = kept.first()?;
    let whole = best.whole.as_deref().and_then(|w| index.key_reference(w));
    let shown = whole.or_else(|| best.words.first().map(Completion::reference))?;
    // Both read by reference: a split index fetches the words' postings
    // chunks and the shown one's forms chunk in the same round.
    let written = index.written_word(shown).map(crate::analyzer::fold::spelling);
    let mut completions: Vec<Completion> = kept.into_iter().flat_map(|near| near.words).collect();
    crate::index::by_document_count(&mut completions);
    let words: Vec<IndexWord<'a>> = completions.iter().filter_map(|c| c.word(index)).collect();
    Some((written?, words))
}

/// Lists found so far, one per list, each at its strongest match.
#[derive(Default)]
struct Sources<'a>(Vec<Source<'a>>);

impl<'a> Sources<'a> {
    fn add_word(&mut self, word: &IndexWord<'a>, strength: Strength) {
        let weight = strength.weight();
        match self.0.iter_mut().find(|s| s.list == word.list) {
            Some(found) => found.weight = found.weight.max(weight),
            None => self.0.push(Source { list: word.list, weight, word: *word, refines: false }),
        }
    }

    /// A spelling's list, whose documents are among its word's.
    fn add_refining(&mut self, list: List<'a>, strength: Strength, word: IndexWord<'a>) {
        self.0.push(Source { list, weight: strength.weight(), word, refines: true });
    }
}
