//! Building an index: documents in, one byte blob out (see [`super::format`]).
//!
//! Every written form is analyzed once; each token's folded form is its
//! *word*. Each word gets one posting list; the documents are stored as their
//! written forms (see [`super::store`]), which give back the words in order.
//! The other readings of a token do not get lists of their own: a spelling
//! gets one only where its documents differ from its word's, and a clitic-
//! stripped form or a stem becomes a key listing the words that read so.

use super::format::{self, Header};
use super::impact::{impact, Norms, TITLE_TF};
use super::postings;
use super::records::{KeyEntry, RecordsWriter, WrittenList, COMPLETIONS_MARK};
use super::store::{word_order, Form, StoreBuilder};
use crate::analyzer::tokenize::{parts, runs};
use crate::analyzer::{analyze_word, WordForms};
use crate::corpus::Document;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// A prefix matched by more keys than this gets its best completions stored
/// (a query never streams more keys than this from the dictionary).
pub const PREFIX_STREAM_LIMIT: usize = 256;
/// Words stored per such prefix (and the most a prefix expands to).
pub const PREFIX_WORDS: usize = 32;

/// A word while the corpus is read (`usize` ids are in order of first sight).
#[derive(Default)]
struct WordBuild {
    folded: String,
    occurrences: u64,
    postings: Vec<(u32, u32)>,
}

/// A key while the corpus is read.
#[derive(Default)]
struct KeyBuild {
    word: Option<usize>,
    /// Documents where the key is the spelling of a token, and that token's
    /// word (the key folded).
    spelled: Vec<(u32, u32)>,
    spelled_word: usize,
    stripped: BTreeSet<usize>,
    stem: BTreeSet<usize>,
}

/// Compiles documents into index bytes.
///
/// ```
/// use bahth::corpus::Document;
/// use bahth::index::{build, Index};
/// let doc = Document { id: "a".into(), title: "عنوان".into(), url: None, date: None, text: "نصٌّ قصير".into() };
/// let bytes = build(&[doc]);
/// let index = Index::from_bytes(&bytes).unwrap();
/// assert_eq!(index.doc_count(), 1);
/// ```
pub fn build(docs: &[Document]) -> Vec<u8> {
    let mut words: Vec<WordBuild> = Vec::new();
    let mut word_ids: HashMap<String, usize> = HashMap::new();
    let mut keys: BTreeMap<String, KeyBuild> = BTreeMap::new();
    let mut store = StoreBuilder::default();
    // Per written form (the store's numbering): its words and their spellings.
    let mut form_words: Vec<Vec<(usize, String)>> = Vec::new();
    let mut lengths: Vec<u32> = Vec::with_capacity(docs.len());

    for (doc_id, doc) in docs.iter().enumerate() {
        let doc_id = doc_id as u32;
        store.start(&doc.id, doc.url.as_deref());
        let mut tokens = 0;
        for (field, text) in [&doc.title, &doc.text].into_iter().enumerate() {
            let weight = if field == 0 { TITLE_TF } else { 1 };
            let mut after_previous = 0;
            for (start, end) in runs(text) {
                let form = match store.push(field, &text[after_previous..start], &text[start..end]) {
                    Form::Known(form) => form,
                    Form::New(form) => {
                        let analyzed: Vec<(usize, String)> = parts(&text[start..end])
                            .into_iter()
                            .map(|(surface, folded)| {
                                let forms = analyze_word(&surface, &folded);
                                let word = *word_ids.entry(forms.folded.clone()).or_insert_with(|| {
                                    words.push(WordBuild { folded: forms.folded.clone(), ..Default::default() });
                                    register_readings(&mut keys, words.len() - 1, &forms);
                                    words.len() - 1
                                });
                                (word, forms.spelling)
                            })
                            .collect();
                        store.set_words(form, analyzed.iter().map(|(w, _)| *w).collect());
                        form_words.push(analyzed);
                        form
                    }
                };
                for (word, spelling) in &form_words[form] {
                    let entry = &mut words[*word];
                    entry.occurrences += 1;
                    add_occurrence(&mut entry.postings, doc_id, weight);
                    let key = keys.entry(spelling.clone()).or_default();
                    add_occurrence(&mut key.spelled, doc_id, weight);
                    key.spelled_word = *word;
                    tokens += 1;
                }
                after_previous = end;
            }
            store.end_field(field, &text[after_previous..]);
        }
        lengths.push(tokens);
    }

    let occurrences: Vec<u64> = words.iter().map(|w| w.occurrences).collect();
    let texts: Vec<String> = words.iter().map(|w| w.folded.clone()).collect();
    let rank = word_order(&store, &occurrences, &texts);

    let total_tokens: u64 = lengths.iter().map(|&l| u64::from(l)).sum();
    let norms = Norms::new(total_tokens as f32 / docs.len().max(1) as f32);
    let codes: Vec<u8> = lengths.iter().map(|&l| norms.code(l)).collect();
    let weight_of = |doc: u32, tf: u32| norms.weight(tf, codes[doc as usize]);
    // A list and, if long, its best documents, into `postings`.
    let write_list = |list: &[(u32, u32)], postings: &mut Vec<u8>| {
        let offset = postings.len() as u32;
        let max_impact = postings::encode(list, |doc, tf| impact(weight_of(doc, tf)), postings);
        let main = postings.len() as u32 - offset;
        if list.len() as u32 > postings::BEST_FROM {
            postings::encode(&postings::best(list, weight_of), |doc, tf| impact(weight_of(doc, tf)), postings);
        }
        let lengths = (main, postings.len() as u32 - offset - main);
        WrittenList { offset, df: list.len() as u32, max_impact, lengths }
    };

    // Posting lists and the word table, in word id order.
    let mut postings = Vec::new();
    let mut records = RecordsWriter::default();
    let mut by_rank: Vec<usize> = (0..words.len()).collect();
    by_rank.sort_by_key(|&w| rank[w]);
    for &w in &by_rank {
        records.word(write_list(&words[w].postings, &mut postings));
    }
    // Spellings found in other documents than their word's get lists too.
    let mut spelling_lists: HashMap<&str, WrittenList> = HashMap::new();
    for (key, build) in &keys {
        if !build.spelled.is_empty() && !same_documents(&build.spelled, &words[build.spelled_word].postings) {
            spelling_lists.insert(key, write_list(&build.spelled, &mut postings));
        }
    }

    // The dictionary: each key (completions first, \u{1} sorting first) and
    // its entry, in key order; the key's value is its ordinal.
    let mut entries: Vec<(String, KeyEntry)> = completions(&keys, &words)
        .into_iter()
        .map(|(prefix, best)| {
            let words = best.iter().map(|&w| rank[w]).collect();
            (format!("{COMPLETIONS_MARK}{prefix}"), KeyEntry { completions: Some(words), ..Default::default() })
        })
        .collect();
    for (key, build) in &keys {
        let ids = |set: &BTreeSet<usize>| -> Vec<u32> {
            let mut ids: Vec<u32> = set.iter().filter(|&&w| Some(w) != build.word).map(|&w| rank[w]).collect();
            ids.sort_unstable();
            ids
        };
        let spelling_list = spelling_lists.get(key.as_str()).copied();
        // A spelling found in exactly its word's documents needs saying only
        // if it is the word itself: a query spelled otherwise matches the
        // same documents through its folded word.
        let entry = KeyEntry {
            word: build.word.map(|w| rank[w]),
            spelling_list,
            spelled_same: build.word.is_some() && !build.spelled.is_empty() && spelling_list.is_none(),
            stripped: ids(&build.stripped),
            stem: ids(&build.stem),
            stem_self: build.word.is_some_and(|w| build.stem.contains(&w)),
            completions: None,
        };
        if entry.word.is_some() || entry.spelling_list.is_some() || !entry.stripped.is_empty() || !entry.stem.is_empty()
        {
            entries.push((key.clone(), entry));
        }
    }
    entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    let mut terms = fst::MapBuilder::memory();
    for (ordinal, (key, entry)) in entries.iter().enumerate() {
        records.key(entry);
        terms.insert(key, ordinal as u64).expect("keys are sorted and unique");
    }
    let records = records.finish();
    let terms = terms.into_inner().expect("writing to memory cannot fail");

    let [written, separators, docs_table, meta, stream] = store.write(&rank);
    let header =
        Header { doc_count: docs.len() as u32, word_count: words.len() as u32, total_tokens: total_tokens as u32 };
    format::write(header, [&terms, &records, &postings, &written, &separators, &docs_table, &meta, &codes, &stream])
}

