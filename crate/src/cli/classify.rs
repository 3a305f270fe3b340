//! `candor classify [--plain] [FILE]`: one comment per line in, one verdict per line out.
//!
//! Owns: reading lines (JSON objects with `text` and optional `lang`, or raw text with `--plain`)
//! from FILE or standard input, and writing one JSON object per line, buffered. A line that cannot
//! be read becomes `{"error": "..."}` and the run goes on; the exit code is 0 unless the input or
//! output itself fails.

use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Read, Write};
use std::process::ExitCode;

use serde::Deserialize;
use serde_json::json;

use crate::classify::classify;
use crate::text::Lang;

const USAGE: &str = "usage: candor classify [--plain] [FILE]";

#[derive(Deserialize)]
struct Input {
    text: String,
    #[serde(default)]
    lang: Option<String>,
}

/// The verdict (or the error) for one input line, as one JSON line without its newline.
pub fn line_output(line: &str, plain: bool) -> String {
    let (text, lang) = if plain {
        (line.to_string(), None)
    } else {
        match serde_json::from_str::<Input>(line) {
            Ok(input) => {
                let lang = match input.lang.as_deref() {
                    None | Some("") => None,
                    Some("fr") => Some(Lang::Fr),
                    Some("en") => Some(Lang::En),
                    Some("other") => Some(Lang::Other),
                    Some(other) => {
                        return json!({ "error": format!("unknown lang {other:?}: expected fr, en or other") })
                            .to_string()
                    }
                };
                (input.text, lang)
            }
            Err(e) => {
                return json!({ "error": format!("not a JSON object with a \"text\" string: {e}") })
                    .to_string()
            }
        }
    };
    let verdict = classify(&text, lang);
    serde_json::to_string(&verdict).unwrap_or_else(|e| {
        json!({ "error": format!("could not encode the verdict: {e}") }).to_string()
    })
}

/// Reads every line of `input` and writes one output line each.
pub fn run(input: impl Read, output: impl Write, plain: bool) -> io::Result<()> {
    let mut reader = BufReader::with_capacity(1 << 16, input);
    let mut out = BufWriter::with_capacity(1 << 16, output);
    let mut buf = Vec::new();
    loop {
        buf.clear();
        if reader.read_until(b'\n', &mut buf)? == 0 {
            break;
        }
        while buf.last().is_some_and(|&b| b == b'\n' || b == b'\r') {
            buf.pop();
        }
        let response = match std::str::from_utf8(&buf) {
            Ok(line) => line_output(line, plain),
            Err(e) => json!({ "error": format!("line is not UTF-8: {e}") }).to_string(),
        };
        out.write_all(response.as_bytes())?;
        out.write_all(b"\n")?;
    }
    out.flush()
}

pub fn main(args: &[String]) -> ExitCode {
    let mut plain = false;
    let mut file = None;
    for arg in args {
        match arg.as_str() {
            "--plain" => plain = true,
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            other if other.starts_with('-') && other != "-" => {
                eprintln!("candor classify: unknown option {other}\n{USAGE}");
                return ExitCode::from(2);
            }
            other => {
                if file.is_some() {
                    eprintln!("candor classify: one FILE at most\n{USAGE}");
                    return ExitCode::from(2);
                }
                file = Some(other.to_string());
            }
        }
    }
    let stdout = io::stdout().lock();
    let result = match file.as_deref() {
        None | Some("-") => run(io::stdin().lock(), stdout, plain),
        Some(path) => match File::open(path) {
            Ok(f) => run(f, stdout, plain),
            Err(e) => {
                eprintln!("candor classify: cannot open {path}: {e}");
                return ExitCode::from(1);
            }
        },
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (`| head`) is the reader's choice, not a failure.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("candor classify: {e}");
            ExitCode::from(1)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run_on(input: &[u8], plain: bool) -> Vec<serde_json::Value> {
        let mut out = Vec::new();
        run(input, &mut out, plain).expect("runs");
        String::from_utf8(out)
            .expect("utf-8")
            .lines()
            .map(|l| serde_json::from_str(l).expect("each line is JSON"))
            .collect()
    }

    #[test]
    fn each_line_gets_a_verdict_or_an_error() {
        let input = "{\"text\": \"Merci beaucoup !\"}\nnot json\n{\"text\": 3}\n{\"text\": \"hi\", \"lang\": \"de\"}\n{\"text\": \"ok\", \"lang\": \"fr\"}\n\u{ff}\n";
        let mut bytes = input.as_bytes().to_vec();
        // An invalid UTF-8 line in the middle.
        bytes.extend_from_slice(b"\xff\xfe\n{\"text\": \"\"}\n");
        let out = run_on(&bytes, false);
        let kinds: Vec<&str> = out
            .iter()
            .map(|v| {
                if v.get("error").is_some() {
                    "error"
                } else {
                    "verdict"
                }
            })
            .collect();
        assert_eq!(
            kinds,
            ["verdict", "error", "error", "error", "verdict", "error", "error", "verdict"]
        );
        assert_eq!(out[4]["lang"], "fr");
        for v in out.iter().filter(|v| v.get("error").is_none()) {
            for key in ["category", "flags", "confidence", "lang", "cues"] {
                assert!(v.get(key).is_some(), "{key} in {v}");
            }
        }
    }

    #[test]
    fn plain_lines_are_text_and_long_lines_work() {
        let long = "a".repeat(1 << 20);
        let input = format!("you idiot\r\n{{\"text\": \"x\"}}\n{long}\n");
        let out = run_on(input.as_bytes(), true);
        assert_eq!(out.len(), 3);
        assert_eq!(out[0]["category"], "troll");
        assert!(
            out[1].get("error").is_none(),
            "plain mode reads JSON as text"
        );
        assert!(out[2]["cues"]
            .as_array()
            .is_some_and(|c| c.iter().any(|c| c["reason"] == "truncated")));
    }
}
