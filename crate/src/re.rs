//! One regex API for the engine: the `regex` crate natively, `regex-lite` in wasm.
//!
//! Natively the engine must be fast (its goals are measured there); in the browser it must be small
//! (the full crate costs about 275 KB of gzipped wasm, `regex-lite` a fraction of it). The patterns
//! are written so both read them alike: ASCII word boundaries `(?-u:\b)`, run on folded text, and
//! accented letters spelled out in classes (`[éÉe]`) since `regex-lite`'s `(?i)` folds ASCII only.
//! What still differs: `\s`, `\d` and `\w` are Unicode-aware natively and ASCII in wasm.

#[cfg(not(target_arch = "wasm32"))]
pub use regex::{escape, Regex};
#[cfg(target_arch = "wasm32")]
pub use regex_lite::{escape, Regex};
