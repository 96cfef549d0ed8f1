//! Records: what each word's posting list is, and what each dictionary key
//! stands for. Both halves, writing and reading, so the layout lives in one
//! place.
//!
//! ```text
//! records   word count u32 · per 16 words: u32 offset of its entry, u32
//!           offset of its list in `postings` (lists follow each other in
//!           word order)
//!           · key count u32 · per 16 keys: u32 offset of its entry
//!           · word entries, in id order: df, max impact (u8), list length
//!             in bytes, and for lists longer than `postings::BEST_FROM` the
//!             length of the best-documents list that follows it (varints)
//!           · key entries, in dictionary order (below)
//! ```
//!
//! The dictionary maps each key to its ordinal (an fst then shares the
//! suffixes of keys: half the size of one mapping keys to offsets). A key
//! entry is a flags byte, then the parts the flags announce, in order:
//! - [`KEY_WORD`]: the key is a word: its id;
//! - [`KEY_SPELLING_LIST`]: documents where the key is written exactly so
//!   (vowels aside) differ from its word's: their list's postings offset,
//!   then the list as in a word entry; [`KEY_SPELLING_SAME`]: the key is how
//!   its word is written in all its documents;
//! - [`KEY_STRIPPED`]: words that read as the key once a clitic is removed
//!   (a word always reads as itself: not listed);
//! - [`KEY_STEM`]: words whose light stem is the key ([`KEY_STEM_SELF`]: the
//!   key's own word too);
//! - [`KEY_COMPLETIONS`] (keys [`COMPLETIONS_MARK`] + prefix): the most common
//!   words some reading of which starts with the prefix, for prefixes too
//!   common to expand from the dictionary.
//!
//! Word lists are `count, word ids` (ascending and delta-coded; completions
//! most common first, not delta-coded).

use super::format::{get_u32, get_varint, put_varint};
use super::postings::{List, BEST, BEST_FROM};

pub const KEY_WORD: u8 = 1;
pub const KEY_SPELLING_LIST: u8 = 2;
pub const KEY_SPELLING_SAME: u8 = 4;
pub const KEY_STRIPPED: u8 = 8;
pub const KEY_STEM: u8 = 16;
pub const KEY_STEM_SELF: u8 = 32;
pub const KEY_COMPLETIONS: u8 = 64;
/// Starts the keys of stored completions: no analyzed word contains it.
pub const COMPLETIONS_MARK: char = '\u{1}';

/// Words or keys per sample of their tables.
const SAMPLE: u32 = 16;

/// A word of the index (a folded spelling) and where it occurs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word<'a> {
    /// Its id (0 = the most frequent word), as in documents' word sequences.
    pub id: u32,
    pub list: List<'a>,
}

/// Which documents write a key exactly so (vowels aside).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Spelling<'a> {
    /// No token is spelled so, or only in exactly the documents of the
    /// query's own folded word (no need to tell them apart).
    Absent,
    /// Exactly the documents of the key's folded word.
    SameAsWord,
    /// These documents.
    List(List<'a>),
}

/// What one dictionary key stands for.
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

/// A stored list of word ids, read on demand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WordRefs<'a> {
    bytes: &'a [u8],
    count: u32,
    /// Ids ascend and are stored as differences.
    delta: bool,
    /// The key's own word comes first.
    with_self: Option<u32>,
}

impl<'a> WordRefs<'a> {
    const NONE: WordRefs<'static> = WordRefs { bytes: &[], count: 0, delta: false, with_self: None };

    pub fn is_empty(&self) -> bool {
        self.count == 0 && self.with_self.is_none()
    }

    /// The ids, in order.
    pub fn ids(self) -> impl Iterator<Item = u32> + 'a {
        let (mut pos, mut previous) = (0, 0u32);
        let listed = (0..self.count).map_while(move |_| {
            let value = get_varint(self.bytes, &mut pos)?;
            previous = if self.delta { previous.checked_add(value)? } else { value };
            Some(previous)
        });
        self.with_self.into_iter().chain(listed)
    }
}

/// The records section, read in place.
#[derive(Clone, Copy)]
pub struct Records<'a> {
    bytes: &'a [u8],
    postings: &'a [u8],
    words: u32,
    keys: u32,
    /// Where the key samples are.
    key_samples: usize,
}

