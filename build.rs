//! Compiles the corpus into the index embedded in the crate.
//!
//! The analyzer, corpus reader and index writer (and, for a split index's
//! precomputed answers, the engine) are the crate's own modules, included
//! by path: indexing and querying share one implementation.
//!
//! `BAHTH_CORPUS=/some/dir` indexes another folder instead of `seeds/`.
//!
//! A corpus whose whole index would pass `BAHTH_EMBED_MAX` bytes (default
//! 1 MB), or any with `BAHTH_SPLIT=1`, gets a split index: the module embeds
//! its core, and its chunks are written to `$OUT_DIR/chunks/`, named by
//! their checksum (`scripts/build-wasm.sh` copies them next to the module).
//! `BAHTH_SPLIT=0` always embeds the whole index.

#![allow(dead_code, unused_imports)] // the build script uses only the writing half of these modules

#[path = "src/analyzer/mod.rs"]
mod analyzer;
#[path = "src/corpus.rs"]
mod corpus;
#[path = "src/excerpt.rs"]
mod excerpt;
#[path = "src/index/mod.rs"]
mod index;
#[path = "src/keyboard.rs"]
mod keyboard;
#[path = "src/query.rs"]
mod query;
#[path = "src/search/mod.rs"]
mod search;
#[path = "src/sort.rs"]
mod sort;

use std::path::PathBuf;

fn main() {
    println!("cargo:rerun-if-env-changed=BAHTH_CORPUS");
    if build_without_an_index() {
        return;
    }
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
    for var in ["BAHTH_SPLIT", "BAHTH_EMBED_MAX"] {
        println!("cargo:rerun-if-env-changed={var}");
    }
    // `bahth_split`: the module's search fetches chunks (see src/wasm_api.rs);
    // `reads_split`: the crate reads split indexes (all but a module built
    // for a whole one, which then carries none of that code).
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets it"));
    let chunks = out.join("chunks");
    println!("cargo:rustc-env=BAHTH_CHUNKS_DIR={}", chunks.display());
    let _ = std::fs::remove_dir_all(&chunks);
    let write = |path: &std::path::Path, bytes: &[u8]| {
        std::fs::write(path, bytes).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
    };

    let whole = index::build(&corpus.documents);
    let embed_max = match std::env::var("BAHTH_EMBED_MAX") {
        Ok(n) => n.parse().unwrap_or_else(|_| panic!("BAHTH_EMBED_MAX must be a number of bytes, not {n:?}")),
        Err(_) => 1 << 20,
    };
    let split = match std::env::var("BAHTH_SPLIT").as_deref() {
        Ok("1") => true,
        Ok("0") => false,
        _ => whole.len() > embed_max,
    };
    if !wasm || split {
        println!("cargo:rustc-cfg=reads_split");
    }
    if !split {
        write(&out.join("index.bin"), &whole);
        return;
    }
    println!("cargo:rustc-cfg=bahth_split");
    let built = index::build_split(&corpus.documents, &Default::default());
    let bytes = index::split::write_chunks(&chunks, &built.chunks)
        .unwrap_or_else(|e| panic!("cannot write the chunks to {}: {e}", chunks.display()));
    write(&out.join("index.bin"), &built.core);
    println!(
        "cargo:warning=bahth: split index ({} documents): a {} KB core in the module, {} chunks ({} KB gzipped) in {}",
        corpus.documents.len(),
        built.core.len() / 1024,
        built.chunks.len(),
        bytes / 1024,
        chunks.display()
    );
}

/// A module without an index: the template `npx bahth index` writes an index
/// into (`BAHTH_TEMPLATE=1`: cfg `bahth_template`, see src/lib.rs), or the
/// indexer Node runs (`BAHTH_INDEXER=1`: cfg `bahth_indexer`, see
/// src/wasm_indexer.rs). True if this is one.
fn build_without_an_index() -> bool {
    let on = |var: &str| {
        println!("cargo:rerun-if-env-changed={var}");
        std::env::var(var).as_deref() == Ok("1")
    };
    let cfg = match (on("BAHTH_TEMPLATE"), on("BAHTH_INDEXER")) {
        (true, _) => "bahth_template",
        (false, true) => "bahth_indexer",
        (false, false) => return false,
    };
    println!("cargo:rustc-cfg={cfg}");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets it"));
    println!("cargo:rustc-env=BAHTH_CHUNKS_DIR={}", out.join("chunks").display());
    std::fs::write(out.join("index.bin"), []).expect("write an empty index.bin");
    true
}
