//! The golden query set: realistic Arabic queries over the seed articles with
//! the exact documents each must return (tests/golden/queries.tsv).
//!
//! Prints a score table by kind and fails on any miss. Run alone with
//! `cargo test --test golden -- --nocapture` to see the table.

use bahth::{embedded_index, SearchOptions};
use std::collections::BTreeMap;

struct Row<'a> {
    kind: &'a str,
    query: &'a str,
    expected: Vec<&'a str>,
    top: Option<&'a str>,
    /// The corrections the response must carry, "from→to" each, ";"
    /// between (none when the column is absent).
    corrected: Vec<&'a str>,
}

fn rows<'a>(tsv: &'a str) -> Vec<Row<'a>> {
    tsv.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let cols: Vec<&str> = line.split('\t').collect();
            assert!(cols.len() >= 4, "golden row needs kind, query, expected, top: {line:?}");
            let list = |s: &'a str| -> Vec<&'a str> {
                if s == "-" {
                    Vec::new()
                } else {
                    s.split(',').collect()
                }
            };
            let corrected = cols.get(5).map_or(Vec::new(), |c| c.split(';').collect());
            Row {
                kind: cols[0],
                query: cols[1],
                expected: list(cols[2]),
                top: (cols[3] != "-").then_some(cols[3]),
                corrected,
            }
        })
        .collect()
}

#[test]
fn golden_set() {
    let tsv = include_str!("golden/queries.tsv");
    let index = embedded_index();
    let options = SearchOptions { limit: 100, offset: 0 };
    let mut table: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut failures = Vec::new();
    let rows = rows(tsv);
    for row in &rows {
        let response = index.search(row.query, &options);
        // Seed ids are "NNN_hash"; the golden file names them by NNN.
        let got: Vec<&str> = response.results.iter().map(|h| &h.id[..3]).collect();
        let mut got_sorted = got.clone();
        got_sorted.sort_unstable();
        let mut problems = Vec::new();
        if got_sorted != row.expected {
            problems.push(format!("documents {got_sorted:?}, expected {:?}", row.expected));
        }
        if let Some(top) = row.top {
            if got.first() != Some(&top) {
                problems.push(format!("top {:?}, expected {top}", got.first()));
            }
        }
        if response.relaxed != (row.kind == "relaxed") {
            problems.push(format!("relaxed = {}", response.relaxed));
        }
        let corrected: Vec<String> = response.corrections.iter().map(|c| format!("{}→{}", c.from, c.to)).collect();
        if corrected != row.corrected {
            problems.push(format!("corrections {corrected:?}, expected {:?}", row.corrected));
        }
        if response.total != got.len() {
            problems.push(format!("total {} but {} results", response.total, got.len()));
        }
        let entry = table.entry(row.kind).or_default();
        entry.1 += 1;
        if problems.is_empty() {
            entry.0 += 1;
        } else {
            failures.push(format!("[{}] {:?}: {}", row.kind, row.query, problems.join("; ")));
        }
    }

    println!("\ngolden set: {} queries", rows.len());
    println!("{:<12} {:>6} {:>6}", "kind", "pass", "total");
    for (kind, (pass, total)) in &table {
        println!("{kind:<12} {pass:>6} {total:>6}");
    }
    let passed: usize = table.values().map(|v| v.0).sum();
    println!("{:<12} {passed:>6} {:>6}", "ALL", rows.len());
    assert!(rows.len() >= 60, "the golden set must keep at least 60 queries");
    assert!(failures.is_empty(), "{} golden queries failed:\n{}", failures.len(), failures.join("\n"));
}
