//! Native query latency over the golden query set (`cargo bench --bench query`).
//!
//! Each query runs many times; the median and p95 of per-query medians are
//! printed against the budget (20 µs median in the browser; native should be
//! well under). A measurement, not a test: it never fails on timing.

use bahth::{embedded_index, SearchOptions};
use std::hint::black_box;
use std::time::Instant;

const BUDGET_MEDIAN_US: f64 = 20.0;
const RUNS: usize = 300;

fn main() {
    let tsv = include_str!("../tests/golden/queries.tsv");
    let queries: Vec<&str> = tsv.lines().skip(1).filter_map(|l| l.split('\t').nth(1)).collect();
    let index = embedded_index();
    let options = SearchOptions::default();
    let mut medians: Vec<(f64, &str)> = queries
        .iter()
        .map(|q| {
            let mut times: Vec<f64> = (0..RUNS)
                .map(|_| {
                    let start = Instant::now();
                    black_box(index.search(black_box(q), &options));
                    start.elapsed().as_secs_f64() * 1e6
                })
                .collect();
            times.sort_by(f64::total_cmp);
            (times[RUNS / 2], *q)
        })
        .collect();
    medians.sort_by(|a, b| a.0.total_cmp(&b.0));
    let at = |p: f64| medians[((medians.len() - 1) as f64 * p) as usize].0;
    println!("native search latency over {} golden queries × {RUNS} runs", medians.len());
    println!("  median {:>8.1} µs   (budget {BUDGET_MEDIAN_US} µs: {})", at(0.5), verdict(at(0.5)));
    println!("  p95    {:>8.1} µs", at(0.95));
    println!("  max    {:>8.1} µs   {:?}", at(1.0), medians.last().map(|m| m.1).unwrap_or_default());
    println!("  slowest five:");
    for (t, q) in medians.iter().rev().take(5) {
        println!("    {t:>8.1} µs  {q:?}");
    }
}

fn verdict(us: f64) -> &'static str {
    if us <= BUDGET_MEDIAN_US {
        "within"
    } else {
        "OVER"
    }
}
