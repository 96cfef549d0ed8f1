//! Dictionary entries: what each key of the dictionary stands for. Both
//! halves, writing and reading, so the layout lives in one place.
//!
//! ```text
//! keys      key count u32 · per 16 keys: u32 offset of its entry
//!           · entries, in dictionary order (below)
//! ```
//!
//! The dictionary maps each key to its ordinal (an fst then shares the
//! suffixes of keys: half the size of one mapping keys to offsets). An
//! entry is a flags byte, then the parts the flags announce, in order:
//! - [`KEY_WORD`]: the key is a word: a reference to it;
//! - [`KEY_SPELLING_LIST`]: documents where the key is written exactly so
//!   (vowels aside) differ from its word's: their list's offset in the
//!   postings, then the list's record (as in the word table);
//!   [`KEY_SPELLING_SAME`]: the key is how its word is written in all its
//!   documents;
//! - [`KEY_STRIPPED`]: words that read as the key once a clitic is removed
//!   (a word always reads as itself: not listed);
//! - [`KEY_STEM`]: words whose light stem is the key ([`KEY_STEM_SELF`]: the
//!   key's own word too);
//! - [`KEY_COMPLETIONS`] (keys [`COMPLETIONS_MARK`] + prefix): the most common
//!   words some reading of which starts with the prefix, for prefixes too
//!   common to expand from the dictionary.
//!
//! Word lists are `count, references` (ids ascending and delta-coded;
//! completions most common first, not delta-coded). A reference is a word
//! id; in a split index's dictionary chunks it is followed by where the
//! word's record is, the postings chunk and the entry in it, and by the
//! word's document count (a query chooses the words a prefix expands to
//! by their counts, and fetches the chunks of only those it takes).

use super::format::{get_u32, get_varint, put_varint};
use super::postings::List;
use super::words::{list, list_entry, put_list, WordRef, WrittenList};

pub const KEY_WORD: u8 = 1;
pub const KEY_SPELLING_LIST: u8 = 2;
pub const KEY_SPELLING_SAME: u8 = 4;
pub const KEY_STRIPPED: u8 = 8;
pub const KEY_STEM: u8 = 16;
pub const KEY_STEM_SELF: u8 = 32;
pub const KEY_COMPLETIONS: u8 = 64;
/// Starts the keys of stored completions: no analyzed word contains it.
pub const COMPLETIONS_MARK: char = '\u{1}';

/// Keys per sample of the table.
const SAMPLE: u32 = 16;

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

/// What one dictionary key stands for, its words not yet looked up.
#[derive(Debug, Clone, Copy)]
pub struct Entry<'a> {
    /// The key is this word.
    pub word: Option<WordRef>,
    pub spelling: Spelling<'a>,
    /// Words that read as the key once a clitic is removed (besides `word`).
    pub stripped: WordRefs<'a>,
    /// Words whose light stem is the key.
    pub stem: WordRefs<'a>,
}

/// A stored list of word references, read on demand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WordRefs<'a> {
    bytes: &'a [u8],
    count: u32,
    /// Ids ascend and are stored as differences.
    delta: bool,
    /// Each id is followed by where the word's record is.
    located: bool,
    /// The key's own word comes first.
    with_self: Option<WordRef>,
}

impl<'a> WordRefs<'a> {
    const NONE: WordRefs<'static> = WordRefs { bytes: &[], count: 0, delta: false, located: false, with_self: None };

    pub fn is_empty(&self) -> bool {
        self.count == 0 && self.with_self.is_none()
    }

    /// The references, in order.
    pub fn iter(self) -> impl Iterator<Item = WordRef> + 'a {
        let (mut pos, mut previous) = (0, 0u32);
        let listed = (0..self.count).map_while(move |_| {
            let value = get_varint(self.bytes, &mut pos)?;
            previous = if self.delta { previous.checked_add(value)? } else { value };
            if !self.located {
                return Some(WordRef::whole(previous));
            }
            let (table, entry) = (get_varint(self.bytes, &mut pos)?, get_varint(self.bytes, &mut pos)?);
            Some(WordRef { id: previous, table, entry, df: get_varint(self.bytes, &mut pos)? })
        });
        self.with_self.into_iter().chain(listed)
    }
}

