#![no_main]
//! See `checks::corpus_file`.

#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| checks::corpus_file(bytes));
