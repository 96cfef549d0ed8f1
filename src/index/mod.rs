//! The index: an `fst` map of analyzed terms to postings, plus every
//! document's title, url, text and token offsets, in one byte blob.
//!
//! [`build`] writes it (in `build.rs`, or at run time for the CLI's
//! `--corpus`); [`Index::from_bytes`] reads it in place: checking the header
//! and pointing into the bytes is all the work done at start-up.

pub mod builder;
pub mod format;
pub mod fuzzy;

pub use builder::build;

use crate::analyzer::Level;
use format::{get_u32, get_varint, DOC_RECORD_LEN, HEADER_LEN, MAGIC, SAME_AS_PREVIOUS, SECTIONS, VERSION};
use fst::{Automaton, IntoStreamer, Streamer};
use fuzzy::EditDistance;
use std::fmt;

/// Why bytes could not be opened as an index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IndexError {
    NotAnIndex,
    WrongVersion { found: u32 },
    Corrupt(&'static str),
}

impl fmt::Display for IndexError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IndexError::NotAnIndex => write!(f, "not a bahth index (the bytes do not start with \"BAHTHIDX\")"),
            IndexError::WrongVersion { found } => write!(
                f,
                "bahth index version {found} cannot be read by this module, which reads version {VERSION}; rebuild the index"
            ),
            IndexError::Corrupt(what) => write!(f, "corrupt bahth index: {what}"),
        }
    }
}

impl std::error::Error for IndexError {}

/// A read-only view of index bytes.
pub struct Index<'a> {
    fst: fst::Map<&'a [u8]>,
    postings: &'a [u8],
    docs: &'a [u8],
    strings: &'a [u8],
    tokens: &'a [u8],
    doc_count: u32,
    total_tokens: u32,
    folded_terms: u32,
    byte_len: usize,
}

/// One document's stored fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DocFields<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub url: Option<&'a str>,
    pub text: &'a str,
    /// Tokens in the title (positions `0..title_tokens` are the title's).
    pub title_tokens: u32,
    /// Tokens in title and text together.
    pub token_count: u32,
    tokens_offset: u32,
}

/// Where a key occurs, decoded lazily.
#[derive(Debug, Clone, Copy)]
pub struct Postings<'a> {
    bytes: &'a [u8],
    /// Documents containing the key.
    pub df: u32,
    /// A document and position where the key's most common spelling occurs.
    pub display: (u32, u32),
}

/// One document of a postings list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Posting {
    pub doc: u32,
    pub positions: Vec<u32>,
}

impl<'a> Index<'a> {
    /// Opens index bytes without copying them.
    pub fn from_bytes(bytes: &'a [u8]) -> Result<Index<'a>, IndexError> {
        if bytes.len() < 12 || &bytes[..8] != MAGIC {
            return Err(IndexError::NotAnIndex);
        }
        let field = |i: usize| get_u32(bytes, 8 + 4 * i).ok_or(IndexError::Corrupt("header is cut short"));
        let version = field(0)?;
        if version != VERSION {
            return Err(IndexError::WrongVersion { found: version });
        }
        if bytes.len() < HEADER_LEN {
            return Err(IndexError::Corrupt("header is cut short"));
        }
        let mut sections = [&bytes[..0]; SECTIONS];
        for (i, section) in sections.iter_mut().enumerate() {
            let (offset, len) = (field(4 + 2 * i)? as usize, field(5 + 2 * i)? as usize);
            *section =
                bytes.get(offset..offset + len).ok_or(IndexError::Corrupt("a section lies outside the bytes"))?;
        }
        let [fst_bytes, postings, docs, strings, tokens] = sections;
        let doc_count = field(1)?;
        if docs.len() != doc_count as usize * DOC_RECORD_LEN {
            return Err(IndexError::Corrupt("document table size does not match the document count"));
        }
        let fst = fst::Map::new(fst_bytes).map_err(|_| IndexError::Corrupt("term dictionary is not a valid fst"))?;
        Ok(Index {
            fst,
            postings,
            docs,
            strings,
            tokens,
            doc_count,
            total_tokens: field(2)?,
            folded_terms: field(3)?,
            byte_len: bytes.len(),
        })
    }

    pub fn doc_count(&self) -> u32 {
        self.doc_count
    }

    /// Distinct folded words (what a reader would call the vocabulary).
    pub fn term_count(&self) -> u32 {
        self.folded_terms
    }

    /// Keys in the dictionary (distinct strings over all levels).
    pub fn key_count(&self) -> usize {
        self.fst.len()
    }

    pub fn byte_len(&self) -> usize {
        self.byte_len
    }

    /// Average tokens per document, for BM25 length normalization.
    pub fn average_doc_len(&self) -> f32 {
        self.total_tokens as f32 / self.doc_count.max(1) as f32
    }

    /// A document's fields, or `None` for a bad id or corrupt record.
    pub fn doc(&self, doc: u32) -> Option<DocFields<'a>> {
        let at = doc as usize * DOC_RECORD_LEN;
        let f = |i: usize| get_u32(self.docs, at + 4 * i).map(|v| v as usize);
        let (offset, id_len, title_len, url_len, text_len) = (f(0)?, f(1)?, f(2)?, f(3)?, f(4)?);
        let mut next = offset;
        let mut take = |len: usize| {
            let s = self.strings.get(next..next + len).and_then(|b| std::str::from_utf8(b).ok());
            next += len;
            s
        };
        let id = take(id_len)?;
        let title = take(title_len)?;
        let url = take(url_len.saturating_sub(1))?;
        let text = take(text_len)?;
        Some(DocFields {
            id,
            title,
            url: (url_len > 0).then_some(url),
            text,
            tokens_offset: f(5)? as u32,
            token_count: f(6)? as u32,
            title_tokens: f(7)? as u32,
        })
    }

