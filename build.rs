//! Compiles the corpus into the index embedded in the crate.
//!
//! The analyzer, corpus reader and index writer are the crate's own modules,
//! included by path: indexing and querying share one implementation.
//!
//! `BAHTH_CORPUS=/some/dir` indexes another folder instead of `seeds/`.

#![allow(dead_code, unused_imports)] // the build script uses only the writing half of these modules

#[path = "src/analyzer/mod.rs"]
mod analyzer;
#[path = "src/corpus.rs"]
mod corpus;
#[path = "src/index/mod.rs"]
mod index;
#[path = "src/sort.rs"]
mod sort;

use std::path::PathBuf;

fn main() {
    println!("cargo:rerun-if-env-changed=BAHTH_CORPUS");
    let dir = match std::env::var_os("BAHTH_CORPUS") {
        Some(dir) => PathBuf::from(dir),
        None => PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets it")).join("seeds"),
    };

    let corpus = match corpus::load_dir(&dir) {
        Ok(corpus) => corpus,
        Err(e) => {
            eprintln!("error: bahth corpus {}: {e}", dir.display());
            std::process::exit(1);
        }
    };
    for path in corpus.files.iter().chain(&corpus.folders) {
        println!("cargo:rerun-if-changed={}", path.display());
    }
    for warning in &corpus.warnings {
        println!("cargo:warning=bahth corpus: {warning}");
    }
    if !corpus.warnings.is_empty() {
        println!("cargo:warning=bahth corpus: {}", corpus.summary());
    }
    let bytes = index::build(&corpus.documents);
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets it")).join("index.bin");
    std::fs::write(&out, &bytes).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
}
