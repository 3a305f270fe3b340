//! `candor guide [--profile FILE] [FILE]`: reply guidance for comments, one JSON object per line.
//!
//! Input, one comment per line: `{"text": "...", "platform": "x", "author": "Marie", "thread": "t1",
//! "id": "123"}` (all but `text` optional; `category` and `flags` may override the classifier's,
//! for practice and tests). Comments with the same `thread` are one thread: their
//! openings differ and their complaints count toward a surge. Output, one line each:
//! `{"category", "lang", "action", "priority", "points": [{"rule", "text", "why"}], "opening"}`, or
//! `{"error": "..."}` for a line that cannot be read — and the tool goes on. A profile that does not
//! validate is refused before any line is read (exit 2), its problems named by field.

use std::collections::HashMap;
use std::fs;
use std::io::{self, BufRead, BufReader, Read, Write};
use std::process::ExitCode;

use serde::Deserialize;
use serde_json::json;

use crate::classify::{classify, Category, Flag};
use crate::guide::{guide, GuideInput, ThreadContext};
use crate::profile::{self, Profile};
use crate::protocol::MAX_TEXT_BYTES;
use crate::thread::Platform;

const USAGE: &str = "usage: candor guide [--profile FILE] [FILE]";

/// One input line.
#[derive(Debug, Deserialize)]
struct Line {
    text: String,
    #[serde(default)]
    platform: Option<Platform>,
    #[serde(default)]
    author: Option<String>,
    #[serde(default)]
    thread: Option<String>,
    #[serde(default)]
    id: Option<String>,
    /// A category to use instead of the classifier's (practice, tests, and until the classifier
    /// lands); `flags` likewise.
    #[serde(default)]
    category: Option<Category>,
    #[serde(default)]
    flags: Option<Vec<Flag>>,
}

struct Options {
    profile: Option<String>,
    input: Option<String>,
}

fn parse_args(args: &[String]) -> Result<Options, String> {
    let mut options = Options {
        profile: None,
        input: None,
    };
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--profile" => match rest.next() {
                Some(file) => options.profile = Some(file.clone()),
                None => return Err("--profile needs a file".into()),
            },
            "-h" | "--help" => return Err(String::new()),
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag}")),
            file if options.input.is_none() => options.input = Some(file.to_string()),
            extra => return Err(format!("one input file at most (got {extra:?} too)")),
        }
    }
    Ok(options)
}

