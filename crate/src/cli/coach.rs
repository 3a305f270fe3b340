//! `candor coach`.

use std::process::ExitCode;

pub fn main(_args: &[String]) -> ExitCode {
    eprintln!("candor coach: not written yet");
    ExitCode::from(2)
}
