//! The native half of the scale benchmark (`node bench/scale.mjs` runs it per
//! corpus; alone: `cargo bench --bench scale -- CORPUS_DIR OUT_DIR [TYPED]`).
//!
//! Indexes a real corpus in this process (build time, peak memory), writes
//! the index and each of its sections to OUT_DIR, then times every query kind
//! of the list, many runs each, and the query TYPED typed one
//! character at a time, and writes `native.json`. A measurement, not a test:
//! nothing here fails on timing.

use bahth::{corpus, index, Index, SearchOptions};
use serde_json::json;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Instant;

#[path = "common/kinds.rs"]
mod kinds;
use kinds::kinds;

/// Runs per query (after warm-up runs that are not counted).
const RUNS: usize = 40;
const WARM_UP: usize = 3;
/// Runs per keystroke of the typed query.
const TYPING_RUNS: usize = 21;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).filter(|a| a != "--bench").collect();
    let (dir, out, typed) = match args.as_slice() {
        [dir, out] => (dir, out, None),
        [dir, out, typed] => (dir, out, Some(typed.as_str())),
        _ => {
            eprintln!("usage: cargo bench --bench scale -- CORPUS_DIR OUT_DIR [TYPED_QUERY]");
            std::process::exit(2);
        }
    };
    let (dir, out) = (PathBuf::from(dir), PathBuf::from(out));
    let name = dir.file_name().and_then(|n| n.to_str()).unwrap_or("corpus").to_string();
    std::fs::create_dir_all(out.join("sections")).expect("create the output folder");

    let start = Instant::now();
    let loaded = corpus::load_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    let bytes = index::build(&loaded.documents);
    let build_ms = start.elapsed().as_secs_f64() * 1e3;
    let peak_kb = peak_memory_kb();
    let text_bytes: usize = loaded.documents.iter().map(|d| d.title.len() + d.text.len()).sum();
    std::fs::write(out.join("index.bin"), &bytes).expect("write index.bin");

    let index = Index::from_bytes(&bytes).expect("a fresh index opens");
    let mut sections = Vec::new();
    for (section, data) in index.sections() {
        std::fs::write(out.join("sections").join(format!("{section}.bin")), data).expect("write a section");
        sections.push(json!({ "name": section, "bytes": data.len() }));
    }

    let options = SearchOptions::default();
    let mut rows = Vec::new();
    for (kind, queries) in kinds(&name) {
        let mut samples = Vec::new();
        let mut totals = Vec::new();
        for query in &queries {
            for _ in 0..WARM_UP {
                black_box(index.search(query, &options));
            }
            samples.extend(timed_runs(&index, query, RUNS));
            totals.push(index.search(query, &options).total);
        }
        samples.sort_by(f64::total_cmp);
        let at = |p| quantile(&samples, p);
        rows.push(json!({
            "kind": kind, "queries": queries, "totals": totals,
            "median_ms": at(0.5), "p95_ms": at(0.95), "max_ms": at(1.0),
        }));
    }
    let typing = typed.map(|typed| typing(&index, typed));
    let report = json!({
        "corpus": name, "documents": index.doc_count(), "text_bytes": text_bytes, "index_bytes": bytes.len(),
        "build_ms": build_ms, "peak_memory_kb": peak_kb, "sections": sections, "latency": rows, "typing": typing,
    });
    std::fs::write(out.join("native.json"), report.to_string()).expect("write native.json");
    println!("{name}: {} documents indexed in {build_ms:.0} ms; results in {}", index.doc_count(), out.display());
}

/// A query typed one character at a time, as a reader types it: per
/// keystroke, the median of its runs; then over the keystrokes, the
/// median, p95, max and sum (what the engine spends on the whole typing).
fn typing(index: &Index, typed: &str) -> serde_json::Value {
    let mut keystrokes: Vec<f64> = typed
        .char_indices()
        .map(|(at, c)| {
            let mut samples = timed_runs(index, &typed[..at + c.len_utf8()], TYPING_RUNS);
            samples.sort_by(f64::total_cmp);
            quantile(&samples, 0.5)
        })
        .collect();
    let sum: f64 = keystrokes.iter().sum();
    keystrokes.sort_by(f64::total_cmp);
    let at = |p| quantile(&keystrokes, p);
    json!({ "keystrokes": keystrokes.len(), "median_ms": at(0.5), "p95_ms": at(0.95), "max_ms": at(1.0), "sum_ms": sum })
}

/// `runs` timings of one query, in milliseconds.
fn timed_runs(index: &Index, query: &str, runs: usize) -> Vec<f64> {
    let options = SearchOptions::default();
    (0..runs)
        .map(|_| {
            let t = Instant::now();
            black_box(index.search(black_box(query), &options));
            t.elapsed().as_secs_f64() * 1e3
        })
        .collect()
}

/// The `p` quantile of sorted samples (nearest rank).
fn quantile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

/// The process's peak resident memory (Linux), in KB.
fn peak_memory_kb() -> u64 {
    let status = std::fs::read_to_string(Path::new("/proc/self/status")).unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}
