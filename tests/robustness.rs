//! Bytes that are not a valid index, and queries no one should type, never
//! panic: a panic in WebAssembly ends the module for the page's life.
//!
//! The fuzzers (`scripts/fuzz.sh`) explore this for hours; this test keeps a
//! fixed sample in every run: thousands of copies of the seeds' index with a
//! few bytes changed and every checksum recomputed (forged), so that the
//! changes reach the decoders, opened and searched.

#[path = "../fuzz/checks.rs"]
mod checks;

use bahth::index::format::reseal;
use bahth::{Index, INDEX_BYTES};
use std::panic::{catch_unwind, AssertUnwindSafe};

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

/// Copies of the seeds' index with one to four bytes changed (and one in
/// ten cut short), resealed or not: how many opened, and the rounds that
/// panicked.
fn mutate_and_search(rounds: usize, forge: bool) -> (usize, Vec<usize>) {
    let mut rng = Rng(20_261_123);
    let (mut opened, mut panics) = (0, Vec::new());
    for round in 0..rounds {
        let mut bytes = INDEX_BYTES.to_vec();
        for _ in 0..1 + rng.below(4) {
            let at = rng.below(bytes.len());
            let value = match rng.below(4) {
                0 => 0,
                1 => 0xff,
                2 => bytes[at] ^ (1 << rng.below(8)),
                _ => rng.below(256) as u8,
            };
            // Every change changes something.
            bytes[at] = if value == bytes[at] { !value } else { value };
        }
        if rng.below(10) == 0 {
            bytes.truncate(rng.below(bytes.len()));
        }
        if bytes == INDEX_BYTES {
            continue; // two changes that undid each other
        }
        if forge {
            reseal(&mut bytes);
        }
        match catch_unwind(AssertUnwindSafe(|| checks::opens_and_searches(&bytes))) {
            Ok(true) => opened += 1,
            Ok(false) => {}
            Err(_) => panics.push(round),
        }
    }
    (opened, panics)
}

/// Rounds per run: `BAHTH_MUTATIONS=20000 cargo test --release --test
/// robustness -- --nocapture` repeats the experiment.
fn rounds(default: usize) -> usize {
    std::env::var("BAHTH_MUTATIONS").ok().and_then(|n| n.parse().ok()).unwrap_or(default)
}

#[test]
fn mutated_index_bytes_are_refused_at_open() {
    let rounds = rounds(ROUNDS);
    let (opened, panics) = mutate_and_search(rounds, false);
    println!("mutated: {rounds} copies, {opened} opened, {} panicked", panics.len());
    assert!(panics.is_empty(), "rounds {:?} panicked", &panics[..panics.len().min(10)]);
    // Every byte is under a checksum.
    assert_eq!(opened, 0, "mutated copies opened");
}

#[test]
fn forged_index_bytes_never_panic() {
    let rounds = rounds(ROUNDS);
    let (opened, panics) = mutate_and_search(rounds, true);
    println!("forged: {rounds} copies, {opened} opened, {} panicked", panics.len());
    assert!(
        panics.is_empty(),
        "{} of {rounds} forged indexes panicked (rounds {:?}); {opened} opened",
        panics.len(),
        &panics[..panics.len().min(10)]
    );
    assert!(opened > rounds / 2, "most forgeries still open and must be searched: {opened}");
}

/// Split indexes: each round forges one chunk (1–4 bytes changed, or cut
/// short) and recomputes its checksums and its entry in the core's table,
/// so the chunk is taken and read (see `checks::forged_chunk`).
#[test]
fn forged_chunks_never_panic() {
    let mut rng = Rng(20_261_124);
    let rounds = rounds(ROUNDS) / 3;
    let mut panics = Vec::new();
    for round in 0..rounds {
        let mut input = vec![rng.below(256) as u8];
        for _ in 0..1 + rng.below(4) {
            input.extend((0..4).map(|_| rng.below(256) as u8));
        }
        if rng.below(10) == 0 {
            input.push(rng.below(256) as u8);
        }
        if catch_unwind(|| checks::forged_chunk(&input)).is_err() {
            panics.push(round);
        }
    }
    println!("forged chunks: {rounds} copies, {} panicked", panics.len());
    assert!(panics.is_empty(), "rounds {:?} panicked", &panics[..panics.len().min(10)]);
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

/// Every input that ever crashed a fuzz target, replayed through the same
/// checks (`fuzz/regressions/TARGET/NAME`).
#[test]
fn fuzz_regressions_stay_fixed() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/regressions");
    let mut replayed = 0;
    for (target, check) in checks::TARGETS {
        let Ok(entries) = std::fs::read_dir(root.join(target)) else { continue };
        for entry in entries {
            let path = entry.unwrap().path();
            let input = std::fs::read(&path).unwrap();
            if catch_unwind(|| check(&input)).is_err() {
                panic!("{} fails again", path.display());
            }
            replayed += 1;
        }
    }
    assert!(replayed >= 3, "the regressions folder went missing");
}