pub fn main(args: &[String]) -> ExitCode {
    let options = match parse_args(args) {
        Ok(o) => o,
        Err(e) if e.is_empty() => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("candor guide: {e}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let profile = match &options.profile {
        None => Profile::default(),
        Some(path) => match load_profile(path) {
            Ok(p) => p,
            Err(e) => {
                eprintln!("candor guide: {e}");
                return ExitCode::from(2);
            }
        },
    };
    let reader: Box<dyn Read> = match &options.input {
        None => Box::new(io::stdin()),
        Some(path) => match fs::File::open(path) {
            Ok(f) => Box::new(f),
            Err(e) => {
                eprintln!("candor guide: cannot read {path}: {e}");
                return ExitCode::from(2);
            }
        },
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    match run(BufReader::new(reader), &mut out, &profile) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("candor guide: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Reads and validates the profile file at `path`; the error names the file and every bad field.
fn load_profile(path: &str) -> Result<Profile, String> {
    let json =
        fs::read_to_string(path).map_err(|e| format!("cannot read the profile {path}: {e}"))?;
    profile::load(&json).map_err(|e| format!("the profile {path} is refused:\n{e}"))
}

/// Guides every line of `input` into `out`; only an I/O failure stops it.
pub fn run(mut input: impl BufRead, out: &mut impl Write, profile: &Profile) -> io::Result<()> {
    let mut threads: HashMap<String, ThreadContext> = HashMap::new();
    let mut line = Vec::new();
    loop {
        line.clear();
        if input.read_until(b'\n', &mut line)? == 0 {
            break;
        }
        let answer = match String::from_utf8(std::mem::take(&mut line)) {
            Err(_) => json!({"error": "the line is not UTF-8 text"}),
            Ok(text) if text.trim().is_empty() => continue,
            Ok(text) => one_line(text.trim_end_matches(['\n', '\r']), profile, &mut threads),
        };
        serde_json::to_writer(&mut *out, &answer)?;
        out.write_all(b"\n")?;
    }
    out.flush()
}

fn one_line(
    text: &str,
    profile: &Profile,
    threads: &mut HashMap<String, ThreadContext>,
) -> serde_json::Value {
    if text.len() > MAX_TEXT_BYTES + 4096 {
        return json!({"error": format!("the line is over {MAX_TEXT_BYTES} bytes")});
    }
    let line: Line = match serde_json::from_str(text) {
        Ok(l) => l,
        Err(e) => return json!({"error": format!("not a comment line: {e}")}),
    };
    if line.text.len() > MAX_TEXT_BYTES {
        return json!({"error": format!("the comment text is over {MAX_TEXT_BYTES} bytes")});
    }
    let mut verdict = classify(&line.text, None);
    if let Some(category) = line.category {
        verdict.category = category;
    }
    if let Some(flags) = line.flags {
        verdict.flags = flags;
    }
    let input = GuideInput {
        text: line.text,
        platform: line.platform,
        author: line.author,
        id: line.id,
    };
    // A comment without a thread is a thread of its own.
    let mut alone = ThreadContext::default();
    let context = match line.thread {
        Some(t) => threads.entry(t).or_default(),
        None => &mut alone,
    };
    let guidance = guide(&input, &verdict, profile, context);
    context.record(&verdict, &guidance);
    serde_json::to_value(&guidance)
        .unwrap_or_else(|e| json!({"error": format!("cannot write the guidance: {e}")}))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(input: &str) -> Vec<serde_json::Value> {
        let mut out = Vec::new();
        run(input.as_bytes(), &mut out, &Profile::default()).unwrap();
        String::from_utf8(out)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    }

    #[test]
    fn answers_every_line_and_survives_bad_ones() {
        let input = concat!(
            "{\"text\": \"Ma commande 48213 n'est toujours pas arrivée depuis lundi\", \"platform\": \"x\", \"thread\": \"a\"}\n",
            "not json\n",
            "{\"text\": 5}\n",
            "\n",
            "{\"text\": \"Where is my order 77120? It has not arrived and the tracking is stuck\", \"thread\": \"a\"}\n",
            "{\"platform\": \"x\"}\n",
        );
        let out = lines(input);
        let kinds: Vec<bool> = out.iter().map(|v| v.get("error").is_some()).collect();
        assert_eq!(kinds, [false, true, true, false, true]);
        for v in out.iter().filter(|v| v.get("error").is_none()) {
            for key in [
                "category", "lang", "action", "priority", "points", "opening",
            ] {
                assert!(v.get(key).is_some(), "{key} missing in {v}");
            }
            let points = v["points"].as_array().unwrap();
            assert!((3..=6).contains(&points.len()), "{v}");
            assert!(points
                .iter()
                .all(|p| p["rule"].as_str().unwrap().starts_with('P')));
        }
    }

    #[test]
    fn a_bad_profile_file_is_refused_naming_the_field() {
        let dir = std::env::temp_dir().join(format!("candor-guide-cli-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let cases = [
            (
                r#"{"schema_version": 1, "id": "a", "name": "A", "signature": {"text": 5}}"#,
                Some("`signature.text`"),
            ),
            (
                r#"{"schema_version": 1, "id": "a", "name": "A", "adress": "tu"}"#,
                Some("`adress`"),
            ),
            (r#"{"schema_version": 1, "id": "a", "name": "A"}"#, None),
        ];
        for (n, (json, named)) in cases.iter().enumerate() {
            let path = dir.join(format!("{n}.candor.json"));
            fs::write(&path, json).unwrap();
            let result = load_profile(path.to_str().unwrap());
            match named {
                Some(field) => {
                    let e = result.unwrap_err();
                    assert!(e.contains(field) && e.contains("refused"), "{e}");
                }
                None => assert!(result.is_ok(), "{json}"),
            }
        }
        assert!(load_profile(dir.join("absent.json").to_str().unwrap())
            .unwrap_err()
            .contains("cannot read"));
        fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn comments_of_one_thread_get_different_openings() {
        let line =
            r#"{"text": "My order 48213 never arrived", "thread": "t", "category": "complaint"}"#;
        let input = [line; 5].join("\n");
        let openings: Vec<String> = lines(&input)
            .iter()
            .filter_map(|v| v["opening"].as_str().map(String::from))
            .collect();
        assert!(openings.len() >= 2, "{openings:?}");
        let mut unique = openings.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), openings.len(), "{openings:?}");
    }

    #[test]
    fn refuses_bad_arguments() {
        let cases: [(&[&str], bool); 5] = [
            (&[], true),
            (&["--profile", "p.json", "in.jsonl"], true),
            (&["--profile"], false),
            (&["--colour"], false),
            (&["a", "b"], false),
        ];
        for (args, ok) in cases {
            let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
            assert_eq!(parse_args(&args).is_ok(), ok, "{args:?}");
        }
    }
}
