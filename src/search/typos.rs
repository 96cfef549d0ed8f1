//! Typos, weighed the way Arabic is typed: a word that matches nothing is
//! looked for among the dictionary's keys a slip or two away, and a slip
//! Arabic typists really make costs half an edit, anything else a whole one.
//!
//! Cheap (1 half-edit): letters that differ only by dots (ب ت ث ن ي, ج ح خ,
//! د ذ, ر ز, س ش, ص ض, ط ظ, ع غ, ف ق), neighbours on the Arabic keyboard,
//! a hamza for its seat, ه for ت (ة is folded to ه), ي for ا (ى is folded
//! to ي), a long vowel dropped or added, a letter doubled or undoubled, two
//! letters swapped. Everything else costs 2. A word may spend, by its
//! length: 1 at 4–5 letters, 2 at 6–9, 3 beyond; so السعودية (an ع dropped
//! and a د for ر, 4) does not become السورية.

use crate::index::fuzzy::skeleton;
use crate::keyboard::{adjacent, keys_of};

/// Edits (of any cost) the dictionary walk allows: the budget's cheap edits
/// at most.
pub fn max_edits(letters: usize) -> u8 {
    match budget(letters) {
        0 => 0,
        1 => 1,
        _ => 2,
    }
}

/// Half-edits a word of `letters` letters may spend.
pub fn budget(letters: usize) -> u32 {
    match letters {
        0..=3 => 0,
        4..=6 => 1,
        7..=9 => 2,
        _ => 3,
    }
}

const CHEAP: u32 = 1;
const FULL: u32 = 2;

/// What turning `typed` into `word` costs, in half-edits (optimal string
/// alignment: each letter edited once).
///
/// ```
/// use bahth::search::typos::cost;
/// assert_eq!(cost("المسحد", "المسجد"), 1); // dots
/// assert_eq!(cost("الخاجريه", "الخارجيه"), 1); // a swap
/// assert_eq!(cost("السعوديه", "السوريه"), 4); // ع dropped, د for ر
/// ```
pub fn cost(typed: &str, word: &str) -> u32 {
    let a: Vec<char> = typed.chars().collect();
    let b: Vec<char> = word.chars().collect();
    // Each letter's keys, found once rather than per pair.
    let (keys_a, keys_b): (Vec<_>, Vec<_>) =
        (a.iter().map(|&c| keys_of(c)).collect(), b.iter().map(|&c| keys_of(c)).collect());
    let substitute = |i: usize, j: usize| {
        let (x, y) = (a[i], b[j]);
        if x == y {
            0
        } else if similar(x, y) || adjacent(&keys_a[i], &keys_b[j]) {
            CHEAP
        } else {
            FULL
        }
    };
    let width = b.len() + 1;
    let mut d = vec![0u32; (a.len() + 1) * width];
    for i in 0..=a.len() {
        for j in 0..=b.len() {
            d[i * width + j] = match (i, j) {
                (0, 0) => 0,
                (_, 0) => d[(i - 1) * width] + indel(&a, i - 1),
                (0, _) => d[j - 1] + indel(&b, j - 1),
                _ => {
                    let substitution = d[(i - 1) * width + j - 1] + substitute(i - 1, j - 1);
                    let mut best = substitution
                        .min(d[(i - 1) * width + j] + indel(&a, i - 1))
                        .min(d[i * width + j - 1] + indel(&b, j - 1));
                    if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && a[i - 1] != a[i - 2] {
                        best = best.min(d[(i - 2) * width + j - 2] + CHEAP);
                    }
                    best
                }
            };
        }
    }
    d[a.len() * width + b.len()]
}

/// Adding or dropping `letters[at]`: cheap for a long vowel or a doubled
/// letter.
fn indel(letters: &[char], at: usize) -> u32 {
    let c = letters[at];
    let doubled = (at > 0 && letters[at - 1] == c) || letters.get(at + 1) == Some(&c);
    if matches!(c, 'ا' | 'و' | 'ي') || doubled {
        CHEAP
    } else {
        FULL
    }
}

/// Letters a reader easily writes for one another (the keyboard aside).
fn similar(a: char, b: char) -> bool {
    const PAIRS: [(char, char); 5] = [('ه', 'ت'), ('ي', 'ا'), ('ء', 'ا'), ('ء', 'و'), ('ء', 'ي')];
    skeleton(a) == skeleton(b) || PAIRS.iter().any(|&(x, y)| (a, b) == (x, y) || (a, b) == (y, x))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (typed, meant, half-edits): the slips of the issue's list.
    #[test]
    fn weighted_edits() {
        let rows: &[(&str, &str, u32, &str)] = &[
            ("المسحد", "المسجد", 1, "ج ح differ by a dot"),
            ("البيت", "البنت", 1, "ي ن"),
            ("ذهب", "دهب", 1, "د ذ"),
            ("الضوء", "الصوء", 1, "ص ض"),
            ("مدرسه", "مدرست", 1, "ه ت"),
            ("علي", "علا", 1, "ي ا"),
            ("مسوول", "مسءول", 1, "a hamza's seat"),
            ("كتب", "كتاب", 1, "a long vowel dropped"),
            ("كتااب", "كتاب", 1, "a letter doubled"),
            ("الخاجريه", "الخارجيه", 1, "a swap"),
            ("بلد", "لبد", 1, "a swap at the start"),
            ("قلم", "فلم", 1, "ف ق dots"),
            ("سلام", "سلان", 1, "م ن: neighbours (l k)"),
            ("كتب", "كتم", 2, "ب م: neither dots nor neighbours"),
            ("السعوديه", "السوريه", 4, "ع dropped (2), د for ر (2)"),
            ("سعوديه", "سعيده", 2, "و dropped (1), a swap (1)"),
            ("الصلاو", "الصلاه", 1, "و for ة (folded ه): neighbours (, and m)"),
            ("بحث", "بحث", 0, "the same"),
        ];
        for (typed, meant, want, what) in rows {
            assert_eq!(cost(typed, meant), *want, "{what}: {typed} → {meant}");
        }
    }

    #[test]
    fn budgets_by_length() {
        assert_eq!((budget(3), budget(4), budget(6), budget(7), budget(10)), (0, 1, 1, 2, 3));
        assert_eq!((max_edits(3), max_edits(6), max_edits(9), max_edits(12)), (0, 1, 2, 2));
    }
}
