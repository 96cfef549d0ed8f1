//! What each fuzz target does with its input, and the invariants it checks.
//!
//! Shared by the fuzz targets (`fuzz_targets/*.rs`, one line each) and by
//! `tests/robustness.rs`, which replays every input that ever crashed one
//! (`fuzz/regressions/TARGET/`) in the normal test run.
// Each includer uses part of it.
#![allow(dead_code)]

use bahth::analyzer::{analyze_word, tokenize};
use bahth::corpus::{parse_bytes, Document};
use bahth::index::format::{get_u32, reseal};
use bahth::index::{build, build_split, SplitBuild, SplitSizes};
use bahth::{Index, SearchOptions, SearchResponse};
use std::sync::OnceLock;

/// A target: what it does with one input (panics on a broken invariant).
pub type Target = fn(&[u8]);

/// The targets, by name.
pub const TARGETS: [(&str, Target); 6] = [
    ("index_bytes", index_bytes),
    ("forged_index", forged_index),
    ("forged_chunk", forged_chunk),
    ("query", query),
    ("analyzer", analyzer),
    ("corpus_file", corpus_file),
];

/// Raw bytes as an index: rejected with a reason or, if they open, searched
/// and every document read. Returns whether they opened.
pub fn opens_and_searches(bytes: &[u8]) -> bool {
    let Ok(index) = Index::from_bytes(bytes) else { return false };
    for query in QUERIES {
        check_search(&index, query, SearchOptions { limit: 5, offset: 1 });
    }
    for doc in 0..=index.doc_count() {
        index.doc(doc);
    }
    true
}

/// The `index_bytes` target: [`opens_and_searches`].
pub fn index_bytes(bytes: &[u8]) {
    opens_and_searches(bytes);
}

/// A valid index with bytes changed at chosen places and every checksum
/// recomputed, so the damage reaches the decoders: a forged file, not a
/// corrupted one. Each edit is 4 bytes: a position (3 bytes, little-endian)
/// and a value; a trailing odd byte cuts the index short.
pub fn forged_index(edits: &[u8]) {
    let mut bytes = small_index().to_vec();
    edit(&mut bytes, edits);
    reseal(&mut bytes);
    opens_and_searches(&bytes);
}

/// Applies `edits` (4 bytes each: a position, 3 bytes little-endian, and a
/// value; a trailing odd byte cuts the bytes short).
fn edit(bytes: &mut Vec<u8>, edits: &[u8]) {
    for edit in edits.chunks_exact(4) {
        let at = u32::from_le_bytes([edit[0], edit[1], edit[2], 0]) as usize % bytes.len();
        bytes[at] = edit[3];
    }
    if !edits.len().is_multiple_of(4) {
        let keep = bytes.len() * usize::from(edits[edits.len() - 1]) / 256;
        bytes.truncate(keep.max(1));
    }
}

/// A split index with one chunk forged: the first byte picks the chunk, the
/// rest edits it as [`forged_index`] edits an index; its checksums, and its
/// length and checksum in the core's table, are recomputed, so the chunk is
/// taken and its decoders read the damage. Every query then runs with every
/// chunk it asks for.
pub fn forged_chunk(input: &[u8]) {
    let Some((&which, edits)) = input.split_first() else { return };
    let split = small_split();
    let which = usize::from(which) % split.chunks.len();
    let mut chunk = split.chunks[which].1.clone();
    edit(&mut chunk, edits);
    reseal(&mut chunk);
    // The core's table: section "chunks" (the first), five counts, then per
    // chunk its length and checksum.
    let mut core = split.core.clone();
    let Some(table) = get_u32(&core, 32) else { return };
    let at = table as usize + 20 + 8 * which;
    core[at..at + 4].copy_from_slice(&(chunk.len() as u32).to_le_bytes());
    core[at + 4..at + 8].copy_from_slice(&bahth::index::format::checksum(&chunk).to_le_bytes());
    reseal(&mut core);
    let index = Index::from_bytes(&core).expect("a resealed core opens");
    let names: Vec<String> = index.chunks().iter().map(|c| c.name()).collect();
    // The chunks not forged are given where they are: a chunk given as a
    // Vec is kept for the program's life, and a million indexes would not fit.
    let bytes = |name: &str| -> std::borrow::Cow<'static, [u8]> {
        let i = names.iter().position(|n| n == name).expect("asked for a chunk of the table");
        if i == which {
            chunk.clone().into()
        } else {
            split.chunks[i].1.as_slice().into()
        }
    };
    for query in QUERIES {
        for _ in 0..8 {
            match index.try_search(query, &SearchOptions { limit: 5, offset: 1 }) {
                Ok(response) => {
                    check_response(query, &response, SearchOptions { limit: 5, offset: 1 });
                    break;
                }
                Err(missing) => {
                    for name in missing {
                        let _ = index.add_chunk(&name, bytes(&name));
                    }
                }
            }
        }
        let _ = index.try_suggest(query, 5);
    }
}

