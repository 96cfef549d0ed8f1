//! The documents of one query word: the union of its posting lists, read
//! document at a time.
//!
//! A document's score for the word is the best of its matching lists
//! (`idf × strength × BM25 weight`): a document that writes the word exactly
//! and also with a clitic counts its strongest match. Taking the best rather
//! than a sum keeps upper bounds exact: a stretch of the union can score at
//! most the best of its lists' block impacts.
//!
//! A common word reads a few long lists and many short ones (its rarer
//! forms with clitics and suffixes). The short ones are merged into one
//! list when the union is made, so each step of the union looks at a few
//! cursors, whatever the word's number of forms.

use super::plan::{Leaf, Source};
use crate::index::impact::{impact_bound, Norms};
use crate::index::postings::{Cursor, BLOCK, END};
use crate::index::Index;

/// Lists of at most this many documents are merged, up to this many
/// documents in all (reading them whole once costs less than stepping
/// through them beside the long ones).
const MERGE_DF: u32 = BLOCK as u32;
const MERGE_TOTAL: usize = 4096;

/// A cursor over a query word's documents.
pub struct Union<'a> {
    lists: Vec<(Cursor<'a>, f32)>,
    /// Long lists whose documents the others hold (see
    /// [`Source::refines`]): read only to score.
    refining: Vec<(Cursor<'a>, f32)>,
    merged: Merged,
    doc: u32,
    idf: f32,
    /// Documents in the lists (repeats counted), and of them, the long
    /// lists' and the merged ones' passed so far (for estimates).
    total: u64,
    /// The last stretch bounded: its first and last document, its bound.
    stretch: Option<(u32, u32, f32)>,
    /// Per list (`lists`, then `refining`): the last block bounded, its last
    /// document and weighted bound (a stretch ends where one list's block
    /// does: the others' still hold).
    blocks: Vec<Option<(u32, f32)>>,
}

impl<'a> Union<'a> {
    pub fn new(index: &Index<'a>, leaf: &Leaf<'a>) -> Union<'a> {
        let norms = index.norms();
        let (mut lists, mut refining) = (Vec::new(), Vec::new());
        let (mut short, mut list) = (Vec::new(), Vec::new());
        // The shortest lists first, merged while they stay short together.
        let mut by_length: Vec<&Source<'a>> = leaf.sources.iter().collect();
        crate::sort::sort_by(&mut by_length, &|a, b| a.list.df < b.list.df);
        for source in by_length {
            let mut cursor = Cursor::new(source.list);
            if source.list.df > MERGE_DF || short.len() + source.list.df as usize > MERGE_TOTAL {
                let into = if source.refines { &mut refining } else { &mut lists };
                into.push((cursor, source.weight));
                continue;
            }
            list.clear();
            while cursor.doc() != END {
                let doc = cursor.doc();
                list.push((doc, source.weight * norms.weight(cursor.tf(), index.length_code(doc))));
                cursor.next();
            }
            short = merge(&short, &list);
        }
        let total = leaf.sources.iter().filter(|s| !s.refines).map(|s| u64::from(s.list.df)).sum();
        let merged = Merged::new(short);
        let blocks = vec![None; lists.len() + refining.len()];
        let mut union = Union { lists, refining, merged, doc: END, idf: leaf.idf, total, stretch: None, blocks };
        union.settle();
        union
    }

    /// The current document, or [`END`].
    pub fn doc(&self) -> u32 {
        self.doc
    }

    /// Moves past the current document.
    pub fn next(&mut self) {
        let doc = self.doc;
        for (cursor, _) in &mut self.lists {
            if cursor.doc() == doc {
                cursor.next();
            }
        }
        if self.merged.doc() == doc {
            self.merged.at += 1;
        }
        self.settle();
    }

    /// Moves to the first document ≥ `target`.
    pub fn seek(&mut self, target: u32) {
        if self.doc >= target {
            return;
        }
        for (cursor, _) in &mut self.lists {
            cursor.seek(target);
        }
        self.merged.seek(target);
        self.settle();
    }

    /// The word's score in the current document (of length `code`).
    pub fn score(&mut self, norms: &Norms, code: u8) -> f32 {
        let mut best = if self.merged.doc() == self.doc { self.merged.score() } else { 0.0 };
        for (cursor, _) in &mut self.refining {
            cursor.seek(self.doc);
        }
        for (cursor, weight) in self.lists.iter().chain(&self.refining) {
            if cursor.doc() == self.doc {
                best = best.max(weight * norms.weight(cursor.tf(), code));
            }
        }
        self.idf * best
    }

    /// Without decoding: the end of a stretch of documents from `target` on
    /// (the first block end among the lists) and the best score any
    /// document in it can have. `(END, 0)` when no document ≥ `target` is left.
    ///
    /// Targets only grow, and a stretch's bound holds for every target up to
    /// its end: the last one is kept.
    pub fn bound(&mut self, target: u32) -> (u32, f32) {
        match self.stretch {
            Some((start, end, bound)) if start <= target && target <= end => (end, bound),
            _ => {
                let (end, bound) = self.block_bound(target);
                self.stretch = Some((target, end, bound));
                (end, bound)
            }
        }
    }

    fn block_bound(&mut self, target: u32) -> (u32, f32) {
        let (mut end, mut best) = self.merged.block_bound(target);
        let cursors = self.lists.iter_mut().chain(&mut self.refining);
        for ((cursor, weight), block) in cursors.zip(&mut self.blocks) {
            let (last, bound) = match *block {
                Some((last, bound)) if last >= target => (last, bound),
                _ => {
                    let (last, impact) = cursor.block_bound(target);
                    *block.insert((last, *weight * impact_bound(impact)))
                }
            };
            if last != END {
                end = end.min(last);
                best = best.max(bound);
            }
        }
        (end, self.idf * best)
    }

    /// Documents of the lists passed so far, and in all (for estimates).
    pub fn progress(&self) -> (u64, u64) {
        let passed = self.lists.iter().map(|(c, _)| u64::from(c.consumed())).sum::<u64>() + self.merged.at as u64;
        (passed, self.total)
    }

    fn settle(&mut self) {
        self.doc = self.lists.iter().map(|(c, _)| c.doc()).fold(self.merged.doc(), u32::min);
    }
}

