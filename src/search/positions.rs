//! Where the query's words stand in one document: the positions of the
//! tokens some query word matches, each marked with the query words (plan
//! leaves, one bit each) it matches. Phrases, proximity and highlights are
//! read from these marks.
//!
//! A whole index reads them from the stored document (its words in order,
//! each looked up in [`WordMarks`]); a split index from the matched words'
//! occurrences, kept beside their posting lists (see
//! [`crate::index::occurrences`]), so that no document's text is fetched to
//! match it. Both give the same marks.

use super::plan::{Plan, PlannedClause};
use crate::index::occurrences::Occurrences;
use crate::index::Index;

/// Which query words (leaves, one bit each) each index word matches.
pub struct WordMarks {
    /// Open addressing: (word id, leaves), `EMPTY` where free.
    slots: Vec<(u32, u64)>,
    /// One bit per word id: is it in `slots`? Most words of a document
    /// are not: one bit tells, without probing.
    present: Vec<u64>,
}

const EMPTY: u32 = u32::MAX;

impl WordMarks {
    pub fn new(plan: &Plan<'_>) -> WordMarks {
        let entries: usize = plan.leaves.iter().map(|l| l.sources.len()).sum();
        let words = plan.leaves.iter().flat_map(|l| &l.sources).map(|s| s.word.id as usize + 1).max().unwrap_or(0);
        let mut marks = WordMarks {
            slots: vec![(EMPTY, 0); (entries * 2).next_power_of_two().max(8)],
            present: vec![0; words.div_ceil(64)],
        };
        for (leaf, l) in plan.leaves.iter().enumerate().take(64) {
            for source in &l.sources {
                let word = source.word.id;
                let slot = marks.slot(word);
                marks.slots[slot].0 = word;
                marks.slots[slot].1 |= 1 << leaf;
                marks.present[word as usize / 64] |= 1 << (word % 64);
            }
        }
        marks
    }

    /// The leaves a word matches (0: none).
    pub fn get(&self, word: u32) -> u64 {
        match self.present.get(word as usize / 64) {
            Some(bits) if bits & (1 << (word % 64)) != 0 => self.slots[self.slot(word)].1,
            _ => 0,
        }
    }

    fn slot(&self, word: u32) -> usize {
        let mask = self.slots.len() - 1;
        let mut i = (word.wrapping_mul(0x9E37_79B9) >> 7) as usize & mask;
        while self.slots[i].0 != word && self.slots[i].0 != EMPTY {
            i = (i + 1) & mask;
        }
        i
    }
}

