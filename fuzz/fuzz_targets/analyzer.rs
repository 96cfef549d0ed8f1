#![no_main]
//! See `checks::analyzer`.

#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| checks::analyzer(bytes));
