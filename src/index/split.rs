//! A split index: a small core embedded in the module, and the rest in
//! chunks, fetched when a query needs them.
//!
//! The core holds what every query needs: the table of chunks, where the
//! dictionary is cut into ranges, the documents' lengths (for BM25) and
//! title lengths, which queries have a stored answer, and where the keys a
//! typo may be near are cut. Six kinds of chunks hold the rest, each laid
//! out so a query reads few of them:
//!
//! - **dictionary chunks** ([`Kind::Terms`]): a range of the dictionary's
//!   keys, as their own fst, with their entries and spelling lists;
//! - **postings chunks** ([`Kind::Words`]): words, with their posting lists
//!   and occurrences (positions). Words that read alike (the same stem) are
//!   kept together, so the words one query word matches are mostly in one
//!   chunk; a dictionary entry says where each of its words is;
//! - **documents chunks** ([`Kind::Docs`]): a range of documents, as their
//!   text (their tokens are found again by the tokenizer; a split index
//!   reads positions from occurrences, not from documents);
//! - **forms chunks** ([`Kind::Forms`]), one per postings chunk: how its
//!   words are most often written, read only for suggestions;
//! - **answers chunks** ([`Kind::Answers`]): stored answers (see
//!   [`super::answers`]): a common word, or the first letters of a word,
//!   typed alone reads one of them and nothing else;
//! - **typo keys chunks** ([`Kind::Near`]): a range of the keys that are
//!   words or read as words without a clitic, as an fst and nothing else. A
//!   word found nowhere looks for keys a typo away among those starting
//!   with its first letter: these chunks, then the dictionary chunks of only
//!   the keys found (the dictionary chunks of a letter are ten times as
//!   many, entries and all).
//!
//! Every chunk is a file of the index format (magic, version, kind,
//! checksummed sections), named after its checksum (`w12-1a2b3c4d.bin`), so
//! a host may cache it forever. [`Index::add_chunk`](super::Index::add_chunk)
//! checks a chunk against the core's table before using it.
//!
//! ```text
//! chunks      count of each kind u32 × 5 (dictionary, postings,
//!             documents, answers, typo keys; forms: as many as postings)
//!             · per chunk (dictionary, postings, documents, forms, answers,
//!             typo keys): byte length u32, checksum u32 · per documents
//!             chunk: its first document u32 · per answers chunk: its first
//!             key's place in `answered` u32
//! shards      per dictionary chunk after the first: the first key
//!             (u32 offsets × (count + 1), then the keys' bytes)
//! norms       per document: its length code
//! titles      per document: tokens in its title (u8; 255: look further) ·
//!             count u32 · (document, tokens) u32 pairs for titles of 255+
//! answered    the keys of the stored answers (see `search::answers`),
//!             sorted, each followed by a newline
//! near        per typo keys chunk after the first: the first key (as in
//!             `shards`)
//! ```
//!
//! A query runs against the chunks it has; every chunk it would have read
//! but did not have is noted, and the caller fetches them and runs it
//! again (see [`Index::try_search`](super::Index::try_search)).

use super::answers::{Answer, AnswersChunk};
use super::format::{self, get_u32, Kind};
use super::fst_check;
use super::keys::KeyTable;
use super::store::Texts;
use super::words::{read_form, WordTable};
use super::{decimal, push_decimal, IndexError};
use std::borrow::Cow;
use std::cell::RefCell;
use std::sync::OnceLock;

/// One chunk in the core's table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChunkInfo {
    pub kind: Kind,
    /// Its place among the chunks of its kind.
    pub index: u32,
    pub length: u32,
    pub checksum: u32,
}

impl ChunkInfo {
    /// Its file name: kind, place, checksum.
    pub fn name(&self) -> String {
        let mut name = String::with_capacity(20);
        self.push_name(&mut name);
        name
    }

