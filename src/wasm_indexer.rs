//! The indexer, as WebAssembly for Node: what `npx bahth index` runs. The
//! same corpus reader ([`crate::corpus`]) and index builder
//! ([`crate::index::build`]) as `build.rs`, over Node's file system, so a
//! site folder indexes to the same bytes either way.
//!
//! Built by `scripts/build-npm.sh` (`BAHTH_INDEXER=1`, wasm-pack's `nodejs`
//! target); `npm/bin/bahth.mjs` writes what it returns into a copy of the
//! template search module.

use crate::corpus::{load_dir_from, FileSystem, Progress};
use crate::Index;
use js_sys::{Array, Function, Object, Reflect, Uint8Array};
use std::path::{Path, PathBuf};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "node:fs")]
extern "C" {
    type Stats;
    #[wasm_bindgen(catch, js_name = readdirSync)]
    fn readdir_sync(path: &str) -> Result<Array, JsValue>;
    #[wasm_bindgen(catch, js_name = statSync)]
    fn stat_sync(path: &str) -> Result<Stats, JsValue>;
    #[wasm_bindgen(method, js_name = isDirectory)]
    fn is_directory(this: &Stats) -> bool;
    #[wasm_bindgen(method, js_name = isFile)]
    fn is_file(this: &Stats) -> bool;
    #[wasm_bindgen(catch, js_name = realpathSync)]
    fn realpath_sync(path: &str) -> Result<String, JsValue>;
    #[wasm_bindgen(catch, js_name = readFileSync)]
    fn read_file_sync(path: &str) -> Result<Uint8Array, JsValue>;
}

/// Node's file system, as the corpus reader asks for it.
struct NodeFs;

/// A thrown JS error as an I/O error (Node's message: "ENOENT: no such file
/// or directory, stat 'x'").
fn io_error(thrown: JsValue) -> std::io::Error {
    let message = Reflect::get(&thrown, &"message".into()).ok().and_then(|m| m.as_string());
    std::io::Error::other(message.unwrap_or_else(|| "a file system call failed".into()))
}

fn text(path: &Path) -> std::io::Result<&str> {
    path.to_str().ok_or_else(|| std::io::Error::other("a path that is not UTF-8"))
}

impl FileSystem for NodeFs {
    fn read_dir(&self, dir: &Path) -> std::io::Result<Vec<PathBuf>> {
        let names = readdir_sync(text(dir)?).map_err(io_error)?;
        Ok(names.iter().filter_map(|name| name.as_string()).map(|name| dir.join(name)).collect())
    }
    fn is_dir(&self, path: &Path) -> std::io::Result<bool> {
        Ok(stat_sync(text(path)?).map_err(io_error)?.is_directory())
    }
    fn canonicalize(&self, path: &Path) -> std::io::Result<PathBuf> {
        realpath_sync(text(path)?).map(PathBuf::from).map_err(io_error)
    }
    fn read(&self, path: &Path) -> std::io::Result<Vec<u8>> {
        Ok(read_file_sync(text(path)?).map_err(io_error)?.to_vec())
    }
    fn is_file(&self, path: &Path) -> bool {
        text(path).ok().and_then(|p| stat_sync(p).ok()).is_some_and(|s| s.is_file())
    }
}

fn set(object: &Object, key: &str, value: JsValue) {
    let _ = Reflect::set(object, &key.into(), &value);
}

/// `indexFolder(dir, onProgress(files, of, documents, words))` → `{ index, documents,
/// files, tokens, terms, warnings, summary, sections: [{ name, bytes }] }`:
/// the index of every document in `dir` (its bytes: `index`, a Uint8Array),
/// and what the report prints. Throws an Error naming the file for input
/// that cannot be read right (as `build.rs` fails).
#[wasm_bindgen(js_name = indexFolder)]
pub fn index_folder(dir: &str, on_progress: &Function) -> Result<JsValue, JsError> {
    let mut progress = |p: Progress| {
        let counts: Array = [p.files, p.of, p.documents, p.words].iter().map(|&n| JsValue::from(n as f64)).collect();
        let _ = on_progress.apply(&JsValue::NULL, &counts);
    };
    let corpus = load_dir_from(&NodeFs, Path::new(dir), &mut progress).map_err(|e| JsError::new(&e.to_string()))?;
    let bytes = crate::index::build(&corpus.documents);
    let index = Index::from_bytes(&bytes).map_err(|e| JsError::new(&e.to_string()))?;
    let out = Object::new();
    set(&out, "documents", (corpus.documents.len() as f64).into());
    set(&out, "files", (corpus.files.len() as f64).into());
    set(&out, "tokens", (index.token_count() as f64).into());
    set(&out, "terms", (index.term_count() as f64).into());
    set(&out, "summary", corpus.summary().into());
    set(&out, "warnings", corpus.warnings.iter().map(|w| JsValue::from_str(w)).collect::<Array>().into());
    let sections: Array = index
        .sections()
        .into_iter()
        .map(|(name, data)| {
            let section = Object::new();
            set(&section, "name", name.into());
            set(&section, "bytes", Uint8Array::from(data).into());
            JsValue::from(section)
        })
        .collect();
    set(&out, "sections", sections.into());
    set(&out, "index", Uint8Array::from(bytes.as_slice()).into());
    Ok(out.into())
}