/// A keys section, read in place.
#[derive(Clone, Copy)]
pub struct KeyTable<'a> {
    bytes: &'a [u8],
    /// Where spelling lists' offsets point.
    postings: &'a [u8],
    keys: u32,
    /// References carry where their words' records are (a split index).
    located: bool,
}

impl<'a> KeyTable<'a> {
    pub fn new(bytes: &'a [u8], postings: &'a [u8], located: bool) -> Option<KeyTable<'a>> {
        let keys = get_u32(bytes, 0)?;
        let end = 4 + 4 * keys.div_ceil(SAMPLE) as usize;
        (bytes.len() >= end).then_some(KeyTable { bytes, postings, keys, located })
    }

    pub fn len(&self) -> u32 {
        self.keys
    }

    pub fn is_empty(&self) -> bool {
        self.keys == 0
    }

    /// What the key of a dictionary ordinal stands for (`None` for
    /// completions or bad bytes).
    pub fn entry(&self, ordinal: u64) -> Option<Entry<'a>> {
        let (flags, mut pos) = self.flags(ordinal)?;
        if flags & KEY_COMPLETIONS != 0 {
            return None;
        }
        let word = if flags & KEY_WORD != 0 { Some(self.reference(&mut pos)?) } else { None };
        let spelling = if flags & KEY_SPELLING_LIST != 0 {
            let offset = get_varint(self.bytes, &mut pos)? as usize;
            let (df, max_impact, lengths) = list_entry(self.bytes, &mut pos)?;
            Spelling::List(list(self.postings, df, max_impact, offset, lengths)?)
        } else if flags & KEY_SPELLING_SAME != 0 {
            Spelling::SameAsWord
        } else {
            Spelling::Absent
        };
        let stripped = self.refs(&mut pos, flags & KEY_STRIPPED != 0, None, true)?;
        let own = word.filter(|_| flags & KEY_STEM_SELF != 0);
        let stem = self.refs(&mut pos, flags & KEY_STEM != 0, own, true)?;
        Some(Entry { word, spelling, stripped, stem })
    }

    /// Stored completions: the words of a completions entry, most common
    /// first.
    pub fn completions(&self, ordinal: u64) -> Option<WordRefs<'a>> {
        let (flags, mut pos) = self.flags(ordinal)?;
        if flags != KEY_COMPLETIONS {
            return None;
        }
        self.refs(&mut pos, true, None, false)
    }

    /// The flags of an entry and where its parts start.
    fn flags(&self, ordinal: u64) -> Option<(u8, usize)> {
        let ordinal = u32::try_from(ordinal).ok().filter(|&o| o < self.keys)?;
        let mut pos = get_u32(self.bytes, 4 + 4 * (ordinal / SAMPLE) as usize)? as usize;
        for _ in 0..ordinal % SAMPLE {
            self.skip_entry(&mut pos)?;
        }
        let flags = *self.bytes.get(pos)?;
        Some((flags, pos + 1))
    }

    fn reference(&self, pos: &mut usize) -> Option<WordRef> {
        let id = get_varint(self.bytes, pos)?;
        if !self.located {
            return Some(WordRef::whole(id));
        }
        let (table, entry) = (get_varint(self.bytes, pos)?, get_varint(self.bytes, pos)?);
        Some(WordRef { id, table, entry, df: get_varint(self.bytes, pos)? })
    }

    /// A list of references at `*pos` if `present`, moving past it.
    fn refs(&self, pos: &mut usize, present: bool, with_self: Option<WordRef>, delta: bool) -> Option<WordRefs<'a>> {
        if !present {
            return Some(WordRefs { with_self, ..WordRefs::NONE });
        }
        let count = get_varint(self.bytes, pos)?;
        let bytes = self.bytes.get(*pos..)?;
        for _ in 0..count {
            self.reference(pos)?;
        }
        Some(WordRefs { bytes, count, delta, located: self.located, with_self })
    }

    /// Moves `*pos` past an entry.
    fn skip_entry(&self, pos: &mut usize) -> Option<()> {
        let flags = *self.bytes.get(*pos)?;
        *pos += 1;
        if flags & KEY_COMPLETIONS != 0 {
            self.refs(pos, true, None, false)?;
            return Some(());
        }
        if flags & KEY_WORD != 0 {
            self.reference(pos)?;
        }
        if flags & KEY_SPELLING_LIST != 0 {
            get_varint(self.bytes, pos)?;
            list_entry(self.bytes, pos)?;
        }
        for flag in [KEY_STRIPPED, KEY_STEM] {
            if flags & flag != 0 {
                self.refs(pos, true, None, true)?;
            }
        }
        Some(())
    }
}

