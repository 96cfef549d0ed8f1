//! Matching: the documents a plan accepts, read document-at-a-time, the best
//! k kept, the rest skipped as soon as they cannot make it.
//!
//! Every query word is a [`Union`] of posting lists. Documents must satisfy
//! every clause (the query words are intersected leapfrog style, the rarest
//! first); when none does, the search is *relaxed*: documents meeting any
//! clause, those meeting more first.
//!
//! Cost follows the results, not the corpus. The first [`EXACT_TOTAL`]
//! matches are all looked at, so `total` is exact up to there. After that,
//! stretches of documents whose best possible score (the lists' block
//! impacts, block-max style) cannot beat the k-th best are skipped without
//! being decoded, and `total` becomes an estimate from how far the lists
//! had been read. Positions (for phrases and proximity) are read from the
//! forward index only for documents that can still get in.

use super::plan::{Leaf, Plan, PlannedClause, Source};
use super::positions::{DocMarks, MarkSource};
use super::rank::{closest, max_proximity, proximity};
use super::topk::{Scored, TopK};
use super::union::Union;
use crate::index::postings::{BEST, END};
use crate::index::Index;

/// Matches counted one by one before pruning starts.
pub const EXACT_TOTAL: usize = 200;
/// Once pruning, documents that could beat the k-th best score by less than
/// this factor are skipped too. Common words spread scores thin (BM25
/// saturates): a thousand documents within a few percent of each other would
/// all have to be read for an exact order that no reader could tell apart.
pub const TOLERANCE: f32 = 1.25;

/// What matching found.
pub struct Matches {
    /// The best documents, best first (at most k).
    pub top: Vec<Scored>,
    pub total: usize,
    pub total_is_estimate: bool,
    /// No document met every clause; `top` holds the best partial matches.
    pub relaxed: bool,
}

/// Finds the k best documents of a plan.
pub fn find<'a>(index: &Index<'a>, plan: &Plan<'a>, k: usize) -> Matches {
    if let Some(found) = one_word(index, plan, k) {
        return found;
    }
    let found = Matcher::new(index, plan, k, true).run();
    if found.total > 0 || plan.include.len() < 2 {
        return found;
    }
    Matches { relaxed: true, ..Matcher::new(index, plan, k, false).run() }
}

/// A query of a single word and no exclusions, for at most [`BEST`]
/// results: the best documents of its lists hold its best documents (a
/// document left out of a list's best has [`BEST`] better ones in that
/// list alone), so the top k come from those; the total from counting the
/// documents up to [`EXACT_TOTAL`], then an estimate.
fn one_word<'a>(index: &Index<'a>, plan: &Plan<'a>, k: usize) -> Option<Matches> {
    let [PlannedClause::Word(leaf)] = plan.include.as_slice() else { return None };
    if !plan.exclude.is_empty() || k > BEST {
        return None;
    }
    let leaf = &plan.leaves[*leaf];
    let norms = index.norms();
    let mut best = best_union(index, leaf, leaf.idf);
    let mut top = TopK::new(k);
    while best.doc() != END {
        let doc = best.doc();
        top.push(Scored { doc, met: 1, score: best.score(norms, index.length_code(doc)) });
        best.next();
    }
    let mut all = Union::new(index, leaf);
    let mut counted = 0;
    while all.doc() != END && counted < EXACT_TOTAL {
        counted += 1;
        all.next();
    }
    let total_is_estimate = all.doc() != END;
    let total = if total_is_estimate { estimate(counted, all.progress(), index.doc_count()) } else { counted };
    Some(Matches { top: top.into_sorted(), total, total_is_estimate, relaxed: false })
}

/// The union of a leaf's lists' best documents (or of the lists, where
/// they store none), scored with `idf`.
pub fn best_union<'a>(index: &Index<'a>, leaf: &Leaf<'a>, idf: f32) -> Union<'a> {
    // A list's best documents are not among another's best: none refines.
    let best_sources =
        leaf.sources.iter().map(|s| Source { list: s.list.best().unwrap_or(s.list), refines: false, ..*s });
    Union::new(index, &Leaf { sources: best_sources.collect(), idf, correction: None })
}

/// The matches of lists whose first `counted` matches took `(passed, all)`
/// of their documents, in a corpus of `documents`.
fn estimate(counted: usize, (passed, all): (u64, u64), documents: u32) -> usize {
    let estimate = counted as f64 * all as f64 / passed.max(1) as f64;
    (estimate.round() as usize).min(documents as usize).max(counted)
}

struct Matcher<'i, 'a> {
    index: &'i Index<'a>,
    plan: &'i Plan<'a>,
    /// One per leaf of the plan (included and excluded words alike).
    leaves: Vec<Union<'a>>,
    /// The included leaves, rarest first.
    order: Vec<usize>,
    require_all: bool,
    top: TopK,
    marks: MarkSource<'a>,
    doc: DocMarks,
    scratch: (Vec<u32>, Vec<u32>),
    /// Matches looked at one by one, and whether pruning has started.
    counted: usize,
    pruning: bool,
    /// The lists' documents passed and in all when pruning started (for the
    /// estimate).
    progress_at_pruning: (u64, u64),
    max_bonus: f32,
}

