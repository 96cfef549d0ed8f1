//! Occurrences: where in each of its documents a word stands, kept beside
//! its posting list in a split index's postings chunks, so that phrases and
//! proximity are read from the chunks a query fetches anyway rather than
//! from every candidate document's text. (A whole index reads them from
//! the stored documents, which give back their words in order.)
//!
//! ```text
//! occurrences  per word, for the documents of its list in order:
//!              [per block of `postings::BLOCK` documents after the first:
//!               u32 offset of its first entry]
//!              entries: varint count · the first position, then each one
//!              minus the previous minus one (varints)
//! ```
//!
//! Positions count a document's tokens from 0, its title's first.

use super::format::{get_u32, get_varint, put_varint};
use super::postings::{Cursor, BLOCK, END};
use super::words::Word;

/// Appends a word's occurrences: the positions in each of its documents,
/// in list order. Returns the bytes written.
pub fn encode(documents: &[Vec<u32>], out: &mut Vec<u8>) -> u32 {
    let start = out.len();
    let mut entries = Vec::new();
    let mut offsets = Vec::new();
    for (i, positions) in documents.iter().enumerate() {
        if i > 0 && i % BLOCK == 0 {
            offsets.push(entries.len() as u32);
        }
        put_varint(&mut entries, positions.len() as u32);
        let mut next = 0;
        for &p in positions {
            put_varint(&mut entries, p - next);
            next = p + 1;
        }
    }
    for offset in offsets {
        out.extend_from_slice(&offset.to_le_bytes());
    }
    out.extend_from_slice(&entries);
    (out.len() - start) as u32
}

/// Reads one word's positions, document by document, documents ascending.
pub struct Occurrences<'a> {
    cursor: Cursor<'a>,
    bytes: &'a [u8],
    /// Where the entries start (after the block offsets).
    entries: usize,
    /// The next entry not yet passed, and where it starts.
    next: (usize, usize),
}

impl<'a> Occurrences<'a> {
    pub fn new(word: &Word<'a>) -> Occurrences<'a> {
        let blocks = (word.list.df as usize).div_ceil(BLOCK);
        let entries = 4 * blocks.saturating_sub(1);
        Occurrences { cursor: Cursor::new(word.list), bytes: word.occurrences, entries, next: (0, entries) }
    }

    /// The word's positions in document `doc` (at or after the last one
    /// asked for) into `out`; false if the word is not in it.
    pub fn read(&mut self, doc: u32, out: &mut Vec<u32>) -> bool {
        out.clear();
        self.cursor.seek(doc);
        if self.cursor.doc() != doc || doc == END {
            return false;
        }
        self.entry(self.cursor.consumed() as usize, out).is_some()
    }

    fn entry(&mut self, i: usize, out: &mut Vec<u32>) -> Option<()> {
        let (mut at, mut pos) = self.next;
        if i < at || i / BLOCK != at / BLOCK {
            let block = i / BLOCK;
            at = block * BLOCK;
            pos = match block.checked_sub(1) {
                None => self.entries,
                Some(b) => self.entries.checked_add(get_u32(self.bytes, 4 * b)? as usize)?,
            };
        }
        while at < i {
            for _ in 0..get_varint(self.bytes, &mut pos)? {
                get_varint(self.bytes, &mut pos)?;
            }
            at += 1;
        }
        let count = get_varint(self.bytes, &mut pos)?;
        let mut next = 0u32;
        for _ in 0..count {
            let p = next.checked_add(get_varint(self.bytes, &mut pos)?)?;
            out.push(p);
            next = p.checked_add(1)?;
        }
        self.next = (at + 1, pos);
        Some(())
    }
}
