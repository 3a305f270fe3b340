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

use serde_json::Value;

use crate::classify::{classify, Category};
use crate::coach::{self, Address, DraftContext, EmojiUse, Voice};
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

/// Why a profile could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
enum ProfileError {
    NotJson(String),
    NotObject,
    /// A field holds the wrong kind of value: the field, what it must be, what it holds.
    Field {
        field: String,
        expected: &'static str,
        found: String,
    },
}

impl std::fmt::Display for ProfileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ProfileError::NotJson(e) => write!(f, "not JSON: {e}"),
            ProfileError::NotObject => write!(f, "the profile must be a JSON object"),
            ProfileError::Field {
                field,
                expected,
                found,
            } => write!(f, "field \"{field}\" must be {expected}, found {found}"),
        }
    }
}

fn wrong(field: impl Into<String>, expected: &'static str, found: &Value) -> ProfileError {
    ProfileError::Field {
        field: field.into(),
        expected,
        found: found.to_string(),
    }
}

/// The voice fields the coach needs, read from a brand profile's JSON.
///
/// MERGE: the lead replaces this with the guide module's `Profile` → `Voice` bridge.
fn voice_from_profile(json: &str) -> Result<Voice, ProfileError> {
    let root: Value =
        serde_json::from_str(json).map_err(|e| ProfileError::NotJson(e.to_string()))?;
    let Value::Object(top) = &root else {
        return Err(ProfileError::NotObject);
    };
    // The fields sit at the top; an object "voice" is read too, for profiles that group them.
    let field = |name: &str| {
        top.get(name)
            .or_else(|| top.get("voice").and_then(|v| v.get(name)))
            .filter(|v| !v.is_null())
    };
    let mut voice = Voice::default();
    if let Some(v) = field("address") {
        voice.address = Some(match v.as_str() {
            Some("tu") => Address::Tu,
            Some("vous") => Address::Vous,
            _ => return Err(wrong("address", "\"tu\" or \"vous\"", v)),
        });
    }
    if let Some(v) = field("avoid") {
        let list = v
            .as_array()
            .ok_or_else(|| wrong("avoid", "a list of strings", v))?;
        for (i, item) in list.iter().enumerate() {
            let word = item
                .as_str()
                .ok_or_else(|| wrong(format!("avoid[{i}]"), "a string", item))?;
            voice.avoid.push(word.to_string());
        }
    }
    if let Some(v) = field("signature") {
        let Value::Object(sig) = v else {
            return Err(wrong(
                "signature",
                "an object {\"text\": \"...\", \"required\": true|false}",
                v,
            ));
        };
        match sig.get("text") {
            Some(Value::String(text)) => voice.signature = Some(text.clone()),
            None | Some(Value::Null) => {}
            Some(other) => return Err(wrong("signature.text", "a string", other)),
        }
        match sig.get("required") {
            Some(Value::Bool(required)) => voice.signature_required = *required,
            None | Some(Value::Null) => {}
            Some(other) => return Err(wrong("signature.required", "true or false", other)),
        }
    }
    if let Some(v) = field("emoji") {
        voice.emoji = match v.as_str() {
            Some("never") => EmojiUse::Never,
            Some("sparingly") => EmojiUse::Sparingly,
            Some("freely") => EmojiUse::Freely,
            _ => return Err(wrong("emoji", "\"never\", \"sparingly\" or \"freely\"", v)),
        };
    }
    Ok(voice)
}