impl<'a> Records<'a> {
    pub fn new(bytes: &'a [u8], postings: &'a [u8]) -> Option<Records<'a>> {
        let words = get_u32(bytes, 0)?;
        let count_at = 4 + 8 * words.div_ceil(SAMPLE) as usize;
        let keys = get_u32(bytes, count_at)?;
        let key_samples = count_at + 4;
        let end = key_samples + 4 * keys.div_ceil(SAMPLE) as usize;
        (bytes.len() >= end).then_some(Records { bytes, postings, words, keys, key_samples })
    }

    /// A word by id.
    pub fn word(&self, id: u32) -> Option<Word<'a>> {
        if id >= self.words {
            return None;
        }
        let sample = 4 + 8 * (id / SAMPLE) as usize;
        let mut pos = get_u32(self.bytes, sample)? as usize;
        let mut offset = get_u32(self.bytes, sample + 4)? as usize;
        for _ in 0..id % SAMPLE {
            let (_, _, lengths) = list_entry(self.bytes, &mut pos)?;
            offset = offset.checked_add(lengths.0 + lengths.1)?;
        }
        let (df, max_impact, lengths) = list_entry(self.bytes, &mut pos)?;
        Some(Word { id, list: self.list(df, max_impact, offset, lengths)? })
    }

    /// The words of a list of ids.
    pub fn words(self, refs: WordRefs<'a>) -> impl Iterator<Item = Word<'a>> + 'a {
        refs.ids().filter_map(move |id| self.word(id))
    }

    /// What the key of a dictionary ordinal stands for (`None` for
    /// completions or bad bytes).
    pub fn key(&self, ordinal: u64) -> Option<Key<'a>> {
        let (flags, mut pos) = self.entry(ordinal)?;
        if flags & KEY_COMPLETIONS != 0 {
            return None;
        }
        let own = if flags & KEY_WORD != 0 { Some(get_varint(self.bytes, &mut pos)?) } else { None };
        let word = match own {
            Some(id) => Some(self.word(id)?),
            None => None,
        };
        let spelling = if flags & KEY_SPELLING_LIST != 0 {
            let offset = get_varint(self.bytes, &mut pos)? as usize;
            let (df, max_impact, lengths) = list_entry(self.bytes, &mut pos)?;
            Spelling::List(self.list(df, max_impact, offset, lengths)?)
        } else if flags & KEY_SPELLING_SAME != 0 {
            Spelling::SameAsWord
        } else {
            Spelling::Absent
        };
        let none = WordRefs::NONE;
        let mut refs = |present: bool, with_self: Option<u32>| -> Option<WordRefs<'a>> {
            if !present {
                return Some(WordRefs { with_self, ..none });
            }
            let count = get_varint(self.bytes, &mut pos)?;
            let bytes = self.bytes.get(pos..)?;
            for _ in 0..count {
                get_varint(self.bytes, &mut pos)?;
            }
            Some(WordRefs { bytes, count, delta: true, with_self })
        };
        let stripped = refs(flags & KEY_STRIPPED != 0, None)?;
        let stem = refs(flags & KEY_STEM != 0, if flags & KEY_STEM_SELF != 0 { own } else { None })?;
        Some(Key { word, spelling, stripped, stem })
    }

    /// Stored completions: the words of a completions entry.
    pub fn completions(&self, ordinal: u64) -> Option<Vec<Word<'a>>> {
        let (flags, mut pos) = self.entry(ordinal)?;
        if flags != KEY_COMPLETIONS {
            return None;
        }
        let count = get_varint(self.bytes, &mut pos)?;
        let refs = WordRefs { bytes: self.bytes.get(pos..)?, count, delta: false, with_self: None };
        Some(self.words(refs).collect())
    }

    /// The flags of a key entry and where its parts start.
    fn entry(&self, ordinal: u64) -> Option<(u8, usize)> {
        let ordinal = u32::try_from(ordinal).ok().filter(|&o| o < self.keys)?;
        let mut pos = get_u32(self.bytes, self.key_samples + 4 * (ordinal / SAMPLE) as usize)? as usize;
        for _ in 0..ordinal % SAMPLE {
            skip_entry(self.bytes, &mut pos)?;
        }
        let flags = *self.bytes.get(pos)?;
        Some((flags, pos + 1))
    }

    fn list(&self, df: u32, max_impact: u8, offset: usize, (main, best): (usize, usize)) -> Option<List<'a>> {
        let mut list = List::new(self.postings.get(offset..)?, df, max_impact);
        if best > 0 {
            list.best = (self.postings.get(offset.checked_add(main)?..)?, BEST as u32);
        }
        Some(list)
    }
}

/// Moves `*pos` past a key entry.
fn skip_entry(bytes: &[u8], pos: &mut usize) -> Option<()> {
    let flags = *bytes.get(*pos)?;
    *pos += 1;
    if flags & KEY_COMPLETIONS != 0 {
        let count = get_varint(bytes, pos)?;
        for _ in 0..count {
            get_varint(bytes, pos)?;
        }
        return Some(());
    }
    if flags & KEY_WORD != 0 {
        get_varint(bytes, pos)?;
    }
    if flags & KEY_SPELLING_LIST != 0 {
        get_varint(bytes, pos)?;
        list_entry(bytes, pos)?;
    }
    for flag in [KEY_STRIPPED, KEY_STEM] {
        if flags & flag != 0 {
            skip_ids(bytes, pos)?;
        }
    }
    Some(())
}

