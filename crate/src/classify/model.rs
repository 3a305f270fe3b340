//! The shipped linear model: hashed features in, one score per head out.
//!
//! Owns: the model file format (written by `cargo xtask train`, read here from `model.bin` with
//! `include_bytes!`) and scoring. Weights are quantised to one signed byte per bucket and head with
//! one scale per head, so the file stays small in the wasm.
//!
//! Weights are rounded to at most [`LEVELS`] steps each side of zero (the byte keeps its `i8`
//! range, but fewer distinct values compress far better in the gzipped wasm). Clipping the largest
//! weights to make the steps finer was tried and cost accuracy: the few large weights matter.
//!
//! Format (little-endian): `b"CNDR"`, version `2u8`, log2 of the bucket count `u8`, head count
//! `u8`, one reserved byte, then per head an `f32` scale and an `f32` bias, then the weights as
//! `i8`, bucket-major (all heads of bucket 0, then bucket 1, …).

use std::fmt;
use std::sync::OnceLock;

/// The heads, in file order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Head {
    /// Complaint vs not (a binary logit).
    Complaint = 0,
    /// Offensive (insult, profanity, hostility) vs not (a binary logit).
    Offensive = 1,
    /// Sentiment, three logits of one softmax.
    Positive = 2,
    Negative = 3,
    Neutral = 4,
}

pub const HEADS: usize = 5;

const MAGIC: &[u8; 4] = b"CNDR";
const HEADER: usize = 8;
const VERSION: u8 = 2;

/// Quantisation steps on each side of zero.
pub const LEVELS: f32 = 31.0;

/// Why a model file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ModelError {
    TooShort,
    BadMagic,
    UnsupportedVersion(u8),
    WrongHeadCount(u8),
    WrongLength { expected: usize, found: usize },
}

impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ModelError::TooShort => write!(f, "model file shorter than its header"),
            ModelError::BadMagic => write!(f, "model file does not start with CNDR"),
            ModelError::UnsupportedVersion(v) => write!(f, "model file version {v} is unknown"),
            ModelError::WrongHeadCount(h) => {
                write!(f, "model file has {h} heads, expected {HEADS}")
            }
            ModelError::WrongLength { expected, found } => {
                write!(f, "model file is {found} bytes, expected {expected}")
            }
        }
    }
}

impl std::error::Error for ModelError {}

/// A model ready to score.
#[derive(Debug, Clone)]
pub struct Model<'a> {
    pub buckets: usize,
    scales: [f32; HEADS],
    biases: [f32; HEADS],
    /// Quantised weights as stored: each byte is an `i8`.
    weights: &'a [u8],
}

impl<'a> Model<'a> {
    /// Reads a model file.
    pub fn parse(bytes: &'a [u8]) -> Result<Model<'a>, ModelError> {
        if bytes.len() < HEADER {
            return Err(ModelError::TooShort);
        }
        if &bytes[..4] != MAGIC {
            return Err(ModelError::BadMagic);
        }
        if bytes[4] != VERSION {
            return Err(ModelError::UnsupportedVersion(bytes[4]));
        }
        let log2 = bytes[5].min(24);
        if usize::from(bytes[6]) != HEADS {
            return Err(ModelError::WrongHeadCount(bytes[6]));
        }
        let buckets = 1usize << log2;
        let params = HEADER + HEADS * 8;
        let expected = params + buckets * HEADS;
        if bytes.len() != expected {
            return Err(ModelError::WrongLength {
                expected,
                found: bytes.len(),
            });
        }
        let f32_at = |at: usize| {
            f32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]])
        };
        let mut scales = [0.0; HEADS];
        let mut biases = [0.0; HEADS];
        for h in 0..HEADS {
            scales[h] = f32_at(HEADER + h * 8);
            biases[h] = f32_at(HEADER + h * 8 + 4);
        }
        let weights = &bytes[params..];
        Ok(Model {
            buckets,
            scales,
            biases,
            weights,
        })
    }

    /// The raw score (logit) of every head for a feature list.
    pub fn scores(&self, features: &[u32]) -> [f32; HEADS] {
        let mut sums = [0i32; HEADS];
        for &f in features {
            let at = f as usize * HEADS;
            if let Some(row) = self.weights.get(at..at + HEADS) {
                for (s, &w) in sums.iter_mut().zip(row) {
                    *s += i32::from(w as i8);
                }
            }
        }
        let mut out = [0.0; HEADS];
        for h in 0..HEADS {
            out[h] = self.biases[h] + sums[h] as f32 * self.scales[h];
        }
        out
    }

    /// Writes a model file from float weights (`weights[bucket][head]`), quantising each head.
    pub fn encode(log2_buckets: u8, biases: [f32; HEADS], weights: &[[f32; HEADS]]) -> Vec<u8> {
        let buckets = 1usize << log2_buckets;
        assert_eq!(weights.len(), buckets, "one row of weights per bucket");
        let mut scales = [0.0f32; HEADS];
        for h in 0..HEADS {
            let max = weights
                .iter()
                .map(|row| row[h].abs())
                .fold(0.0f32, f32::max);
            scales[h] = if max > 0.0 { max / LEVELS } else { 1.0 };
        }
        let mut out = Vec::with_capacity(HEADER + HEADS * 8 + buckets * HEADS);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&[VERSION, log2_buckets, HEADS as u8, 0]);
        for h in 0..HEADS {
            out.extend_from_slice(&scales[h].to_le_bytes());
            out.extend_from_slice(&biases[h].to_le_bytes());
        }
        for row in weights {
            for h in 0..HEADS {
                let q = (row[h] / scales[h]).round().clamp(-LEVELS, LEVELS) as i8;
                out.push(q as u8);
            }
        }
        out
    }
}

