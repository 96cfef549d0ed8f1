//! The index: a dictionary of every searchable string, a posting list per
//! word, each document's words in order, and the stored documents, in one
//! byte blob (layout: [`format`]), or split into a core and chunks fetched
//! on demand ([`split`]).
//!
//! [`build`] writes it (in `build.rs`, or at run time for the CLI's
//! `--corpus`), [`build_split`] splits it; [`Index::from_bytes`] reads
//! either in place: it checks the header and every section's checksum,
//! then points into the bytes.
//!
//! The raw layer the query engine reads: [`Index::key`] (what a string
//! stands for: a word, a spelling, the words that read as it without a
//! clitic or share it as a stem), [`Index::words_with_prefix`] and
//! [`Index::words_near`] (completions and typos), [`postings::Cursor`] over a
//! [`Word`]'s documents, [`Index::doc_words`] (a document's words in order,
//! for phrases and highlights) and [`Index::doc`] (its stored fields, rebuilt
//! from the words as written: [`store`]).

pub mod answers;
pub mod builder;
pub mod format;
mod fst_check;
pub mod fuzzy;
pub mod impact;
pub mod keys;
pub mod occurrences;
pub mod postings;
pub mod split;
pub mod store;
pub mod words;

pub use builder::{build, build_split, SplitBuild, SplitSizes};

use format::{Header, Kind, VERSION};
use fst::{IntoStreamer, Streamer};
use fuzzy::{EditDistance, Walk};
use impact::Norms;
use keys::{Entry, COMPLETIONS_MARK};
pub use keys::{Spelling, WordRefs};
pub use split::ChunkInfo;
use split::Shard;
#[cfg(reads_split)]
use split::Split;
use std::fmt;
use store::Store;
pub use store::StoredDoc;
#[cfg(reads_split)]
use store::Texts;
use words::WordTable;
pub use words::{Word, WordRef};

/// Why bytes could not be opened as an index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IndexError {
    NotAnIndex,
    WrongVersion {
        found: u32,
    },
    /// What is wrong, naming the part of the index.
    Corrupt(String),
}

impl IndexError {
    /// What went wrong, in a sentence (what `Display` writes). Put together
    /// by hand: `write!` would bring Rust's formatting machinery into the
    /// module (1 KB) for these three messages.
    pub fn message(&self) -> String {
        match self {
            IndexError::NotAnIndex => "not a bahth index (the bytes do not start with \"BAHTHIDX\")".into(),
            IndexError::WrongVersion { found } => [
                "bahth index version ",
                &decimal(u64::from(*found)),
                " cannot be read by this module, which reads version ",
                &decimal(u64::from(VERSION)),
                "; rebuild the index",
            ]
            .concat(),
            IndexError::Corrupt(what) => ["corrupt bahth index: ", what].concat(),
        }
    }
}

/// `n` in decimal digits.
pub(crate) fn decimal(n: u64) -> String {
    let mut out = String::new();
    push_decimal(&mut out, n);
    out
}

/// Appends `n` in decimal digits to `out`.
pub(crate) fn push_decimal(out: &mut String, mut n: u64) {
    let start = out.len();
    loop {
        out.insert(start, char::from(b'0' + (n % 10) as u8));
        n /= 10;
        if n == 0 {
            break;
        }
    }
}

impl fmt::Display for IndexError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for IndexError {}

/// What a dictionary key stands for.
#[derive(Debug, Clone, Copy)]
pub struct Key<'a> {
    /// The key is this word.
    pub word: Option<Word<'a>>,
    pub spelling: Spelling<'a>,
    /// Words that read as the key once a clitic is removed (besides `word`).
    pub stripped: WordRefs<'a>,
    /// Words whose light stem is the key.
    pub stem: WordRefs<'a>,
}