    /// Appends its file name (`w12-1a2b3c4d.bin`) to `out`. Written out by
    /// hand: `format!` made naming a large index's 8,000 chunks take 7 ms
    /// in a browser's first code.
    pub fn push_name(&self, out: &mut String) {
        out.push(letter(self.kind));
        push_decimal(out, u64::from(self.index));
        out.push('-');
        for shift in (0..8).rev() {
            out.push(char::from(b"0123456789abcdef"[(self.checksum >> (4 * shift)) as usize & 15]));
        }
        out.push_str(".bin");
    }
}

/// The kinds of chunks, in the order of the core's table.
pub const KINDS: [Kind; 6] = [Kind::Terms, Kind::Words, Kind::Docs, Kind::Forms, Kind::Answers, Kind::Near];

/// The letter a chunk's name starts with.
fn letter(kind: Kind) -> char {
    match kind {
        Kind::Terms => 't',
        Kind::Words => 'w',
        Kind::Forms => 'f',
        Kind::Answers => 'a',
        Kind::Near => 'n',
        _ => 'd',
    }
}

/// A range of the dictionary: its keys and their entries.
pub struct Shard<'a> {
    pub terms: fst::Map<&'a [u8]>,
    pub keys: KeyTable<'a>,
}

fn not_a_dictionary() -> IndexError {
    IndexError::Corrupt("section \"terms\" is not a valid dictionary".into())
}

impl<'a> Shard<'a> {
    /// Opens a dictionary: an fst whose every node has been checked, and
    /// its entries.
    pub fn new(terms: &'a [u8], keys: &'a [u8], postings: &'a [u8], located: bool) -> Result<Shard<'a>, IndexError> {
        let terms = fst_check::open(terms).map(fst::Map::from).ok_or_else(not_a_dictionary)?;
        let keys = KeyTable::new(keys, postings, located)
            .ok_or_else(|| IndexError::Corrupt("section \"keys\" is cut short".into()))?;
        Ok(Shard { terms, keys })
    }
}

/// The core of a split index, and the chunks given to it so far.
pub struct Split<'a> {
    pub chunks: Vec<ChunkInfo>,
    /// The first key of each dictionary chunk after the first.
    firsts: Vec<&'a str>,
    /// The first key of each typo keys chunk after the first.
    near_firsts: Vec<&'a str>,
    doc_firsts: Vec<u32>,
    /// The keys of the stored answers, sorted.
    answered: Vec<&'a str>,
    /// Each answers chunk's first key (its place in `answered`).
    answer_firsts: Vec<u32>,
    /// The chunks given so far. They are kept for the life of the program
    /// (a page's chunks are needed as long as its search box is there), so
    /// the index's lifetime stays that of its core.
    terms: Vec<OnceLock<Shard<'static>>>,
    words: Vec<OnceLock<WordTable<'static>>>,
    docs: Vec<OnceLock<Texts<'static>>>,
    forms: Vec<OnceLock<&'static [u8]>>,
    answers: Vec<OnceLock<AnswersChunk<'static>>>,
    near: Vec<OnceLock<fst::Set<&'static [u8]>>>,
    titles: &'a [u8],
    doc_count: u32,
}

/// Rounds of fetching a query may take: its words' dictionary chunks, a
/// typo's keys, their entries, postings, how the word read is written, the
/// documents shown. A query that asks for more reads a damaged index.
pub const ROUNDS: usize = 8;

thread_local! {
    /// Chunks a running query wanted and did not have (their places in
    /// the core's table).
    static MISSING: RefCell<Vec<usize>> = const { RefCell::new(Vec::new()) };
}

/// Starts noting missing chunks.
pub fn clear_missing() {
    MISSING.with(|m| m.borrow_mut().clear());
}

/// How many missing chunks have been noted so far (a query step can tell
/// whether it had everything it read).
pub fn missing_len() -> usize {
    MISSING.with(|m| m.borrow().len())
}

/// The missing chunks noted since [`clear_missing`], each once.
pub fn take_missing() -> Vec<usize> {
    let mut missing = MISSING.with(|m| std::mem::take(&mut *m.borrow_mut()));
    crate::sort::sort_by(&mut missing, &|a, b| a < b);
    missing.dedup();
    missing
}

