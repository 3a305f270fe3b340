//! `cargo xtask bench`: speed and size figures, into BENCHMARKS.md.

use anyhow::{bail, Result};

pub fn bench(_args: &[String]) -> Result<()> {
    bail!("not written yet")
}