impl<'i, 'a> Matcher<'i, 'a> {
    fn new(index: &'i Index<'a>, plan: &'i Plan<'a>, k: usize, require_all: bool) -> Self {
        let leaves: Vec<Union<'a>> = plan.leaves.iter().map(|leaf| Union::new(index, leaf)).collect();
        let mut order: Vec<usize> = plan.include.iter().flat_map(|c| c.leaves().iter().copied()).collect();
        crate::sort::sort_by(&mut order, &|&a, &b| leaves[a].progress().1 < leaves[b].progress().1);
        Matcher {
            index,
            plan,
            leaves,
            order,
            require_all,
            top: TopK::new(k),
            marks: MarkSource::new(index, plan),
            doc: DocMarks::default(),
            scratch: (Vec::new(), Vec::new()),
            counted: 0,
            pruning: false,
            progress_at_pruning: (1, 1),
            max_bonus: plan.include.windows(2).map(|pair| max_proximity(pair[0].idf(plan), pair[1].idf(plan))).sum(),
        }
    }

    fn run(mut self) -> Matches {
        if self.require_all {
            self.intersect();
        } else {
            self.unite();
        }
        let total_is_estimate = self.pruning;
        let total = if self.pruning {
            estimate(self.counted, self.progress_at_pruning, self.index.doc_count())
        } else {
            self.counted
        };
        Matches { top: self.top.into_sorted(), total, total_is_estimate, relaxed: false }
    }