impl<'a> Split<'a> {
    /// Reads a core's sections: `[chunks, shards, norms, titles, answered,
    /// near]`.
    pub fn new(sections: &[&'a [u8]], doc_count: u32) -> Result<Split<'a>, IndexError> {
        let corrupt = |what: &str| IndexError::Corrupt(["section \"", what, "\" is cut short or malformed"].concat());
        let &[chunks, shards, _, titles, answered, near] = sections else { return Err(corrupt("chunks")) };
        let answered = std::str::from_utf8(answered).map_err(|_| corrupt("answered"))?;
        let answered: Vec<&'a str> = answered.split_terminator('\n').collect();
        let counts: Vec<u32> = (0..5).filter_map(|i| get_u32(chunks, 4 * i)).collect();
        let &[terms, words, docs, answers, nears] = counts.as_slice() else { return Err(corrupt("chunks")) };
        let total = terms as usize + 2 * words as usize + docs as usize + answers as usize + nears as usize;
        let firsts_at = 20 + 8 * total;
        if chunks.len() != firsts_at + 4 * (docs as usize + answers as usize) || terms == 0 || nears == 0 {
            return Err(corrupt("chunks"));
        }
        let mut table = Vec::with_capacity(total);
        for (kind, count) in KINDS.into_iter().zip([terms, words, docs, words, answers, nears]) {
            for index in 0..count {
                let at = 20 + 8 * table.len();
                let (length, checksum) = (get_u32(chunks, at), get_u32(chunks, at + 4));
                let (Some(length), Some(checksum)) = (length, checksum) else { return Err(corrupt("chunks")) };
                table.push(ChunkInfo { kind, index, length, checksum });
            }
        }
        // Each list of firsts starts at 0 and ascends.
        let firsts_of = |from: usize, count: u32| -> Option<Vec<u32>> {
            let firsts: Vec<u32> = (0..count as usize).filter_map(|i| get_u32(chunks, from + 4 * i)).collect();
            let sound = firsts.first().is_none_or(|&f| f == 0) && firsts.windows(2).all(|w| w[0] < w[1]);
            sound.then_some(firsts)
        };
        let doc_firsts = firsts_of(firsts_at, docs).ok_or_else(|| corrupt("chunks"))?;
        let answer_firsts = firsts_of(firsts_at + 4 * docs as usize, answers).ok_or_else(|| corrupt("chunks"))?;
        let firsts = read_keys(shards, terms as usize - 1).ok_or_else(|| corrupt("shards"))?;
        let near_firsts = read_keys(near, nears as usize - 1).ok_or_else(|| corrupt("near"))?;
        if titles.len() < doc_count as usize {
            return Err(corrupt("titles"));
        }
        if answer_firsts.last().is_some_and(|&last| last as usize >= answered.len()) {
            return Err(corrupt("answered"));
        }
        Ok(Split {
            chunks: table,
            firsts,
            near_firsts,
            doc_firsts,
            answered,
            answer_firsts,
            terms: (0..terms).map(|_| OnceLock::new()).collect(),
            words: (0..words).map(|_| OnceLock::new()).collect(),
            docs: (0..docs).map(|_| OnceLock::new()).collect(),
            forms: (0..words).map(|_| OnceLock::new()).collect(),
            answers: (0..answers).map(|_| OnceLock::new()).collect(),
            near: (0..nears).map(|_| OnceLock::new()).collect(),
            titles,
            doc_count,
        })
    }

    /// Is an answer stored by `key`?
    pub fn answers(&self, key: &str) -> bool {
        self.answered.binary_search(&key).is_ok()
    }

    /// The answer stored by `key`, if it has one and its chunk was given
    /// (else that chunk is noted).
    pub fn stored_answer(&self, key: &str) -> Option<Answer> {
        let place = self.answered.binary_search(&key).ok()? as u32;
        let i = self.answer_firsts.partition_point(|&first| first <= place).checked_sub(1)?;
        let chunk = self.answers.get(i)?.get().or_else(|| {
            self.need(self.place(Kind::Answers, i));
            None
        })?;
        chunk.answer(place - self.answer_firsts[i])
    }

    /// Notes that a query needed chunk `place` (of the table).
    fn need(&self, place: usize) {
        MISSING.with(|m| m.borrow_mut().push(place));
    }

    fn place(&self, kind: Kind, index: usize) -> usize {
        self.span(kind).0 + index
    }

    /// Where the chunks of `kind` start in the table, and how many there are.
    fn span(&self, kind: Kind) -> (usize, usize) {
        let mut first = 0;
        for k in KINDS {
            let count = match k {
                Kind::Terms => self.terms.len(),
                Kind::Words | Kind::Forms => self.words.len(),
                Kind::Docs => self.docs.len(),
                Kind::Answers => self.answers.len(),
                _ => self.near.len(),
            };
            if k == kind {
                return (first, count);
            }
            first += count;
        }
        (first, 0)
    }

    /// The dictionary chunk whose range holds `key`.
    pub fn shard_of(&self, key: &str) -> usize {
        self.firsts.partition_point(|&first| first <= key)
    }

    /// The dictionary chunks whose ranges hold keys starting with `prefix`.
    pub fn shards_with_prefix(&self, prefix: &str) -> std::ops::Range<usize> {
        ranges_with_prefix(&self.firsts, prefix)
    }

    /// The typo keys chunks whose ranges hold keys starting with `prefix`.
    pub fn near_with_prefix(&self, prefix: &str) -> std::ops::Range<usize> {
        ranges_with_prefix(&self.near_firsts, prefix)
    }

    /// Typo keys chunk `i`, or `None` (noted) if it was not given yet.
    pub fn near(&self, i: usize) -> Option<&fst::Set<&'static [u8]>> {
        let slot = self.near.get(i)?;
        slot.get().or_else(|| {
            self.need(self.place(Kind::Near, i));
            None
        })
    }

    pub fn shard_count(&self) -> usize {
        self.terms.len()
    }

    /// Dictionary chunk `i` if it was given (nothing noted).
    pub fn loaded_shard(&self, i: usize) -> Option<&Shard<'static>> {
        self.terms.get(i)?.get()
    }

