//! The word table: for each word, where its posting list is and what the
//! record says about it (df, largest impact), and in a split index's
//! postings chunks, where its occurrences are; and, for a split index's
//! forms chunks, how each word is most often written. Both halves, writing
//! and reading, so the layout lives in one place.
//!
//! ```text
//! words     word count u32 · per 16 words: u32 offset of its entry, u32
//!           offset of its list in `postings` (lists follow each other in
//!           word order) [, u32 offset of its occurrences]
//!           · entries, in word order: df, max impact (u8), list length in
//!             bytes, and for lists longer than `postings::BEST_FROM` the
//!             length of the best-documents list that follows it
//!             [, occurrences length] (varints)
//! written   (forms chunks, one per postings chunk) per 16 words: u32
//!           offset · per word: varint length, its most common written form
//! ```
//!
//! Parts in brackets are in postings chunks only; a whole index keeps its
//! words' occurrences in the documents themselves (see `store`).

use super::format::{get_u32, get_varint, put_varint};
use super::postings::{List, BEST, BEST_FROM};

/// Words per sample of the tables.
const SAMPLE: u32 = 16;

/// A word of the index (a folded spelling) and where it occurs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word<'a> {
    /// Its id (0 = the most frequent word), as in documents' word sequences.
    pub id: u32,
    pub list: List<'a>,
    /// Where in each of its documents it stands (see `occurrences`; empty
    /// in a whole index).
    pub occurrences: &'a [u8],
    /// Where its record is: (table, entry) (see [`WordRef`]).
    pub at: (u32, u32),
}

/// A reference to a word: its id, and where its record is: the postings
/// chunk and the entry in it (in a whole index: table 0, entry = id).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WordRef {
    pub id: u32,
    pub table: u32,
    pub entry: u32,
    /// Its document count, in a split index (a query chooses words by it
    /// before fetching their chunks); 0 in a whole index, where the
    /// record is at hand.
    pub df: u32,
}

impl Word<'_> {
    /// A reference to it.
    pub fn reference(&self) -> WordRef {
        WordRef { id: self.id, table: self.at.0, entry: self.at.1, df: self.list.df }
    }
}

impl WordRef {
    /// A word of a whole index.
    pub fn whole(id: u32) -> WordRef {
        WordRef { id, table: 0, entry: id, df: 0 }
    }
}

/// A word table, read in place.
#[derive(Clone, Copy)]
pub struct WordTable<'a> {
    bytes: &'a [u8],
    postings: &'a [u8],
    /// Postings chunks: the occurrences section.
    chunk: Option<&'a [u8]>,
    words: u32,
}

impl<'a> WordTable<'a> {
    /// The table of a whole index.
    pub fn new(bytes: &'a [u8], postings: &'a [u8]) -> Option<WordTable<'a>> {
        Self::open(bytes, postings, None)
    }

    /// The table of a postings chunk.
    pub fn chunk(bytes: &'a [u8], postings: &'a [u8], occurrences: &'a [u8]) -> Option<Self> {
        Self::open(bytes, postings, Some(occurrences))
    }

    fn open(bytes: &'a [u8], postings: &'a [u8], chunk: Option<&'a [u8]>) -> Option<WordTable<'a>> {
        let words = get_u32(bytes, 0)?;
        let table = WordTable { bytes, postings, chunk, words };
        (bytes.len() >= 4 + table.sample_len() * words.div_ceil(SAMPLE) as usize).then_some(table)
    }

    pub fn len(&self) -> u32 {
        self.words
    }

    pub fn is_empty(&self) -> bool {
        self.words == 0
    }

    fn sample_len(&self) -> usize {
        if self.chunk.is_some() {
            12
        } else {
            8
        }
    }

    /// The word of entry `entry`, whose id is `id`.
    pub fn word(&self, id: u32, table: u32, entry: u32) -> Option<Word<'a>> {
        if entry >= self.words {
            return None;
        }
        let sample = 4 + self.sample_len() * (entry / SAMPLE) as usize;
        let mut pos = get_u32(self.bytes, sample)? as usize;
        let mut offset = get_u32(self.bytes, sample + 4)? as usize;
        let mut occurrences_at = if self.chunk.is_some() { get_u32(self.bytes, sample + 8)? as usize } else { 0 };
        for _ in 0..entry % SAMPLE {
            let (_, _, lengths, occurrences) = self.entry(&mut pos)?;
            offset = offset.checked_add(lengths.0 + lengths.1)?;
            occurrences_at = occurrences_at.checked_add(occurrences)?;
        }
        let (df, max_impact, lengths, occurrences_len) = self.entry(&mut pos)?;
        let occurrences = match self.chunk {
            Some(bytes) => bytes.get(occurrences_at..occurrences_at.checked_add(occurrences_len)?)?,
            None => &[],
        };
        Some(Word { id, list: list(self.postings, df, max_impact, offset, lengths)?, occurrences, at: (table, entry) })
    }

    /// Reads `df, max impact, lengths[, occurrences length]` at `*pos`.
    fn entry(&self, pos: &mut usize) -> Option<(u32, u8, (usize, usize), usize)> {
        let (df, max_impact, lengths) = list_entry(self.bytes, pos)?;
        let occurrences = if self.chunk.is_some() { get_varint(self.bytes, pos)? as usize } else { 0 };
        Some((df, max_impact, lengths, occurrences))
    }
}

