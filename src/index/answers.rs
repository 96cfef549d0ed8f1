//! Answers chunks: the stored answers of a split index (computed and
//! served by `search::answers`). Both halves, writing and reading, so the
//! layout lives in one place.
//!
//! The keys of the stored answers (a word being typed as typed, or a
//! word typed in full and a space) are listed, sorted, in the core; an
//! answers chunk holds the answers of a run of them, so a query finds its
//! chunk from the core alone. An answer's first page of documents carries the
//! hits shown for them (passage, highlights, title, id, url): such a
//! keystroke reads this one chunk and nothing else, in one round.
//!
//! ```text
//! answers   per answer: u32 offset × (count + 1) (from the section's
//!           start), then the answers (below)
//! ```
//!
//! An answer: total varint, estimated u8, df varint, document count
//! varint, count of documents with their hit varint, then per document: id
//! varint, weight f32 LE, position count varint, positions (the first, then
//! each minus the previous minus one), and for the first ones their hit:
//! id, title, url (its length plus one; 0: none), passage as strings
//! (length varint, UTF-8), then the passage's highlights and the title's as
//! lists (count varint, then start and length varints, UTF-16).

use super::format::{get_u32, get_varint, put_varint};
use crate::excerpt::Excerpt;
use crate::search::Hit;

/// Documents of an answer stored with their hits: the first page (the
/// widget shows 10).
pub const SHOWN: usize = 10;

/// The answer to a word typed alone (being typed, or in full), computed
/// when the index was built.
#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    /// Documents matched, and whether that is an estimate.
    pub total: u32,
    pub estimated: bool,
    /// The document frequency its idf comes from.
    pub df: u32,
    /// The best documents, best first.
    pub docs: Vec<AnswerDoc>,
}

/// One document of an [`Answer`].
#[derive(Debug, Clone, PartialEq)]
pub struct AnswerDoc {
    pub doc: u32,
    /// Its score before idf.
    pub weight: f32,
    /// Where the word matched it (title first).
    pub positions: Vec<u32>,
    /// The hit shown for it, for the first [`SHOWN`] (its score aside:
    /// the reader computes it).
    pub hit: Option<Hit>,
}

/// An answers chunk's section, read in place.
pub struct AnswersChunk<'a> {
    bytes: &'a [u8],
    count: u32,
}