    /// Dictionary chunk `i`, or `None` (noted) if it was not given yet.
    pub fn shard(&self, i: usize) -> Option<&Shard<'static>> {
        let slot = self.terms.get(i)?;
        slot.get().or_else(|| {
            self.need(self.place(Kind::Terms, i));
            None
        })
    }

    /// Postings chunk `i`, or `None` (noted).
    pub fn words(&self, i: usize) -> Option<&WordTable<'static>> {
        let slot = self.words.get(i)?;
        slot.get().or_else(|| {
            self.need(self.place(Kind::Words, i));
            None
        })
    }

    /// How entry `entry` of postings chunk `i` is written, or `None`
    /// (noted) if its forms chunk was not given yet.
    pub fn written(&self, i: usize, entry: u32) -> Option<&'static str> {
        let slot = self.forms.get(i)?;
        let forms = slot.get().or_else(|| {
            self.need(self.place(Kind::Forms, i));
            None
        })?;
        read_form(forms, entry)
    }

    /// The documents chunk holding `doc` and the document's place in it,
    /// or `None` (noted).
    pub fn docs(&self, doc: u32) -> Option<(&Texts<'static>, u32)> {
        if doc >= self.doc_count {
            return None;
        }
        let i = self.doc_firsts.partition_point(|&first| first <= doc).checked_sub(1)?;
        let store = self.docs.get(i)?.get().or_else(|| {
            self.need(self.place(Kind::Docs, i));
            None
        })?;
        Some((store, doc - self.doc_firsts[i]))
    }

    /// Tokens in a document's title.
    pub fn title_len(&self, doc: u32) -> u32 {
        match self.titles.get(doc as usize) {
            Some(255) => {
                let at = self.doc_count as usize;
                let count = get_u32(self.titles, at).unwrap_or(0) as usize;
                (0..count.min(self.titles.len() / 8))
                    .filter_map(|i| {
                        Some((get_u32(self.titles, at + 4 + 8 * i)?, get_u32(self.titles, at + 8 + 8 * i)?))
                    })
                    .find(|&(d, _)| d == doc)
                    .map_or(255, |(_, len)| len)
            }
            Some(&len) => u32::from(len),
            None => 0,
        }
    }

    /// Checks chunk bytes against the table and the format, and keeps them
    /// (owned bytes for the life of the program).
    pub fn add(&self, name: &str, bytes: Cow<'static, [u8]>) -> Result<(), IndexError> {
        let Some(place) = self.place_of(name) else {
            return Err(IndexError::Corrupt(["no chunk is named \"", name, "\" in this index"].concat()));
        };
        if self.has(place) {
            return Ok(()); // fetched twice by searches running at once: the first one counts
        }
        let info = self.chunks[place];
        // (No format!: see IndexError::message.)
        let chunk_error = |what: String| IndexError::Corrupt(["chunk ", name, ": ", &what].concat());
        if bytes.len() != info.length as usize {
            let what = [
                &decimal(bytes.len() as u64),
                " bytes where ",
                &decimal(u64::from(info.length)),
                " were expected (cut short?)",
            ];
            let what = what.concat();
            return Err(chunk_error(what));
        }
        if format::checksum(&bytes) != info.checksum {
            return Err(chunk_error("its bytes do not match its checksum".into()));
        }
        let bytes: &'static [u8] = match bytes {
            Cow::Borrowed(bytes) => bytes,
            Cow::Owned(bytes) => Box::leak(bytes.into_boxed_slice()),
        };
        let opened = |e: IndexError| match e {
            IndexError::Corrupt(what) => chunk_error(what),
            other => chunk_error(other.message()),
        };
        let (header, sections) = format::read(bytes, info.kind).map_err(opened)?;
        let i = info.index as usize;
        let malformed = || chunk_error("its tables do not fit together".into());
        match info.kind {
            Kind::Terms => {
                let shard = Shard::new(sections[0], sections[1], sections[2], true).map_err(opened)?;
                let _ = self.terms[i].set(shard);
            }
            Kind::Words => {
                let table = WordTable::chunk(sections[0], sections[1], sections[2]).ok_or_else(malformed)?;
                let _ = self.words[i].set(table);
            }
            Kind::Forms => {
                let _ = self.forms[i].set(sections[0]);
            }
            Kind::Near => {
                let set = fst_check::open(sections[0]).map(fst::Set::from).ok_or_else(|| opened(not_a_dictionary()))?;
                if set.len() != header.counts[0] as usize {
                    return Err(malformed());
                }
                let _ = self.near[i].set(set);
            }
            Kind::Answers => {
                let [first, count, _] = header.counts;
                let next = self.answer_firsts.get(i + 1).map_or(self.answered.len(), |&f| f as usize);
                if first != self.answer_firsts[i] || Some(count as usize) != next.checked_sub(first as usize) {
                    return Err(malformed());
                }
                let chunk = AnswersChunk::new(sections[0], count).ok_or_else(malformed)?;
                let _ = self.answers[i].set(chunk);
            }
            _ => {
                let [first, count, _] = header.counts;
                let next = self.doc_firsts.get(i + 1).copied().unwrap_or(self.doc_count);
                if first != self.doc_firsts[i] || Some(count) != next.checked_sub(first) {
                    return Err(malformed());
                }
                let [docs, meta, texts] = sections[..] else { return Err(malformed()) };
                let texts = Texts::new([docs, meta, texts], count as usize).ok_or_else(malformed)?;
                let _ = self.docs[i].set(texts);
            }
        }
        Ok(())
    }

    /// The place in the table of the chunk named `name`. Read from the name
    /// (kind and place among its kind), then checked: formatting every
    /// chunk's name to compare took most of the time a chunk is added
    /// (60 µs native, a millisecond in a browser's first code, on 976 chunks).
    pub fn place_of(&self, name: &str) -> Option<usize> {
        let (kind, rest) = name.split_at_checked(1)?;
        let (index, _) = rest.split_once('-')?;
        let index: usize = index.parse().ok()?;
        let kind = KINDS.into_iter().find(|&k| kind.starts_with(letter(k)))?;
        let (first, count) = self.span(kind);
        let place = first + index;
        (index < count && self.chunks[place].name() == name).then_some(place)
    }

    /// Has chunk `place` been given?
    pub fn has(&self, place: usize) -> bool {
        let Some(info) = self.chunks.get(place) else { return false };
        let i = info.index as usize;
        match info.kind {
            Kind::Terms => self.terms[i].get().is_some(),
            Kind::Words => self.words[i].get().is_some(),
            Kind::Forms => self.forms[i].get().is_some(),
            Kind::Answers => self.answers[i].get().is_some(),
            Kind::Near => self.near[i].get().is_some(),
            _ => self.docs[i].get().is_some(),
        }
    }
}

