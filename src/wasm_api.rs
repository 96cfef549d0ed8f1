//! The JavaScript API: typed wasm-bindgen exports over the same core the
//! native tests and CLI use. Values cross as plain JS objects, built with
//! js-sys (serde-wasm-bindgen cost 2.5 KB of the gzipped module); nothing
//! panics across the boundary (a panic would kill the module for the rest of
//! the page's life), errors become exceptions.
//!
//! Highlight ranges are UTF-16 code unit offsets, ready for `String.slice`.
//!
//! A module whose index is split (`build.rs`) answers `search` and `suggest`
//! with Promises: they fetch the chunks the query reads (from `chunks/`
//! next to the module, or `setChunkBase(url)`), check each, and run the
//! query again until it has them all. A chunk that cannot be fetched or
//! does not fit rejects that query only, with a reason naming the chunk.

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
        (
            "corrections",
            response
                .corrections
                .iter()
                .map(|c| object(&[("from", c.from.as_str().into()), ("to", c.to.as_str().into())]))
                .collect::<Array>()
                .into(),
        ),
    ])
}

/// How a page asked to search: paging, and whether to correct the query.
struct Asked {
    options: SearchOptions,
    /// `correct: false`: the words as typed ([`Index::search_as_typed`]).
    correct: bool,
}

impl Asked {
    fn search(&self, index: &Index<'_>, query: &str) -> Result<SearchResponse, Vec<String>> {
        if self.correct {
            index.try_search(query, &self.options)
        } else {
            index.try_search_as_typed(query, &self.options)
        }
    }
}

