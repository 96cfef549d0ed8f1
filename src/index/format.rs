//! The byte layout of an index (format version 2): one self-describing blob,
//! read in place.
//!
//! ```text
//! header      magic "BAHTHIDX" · version u32 · doc_count u32 · word_count u32
//!             · total_tokens u32 · section count u32
//!             · per section: offset u32, length u32, xxh32 checksum u32
//!             · xxh32 of all the header bytes before it              (all LE)
//! terms       fst::Map: every searchable string → a word id or key entry
//! records     the word table, then key entries
//! postings    posting lists (see `postings`): per document, its tf;
//!             bit-packed blocks with skip data and impacts
//! written     every word as written, vowels and all (see `store`)
//! separators  what stands between words: spaces, punctuation
//! docs        per document: offset into `stream` (and per 16, into `meta`)
//! meta        ids and urls, front-coded
//! norms       per document: its length code (see `impact`), one byte
//! stream      per document: id, url, then title and text as written forms
//!             and separators
//! ```
//!
//! What words and keys are and how their records read: [`super::records`].
//! How documents are stored: [`super::store`].

use super::IndexError;

/// First bytes of every index.
pub const MAGIC: &[u8; 8] = b"BAHTHIDX";
/// Bumped whenever the layout changes; a reader accepts only its own.
pub const VERSION: u32 = 2;
/// Names of the sections, in header order.
pub const SECTION_NAMES: [&str; SECTIONS] =
    ["terms", "records", "postings", "written", "separators", "docs", "meta", "norms", "stream"];
pub const SECTIONS: usize = 9;
/// Fixed header fields after the magic: version, doc_count, word_count,
/// total_tokens, section count.
const FIELDS: usize = 5;
/// Header size in bytes.
pub const HEADER_LEN: usize = 8 + 4 * FIELDS + SECTIONS * 12 + 4;

/// The fixed part of a header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Header {
    pub doc_count: u32,
    pub word_count: u32,
    pub total_tokens: u32,
}

/// Writes a whole index: header, then the sections in order.
pub fn write(header: Header, sections: [&[u8]; SECTIONS]) -> Vec<u8> {
    let mut out = Vec::with_capacity(HEADER_LEN + sections.iter().map(|s| s.len()).sum::<usize>());
    out.extend_from_slice(MAGIC);
    for field in [VERSION, header.doc_count, header.word_count, header.total_tokens, SECTIONS as u32] {
        out.extend_from_slice(&field.to_le_bytes());
    }
    let mut offset = HEADER_LEN;
    for section in sections {
        for field in [offset as u32, section.len() as u32, checksum(section)] {
            out.extend_from_slice(&field.to_le_bytes());
        }
        offset += section.len();
    }
    let header_sum = checksum(&out);
    out.extend_from_slice(&header_sum.to_le_bytes());
    for section in sections {
        out.extend_from_slice(section);
    }
    out
}

/// Reads and checks the header and every section's bounds and checksum.
pub fn read(bytes: &[u8]) -> Result<(Header, [&[u8]; SECTIONS]), IndexError> {
    if bytes.len() < 12 || &bytes[..8] != MAGIC {
        return Err(IndexError::NotAnIndex);
    }
    let field = |i: usize| get_u32(bytes, 8 + 4 * i);
    let version = field(0).unwrap_or(0);
    if version != VERSION {
        return Err(IndexError::WrongVersion { found: version });
    }
    let corrupt = |what: &str| IndexError::Corrupt(what.to_string());
    if bytes.len() < HEADER_LEN {
        return Err(corrupt("the header is cut short"));
    }
    if get_u32(bytes, HEADER_LEN - 4) != Some(checksum(&bytes[..HEADER_LEN - 4])) {
        return Err(corrupt("the header's checksum does not match"));
    }
    if field(4) != Some(SECTIONS as u32) {
        return Err(corrupt("the header lists the wrong number of sections"));
    }
    let header = Header {
        doc_count: field(1).unwrap_or(0),
        word_count: field(2).unwrap_or(0),
        total_tokens: field(3).unwrap_or(0),
    };
    let mut sections = [&bytes[..0]; SECTIONS];
    for (i, section) in sections.iter_mut().enumerate() {
        let at = 8 + 4 * FIELDS + 12 * i;
        let (offset, len, sum) = (get_u32(bytes, at), get_u32(bytes, at + 4), get_u32(bytes, at + 8));
        let (Some(offset), Some(len), Some(sum)) = (offset, len, sum) else {
            return Err(corrupt("the header is cut short"));
        };
        let name = SECTION_NAMES[i];
        let end = (offset as usize).checked_add(len as usize);
        *section = end.and_then(|end| bytes.get(offset as usize..end)).ok_or_else(|| {
            IndexError::Corrupt(["section \"", name, "\" lies outside the bytes (cut short?)"].concat())
        })?;
        if checksum(section) != sum {
            return Err(IndexError::Corrupt(["section \"", name, "\" fails its checksum"].concat()));
        }
    }
    Ok((header, sections))
}

/// Recomputes every checksum of index bytes in place (the sections' and the
/// header's), as a forger would: for the tests and fuzzers that check that
/// decoders survive bytes that pass the checksums. Bytes too short to hold
/// a header are left alone.
pub fn reseal(bytes: &mut [u8]) {
    if bytes.len() < HEADER_LEN {
        return;
    }
    for i in 0..SECTIONS {
        let at = 8 + 4 * FIELDS + 12 * i;
        let (Some(offset), Some(len)) = (get_u32(bytes, at), get_u32(bytes, at + 4)) else { return };
        let end = (offset as usize).saturating_add(len as usize);
        if let Some(section) = bytes.get(offset as usize..end) {
            let sum = checksum(section);
            bytes[at + 8..at + 12].copy_from_slice(&sum.to_le_bytes());
        }
    }
    let sum = checksum(&bytes[..HEADER_LEN - 4]);
    bytes[HEADER_LEN - 4..HEADER_LEN].copy_from_slice(&sum.to_le_bytes());
}

/// The checksum of a section (xxHash32, seed 0).
pub fn checksum(bytes: &[u8]) -> u32 {
    xxhash_rust::xxh32::xxh32(bytes, 0)
}

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

/// Reads a little-endian u32 at `at`, `None` past the end.
pub fn get_u32(bytes: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(bytes.get(at..at.checked_add(4)?)?.try_into().ok()?))
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

    #[test]
    fn sections_round_trip_and_are_checked() {
        let header = Header { doc_count: 3, word_count: 9, total_tokens: 27 };
        let sections: [&[u8]; SECTIONS] = [b"fst", b"rec", b"", b"w", b"s", b"docs", b"m", b"n", b"text"];
        let bytes = write(header, sections);
        assert_eq!(read(&bytes), Ok((header, sections)));

        let mut flipped = bytes.clone();
        *flipped.last_mut().unwrap() ^= 1;
        assert_eq!(read(&flipped), Err(IndexError::Corrupt("section \"stream\" fails its checksum".into())));
        let mut flipped = bytes.clone();
        flipped[12] ^= 1; // doc_count
        assert_eq!(read(&flipped), Err(IndexError::Corrupt("the header's checksum does not match".into())));
        assert_eq!(
            read(&bytes[..bytes.len() - 1]),
            Err(IndexError::Corrupt("section \"stream\" lies outside the bytes (cut short?)".into()))
        );
        assert_eq!(read(&bytes[..20]), Err(IndexError::Corrupt("the header is cut short".into())));
    }
}
