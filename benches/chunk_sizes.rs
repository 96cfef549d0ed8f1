//! How a split index's chunk sizes trade requests for bytes
//! (`cargo bench --bench chunk_sizes -- CORPUS_DIR…`).
//!
//! Splits each corpus at a few chunk sizes (dictionary / postings /
//! documents, in KB; the first is the default) and runs the scale
//! benchmark's queries on a cold index: per query, the chunks it fetches (by
//! kind), the rounds of fetching, and their bytes gzipped, as a page would
//! download them. A measurement, not a test.

use bahth::index::{build_split, SplitSizes};
use bahth::{corpus, Index, SearchOptions};
use std::collections::HashMap;
use std::io::Write;
use std::path::Path;

#[path = "common/kinds.rs"]
mod kinds;
use kinds::kinds;

/// Dictionary, postings and documents chunk sizes, in KB, after the
/// default's.
const LARGER: [[usize; 3]; 3] = [[16, 16, 8], [32, 32, 16], [64, 64, 32]];
/// Chunk kinds, as their names start.
const KINDS: &str = "adtwfn";

fn gzipped(bytes: &[u8]) -> usize {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes).and_then(|_| encoder.finish()).map_or(0, |out| out.len())
}

fn main() {
    let dirs: Vec<String> = std::env::args().skip(1).filter(|a| a != "--bench").collect();
    if dirs.is_empty() {
        eprintln!("usage: cargo bench --bench chunk_sizes -- CORPUS_DIR…");
        std::process::exit(2);
    }
    for dir in dirs {
        let dir = Path::new(&dir);
        let name = dir.file_name().and_then(|n| n.to_str()).unwrap_or("corpus");
        let loaded = corpus::load_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        println!("== {name}: {} documents", loaded.documents.len());
        let default = SplitSizes::default();
        let first = [default.terms, default.words, default.docs].map(|bytes| bytes / 1024);
        for [terms, words, docs] in std::iter::once(first).chain(LARGER) {
            let sizes =
                SplitSizes { terms: terms * 1024, words: words * 1024, docs: docs * 1024, ..Default::default() };
            let split = build_split(&loaded.documents, &sizes);
            let chunks: HashMap<String, Vec<u8>> = split.chunks.into_iter().collect();
            let gz: HashMap<&str, usize> = chunks.iter().map(|(name, bytes)| (name.as_str(), gzipped(bytes))).collect();
            println!(
                "chunks {terms}/{words}/{docs} KB: core {:.1} KB gzip, {} chunks, {:.0} KB gzip",
                gzipped(&split.core) as f64 / 1024.0,
                chunks.len(),
                gz.values().sum::<usize>() as f64 / 1024.0
            );
            let core: &'static [u8] = Box::leak(split.core.into_boxed_slice());
            for (kind, queries) in kinds(name) {
                let mut cells = Vec::new();
                for query in queries {
                    // A fresh index per query: a cold page.
                    let index = Index::from_bytes(core).expect("a fresh core opens");
                    let (mut fetched, mut rounds, mut bytes) = (String::new(), 0, 0);
                    while let Err(missing) = index.try_search(query, &SearchOptions::default()) {
                        rounds += 1;
                        if rounds > bahth::index::split::ROUNDS {
                            panic!("{query}: still missing {missing:?}");
                        }
                        for chunk in missing {
                            fetched.push_str(&chunk[..1]);
                            bytes += gz[chunk.as_str()];
                            index.add_chunk(&chunk, chunks[&chunk].clone()).expect("a chunk of this split fits");
                        }
                    }
                    let by_kind: Vec<String> = KINDS
                        .chars()
                        .filter_map(|k| {
                            let n = fetched.matches(k).count();
                            (n > 0).then(|| format!("{n}{k}"))
                        })
                        .collect();
                    cells.push(format!(
                        "{} in {rounds} rounds, {:.0} KB ({})",
                        fetched.len(),
                        bytes as f64 / 1024.0,
                        by_kind.join(" ")
                    ));
                }
                println!("  {kind:<17} {}", cells.join(" | "));
            }
        }
    }
}