    /// Byte ranges of a document's first `count` tokens (or all), by
    /// position: title tokens index into `title`, the rest into `text`.
    pub fn token_ranges(&self, doc: &DocFields<'_>, count: Option<u32>) -> Vec<(usize, usize)> {
        let count = count.map_or(doc.token_count, |c| c.min(doc.token_count));
        let mut ranges = Vec::with_capacity(count as usize);
        let mut pos = doc.tokens_offset as usize;
        let mut start = 0;
        for i in 0..count {
            if i == doc.title_tokens {
                start = 0;
            }
            let (Some(delta), Some(len)) = (get_varint(self.tokens, &mut pos), get_varint(self.tokens, &mut pos))
            else {
                break;
            };
            start += delta as usize;
            ranges.push((start, start + len as usize));
        }
        ranges
    }

    /// The postings of a term at a level.
    pub fn get(&self, level: Level, term: &str) -> Option<Postings<'a>> {
        self.postings_at(self.record(term)?, level)
    }

    /// Where a term's record starts, to read several of its levels.
    pub fn record(&self, term: &str) -> Option<u64> {
        self.fst.get(term)
    }

    /// Terms occurring at `level` that start with `prefix`, in dictionary
    /// order, at most `limit` of them.
    pub fn with_prefix(&self, level: Level, prefix: &str, limit: usize) -> Vec<(String, Postings<'a>)> {
        let automaton = fst::automaton::Str::new(prefix).starts_with();
        self.collect(self.fst.search(automaton).into_stream(), level, limit)
    }

    /// Terms occurring at `level` within `distance` edits of `term` (at most
    /// `limit`).
    pub fn fuzzy(&self, level: Level, term: &str, distance: u8, limit: usize) -> Vec<(String, Postings<'a>)> {
        self.collect(self.fst.search(EditDistance::new(term, distance)).into_stream(), level, limit)
    }

    fn collect<S>(&self, mut stream: S, level: Level, limit: usize) -> Vec<(String, Postings<'a>)>
    where
        S: for<'s> Streamer<'s, Item = (&'s [u8], u64)>,
    {
        let mut out = Vec::new();
        while let Some((key, offset)) = stream.next() {
            if out.len() == limit {
                break;
            }
            if let (Ok(term), Some(postings)) = (std::str::from_utf8(key), self.postings_at(offset, level)) {
                out.push((term.to_string(), postings));
            }
        }
        out
    }

    /// Finds a level's postings in the record at `offset` (see `format`).
    pub fn postings_at(&self, offset: u64, level: Level) -> Option<Postings<'a>> {
        let bytes = self.postings.get(offset as usize..)?;
        let mut pos = 0;
        let display = (get_varint(bytes, &mut pos)?, get_varint(bytes, &mut pos)?);
        let mask = *bytes.get(pos)?;
        pos += 1;
        if mask & (1 << level as u8) == 0 {
            return None;
        }
        let mut current = None;
        for present in Level::ALL.iter().filter(|l| mask & (1 << **l as u8) != 0) {
            let df = get_varint(bytes, &mut pos)?;
            if df != SAME_AS_PREVIOUS as u32 {
                current = Some(Postings { bytes: &bytes[pos..], df, display });
                pos += Postings { bytes: &bytes[pos..], df, display }.encoded_len()?;
            }
            if *present == level {
                return current;
            }
        }
        None
    }
}

