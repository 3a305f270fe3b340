//! Benchmark of the engine's `classify` part.

use anyhow::{bail, Result};

/// Measures, and returns the figures as Markdown.
pub fn run() -> Result<String> {
    bail!("the classify benchmark is not written yet")
}
