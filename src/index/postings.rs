//! Posting lists: the documents one word (or one spelling) occurs in, with
//! how often, read document-at-a-time through a cursor with skip data.
//!
//! ```text
//! list      [skip table, when the list has more than BLOCK documents] blocks
//! skip      per block: last document u32 · end of the block (bytes from the
//!           first block) u32 · impact u8: the block's largest weight
//! block     doc bits u8 · tf bits u8 · the gaps (document − previous − 1)
//!           bit-packed · each tf − 1 bit-packed          (up to BLOCK entries)
//! ```
//!
//! A list's length (its document frequency) and largest impact live in the
//! record that points at it. The skip table lets [`Cursor::seek`] jump over
//! blocks without decoding them and [`Cursor::block_bound`] tell, without
//! decoding anything, the best weight any document up to some point can have:
//! what dynamic pruning needs.
//!
//! Bytes that are not a valid list never panic: the cursor just ends.

/// Documents per block.
pub const BLOCK: usize = 128;
/// Bytes of one skip table entry.
const SKIP_ENTRY: usize = 9;
/// The document of an exhausted cursor: after every real one.
pub const END: u32 = u32::MAX;

/// Lists longer than this also store their [`BEST`] documents, the ones
/// with the largest weights, as a list of their own: a query of one word
/// needs no more than those for its first results.
pub const BEST_FROM: u32 = 2 * BLOCK as u32;
pub const BEST: usize = 64;

/// The [`BEST`] pairs of a list by `weight` (ties: the earlier document), in
/// document order.
pub fn best(list: &[(u32, u32)], weight: impl Fn(u32, u32) -> f32) -> Vec<(u32, u32)> {
    let mut best = list.to_vec();
    best.sort_by(|a, b| weight(b.0, b.1).total_cmp(&weight(a.0, a.1)).then(a.0.cmp(&b.0)));
    best.truncate(BEST);
    best.sort_unstable();
    best
}

/// Appends the list of `(document, tf)` pairs (documents ascending, tf ≥ 1)
/// to `out`; `impact` gives each pair's impact byte. Returns the list's
/// largest impact.
pub fn encode(list: &[(u32, u32)], impact: impl Fn(u32, u32) -> u8, out: &mut Vec<u8>) -> u8 {
    let blocks: Vec<&[(u32, u32)]> = list.chunks(BLOCK).collect();
    let mut encoded = Vec::new();
    let mut skip = Vec::new();
    let mut next_doc = 0; // the document a gap of 0 stands for
    for block in &blocks {
        let gaps: Vec<u32> = block
            .iter()
            .map(|&(doc, _)| {
                let gap = doc - next_doc;
                next_doc = doc + 1;
                gap
            })
            .collect();
        let tfs: Vec<u32> = block.iter().map(|&(_, tf)| tf - 1).collect();
        let (doc_bits, tf_bits) = (bits_needed(&gaps), bits_needed(&tfs));
        encoded.extend_from_slice(&[doc_bits, tf_bits]);
        pack(&gaps, doc_bits, &mut encoded);
        pack(&tfs, tf_bits, &mut encoded);
        let block_impact = block.iter().map(|&(doc, tf)| impact(doc, tf)).max().unwrap_or(0);
        skip.extend_from_slice(&(next_doc - 1).to_le_bytes());
        skip.extend_from_slice(&(encoded.len() as u32).to_le_bytes());
        skip.push(block_impact);
    }
    if blocks.len() > 1 {
        out.extend_from_slice(&skip);
    }
    out.extend_from_slice(&encoded);
    skip.chunks(SKIP_ENTRY).map(|entry| entry[8]).max().unwrap_or(0)
}

fn bits_needed(values: &[u32]) -> u8 {
    values.iter().map(|v| 32 - v.leading_zeros()).max().unwrap_or(0) as u8
}

/// Appends `values` as `bits`-bit fields, least significant bit first.
fn pack(values: &[u32], bits: u8, out: &mut Vec<u8>) {
    let (mut buffer, mut filled) = (0u64, 0u32);
    for &v in values {
        buffer |= u64::from(v) << filled;
        filled += u32::from(bits);
        while filled >= 8 {
            out.push(buffer as u8);
            buffer >>= 8;
            filled -= 8;
        }
    }
    if filled > 0 {
        out.push(buffer as u8);
    }
}