impl Postings<'_> {
    /// Bytes taken by the entries, to skip over them.
    fn encoded_len(&self) -> Option<usize> {
        let mut pos = 0;
        for _ in 0..self.df {
            get_varint(self.bytes, &mut pos)?;
            let tf = get_varint(self.bytes, &mut pos)?;
            for _ in 0..tf {
                get_varint(self.bytes, &mut pos)?;
            }
        }
        Some(pos)
    }

    /// Every document with its positions, in document order.
    pub fn decode(&self) -> Vec<Posting> {
        let mut out = Vec::with_capacity(self.df as usize);
        let mut pos = 0;
        let mut doc = 0;
        for _ in 0..self.df {
            let Some(delta) = get_varint(self.bytes, &mut pos) else {
                break;
            };
            let Some(tf) = get_varint(self.bytes, &mut pos) else {
                break;
            };
            doc += delta;
            let mut positions = Vec::with_capacity(tf as usize);
            let mut p = 0;
            for _ in 0..tf {
                let Some(d) = get_varint(self.bytes, &mut pos) else {
                    break;
                };
                p += d;
                positions.push(p);
            }
            out.push(Posting { doc, positions });
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Document;

    fn doc(id: &str, title: &str, text: &str) -> Document {
        Document { id: id.into(), title: title.into(), url: None, date: None, text: text.into() }
    }

    #[test]
    fn round_trip() {
        let mut with_url = doc("b", "تغريدات", "وقالت الخارجية في تغريدة إن الوزير السُّوري وصل");
        with_url.url = Some("https://example.org/b".into());
        let bytes = build(&[doc("a", "عنوان أول", "العلاقات الثنائية"), with_url]);
        let index = Index::from_bytes(&bytes).unwrap();
        assert_eq!(index.doc_count(), 2);
        let b = index.doc(1).unwrap();
        assert_eq!((b.id, b.title, b.url), ("b", "تغريدات", Some("https://example.org/b")));
        assert_eq!(index.doc(0).unwrap().url, None);
        assert_eq!(index.doc(2), None);

        // Title token at position 0; text tokens from 1, ranges into the text.
        let ranges = index.token_ranges(&b, None);
        assert_eq!(b.title_tokens, 1);
        assert_eq!(&b.title[ranges[0].0..ranges[0].1], "تغريدات");
        assert_eq!(&b.text[ranges[7].0..ranges[7].1], "السُّوري");

        let folded = index.get(Level::Folded, "السوري").unwrap().decode();
        assert_eq!(folded, [Posting { doc: 1, positions: vec![7] }]);
        assert!(index.get(Level::Surface, "السوري").is_none(), "the surface form keeps its vowels");
        assert!(index.get(Level::Surface, "السُّوري").is_some());
        let stem = index.get(Level::Stem, "تغريد").unwrap();
        assert_eq!(stem.decode(), [Posting { doc: 1, positions: vec![0, 4] }]);
        assert_eq!(stem.df, 1);

        let prefixed: Vec<String> = index.with_prefix(Level::Folded, "الث", 10).into_iter().map(|(t, _)| t).collect();
        assert_eq!(prefixed, ["الثناييه"]); // ئ folds to ي
        let fuzzy: Vec<String> = index.fuzzy(Level::Folded, "الخارجيا", 1, 10).into_iter().map(|(t, _)| t).collect();
        assert_eq!(fuzzy, ["الخارجيه"]);
    }

    #[test]
    fn rejects_foreign_bytes() {
        assert_eq!(Index::from_bytes(b"hello world, not an index").err(), Some(IndexError::NotAnIndex));
        assert_eq!(Index::from_bytes(b"").err(), Some(IndexError::NotAnIndex));
        let mut bytes = build(&[doc("a", "t", "x")]);
        bytes[8] = 99;
        let err = Index::from_bytes(&bytes).err().unwrap();
        assert_eq!(
            err.to_string(),
            "bahth index version 99 cannot be read by this module, which reads version 1; rebuild the index"
        );
        let bytes = build(&[doc("a", "t", "x")]);
        assert_eq!(
            Index::from_bytes(&bytes[..bytes.len() - 3]).err(),
            Some(IndexError::Corrupt("a section lies outside the bytes"))
        );
    }
}
