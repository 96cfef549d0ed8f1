//! Building an index: documents in, one byte blob out (see [`super::format`]),
//! or a split index's core and chunks (see [`super::split`]).
//!
//! Every written form is analyzed once; each token's folded form is its
//! *word*. Each word gets one posting list; the documents are stored as their
//! written forms (see [`super::store`]), which give back the words in order.
//! The other readings of a token do not get lists of their own: a spelling
//! gets one only where its documents differ from its word's, and a clitic-
//! stripped form or a stem becomes a key listing the words that read so.

use super::answers::{answers_section, Answer};
use super::format::{self, Header, Kind};
use super::impact::{impact, Norms, TITLE_TF};
use super::keys::{KeyEntry, KeyTableWriter, COMPLETIONS_MARK};
use super::occurrences;
use super::postings;
use super::split::{write_keys, ChunkInfo, KINDS};
use super::store::{word_order, Form, StoreBuilder};
use super::words::{write_forms, WordRef, WordTableWriter, WrittenList};
use super::Index;
use crate::analyzer::clitics::{short_remainders, MIN_SHORT_WORD_DOCS};
use crate::analyzer::tokenize::{parts, runs};
use crate::analyzer::{analyze_word, WordForms};
use crate::corpus::Document;
use crate::search::answers;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::ops::Range;

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
    /// Per posting, the word's positions in the document.
    positions: Vec<Vec<u32>>,
    /// Words that read alike share it (the barest stem): a split index
    /// keeps them in one chunk.
    cluster: String,
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
    Corpus::read(docs).whole()
}

/// How big a split index's chunks grow (bytes before compression): each
/// chunk is closed at the first item past its size.
#[derive(Debug, Clone, Copy)]
pub struct SplitSizes {
    /// Dictionary chunks: keys, entries and spelling lists.
    pub terms: usize,
    /// Postings chunks: posting lists and occurrences.
    pub words: usize,
    /// Documents chunks: the documents' text.
    pub docs: usize,
    /// Answers chunks: stored answers, their first page's hits included.
    pub answers: usize,
    /// Typo keys chunks: keys (their bytes, before the fst shares them).
    pub near: usize,
}

/// Small chunks: a query reads a sliver of each chunk it fetches, and each
/// chunk costs the core 8–12 bytes of its table. On the Quran, 4/4/2 KB (from
/// 12/12/6) took what الله fetches, core included, from 99 to 61 KB gzipped;
/// on the 21k collection, الصلاة's from 152 to 118 KB.
impl Default for SplitSizes {
    fn default() -> Self {
        SplitSizes { terms: 4 * 1024, words: 4 * 1024, docs: 2 * 1024, answers: 8 * 1024, near: 16 * 1024 }
    }
}

/// A split index: the core (what a module embeds) and the chunks, each
/// with its file name.
pub struct SplitBuild {
    pub core: Vec<u8>,
    pub chunks: Vec<(String, Vec<u8>)>,
}

/// Compiles documents into a split index (see [`super::split`]): it answers
/// every query exactly as [`build`]'s index does.
///
/// ```
/// use bahth::corpus::Document;
/// use bahth::index::{build_split, Index};
/// let doc = Document { id: "a".into(), title: "عنوان".into(), url: None, date: None, text: "نصٌّ قصير".into() };
/// let split = build_split(&[doc], &Default::default());
/// let index = Index::from_bytes(&split.core).unwrap();
/// assert_eq!(index.chunks().len(), split.chunks.len());
/// for (name, bytes) in split.chunks {
///     index.add_chunk(&name, bytes).unwrap();
/// }
/// assert_eq!(index.search("قصير", &Default::default()).results[0].id, "a");
/// ```
pub fn build_split(docs: &[Document], sizes: &SplitSizes) -> SplitBuild {
    Corpus::read(docs).split(sizes)
}