/// The list at `offset` of `postings` as a record describes it.
pub fn list(postings: &[u8], df: u32, max_impact: u8, offset: usize, (main, best): (usize, usize)) -> Option<List<'_>> {
    let mut list = List::new(postings.get(offset..)?, df, max_impact);
    if best > 0 {
        list.best = (postings.get(offset.checked_add(main)?..)?, BEST as u32);
    }
    Some(list)
}

/// Reads `df, max impact, length[, best length]` at `*pos`.
pub fn list_entry(bytes: &[u8], pos: &mut usize) -> Option<(u32, u8, (usize, usize))> {
    let df = get_varint(bytes, pos)?;
    let max_impact = *bytes.get(*pos)?;
    *pos += 1;
    let main = get_varint(bytes, pos)? as usize;
    let best = if df > BEST_FROM { get_varint(bytes, pos)? as usize } else { 0 };
    Some((df, max_impact, (main, best)))
}

/// How a list was written to its postings: its offset, df, largest impact,
/// and the byte lengths of it and of its best-documents list (0: none).
#[derive(Debug, Clone, Copy)]
pub struct WrittenList {
    pub offset: u32,
    pub df: u32,
    pub max_impact: u8,
    pub lengths: (u32, u32),
}

pub fn put_list(out: &mut Vec<u8>, list: WrittenList) {
    put_varint(out, list.df);
    out.push(list.max_impact);
    put_varint(out, list.lengths.0);
    if list.df > BEST_FROM {
        put_varint(out, list.lengths.1);
    }
}

/// The writing half: entries added in order.
#[derive(Default)]
pub struct WordTableWriter {
    entries: Vec<u8>,
    /// Per 16 words: entry offset (within `entries`), list offset,
    /// occurrences offset.
    samples: Vec<[u32; 3]>,
    count: u32,
    /// Postings chunks: occurrence lengths so far.
    occurrences: u32,
}

impl WordTableWriter {
    /// Adds the next word's entry (its list already written to the
    /// postings; in a chunk, its occurrences' length).
    pub fn word(&mut self, list: WrittenList, occurrences: Option<u32>) {
        if self.count.is_multiple_of(SAMPLE) {
            self.samples.push([self.entries.len() as u32, list.offset, self.occurrences]);
        }
        self.count += 1;
        put_list(&mut self.entries, list);
        if let Some(length) = occurrences {
            put_varint(&mut self.entries, length);
            self.occurrences += length;
        }
    }

    /// The `words` section.
    pub fn finish(self, chunk: bool) -> Vec<u8> {
        let sample_len = if chunk { 12 } else { 8 };
        let head = 4 + sample_len * self.samples.len();
        let mut out = Vec::with_capacity(head + self.entries.len());
        out.extend_from_slice(&self.count.to_le_bytes());
        for sample in &self.samples {
            out.extend_from_slice(&(sample[0] + head as u32).to_le_bytes());
            out.extend_from_slice(&sample[1].to_le_bytes());
            if chunk {
                out.extend_from_slice(&sample[2].to_le_bytes());
            }
        }
        out.extend_from_slice(&self.entries);
        out
    }
}

/// A forms chunk's `written` section: how each word of a postings chunk is
/// most often written, entry by entry (for suggestions).
pub fn write_forms(forms: &[&str]) -> Vec<u8> {
    let mut strings = Vec::new();
    let mut samples = Vec::new();
    for (i, form) in forms.iter().enumerate() {
        if i % SAMPLE as usize == 0 {
            samples.push(strings.len() as u32);
        }
        put_varint(&mut strings, form.len() as u32);
        strings.extend_from_slice(form.as_bytes());
    }
    let head = 4 * samples.len() as u32;
    let mut out: Vec<u8> = samples.iter().flat_map(|s| (s + head).to_le_bytes()).collect();
    out.extend_from_slice(&strings);
    out
}

/// How entry `entry` of a forms chunk's `written` section is written.
pub fn read_form(written: &[u8], entry: u32) -> Option<&str> {
    let mut pos = get_u32(written, 4 * (entry / SAMPLE) as usize)? as usize;
    for _ in 0..entry % SAMPLE {
        let len = get_varint(written, &mut pos)? as usize;
        pos = pos.checked_add(len)?;
    }
    let len = get_varint(written, &mut pos)? as usize;
    std::str::from_utf8(written.get(pos..pos.checked_add(len)?)?).ok()
}