/// The ranges (of chunks cut at `firsts`, each chunk's first key after the
/// first chunk's) that hold keys starting with `prefix`.
fn ranges_with_prefix(firsts: &[&str], prefix: &str) -> std::ops::Range<usize> {
    let first = firsts.partition_point(|&f| f <= prefix);
    let after = firsts[first..].iter().take_while(|k| k.starts_with(prefix)).count();
    first..first + after + 1
}

/// `count` keys, ascending: u32 offsets × (count + 1), then the keys'
/// bytes (see [`write_keys`]).
fn read_keys(section: &[u8], count: usize) -> Option<Vec<&str>> {
    let mut keys: Vec<&str> = Vec::with_capacity(count);
    let head = 4 * (count + 1);
    for i in 0..count {
        let (start, end) = (get_u32(section, 4 * i)? as usize, get_u32(section, 4 * i + 4)? as usize);
        let key = std::str::from_utf8(section.get(head.checked_add(start)?..head.checked_add(end)?)?).ok()?;
        if keys.last().is_some_and(|&last| last >= key) {
            return None;
        }
        keys.push(key);
    }
    Some(keys)
}

/// Writes keys as [`read_keys`] reads them.
pub fn write_keys(keys: &[&str]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut offset = 0u32;
    for key in keys.iter().chain([&""]) {
        out.extend_from_slice(&offset.to_le_bytes());
        offset += key.len() as u32;
    }
    for key in keys {
        out.extend_from_slice(key.as_bytes());
    }
    out
}

