//! `cargo xtask eval`: the classifier's scores on `../shared/data`, into BENCHMARKS.md.

use anyhow::{bail, Result};

pub fn eval(_args: &[String]) -> Result<()> {
    bail!("not written yet")
}
