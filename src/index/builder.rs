//! Building an index: documents in, one byte blob out (see [`super::format`]).
//!
//! Every written form is analyzed once; each token's folded form is its
//! *word*. Each word gets one posting list; the documents are stored as their
//! written forms (see [`super::store`]), which give back the words in order.
//! The other readings of a token do not get lists of their own: a spelling
//! gets one only where its documents differ from its word's, and a clitic-
//! stripped form or a stem becomes a key listing the words that read so.

use super::format::{self, put_varint, Header, COMPLETIONS_MARK};
use super::format::{
    KEY_COMPLETIONS, KEY_SPELLING_LIST, KEY_SPELLING_SAME, KEY_STEM, KEY_STEM_SELF, KEY_STRIPPED, KEY_WORD,
};
use super::impact::{impact, Norms, TITLE_TF};
use super::postings;
use super::store::{word_order, Form, StoreBuilder};
use super::{VALUE_KEY, VALUE_WORD, VALUE_WORD_SPELLED_SO};
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
    // A list: its postings and best documents into `postings`, its header
    // into `records`.
    let write_list = |list: &[(u32, u32)], postings: &mut Vec<u8>, records: &mut Vec<u8>| {
        let offset = postings.len() as u32;
        let max = postings::encode(list, |doc, tf| impact(weight_of(doc, tf)), postings);
        put_varint(records, list.len() as u32);
        records.push(max);
        put_varint(records, offset);
        if list.len() as u32 > postings::BEST_FROM {
            let best = postings::best(list, weight_of);
            put_varint(records, best.len() as u32);
            put_varint(records, postings.len() as u32);
            postings::encode(&best, |doc, tf| impact(weight_of(doc, tf)), postings);
        } else {
            put_varint(records, 0);
        }
    };

    // Posting lists and word records, in key order.
    let mut postings = Vec::new();
    let mut records = Vec::new();
    let mut word_records = vec![0u32; words.len()];
    // Spelling lists' headers, written into key records later.
    let mut spelling_lists: HashMap<&str, Vec<u8>> = HashMap::new();
    for (key, build) in &keys {
        if let Some(w) = build.word {
            word_records[w] = records.len() as u32;
            put_varint(&mut records, rank[w]);
            write_list(&words[w].postings, &mut postings, &mut records);
        }
        if !build.spelled.is_empty() && !same_documents(&build.spelled, &words[build.spelled_word].postings) {
            let mut header = Vec::new();
            write_list(&build.spelled, &mut postings, &mut header);
            spelling_lists.insert(key, header);
        }
    }

    // Prefixes too common to expand at query time, with their best words.
    let completions = completions(&keys, &words);

    // Key records, and the dictionary.
    let mut terms = fst::MapBuilder::memory();
    let mut entries: Vec<(String, u64)> = Vec::with_capacity(keys.len() + completions.len());
    for (prefix, best) in &completions {
        let offset = records.len() as u64;
        records.push(KEY_COMPLETIONS);
        put_varint(&mut records, best.len() as u32);
        for &w in best {
            put_varint(&mut records, word_records[w]);
        }
        entries.push((format!("{COMPLETIONS_MARK}{prefix}"), offset << 2 | VALUE_KEY));
    }
    for (key, build) in &keys {
        let list = spelling_lists.get(key.as_str());
        // A spelling found in exactly its word's documents needs a key only
        // if it is the word itself (the value's tag says so): a query spelled
        // otherwise matches the same documents through its folded word.
        let spelled = !build.spelled.is_empty() && build.word.is_some();
        let stem_self = build.word.is_some_and(|w| build.stem.contains(&w));
        let stem: Vec<usize> = build.stem.iter().copied().filter(|&w| Some(w) != build.word).collect();
        if build.word.is_none() && list.is_none() && build.stripped.is_empty() && stem.is_empty() {
            continue;
        }
        if let Some(w) =
            build.word.filter(|_| build.stripped.is_empty() && stem.is_empty() && !stem_self && list.is_none())
        {
            let tag = if spelled { VALUE_WORD_SPELLED_SO } else { VALUE_WORD };
            entries.push((key.clone(), u64::from(word_records[w]) << 2 | tag));
            continue;
        }
        let offset = records.len() as u64;
        let mut flags = 0;
        for (present, flag) in [
            (build.word.is_some(), KEY_WORD),
            (list.is_some(), KEY_SPELLING_LIST),
            (spelled && list.is_none(), KEY_SPELLING_SAME),
            (!build.stripped.is_empty(), KEY_STRIPPED),
            (!stem.is_empty(), KEY_STEM),
            (stem_self, KEY_STEM_SELF),
        ] {
            if present {
                flags |= flag;
            }
        }
        records.push(flags);
        if let Some(w) = build.word {
            put_varint(&mut records, word_records[w]);
        }
        if let Some(header) = list {
            records.extend_from_slice(header);
        }
        for members in [&build.stripped.iter().copied().collect::<Vec<_>>(), &stem] {
            if members.is_empty() {
                continue;
            }
            let mut offsets: Vec<u32> = members.iter().map(|&w| word_records[w]).collect();
            offsets.sort_unstable();
            put_varint(&mut records, offsets.len() as u32);
            let mut previous = 0;
            for o in offsets {
                put_varint(&mut records, o - previous);
                previous = o;
            }
        }
        entries.push((key.clone(), offset << 2 | VALUE_KEY));
    }
    entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    for (key, value) in entries {
        terms.insert(key, value).expect("keys are sorted and unique");
    }
    let terms = terms.into_inner().expect("writing to memory cannot fail");

    let [written, separators, docs_table, stream] = store.write(&rank);
    let header =
        Header { doc_count: docs.len() as u32, word_count: words.len() as u32, total_tokens: total_tokens as u32 };
    format::write(header, [&terms, &records, &postings, &written, &separators, &docs_table, &codes, &stream])
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
