//! The JavaScript API: typed wasm-bindgen exports over the same core the
//! native tests and CLI use. Values cross as plain JS objects through
//! serde-wasm-bindgen; nothing panics across the boundary (a panic would kill
//! the module for the rest of the page's life), errors become exceptions.
//!
//! Highlight ranges are UTF-16 code unit offsets, ready for `String.slice`.

use crate::{embedded_index, Index, SearchOptions};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// Plain objects (not `Map`s) for structs, `null` for a missing url: the same
/// JSON the CLI prints.
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    let serializer = serde_wasm_bindgen::Serializer::new().serialize_missing_as_null(true);
    value.serialize(&serializer).map_err(|e| JsError::new(&e.to_string()))
}

/// Reads `{ limit, offset }` (both optional, whole numbers ≥ 0). Read by hand
/// rather than by serde: deserializing pulls float formatting into the module.
fn search_options(options: &JsValue) -> Result<SearchOptions, JsError> {
    let mut parsed = SearchOptions::default();
    if options.is_undefined() || options.is_null() {
        return Ok(parsed);
    }
    if !options.is_object() {
        return Err(JsError::new("search options: expected an object like { limit: 10, offset: 0 }"));
    }
    for (name, field) in [("limit", &mut parsed.limit), ("offset", &mut parsed.offset)] {
        let value = js_sys::Reflect::get(options, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED);
        if value.is_undefined() {
            continue;
        }
        match value.as_f64() {
            Some(n) if n >= 0.0 && n.fract() == 0.0 => *field = n.min(u32::MAX as f64) as usize,
            _ => {
                let message = ["search options: ", name, " must be a whole number ≥ 0"].concat();
                return Err(JsError::new(&message));
            }
        }
    }
    Ok(parsed)
}

/// `search(query, { limit = 10, offset = 0 })` →
/// `{ total, relaxed, results: [{ id, title, url, score, excerpt: { text, highlights }, title_highlights }] }`.
#[wasm_bindgen]
pub fn search(query: &str, options: JsValue) -> Result<JsValue, JsError> {
    to_js(&embedded_index().search(query, &search_options(&options)?))
}

/// `suggest(prefix, limit = 8)` → completions of the last word, in their most
/// common original spelling.
#[wasm_bindgen]
pub fn suggest(prefix: &str, limit: Option<u32>) -> Result<JsValue, JsError> {
    to_js(&embedded_index().suggest(prefix, limit.unwrap_or(8) as usize))
}

#[derive(Serialize)]
struct Info {
    documents: u32,
    terms: u32,
    index_bytes: usize,
    version: u32,
}

/// `info()` → `{ documents, terms, index_bytes, version }`.
#[wasm_bindgen]
pub fn info() -> Result<JsValue, JsError> {
    let index = embedded_index();
    to_js(&Info {
        documents: index.doc_count(),
        terms: index.term_count(),
        index_bytes: index.byte_len(),
        version: crate::index::format::VERSION,
    })
}

/// `validateIndex(bytes)`: opens index bytes (e.g. fetched as a file) and
/// throws the reason if they are not an index this module can read; returns
/// the document count.
#[wasm_bindgen(js_name = validateIndex)]
pub fn validate_index(bytes: &[u8]) -> Result<u32, JsError> {
    Index::from_bytes(bytes).map(|i| i.doc_count()).map_err(|e| JsError::new(&e.to_string()))
}
