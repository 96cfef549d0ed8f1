#![no_main]
//! See `checks::index_bytes`.

#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| checks::index_bytes(bytes));
