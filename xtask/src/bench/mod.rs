//! `cargo xtask bench [classify|guide|coach|pipe]…`: speed and size figures, printed and written to
//! BENCHMARKS.md (each part its own section, with the machine and the command). Never a timed assertion.

mod classify;
mod coach;
mod guide;

use anyhow::{bail, Result};

use crate::benchmarks;

pub fn bench(args: &[String]) -> Result<()> {
    let all = ["classify", "guide", "coach"];
    let parts: Vec<&str> = if args.is_empty() {
        all.to_vec()
    } else {
        args.iter().map(String::as_str).collect()
    };
    for part in parts {
        let markdown = match part {
            "classify" => classify::run()?,
            "guide" => guide::run()?,
            "coach" => coach::run()?,
            other => bail!("unknown bench part {other:?}; known: {all:?}"),
        };
        println!("{markdown}");
        benchmarks::write_section(
            &format!("bench-{part}"),
            &format!("cargo xtask bench {part}"),
            &markdown,
        )?;
    }
    Ok(())
}
