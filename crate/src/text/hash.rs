//! A small, fast, deterministic hasher for the lexicons and the model's hashed features.
//!
//! Owns: the one hash function both the shipped model and the trainer use, so a feature hashed at
//! training time lands in the same bucket at run time (std's SipHash is seeded and slower).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// FNV-1a over bytes, 64-bit: simple, stable across platforms and releases.
#[derive(Default, Clone, Copy)]
pub struct Fnv(u64);

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { FNV_OFFSET } else { self.0 };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(FNV_PRIME);
        }
        self.0 = h;
    }
}

/// A map keyed by strings with the FNV hasher.
pub type FnvMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

/// Hashes `parts` in order, with a separator so ("ab","c") and ("a","bc") differ.
pub fn hash_parts(parts: &[&str]) -> u64 {
    let mut h = FNV_OFFSET;
    for part in parts {
        for &b in part.as_bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(FNV_PRIME);
        }
        h ^= 0xff;
        h = h.wrapping_mul(FNV_PRIME);
    }
    // Final mix so low bits (the bucket) depend on every byte.
    h ^= h >> 29;
    h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h ^ (h >> 32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_stable_and_separate_parts() {
        // Fixed values: the shipped model depends on them never changing.
        let cases: [(&[&str], &[&str], bool); 3] = [
            (&["ab", "c"], &["a", "bc"], false),
            (&["w", "nul"], &["w", "nul"], true),
            (&["w", "nul"], &["b", "nul"], false),
        ];
        for (a, b, same) in cases {
            assert_eq!(hash_parts(a) == hash_parts(b), same, "{a:?} {b:?}");
        }
    }
}
