//! Typo tolerance: an `fst` automaton that accepts keys within a number of
//! edits of a word, counting edits in code points.
//!
//! fst ships a Levenshtein automaton, but it misses matches in Arabic and other
//! multi-byte scripts (BurntSushi/fst#160: even a word at distance 1 from
//! itself is not found). This one keeps the dynamic-programming row as its
//! state and decodes UTF-8 as bytes arrive. It also counts swapping two
//! neighbouring letters as one edit (optimal string alignment), the most
//! common typing slip. The first letter must match up to its dots (ط/ظ, ب/ت/ن),
//! like Lucene's fuzzy prefix length 1: that keeps a lookup to microseconds.
//!
//! [`Walk`] is the one automaton the query path searches the dictionary
//! with: keys near a word, or keys that start with a prefix.

use fst::Automaton;

/// Longest word handled, in code points (longer words are cut).
pub const MAX_CHARS: usize = 32;

/// Accepts strings within `max` edits of a word.
pub struct EditDistance {
    word: Vec<char>,
    max: u8,
}

/// Where the automaton is: the last two DP rows, the char that led to the
/// last, how many chars were read, and the bytes of a char still arriving.
/// Fixed-size, so the per-byte steps of the fst walk never allocate. `None`
/// once no key with this prefix can match.
#[derive(Clone, Debug)]
pub struct State {
    row: [u8; MAX_CHARS + 1],
    previous_row: Option<[u8; MAX_CHARS + 1]>,
    consumed: usize,
    last: Option<char>,
    pending: [u8; 4],
    pending_len: u8,
}

impl EditDistance {
    pub fn new(word: &str, max: u8) -> Self {
        EditDistance { word: word.chars().take(MAX_CHARS).collect(), max }
    }

    fn step(&self, state: &State, c: char) -> State {
        let (n, max) = (self.word.len(), self.max as usize);
        let i = state.consumed + 1;
        // Only cells within `max` of the diagonal can stay within `max` edits
        // (Ukkonen's band); the others stay at max + 1, which means "too far".
        let mut row = [self.max + 1; MAX_CHARS + 1];
        row[0] = state.row[0].saturating_add(1).min(self.max + 1);
        for j in i.saturating_sub(max).max(1)..=(i + max).min(n) {
            let substitution = state.row[j - 1] + u8::from(self.word[j - 1] != c);
            let mut best = substitution.min(state.row[j] + 1).min(row[j - 1] + 1);
            let swapped = j > 1 && state.last == Some(self.word[j - 1]) && self.word[j - 2] == c;
            if let (true, Some(previous)) = (swapped, &state.previous_row) {
                best = best.min(previous[j - 2] + 1);
            }
            row[j] = best.min(self.max + 1);
        }
        State { row, previous_row: Some(state.row), consumed: i, last: Some(c), pending: [0; 4], pending_len: 0 }
    }
}

/// A letter without its dots (its rasm): letters that differ only by dots
/// are the easiest to confuse when reading or typing.
pub fn skeleton(c: char) -> char {
    match c {
        'ب' | 'ت' | 'ث' | 'ن' | 'ي' => 'ٮ',
        'ج' | 'خ' => 'ح',
        'ذ' => 'د',
        'ز' => 'ر',
        'ش' => 'س',
        'ض' => 'ص',
        'ظ' => 'ط',
        'غ' => 'ع',
        'ق' => 'ف',
        _ => c,
    }
}

/// The letters (as strings) that read as `c` but for their dots, `c` first.
pub fn same_skeleton(c: char) -> Vec<String> {
    let mut letters = vec![c.to_string()];
    letters
        .extend("بتثنيجخحذدزرشسضصظطغعقف".chars().filter(|&d| d != c && skeleton(d) == skeleton(c)).map(String::from));
    letters
}

impl EditDistance {
    fn start(&self) -> State {
        let mut row = [self.max + 1; MAX_CHARS + 1];
        for (j, d) in row.iter_mut().enumerate().take(self.word.len() + 1) {
            *d = (j as u8).min(self.max + 1);
        }
        State { row, previous_row: None, consumed: 0, last: None, pending: [0; 4], pending_len: 0 }
    }

    fn is_match(&self, state: &State) -> bool {
        state.pending_len == 0 && state.row[self.word.len()] <= self.max
    }

    fn can_match(&self, state: &State) -> bool {
        state.row[..=self.word.len()].iter().any(|&d| d <= self.max)
    }