/// A read-only view of index bytes.
pub struct Index<'a> {
    header: Header,
    norms: Norms,
    /// Per document, its length code.
    lengths: &'a [u8],
    sections: Vec<(&'static str, &'a [u8])>,
    byte_len: usize,
    layout: Layout<'a>,
}

/// What the bytes hold. A module for a whole index reads no split one
/// (`reads_split`, set by `build.rs`): it carries none of that code.
enum Layout<'a> {
    Whole {
        shard: Shard<'a>,
        words: WordTable<'a>,
        store: Store<'a>,
    },
    #[cfg(reads_split)]
    Split(Split<'a>),
}

// Without `reads_split`, what only a split index uses goes unused.
#[cfg_attr(not(reads_split), allow(unused_variables))]
impl<'a> Index<'a> {
    /// Opens index bytes without copying them, after checking the header and
    /// every section's checksum: a whole index, or a split index's core.
    ///
    /// ```
    /// let err = bahth::Index::from_bytes(b"not an index").err().unwrap();
    /// assert_eq!(err.to_string(), "not a bahth index (the bytes do not start with \"BAHTHIDX\")");
    /// ```
    pub fn from_bytes(bytes: &'a [u8]) -> Result<Index<'a>, IndexError> {
        let split = bytes.len() >= 16 && format::get_u32(bytes, 12) == Some(1);
        let kind = if split { Kind::Core } else { Kind::Index };
        let (header, sections) = format::read(bytes, kind)?;
        let doc_count = header.counts[0];
        let mismatch = || IndexError::Corrupt("the document tables do not match the document count".into());
        let (layout, lengths) = if split {
            #[cfg(not(reads_split))]
            return Err(IndexError::Corrupt("this module reads whole indexes, not split ones".into()));
            #[cfg(reads_split)]
            (Layout::Split(Split::new(&sections, doc_count)?), sections[2])
        } else {
            let &[terms, words, keys, postings, written, separators, docs, meta, norms, stream] = &sections[..] else {
                return Err(IndexError::NotAnIndex);
            };
            let shard = Shard::new(terms, keys, postings, false)?;
            let words = WordTable::new(words, postings)
                .ok_or_else(|| IndexError::Corrupt("section \"words\" is cut short".into()))?;
            let store =
                Store::new([written, separators, docs, meta, stream], doc_count as usize).ok_or_else(mismatch)?;
            (Layout::Whole { shard, words, store }, norms)
        };
        if lengths.len() != doc_count as usize {
            return Err(mismatch());
        }
        let average = header.counts[2] as f32 / doc_count.max(1) as f32;
        let sections = kind.sections().iter().copied().zip(sections).collect();
        Ok(Index { header, norms: Norms::new(average), lengths, sections, byte_len: bytes.len(), layout })
    }

    pub fn doc_count(&self) -> u32 {
        self.header.counts[0]
    }

    /// Distinct folded words (what a reader would call the vocabulary).
    pub fn term_count(&self) -> u32 {
        self.header.counts[1]
    }

    /// Words in all documents (titles and texts), as indexed.
    pub fn token_count(&self) -> u32 {
        self.header.counts[2]
    }

    /// Keys in the dictionary (words, spellings, stripped forms, stems,
    /// stored completions); for a split index, in its chunks given so far.
    pub fn key_count(&self) -> usize {
        match &self.layout {
            Layout::Whole { shard, .. } => shard.terms.len(),
            #[cfg(reads_split)]
            Layout::Split(split) => {
                (0..split.shard_count()).filter_map(|i| split.loaded_shard(i)).map(|s| s.terms.len()).sum()
            }
        }
    }

    pub fn byte_len(&self) -> usize {
        self.byte_len
    }

    /// Each section's name and bytes (for size reports).
    pub fn sections(&self) -> Vec<(&'static str, &'a [u8])> {
        self.sections.clone()
    }

    /// BM25 weights for this corpus's document lengths.
    pub fn norms(&self) -> &Norms {
        &self.norms
    }

    /// A document's length code (see [`impact`]); 0 for a bad id.
    pub fn length_code(&self, doc: u32) -> u8 {
        self.lengths.get(doc as usize).copied().unwrap_or(0)
    }

    /// Is this the core of a split index (chunks fetched on demand)?
    pub fn is_split(&self) -> bool {
        #[cfg(reads_split)]
        return matches!(self.layout, Layout::Split(_));
        #[cfg(not(reads_split))]
        false
    }

    /// A split index's chunks (none for a whole index).
    pub fn chunks(&self) -> &[ChunkInfo] {
        match &self.layout {
            Layout::Whole { .. } => &[],
            #[cfg(reads_split)]
            Layout::Split(split) => &split.chunks,
        }
    }

    /// Gives a split index one of its chunks (named as in [`Index::chunks`]),
    /// after checking it: its length, checksum and format. Bytes that do not
    /// fit are refused with a reason naming the chunk; the index goes on
    /// answering with the chunks it has. A chunk given as a `Vec` is kept
    /// for the life of the program (a `&'static [u8]`, such as bytes
    /// compiled in, is read where it is).
    pub fn add_chunk(&self, name: &str, bytes: impl Into<std::borrow::Cow<'static, [u8]>>) -> Result<(), IndexError> {
        let bytes = bytes.into();
        match &self.layout {
            Layout::Whole { .. } => Err(IndexError::Corrupt("a whole index has no chunks".into())),
            #[cfg(reads_split)]
            Layout::Split(split) => split.add(name, bytes),
        }
    }

    /// The place in [`Index::chunks`] of the chunk named `name`.
    pub fn chunk_place(&self, name: &str) -> Option<usize> {
        match &self.layout {
            Layout::Whole { .. } => None,
            #[cfg(reads_split)]
            Layout::Split(split) => split.place_of(name),
        }
    }

    /// Has chunk `i` of [`Index::chunks`] been given?
    pub fn has_chunk(&self, i: usize) -> bool {
        match &self.layout {
            Layout::Whole { .. } => false,
            #[cfg(reads_split)]
            Layout::Split(split) => split.has(i),
        }
    }

    /// A document's fields and token ranges, or `None` for a bad id or
    /// corrupt record.
    pub fn doc(&self, doc: u32) -> Option<StoredDoc> {
        self.doc_window(doc, 0..u32::MAX)
    }

    /// Like [`Index::doc`], with only the tokens at positions `window` of
    /// the text (an excerpt's worth) rebuilt.
    pub fn doc_window(&self, doc: u32, window: std::ops::Range<u32>) -> Option<StoredDoc> {
        match &self.layout {
            Layout::Whole { store, .. } => store.doc(doc, window),
            #[cfg(reads_split)]
            Layout::Split(split) => {
                let (texts, local): (&Texts, u32) = split.docs(doc)?;
                texts.doc(local, window)
            }
        }
    }

    /// A document's words in order (title first) into `out`; returns how
    /// many of them are the title's, or `None` for a bad id or record (or
    /// a split index, which keeps positions beside the words instead).
    pub fn doc_words(&self, doc: u32, out: &mut Vec<u32>) -> Option<u32> {
        self.whole_store()?.words(doc, out)
    }

    /// Calls `visit(word, in title)` for a document's words in order, until
    /// it returns false; `None` as for [`Index::doc_words`].
    pub fn each_doc_word(&self, doc: u32, visit: &mut dyn FnMut(u32, bool) -> bool) -> Option<()> {
        self.whole_store()?.each_word(doc, visit)
    }

    /// Tokens in a document's title (split indexes keep it in the core).
    pub fn title_len(&self, doc: u32) -> u32 {
        match &self.layout {
            #[cfg(reads_split)]
            Layout::Split(split) => split.title_len(doc),
            Layout::Whole { .. } => self.doc_words(doc, &mut Vec::new()).unwrap_or(0),
        }
    }

    fn whole_store(&self) -> Option<&Store<'a>> {
        match &self.layout {
            Layout::Whole { store, .. } => Some(store),
            #[cfg(reads_split)]
            Layout::Split(_) => None,
        }
    }

