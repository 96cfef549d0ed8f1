//! The JavaScript API: typed wasm-bindgen exports over the same core the
//! native tests and CLI use. Values cross as plain JS objects, built with
//! js-sys (serde-wasm-bindgen cost 2.5 KB of the gzipped module); nothing
//! panics across the boundary (a panic would kill the module for the rest of
//! the page's life), errors become exceptions.
//!
//! Highlight ranges are UTF-16 code unit offsets, ready for `String.slice`.

use crate::{embedded_index, Hit, Index, SearchOptions, SearchResponse};
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;

/// Plain objects (not `Map`s), `null` for a missing url: the same shape as
/// the JSON the CLI prints.
fn object(fields: &[(&str, JsValue)]) -> JsValue {
    let object = Object::new();
    for (name, value) in fields {
        // Setting a property of a fresh plain object cannot fail.
        let _ = Reflect::set(&object, &JsValue::from_str(name), value);
    }
    object.into()
}

fn ranges(ranges: &[[u32; 2]]) -> JsValue {
    ranges.iter().map(|&[start, end]| Array::of2(&start.into(), &end.into())).collect::<Array>().into()
}

fn hit(hit: &Hit) -> JsValue {
    object(&[
        ("id", hit.id.as_str().into()),
        ("title", hit.title.as_str().into()),
        ("url", hit.url.as_deref().map_or(JsValue::NULL, JsValue::from_str)),
        ("score", hit.score.into()),
        (
            "excerpt",
            object(&[("text", hit.excerpt.text.as_str().into()), ("highlights", ranges(&hit.excerpt.highlights))]),
        ),
        ("title_highlights", ranges(&hit.title_highlights)),
    ])
}

fn response(response: &SearchResponse) -> JsValue {
    object(&[
        ("total", (response.total as f64).into()),
        ("total_is_estimate", response.total_is_estimate.into()),
        ("relaxed", response.relaxed.into()),
        ("results", response.results.iter().map(hit).collect::<Array>().into()),
    ])
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
/// `{ total, total_is_estimate, relaxed, results: [{ id, title, url, score, excerpt: { text, highlights },
/// title_highlights }] }`.
#[wasm_bindgen]
pub fn search(query: &str, options: JsValue) -> Result<JsValue, JsError> {
    Ok(response(&embedded_index().search(query, &search_options(&options)?)))
}

/// `suggest(prefix, limit = 8)` → completions of the last word, in their most
/// common original spelling.
#[wasm_bindgen]
pub fn suggest(prefix: &str, limit: Option<u32>) -> Array {
    embedded_index().suggest(prefix, limit.unwrap_or(8) as usize).iter().map(|w| JsValue::from_str(w)).collect()
}

/// `info()` → `{ documents, terms, index_bytes, version }`.
#[wasm_bindgen]
pub fn info() -> JsValue {
    let index = embedded_index();
    object(&[
        ("documents", index.doc_count().into()),
        ("terms", index.term_count().into()),
        ("index_bytes", (index.byte_len() as f64).into()),
        ("version", crate::index::format::VERSION.into()),
    ])
}

/// `validateIndex(bytes)`: opens index bytes (e.g. fetched as a file) and
/// throws the reason if they are not an index this module can read; returns
/// the document count.
#[wasm_bindgen(js_name = validateIndex)]
pub fn validate_index(bytes: &[u8]) -> Result<u32, JsError> {
    Index::from_bytes(bytes).map(|i| i.doc_count()).map_err(|e| JsError::new(&e.to_string()))
}