/// What a key entry says (see the module docs).
#[derive(Default, Clone)]
pub struct KeyEntry {
    pub word: Option<WordRef>,
    pub spelling_list: Option<WrittenList>,
    pub spelled_same: bool,
    /// Ids ascending.
    pub stripped: Vec<WordRef>,
    pub stem: Vec<WordRef>,
    pub stem_self: bool,
    /// For completion keys: the words, most common first.
    pub completions: Option<Vec<WordRef>>,
}

/// The writing half: entries added in dictionary order.
pub struct KeyTableWriter {
    entries: Vec<u8>,
    /// Per 16 keys: entry offset (within `entries`).
    samples: Vec<u32>,
    count: u32,
    located: bool,
}

impl KeyTableWriter {
    pub fn new(located: bool) -> KeyTableWriter {
        KeyTableWriter { entries: Vec::new(), samples: Vec::new(), count: 0, located }
    }

    /// Adds the next key's entry.
    pub fn key(&mut self, entry: &KeyEntry) {
        if self.count.is_multiple_of(SAMPLE) {
            self.samples.push(self.entries.len() as u32);
        }
        self.count += 1;
        if let Some(words) = &entry.completions {
            self.entries.push(KEY_COMPLETIONS);
            self.put_refs(words, false);
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
        self.entries.push(flags);
        if let Some(word) = entry.word {
            self.put_ref(word, word.id);
        }
        if let Some(list) = entry.spelling_list {
            put_varint(&mut self.entries, list.offset);
            put_list(&mut self.entries, list);
        }
        for refs in [&entry.stripped, &entry.stem] {
            if !refs.is_empty() {
                self.put_refs(refs, true);
            }
        }
    }

    fn put_refs(&mut self, refs: &[WordRef], delta: bool) {
        put_varint(&mut self.entries, refs.len() as u32);
        let mut previous = 0;
        for &r in refs {
            self.put_ref(r, if delta { r.id - previous } else { r.id });
            previous = r.id;
        }
    }

    fn put_ref(&mut self, r: WordRef, id_value: u32) {
        put_varint(&mut self.entries, id_value);
        if self.located {
            put_varint(&mut self.entries, r.table);
            put_varint(&mut self.entries, r.entry);
            put_varint(&mut self.entries, r.df);
        }
    }

    /// The section.
    pub fn finish(self) -> Vec<u8> {
        let head = 4 + 4 * self.samples.len();
        let mut out = Vec::with_capacity(head + self.entries.len());
        out.extend_from_slice(&self.count.to_le_bytes());
        for entry in &self.samples {
            out.extend_from_slice(&(entry + head as u32).to_le_bytes());
        }
        out.extend_from_slice(&self.entries);
        out
    }
}
