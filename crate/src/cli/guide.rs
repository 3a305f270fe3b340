//! `candor guide`.

use std::process::ExitCode;

pub fn main(_args: &[String]) -> ExitCode {
    eprintln!("candor guide: not written yet");
    ExitCode::from(2)
}
