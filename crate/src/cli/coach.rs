//! `candor coach`: the reply coach on the command line.
//!
//! ```text
//! candor coach --comment TEXT [--platform facebook|x|linkedin] [--profile FILE] [--author HANDLE]
//!              [--category CATEGORY] [--previous TEXT]...
//! ```
//!
//! Reads the draft reply on standard input (one trailing line break is dropped) and prints
//! `{"warnings": [{"rule", "check", "start", "end", "message"}]}`. `--category` sets the comment's
//! category by hand (the classifier decides otherwise); `--previous` is a reply the brand already
//! posted in the thread, once per reply. A bad flag or an unreadable profile: a message on stderr
//! naming the flag or the field, exit status 2.

use std::io::Read;
use std::process::ExitCode;

use crate::assist;
use crate::classify::{classify, Category};
use crate::coach::{self, DraftContext};
use crate::profile::Profile;
use crate::text::Lang;
use crate::thread::Platform;

const USAGE: &str = "usage: candor coach --comment TEXT [--platform facebook|x|linkedin] [--profile FILE] [--author HANDLE] [--category complaint|question|praise|troll|spam|neutral] [--previous TEXT]...
the draft reply is read on standard input";

/// The command line, read.
#[derive(Debug, Default, PartialEq)]
struct Options {
    comment: String,
    platform: Option<Platform>,
    profile: Option<String>,
    author: Option<String>,
    category: Option<Category>,
    previous: Vec<String>,
}

fn parse(args: &[String]) -> Result<Options, String> {
    let mut options = Options::default();
    let mut comment = None;
    let mut rest = args.iter();
    while let Some(flag) = rest.next() {
        if flag == "-h" || flag == "--help" {
            return Err(String::new());
        }
        let mut value = || {
            rest.next()
                .cloned()
                .ok_or_else(|| format!("{flag} needs a value"))
        };
        match flag.as_str() {
            "--comment" => comment = Some(value()?),
            "--platform" => {
                let v = value()?;
                options.platform = Some(match v.to_lowercase().as_str() {
                    "facebook" => Platform::Facebook,
                    "x" | "twitter" => Platform::X,
                    "linkedin" => Platform::Linkedin,
                    _ => {
                        return Err(format!(
                            "--platform {v:?}: expected facebook, x or linkedin"
                        ))
                    }
                });
            }
            "--profile" => options.profile = Some(value()?),
            "--author" => options.author = Some(value()?),
            "--category" => {
                let v = value()?;
                let category = Category::ALL
                    .into_iter()
                    .find(|c| c.as_str() == v.to_lowercase())
                    .ok_or_else(|| {
                        format!("--category {v:?}: expected complaint, question, praise, troll, spam or neutral")
                    })?;
                options.category = Some(category);
            }
            "--previous" => options.previous.push(value()?),
            other => return Err(format!("unknown option {other:?}")),
        }
    }
    options.comment = comment.ok_or("--comment TEXT is required")?;
    Ok(options)
}

/// The draft as typed: one trailing line break (what `echo` adds) is not part of it.
fn draft_from(input: &str) -> &str {
    input
        .strip_suffix("\r\n")
        .or_else(|| input.strip_suffix('\n'))
        .unwrap_or(input)
}

fn run(args: &[String]) -> Result<String, String> {
    let options = parse(args)?;
    let profile = match &options.profile {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .map_err(|e| format!("cannot read the profile {path}: {e}"))?;
            crate::profile::load(&text)
                .map_err(|e| format!("profile {path}: {}", e.message(Lang::En)))?
        }
        None => Profile::default(),
    };
    let mut input = Vec::new();
    std::io::stdin()
        .read_to_end(&mut input)
        .map_err(|e| format!("cannot read the draft on standard input: {e}"))?;
    let input = String::from_utf8(input)
        .map_err(|_| "the draft on standard input is not UTF-8 text".to_string())?;
    let mut verdict = classify(&options.comment, None);
    if let Some(category) = options.category {
        verdict.category = category;
    }
    let mut ctx = DraftContext::new(options.comment.clone(), verdict);
    ctx.platform = options.platform;
    ctx.author_handle = options.author;
    ctx.brand_replies = options.previous;
    ctx.voice = assist::voice(&profile);
    ctx.key_terms = crate::guide::extract(&options.comment, &profile).key_terms();
    let warnings = coach::check(draft_from(&input), &ctx);
    Ok(serde_json::json!({ "warnings": warnings }).to_string())
}

