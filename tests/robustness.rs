//! Bytes that are not a valid index, and queries no one should type, never
//! panic: a panic in WebAssembly ends the module for the page's life.
//!
//! The fuzzers (`scripts/fuzz.sh`) explore this for hours; this test keeps a
//! fixed sample in every run: thousands of copies of the seeds' index with a
//! few bytes changed and every checksum recomputed (forged), so that the
//! changes reach the decoders, opened and searched.

use bahth::index::format::reseal;
use bahth::{Index, SearchOptions, INDEX_BYTES};
use std::panic::{catch_unwind, AssertUnwindSafe};

const QUERIES: [&str; 8] =
    ["العلاقات", "عمان ", "\"وزير الخارجية\"", "ا", "البوسعدي ", "عمان -ايران ", "طهران بلينكن ", "x"];

/// Forged copies per run (the fuzzers run millions).
const ROUNDS: usize = 1500;

/// A small deterministic generator (no dependency for a test).
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

/// Opens `bytes` and, if they open, searches, suggests and reads every
/// document; returns whether they opened.
fn exercise(bytes: &[u8]) -> bool {
    let Ok(index) = Index::from_bytes(bytes) else { return false };
    for query in QUERIES {
        let response = index.search(query, &SearchOptions { limit: 5, offset: 1 });
        assert!(response.total >= response.results.len());
        index.suggest(query, 5);
    }
    for doc in 0..index.doc_count() + 1 {
        index.doc(doc);
    }
    true
}

#[test]
fn forged_index_bytes_never_panic() {
    let mut rng = Rng(20_261_123);
    let (mut opened, mut panics) = (0, Vec::new());
    for round in 0..ROUNDS {
        let mut bytes = INDEX_BYTES.to_vec();
        for _ in 0..1 + rng.below(4) {
            let at = rng.below(bytes.len());
            bytes[at] = match rng.below(4) {
                0 => 0,
                1 => 0xff,
                2 => bytes[at] ^ (1 << rng.below(8)),
                _ => rng.below(256) as u8,
            };
        }
        if rng.below(10) == 0 {
            bytes.truncate(rng.below(bytes.len()));
        }
        reseal(&mut bytes);
        match catch_unwind(AssertUnwindSafe(|| exercise(&bytes))) {
            Ok(true) => opened += 1,
            Ok(false) => {}
            Err(_) => panics.push(round),
        }
    }
    assert!(
        panics.is_empty(),
        "{} of {ROUNDS} forged indexes panicked (rounds {:?}); {opened} opened",
        panics.len(),
        &panics[..panics.len().min(10)]
    );
    assert!(opened > ROUNDS / 2, "most forgeries still open and must be searched: {opened}");
}

#[test]
fn truncated_and_foreign_bytes_are_refused_with_a_reason() {
    for cut in [0, 7, 12, 40, INDEX_BYTES.len() / 2, INDEX_BYTES.len() - 1] {
        let err = Index::from_bytes(&INDEX_BYTES[..cut]).err().unwrap();
        assert!(!err.to_string().is_empty(), "{cut}");
    }
    assert_eq!(
        Index::from_bytes(&INDEX_BYTES[..INDEX_BYTES.len() - 1]).err().unwrap().to_string(),
        "corrupt bahth index: section \"stream\" lies outside the bytes (cut short?)"
    );
    let mut flipped = INDEX_BYTES.to_vec();
    flipped[200] ^= 1;
    assert!(Index::from_bytes(&flipped).err().unwrap().to_string().ends_with("fails its checksum"));
}
