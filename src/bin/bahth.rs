//! `bahth`: the search engine on the command line, over the same core as the
//! WebAssembly module.
//!
//! ```text
//! bahth search [--json] [--limit N] [--offset N] [--as-typed] [--corpus DIR] QUERY
//!     (--json adds `took_ms`: the engine's own time for the query;
//!     --as-typed: no typo or keyboard-layout corrections)
//! bahth suggest [--limit N] [--corpus DIR] PREFIX
//! bahth stats [--corpus DIR]
//! bahth index [--corpus DIR] [--split] --out DIR
//! ```
//!
//! Without `--corpus` the index embedded at build time is used; with it, DIR
//! is indexed at run time by the same code `build.rs` runs (`--split`: as a
//! split index). A split index reads its chunks as a query needs them, from
//! where `build.rs` wrote them (or `--chunks DIR`).
//!
//! `index` writes the index to a folder: `index.bin`, and for a split index
//! (`--split`) its chunks in `chunks/`; without `--corpus`, the index
//! `build.rs` embedded, byte for byte.

use bahth::index::{build, build_split};
use bahth::{corpus, Index, SearchOptions};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "usage:
  bahth search [--json] [--limit N] [--offset N] [--as-typed] [--corpus DIR [--split]] [--chunks DIR] QUERY
  bahth suggest [--limit N] [--corpus DIR [--split]] [--chunks DIR] PREFIX
  bahth stats [--corpus DIR [--split]]
  bahth index [--corpus DIR] [--split] --out DIR";

struct Args {
    command: String,
    json: bool,
    split: bool,
    as_typed: bool,
    options: SearchOptions,
    corpus: Option<String>,
    chunks: Option<String>,
    out: Option<String>,
    words: Vec<String>,
}

fn parse_args(mut raw: impl Iterator<Item = String>) -> Result<Args, String> {
    let command = raw.next().ok_or("missing command")?;
    let mut args = Args {
        command,
        json: false,
        split: false,
        as_typed: false,
        options: SearchOptions::default(),
        corpus: None,
        chunks: None,
        out: None,
        words: Vec::new(),
    };
    while let Some(arg) = raw.next() {
        let mut number = |name: &str| -> Result<usize, String> {
            let value = raw.next().ok_or(format!("{name} needs a number"))?;
            value.parse().map_err(|_| format!("{name} needs a number, not {value:?}"))
        };
        match arg.as_str() {
            "--json" => args.json = true,
            "--limit" => args.options.limit = number("--limit")?,
            "--offset" => args.options.offset = number("--offset")?,
            "--split" => args.split = true,
            "--as-typed" => args.as_typed = true,
            "--corpus" => args.corpus = Some(raw.next().ok_or("--corpus needs a folder")?),
            "--chunks" => args.chunks = Some(raw.next().ok_or("--chunks needs a folder")?),
            "--out" => args.out = Some(raw.next().ok_or("--out needs a folder")?),
            "--" => args.words.extend(raw.by_ref()),
            _ => args.words.push(arg),
        }
    }
    Ok(args)
}

