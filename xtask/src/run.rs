//! `cargo xtask run [--headless]`: build, then Chromium with Candor on the bundled demo thread.

use anyhow::{bail, Result};

pub fn run(_args: &[String]) -> Result<()> {
    bail!("not written yet")
}
