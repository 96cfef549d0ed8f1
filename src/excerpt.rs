//! Excerpts: the best passage of a document, with the matched words marked.
//!
//! Highlight ranges are `[start, end)` offsets in **UTF-16 code units** into
//! the excerpt text (or the title), which is what JavaScript's `String.slice`
//! uses; in Rust, convert with `char_indices` and `len_utf16`. A highlight
//! covers the whole original word, its diacritics and clitics included
//! (السُّوري, never just ال).

use serde::Serialize;

/// Tokens in an excerpt window.
pub const WINDOW: usize = 30;
/// Tokens of context kept before the first match.
const LEAD: usize = 5;
/// Longest passage, in bytes: only a giant word makes a window of
/// [`WINDOW`] tokens longer; it is cut, so a result stays a few lines.
const MAX_PASSAGE_BYTES: usize = 2000;
/// Marks a cut at either end of the passage.
const ELLIPSIS: &str = "… ";

/// A passage of a document and the ranges to highlight in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Excerpt {
    pub text: String,
    pub highlights: Vec<[u32; 2]>,
}

/// The passage of a document's text that holds its tokens `ranges` (at
/// most [`WINDOW`], see [`best_window`]), with the matched ones marked.
///
/// `text` holds the passage (and maybe more); `ranges` are the byte ranges
/// of its tokens in `text`; `hits` are `(token index in the passage, clause
/// index)` pairs, sorted by token; `cut` says whether the document goes on
/// before and after the passage (an ellipsis marks each cut).
pub fn excerpt(text: &str, ranges: &[(usize, usize)], hits: &[(usize, usize)], cut: (bool, bool)) -> Excerpt {
    let (Some(&(from, _)), Some(&(_, to))) = (ranges.first(), ranges.last()) else {
        return Excerpt { text: clean(text), highlights: Vec::new() };
    };
    let (to, cut_short) = match from.checked_add(MAX_PASSAGE_BYTES) {
        Some(limit) if limit < to => ((0..=limit).rev().find(|&at| text.is_char_boundary(at)).unwrap_or(from), true),
        _ => (to, false),
    };
    let lead = if cut.0 { ELLIPSIS } else { "" };
    let mut out = String::with_capacity(to - from + 8);
    out.push_str(lead);
    out.push_str(&clean(&text[from..to]));
    if cut.1 || cut_short {
        out.push_str(" …");
    }
    let shift = lead.len() as isize - from as isize;
    let spans = hits
        .iter()
        .filter_map(|&(t, _)| ranges.get(t))
        .filter(|&&(start, _)| start < to)
        .map(|&(start, end)| ((start as isize + shift) as usize, (end.min(to) as isize + shift) as usize));
    let highlights = to_utf16(&out, spans);
    Excerpt { text: out, highlights }
}

/// The first token of the best window of [`WINDOW`] tokens: each window
/// starts [`LEAD`] tokens before a hit; the one with the most distinct
/// clauses, then the most hits, then the earliest wins. One pass, the
/// window's clauses counted as it slides. `hits` as for [`excerpt`], counted
/// from the text's first token.
pub fn best_window(hits: &[(usize, usize)]) -> usize {
    let mut counts = [0u32; 64];
    let (mut distinct, mut left, mut right) = (0, 0, 0);
    let mut best = (0, 0, 0); // (distinct clauses, hits, start)
    for &(token, _) in hits {
        let start = token.saturating_sub(LEAD);
        while right < hits.len() && hits[right].0 < start + WINDOW {
            let c = &mut counts[hits[right].1 % 64];
            distinct += usize::from(*c == 0);
            *c += 1;
            right += 1;
        }
        while hits[left].0 < start {
            let c = &mut counts[hits[left].1 % 64];
            *c -= 1;
            distinct -= usize::from(*c == 0);
            left += 1;
        }
        if (distinct, right - left) > (best.0, best.1) {
            best = (distinct, right - left, start);
        }
    }
    best.2
}

/// Highlight ranges for title tokens, in UTF-16 units of the title.
pub fn title_highlights(title: &str, ranges: &[(usize, usize)], hit_tokens: &[usize]) -> Vec<[u32; 2]> {
    to_utf16(title, hit_tokens.iter().filter_map(|&t| ranges.get(t).copied()))
}

/// Line breaks become spaces (same length in UTF-16, so offsets hold).
fn clean(s: &str) -> String {
    s.replace(['\n', '\r', '\t'], " ")
}

