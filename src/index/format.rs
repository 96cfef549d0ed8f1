//! The byte layout of index files (format version 5): self-describing
//! blobs, read in place, every part checksummed.
//!
//! One container serves eight kinds of file: a whole index (what is embedded
//! in a module by default), and for a split index (see [`super::split`]) its
//! core and its six kinds of chunks.
//!
//! ```text
//! header      magic "BAHTHIDX" · version u32 · kind u32 · three counts u32
//!             (for an index or a core: documents, words, tokens; for a
//!             chunk, see `Kind`) · section count u32
//!             · per section: offset u32, length u32, xxh32 checksum u32
//!             · xxh32 of all the header bytes before it              (all LE)
//! sections    in the order of `Kind::sections`
//! ```
//!
//! The sections of a whole index:
//!
//! ```text
//! terms       fst::Map: every searchable string → its ordinal
//! words       per word: its posting list's record (see `words`)
//! keys        per dictionary key: what it stands for (see `keys`)
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

use super::IndexError;

/// First bytes of every index file.
pub const MAGIC: &[u8; 8] = b"BAHTHIDX";
/// Bumped whenever the layout changes; a reader accepts only its own.
pub const VERSION: u32 = 5;
/// Fixed header fields after the magic: version, kind, three counts,
/// section count.
const FIELDS: usize = 6;

/// What an index file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A whole index: everything in one blob.
    Index,
    /// The core of a split index: what the first query needs besides the
    /// chunks, and the table of chunks.
    Core,
    /// A range of the dictionary. Counts: its key count.
    Terms,
    /// A range of words: their posting lists and occurrences. Counts: its
    /// word count.
    Words,
    /// A range of documents. Counts: the first document, the document count.
    Docs,
    /// How the words of one postings chunk are written. Counts: its word
    /// count.
    Forms,
    /// Stored answers (see `super::answers`). Counts: the first answer's
    /// place among those stored, the answer count.
    Answers,
    /// A range of the keys a typo may be near: those that are words, or
    /// read as words once a clitic is removed. Counts: its key count.
    Near,
}

impl Kind {
    const ALL: [Kind; 8] =
        [Kind::Index, Kind::Core, Kind::Terms, Kind::Words, Kind::Docs, Kind::Forms, Kind::Answers, Kind::Near];

    /// The names of its sections, in order.
    pub fn sections(self) -> &'static [&'static str] {
        match self {
            Kind::Index => {
                &["terms", "words", "keys", "postings", "written", "separators", "docs", "meta", "norms", "stream"]
            }
            Kind::Core => &["chunks", "shards", "norms", "titles", "answered", "near"],
            Kind::Terms => &["terms", "keys", "postings"],
            Kind::Words => &["words", "postings", "occurrences"],
            Kind::Docs => &["docs", "meta", "texts"],
            Kind::Forms => &["written"],
            Kind::Answers => &["answers"],
            Kind::Near => &["terms"],
        }
    }

    /// What a reader calls it.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Index => "a bahth index",
            Kind::Core => "a split bahth index",
            Kind::Terms => "a dictionary chunk",
            Kind::Words => "a postings chunk",
            Kind::Docs => "a documents chunk",
            Kind::Forms => "a forms chunk",
            Kind::Answers => "an answers chunk",
            Kind::Near => "a typo keys chunk",
        }
    }
}

/// The fixed part of a header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Header {
    pub kind: Kind,
    pub counts: [u32; 3],
}

fn header_len(sections: usize) -> usize {
    8 + 4 * FIELDS + sections * 12 + 4
}