/// Everything read from the documents, before it is written out.
struct Corpus {
    words: Vec<WordBuild>,
    keys: BTreeMap<String, KeyBuild>,
    store: StoreBuilder,
    /// Per builder word, its id.
    rank: Vec<u32>,
    /// Per document: its length code, its title's tokens, its text's bytes.
    codes: Vec<u8>,
    titles: Vec<u32>,
    sizes: Vec<usize>,
    norms: Norms,
    total_tokens: u64,
}

/// What a key entry will say, its lists not written yet.
struct EntryDraft<'c> {
    key: String,
    entry: KeyEntry,
    /// A spelling list of its own, to write beside the entry.
    spelling: Option<&'c [(u32, u32)]>,
}

impl Corpus {
    fn read(docs: &[Document]) -> Corpus {
        let mut words: Vec<WordBuild> = Vec::new();
        let mut word_ids: HashMap<String, usize> = HashMap::new();
        let mut keys: BTreeMap<String, KeyBuild> = BTreeMap::new();
        let mut store = StoreBuilder::default();
        // Per written form (the store's numbering): its words and their spellings.
        let mut form_words: Vec<Vec<(usize, String)>> = Vec::new();
        let (mut lengths, mut titles, mut sizes) = (Vec::new(), Vec::new(), Vec::new());

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
                                        let cluster = forms.stems.last().unwrap_or(&forms.folded).clone();
                                        let folded = forms.folded.clone();
                                        words.push(WordBuild { folded, cluster, ..Default::default() });
                                        words.len() - 1
                                    });
                                    // Each spelling of a word may read more ways
                                    // (a vowelled Uthmani one has other readings).
                                    register_readings(&mut keys, word, &forms);
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
                        if add_occurrence(&mut entry.postings, doc_id, weight) {
                            entry.positions.push(Vec::new());
                        }
                        if let Some(positions) = entry.positions.last_mut() {
                            positions.push(tokens);
                        }
                        let key = keys.entry(spelling.clone()).or_default();
                        add_occurrence(&mut key.spelled, doc_id, weight);
                        key.spelled_word = *word;
                        tokens += 1;
                    }
                    after_previous = end;
                }
                store.end_field(field, &text[after_previous..]);
                if field == 0 {
                    titles.push(tokens);
                }
            }
            lengths.push(tokens);
            sizes.push(doc.title.len() + doc.text.len());
        }

        register_short_words(&mut keys, &words, &word_ids);
        let occurrences: Vec<u64> = words.iter().map(|w| w.occurrences).collect();
        let texts: Vec<String> = words.iter().map(|w| w.folded.clone()).collect();
        let rank = word_order(&store, &occurrences, &texts);
        let total_tokens: u64 = lengths.iter().map(|&l| u64::from(l)).sum();
        let norms = Norms::new(total_tokens as f32 / docs.len().max(1) as f32);
        let codes = lengths.iter().map(|&l| norms.code(l)).collect();
        Corpus { words, keys, store, rank, codes, titles, sizes, norms, total_tokens }
    }

    fn header(&self, kind: Kind) -> Header {
        Header { kind, counts: [self.codes.len() as u32, self.words.len() as u32, self.total_tokens as u32] }
    }

    /// Writes a list and, if long, its best documents, into `postings`.
    fn write_list(&self, list: &[(u32, u32)], postings: &mut Vec<u8>) -> WrittenList {
        let weight_of = |doc: u32, tf: u32| self.norms.weight(tf, self.codes[doc as usize]);
        let offset = postings.len() as u32;
        let max_impact = postings::encode(list, |doc, tf| impact(weight_of(doc, tf)), postings);
        let main = postings.len() as u32 - offset;
        if list.len() as u32 > postings::BEST_FROM {
            postings::encode(&postings::best(list, weight_of), |doc, tf| impact(weight_of(doc, tf)), postings);
        }
        let lengths = (main, postings.len() as u32 - offset - main);
        WrittenList { offset, df: list.len() as u32, max_impact, lengths }
    }

    /// The dictionary's entries in key order (completions first, \u{1}
    /// sorting first), words referred to by `reference`.
    fn entries(&self, reference: &dyn Fn(usize) -> WordRef) -> Vec<EntryDraft<'_>> {
        let mut entries: Vec<EntryDraft> = completions(&self.keys, &self.words)
            .into_iter()
            .map(|(prefix, best)| EntryDraft {
                key: format!("{COMPLETIONS_MARK}{prefix}"),
                entry: KeyEntry {
                    completions: Some(best.iter().map(|&w| reference(w)).collect()),
                    ..Default::default()
                },
                spelling: None,
            })
            .collect();
        for (key, build) in &self.keys {
            let refs = |set: &BTreeSet<usize>| -> Vec<WordRef> {
                let mut refs: Vec<WordRef> =
                    set.iter().filter(|&&w| Some(w) != build.word).map(|&w| reference(w)).collect();
                refs.sort_unstable_by_key(|r| r.id);
                refs
            };
            // Spellings found in other documents than their word's get lists.
            let spelling = (!build.spelled.is_empty()
                && !same_documents(&build.spelled, &self.words[build.spelled_word].postings))
            .then_some(build.spelled.as_slice());
            // A spelling found in exactly its word's documents needs saying
            // only if it is the word itself: a query spelled otherwise
            // matches the same documents through its folded word.
            let entry = KeyEntry {
                word: build.word.map(reference),
                spelling_list: None,
                spelled_same: build.word.is_some() && !build.spelled.is_empty() && spelling.is_none(),
                stripped: refs(&build.stripped),
                stem: refs(&build.stem),
                stem_self: build.word.is_some_and(|w| build.stem.contains(&w)),
                completions: None,
            };
            if entry.word.is_some() || spelling.is_some() || !entry.stripped.is_empty() || !entry.stem.is_empty() {
                entries.push(EntryDraft { key: key.clone(), entry, spelling });
            }
        }
        entries.sort_unstable_by(|a, b| a.key.cmp(&b.key));
        entries
    }

    /// A dictionary over `entries`: `[terms, keys]`, their spelling lists
    /// written to `postings`.
    fn dictionary(&self, entries: &[EntryDraft], postings: &mut Vec<u8>, located: bool) -> [Vec<u8>; 2] {
        let mut terms = fst::MapBuilder::memory();
        let mut keys = KeyTableWriter::new(located);
        for (ordinal, draft) in entries.iter().enumerate() {
            let mut entry = draft.entry.clone();
            entry.spelling_list = draft.spelling.map(|list| self.write_list(list, postings));
            keys.key(&entry);
            terms.insert(&draft.key, ordinal as u64).expect("keys are sorted and unique");
        }
        [terms.into_inner().expect("writing to memory cannot fail"), keys.finish()]
    }

    /// The builder's words in id order.
    fn by_rank(&self) -> Vec<usize> {
        let mut by_rank: Vec<usize> = (0..self.words.len()).collect();
        by_rank.sort_by_key(|&w| self.rank[w]);
        by_rank
    }

    /// One blob.
    fn whole(&self) -> Vec<u8> {
        let mut postings = Vec::new();
        let mut words = WordTableWriter::default();
        for w in self.by_rank() {
            words.word(self.write_list(&self.words[w].postings, &mut postings), None);
        }
        let words = words.finish(false);
        let entries = self.entries(&|w| WordRef::whole(self.rank[w]));
        let [terms, keys] = self.dictionary(&entries, &mut postings, false);
        let (separators, separator_ids) = self.store.write_separators();
        let [written, docs, meta, stream] = self.store.write_docs(&self.rank, &separator_ids);
        format::write(
            self.header(Kind::Index),
            &[&terms, &words, &keys, &postings, &written, &separators, &docs, &meta, &self.codes, &stream],
        )
    }

    /// Common words as readers type them, folded (الصلاه, الله) and written
    /// as the word most often is (الصلاة; in vowelled text ٱللَّه, which the
    /// typed word keeps as ٱلله): their prefixes, and the words typed in
    /// full (a space after). The keys of the answers a split index may
    /// store for them.
    fn common_typings(&self, written: &[Option<&str>]) -> BTreeSet<String> {
        let mut keys = BTreeSet::new();
        for (w, word) in self.words.iter().enumerate() {
            if word.postings.len() < COMMON_WORD_DOCS {
                continue;
            }
            for form in [Some(word.folded.as_str()), written[w]].into_iter().flatten() {
                for (end, _) in form.char_indices().skip(1).chain([(form.len(), ' ')]) {
                    keys.extend(answers::stored_as(&form[..end]));
                }
                keys.extend(answers::stored_as(&[form, " "].concat()));
            }
        }
        keys
    }

    /// The answers a split index stores, by key (see `search::answers`), as
    /// the whole index gives them: to the prefixes whose completions are
    /// stored (the first letters of words), and to common words, typed in
    /// full or on the way (الل, الله), that would read postings in two
    /// chunks or more (الله: eight). Each such keystroke then reads one
    /// chunk, not the postings and then the documents.
    fn stored_answers(
        &self,
        entries: &[EntryDraft],
        located: &[WordRef],
        written: &[Option<&str>],
    ) -> BTreeMap<String, Answer> {
        let whole_bytes = self.whole();
        let whole = Index::from_bytes(&whole_bytes).expect("the builder writes an index it reads");
        let mut stored = BTreeMap::new();
        for prefix in entries.iter().filter_map(|d| d.key.strip_prefix(COMPLETIONS_MARK)) {
            stored.extend(answers::compute(&whole, prefix, postings::BEST).map(|a| (prefix.to_string(), a)));
        }
        let mut table_of = vec![0; self.words.len()];
        for (w, r) in located.iter().enumerate() {
            table_of[self.rank[w] as usize] = r.table;
        }
        for key in self.common_typings(written) {
            if stored.contains_key(&key) {
                continue;
            }
            let mut tables: Vec<u32> =
                answers::words_read(&whole, &key).iter().map(|&id| table_of[id as usize]).collect();
            tables.sort_unstable();
            tables.dedup();
            if tables.len() >= 2 {
                stored.extend(answers::compute(&whole, &key, COMMON_WORD_ANSWER).map(|a| (key, a)));
            }
        }
        stored
    }

    /// A core and chunks.
    fn split(&self, sizes: &SplitSizes) -> SplitBuild {
        let mut chunks: Vec<(ChunkInfo, Vec<u8>)> = Vec::new();
        let mut add = |kind: Kind, index: usize, bytes: Vec<u8>| {
            let info =
                ChunkInfo { kind, index: index as u32, length: bytes.len() as u32, checksum: format::checksum(&bytes) };
            chunks.push((info, bytes));
        };

        // Postings chunks: words that read alike together, in order of their
        // cluster, each chunk closed past its size.
        let mut order = self.by_rank();
        order.sort_by(|&a, &b| self.words[a].cluster.cmp(&self.words[b].cluster).then(self.rank[a].cmp(&self.rank[b])));
        let written = self.store.most_common_forms(self.words.len());
        let mut located = vec![WordRef::whole(0); self.words.len()];
        let mut table = 0;
        let mut start = 0;
        while start < order.len() {
            let (mut postings, mut occurrences, mut writer) = (Vec::new(), Vec::new(), WordTableWriter::default());
            let mut end = start;
            while end < order.len() && (end == start || postings.len() + occurrences.len() < sizes.words) {
                let w = order[end];
                let list = self.write_list(&self.words[w].postings, &mut postings);
                writer.word(list, Some(occurrences::encode(&self.words[w].positions, &mut occurrences)));
                let df = self.words[w].postings.len() as u32;
                located[w] = WordRef { id: self.rank[w], table, entry: (end - start) as u32, df };
                end += 1;
            }
            let count = [(end - start) as u32, 0, 0];
            let words = writer.finish(true);
            let header = Header { kind: Kind::Words, counts: count };
            add(Kind::Words, table as usize, format::write(header, &[&words, &postings, &occurrences]));
            let forms: Vec<&str> = order[start..end].iter().map(|&w| written[w].unwrap_or("")).collect();
            let header = Header { kind: Kind::Forms, counts: count };
            add(Kind::Forms, table as usize, format::write(header, &[&write_forms(&forms)]));
            table += 1;
            start = end;
        }

        let entries = self.entries(&|w| located[w]);
        let stored = self.stored_answers(&entries, &located, &written);
        let answered: String = stored.keys().flat_map(|key| [key.as_str(), "\n"]).collect();
        // Answers chunks: runs of answers, in their keys' order.
        let stored: Vec<&Answer> = stored.values().collect();
        let mut answer_firsts = Vec::new();
        for run in chunk_runs(stored.len(), sizes.answers, |i| answers_section(&stored[i..=i]).len()) {
            let header = Header { kind: Kind::Answers, counts: [run.start as u32, run.len() as u32, 0] };
            add(Kind::Answers, answer_firsts.len(), format::write(header, &[&answers_section(&stored[run.clone()])]));
            answer_firsts.push(run.start as u32);
        }

        // Dictionary chunks: ranges of keys (at least one, if empty).
        let mut firsts: Vec<&str> = Vec::new();
        let entry_size = |i: usize| {
            let (draft, entry) = (&entries[i], &entries[i].entry);
            let completions = entry.completions.as_ref().map_or(0, Vec::len);
            let refs = 4 * (entry.stripped.len() + entry.stem.len() + completions);
            draft.key.len() + 8 + refs + draft.spelling.map_or(0, |list| 2 * list.len())
        };
        for run in at_least_one(chunk_runs(entries.len(), sizes.terms, entry_size)) {
            if run.start > 0 {
                firsts.push(&entries[run.start].key);
            }
            let mut postings = Vec::new();
            let [terms, keys] = self.dictionary(&entries[run.clone()], &mut postings, true);
            let header = Header { kind: Kind::Terms, counts: [run.len() as u32, 0, 0] };
            add(Kind::Terms, firsts.len(), format::write(header, &[&terms, &keys, &postings]));
        }

        // Typo keys chunks: ranges of the keys that are words or read as
        // words once a clitic is removed (those a typo is looked for among).
        let near: Vec<&str> = entries
            .iter()
            .filter(|d| d.entry.word.is_some() || !d.entry.stripped.is_empty())
            .map(|d| d.key.as_str())
            .collect();
        let mut near_firsts: Vec<&str> = Vec::new();
        for run in at_least_one(chunk_runs(near.len(), sizes.near, |i| near[i].len())) {
            if run.start > 0 {
                near_firsts.push(near[run.start]);
            }
            let set = fst::Set::from_iter(&near[run.clone()]).expect("keys are sorted and unique");
            let header = Header { kind: Kind::Near, counts: [run.len() as u32, 0, 0] };
            add(Kind::Near, near_firsts.len(), format::write(header, &[set.as_fst().as_bytes()]));
        }

        // Documents chunks: runs of documents.
        let mut doc_firsts = Vec::new();
        for run in chunk_runs(self.codes.len(), sizes.docs, |i| self.sizes[i]) {
            let header = Header { kind: Kind::Docs, counts: [run.start as u32, run.len() as u32, 0] };
            let sections = self.store.write_texts(run.clone());
            let sections: Vec<&[u8]> = sections.iter().map(Vec::as_slice).collect();
            add(Kind::Docs, doc_firsts.len(), format::write(header, &sections));
            doc_firsts.push(run.start as u32);
        }

        // The core: the chunk table (dictionary, postings, documents, forms,
        // answers, typo keys).
        let order = |kind: Kind| KINDS.iter().position(|&k| k == kind);
        chunks.sort_by_key(|(info, _)| (order(info.kind), info.index));
        let count = |kind: Kind| chunks.iter().filter(|(info, _)| info.kind == kind).count() as u32;
        let mut table = Vec::new();
        for n in [count(Kind::Terms), count(Kind::Words), count(Kind::Docs), count(Kind::Answers), count(Kind::Near)] {
            table.extend_from_slice(&n.to_le_bytes());
        }
        for (info, _) in &chunks {
            table.extend_from_slice(&info.length.to_le_bytes());
            table.extend_from_slice(&info.checksum.to_le_bytes());
        }
        for first in doc_firsts.iter().chain(&answer_firsts) {
            table.extend_from_slice(&first.to_le_bytes());
        }
        let mut titles: Vec<u8> = self.titles.iter().map(|&t| t.min(255) as u8).collect();
        let long: Vec<(usize, u32)> = self.titles.iter().copied().enumerate().filter(|&(_, t)| t >= 255).collect();
        titles.extend_from_slice(&(long.len() as u32).to_le_bytes());
        for (doc, tokens) in long {
            titles.extend_from_slice(&(doc as u32).to_le_bytes());
            titles.extend_from_slice(&tokens.to_le_bytes());
        }
        let [shards, near] = [write_keys(&firsts), write_keys(&near_firsts)];
        let sections: [&[u8]; 6] = [&table, &shards, &self.codes, &titles, answered.as_bytes(), &near];
        let core = format::write(self.header(Kind::Core), &sections);
        SplitBuild { core, chunks: chunks.into_iter().map(|(info, bytes)| (info.name(), bytes)).collect() }
    }
}