/// Moves `*pos` past a list of ids; returns its count.
fn skip_ids(bytes: &[u8], pos: &mut usize) -> Option<u32> {
    let count = get_varint(bytes, pos)?;
    for _ in 0..count {
        get_varint(bytes, pos)?;
    }
    Some(count)
}

/// Reads `df, max impact, length[, best length]` at `*pos`.
fn list_entry(bytes: &[u8], pos: &mut usize) -> Option<(u32, u8, (usize, usize))> {
    let df = get_varint(bytes, pos)?;
    let max_impact = *bytes.get(*pos)?;
    *pos += 1;
    let main = get_varint(bytes, pos)? as usize;
    let best = if df > BEST_FROM { get_varint(bytes, pos)? as usize } else { 0 };
    Some((df, max_impact, (main, best)))
}

/// The writing half.
#[derive(Default)]
pub struct RecordsWriter {
    words: Vec<u8>,
    /// Per 16 words: entry offset (within `words`), list offset.
    word_samples: Vec<(u32, u32)>,
    word_count: u32,
    keys: Vec<u8>,
    /// Per 16 keys: entry offset (within `keys`).
    key_samples: Vec<u32>,
    key_count: u32,
}

/// How a list was written to `postings`: its offset, df, largest impact, and
/// the byte lengths of it and of its best-documents list (0: none).
#[derive(Debug, Clone, Copy)]
pub struct WrittenList {
    pub offset: u32,
    pub df: u32,
    pub max_impact: u8,
    pub lengths: (u32, u32),
}

/// What a key entry says (see the module docs).
#[derive(Default)]
pub struct KeyEntry {
    pub word: Option<u32>,
    pub spelling_list: Option<WrittenList>,
    pub spelled_same: bool,
    pub stripped: Vec<u32>,
    pub stem: Vec<u32>,
    pub stem_self: bool,
    /// For completion keys: the words, most common first.
    pub completions: Option<Vec<u32>>,
}

impl RecordsWriter {
    /// Adds the next word's entry (words in id order, their lists written
    /// to `postings` in the same order).
    pub fn word(&mut self, list: WrittenList) {
        if self.word_count.is_multiple_of(SAMPLE) {
            self.word_samples.push((self.words.len() as u32, list.offset));
        }
        self.word_count += 1;
        put_list(&mut self.words, list);
    }

    /// Adds the next key's entry (keys in dictionary order).
    pub fn key(&mut self, entry: &KeyEntry) {
        if self.key_count.is_multiple_of(SAMPLE) {
            self.key_samples.push(self.keys.len() as u32);
        }
        self.key_count += 1;
        if let Some(words) = &entry.completions {
            self.keys.push(KEY_COMPLETIONS);
            put_varint(&mut self.keys, words.len() as u32);
            for &id in words {
                put_varint(&mut self.keys, id);
            }
            return;
        }
        let mut flags = 0;
        for (present, flag) in [
            (entry.word.is_some(), KEY_WORD),
            (entry.spelling_list.is_some(), KEY_SPELLING_LIST),
            (entry.spelled_same, KEY_SPELLING_SAME),
            (!entry.stripped.is_empty(), KEY_STRIPPED),
            (!entry.stem.is_empty(), KEY_STEM),
            (entry.stem_self, KEY_STEM_SELF),
        ] {
            if present {
                flags |= flag;
            }
        }
        self.keys.push(flags);
        if let Some(id) = entry.word {
            put_varint(&mut self.keys, id);
        }
        if let Some(list) = entry.spelling_list {
            put_varint(&mut self.keys, list.offset);
            put_list(&mut self.keys, list);
        }
        for ids in [&entry.stripped, &entry.stem] {
            if ids.is_empty() {
                continue;
            }
            put_varint(&mut self.keys, ids.len() as u32);
            let mut previous = 0;
            for &id in ids {
                put_varint(&mut self.keys, id - previous);
                previous = id;
            }
        }
    }

    /// The section.
    pub fn finish(self) -> Vec<u8> {
        let word_table = 4 + 8 * self.word_samples.len();
        let head = word_table + 4 + 4 * self.key_samples.len();
        let keys_start = head + self.words.len();
        let mut out = Vec::with_capacity(keys_start + self.keys.len());
        out.extend_from_slice(&self.word_count.to_le_bytes());
        for (entry, list) in &self.word_samples {
            out.extend_from_slice(&(entry + head as u32).to_le_bytes());
            out.extend_from_slice(&list.to_le_bytes());
        }
        out.extend_from_slice(&self.key_count.to_le_bytes());
        for entry in &self.key_samples {
            out.extend_from_slice(&(entry + keys_start as u32).to_le_bytes());
        }
        out.extend_from_slice(&self.words);
        out.extend_from_slice(&self.keys);
        out
    }
}

fn put_list(out: &mut Vec<u8>, list: WrittenList) {
    put_varint(out, list.df);
    out.push(list.max_impact);
    put_varint(out, list.lengths.0);
    if list.df > BEST_FROM {
        put_varint(out, list.lengths.1);
    }
}