    /// The state after `byte`; `None` once no key with this prefix can match.
    fn accept(&self, state: &State, byte: u8) -> Option<State> {
        let mut pending = state.pending;
        let len = state.pending_len as usize;
        *pending.get_mut(len)? = byte;
        match std::str::from_utf8(&pending[..=len]) {
            Ok(s) => {
                let c = s.chars().next()?;
                // The first letter must match up to its dots (Lucene's prefix
                // length 1, made Arabic: ظريف for طريف is still found); it keeps
                // the walk to a few branches of the fst.
                if state.consumed == 0 && self.word.first().map(|&w| skeleton(w)) != Some(skeleton(c)) {
                    return None;
                }
                let next = self.step(state, c);
                self.can_match(&next).then_some(next)
            }
            // An incomplete char waits for its next byte; invalid bytes end the path.
            Err(e) if e.error_len().is_none() => Some(State { pending, pending_len: len as u8 + 1, ..state.clone() }),
            Err(_) => None,
        }
    }
}

/// The two ways a query walks the dictionary, as one automaton type: `fst`'s
/// search code is compiled once (a type each made two copies of it, 1.3 KB
/// of the gzipped module).
pub enum Walk<'a> {
    /// Keys that start with these bytes.
    Prefix(&'a [u8]),
    /// Keys within some edits of a word.
    Near(EditDistance),
}

/// Where a [`Walk`] is (`None`: no key below can match).
#[derive(Clone, Debug)]
pub enum WalkState {
    /// How many bytes of the prefix were read (all: every key below matches).
    Prefix(usize),
    Near(State),
}

impl Automaton for Walk<'_> {
    type State = Option<WalkState>;

    fn start(&self) -> Self::State {
        Some(match self {
            Walk::Prefix(_) => WalkState::Prefix(0),
            Walk::Near(near) => WalkState::Near(near.start()),
        })
    }

    fn is_match(&self, state: &Self::State) -> bool {
        match (self, state) {
            (Walk::Prefix(prefix), Some(WalkState::Prefix(read))) => *read == prefix.len(),
            (Walk::Near(near), Some(WalkState::Near(state))) => near.is_match(state),
            _ => false,
        }
    }

    fn can_match(&self, state: &Self::State) -> bool {
        state.is_some()
    }

    fn accept(&self, state: &Self::State, byte: u8) -> Self::State {
        match (self, state.as_ref()?) {
            (Walk::Prefix(prefix), &WalkState::Prefix(read)) => match prefix.get(read) {
                None => Some(WalkState::Prefix(read)),
                Some(&expected) => (byte == expected).then_some(WalkState::Prefix(read + 1)),
            },
            (Walk::Near(near), WalkState::Near(state)) => near.accept(state, byte).map(WalkState::Near),
            _ => None,
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
        set.search(Walk::Near(EditDistance::new(word, max))).into_stream().into_strs().unwrap()
    }

    #[test]
    fn arabic_edits() {
        let keys = ["البوسعيدي", "البوسعدي", "الخارجيه", "الخارجي", "بوسعيدي", "مصر"];
        assert_eq!(matches("الخارجيه", 1, &keys), ["الخارجي", "الخارجيه"]);
        assert_eq!(matches("الخارجيا", 1, &keys), ["الخارجي", "الخارجيه"]);
        assert_eq!(matches("الخاجريه", 1, &keys), ["الخارجيه"], "a swap is one edit");
        assert_eq!(matches("البسعيدي", 1, &keys), ["البوسعيدي"]);
        assert_eq!(matches("مصر", 0, &keys), ["مصر"]);
        assert_eq!(matches("مسر", 1, &keys), ["مصر"]);
        assert!(matches("قصر", 1, &keys).is_empty(), "the first letter must match");
        assert_eq!(matches("نصر", 1, &["بصر", "مصر"]), ["بصر"], "up to its dots");
        assert!(matches("قطر", 1, &keys).is_empty());
    }

    #[test]
    fn prefixes() {
        let keys = ["البوسعيدي", "البوسعدي", "الخارجيه", "بوسعيدي", "مصر"];
        let mut sorted = keys.to_vec();
        sorted.sort();
        let set = Set::from_iter(sorted).unwrap();
        let starting = |prefix: &str| set.search(Walk::Prefix(prefix.as_bytes())).into_stream().into_strs().unwrap();
        assert_eq!(starting("البوس"), ["البوسعدي", "البوسعيدي"]);
        assert_eq!(starting("مصر"), ["مصر"]);
        assert!(starting("مصرع").is_empty());
        assert_eq!(starting("").len(), keys.len());
    }

    #[test]
    fn latin_and_mixed_widths() {
        let keys = ["cafe", "café", "logo", "lego"];
        assert_eq!(matches("cafe", 1, &keys), ["cafe", "café"]);
        assert_eq!(matches("loog", 1, &keys), ["logo"]);
        assert_eq!(matches("lgo", 2, &keys), ["lego", "logo"]);
        assert_eq!(matches("lgoo", 2, &keys), ["lego", "logo"]);
    }
}
