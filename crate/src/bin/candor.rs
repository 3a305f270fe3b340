//! `candor` on the command line: the same engine the extension runs.
//!
//! ```text
//! candor classify [--plain] [FILE]
//! ```

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    candor::cli::main(&args)
}
