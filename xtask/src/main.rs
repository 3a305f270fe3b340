//! `cargo xtask …`: Candor's tasks, each one command that installs what it lacks.
//!
//! | task | does |
//! |---|---|
//! | `build` | the engine to wasm, then the extension in `dist/chrome` and `dist/firefox` |
//! | `run [--headless]` | build, then Chromium with Candor on its practice page and the bundled demo thread |
//! | `test` | every check: fmt, clippy, native tests, wasm tests in Chromium, web-ext lint, end-to-end in Chromium and Firefox |
//! | `package` | build, then the store zips in `dist/` |
//! | `e2e --pages DIR [--browser chromium\|firefox] [--report FILE]` | the end-to-end harness |
//! | `eval` | the classifier's scores on `../shared/data`, into BENCHMARKS.md |
//! | `bench` | speed and size, into BENCHMARKS.md |

mod bench;
mod benchmarks;
mod build;
mod e2e;
mod eval;
mod expect;
mod package;
mod run;
mod test;
mod tools;
mod train;

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: cargo xtask <build|run [--headless]|test|package|e2e --pages DIR [--browser chromium|firefox] [--report FILE]|eval|bench>";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("build") => build::build().map(|_| ()),
        Some("package") => package::package(),
        Some("run") => run::run(&args[1..]),
        Some("test") => test::test(&args[1..]),
        Some("e2e") => e2e::main(&args[1..]),
        Some("eval") => eval::eval(&args[1..]),
        Some("train") => train::train(&args[1..]),
        Some("bench") => bench::bench(&args[1..]),
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            Ok(())
        }
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e:#}");
            ExitCode::FAILURE
        }
    }
}

/// The workspace root (the folder holding `manifest.json`).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask sits inside the workspace")
        .to_path_buf()
}
