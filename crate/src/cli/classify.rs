//! `candor classify`.

use std::process::ExitCode;

pub fn main(_args: &[String]) -> ExitCode {
    eprintln!("candor classify: not written yet");
    ExitCode::from(2)
}