    /// The most common way a word is written (for suggestions and
    /// corrections). By reference: a split index reads it from the word's
    /// forms chunk, without its postings chunk.
    pub fn written_word(&self, word: WordRef) -> Option<&'a str> {
        match &self.layout {
            Layout::Whole { store, .. } => store.written_word(word.id),
            #[cfg(reads_split)]
            Layout::Split(split) => split.written(word.table as usize, word.entry),
        }
    }

    /// A referenced word's record.
    pub fn word(&self, r: WordRef) -> Option<Word<'a>> {
        match &self.layout {
            Layout::Whole { words, .. } => words.word(r.id, 0, r.entry),
            #[cfg(reads_split)]
            Layout::Split(split) => split.words(r.table as usize)?.word(r.id, r.table, r.entry),
        }
    }

    /// The words of a list of references.
    pub fn words(&self, refs: WordRefs<'a>) -> impl Iterator<Item = Word<'a>> + '_ {
        refs.iter().filter_map(move |r| self.word(r))
    }

    /// What `key` stands for, if it is in the dictionary.
    pub fn key(&self, key: &str) -> Option<Key<'a>> {
        self.resolve(self.entry(key)?)
    }

    /// The word a key is, by reference (its record not read).
    pub fn key_reference(&self, key: &str) -> Option<WordRef> {
        self.entry(key)?.word
    }

    /// What `key` stands for, its words not looked up.
    fn entry(&self, key: &str) -> Option<Entry<'a>> {
        let shard = self.shard_of(key)?;
        shard.keys.entry(shard.terms.get(key)?)
    }

    fn resolve(&self, entry: Entry<'a>) -> Option<Key<'a>> {
        // A word whose postings chunk is missing is left out (and the chunk
        // noted), so that the key's other words get noted in the same round.
        let word = entry.word.and_then(|r| self.word(r));
        if entry.word.is_some() && word.is_none() && !self.is_split() {
            return None; // a whole index: a bad record
        }
        Some(Key { word, spelling: entry.spelling, stripped: entry.stripped, stem: entry.stem })
    }

    /// The answer a split index stores by `key` (see `search::answers`), if
    /// it has one and its answers chunk (else that chunk is noted).
    pub fn stored_answer(&self, key: &str) -> Option<answers::Answer> {
        match &self.layout {
            Layout::Whole { .. } => None,
            #[cfg(reads_split)]
            Layout::Split(split) => split.stored_answer(key),
        }
    }

    /// Does a split index store an answer by `key`?
    pub fn answers(&self, key: &str) -> bool {
        #[cfg(reads_split)]
        return matches!(&self.layout, Layout::Split(split) if split.answers(key));
        #[cfg(not(reads_split))]
        false
    }

    /// The dictionary (chunk) whose keys range over `key`.
    fn shard_of(&self, key: &str) -> Option<&Shard<'a>> {
        match &self.layout {
            Layout::Whole { shard, .. } => Some(shard),
            #[cfg(reads_split)]
            Layout::Split(split) => split.shard(split.shard_of(key)),
        }
    }

    /// How many dictionaries (chunks) keys starting with `prefix` may lie in.
    fn shard_span(&self, prefix: &str) -> usize {
        match &self.layout {
            Layout::Whole { .. } => 1,
            #[cfg(reads_split)]
            Layout::Split(split) => split.shards_with_prefix(prefix).len(),
        }
    }

    /// The dictionaries (chunks) whose keys may start with `prefix` (all:
    /// ""), in key order; any not given yet are noted and left out.
    fn shards(&self, prefix: &str) -> Vec<&Shard<'a>> {
        match &self.layout {
            Layout::Whole { shard, .. } => vec![shard],
            #[cfg(reads_split)]
            Layout::Split(split) => split.shards_with_prefix(prefix).filter_map(|i| split.shard(i)).collect(),
        }
    }

    /// The most common words (at most `limit`) one of whose readings (the
    /// word itself, or it without a clitic) starts with `prefix`, most
    /// documents first.
    pub fn words_with_prefix(&self, prefix: &str, limit: usize) -> Vec<Word<'a>> {
        let mut words = Vec::new();
        for c in self.prefix_completions(prefix, limit) {
            words.extend(c.word(self));
        }
        words
    }

    /// [`Index::words_with_prefix`] as [`Completion`]s: in a split index,
    /// references carry their words' document counts, and a caller
    /// fetches the chunks of only the words it takes.
    pub fn prefix_completions(&self, prefix: &str, limit: usize) -> Vec<Completion> {
        let mut stored = String::with_capacity(prefix.len() + 1);
        stored.push(COMPLETIONS_MARK);
        stored.push_str(prefix);
        let Some(shard) = self.shard_of(&stored) else {
            // A split index without that chunk yet (noted): it tells whether
            // the prefix is common (its completions stored) or not (its keys
            // streamed). Streaming now would fetch every chunk of a common
            // prefix's keys (ا: 98 chunks of 626 on the 21k collection); a
            // rare prefix's one or two come in this round.
            if self.shard_span(prefix) <= 2 {
                self.shards(prefix);
            }
            return Vec::new();
        };
        let best = shard.terms.get(&stored).and_then(|ordinal| shard.keys.completions(ordinal));
        // (Loops, not iterator chains: they make less code in the module.)
        let mut found: Vec<Completion> = Vec::new();
        match best {
            Some(best) => {
                for r in best.iter() {
                    found.extend(self.completion(r));
                }
            }
            None => {
                // The builder stores completions for every prefix with more
                // keys than PREFIX_STREAM_LIMIT: this stream is short.
                let mut left = builder::PREFIX_STREAM_LIMIT;
                // (By reference, as `keys_near` searches: one automaton type.)
                let starting = Walk::Prefix(prefix.as_bytes());
                for shard in self.shards(prefix) {
                    let mut stream = shard.terms.search(&starting).into_stream();
                    while let Some((_, ordinal)) = stream.next() {
                        if left == 0 {
                            break;
                        }
                        left -= 1;
                        let Some(entry) = shard.keys.entry(ordinal) else { continue };
                        for r in entry.word.into_iter().chain(entry.stripped.iter()) {
                            found.extend(self.completion(r));
                        }
                    }
                }
            }
        }
        by_document_count(&mut found);
        found.truncate(limit);
        found
    }

    /// Keys (at most `limit`) within `distance` edits of `term` (see
    /// [`fuzzy`]), each with the words that read as it. Such a key starts
    /// with `term`'s first letter up to its dots. A split index looks for
    /// them in its typo keys chunks of those letters, then reads the
    /// dictionary chunks of only the keys found.
    pub fn keys_near(&self, term: &str, distance: u8, limit: usize) -> Vec<(String, Vec<Completion>)> {
        let near = Walk::Near(EditDistance::new(term, distance));
        let mut keys = Vec::new();
        match &self.layout {
            Layout::Whole { shard, .. } => {
                let mut stream = shard.terms.search(&near).into_stream();
                while let (true, Some((key, ordinal))) = (keys.len() < limit, stream.next()) {
                    if let Some(entry) = shard.keys.entry(ordinal) {
                        let readers = self.readers(&entry);
                        // (Keys are UTF-8: the fst check at open sees to it.)
                        if let (false, Ok(key)) = (readers.is_empty(), std::str::from_utf8(key)) {
                            keys.push((key.to_string(), readers));
                        }
                    }
                }
            }
            #[cfg(reads_split)]
            Layout::Split(split) => {
                let firsts = term.chars().next().map_or_else(|| vec![String::new()], fuzzy::same_skeleton);
                let mut places: Vec<usize> = firsts.iter().flat_map(|f| split.near_with_prefix(f)).collect();
                crate::sort::sort_by(&mut places, &|a, b| a < b);
                places.dedup();
                // All of them, or the keys found would not be the first:
                // those missing are noted, and nothing is looked up yet.
                let sets: Vec<_> = places.into_iter().map(|i| split.near(i)).collect();
                let Some(sets) = sets.into_iter().collect::<Option<Vec<_>>>() else { return keys };
                // Every typo key has readers: those whose dictionary chunk
                // is not here yet (noted) count towards the limit too.
                let mut found = 0;
                for set in sets {
                    let mut stream = set.search(&near).into_stream();
                    while let (true, Some(key)) = (found < limit, stream.next()) {
                        found += 1;
                        let Ok(key) = std::str::from_utf8(key) else { continue };
                        if let Some(readers) = self.entry(key).map(|entry| self.readers(&entry)) {
                            keys.push((key.to_string(), readers));
                        }
                    }
                }
            }
        }
        keys
    }

    /// A referenced word as a completion: in a split index the reference
    /// carries its document count (its chunk is not read yet); a whole
    /// index reads it from the word's record.
    fn completion(&self, r: WordRef) -> Option<Completion> {
        let df = if self.is_split() { r.df } else { self.word(r)?.list.df };
        Some(Completion(WordRef { df, ..r }))
    }

    /// The words that read as a key: the key's own word, and those that do
    /// once a clitic is removed. As completions: a query fetches the
    /// postings chunks of only those it takes.
    fn readers(&self, key: &Entry<'a>) -> Vec<Completion> {
        key.word.into_iter().chain(key.stripped.iter()).filter_map(|r| self.completion(r)).collect()
    }
}

