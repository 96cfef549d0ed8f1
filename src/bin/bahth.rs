//! `bahth`: the search engine on the command line, over the same core as the
//! WebAssembly module.
//!
//! ```text
//! bahth search [--json] [--limit N] [--offset N] [--corpus DIR] QUERY
//!     (--json adds `took_ms`: the engine's own time for the query)
//! bahth suggest [--limit N] [--corpus DIR] PREFIX
//! bahth stats [--corpus DIR]
//! ```
//!
//! Without `--corpus` the index embedded at build time is used; with it, DIR
//! is indexed at run time by the same code `build.rs` runs.

use bahth::{corpus, index, Index, SearchOptions};
use std::process::ExitCode;

const USAGE: &str = "usage:
  bahth search [--json] [--limit N] [--offset N] [--corpus DIR] QUERY
  bahth suggest [--limit N] [--corpus DIR] PREFIX
  bahth stats [--corpus DIR]";

struct Args {
    command: String,
    json: bool,
    options: SearchOptions,
    corpus: Option<String>,
    words: Vec<String>,
}

fn parse_args(mut raw: impl Iterator<Item = String>) -> Result<Args, String> {
    let command = raw.next().ok_or("missing command")?;
    let mut args = Args { command, json: false, options: SearchOptions::default(), corpus: None, words: Vec::new() };
    while let Some(arg) = raw.next() {
        let mut number = |name: &str| -> Result<usize, String> {
            let value = raw.next().ok_or(format!("{name} needs a number"))?;
            value.parse().map_err(|_| format!("{name} needs a number, not {value:?}"))
        };
        match arg.as_str() {
            "--json" => args.json = true,
            "--limit" => args.options.limit = number("--limit")?,
            "--offset" => args.options.offset = number("--offset")?,
            "--corpus" => args.corpus = Some(raw.next().ok_or("--corpus needs a folder")?),
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

fn run(args: &Args) -> Result<(), String> {
    let built;
    let index: &Index<'_> = match &args.corpus {
        None => bahth::embedded_index(),
        Some(dir) => {
            let loaded = corpus::load_dir(dir.as_ref()).map_err(|e| e.to_string())?;
            for warning in &loaded.warnings {
                eprintln!("bahth: warning: {warning}");
            }
            built = index::build(&loaded.documents);
            &Index::from_bytes(&built).map_err(|e| e.to_string())?
        }
    };
    let text = args.words.join(" ");
    match args.command.as_str() {
        "search" => {
            let start = std::time::Instant::now();
            let response = index.search(&text, &args.options);
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
            println!("{about}{} results{relaxed}", response.total);
            for (i, hit) in response.results.iter().enumerate() {
                println!("\n{}. {}  [{}]  score {}", i + 1 + args.options.offset, hit.title, hit.id, hit.score);
                println!("   {}", mark(&hit.excerpt.text, &hit.excerpt.highlights));
            }
        }
        "suggest" => {
            for word in index.suggest(&text, args.options.limit) {
                println!("{word}");
            }
        }
        "stats" => {
            println!("documents     {}", index.doc_count());
            println!("terms         {}", index.term_count());
            println!("keys          {}", index.key_count());
            println!("index bytes   {}", index.byte_len());
            println!("index version {}", index::format::VERSION);
        }
        other => return Err(format!("unknown command {other:?}\n{USAGE}")),
    }
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
