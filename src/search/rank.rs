//! Ranking: how strongly each kind of match counts, and how scores add up.
//!
//! A document's score is the sum over the query's clauses of
//! `idf × strength × BM25 weight` (the weight of the matching word's
//! occurrences in the document, see [`crate::index::impact`]; when several
//! words of the document match one query word, the best of them counts),
//! plus a bonus when consecutive clauses stand close together. Phrases add
//! the scores of their words.

use crate::analyzer::Level;

/// How a document word matched a query word, strongest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Strength {
    Surface,
    Folded,
    Stripped,
    Stem,
    Prefix,
    Typo,
}

impl Strength {
    /// The factor a match of this strength scores with.
    pub fn weight(self) -> f32 {
        match self {
            Strength::Surface => 1.0,
            Strength::Folded => 0.9,
            Strength::Stripped => 0.8,
            Strength::Stem => 0.65,
            Strength::Prefix => 0.5,
            Strength::Typo => 0.3,
        }
    }

    pub fn of(level: Level) -> Strength {
        match level {
            Level::Surface => Strength::Surface,
            Level::Folded => Strength::Folded,
            Level::Stripped => Strength::Stripped,
            Level::Stem => Strength::Stem,
        }
    }
}

/// BM25's inverse document frequency of a query word found in `df` of `n`
/// documents.
pub fn idf(df: u32, n: u32) -> f32 {
    let (df, n) = (df as f32, n as f32);
    (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
}

/// The bonus for two consecutive clauses `distance` tokens apart, whose
/// idfs are `a` and `b`: two rare words side by side say more than two
/// common ones, as in BM25TP (Rasolofo & Savoy). At most [`max_proximity`].
pub fn proximity(distance: u32, a: f32, b: f32) -> f32 {
    max_proximity(a, b) / distance.max(1) as f32
}

/// The largest bonus a pair of clauses with idfs `a` and `b` can earn.
pub fn max_proximity(a: f32, b: f32) -> f32 {
    PROXIMITY * a.min(b)
}

const PROXIMITY: f32 = 0.3;

/// The smallest distance between a position in `a` and one in `b` (both
/// sorted), or `None` if either is empty.
pub fn closest(a: &[u32], b: &[u32]) -> Option<u32> {
    let (mut i, mut j, mut best) = (0, 0, None::<u32>);
    while i < a.len() && j < b.len() {
        let d = a[i].abs_diff(b[j]);
        best = Some(best.map_or(d, |b| b.min(d)));
        if a[i] < b[j] {
            i += 1;
        } else {
            j += 1;
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strengths_are_ordered() {
        let all =
            [Strength::Surface, Strength::Folded, Strength::Stripped, Strength::Stem, Strength::Prefix, Strength::Typo];
        assert!(all.windows(2).all(|w| w[0] < w[1] && w[0].weight() > w[1].weight()));
    }

    #[test]
    fn rare_words_weigh_more() {
        assert!(idf(1, 1000) > idf(10, 1000));
        assert!(idf(1000, 1000) > 0.0);
    }

    #[test]
    fn closest_positions() {
        assert_eq!(closest(&[1, 10, 20], &[14, 30]), Some(4));
        assert_eq!(closest(&[5], &[]), None);
        assert_eq!(proximity(0, 2.0, 1.0), max_proximity(2.0, 1.0));
        assert_eq!(proximity(3, 1.0, 2.0), 0.1);
    }
}