/// The model shipped with the crate (see `README.md` beside it for how it was trained).
static SHIPPED_BYTES: &[u8] = include_bytes!("model.bin");

/// The shipped model, or `None` if its file is unreadable (then the rules decide alone).
pub fn shipped() -> Option<&'static Model<'static>> {
    static SHIPPED: OnceLock<Option<Model<'static>>> = OnceLock::new();
    SHIPPED
        .get_or_init(|| Model::parse(SHIPPED_BYTES).ok())
        .as_ref()
}

pub fn sigmoid(x: f32) -> f32 {
    1.0 / (1.0 + (-x).exp())
}

/// Softmax of the three sentiment logits: (positive, negative, neutral).
pub fn sentiment(scores: &[f32; HEADS]) -> [f32; 3] {
    let logits = [
        scores[Head::Positive as usize],
        scores[Head::Negative as usize],
        scores[Head::Neutral as usize],
    ];
    let max = logits.iter().copied().fold(f32::MIN, f32::max);
    let exps = logits.map(|l| (l - max).exp());
    let sum: f32 = exps.iter().sum();
    exps.map(|e| e / sum)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encode_then_parse_scores_close_to_the_floats() {
        let mut weights = vec![[0.0f32; HEADS]; 16];
        weights[3] = [1.0, -2.0, 0.5, 0.0, -0.5];
        weights[7] = [0.25, 1.0, -1.0, 2.0, 0.0];
        let bytes = Model::encode(4, [0.1, 0.2, 0.3, 0.4, 0.5], &weights);
        let model = Model::parse(&bytes).expect("parses");
        let got = model.scores(&[3, 7]);
        let sums = [1.25, -1.0, -0.5, 2.0, -0.5];
        let biases = [0.1, 0.2, 0.3, 0.4, 0.5];
        for h in 0..HEADS {
            let want = biases[h] + sums[h];
            assert!(
                (got[h] - want).abs() < 0.05,
                "head {h}: {} vs {}",
                got[h],
                want
            );
        }
    }

    #[test]
    fn bad_files_are_refused_with_a_reason() {
        let good = Model::encode(2, [0.0; HEADS], &[[0.0; HEADS]; 4]);
        let mut wrong_magic = good.clone();
        wrong_magic[0] = b'X';
        let mut wrong_version = good.clone();
        wrong_version[4] = 9;
        let cases: [(&[u8], ModelError); 4] = [
            (&good[..3], ModelError::TooShort),
            (&wrong_magic, ModelError::BadMagic),
            (&wrong_version, ModelError::UnsupportedVersion(9)),
            (
                &good[..good.len() - 1],
                ModelError::WrongLength {
                    expected: good.len(),
                    found: good.len() - 1,
                },
            ),
        ];
        for (bytes, want) in cases {
            assert_eq!(Model::parse(bytes).unwrap_err(), want);
        }
    }

    #[test]
    fn the_shipped_model_loads() {
        assert!(
            shipped().is_some(),
            "{:?}",
            Model::parse(SHIPPED_BYTES).err()
        );
    }
}
