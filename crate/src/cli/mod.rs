//! The `candor` command-line tool: each subcommand reads lines, writes one JSON object per line,
//! and turns a line it cannot read into `{"error": "..."}` without stopping.

use std::process::ExitCode;

const USAGE: &str = "usage: candor <command> [options]

commands:
  classify [--plain] [FILE]   one comment per line (JSON with \"text\", or raw text with --plain),
                              one verdict per line as JSON
";

/// Runs the tool with `args` (without the program name).
pub fn main(args: &[String]) -> ExitCode {
    match args.first().map(String::as_str) {
        Some("-h" | "--help" | "help") => {
            print!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprint!("{USAGE}");
            ExitCode::from(2)
        }
    }
}
