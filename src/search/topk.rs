//! The top-k collector: keeps the k best documents seen so far, and says
//! whether a document with some upper bound could still get in (what lets
//! the matcher skip the rest).

use std::cmp::{Ordering, Reverse};
use std::collections::BinaryHeap;

/// A matched document, ordered by how many clauses it meets, then score,
/// then (ties) the earlier document.
#[derive(Debug, Clone, Copy)]
pub struct Scored {
    pub doc: u32,
    /// Clauses met (all of them unless the search was relaxed).
    pub met: u32,
    pub score: f32,
}

impl Ord for Scored {
    fn cmp(&self, other: &Self) -> Ordering {
        self.met.cmp(&other.met).then(self.score.total_cmp(&other.score)).then(other.doc.cmp(&self.doc))
    }
}

impl PartialOrd for Scored {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for Scored {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Scored {}

/// The k best documents.
pub struct TopK {
    k: usize,
    /// The worst kept document on top.
    heap: BinaryHeap<Reverse<Scored>>,
}

impl TopK {
    pub fn new(k: usize) -> TopK {
        TopK { k, heap: BinaryHeap::with_capacity(k.min(1024) + 1) }
    }

    pub fn push(&mut self, scored: Scored) {
        if self.could_enter(scored.met, scored.score) {
            self.heap.push(Reverse(scored));
            if self.heap.len() > self.k {
                self.heap.pop();
            }
        }
    }

    /// Could a document meeting `met` clauses with a score of at most
    /// `score` be among the k best? (Ties may, by document order.)
    pub fn could_enter(&self, met: u32, score: f32) -> bool {
        if self.heap.len() < self.k {
            return true;
        }
        match self.heap.peek() {
            Some(Reverse(worst)) => met > worst.met || (met == worst.met && score >= worst.score),
            None => false, // k = 0
        }
    }

    /// The kept documents, best first.
    pub fn into_sorted(self) -> Vec<Scored> {
        let mut out: Vec<Scored> = self.heap.into_iter().map(|Reverse(s)| s).collect();
        crate::sort::sort_by(&mut out, &|a, b| a > b);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scored(doc: u32, met: u32, score: f32) -> Scored {
        Scored { doc, met, score }
    }

    #[test]
    fn keeps_the_best_k_in_order() {
        let mut top = TopK::new(3);
        for (doc, score) in [(0, 1.0), (1, 5.0), (2, 3.0), (3, 4.0), (4, 0.5), (5, 4.0)] {
            top.push(scored(doc, 1, score));
        }
        let docs: Vec<u32> = top.into_sorted().iter().map(|s| s.doc).collect();
        assert_eq!(docs, [1, 3, 5], "ties go to the earlier document");
    }

    #[test]
    fn clauses_met_come_before_score() {
        let mut top = TopK::new(2);
        top.push(scored(0, 1, 9.0));
        top.push(scored(1, 2, 0.1));
        top.push(scored(2, 1, 8.0));
        assert!(!top.could_enter(1, 8.5));
        assert!(top.could_enter(1, 9.0));
        assert!(top.could_enter(2, 0.0));
        let docs: Vec<u32> = top.into_sorted().iter().map(|s| s.doc).collect();
        assert_eq!(docs, [1, 0]);
    }

    #[test]
    fn k_zero_keeps_nothing() {
        let mut top = TopK::new(0);
        assert!(!top.could_enter(5, 100.0));
        top.push(scored(0, 1, 1.0));
        assert!(top.into_sorted().is_empty());
    }
}
