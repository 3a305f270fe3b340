//! `cargo xtask e2e --pages DIR [--browser chromium|firefox] [--report FILE]`: the end-to-end harness.
//! (Being written: see issue 2.)

use anyhow::{bail, Result};

pub fn main(_args: &[String]) -> Result<()> {
    bail!("the end-to-end harness is not written yet")
}
