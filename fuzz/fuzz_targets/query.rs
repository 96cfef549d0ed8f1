#![no_main]
//! See `checks::query`.

#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| checks::query(bytes));
