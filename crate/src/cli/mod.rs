//! The `candor` command-line tool: each subcommand reads lines, writes one JSON object per line,
//! and turns a line it cannot read into `{"error": "..."}` without stopping.

pub mod classify;
pub mod coach;
pub mod guide;

use std::process::ExitCode;

const USAGE: &str = "usage: candor <command> [options]

commands:
  classify [--plain] [FILE]                 one comment per line (JSON with \"text\", or raw text
                                            with --plain); one verdict per line as JSON
  guide [--profile FILE] [FILE]             one comment per line as JSON; one guidance per line
  coach --comment TEXT [--platform facebook|x|linkedin] [--profile FILE] [--author HANDLE]
        [--category CATEGORY] [--previous TEXT]...
                                            the draft reply on standard input; its warnings as JSON
";

/// Runs the tool with `args` (without the program name).
pub fn main(args: &[String]) -> ExitCode {
    match args.first().map(String::as_str) {
        Some("classify") => classify::main(&args[1..]),
        Some("guide") => guide::main(&args[1..]),
        Some("coach") => coach::main(&args[1..]),
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
