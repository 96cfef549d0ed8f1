//! # bahth (بحث): Arabic full-text search inside a web page
//!
//! A site's Arabic documents are analyzed and compiled, at build time, into
//! an index embedded in this crate; the same crate compiled to WebAssembly
//! answers every keystroke in the reader's browser, offline, with no server.
//!
//! The crate is a chain of small modules, each one idea:
//!
//! - [`analyzer`]: text → words → folded, clitic-stripped and stemmed forms.
//! - [`corpus`]: a folder of `.txt`/`.md`/`.html`/`.jsonl` → documents.
//! - [`index`]: documents → one byte blob (an `fst` map plus postings and the
//!   stored text), and the zero-copy reader over it.
//! - [`query`]: what the reader typed → clauses (words, phrases, exclusions).
//! - [`search`]: clauses → ranked hits; [`excerpt`]: hits → highlighted passages.
//! - [`sort`]: the one sort the module uses at query time (small code).
//!
//! `build.rs` includes `analyzer`, `corpus` and `index` by path, so indexing
//! and querying run the very same analysis.
//!
//! ```
//! let index = bahth::embedded_index();
//! let response = index.search("العلاقات الثنائية", &Default::default());
//! assert!(!response.results.is_empty());
//! let hit = &response.results[0];
//! println!("{} — {}", hit.title, hit.excerpt.text);
//! ```

pub mod analyzer;
pub mod corpus;
pub mod excerpt;
pub mod index;
pub mod keyboard;
pub mod query;
pub mod search;
pub mod sort;
/// The wasm-bindgen exports (public so the browser tests can call them).
#[cfg(all(target_arch = "wasm32", not(bahth_indexer)))]
pub mod wasm_api;
/// The indexer's exports, for Node (`npx bahth index`).
#[cfg(all(target_arch = "wasm32", bahth_indexer))]
pub mod wasm_indexer;

pub use index::{Index, IndexError};
pub use search::{Hit, SearchOptions, SearchResponse};

/// The index that `build.rs` compiled from the corpus (`seeds/` unless
/// `BAHTH_CORPUS` named another folder).
pub static INDEX_BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/index.bin"));

/// Where `build.rs` wrote the embedded index's chunks, if it is split (for
/// native programs; a page fetches them, see `scripts/build-wasm.sh`).
pub const CHUNKS_DIR: &str = env!("BAHTH_CHUNKS_DIR");

/// The embedded index, opened on first use.
pub fn embedded_index() -> &'static Index<'static> {
    static INDEX: std::sync::OnceLock<Index<'static>> = std::sync::OnceLock::new();
    // Not `expect`: formatting the error would pull `Debug` into the module.
    INDEX.get_or_init(|| match Index::from_bytes(index_bytes()) {
        Ok(index) => index,
        Err(_) => panic!("build.rs (or `npx bahth index`) writes an index this module reads"),
    })
}

/// The embedded index's bytes: [`INDEX_BYTES`], or in a template module
/// (built with `BAHTH_TEMPLATE=1`, empty [`INDEX_BYTES`]) the module's own
/// custom section `bahth-index`, which `npx bahth index` writes into a copy
/// of the template: no compiler needed to embed an index.
fn index_bytes() -> &'static [u8] {
    #[cfg(all(bahth_template, target_arch = "wasm32"))]
    {
        use wasm_bindgen::JsCast;
        static BYTES: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
        BYTES.get_or_init(|| {
            let module: js_sys::WebAssembly::Module = wasm_bindgen::module().unchecked_into();
            let sections = js_sys::WebAssembly::Module::custom_sections(&module, TEMPLATE_SECTION);
            js_sys::Uint8Array::new(&sections.get(0)).to_vec()
        })
    }
    #[cfg(not(all(bahth_template, target_arch = "wasm32")))]
    {
        INDEX_BYTES
    }
}

/// The custom section of a template module that holds its index.
pub const TEMPLATE_SECTION: &str = "bahth-index";

#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