/// A word some reading of which starts with a prefix (or near a typo): a
/// reference to it with its document count known, its record read only
/// when taken (in a split index, a query fetches the chunks of only the
/// words it takes; see [`Index::prefix_completions`]).
#[derive(Debug, Clone, Copy)]
pub struct Completion(WordRef);

impl Completion {
    /// The reference to the word.
    pub fn reference(&self) -> WordRef {
        self.0
    }

    /// The documents the word is in.
    pub fn df(&self) -> u32 {
        self.0.df
    }

    /// The word; in a split index, `None` while its postings chunk is
    /// missing (the chunk is noted).
    pub fn word<'a>(&self, index: &Index<'a>) -> Option<Word<'a>> {
        index.word(self.0)
    }
}

/// Sorts words by document frequency (most first), then id; removes repeats.
pub fn by_document_count(words: &mut Vec<Completion>) {
    crate::sort::sort_by(words, &|a, b| (b.0.df, a.0.id) < (a.0.df, b.0.id));
    words.dedup_by_key(|w| w.0.id);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyzer::tokenize;
    use crate::corpus::Document;
    use postings::{Cursor, END};

    fn doc(id: &str, title: &str, text: &str) -> Document {
        Document { id: id.into(), title: title.into(), url: None, date: None, text: text.into() }
    }

    fn docs_of(word: &Word<'_>) -> Vec<(u32, u32)> {
        let mut cursor = Cursor::new(word.list);
        let mut out = Vec::new();
        while cursor.doc() != END {
            out.push((cursor.doc(), cursor.tf()));
            cursor.next();
        }
        out
    }

    #[test]
    fn round_trip() {
        let mut with_url = doc("b", "تغريدات", "وقالت الخارجية في تغريدة إن الوزير السُّوري وصل");
        with_url.url = Some("https://example.org/b".into());
        let bytes = build(&[doc("a", "عنوان أول", "العلاقات الثنائية مع السوري"), with_url]);
        let index = Index::from_bytes(&bytes).unwrap();
        assert_eq!(index.doc_count(), 2);
        let b = index.doc(1).unwrap();
        assert_eq!(
            (b.id.as_str(), b.title.as_str(), b.url.as_deref()),
            ("b", "تغريدات", Some("https://example.org/b"))
        );
        assert_eq!(b.text, "وقالت الخارجية في تغريدة إن الوزير السُّوري وصل");
        assert_eq!(index.doc(0).unwrap().url, None);
        assert_eq!(index.doc(2), None);

        // The words in order: title first, then the text's.
        let mut words = Vec::new();
        assert_eq!(index.doc_words(1, &mut words), Some(1));
        assert_eq!(words.len(), 1 + 8);
        let suri = index.key("السوري").unwrap().word.unwrap();
        assert_eq!(words[7], suri.id);
        let (start, end) = b.text_ranges[6];
        assert_eq!(&b.text[start..end], "السُّوري");
        assert_eq!(index.written_word(suri.reference()), Some("السوري"), "equally common: the first sorted");

        // A word's documents, title occurrences weighted.
        assert_eq!(docs_of(&suri), [(0, 1), (1, 1)]);
        assert_eq!(docs_of(&index.key("تغريدات").unwrap().word.unwrap()), [(1, 3)]);
        // Spellings: "السوري" is written so in document 0 only (1 has vowels,
        // which spellings ignore: same documents, so no list of its own).
        assert_eq!(index.key("السوري").unwrap().spelling, Spelling::SameAsWord);
        // Stems: تغريدة and تغريدات share تغريد.
        let stem: Vec<u32> = index.words(index.key("تغريد").unwrap().stem).map(|w| w.id).collect();
        assert_eq!(stem.len(), 2);
        // Clitics: وقالت reads as قالت.
        let stripped: Vec<u32> = index.words(index.key("قالت").unwrap().stripped).map(|w| w.id).collect();
        assert_eq!(stripped, [index.key("وقالت").unwrap().word.unwrap().id]);

        let prefixed: Vec<u32> = index.words_with_prefix("الث", 10).iter().map(|w| w.id).collect();
        assert_eq!(prefixed, [index.key("الثناييه").unwrap().word.unwrap().id]); // ئ folds to ي
        let near: Vec<(String, Vec<u32>)> = index
            .keys_near("الخارجيا", 1, 10)
            .into_iter()
            .map(|(key, words)| (key, words.iter().map(|w| w.reference().id).collect()))
            .collect();
        assert_eq!(near, [("الخارجيه".to_string(), vec![index.key("الخارجيه").unwrap().word.unwrap().id])]);
    }

    #[test]
    fn documents_come_back_byte_for_byte_with_their_tokens() {
        let texts = [
            "قال السُّوريُّ: «نعم»، ثم\n\nمضى…  ",
            "\u{200F}كتا\u{200C}ب\u{200F} و ـــ َ ُ ﷺ Logo ٢٠١٥ & سوريا&على",
            "",
            "   ",
            "ٱلرَّحۡمَٰنِ\u{06DD}الحمد (١) café",
        ];
        let docs: Vec<Document> = texts.iter().enumerate().map(|(i, t)| doc(&i.to_string(), t, t)).collect();
        let bytes = build(&docs);
        let index = Index::from_bytes(&bytes).unwrap();
        let mut words = Vec::new();
        for (i, text) in texts.iter().enumerate() {
            let stored = index.doc(i as u32).unwrap();
            assert_eq!((stored.title.as_str(), stored.text.as_str()), (*text, *text));
            let tokens: Vec<(usize, usize)> = tokenize(text).iter().map(|t| (t.start, t.end)).collect();
            assert_eq!(stored.text_ranges, tokens, "{text:?}");
            assert_eq!(stored.title_ranges, tokens, "{text:?}");
            assert_eq!(index.doc_words(i as u32, &mut words), Some(tokens.len() as u32));
            assert_eq!(words.len(), 2 * tokens.len());
        }
    }

    #[test]
    fn a_window_of_the_text() {
        let text = "قال: «العلاقاتُ الثنائية» ﷺ جيدة، ثم مضى.";
        let bytes = build(&[doc("a", "عنوان", text)]);
        let index = Index::from_bytes(&bytes).unwrap();
        let tokens: Vec<(usize, usize)> = tokenize(text).iter().map(|t| (t.start, t.end)).collect();
        let full = index.doc(0).unwrap();
        assert_eq!((full.text.as_str(), full.cut), (text, (false, false)));
        for (from, to) in [(1, 3), (0, 2), (3, 7), (5, 100), (2, 3)] {
            let window = index.doc_window(0, from..to).unwrap();
            let to = (to as usize).min(tokens.len());
            let words: Vec<&str> = window.text_ranges.iter().map(|&(s, e)| &window.text[s..e]).collect();
            let want: Vec<&str> = tokens[from as usize..to].iter().map(|&(s, e)| &text[s..e]).collect();
            assert_eq!(words, want, "{from}..{to}");
            assert_eq!(window.cut, (from > 0, to < tokens.len()), "{from}..{to}");
            assert_eq!(window.title, "عنوان");
        }
    }

    #[test]
    fn ids_and_urls_across_front_coding_groups() {
        let docs: Vec<Document> = (0..40)
            .map(|i| {
                let mut d = doc(&format!("البقرة:{i}"), "عنوان", "نص");
                d.url = (i % 3 != 1).then(|| format!("https://quran.com/2/{i}"));
                d
            })
            .collect();
        let bytes = build(&docs);
        let index = Index::from_bytes(&bytes).unwrap();
        for (i, d) in docs.iter().enumerate() {
            let stored = index.doc(i as u32).unwrap();
            assert_eq!((&stored.id, &stored.url), (&d.id, &d.url), "document {i}");
        }
        assert_eq!(index.doc(40), None);
    }

    #[test]
    fn spellings_that_differ_get_their_own_list() {
        let bytes = build(&[doc("a", "", "أعلنت الوزارة"), doc("b", "", "اعلنت الوزارة")]);
        let index = Index::from_bytes(&bytes).unwrap();
        let Some(Key { spelling: Spelling::List(list), .. }) = index.key("أعلنت") else {
            panic!("a list of its own")
        };
        assert_eq!(list.df, 1);
        let bare = index.key("اعلنت").unwrap();
        assert!(matches!(bare.spelling, Spelling::List(l) if l.df == 1));
        assert_eq!(bare.word.unwrap().list.df, 2);
    }

    #[test]
    fn decimal_writes_numbers_as_format_does() {
        for n in [0, 7, 10, 1234, u64::from(u32::MAX), u64::MAX] {
            assert_eq!(decimal(n), n.to_string());
        }
    }

    #[test]
    fn rejects_foreign_and_damaged_bytes() {
        assert_eq!(Index::from_bytes(b"hello world, not an index").err(), Some(IndexError::NotAnIndex));
        assert_eq!(Index::from_bytes(b"").err(), Some(IndexError::NotAnIndex));
        let mut bytes = build(&[doc("a", "t", "x")]);
        bytes[8] = 4;
        let err = Index::from_bytes(&bytes).err().unwrap();
        assert_eq!(
            err.to_string(),
            "bahth index version 4 cannot be read by this module, which reads version 5; rebuild the index"
        );
        let bytes = build(&[doc("a", "t", "x")]);
        assert_eq!(
            Index::from_bytes(&bytes[..bytes.len() - 3]).err().unwrap().to_string(),
            "corrupt bahth index: section \"stream\" lies outside the bytes (cut short?)"
        );
        let mut flipped = bytes.clone();
        let last = flipped.len() - 1;
        flipped[last] ^= 0x20;
        assert_eq!(
            Index::from_bytes(&flipped).err().unwrap().to_string(),
            "corrupt bahth index: section \"stream\" fails its checksum"
        );
    }
}
