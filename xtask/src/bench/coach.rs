//! Benchmark of the engine's `coach` part.

use anyhow::{bail, Result};

/// Measures, and returns the figures as Markdown.
pub fn run() -> Result<String> {
    bail!("the coach benchmark is not written yet")
}
