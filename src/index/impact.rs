//! How much one occurrence count weighs in one document: BM25's term
//! frequency saturation and length normalization.
//!
//! Shared by the builder, which stores each block's largest weight (its
//! *impact*) so that the engine can skip blocks that cannot reach the top
//! results, and by the ranking, which computes the exact weight of the
//! documents it does look at. Both use the same lossy one-byte document
//! length, so a stored bound is never below an exact weight.

/// BM25's saturation and length-normalization parameters.
pub const K1: f32 = 1.2;
pub const B: f32 = 0.75;
/// A word in the title counts this many times.
pub const TITLE_TF: u32 = 3;
/// Codes from 128 on grow by this factor: 16 steps per doubling.
const GROWTH: f32 = 1.044_273_8;
/// The largest weight: `tf / (tf + k) × (K1 + 1)` stays below `K1 + 1`.
const MAX_WEIGHT: f32 = K1 + 1.0;

/// Document lengths (in tokens) as one-byte codes, and the BM25 weight of a
/// term frequency in a document of each code.
pub struct Norms {
    lengths: [f32; 256],
    denominators: [f32; 256],
}

impl Norms {
    /// Norms for a corpus whose documents average `average_length` tokens.
    pub fn new(average_length: f32) -> Norms {
        let mut lengths = [0.0; 256];
        for (code, slot) in lengths.iter_mut().enumerate() {
            *slot = if code < 128 {
                code as f32
            } else {
                // Exact powers of two, GROWTH steps between them.
                let (doublings, steps) = ((code - 128) / 16, (code - 128) % 16);
                (0..steps).fold((128u32 << doublings) as f32, |l, _| l * GROWTH)
            };
        }
        let average = average_length.max(1.0);
        let denominators = lengths.map(|l| K1 * (1.0 - B + B * l / average));
        Norms { lengths, denominators }
    }

    /// The code of a length: exact below 128, then the largest code whose
    /// length does not exceed it.
    pub fn code(&self, length: u32) -> u8 {
        if length < 128 {
            return length as u8;
        }
        (128..256).rev().find(|&c| self.lengths[c] <= length as f32).unwrap_or(128) as u8
    }

    /// BM25's weight of `tf` occurrences in a document of length `code`.
    pub fn weight(&self, tf: u32, code: u8) -> f32 {
        let tf = tf as f32;
        tf * MAX_WEIGHT / (tf + self.denominators[code as usize])
    }
}

/// A weight rounded up to one byte (for block maxima).
pub fn impact(weight: f32) -> u8 {
    (weight / MAX_WEIGHT * 255.0).ceil().clamp(0.0, 255.0) as u8
}

/// The largest weight an impact byte stands for (never below the weights it
/// was made from, float rounding included).
pub fn impact_bound(impact: u8) -> f32 {
    f32::from(impact) / 255.0 * MAX_WEIGHT * 1.000_01
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn length_codes() {
        let norms = Norms::new(50.0);
        assert_eq!(norms.code(0), 0);
        assert_eq!(norms.code(127), 127);
        assert_eq!(norms.code(128), 128);
        assert_eq!(norms.code(256), 144, "16 codes per doubling");
        assert_eq!(norms.code(1_000_000), 255);
        for len in [130, 500, 4000] {
            let decoded = norms.lengths[norms.code(len) as usize];
            assert!(decoded <= len as f32 && decoded > len as f32 / GROWTH - 1.0, "{len} → {decoded}");
        }
    }

    #[test]
    fn weights_saturate_and_shrink_with_length() {
        let norms = Norms::new(50.0);
        let short = norms.code(10);
        let long = norms.code(500);
        assert!(norms.weight(1, short) > norms.weight(1, long));
        assert!(norms.weight(3, short) > norms.weight(1, short));
        assert!(norms.weight(1000, short) < MAX_WEIGHT);
    }

    #[test]
    fn impact_bounds_every_weight() {
        let norms = Norms::new(37.5);
        for code in [0, 1, 7, 60, 127, 128, 200, 255] {
            for tf in [1, 2, 3, 5, 40, 100_000] {
                let w = norms.weight(tf, code);
                assert!(impact_bound(impact(w)) >= w, "tf {tf} code {code}: {w}");
            }
        }
        assert_eq!(impact(0.0), 0);
        assert_eq!(impact(MAX_WEIGHT), 255);
    }
}