/// Converts byte ranges into UTF-16 ranges, merging duplicates, in one pass
/// over the text.
fn to_utf16(text: &str, spans: impl Iterator<Item = (usize, usize)>) -> Vec<[u32; 2]> {
    let mut spans: Vec<(usize, usize)> = spans.collect();
    crate::sort::sort_by(&mut spans, &|a, b| a < b);
    spans.dedup();
    let mut bytes: Vec<usize> = spans.iter().flat_map(|&(s, e)| [s, e]).collect();
    crate::sort::sort_by(&mut bytes, &|a, b| a < b);
    bytes.dedup();
    let mut units = Vec::with_capacity(bytes.len());
    let (mut unit, mut next) = (0u32, 0);
    for (at, c) in text.char_indices().chain([(text.len(), ' ')]) {
        while next < bytes.len() && bytes[next] <= at {
            units.push(unit);
            next += 1;
        }
        unit += c.len_utf16() as u32;
    }
    let to_units = |byte: usize| bytes.binary_search(&byte).ok().and_then(|i| units.get(i).copied()).unwrap_or(0);
    // Only damaged index bytes give empty, overlapping or outlying spans:
    // they are dropped, so a page never gets a range it cannot draw.
    let mut last_end = 0;
    let mut ranges = Vec::with_capacity(spans.len());
    for [start, end] in spans.into_iter().map(|(s, e)| [to_units(s), to_units(e)]) {
        if last_end <= start && start < end {
            ranges.push([start, end]);
            last_end = end;
        }
    }
    ranges
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyzer::tokenize;

    fn ranges(text: &str) -> Vec<(usize, usize)> {
        tokenize(text).iter().map(|t| (t.start, t.end)).collect()
    }

    fn marked(e: &Excerpt) -> Vec<String> {
        let units: Vec<u16> = e.text.encode_utf16().collect();
        e.highlights.iter().map(|[s, e]| String::from_utf16(&units[*s as usize..*e as usize]).unwrap()).collect()
    }

    #[test]
    fn a_giant_word_is_cut_with_its_highlight() {
        let text = format!("مقدمة {} خاتمة", "ب".repeat(5000));
        let e = excerpt(&text, &ranges(&text), &[(1, 0)], (false, false));
        assert_eq!(e.text, format!("مقدمة {} …", "ب".repeat(MAX_PASSAGE_BYTES / 2 - 6)));
        assert_eq!(marked(&e), ["ب".repeat(MAX_PASSAGE_BYTES / 2 - 6)]);
    }

    #[test]
    fn highlights_whole_vowelled_words_in_utf16() {
        let text = "قال الرئيسُ السُّوريُّ إنّ العلاقاتِ جيدة";
        let e = excerpt(text, &ranges(text), &[(2, 0), (4, 1)], (false, false));
        assert_eq!(e.text, text);
        assert_eq!(marked(&e), ["السُّوريُّ", "العلاقاتِ"]);
        assert_eq!(e.highlights[0], [12, 22]);
    }

    #[test]
    fn the_best_window_covers_the_most_clauses() {
        let hits = [(3, 0), (60, 0), (62, 1)];
        assert_eq!(best_window(&hits), 55);
        assert_eq!(best_window(&[(2, 0), (3, 0)]), 0);
        assert_eq!(best_window(&[]), 0);
        // Two hits of one clause do not beat one hit each of two clauses.
        assert_eq!(best_window(&[(10, 0), (11, 0), (100, 0), (101, 1)]), 95);
    }

    #[test]
    fn cut_text_gets_ellipses() {
        let words: Vec<String> = (55..85).map(|i| format!("كلمة{i}")).collect();
        let text = words.join(" ");
        let e = excerpt(&text, &ranges(&text), &[(5, 0), (7, 1)], (true, true));
        assert!(e.text.starts_with("… كلمة55 ") && e.text.ends_with("كلمة84 …"), "{}", e.text);
        assert_eq!(marked(&e), ["كلمة60", "كلمة62"]);
    }

    #[test]
    fn no_hits_gives_the_opening() {
        let text = "سطر أول\nسطر ثان";
        let e = excerpt(text, &ranges(text), &[], (false, false));
        assert_eq!(e.text, "سطر أول سطر ثان");
        assert!(e.highlights.is_empty());
    }
}
