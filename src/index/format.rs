//! The byte layout of an index: one self-describing blob, read in place.
//!
//! ```text
//! header   magic "BAHTHIDX" · version u32 · doc_count u32 · total_tokens u32
//!          · folded_terms u32 · 5 sections × (offset u32, len u32)   (all LE)
//! fst      fst::Map: term  →  offset of its record
//! records  display_doc, display_pos (varints: where the term's most common
//!          spelling occurs), level mask (u8, bit i = occurs at Level i), then
//!          for each level present: 0 if its postings equal the previous
//!          level's, else df followed by, per document: doc delta, tf,
//!          tf × position delta                                   (varints)
//! docs     doc_count × 8 u32: strings offset, id len, title len, url len + 1
//!          (0 = none), text len, tokens offset, token count, title token count
//! strings  id ++ title ++ url ++ text of each document, UTF-8
//! tokens   per document, title tokens then text tokens: start delta from the
//!          previous token's start (reset where the text starts), byte length
//! ```
//!
//! Positions number a document's title tokens first, then its text tokens, so
//! one position space serves phrases, proximity, title boost and excerpts.
//! A term is one key whatever the levels it occurs at, and the levels of a
//! word often share postings: both keep the dictionary small.

/// First bytes of every index.
pub const MAGIC: &[u8; 8] = b"BAHTHIDX";
/// Bumped whenever the layout changes; a reader accepts only its own.
pub const VERSION: u32 = 1;
/// Header size in bytes.
pub const HEADER_LEN: usize = 8 + 4 * 4 + SECTIONS * 8;
/// fst, postings, docs, strings, tokens.
pub const SECTIONS: usize = 5;
/// Marks a level whose postings equal the previous level's.
pub const SAME_AS_PREVIOUS: u8 = 0;
/// Bytes of one document record.
pub const DOC_RECORD_LEN: usize = 8 * 4;

/// Appends `value` as a LEB128 varint.
pub fn put_varint(out: &mut Vec<u8>, mut value: u32) {
    while value >= 0x80 {
        out.push((value as u8) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

/// Reads a LEB128 varint at `*pos`, advancing it; `None` if the bytes end
/// early or the value overflows (a corrupt index must not panic).
pub fn get_varint(bytes: &[u8], pos: &mut usize) -> Option<u32> {
    let mut value: u32 = 0;
    for shift in (0..35).step_by(7) {
        let byte = *bytes.get(*pos)?;
        *pos += 1;
        value |= u32::from(byte & 0x7f).checked_shl(shift)?;
        if byte < 0x80 {
            return Some(value);
        }
    }
    None
}

/// Reads a little-endian u32 at `at` (bounds already checked by the caller
/// or returned as `None`).
pub fn get_u32(bytes: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(bytes.get(at..at + 4)?.try_into().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn varint_round_trip() {
        let values = [0, 1, 127, 128, 300, 16_383, 16_384, u32::MAX];
        let mut bytes = Vec::new();
        for v in values {
            put_varint(&mut bytes, v);
        }
        assert_eq!(bytes.len(), 1 + 1 + 1 + 2 + 2 + 2 + 3 + 5);
        let mut pos = 0;
        for v in values {
            assert_eq!(get_varint(&bytes, &mut pos), Some(v));
        }
        assert_eq!(get_varint(&bytes, &mut pos), None, "reading past the end is None");
    }

    #[test]
    fn varint_rejects_overlong() {
        let mut pos = 0;
        assert_eq!(get_varint(&[0xff; 6], &mut pos), None);
    }
}