/// Field `i` of `bits` bits (≤ 32) packed in `bytes` (0 past the end).
fn field(bytes: &[u8], bits: u8, i: usize) -> u32 {
    if bits == 0 {
        return 0;
    }
    let bit = i * bits as usize;
    let at = bit / 8;
    // Eight bytes hold any field (≤ 32 bits at a shift ≤ 7).
    let word = match bytes.get(at..at + 8) {
        Some(eight) => u64::from_le_bytes(eight.try_into().unwrap_or_default()),
        None => {
            let mut eight = [0u8; 8];
            let tail = bytes.get(at..).unwrap_or_default();
            eight[..tail.len().min(8)].copy_from_slice(&tail[..tail.len().min(8)]);
            u64::from_le_bytes(eight)
        }
    };
    ((word >> (bit % 8)) & ((1u64 << bits) - 1)) as u32
}

/// Where a list is and what its record says about it.
#[derive(Debug, Clone, Copy)]
pub struct List<'a> {
    /// The postings section from the list's first byte on.
    pub bytes: &'a [u8],
    /// Documents in the list.
    pub df: u32,
    /// The largest impact of any of its documents.
    pub max_impact: u8,
    /// Its best documents (see [`BEST`]): bytes and count (0: not stored).
    pub best: (&'a [u8], u32),
}

impl<'a> List<'a> {
    /// A list without stored best documents.
    pub fn new(bytes: &'a [u8], df: u32, max_impact: u8) -> List<'a> {
        List { bytes, df, max_impact, best: (&[], 0) }
    }

    /// The list of its best documents, if stored.
    pub fn best(&self) -> Option<List<'a>> {
        (self.best.1 > 0).then(|| List::new(self.best.0, self.best.1, self.max_impact))
    }
}

/// Two lists are the same list when they start at the same byte.
impl PartialEq for List<'_> {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.bytes.as_ptr(), other.bytes.as_ptr()) && self.df == other.df
    }
}

impl Eq for List<'_> {}

/// Reads one list in document order. A block is decoded as far as it is
/// read: a seek that lands in its middle pays for the gaps before the target,
/// and term frequencies are read only for the documents scored.
pub struct Cursor<'a> {
    skip: &'a [u8],
    blocks: &'a [u8],
    df: u32,
    block_count: usize,
    max_impact: u8,
    /// The current block: its index, entries, the position in it and the
    /// document there ([`END`] once exhausted).
    block: usize,
    len: usize,
    at: usize,
    doc: u32,
    /// The block's gaps and term frequencies, still packed.
    gaps: &'a [u8],
    gap_bits: u8,
    tfs: &'a [u8],
    tf_bits: u8,
    /// The first block not yet known to end before the targets bounded so
    /// far (`block_bound` moves it forward, never back).
    shallow: usize,
    /// The list's last document, when it has a single block.
    last: u32,
}

