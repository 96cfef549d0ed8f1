//! Where the query's words stand in one document: its words, read from the
//! forward index, each marked with the query words it matches. Phrases,
//! proximity and highlights are read from these marks.

use super::plan::{Plan, PlannedClause};
use crate::index::Index;

/// Which query words (leaves, one bit each) each index word matches.
pub struct WordMarks {
    /// Open addressing: (word id, leaves), `EMPTY` where free.
    slots: Vec<(u32, u64)>,
}

const EMPTY: u32 = u32::MAX;

impl WordMarks {
    pub fn new(plan: &Plan<'_>) -> WordMarks {
        let entries: usize = plan.leaves.iter().map(|l| l.sources.len()).sum();
        let mut marks = WordMarks { slots: vec![(EMPTY, 0); (entries * 2).next_power_of_two().max(8)] };
        for (leaf, l) in plan.leaves.iter().enumerate().take(64) {
            for source in &l.sources {
                let slot = marks.slot(source.word);
                marks.slots[slot].0 = source.word;
                marks.slots[slot].1 |= 1 << leaf;
            }
        }
        marks
    }

    /// The leaves a word matches (0: none).
    pub fn get(&self, word: u32) -> u64 {
        self.slots[self.slot(word)].1
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

/// One document's words, each with its marks.
#[derive(Default)]
pub struct DocMarks {
    words: Vec<u32>,
    marks: Vec<u64>,
    /// Tokens of the title (the first ones).
    pub title: u32,
}

impl DocMarks {
    /// Reads document `doc`'s words; false for a bad id or record.
    pub fn read(&mut self, index: &Index<'_>, marks: &WordMarks, doc: u32) -> bool {
        let Some(title) = index.doc_words(doc, &mut self.words) else { return false };
        self.title = title;
        self.marks.clear();
        self.marks.extend(self.words.iter().map(|&w| marks.get(w)));
        true
    }

    /// Does the document hold the phrase of `leaves` (all in the title or all
    /// in the text)? Reads its words only as far as the first occurrence.
    pub fn has_phrase(index: &Index<'_>, marks: &WordMarks, doc: u32, leaves: &[usize]) -> bool {
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
        out.clear();
        let bit = |leaf: usize| 1u64.checked_shl(leaf as u32).unwrap_or(0);
        let (first, rest) = match clause.leaves().split_first() {
            Some((&first, rest)) => (bit(first), rest),
            None => return,
        };
        let title = self.title as usize;
        for (start, &marks) in self.marks.iter().enumerate() {
            if marks & first == 0 {
                continue;
            }
            let end = start + 1 + rest.len();
            let same_field = (start < title) == (end - 1 < title);
            let follows = || {
                rest.iter()
                    .enumerate()
                    .all(|(i, &leaf)| self.marks.get(start + 1 + i).is_some_and(|m| m & bit(leaf) != 0))
            };
            if rest.is_empty() || (same_field && follows()) {
                let from = out.last().map_or(start, |&last| start.max(last as usize + 1));
                out.extend(from as u32..end as u32);
            }
        }
    }
}
