//! Building an index: documents in, one byte blob out (see [`super::format`]).
//!
//! Every token is analyzed once; its folded form is its *word*. Each word
//! gets one posting list and its id goes into the document's forward index.
//! The other readings of a token do not get lists of their own: a spelling
//! gets one only where its documents differ from its word's, and a clitic-
//! stripped form or a stem becomes a key listing the words that read so.

use super::format::{self, put_varint, Header, COMPLETIONS_MARK, DOC_ENTRY_LEN};
use super::format::{
    KEY_COMPLETIONS, KEY_SPELLING_LIST, KEY_SPELLING_SAME, KEY_STEM, KEY_STEM_SELF, KEY_STRIPPED, KEY_WORD,
};
use super::impact::{impact, Norms, TITLE_TF};
use super::postings;
use super::{VALUE_KEY, VALUE_WORD, VALUE_WORD_SPELLED_SO};
use crate::analyzer::{analyze_word, tokenize, WordForms};
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
    /// Original spelling → (count, first doc, first position): the most
    /// common one is what suggestions show.
    spellings: HashMap<String, (u32, u32, u32)>,
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
    let mut analyses: HashMap<String, (usize, WordForms)> = HashMap::new();
    let mut forward: Vec<Vec<usize>> = Vec::with_capacity(docs.len());
    let mut title_lengths = Vec::with_capacity(docs.len());
    let mut text = Vec::new();
    let mut text_offsets = Vec::with_capacity(docs.len());

    for (doc_id, doc) in docs.iter().enumerate() {
        let doc_id = doc_id as u32;
        let title_tokens = tokenize(&doc.title);
        let text_tokens = tokenize(&doc.text);
        title_lengths.push(title_tokens.len() as u32);
        let mut tokens = Vec::with_capacity(title_tokens.len() + text_tokens.len());
        let title_count = title_tokens.len();
        let sources = title_tokens.iter().map(|t| (t, &doc.title)).chain(text_tokens.iter().map(|t| (t, &doc.text)));
        for (position, (token, source)) in sources.enumerate() {
            let weight = if position < title_count { TITLE_TF } else { 1 };
            let (word, forms) = analyses.entry(token.surface.clone()).or_insert_with(|| {
                let forms = analyze_word(&token.surface, &token.folded);
                let word = *word_ids.entry(forms.folded.clone()).or_insert_with(|| {
                    words.push(WordBuild { folded: forms.folded.clone(), ..Default::default() });
                    words.len() - 1
                });
                register_readings(&mut keys, word, &forms);
                (word, forms)
            });
            let entry = &mut words[*word];
            entry.occurrences += 1;
            add_occurrence(&mut entry.postings, doc_id, weight);
            let seen = entry.spellings.entry(source[token.start..token.end].to_string()).or_insert((
                0,
                doc_id,
                position as u32,
            ));
            seen.0 += 1;
            let spelling = keys.entry(forms.spelling.clone()).or_default();
            add_occurrence(&mut spelling.spelled, doc_id, weight);
            spelling.spelled_word = *word;
            tokens.push(*word);
        }
        forward.push(tokens);

        text_offsets.push(text.len() as u32);
        let url = doc.url.as_deref().unwrap_or("");
        for len in [doc.id.len(), doc.title.len(), doc.url.as_ref().map_or(0, |u| u.len() + 1), doc.text.len()] {
            put_varint(&mut text, len as u32);
        }
        for field in [&doc.id, &doc.title, url, &doc.text] {
            text.extend_from_slice(field.as_bytes());
        }
    }

    // Word ids by frequency: the forward index's varints stay short.
    let mut ranked: Vec<usize> = (0..words.len()).collect();
    ranked
        .sort_by(|&a, &b| words[b].occurrences.cmp(&words[a].occurrences).then(words[a].folded.cmp(&words[b].folded)));
    let mut rank = vec![0u32; words.len()];
    for (r, &w) in ranked.iter().enumerate() {
        rank[w] = r as u32;
    }

    let total_tokens: u64 = forward.iter().map(|t| t.len() as u64).sum();
    let norms = Norms::new(total_tokens as f32 / docs.len().max(1) as f32);
    let codes: Vec<u8> = forward.iter().map(|t| norms.code(t.len() as u32)).collect();
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
            let word = &words[w];
            word_records[w] = records.len() as u32;
            let (_, display_doc, display_pos) = word
                .spellings
                .values()
                .copied()
                .max_by_key(|&(count, doc, pos)| (count, std::cmp::Reverse((doc, pos))))
                .unwrap_or_default();
            put_varint(&mut records, rank[w]);
            write_list(&word.postings, &mut postings, &mut records);
            put_varint(&mut records, display_doc);
            put_varint(&mut records, display_pos);
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
        let spelled = !build.spelled.is_empty();
        let list = spelling_lists.get(key.as_str());
        let stem_self = build.word.is_some_and(|w| build.stem.contains(&w));
        let stem: Vec<usize> = build.stem.iter().copied().filter(|&w| Some(w) != build.word).collect();
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

    let mut forward_bytes = Vec::new();
    let mut docs_table = Vec::with_capacity(docs.len() * DOC_ENTRY_LEN);
    for (doc, tokens) in forward.iter().enumerate() {
        docs_table.extend_from_slice(&text_offsets[doc].to_le_bytes());
        docs_table.extend_from_slice(&(forward_bytes.len() as u32).to_le_bytes());
        put_varint(&mut forward_bytes, tokens.len() as u32);
        put_varint(&mut forward_bytes, title_lengths[doc]);
        for &w in tokens {
            put_varint(&mut forward_bytes, rank[w]);
        }
    }

    let header =
        Header { doc_count: docs.len() as u32, word_count: words.len() as u32, total_tokens: total_tokens as u32 };
    format::write(header, [&terms, &records, &postings, &forward_bytes, &docs_table, &codes, &text])
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