/// Merges two lists of `(document, score)` in document order into one,
/// keeping a document's best score.
fn merge(a: &[(u32, f32)], b: &[(u32, f32)]) -> Vec<(u32, f32)> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        let (x, y) = (a[i], b[j]);
        out.push(if x.0 == y.0 {
            (x.0, x.1.max(y.1))
        } else if x.0 < y.0 {
            x
        } else {
            y
        });
        i += usize::from(x.0 <= y.0);
        j += usize::from(y.0 <= x.0);
    }
    out.extend_from_slice(&a[i..]);
    out.extend_from_slice(&b[j..]);
    out
}

/// Short lists merged: per document, the best weighted BM25 weight (before
/// idf); bounds per run of [`BLOCK`] entries.
struct Merged {
    entries: Vec<(u32, f32)>,
    /// Per run of BLOCK entries: its last document and best score.
    blocks: Vec<(u32, f32)>,
    at: usize,
}

impl Merged {
    /// `entries` in document order, one per document.
    fn new(entries: Vec<(u32, f32)>) -> Merged {
        let blocks = entries
            .chunks(BLOCK)
            .map(|run| (run[run.len() - 1].0, run.iter().map(|e| e.1).fold(0.0, f32::max)))
            .collect();
        Merged { entries, blocks, at: 0 }
    }

    fn doc(&self) -> u32 {
        self.entries.get(self.at).map_or(END, |e| e.0)
    }

    fn score(&self) -> f32 {
        self.entries.get(self.at).map_or(0.0, |e| e.1)
    }

    fn seek(&mut self, target: u32) {
        if self.doc() >= target {
            return;
        }
        let rest = &self.entries[self.at..];
        self.at += rest.partition_point(|e| e.0 < target);
    }

    fn block_bound(&self, target: u32) -> (u32, f32) {
        let from = self.at / BLOCK;
        match self.blocks[from.min(self.blocks.len())..].iter().find(|b| b.0 >= target) {
            Some(&(last, best)) if self.doc() != END => (last, best),
            _ => (END, 0.0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Document;
    use crate::index::build;
    use crate::query::parse;
    use crate::search::plan::Plan;

    /// A word written three ways, each in more documents than a block holds
    /// (so each is a list of its own, with blocks ending at different
    /// documents), with term frequencies that vary from block to block.
    fn corpus() -> Vec<Document> {
        (0..900)
            .map(|i| {
                let mut text = String::from("نص");
                for (form, every) in [("كتاب", 2), ("الكتاب", 3), ("وكتاب", 5)] {
                    if i % every == 0 {
                        text.extend(std::iter::repeat_n([" ", form].concat(), 1 + (i / 97) % 4));
                    }
                }
                Document { id: i.to_string(), title: "عنوان".into(), url: None, date: None, text }
            })
            .collect()
    }

    #[test]
    fn a_stretch_bound_is_the_same_kept_or_computed_afresh() {
        let bytes = build(&corpus());
        let index = Index::from_bytes(&bytes).unwrap();
        let plan = Plan::new(&index, &parse("كتاب "), false);
        let leaf = &plan.leaves[0];
        assert!(leaf.sources.iter().filter(|s| s.list.df > MERGE_DF).count() >= 3, "three long lists");

        let mut kept = Union::new(&index, leaf);
        let mut checked = 0;
        for target in (0..900).step_by(7) {
            let (end, bound) = kept.bound(target);
            assert_eq!((end, bound), Union::new(&index, leaf).bound(target), "bound at document {target}");
            if end != END {
                checked += 1;
                kept.seek(target);
            }
        }
        assert!(checked > 100);
    }
}