/// Writes a whole file: header, then the sections in order.
pub fn write(header: Header, sections: &[&[u8]]) -> Vec<u8> {
    debug_assert_eq!(sections.len(), header.kind.sections().len());
    let header_len = header_len(sections.len());
    let mut out = Vec::with_capacity(header_len + sections.iter().map(|s| s.len()).sum::<usize>());
    out.extend_from_slice(MAGIC);
    let kind = Kind::ALL.iter().position(|&k| k == header.kind).unwrap_or(0) as u32;
    let [a, b, c] = header.counts;
    for field in [VERSION, kind, a, b, c, sections.len() as u32] {
        out.extend_from_slice(&field.to_le_bytes());
    }
    let mut offset = header_len;
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

/// Reads and checks a file of the kind `expected`: its header and every
/// section's bounds and checksum.
pub fn read(bytes: &[u8], expected: Kind) -> Result<(Header, Vec<&[u8]>), IndexError> {
    if bytes.len() < 12 || &bytes[..8] != MAGIC {
        return Err(IndexError::NotAnIndex);
    }
    let field = |i: usize| get_u32(bytes, 8 + 4 * i);
    let version = field(0).unwrap_or(0);
    if version != VERSION {
        return Err(IndexError::WrongVersion { found: version });
    }
    let corrupt = |what: &str| IndexError::Corrupt(what.to_string());
    let names = expected.sections();
    let header_len = header_len(names.len());
    if bytes.len() < 8 + 4 * FIELDS {
        return Err(corrupt("the header is cut short"));
    }
    let kind = field(1).and_then(|k| Kind::ALL.get(k as usize).copied());
    if kind != Some(expected) {
        let found = kind.map_or("a file of an unknown kind", Kind::name);
        return Err(IndexError::Corrupt(["expected ", expected.name(), ", found ", found].concat()));
    }
    if field(5) != Some(names.len() as u32) {
        return Err(corrupt("the header lists the wrong number of sections"));
    }
    if bytes.len() < header_len {
        return Err(corrupt("the header is cut short"));
    }
    if get_u32(bytes, header_len - 4) != Some(checksum(&bytes[..header_len - 4])) {
        return Err(corrupt("the header's checksum does not match"));
    }
    let counts = [field(2).unwrap_or(0), field(3).unwrap_or(0), field(4).unwrap_or(0)];
    let mut sections = Vec::with_capacity(names.len());
    for (i, name) in names.iter().enumerate() {
        let at = 8 + 4 * FIELDS + 12 * i;
        let (offset, len, sum) = (get_u32(bytes, at), get_u32(bytes, at + 4), get_u32(bytes, at + 8));
        let (Some(offset), Some(len), Some(sum)) = (offset, len, sum) else {
            return Err(corrupt("the header is cut short"));
        };
        let end = (offset as usize).checked_add(len as usize);
        let section = end.and_then(|end| bytes.get(offset as usize..end)).ok_or_else(|| {
            IndexError::Corrupt(["section \"", name, "\" lies outside the bytes (cut short?)"].concat())
        })?;
        if checksum(section) != sum {
            return Err(IndexError::Corrupt(["section \"", name, "\" fails its checksum"].concat()));
        }
        sections.push(section);
    }
    Ok((Header { kind: expected, counts }, sections))
}

/// Recomputes every checksum of a file in place (the sections' and the
/// header's), as a forger would: for the tests and fuzzers that check that
/// decoders survive bytes that pass the checksums. Bytes too short to hold
/// their header are left alone.
pub fn reseal(bytes: &mut [u8]) {
    let Some(count) = get_u32(bytes, 8 + 4 * 5).filter(|&c| c < 64) else { return };
    let header_len = header_len(count as usize);
    if bytes.len() < header_len {
        return;
    }
    for i in 0..count as usize {
        let at = 8 + 4 * FIELDS + 12 * i;
        let (Some(offset), Some(len)) = (get_u32(bytes, at), get_u32(bytes, at + 4)) else { return };
        let end = (offset as usize).saturating_add(len as usize);
        if let Some(section) = bytes.get(offset as usize..end) {
            let sum = checksum(section);
            bytes[at + 8..at + 12].copy_from_slice(&sum.to_le_bytes());
        }
    }
    let sum = checksum(&bytes[..header_len - 4]);
    bytes[header_len - 4..header_len].copy_from_slice(&sum.to_le_bytes());
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
        let header = Header { kind: Kind::Terms, counts: [3, 9, 27] };
        let sections: [&[u8]; 3] = [b"fst", b"keys", b"postings"];
        let bytes = write(header, &sections);
        assert_eq!(read(&bytes, Kind::Terms), Ok((header, sections.to_vec())));

        let mut flipped = bytes.clone();
        *flipped.last_mut().unwrap() ^= 1;
        let postings = IndexError::Corrupt("section \"postings\" fails its checksum".into());
        assert_eq!(read(&flipped, Kind::Terms), Err(postings));
        let mut flipped = bytes.clone();
        flipped[16] ^= 1; // the first count
        assert_eq!(
            read(&flipped, Kind::Terms),
            Err(IndexError::Corrupt("the header's checksum does not match".into()))
        );
        assert_eq!(
            read(&bytes[..bytes.len() - 1], Kind::Terms),
            Err(IndexError::Corrupt("section \"postings\" lies outside the bytes (cut short?)".into()))
        );
        assert_eq!(read(&bytes[..20], Kind::Terms), Err(IndexError::Corrupt("the header is cut short".into())));
        assert_eq!(
            read(&bytes, Kind::Docs),
            Err(IndexError::Corrupt("expected a documents chunk, found a dictionary chunk".into()))
        );
    }
}