impl<'a> Cursor<'a> {
    /// A cursor on the list's first document.
    pub fn new(list: List<'a>) -> Cursor<'a> {
        let block_count = (list.df as usize).div_ceil(BLOCK);
        let skip_len = if block_count > 1 { block_count * SKIP_ENTRY } else { 0 };
        let (skip, blocks) = list.bytes.split_at(skip_len.min(list.bytes.len()));
        let mut cursor = Cursor {
            skip,
            blocks,
            df: list.df,
            block_count,
            max_impact: list.max_impact,
            block: 0,
            len: 0,
            at: 0,
            doc: END,
            gaps: &[],
            gap_bits: 0,
            tfs: &[],
            tf_bits: 0,
            shallow: 0,
            last: END,
        };
        if skip.len() < skip_len || !cursor.enter(0) {
            cursor.finish();
        } else if block_count == 1 {
            let mut last = cursor.doc;
            for i in 1..cursor.len {
                last = last.saturating_add(1).saturating_add(field(cursor.gaps, cursor.gap_bits, i));
            }
            cursor.last = last;
        }
        cursor
    }

    /// The current document, or [`END`].
    pub fn doc(&self) -> u32 {
        self.doc
    }

    /// The current document's term frequency (title occurrences weighted).
    pub fn tf(&self) -> u32 {
        if self.doc == END {
            0
        } else {
            field(self.tfs, self.tf_bits, self.at).saturating_add(1)
        }
    }

    /// Moves to the next document.
    pub fn next(&mut self) {
        if self.doc == END {
            return;
        }
        self.at += 1;
        let moved = if self.at < self.len {
            self.doc
                .checked_add(1 + field(self.gaps, self.gap_bits, self.at))
                .filter(|&d| d != END)
                .map(|d| self.doc = d)
        } else {
            self.enter(self.block + 1).then_some(())
        };
        if moved.is_none() {
            self.finish();
        }
    }

    /// Moves to the first document ≥ `target` (never backwards).
    pub fn seek(&mut self, target: u32) {
        if self.doc >= target {
            return;
        }
        let block = self.block_containing(target);
        if block != self.block && !self.enter(block) {
            self.finish();
            return;
        }
        while self.doc < target {
            self.next();
        }
    }

    /// Without decoding: the last document of the block that holds `target`
    /// (or would), and the largest impact in that block. `(END, 0)` when no
    /// document ≥ `target` is left. Targets are expected to grow.
    pub fn block_bound(&mut self, target: u32) -> (u32, u8) {
        if self.doc == END {
            return (END, 0);
        }
        if self.block_count <= 1 {
            return if self.last >= target { (self.last, self.max_impact) } else { (END, 0) };
        }
        self.shallow = self.block_containing(target);
        match self.skip_entry(self.shallow) {
            Some((last, _, impact)) if last >= target => (last, impact),
            _ => (END, 0),
        }
    }

    /// The list's largest impact.
    pub fn max_impact(&self) -> u8 {
        self.max_impact
    }

    /// Documents in the list.
    pub fn df(&self) -> u32 {
        self.df
    }

    /// Documents passed so far (all of them once exhausted).
    pub fn consumed(&self) -> u32 {
        if self.doc == END {
            self.df
        } else {
            (self.block * BLOCK + self.at) as u32
        }
    }

    /// The first block, from the current one on, whose last document is ≥
    /// `target` (the current block when there is no skip table).
    fn block_containing(&self, target: u32) -> usize {
        // Blocks before `shallow` end before an earlier target: start there
        // if they end before this one too.
        let ends_before = |block: usize| self.skip_entry(block).is_some_and(|(last, _, _)| last < target);
        let mut block =
            if self.shallow > self.block && ends_before(self.shallow - 1) { self.shallow } else { self.block };
        while block + 1 < self.block_count && ends_before(block) {
            block += 1;
        }
        block
    }

    fn skip_entry(&self, block: usize) -> Option<(u32, u32, u8)> {
        let at = block * SKIP_ENTRY;
        let field = |i: usize| super::format::get_u32(self.skip, at + i);
        Some((field(0)?, field(4)?, *self.skip.get(at + 8)?))
    }

    /// Moves to the first document of block `block`; false if there is none
    /// or its bytes are bad.
    fn enter(&mut self, block: usize) -> bool {
        if block >= self.block_count {
            return false;
        }
        let (start, first) = match block.checked_sub(1).map(|previous| self.skip_entry(previous)) {
            None => (0, 0),
            Some(Some((last, end, _))) => match last.checked_add(1) {
                Some(next) => (end as usize, next),
                None => return false,
            },
            Some(None) => return false,
        };
        let len = (self.df as usize - block * BLOCK).min(BLOCK);
        let Some(bytes) = self.blocks.get(start..) else { return false };
        let (Some(&gap_bits), Some(&tf_bits)) = (bytes.first(), bytes.get(1)) else { return false };
        let (gaps_len, tfs_len) = ((len * gap_bits as usize).div_ceil(8), (len * tf_bits as usize).div_ceil(8));
        if gap_bits > 32 || tf_bits > 32 || bytes.len() < 2 + gaps_len + tfs_len {
            return false;
        }
        let Some(doc) = first.checked_add(field(&bytes[2..], gap_bits, 0)).filter(|&d| d != END) else { return false };
        (self.block, self.len, self.at, self.doc) = (block, len, 0, doc);
        (self.gaps, self.gap_bits) = (&bytes[2..2 + gaps_len], gap_bits);
        (self.tfs, self.tf_bits) = (&bytes[2 + gaps_len..2 + gaps_len + tfs_len], tf_bits);
        true
    }

    fn finish(&mut self) {
        self.block = self.block_count;
        (self.len, self.at, self.doc) = (0, 0, END);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list_bytes(pairs: &[(u32, u32)]) -> (Vec<u8>, u8) {
        let mut out = Vec::new();
        let max = encode(pairs, |doc, tf| (doc.wrapping_add(tf) % 251) as u8, &mut out);
        (out, max)
    }

    fn read_all(bytes: &[u8], df: u32, max: u8) -> Vec<(u32, u32)> {
        let mut cursor = Cursor::new(List::new(bytes, df, max));
        let mut out = Vec::new();
        while cursor.doc() != END {
            out.push((cursor.doc(), cursor.tf()));
            cursor.next();
        }
        out
    }

    fn sample(n: u32) -> Vec<(u32, u32)> {
        (0..n).map(|i| (i * 3 + i / 7, 1 + (i % 5) * (i % 3))).collect()
    }

    #[test]
    fn round_trips_small_and_blocked_lists() {
        for n in [1, 2, 127, 128, 129, 300, 1000] {
            let pairs = sample(n);
            let (bytes, max) = list_bytes(&pairs);
            assert_eq!(read_all(&bytes, n, max), pairs, "{n} documents");
        }
        let (bytes, max) = list_bytes(&[(0, 1), (u32::MAX - 1, 70_000)]);
        assert_eq!(read_all(&bytes, 2, max), [(0, 1), (u32::MAX - 1, 70_000)]);
    }

    #[test]
    fn a_single_document_takes_few_bytes() {
        assert_eq!(list_bytes(&[(20_000, 1)]).0.len(), 2 + 2);
        assert_eq!(list_bytes(&[(5, 1), (9, 1), (12, 2)]).0.len(), 2 + 2 + 1);
    }

    #[test]
    fn seek_and_block_bounds() {
        let pairs = sample(1000);
        let (bytes, max) = list_bytes(&pairs);
        let mut cursor = Cursor::new(List::new(&bytes, 1000, max));
        let block_impact = |b: usize| {
            pairs[b * BLOCK..((b + 1) * BLOCK).min(1000)].iter().map(|&(d, t)| ((d + t) % 251) as u8).max().unwrap()
        };

        // Without moving: the block holding a far document, and its impact.
        let target = pairs[700].0;
        assert_eq!(cursor.block_bound(target), (pairs[767].0, block_impact(5)));
        assert_eq!(cursor.doc(), 0, "block_bound does not move the cursor");

        cursor.seek(target);
        assert_eq!((cursor.doc(), cursor.tf()), pairs[700]);
        assert_eq!(cursor.consumed(), 700);
        cursor.seek(target - 5); // never backwards
        assert_eq!(cursor.doc(), target);
        cursor.seek(pairs[700].0 + 1);
        assert_eq!(cursor.doc(), pairs[701].0);
        cursor.seek(pairs[999].0 + 1);
        assert_eq!((cursor.doc(), cursor.consumed()), (END, 1000));
        assert_eq!(cursor.block_bound(0), (END, 0));
    }

    #[test]
    fn best_documents() {
        let pairs = sample(300);
        let weight = |doc: u32, tf: u32| tf as f32 / (doc % 17 + 1) as f32;
        let best = best(&pairs, weight);
        assert_eq!(best.len(), BEST);
        assert!(best.windows(2).all(|w| w[0].0 < w[1].0), "in document order");
        let worst_kept = best.iter().map(|&(d, t)| weight(d, t)).fold(f32::MAX, f32::min);
        let left_out = pairs.iter().filter(|p| !best.contains(p));
        assert!(left_out.clone().all(|&(d, t)| weight(d, t) <= worst_kept));
        assert_eq!(left_out.count(), 300 - BEST);
    }

    #[test]
    fn bad_bytes_end_the_cursor() {
        let pairs = sample(300);
        let (bytes, max) = list_bytes(&pairs);
        for cut in [0, 1, 10, 27, 30, bytes.len() - 1] {
            let got = read_all(&bytes[..cut], 300, max);
            assert!(got.len() < 300 && pairs.starts_with(&got), "cut at {cut}");
        }
        // A block header claiming 200-bit fields.
        assert_eq!(read_all(&[200, 0, 1, 2, 3], 1, 0), []);
        // A gap that overflows past the last document id.
        let (bytes, max) = list_bytes(&[(u32::MAX - 1, 1)]);
        let mut forged = bytes.clone();
        forged[2] = 0xff;
        forged[3] = 0xff;
        forged[4] = 0xff;
        forged[5] = 0xff;
        assert!(read_all(&forged, 1, max).len() <= 1);
    }
}