fn main() -> ExitCode {
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(args) => args,
        Err(e) => {
            eprintln!("bahth: {e}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("bahth: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Where a split index's chunks come from.
enum Chunks {
    Files(PathBuf),
    Built(HashMap<String, Vec<u8>>),
}

impl Chunks {
    /// Runs `ask` until the index has every chunk it needs.
    fn answer<T>(&self, index: &Index<'_>, ask: impl Fn() -> Result<T, Vec<String>>) -> Result<T, String> {
        for round in 0..=bahth::index::split::ROUNDS {
            let missing = match ask() {
                Ok(answer) => return Ok(answer),
                Err(_) if round == bahth::index::split::ROUNDS => break,
                Err(missing) => missing,
            };
            for name in missing {
                let bytes = match self {
                    Chunks::Files(dir) => {
                        let path = dir.join(&name);
                        bahth::index::split::read_chunk(&path).map_err(|e| format!("{}: {e}", path.display()))?
                    }
                    Chunks::Built(chunks) => chunks.get(&name).cloned().ok_or(format!("no chunk {name}"))?,
                };
                index.add_chunk(&name, bytes).map_err(|e| e.to_string())?;
            }
        }
        Err("a query kept asking for chunks (a damaged index?)".into())
    }
}

fn run(args: &Args) -> Result<(), String> {
    let documents = match &args.corpus {
        None => None,
        Some(dir) => {
            let loaded = corpus::load_dir(dir.as_ref()).map_err(|e| e.to_string())?;
            for warning in &loaded.warnings {
                eprintln!("bahth: warning: {warning}");
            }
            Some(loaded.documents)
        }
    };
    if args.command == "index" {
        let out = PathBuf::from(args.out.as_deref().ok_or("index needs --out DIR")?);
        let Some(documents) = documents else {
            // The index build.rs compiled in, as it is.
            if bahth::embedded_index().is_split() {
                return Err(format!("the embedded index is split: its core and chunks are in {}", bahth::CHUNKS_DIR));
            }
            std::fs::create_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
            let path = out.join("index.bin");
            std::fs::write(&path, bahth::INDEX_BYTES).map_err(|e| format!("{}: {e}", path.display()))?;
            println!("the embedded index: index.bin, {} bytes", bahth::INDEX_BYTES.len());
            return Ok(());
        };
        return write_index(&documents, args.split, &out);
    }
    let mut chunks = Chunks::Files(PathBuf::from(args.chunks.as_deref().unwrap_or(bahth::CHUNKS_DIR)));
    let built;
    let index: &Index<'_> = match documents {
        None => bahth::embedded_index(),
        Some(documents) if args.split => {
            let split = build_split(&documents, &Default::default());
            built = split.core;
            chunks = Chunks::Built(split.chunks.into_iter().collect());
            &Index::from_bytes(&built).map_err(|e| e.to_string())?
        }
        Some(documents) => {
            built = build(&documents);
            &Index::from_bytes(&built).map_err(|e| e.to_string())?
        }
    };
    let text = args.words.join(" ");
    match args.command.as_str() {
        "search" => {
            let start = std::time::Instant::now();
            let response = chunks.answer(index, || {
                if args.as_typed {
                    index.try_search_as_typed(&text, &args.options)
                } else {
                    index.try_search(&text, &args.options)
                }
            })?;
            let took_ms = start.elapsed().as_secs_f64() * 1e3;
            if args.json {
                // The response, plus the engine's own time for the query.
                let mut json = serde_json::to_value(&response).map_err(|e| e.to_string())?;
                json["took_ms"] = serde_json::json!(took_ms);
                println!("{}", serde_json::to_string_pretty(&json).map_err(|e| e.to_string())?);
                return Ok(());
            }
            let relaxed = if response.relaxed { " (no document has every word; closest matches)" } else { "" };
            let about = if response.total_is_estimate { "about " } else { "" };
            for correction in &response.corrections {
                println!(
                    "results for «{}» instead of «{}» (--as-typed: the words as typed)",
                    correction.to, correction.from
                );
            }
            println!("{about}{} results{relaxed}", response.total);
            for (i, hit) in response.results.iter().enumerate() {
                println!("\n{}. {}  [{}]  score {}", i + 1 + args.options.offset, hit.title, hit.id, hit.score);
                println!("   {}", mark(&hit.excerpt.text, &hit.excerpt.highlights));
            }
        }
        "suggest" => {
            for word in chunks.answer(index, || index.try_suggest(&text, args.options.limit))? {
                println!("{word}");
            }
        }
        "stats" => {
            println!("documents     {}", index.doc_count());
            println!("terms         {}", index.term_count());
            if index.is_split() {
                println!("chunks        {}", index.chunks().len());
            } else {
                println!("keys          {}", index.key_count());
            }
            println!("index bytes   {}", index.byte_len());
            println!("index version {}", bahth::index::format::VERSION);
        }
        other => return Err(format!("unknown command {other:?}\n{USAGE}")),
    }
    Ok(())
}

/// `bahth index`: the index of `documents` into `out`.
fn write_index(documents: &[corpus::Document], split: bool, out: &Path) -> Result<(), String> {
    let write = |path: &Path, bytes: &[u8]| std::fs::write(path, bytes).map_err(|e| format!("{}: {e}", path.display()));
    std::fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
    if !split {
        let bytes = build(documents);
        write(&out.join("index.bin"), &bytes)?;
        println!("{} documents: index.bin, {} bytes", documents.len(), bytes.len());
        return Ok(());
    }
    let built = build_split(documents, &Default::default());
    let dir = out.join("chunks");
    let total =
        bahth::index::split::write_chunks(&dir, &built.chunks).map_err(|e| format!("{}: {e}", dir.display()))?;
    write(&out.join("index.bin"), &built.core)?;
    println!(
        "{} documents: index.bin (the core), {} bytes; {} chunks in chunks/, {total} bytes gzipped",
        documents.len(),
        built.core.len(),
        built.chunks.len()
    );
    Ok(())
}

/// Wraps highlighted ranges (UTF-16 offsets) in ⟦ ⟧ for the terminal.
fn mark(text: &str, highlights: &[[u32; 2]]) -> String {
    let mut out = String::with_capacity(text.len() + highlights.len() * 8);
    let mut unit = 0;
    for c in text.chars() {
        if highlights.iter().any(|h| h[0] == unit) {
            out.push('⟦');
        }
        out.push(c);
        unit += c.len_utf16() as u32;
        if highlights.iter().any(|h| h[1] == unit) {
            out.push('⟧');
        }
    }
    out
}
