//! Hit assembly: a matched document's stored fields, its best passage and
//! the ranges of the words the query matched.

use super::plan::Plan;
use super::positions::{DocMarks, MarkSource};
use super::topk::Scored;
use super::Hit;
use crate::excerpt::{best_window, excerpt, title_highlights, WINDOW};
use crate::index::Index;

/// The hit for one matched document (`None` for a bad document record).
pub fn hit<'a>(index: &Index<'a>, plan: &Plan<'a>, scored: &Scored) -> Option<Hit> {
    let mut doc = DocMarks::default();
    let mut marks = MarkSource::new(index, plan);
    let mut matched = Matched::default();
    if doc.read(index, &mut marks, scored.doc) {
        let mut positions = Vec::new();
        for (clause_index, clause) in plan.include.iter().enumerate() {
            doc.positions(clause, &mut positions);
            matched.add(&positions, doc.title, clause_index);
        }
    }
    assemble(index, scored, matched)
}

/// Where the query matched one document: (token of the text, clause)
/// pairs, and tokens of the title.
#[derive(Default)]
pub struct Matched {
    text: Vec<(usize, usize)>,
    title: Vec<usize>,
}

impl Matched {
    /// Adds the positions (title first, `title` tokens long) clause
    /// `clause` matched.
    pub fn add(&mut self, positions: &[u32], title: u32, clause: usize) {
        for &p in positions {
            match p.checked_sub(title) {
                Some(t) => self.text.push((t as usize, clause)),
                None => self.title.push(p as usize),
            }
        }
    }
}

/// The hit for a document scored and matched so.
pub fn assemble(index: &Index<'_>, scored: &Scored, matched: Matched) -> Option<Hit> {
    let Matched { text: mut text_hits, title: title_hits } = matched;
    crate::sort::sort_by(&mut text_hits, &|a, b| a < b);
    // Only the passage shown is rebuilt from the stored words.
    let first = best_window(&text_hits);
    let fields = index.doc_window(scored.doc, first as u32..(first + WINDOW) as u32)?;
    let window_hits: Vec<(usize, usize)> =
        text_hits.iter().filter(|h| (first..first + WINDOW).contains(&h.0)).map(|&(t, c)| (t - first, c)).collect();
    Some(Hit {
        score: shown_score(scored.score),
        excerpt: excerpt(&fields.text, &fields.text_ranges, &window_hits, fields.cut),
        title_highlights: title_highlights(&fields.title, &fields.title_ranges, &title_hits),
        id: fields.id,
        title: fields.title,
        url: fields.url,
    })
}

/// A score as a hit shows it: to three decimals.
pub fn shown_score(score: f32) -> f64 {
    (f64::from(score) * 1000.0).round() / 1000.0
}