impl<'a> AnswersChunk<'a> {
    /// `None` if the offsets do not fit the bytes.
    pub fn new(bytes: &'a [u8], count: u32) -> Option<AnswersChunk<'a>> {
        let head = 4 * (count as usize + 1);
        let offsets: Option<Vec<u32>> = (0..=count as usize).map(|i| get_u32(bytes, 4 * i)).collect();
        let offsets = offsets?;
        let fits = offsets.first() == Some(&(head as u32))
            && offsets.windows(2).all(|w| w[0] <= w[1])
            && offsets.last().is_some_and(|&end| end as usize == bytes.len());
        fits.then_some(AnswersChunk { bytes, count })
    }

    /// Answer `i` of the chunk (`None` past its count or for bad bytes).
    pub fn answer(&self, i: u32) -> Option<Answer> {
        if i >= self.count {
            return None;
        }
        let (start, end) = (get_u32(self.bytes, 4 * i as usize)?, get_u32(self.bytes, 4 * i as usize + 4)?);
        let bytes = self.bytes.get(start as usize..end as usize)?;
        let mut pos = 0;
        let answer = read_answer(bytes, &mut pos)?;
        (pos == bytes.len()).then_some(answer)
    }
}

/// An answers chunk's section: `answers` in order.
pub fn answers_section(answers: &[&Answer]) -> Vec<u8> {
    let mut body = Vec::new();
    let head = 4 * (answers.len() + 1);
    let mut out = Vec::with_capacity(head);
    for answer in answers {
        out.extend_from_slice(&((head + body.len()) as u32).to_le_bytes());
        put_answer(&mut body, answer);
    }
    out.extend_from_slice(&((head + body.len()) as u32).to_le_bytes());
    out.extend_from_slice(&body);
    out
}

fn read_answer(bytes: &[u8], pos: &mut usize) -> Option<Answer> {
    let total = get_varint(bytes, pos)?;
    let estimated = *bytes.get(*pos)? != 0;
    *pos += 1;
    let df = get_varint(bytes, pos)?;
    let count = get_varint(bytes, pos)?;
    let shown = get_varint(bytes, pos)?;
    let mut docs = Vec::new();
    for i in 0..count {
        let doc = get_varint(bytes, pos)?;
        let weight = f32::from_bits(get_u32(bytes, *pos)?);
        *pos += 4;
        let mut positions = Vec::new();
        let mut next = 0u32;
        for _ in 0..get_varint(bytes, pos)? {
            let p = next.checked_add(get_varint(bytes, pos)?)?;
            positions.push(p);
            next = p.checked_add(1)?;
        }
        let hit = if i < shown { Some(read_hit(bytes, pos)?) } else { None };
        docs.push(AnswerDoc { doc, weight, positions, hit });
    }
    Some(Answer { total, estimated, df, docs })
}

fn put_answer(out: &mut Vec<u8>, answer: &Answer) {
    put_varint(out, answer.total);
    out.push(u8::from(answer.estimated));
    put_varint(out, answer.df);
    put_varint(out, answer.docs.len() as u32);
    let shown = answer.docs.iter().take_while(|d| d.hit.is_some()).count();
    put_varint(out, shown as u32);
    for (i, doc) in answer.docs.iter().enumerate() {
        put_varint(out, doc.doc);
        out.extend_from_slice(&doc.weight.to_bits().to_le_bytes());
        put_varint(out, doc.positions.len() as u32);
        let mut next = 0;
        for &p in &doc.positions {
            put_varint(out, p - next);
            next = p + 1;
        }
        if let Some(hit) = doc.hit.as_ref().filter(|_| i < shown) {
            put_hit(out, hit);
        }
    }
}

fn read_hit(bytes: &[u8], pos: &mut usize) -> Option<Hit> {
    let id = read_str(bytes, pos)?;
    let title = read_str(bytes, pos)?;
    let url = match get_varint(bytes, pos)? {
        0 => None,
        n => Some(take_str(bytes, pos, n as usize - 1)?),
    };
    let text = read_str(bytes, pos)?;
    let highlights = read_ranges(bytes, pos)?;
    let title_highlights = read_ranges(bytes, pos)?;
    Some(Hit { id, title, url, score: 0.0, excerpt: Excerpt { text, highlights }, title_highlights })
}

fn put_hit(out: &mut Vec<u8>, hit: &Hit) {
    put_str(out, &hit.id);
    put_str(out, &hit.title);
    match &hit.url {
        Some(url) => {
            put_varint(out, url.len() as u32 + 1);
            out.extend_from_slice(url.as_bytes());
        }
        None => put_varint(out, 0),
    }
    put_str(out, &hit.excerpt.text);
    put_ranges(out, &hit.excerpt.highlights);
    put_ranges(out, &hit.title_highlights);
}

fn read_str(bytes: &[u8], pos: &mut usize) -> Option<String> {
    let len = get_varint(bytes, pos)? as usize;
    take_str(bytes, pos, len)
}

fn take_str(bytes: &[u8], pos: &mut usize, len: usize) -> Option<String> {
    let s = std::str::from_utf8(bytes.get(*pos..pos.checked_add(len)?)?).ok()?;
    *pos += len;
    Some(s.into())
}

fn put_str(out: &mut Vec<u8>, s: &str) {
    put_varint(out, s.len() as u32);
    out.extend_from_slice(s.as_bytes());
}

/// UTF-16 ranges `[start, end)`, stored as start and length.
fn read_ranges(bytes: &[u8], pos: &mut usize) -> Option<Vec<[u32; 2]>> {
    let mut ranges = Vec::new();
    for _ in 0..get_varint(bytes, pos)? {
        let start = get_varint(bytes, pos)?;
        ranges.push([start, start.checked_add(get_varint(bytes, pos)?)?]);
    }
    Some(ranges)
}

fn put_ranges(out: &mut Vec<u8>, ranges: &[[u32; 2]]) {
    put_varint(out, ranges.len() as u32);
    for &[start, end] in ranges {
        put_varint(out, start);
        put_varint(out, end - start);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hit(url: Option<&str>) -> Hit {
        Hit {
            id: "002".into(),
            title: "الصلاة".into(),
            url: url.map(String::from),
            score: 0.0,
            excerpt: Excerpt { text: "…وأقيموا الصلاة".into(), highlights: vec![[9, 15]] },
            title_highlights: vec![[0, 6]],
        }
    }

    #[test]
    fn answers_read_back_as_written() {
        let doc = |doc, hit| AnswerDoc { doc, weight: 1.5, positions: vec![0, 7, 8], hit };
        let first = Answer {
            total: 3,
            estimated: false,
            df: 3,
            docs: vec![doc(4, Some(hit(Some("/a")))), doc(0, Some(hit(None))), doc(9, None)],
        };
        let second = Answer { total: 900, estimated: true, df: 12, docs: vec![] };
        let bytes = answers_section(&[&first, &second]);
        let chunk = AnswersChunk::new(&bytes, 2).unwrap();
        assert_eq!(chunk.answer(0), Some(first));
        assert_eq!(chunk.answer(1), Some(second));
        assert_eq!(chunk.answer(2), None);
        // Offsets that do not fit the bytes: refused.
        assert!(AnswersChunk::new(&bytes[..bytes.len() - 1], 2).is_none());
        assert!(AnswersChunk::new(&bytes, 3).is_none());
    }
}