/// Counts one occurrence (of weight `tf`) in document `doc`.
fn add_occurrence(list: &mut Vec<(u32, u32)>, doc: u32, tf: u32) {
    match list.last_mut() {
        Some((d, count)) if *d == doc => *count += tf,
        _ => list.push((doc, tf)),
    }
}

/// Records a new word under its other readings' keys.
fn register_readings(keys: &mut BTreeMap<String, KeyBuild>, word: usize, forms: &WordForms) {
    keys.entry(forms.folded.clone()).or_default().word = Some(word);
    for form in forms.stripped.iter().filter(|f| **f != forms.folded) {
        keys.entry(form.clone()).or_default().stripped.insert(word);
    }
    for stem in &forms.stems {
        keys.entry(stem.clone()).or_default().stem.insert(word);
    }
}

/// Do two lists hold the same documents? A spelling whose documents are its
/// word's needs no list of its own.
fn same_documents(a: &[(u32, u32)], b: &[(u32, u32)]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.0 == y.0)
}

/// For every prefix that more than [`PREFIX_STREAM_LIMIT`] keys start with:
/// the [`PREFIX_WORDS`] most common words one of whose readings (the word, or
/// it without a clitic) starts with it.
fn completions(keys: &BTreeMap<String, KeyBuild>, words: &[WordBuild]) -> BTreeMap<String, Vec<usize>> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for key in keys.keys() {
        for (end, _) in key.char_indices().skip(1).chain([(key.len(), ' ')]) {
            *counts.entry(&key[..end]).or_default() += 1;
        }
    }
    let mut candidates: BTreeMap<String, BTreeSet<usize>> = BTreeMap::new();
    for (key, build) in keys {
        let readers = build.word.into_iter().chain(build.stripped.iter().copied());
        let common: Vec<&str> = key
            .char_indices()
            .skip(1)
            .map(|(end, _)| &key[..end])
            .chain([key.as_str()])
            .filter(|p| counts.get(p).is_some_and(|&n| n > PREFIX_STREAM_LIMIT))
            .collect();
        if common.is_empty() {
            continue;
        }
        for w in readers {
            for prefix in &common {
                candidates.entry(prefix.to_string()).or_default().insert(w);
            }
        }
    }
    candidates
        .into_iter()
        .map(|(prefix, found)| {
            let mut best: Vec<usize> = found.into_iter().collect();
            best.sort_by(|&a, &b| {
                words[b].postings.len().cmp(&words[a].postings.len()).then(words[a].folded.cmp(&words[b].folded))
            });
            best.truncate(PREFIX_WORDS);
            (prefix, best)
        })
        .collect()
}