/// The split index [`forged_chunk`] forges: the seed articles' openings in
/// chunks of a few hundred bytes (every kind several times).
fn small_split() -> &'static SplitBuild {
    static SPLIT: OnceLock<SplitBuild> = OnceLock::new();
    SPLIT.get_or_init(|| {
        build_split(&seed_openings(), &SplitSizes { terms: 512, words: 512, docs: 512, answers: 512, near: 512 })
    })
}

/// Any query over the embedded index. The first byte picks the page; the
/// rest, if UTF-8, is the query.
pub fn query(bytes: &[u8]) {
    let Some((&page, query)) = bytes.split_first() else { return };
    let Ok(query) = std::str::from_utf8(query) else { return };
    let options = SearchOptions { limit: 1 + usize::from(page & 15), offset: usize::from(page >> 4) };
    check_search(bahth::embedded_index(), query, options);
}

/// Any text through the analyzer: tokens in order, on character boundaries,
/// each with something to search.
pub fn analyzer(bytes: &[u8]) {
    let Ok(text) = std::str::from_utf8(bytes) else { return };
    let mut last_start = 0;
    for token in tokenize(text) {
        // Tokens split from one ligature share its range.
        assert!(last_start <= token.start && token.start < token.end && token.end <= text.len());
        assert!(text.is_char_boundary(token.start) && text.is_char_boundary(token.end));
        assert!(!token.folded.is_empty());
        last_start = token.start;
        analyze_word(&token.surface, &token.folded);
    }
}

/// Any file in the corpus folder: parsed or rejected with a reason; what
/// parses is indexed, and an index we build always opens. The first byte
/// picks the file's name (so its format).
pub fn corpus_file(bytes: &[u8]) {
    const NAMES: [&str; 6] = ["a.txt", "notes/b.md", "c.html", "d.jsonl", "c.html.meta", "e.htm"];
    let Some((&kind, content)) = bytes.split_first() else { return };
    let Ok(docs) = parse_bytes(NAMES[usize::from(kind) % NAMES.len()], content) else { return };
    let index_bytes = build(&docs);
    let index = Index::from_bytes(&index_bytes).expect("an index we build opens");
    assert_eq!(index.doc_count() as usize, docs.len());
}

/// The index [`forged_index`] forges: the seed articles' openings (a few KB,
/// so each run is fast, with every section and kind of record in it).
fn small_index() -> &'static [u8] {
    static BYTES: OnceLock<Vec<u8>> = OnceLock::new();
    BYTES.get_or_init(|| build(&seed_openings()))
}

/// The seed articles' first 600 characters, as documents.
fn seed_openings() -> Vec<Document> {
    let seeds = [
        include_str!("../seeds/000_83672ed39842b44a.txt"),
        include_str!("../seeds/001_ef579416f5c6bb28.txt"),
        include_str!("../seeds/002_f6ef30fab3caf6c1.txt"),
        include_str!("../seeds/003_1ab68d328f33aed7.txt"),
        include_str!("../seeds/004_d0196870af9a58f1.txt"),
    ];
    seeds
        .iter()
        .enumerate()
        .map(|(i, text)| {
            let text: String = text.chars().take(600).collect();
            let title = text.lines().next().unwrap_or_default().to_string();
            Document { id: format!("{i:03}"), title, url: Some(format!("/{i}")), date: None, text }
        })
        .collect()
}

/// Queries that reach every path of the engine on the seeds' words.
const QUERIES: [&str; 8] =
    ["العلاقات", "عمان ", "\"وزير الخارجية\"", "ا", "البوسعدي ", "عمان -ايران ", "طهران بلينكن ", "x"];

/// Searches and suggests `query` and asserts the response's invariants.
fn check_search(index: &Index, query: &str, options: SearchOptions) {
    check_response(query, &index.search(query, &options), options);
    assert!(index.suggest(query, 5).len() <= 5, "more suggestions than the limit");
}

/// A response's invariants.
fn check_response(query: &str, response: &SearchResponse, options: SearchOptions) {
    assert!(response.results.len() <= options.limit, "more results than the limit");
    if !response.results.is_empty() {
        let shown = options.offset.saturating_add(response.results.len());
        assert!(response.total >= shown, "total {} below the {shown} results shown", response.total);
    }
    for hit in &response.results {
        assert!(hit.score.is_finite(), "score {} for {query:?}", hit.score);
        check_ranges(&hit.excerpt.text, &hit.excerpt.highlights);
        check_ranges(&hit.title, &hit.title_highlights);
    }
}

/// Highlights are ordered, non-empty, non-overlapping UTF-16 ranges that
/// start and end on characters of `text`.
fn check_ranges(text: &str, ranges: &[[u32; 2]]) {
    let mut boundaries = vec![0u32];
    let mut units = 0;
    for c in text.chars() {
        units += c.len_utf16() as u32;
        boundaries.push(units);
    }
    let mut last_end = 0;
    for &[start, end] in ranges {
        assert!(last_end <= start && start < end, "range {start}..{end} after {last_end} in {text:?}");
        assert!(boundaries.binary_search(&start).is_ok(), "range starts inside a character: {start} in {text:?}");
        assert!(boundaries.binary_search(&end).is_ok(), "range ends inside a character: {end} in {text:?}");
        last_end = end;
    }
}