    /// Documents with every clause: leapfrog over the query words, the
    /// rarest proposing. Once pruning, a proposed document is first bounded
    /// by its own score and the others' block bounds, and the other words
    /// are read only if it can still get in.
    fn intersect(&mut self) {
        let all = self.plan.include.len() as u32;
        let norms = self.index.norms();
        let (driver, others) = (self.order[0], self.order.len() - 1);
        let mut target = 0;
        'search: loop {
            if self.pruning {
                let Some((end, bound)) = self.bound_all(target) else { break };
                if !self.could_enter(all, bound + self.max_bonus) {
                    if end == END {
                        break;
                    }
                    target = end + 1;
                    continue;
                }
            }
            self.leaves[driver].seek(target);
            let doc = self.leaves[driver].doc();
            if doc == END {
                break;
            }
            // Once pruning: the proposed document's bound (its driver's score
            // and the others' block bounds), tightened word by word as they
            // are read; it is dropped as soon as it cannot get in.
            let code = self.index.length_code(doc);
            let mut bound = self.leaves[driver].score(norms, code) + self.max_bonus;
            if self.pruning {
                for i in 1..=others {
                    let (end, leaf_bound) = self.leaves[self.order[i]].bound(doc);
                    if end == END {
                        break 'search;
                    }
                    bound += leaf_bound;
                }
                if !self.could_enter(all, bound) {
                    target = doc + 1;
                    continue;
                }
            }
            for i in 1..=others {
                let leaf_bound = if self.pruning { self.leaves[self.order[i]].bound(doc).1 } else { 0.0 };
                let leaf = &mut self.leaves[self.order[i]];
                leaf.seek(doc);
                match leaf.doc() {
                    END => break 'search,
                    next if next > doc => {
                        target = next;
                        continue 'search;
                    }
                    _ => {}
                }
                if self.pruning {
                    bound += leaf.score(norms, code) - leaf_bound;
                    if !self.could_enter(all, bound) {
                        target = doc + 1;
                        continue 'search;
                    }
                }
            }
            self.evaluate(doc);
            if doc == END - 1 {
                break;
            }
            target = doc + 1;
        }
    }

    /// Documents with any clause (the relaxed search).
    fn unite(&mut self) {
        loop {
            let doc = self.order.iter().map(|&l| self.leaves[l].doc()).min().unwrap_or(END);
            if doc == END {
                break;
            }
            if self.pruning {
                let (end, met, bound) = self.bound_any(doc);
                if !self.could_enter(met, bound + self.max_bonus) {
                    if end == END {
                        break;
                    }
                    for &l in &self.order {
                        self.leaves[l].seek(end + 1);
                    }
                    continue;
                }
            }
            self.evaluate(doc);
            for &l in &self.order {
                if self.leaves[l].doc() == doc {
                    self.leaves[l].next();
                }
            }
        }
    }

    /// For documents from `target` on, all leaves together: the end of the
    /// stretch the bound holds for and the bound; `None` when some leaf has
    /// no document left.
    fn bound_all(&mut self, target: u32) -> Option<(u32, f32)> {
        let (mut end, mut bound) = (END, 0.0);
        for &l in &self.order {
            let (last, best) = self.leaves[l].bound(target);
            if last == END {
                return None;
            }
            end = end.min(last);
            bound += best;
        }
        Some((end, bound))
    }

    /// Like [`Self::bound_all`] for the relaxed search: also how many clauses
    /// a document of the stretch could meet.
    fn bound_any(&mut self, target: u32) -> (u32, u32, f32) {
        let blocks: Vec<(u32, f32)> = self.leaves.iter_mut().map(|l| l.bound(target)).collect();
        let end = self.order.iter().map(|&l| blocks[l].0).min().unwrap_or(END);
        let (mut met, mut bound) = (0, 0.0);
        for clause in &self.plan.include {
            if clause.leaves().iter().all(|&l| self.leaves[l].doc() <= end) {
                met += 1;
                bound += clause.leaves().iter().map(|&l| blocks[l].1).sum::<f32>();
            }
        }
        (end, met, bound)
    }

    /// Scores a document the leaves stand on (or some of them, relaxed).
    fn evaluate(&mut self, doc: u32) {
        if self.excluded(doc) {
            return;
        }
        let code = self.index.length_code(doc);
        let norms = self.index.norms();
        let (mut met, mut score, mut phrases) = (0u32, 0.0f32, false);
        for clause in &self.plan.include {
            if clause.leaves().iter().all(|&l| self.leaves[l].doc() == doc) {
                met += 1;
                score += clause.leaves().iter().map(|&l| self.leaves[l].score(norms, code)).sum::<f32>();
                phrases |= matches!(clause, PlannedClause::Phrase(_));
            }
        }
        // While counting, every match is checked; after, only contenders.
        if met == 0 || (self.pruning && !self.could_enter(met, score + self.max_bonus)) {
            return;
        }
        let mut read = false;
        if phrases {
            // Alone, a phrase needs only its first occurrence; with other
            // clauses, every position (for proximity).
            let alone = self.plan.include.len() == 1;
            read = !alone && self.doc.read(self.index, &mut self.marks, doc);
            for clause in &self.plan.include {
                if let PlannedClause::Phrase(leaves) = clause {
                    let present = leaves.iter().all(|&l| self.leaves[l].doc() == doc);
                    let found = if alone {
                        self.doc.has_phrase(self.index, &mut self.marks, doc, leaves)
                    } else {
                        read && self.phrase_in_doc(clause)
                    };
                    if present && !found {
                        met -= 1;
                        score -= leaves.iter().map(|&l| self.leaves[l].score(norms, code)).sum::<f32>();
                    }
                }
            }
        }
        let all = self.plan.include.len() as u32;
        if met == 0 || (self.require_all && met < all) {
            return;
        }
        if !self.pruning {
            self.counted += 1;
            if self.counted == EXACT_TOTAL {
                self.start_pruning();
            }
        }
        if !self.could_enter(met, score + self.max_bonus) {
            return;
        }
        if all > 1 && (read || self.doc.read(self.index, &mut self.marks, doc)) {
            score += self.bonus(doc);
        }
        self.top.push(Scored { doc, met, score });
    }

    /// Could a document with this many clauses and at most this score get
    /// into the top k? While counting, exactly; once pruning, only if it would
    /// beat the k-th best by more than [`TOLERANCE`].
    fn could_enter(&self, met: u32, bound: f32) -> bool {
        self.top.could_enter(met, if self.pruning { bound / TOLERANCE } else { bound })
    }

    /// Is an excluded word or phrase in the document?
    fn excluded(&mut self, doc: u32) -> bool {
        for clause in &self.plan.exclude {
            let leaves = clause.leaves();
            for &l in leaves {
                self.leaves[l].seek(doc);
            }
            if leaves.iter().all(|&l| self.leaves[l].doc() == doc)
                && (leaves.len() == 1 || self.doc.has_phrase(self.index, &mut self.marks, doc, leaves))
            {
                return true;
            }
        }
        false
    }

    fn phrase_in_doc(&mut self, clause: &PlannedClause) -> bool {
        self.doc.positions(clause, &mut self.scratch.0);
        !self.scratch.0.is_empty()
    }

    /// The proximity bonus: consecutive clauses close together.
    fn bonus(&mut self, doc: u32) -> f32 {
        let mut bonus = 0.0;
        let mut has_previous = false;
        let mut previous_idf = 0.0;
        for clause in &self.plan.include {
            let present = clause.leaves().iter().all(|&l| self.leaves[l].doc() == doc);
            if present {
                self.doc.positions(clause, &mut self.scratch.1);
            }
            let idf = clause.idf(self.plan);
            if present && has_previous {
                if let Some(d) = closest(&self.scratch.0, &self.scratch.1) {
                    bonus += proximity(d, previous_idf, idf);
                }
            }
            previous_idf = idf;
            has_previous = present && !self.scratch.1.is_empty();
            std::mem::swap(&mut self.scratch.0, &mut self.scratch.1);
        }
        bonus
    }

    /// Counting stops: from here on the total is estimated from how much of
    /// the lists was read to find the matches counted.
    fn start_pruning(&mut self) {
        self.pruning = true;
        let progress = |leaves: &[usize]| {
            leaves.iter().fold((0, 0), |(p, a), &l| {
                let (lp, la) = self.leaves[l].progress();
                (p + lp, a + la)
            })
        };
        self.progress_at_pruning = if self.require_all {
            // The rarest word decides how far the intersection has come.
            progress(&self.order[..1])
        } else {
            progress(&self.order)
        };
    }
}
