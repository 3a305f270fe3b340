//! Benchmark of the engine's `guide` part.

use anyhow::{bail, Result};

/// Measures, and returns the figures as Markdown.
pub fn run() -> Result<String> {
    bail!("the guide benchmark is not written yet")
}
