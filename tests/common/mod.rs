//! What several test files share.

/// A deterministic draw of numbers below `n` (a 64-bit LCG seeded with
/// `seed`): test corpora are random-looking, and the same on every run.
pub fn draws(seed: u64) -> impl FnMut(usize) -> usize {
    let mut state = seed;
    move |n: usize| {
        state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (state >> 33) as usize % n
    }
}
