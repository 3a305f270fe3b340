//! Why a profile was refused: each problem names the field (a JSON path such as `signature.text`)
//! and is worded in French and in English, so an agency can fix its file without reading code.

use std::fmt;

use crate::text::Lang;

/// One thing wrong with a profile, at one place in it.
#[derive(Debug, Clone, PartialEq)]
pub struct Issue {
    /// Where: a JSON path such as `signature.text` or `gestures[1].issues[0]`; empty for the whole file.
    pub path: String,
    pub problem: Problem,
}

/// What is wrong, with the facts needed to word it in either language.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// The text is not JSON at all.
    NotJson {
        line: usize,
        column: usize,
    },
    /// The file is bigger than any real profile.
    TooLarge {
        bytes: usize,
        limit: usize,
    },
    /// A field the schema does not know (often a typo); `suggestion` is the closest known name.
    UnknownField {
        suggestion: Option<&'static str>,
    },
    Missing,
    /// The value has the wrong JSON type.
    WrongType {
        expected: Expected,
    },
    /// The value is not one of the allowed words.
    NotOneOf {
        found: String,
        allowed: &'static [&'static str],
    },
    Empty,
    TooLong {
        chars: usize,
        limit: usize,
    },
    TooMany {
        count: usize,
        limit: usize,
    },
    OutOfRange {
        min: u64,
        max: u64,
    },
    /// An identifier that is not lowercase letters, digits, `-` and `_`.
    BadId,
    /// A time of day that is not `HH:MM`.
    BadTime,
    /// A support day that closes before it opens.
    ClosesBeforeOpening,
    /// A private channel that would move the person to another platform (P3).
    ChannelOfAnotherPlatform {
        platform: &'static str,
        expected: &'static str,
    },
    /// A page pattern that is neither a URL prefix nor an @handle.
    BadPage,
    /// `schema_version` is absent.
    NoVersion,
    /// `schema_version` is one this engine does not read.
    UnsupportedVersion {
        found: String,
    },
    /// The same word appears twice where it must be unique.
    Duplicate {
        value: String,
    },
}

/// The JSON type a field should have had.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    Object,
    String,
    Bool,
    Integer,
    List,
}

impl Expected {
    fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Expected::Object, Lang::Fr) => "un objet { … }",
            (Expected::String, Lang::Fr) => "un texte entre guillemets",
            (Expected::Bool, Lang::Fr) => "true ou false",
            (Expected::Integer, Lang::Fr) => "un nombre entier",
            (Expected::List, Lang::Fr) => "une liste [ … ]",
            (Expected::Object, _) => "an object { … }",
            (Expected::String, _) => "a quoted text",
            (Expected::Bool, _) => "true or false",
            (Expected::Integer, _) => "a whole number",
            (Expected::List, _) => "a list [ … ]",
        }
    }
}

impl Issue {
    pub fn new(path: impl Into<String>, problem: Problem) -> Self {
        Issue {
            path: path.into(),
            problem,
        }
    }

