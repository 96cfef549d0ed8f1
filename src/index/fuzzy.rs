//! Typo tolerance: an `fst` automaton that accepts keys within a number of
//! edits of a word, counting edits in code points.
//!
//! fst ships a Levenshtein automaton, but it misses matches in Arabic and other
//! multi-byte scripts (BurntSushi/fst#160: even a word at distance 1 from
//! itself is not found). This one keeps the dynamic-programming row as its
//! state and decodes UTF-8 as bytes arrive. It also counts swapping two
//! neighbouring letters as one edit (optimal string alignment), the most
//! common typing slip.

use fst::Automaton;

/// Accepts strings within `max` edits of a word.
pub struct EditDistance {
    word: Vec<char>,
    max: u8,
}

/// Where the automaton is: the last two DP rows and the char that led to
/// each, plus the bytes of a char still arriving. `None` once no key with
/// this prefix can match.
#[derive(Clone, Debug)]
pub struct State {
    row: Vec<u8>,
    previous_row: Vec<u8>,
    last: Option<char>,
    pending: [u8; 4],
    pending_len: u8,
}

impl EditDistance {
    pub fn new(word: &str, max: u8) -> Self {
        EditDistance {
            word: word.chars().collect(),
            max,
        }
    }

    fn step(&self, state: &State, c: char) -> State {
        let n = self.word.len();
        let mut row = Vec::with_capacity(n + 1);
        row.push(state.row[0].saturating_add(1));
        for j in 1..=n {
            let substitution = state.row[j - 1] + u8::from(self.word[j - 1] != c);
            let mut best = substitution.min(state.row[j] + 1).min(row[j - 1] + 1);
            let swapped = j > 1 && state.last == Some(self.word[j - 1]) && self.word[j - 2] == c;
            if swapped && !state.previous_row.is_empty() {
                best = best.min(state.previous_row[j - 2] + 1);
            }
            row.push(best.min(self.max + 1)); // values above max+1 never matter
        }
        State {
            previous_row: state.row.clone(),
            row,
            last: Some(c),
            pending: [0; 4],
            pending_len: 0,
        }
    }
}

impl Automaton for EditDistance {
    type State = Option<State>;

    fn start(&self) -> Self::State {
        let row = (0..=self.word.len())
            .map(|j| (j as u8).min(self.max + 1))
            .collect();
        Some(State {
            row,
            previous_row: Vec::new(),
            last: None,
            pending: [0; 4],
            pending_len: 0,
        })
    }

    fn is_match(&self, state: &Self::State) -> bool {
        state
            .as_ref()
            .is_some_and(|s| s.pending_len == 0 && s.row[self.word.len()] <= self.max)
    }

    fn can_match(&self, state: &Self::State) -> bool {
        state
            .as_ref()
            .is_some_and(|s| s.row.iter().any(|&d| d <= self.max))
    }

    fn accept(&self, state: &Self::State, byte: u8) -> Self::State {
        let state = state.as_ref()?;
        let mut pending = state.pending;
        let len = state.pending_len as usize;
        *pending.get_mut(len)? = byte;
        match std::str::from_utf8(&pending[..=len]) {
            Ok(s) => {
                let next = self.step(state, s.chars().next()?);
                self.can_match(&Some(next.clone())).then_some(next)
            }
            // An incomplete char waits for its next byte; invalid bytes end the path.
            Err(e) if e.error_len().is_none() => Some(State {
                pending,
                pending_len: len as u8 + 1,
                ..state.clone()
            }),
            Err(_) => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use fst::{IntoStreamer, Set};

    fn matches(word: &str, max: u8, keys: &[&str]) -> Vec<String> {
        let mut keys = keys.to_vec();
        keys.sort();
        let set = Set::from_iter(keys).unwrap();
        set.search(EditDistance::new(word, max))
            .into_stream()
            .into_strs()
            .unwrap()
    }

    #[test]
    fn arabic_edits() {
        let keys = [
            "البوسعيدي",
            "البوسعدي",
            "الخارجيه",
            "الخارجي",
            "بوسعيدي",
            "مصر",
        ];
        assert_eq!(matches("الخارجيه", 1, &keys), ["الخارجي", "الخارجيه"]);
        assert_eq!(matches("الخارجيا", 1, &keys), ["الخارجي", "الخارجيه"]);
        assert_eq!(
            matches("الخاجريه", 1, &keys),
            ["الخارجيه"],
            "a swap is one edit"
        );
        assert_eq!(matches("البسعيدي", 1, &keys), ["البوسعيدي"]);
        assert_eq!(matches("مصر", 0, &keys), ["مصر"]);
        assert_eq!(matches("مسر", 1, &keys), ["مصر"]);
        assert!(matches("قطر", 1, &keys).is_empty());
    }

    #[test]
    fn latin_and_mixed_widths() {
        let keys = ["cafe", "café", "logo", "lego"];
        assert_eq!(matches("cafe", 1, &keys), ["cafe", "café"]);
        assert_eq!(matches("loog", 1, &keys), ["logo"]);
        assert_eq!(matches("lgo", 2, &keys), ["lego", "logo"]);
    }
}