/// Reads `{ limit, offset, correct }` (all optional; whole numbers ≥ 0, and
/// a boolean). Read by hand rather than by serde: deserializing pulls float
/// formatting into the module.
fn search_options(options: &JsValue) -> Result<Asked, JsError> {
    let mut parsed = Asked { options: SearchOptions::default(), correct: true };
    if options.is_undefined() || options.is_null() {
        return Ok(parsed);
    }
    if !options.is_object() {
        return Err(JsError::new("search options: expected an object like { limit: 10, offset: 0 }"));
    }
    let get = |name: &str| js_sys::Reflect::get(options, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED);
    for (name, field) in [("limit", &mut parsed.options.limit), ("offset", &mut parsed.options.offset)] {
        let value = get(name);
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
    match get("correct") {
        value if value.is_undefined() => {}
        value => {
            parsed.correct =
                value.as_bool().ok_or_else(|| JsError::new("search options: correct must be true or false"))?
        }
    }
    Ok(parsed)
}

/// `search(query, { limit = 10, offset = 0, correct = true })` →
/// `{ total, total_is_estimate, relaxed, results: [{ id, title, url, score, excerpt: { text, highlights },
/// title_highlights }], corrections: [{ from, to }] }`.
#[cfg(not(bahth_split))]
#[wasm_bindgen]
pub fn search(query: &str, options: JsValue) -> Result<JsValue, JsError> {
    let asked = search_options(&options)?;
    Ok(response(&asked.search(embedded_index(), query).unwrap_or_else(|_| SearchResponse::empty())))
}

/// `suggest(prefix, limit = 8)` → completions of the last word, in their most
/// common original spelling.
#[cfg(not(bahth_split))]
#[wasm_bindgen]
pub fn suggest(prefix: &str, limit: Option<u32>) -> Array {
    strings(&embedded_index().suggest(prefix, limit.unwrap_or(8) as usize))
}

fn strings(words: &[String]) -> Array {
    words.iter().map(|w| JsValue::from_str(w)).collect()
}

#[cfg(bahth_split)]
pub use split::{prune_chunk_cache, search, set_chunk_base, suggest};

/// The split module's exports: the same answers, once the chunks are in.
#[cfg(bahth_split)]
mod split {
    use super::*;
    use js_sys::{Promise, Uint8Array};
    use std::cell::RefCell;
    use wasm_bindgen_futures::JsFuture;

    #[wasm_bindgen(inline_js = r#"
// Chunks fetched are also kept in Cache Storage (where there is one): offline,
// a chunk fetched on an earlier visit is found there (online, the HTTP cache
// serves a chunk fetched before: names carry checksums, so chunks never
// change). Fetches in flight are shared by the searches that wait for them.
//
// Cache Storage work waits until searching pauses (IDLE_MS after the last
// chunk was used): done while a search runs, it delayed the Quran's first
// result by about 40 ms in Chromium.
const CACHE = 'bahth-chunks';
const IDLE_MS = 1000;
const fetching = new Map();
/** Chunks fetched from the network and not kept yet: their gzipped bytes, by URL. */
const fetched = new Map();
let opened = null;
const cache = () => (opened ??= globalThis.caches ? caches.open(CACHE).catch(() => null) : Promise.resolve(null));
const chores = [];
let idle = null;

/** Runs `chore(cache)` once IDLE_MS pass without another chore (each chunk used brings one). */
function later(chore) {
  chores.push(chore);
  clearTimeout(idle);
  idle = setTimeout(async () => {
    const c = await cache();
    for (let next = chores.shift(); next; next = chores.shift()) {
      try {
        await next(c);
      } catch {} // a full or unavailable cache: the chunk is fetched again next time
    }
  }, IDLE_MS);
}

function chunk_url(base, name) {
  // The chunks are in pkg/chunks/. This code is in pkg/bahth.js (folded in by
  // scripts/build-wasm.sh), or as wasm-bindgen wrote it, pkg/snippets/<crate>/inline0.js.
  const folder = import.meta.url.includes('/snippets/') ? '../../chunks/' : 'chunks/';
  return new URL(name, base ?? new URL(folder, import.meta.url)).href;
}

export function fetch_chunk(base, name) {
  const url = chunk_url(base, name);
  if (!fetching.has(url)) fetching.set(url, load(url, name).catch((e) => { fetching.delete(url); throw e; }));
  return fetching.get(url);
}

/** The index took the chunk (then it is kept) or refused it (then it is forgotten). */
export function chunk_done(base, name, usable) {
  const url = chunk_url(base, name);
  const gzipped = fetched.get(url);
  fetched.delete(url);
  fetching.delete(url);
  if (usable && gzipped) later((c) => c?.put(url, new Response(gzipped)));
  if (!usable) later((c) => c?.delete(url));
}

/**
 * Forgets kept chunks of this folder that this index does not have (`names`:
 * its chunks' names, one per line: one string, cheap to pass at start-up).
 */
export function prune_chunks(base, names) {
  later(async (c) => {
    const folder = chunk_url(base, '');
    const wanted = new Set(names.split('\n'));
    for (const request of (await c?.keys()) ?? []) {
      const { url } = request;
      if (url.startsWith(folder) && !wanted.has(url.slice(folder.length))) await c.delete(request);
    }
  });
}

async function load(url, name) {
  const fail = (kind, why) => Object.assign(new Error(`bahth: chunk ${name} ${kind} (${url}): ${why}`), { chunk: name });
  const unavailable = (why) => Object.assign(fail('could not be fetched', why), { name: 'BahthChunkUnavailable' });
  let response;
  let online = true;
  try {
    response = await fetch(url);
  } catch (e) {
    // Offline: a chunk fetched on an earlier visit is kept.
    online = false;
    response = await (await cache())?.match(url);
    if (!response) throw unavailable(e.message);
  }
  if (!response.ok) throw unavailable(`HTTP ${response.status}`);
  try {
    // Chunks are stored gzipped: hosts serve them as they are.
    const gzipped = await response.arrayBuffer();
    if (online) fetched.set(url, gzipped);
    return new Uint8Array(await new Response(new Response(gzipped).body.pipeThrough(new DecompressionStream('gzip'))).arrayBuffer());
  } catch (e) {
    later((c) => c?.delete(url));
    throw fail('is not a gzipped chunk', e.message);
  }
}"#)]
    extern "C" {
        fn fetch_chunk(base: Option<String>, name: &str) -> Promise;
        fn chunk_done(base: Option<String>, name: &str, usable: bool);
        fn prune_chunks(base: Option<String>, names: &str);
    }

    thread_local! {
        /// Where chunks are fetched from (`None`: next to the module).
        static BASE: RefCell<Option<String>> = const { RefCell::new(None) };
    }

    /// `setChunkBase(url)`: fetch chunks from `url` (a folder URL ending in
    /// `/`) rather than from `chunks/` next to the module; `null` resets.
    #[wasm_bindgen(js_name = setChunkBase)]
    pub fn set_chunk_base(url: Option<String>) {
        BASE.with(|b| *b.borrow_mut() = url);
    }

    /// Fetches the chunks `names` (at once) and gives them to the index.
    async fn fetch(mut names: Vec<String>) -> Result<(), JsValue> {
        let index = embedded_index();
        // Another search may have brought some in while this one ran.
        let loaded = |name: &String| index.chunk_place(name).is_some_and(|i| index.has_chunk(i));
        names.retain(|name| !loaded(name));
        let base = BASE.with(|b| b.borrow().clone());
        let fetches: Array = names.iter().map(|name| JsValue::from(fetch_chunk(base.clone(), name))).collect();
        let fetched = JsFuture::from(Promise::all(&fetches)).await?;
        for (name, bytes) in names.iter().zip(Array::from(&fetched).iter()) {
            let added = index.add_chunk(name, Uint8Array::new(&bytes).to_vec());
            chunk_done(base.clone(), name, added.is_ok());
            added.map_err(|e| JsError::new(&["bahth: ", &e.message()].concat()))?;
        }
        Ok(())
    }

    /// `pruneChunkCache()`: forgets chunks kept from an earlier build of the
    /// index (Cache Storage), those this one does not name.
    #[wasm_bindgen(js_name = pruneChunkCache)]
    pub fn prune_chunk_cache() {
        let mut names = String::new();
        for chunk in embedded_index().chunks() {
            chunk.push_name(&mut names);
            names.push('\n');
        }
        prune_chunks(BASE.with(|b| b.borrow().clone()), &names);
    }

    /// Runs `ask` until the index has every chunk it reads.
    async fn answer<T>(ask: impl Fn() -> Result<T, Vec<String>>) -> Result<T, JsValue> {
        for _ in 0..crate::index::split::ROUNDS {
            match ask() {
                Ok(answer) => return Ok(answer),
                Err(missing) => fetch(missing).await?,
            }
        }
        // With the last round's chunks in.
        ask().map_err(|_| JsError::new("bahth: a query kept asking for chunks (a damaged index?)").into())
    }

    /// `search(query, { limit = 10, offset = 0, correct = true })` → a Promise of the same
    /// object as a whole module's.
    #[wasm_bindgen]
    pub async fn search(query: String, options: JsValue) -> Result<JsValue, JsValue> {
        let asked = search_options(&options)?;
        let index = embedded_index();
        Ok(response(&answer(|| asked.search(index, &query)).await?))
    }

    /// `suggest(prefix, limit = 8)` → a Promise of the completions.
    #[wasm_bindgen]
    pub async fn suggest(prefix: String, limit: Option<u32>) -> Result<JsValue, JsValue> {
        let index = embedded_index();
        let limit = limit.unwrap_or(8) as usize;
        Ok(strings(&answer(|| index.try_suggest(&prefix, limit)).await?).into())
    }
}

/// `info()` → `{ documents, terms, index_bytes, version, split, memory_bytes }`
/// (`index_bytes`: the module's own; `split`: whether chunks are fetched).
#[wasm_bindgen]
pub fn info() -> JsValue {
    let index = embedded_index();
    let memory: js_sys::WebAssembly::Memory = wasm_bindgen::memory().unchecked_into();
    let memory_bytes = js_sys::ArrayBuffer::from(memory.buffer()).byte_length();
    object(&[
        ("documents", index.doc_count().into()),
        ("terms", index.term_count().into()),
        ("index_bytes", (index.byte_len() as f64).into()),
        ("version", crate::index::format::VERSION.into()),
        ("split", index.is_split().into()),
        ("memory_bytes", memory_bytes.into()),
    ])
}

/// `chunks()` → `[{ name, bytes, loaded }]`: a split index's chunk files,
/// e.g. to fetch them all for offline use (split modules only).
#[cfg(bahth_split)]
#[wasm_bindgen]
pub fn chunks() -> Array {
    let index = embedded_index();
    index
        .chunks()
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let fields = [("name", c.name().into()), ("bytes", c.length.into()), ("loaded", index.has_chunk(i).into())];
            object(&fields)
        })
        .collect()
}

/// `validateIndex(bytes)`: opens index bytes (e.g. fetched as a file) and
/// throws the reason if they are not an index this module can read; returns
/// the document count.
#[wasm_bindgen(js_name = validateIndex)]
pub fn validate_index(bytes: &[u8]) -> Result<u32, JsError> {
    Index::from_bytes(bytes).map(|i| i.doc_count()).map_err(|e| JsError::new(&e.message()))
}