/// Writes a split index's chunks to `dir` (created), each gzipped: a static
/// host serves them as they are, and the page inflates them
/// (`DecompressionStream`). Returns the bytes written.
pub fn write_chunks(dir: &std::path::Path, chunks: &[(String, Vec<u8>)]) -> std::io::Result<usize> {
    use std::io::Write;
    std::fs::create_dir_all(dir)?;
    let mut written = 0;
    for (name, bytes) in chunks {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        gz.write_all(bytes)?;
        let gz = gz.finish()?;
        written += gz.len();
        std::fs::write(dir.join(name), gz)?;
    }
    Ok(written)
}

/// Reads a chunk file [`write_chunks`] wrote.
pub fn read_chunk(path: &std::path::Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let mut bytes = Vec::new();
    flate2::read::GzDecoder::new(std::fs::File::open(path)?).read_to_end(&mut bytes)?;
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunk_names_are_kind_place_and_checksum_in_hex() {
        let name = |kind, index, checksum| ChunkInfo { kind, index, length: 0, checksum }.name();
        assert_eq!(name(Kind::Terms, 0, 0), "t0-00000000.bin");
        assert_eq!(name(Kind::Words, 12, 0x1a2b3c4d), "w12-1a2b3c4d.bin");
        assert_eq!(name(Kind::Docs, 7990, 0xfedcba98), "d7990-fedcba98.bin");
        assert_eq!(name(Kind::Forms, u32::MAX, u32::MAX), "f4294967295-ffffffff.bin");
        assert_eq!(name(Kind::Answers, 3, 0xc0ffee), "a3-00c0ffee.bin");
        assert_eq!(name(Kind::Near, 1, 1), "n1-00000001.bin");
    }
}