/// The comment's specifics a reply should name: complaint vocabulary, numbers of five digits or
/// more, and names (a capital letter) inside a sentence.
///
/// MERGE: the lead replaces this with the guide module's `key_terms()`.
fn local_key_terms(comment: &str) -> Vec<String> {
    use crate::coach::analysis::Analysis;
    /// Synonym classes of stock-phrase vocabulary: not specifics.
    const GENERIC: &[&str] = &[
        "~sorry",
        "~inconvenience",
        "~caused",
        "~thank",
        "~understanding",
        "~satisfaction",
        "~priority",
        "~feedback",
        "~important",
        "~hesitate",
        "~seriously",
        "~frustration",
        "~understand",
        "~not",
    ];
    let analysis = Analysis::new(comment);
    let mut terms: Vec<String> = Vec::new();
    let mut sentence_start = true;
    let mut last_end = 0;
    for word in &analysis.words {
        let between = analysis.slice(last_end, word.start);
        if between.contains(['.', '!', '?', '\n']) {
            sentence_start = true;
        }
        let written = analysis.slice(word.start, word.end);
        let specific = word.class.is_some_and(|c| !GENERIC.contains(&c))
            || word.text.chars().filter(char::is_ascii_digit).count() >= 5
            || (!sentence_start
                && !word.stop
                && written.chars().count() >= 3
                && written.chars().any(char::is_uppercase));
        if specific
            && !terms
                .iter()
                .any(|t| t.to_lowercase() == written.to_lowercase())
        {
            terms.push(written.to_string());
        }
        sentence_start = false;
        last_end = word.end;
    }
    terms
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
    let voice = match &options.profile {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .map_err(|e| format!("cannot read the profile {path}: {e}"))?;
            voice_from_profile(&text).map_err(|e| format!("profile {path}: {e}"))?
        }
        None => Voice::default(),
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
    ctx.voice = voice;
    ctx.key_terms = local_key_terms(&options.comment);
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

    #[test]
    fn reads_the_profile_or_names_the_field() {
        let cases: &[(&str, Result<Voice, &str>)] = &[
            (
                r#"{"address": "vous", "avoid": ["problème"], "signature": {"text": "— Léa", "required": true}, "emoji": "never", "tone": "warm"}"#,
                Ok(Voice {
                    address: Some(Address::Vous),
                    avoid: vec!["problème".into()],
                    signature: Some("— Léa".into()),
                    signature_required: true,
                    emoji: EmojiUse::Never,
                }),
            ),
            (
                r#"{"voice": {"address": "tu", "emoji": "sparingly"}}"#,
                Ok(Voice {
                    address: Some(Address::Tu),
                    emoji: EmojiUse::Sparingly,
                    ..Voice::default()
                }),
            ),
            (r#"{}"#, Ok(Voice::default())),
            (r#"{"address": null}"#, Ok(Voice::default())),
            (r#"{"address": "toi"}"#, Err("field \"address\"")),
            (r#"{"avoid": "problème"}"#, Err("field \"avoid\"")),
            (r#"{"avoid": ["ok", 3]}"#, Err("field \"avoid[1]\"")),
            (r#"{"signature": "Léa"}"#, Err("field \"signature\"")),
            (
                r#"{"signature": {"text": 5}}"#,
                Err("field \"signature.text\""),
            ),
            (
                r#"{"signature": {"text": "L", "required": "yes"}}"#,
                Err("field \"signature.required\""),
            ),
            (r#"{"emoji": "always"}"#, Err("field \"emoji\"")),
            (r#"[1, 2]"#, Err("must be a JSON object")),
            (r#"{"address": "#, Err("not JSON")),
        ];
        for (json, expected) in cases {
            match (voice_from_profile(json), expected) {
                (Ok(got), Ok(want)) => assert_eq!(&got, want, "{json}"),
                (Err(got), Err(want)) => {
                    let got = got.to_string();
                    assert!(got.contains(want), "{json}: {got}")
                }
                (got, want) => panic!("{json}: got {got:?}, want {want:?}"),
            }
        }
    }

    #[test]
    fn local_key_terms_pick_the_specifics() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Mon colis 48213377 est en retard, merci Chronopost !",
                &["colis", "48213377", "retard", "Chronopost"],
            ),
            (
                "My iPhone arrived with a cracked screen. Thanks for nothing.",
                &["iPhone", "cracked"],
            ),
            ("Bonjour, merci pour votre patience !", &[]),
        ];
        for (comment, expected) in cases {
            assert_eq!(&local_key_terms(comment), expected, "{comment}");
        }
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
