#![no_main]
//! See `checks::forged_chunk`.

#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| checks::forged_chunk(bytes));