/// Where [`DocMarks`] reads documents' marks from.
pub enum MarkSource<'a> {
    /// The stored documents (a whole index).
    Documents(WordMarks),
    /// The matched words' occurrences (a split index), per word its leaves;
    /// read forward: documents must come in ascending order.
    Occurrences(Vec<(Occurrences<'a>, u64)>),
}

impl<'a> MarkSource<'a> {
    pub fn new(index: &Index<'a>, plan: &Plan<'a>) -> MarkSource<'a> {
        if !index.is_split() {
            return MarkSource::Documents(WordMarks::new(plan));
        }
        let mut words: Vec<(Occurrences<'a>, u32, u64)> = Vec::new();
        for (leaf, l) in plan.leaves.iter().enumerate().take(64) {
            for source in &l.sources {
                match words.iter_mut().find(|(_, id, _)| *id == source.word.id) {
                    Some((_, _, leaves)) => *leaves |= 1 << leaf,
                    None => words.push((Occurrences::new(&source.word), source.word.id, 1 << leaf)),
                }
            }
        }
        MarkSource::Occurrences(words.into_iter().map(|(o, _, leaves)| (o, leaves)).collect())
    }
}

/// One document's marked tokens.
#[derive(Default)]
pub struct DocMarks {
    /// (position, leaves) for the tokens some leaf matches, positions
    /// ascending.
    marked: Vec<(u32, u64)>,
    /// Tokens of the title (the first ones).
    pub title: u32,
    scratch: Vec<u32>,
}

impl DocMarks {
    /// Reads document `doc`'s marks; false for a bad id or record.
    pub fn read(&mut self, index: &Index<'_>, source: &mut MarkSource<'_>, doc: u32) -> bool {
        self.marked.clear();
        match source {
            MarkSource::Documents(marks) => {
                let (mut position, mut title) = (0, 0);
                let read = index.each_doc_word(doc, &mut |word, in_title| {
                    let leaves = marks.get(word);
                    if leaves != 0 {
                        self.marked.push((position, leaves));
                    }
                    position += 1;
                    title += u32::from(in_title);
                    true
                });
                if read.is_none() {
                    return false;
                }
                self.title = title;
            }
            MarkSource::Occurrences(words) => {
                self.title = index.title_len(doc);
                for (occurrences, leaves) in words.iter_mut() {
                    if occurrences.read(doc, &mut self.scratch) {
                        self.marked.extend(self.scratch.iter().map(|&p| (p, *leaves)));
                    }
                }
                crate::sort::sort_by(&mut self.marked, &|a, b| a.0 < b.0);
                // One token may be the occurrence of several matched words.
                self.marked.dedup_by(|later, kept| {
                    let same = later.0 == kept.0;
                    if same {
                        kept.1 |= later.1;
                    }
                    same
                });
            }
        }
        true
    }

    /// Does the document hold the phrase of `leaves` (all in the title or all
    /// in the text)? From stored documents, reads its words only as far as
    /// the first occurrence.
    pub fn has_phrase(&mut self, index: &Index<'_>, source: &mut MarkSource<'_>, doc: u32, leaves: &[usize]) -> bool {
        let MarkSource::Documents(marks) = source else {
            let mut found = Vec::new();
            return self.read(index, source, doc) && {
                self.phrase_positions(leaves, &mut found);
                !found.is_empty()
            };
        };
        if leaves.is_empty() {
            return false;
        }
        let bit = |leaf: usize| 1u64.checked_shl(leaf as u32).unwrap_or(0);
        // `run[i]`: the last tokens matched the phrase's first i + 1 words.
        let (mut run, mut field, mut found) = (0u64, true, false);
        let full = 1u64.checked_shl(leaves.len() as u32 - 1).unwrap_or(0);
        index.each_doc_word(doc, &mut |word, in_title| {
            if in_title != field {
                (run, field) = (0, in_title);
            }
            let mark = marks.get(word);
            let mut next = 0;
            for (i, &leaf) in leaves.iter().enumerate() {
                let extends = i == 0 || run & (1 << (i - 1)) != 0;
                if extends && mark & bit(leaf) != 0 {
                    next |= 1 << i;
                }
            }
            run = next;
            found = run & full != 0;
            !found
        });
        found
    }

    /// Positions of the tokens a clause matched: each token matching a word
    /// clause's leaf; each token of every occurrence of a phrase (all in the
    /// title or all in the text).
    pub fn positions(&self, clause: &PlannedClause, out: &mut Vec<u32>) {
        self.phrase_positions(clause.leaves(), out);
    }

    fn phrase_positions(&self, leaves: &[usize], out: &mut Vec<u32>) {
        out.clear();
        let bit = |leaf: usize| 1u64.checked_shl(leaf as u32).unwrap_or(0);
        let (first, rest) = match leaves.split_first() {
            Some((&first, rest)) => (bit(first), rest),
            None => return,
        };
        for (i, &(start, marks)) in self.marked.iter().enumerate() {
            if marks & first == 0 {
                continue;
            }
            let end = start.saturating_add(1 + rest.len() as u32);
            let same_field = (start < self.title) == (end - 1 < self.title);
            // The phrase's next words are the next marked tokens, right after.
            let follows = || {
                rest.iter().enumerate().all(|(j, &leaf)| {
                    self.marked
                        .get(i + 1 + j)
                        .is_some_and(|&(p, m)| Some(p) == start.checked_add(1 + j as u32) && m & bit(leaf) != 0)
                })
            };
            if rest.is_empty() || (same_field && follows()) {
                let from = out.last().map_or(start, |&last| start.max(last.saturating_add(1)));
                out.extend(from..end);
            }
        }
    }
}