/// `count` items cut into runs, in order: each is closed at the first item
/// that takes it to `limit` bytes or past (`size` gives an item's).
fn chunk_runs(count: usize, limit: usize, size: impl Fn(usize) -> usize) -> Vec<Range<usize>> {
    let mut runs = Vec::new();
    let mut start = 0;
    while start < count {
        let mut end = start;
        let mut bytes = 0;
        while end < count && (end == start || bytes < limit) {
            bytes += size(end);
            end += 1;
        }
        runs.push(start..end);
        start = end;
    }
    runs
}

/// `runs`, or one empty run if there is none (a split index has at least
/// one dictionary chunk and one typo keys chunk).
fn at_least_one(mut runs: Vec<Range<usize>>) -> Vec<Range<usize>> {
    if runs.is_empty() {
        runs.push(0..0);
    }
    runs
}

/// Counts one occurrence (of weight `tf`) in document `doc`; true if it is
/// the document's first.
fn add_occurrence(list: &mut Vec<(u32, u32)>, doc: u32, tf: u32) -> bool {
    match list.last_mut() {
        Some((d, count)) if *d == doc => {
            *count += tf;
            false
        }
        _ => {
            list.push((doc, tf));
            true
        }
    }
}

/// Records a word under the keys of one spelling's readings.
fn register_readings(keys: &mut BTreeMap<String, KeyBuild>, word: usize, forms: &WordForms) {
    keys.entry(forms.folded.clone()).or_default().word = Some(word);
    for form in forms.stripped.iter().filter(|f| **f != forms.folded) {
        keys.entry(form.clone()).or_default().stripped.insert(word);
    }
    for stem in &forms.stems {
        keys.entry(stem.clone()).or_default().stem.insert(word);
    }
}

/// Records each word that is a clitic and a two-letter word of the corpus
/// (برب: ب + رب) under that word's key, once the vocabulary is known.
fn register_short_words(keys: &mut BTreeMap<String, KeyBuild>, words: &[WordBuild], ids: &HashMap<String, usize>) {
    for (word, build) in words.iter().enumerate() {
        for rest in short_remainders(&build.folded) {
            let common = ids.get(rest).is_some_and(|&w| words[w].postings.len() >= MIN_SHORT_WORD_DOCS as usize);
            if common {
                keys.entry(rest.to_string()).or_default().stripped.insert(word);
            }
        }
    }
}

/// Do two lists hold the same documents? A spelling whose documents are its
/// word's needs no list of its own.
fn same_documents(a: &[(u32, u32)], b: &[(u32, u32)]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.0 == y.0)
}

/// Words in this many documents or more are common (see `common_prefixes`).
const COMMON_WORD_DOCS: usize = 64;
/// Documents stored in the answer of a common word: two pages of results.
const COMMON_WORD_ANSWER: usize = 20;

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