pub fn main(args: &[String]) -> ExitCode {
    match run(args) {
        Ok(json) => {
            use std::io::Write;
            match writeln!(std::io::stdout().lock(), "{json}") {
                Ok(()) => ExitCode::SUCCESS,
                // The reader went away (`| head`): nothing left to tell it.
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("candor coach: cannot write the result: {e}");
                    ExitCode::FAILURE
                }
            }
        }
        Err(message) if message.is_empty() => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("candor coach: {message}\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn reads_flags_or_names_the_bad_one() {
        let cases: &[(&[&str], Result<(), &str>)] = &[
            (&["--comment", "Où est mon colis ?"], Ok(())),
            (
                &[
                    "--comment",
                    "c",
                    "--platform",
                    "X",
                    "--author",
                    "@sam",
                    "--category",
                    "complaint",
                    "--previous",
                    "p",
                ],
                Ok(()),
            ),
            (&[], Err("--comment TEXT is required")),
            (&["--comment"], Err("--comment needs a value")),
            (
                &["--comment", "c", "--platform", "myspace"],
                Err("--platform \"myspace\""),
            ),
            (
                &["--comment", "c", "--category", "rant"],
                Err("--category \"rant\""),
            ),
            (
                &["--comment", "c", "--draft", "d"],
                Err("unknown option \"--draft\""),
            ),
        ];
        for (list, expected) in cases {
            match (parse(&args(list)), expected) {
                (Ok(_), Ok(())) => {}
                (Err(got), Err(want)) => assert!(got.contains(want), "{list:?}: {got}"),
                (got, want) => panic!("{list:?}: got {got:?}, want {want:?}"),
            }
        }
        let options = parse(&args(&[
            "--comment",
            "c",
            "--platform",
            "linkedin",
            "--previous",
            "a",
            "--previous",
            "b",
        ]))
        .unwrap();
        assert_eq!(options.platform, Some(Platform::Linkedin));
        assert_eq!(options.previous, ["a", "b"]);
    }

    /// A bad profile is refused before the draft is read, with the field named.
    #[test]
    fn a_bad_profile_is_refused_naming_the_field() {
        let dir = std::env::temp_dir().join(format!("candor-coach-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let cases = [
            (r#"{"schema_version": 1, "address": "toi"}"#, "address"),
            (r#"{"schema_version": 1, "avoid": "problème"}"#, "avoid"),
            (r#"{"schema_version": 1, "adress": "tu"}"#, "adress"),
            (r#"{"schema_version": 1, "address": "#, "JSON"),
        ];
        for (n, (json, field)) in cases.iter().enumerate() {
            let path = dir.join(format!("p{n}.json"));
            std::fs::write(&path, json).unwrap();
            let path = path.to_string_lossy().into_owned();
            let err = run(&args(&["--comment", "c", "--profile", &path])).unwrap_err();
            assert!(err.contains(field), "{json}: {err}");
        }
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn one_trailing_line_break_is_not_the_draft() {
        let cases: &[(&str, &str)] = &[
            ("Merci\n", "Merci"),
            ("Merci\r\n", "Merci"),
            ("Merci\n\n", "Merci\n"),
            ("", ""),
        ];
        for (input, draft) in cases {
            assert_eq!(draft_from(input), *draft);
        }
    }
}