    /// The issue worded in `lang` (English for anything but French).
    pub fn message(&self, lang: Lang) -> String {
        let fr = lang == Lang::Fr;
        let place = if self.path.is_empty() {
            if fr {
                "le profil".to_string()
            } else {
                "the profile".to_string()
            }
        } else {
            format!("`{}`", self.path)
        };
        let what = match (&self.problem, fr) {
            (Problem::NotJson { line, column }, true) => {
                format!("n'est pas du JSON valide (ligne {line}, colonne {column})")
            }
            (Problem::NotJson { line, column }, false) => {
                format!("is not valid JSON (line {line}, column {column})")
            }
            (Problem::TooLarge { bytes, limit }, true) => {
                format!("fait {bytes} octets ; un profil en fait au plus {limit}")
            }
            (Problem::TooLarge { bytes, limit }, false) => {
                format!("is {bytes} bytes long; a profile is at most {limit}")
            }
            (Problem::UnknownField { suggestion }, true) => match suggestion {
                Some(s) => format!("est un champ inconnu (vouliez-vous dire `{s}` ?)"),
                None => "est un champ inconnu".to_string(),
            },
            (Problem::UnknownField { suggestion }, false) => match suggestion {
                Some(s) => format!("is not a known field (did you mean `{s}`?)"),
                None => "is not a known field".to_string(),
            },
            (Problem::Missing, true) => "est obligatoire et manque".to_string(),
            (Problem::Missing, false) => "is required and missing".to_string(),
            (Problem::WrongType { expected }, true) => {
                format!("doit être {}", expected.name(Lang::Fr))
            }
            (Problem::WrongType { expected }, false) => {
                format!("must be {}", expected.name(Lang::En))
            }
            (Problem::NotOneOf { found, allowed }, true) => {
                format!(
                    "vaut \"{found}\" ; valeurs possibles : {}",
                    quoted_list(allowed)
                )
            }
            (Problem::NotOneOf { found, allowed }, false) => {
                format!("is \"{found}\"; allowed values: {}", quoted_list(allowed))
            }
            (Problem::Empty, true) => "ne doit pas être vide".to_string(),
            (Problem::Empty, false) => "must not be empty".to_string(),
            (Problem::TooLong { chars, limit }, true) => {
                format!("fait {chars} caractères ; maximum {limit}")
            }
            (Problem::TooLong { chars, limit }, false) => {
                format!("is {chars} characters long; at most {limit}")
            }
            (Problem::TooMany { count, limit }, true) => {
                format!("compte {count} éléments ; maximum {limit}")
            }
            (Problem::TooMany { count, limit }, false) => {
                format!("has {count} items; at most {limit}")
            }
            (Problem::OutOfRange { min, max }, true) => {
                format!("doit être compris entre {min} et {max}")
            }
            (Problem::OutOfRange { min, max }, false) => {
                format!("must be between {min} and {max}")
            }
            (Problem::BadId, true) => {
                "ne peut contenir que des minuscules, des chiffres, « - » et « _ »".to_string()
            }
            (Problem::BadId, false) => {
                "may only hold lowercase letters, digits, \"-\" and \"_\"".to_string()
            }
            (Problem::BadTime, true) => "doit être une heure HH:MM (ex. 09:30)".to_string(),
            (Problem::BadTime, false) => "must be a time HH:MM (e.g. 09:30)".to_string(),
            (Problem::ClosesBeforeOpening, true) => {
                "ferme avant d'ouvrir (close doit suivre open)".to_string()
            }
            (Problem::ClosesBeforeOpening, false) => {
                "closes before it opens (close must come after open)".to_string()
            }
            (Problem::ChannelOfAnotherPlatform { platform, expected }, true) => format!(
                "enverrait la personne hors de {platform} ; la conversation privée reste sur la même plateforme : \"{expected}\" ou \"none\" (P3)"
            ),
            (Problem::ChannelOfAnotherPlatform { platform, expected }, false) => format!(
                "would send the person away from {platform}; the private conversation stays on the same platform: \"{expected}\" or \"none\" (P3)"
            ),
            (Problem::BadPage, true) => {
                "doit être un début d'adresse (https://…, x.com/…) ou un @compte".to_string()
            }
            (Problem::BadPage, false) => {
                "must be the start of an address (https://…, x.com/…) or an @handle".to_string()
            }
            (Problem::NoVersion, true) => format!(
                "n'indique pas `schema_version` ; ce moteur lit la version {} (et migre la 0)",
                super::SCHEMA_VERSION
            ),
            (Problem::NoVersion, false) => format!(
                "has no `schema_version`; this engine reads version {} (and migrates 0)",
                super::SCHEMA_VERSION
            ),
            (Problem::UnsupportedVersion { found }, true) => format!(
                "vaut {found} : version inconnue ; ce moteur lit la {} et migre la 0",
                super::SCHEMA_VERSION
            ),
            (Problem::UnsupportedVersion { found }, false) => format!(
                "is {found}: unknown version; this engine reads {} and migrates 0",
                super::SCHEMA_VERSION
            ),
            (Problem::Duplicate { value }, true) => format!("contient \"{value}\" en double"),
            (Problem::Duplicate { value }, false) => format!("holds \"{value}\" twice"),
        };
        format!("{place} {what}")
    }
}

fn quoted_list(words: &[&str]) -> String {
    words
        .iter()
        .map(|w| format!("\"{w}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A refused profile: every issue found, in file order.
#[derive(Debug, Clone, PartialEq)]
pub struct ProfileError {
    pub issues: Vec<Issue>,
}

impl ProfileError {
    pub fn single(path: impl Into<String>, problem: Problem) -> Self {
        ProfileError {
            issues: vec![Issue::new(path, problem)],
        }
    }

    /// Every issue, one per line, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        self.issues
            .iter()
            .map(|i| i.message(lang))
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// The paths named, for tests and tools.
    pub fn paths(&self) -> Vec<&str> {
        self.issues.iter().map(|i| i.path.as_str()).collect()
    }
}

/// English, then French, each issue on its own line.
impl fmt::Display for ProfileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (n, issue) in self.issues.iter().enumerate() {
            if n > 0 {
                writeln!(f)?;
            }
            write!(
                f,
                "{} / {}",
                issue.message(Lang::En),
                issue.message(Lang::Fr)
            )?;
        }
        Ok(())
    }
}

impl std::error::Error for ProfileError {}
