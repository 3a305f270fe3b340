//! A reader of JSON objects that keeps the path it is at and collects every issue instead of
//! stopping at the first: one run tells an agency all that is wrong with its file, each problem
//! named by field. Typed serde errors cannot do that in two languages, hence this small walker.

use serde_json::{Map, Value};

use super::error::{Expected, Issue, Problem};

/// The longest text any single field may hold, in characters.
pub const MAX_TEXT_CHARS: usize = 500;
/// The most items any list may hold.
pub const MAX_ITEMS: usize = 200;

/// Collects the issues of one reading.
#[derive(Debug, Default)]
pub struct Issues(pub Vec<Issue>);

impl Issues {
    pub fn push(&mut self, path: &str, problem: Problem) {
        self.0.push(Issue::new(path, problem));
    }
}

/// Joins a parent path and a field name into `parent.field`.
pub fn join(parent: &str, key: &str) -> String {
    if parent.is_empty() {
        key.to_string()
    } else {
        format!("{parent}.{key}")
    }
}

/// One JSON object being read, with the fields it allows.
pub struct Obj<'a> {
    map: &'a Map<String, Value>,
    path: String,
    known: &'static [&'static str],
}

impl<'a> Obj<'a> {
    /// Reads `value` at `path` as an object allowing the fields `known`; reports unknown ones.
    pub fn open(
        value: &'a Value,
        path: &str,
        known: &'static [&'static str],
        issues: &mut Issues,
    ) -> Option<Obj<'a>> {
        let Value::Object(map) = value else {
            issues.push(
                path,
                Problem::WrongType {
                    expected: Expected::Object,
                },
            );
            return None;
        };
        for key in map.keys() {
            if !known.contains(&key.as_str()) {
                issues.push(
                    &join(path, key),
                    Problem::UnknownField {
                        suggestion: closest(key, known),
                    },
                );
            }
        }
        Some(Obj {
            map,
            path: path.to_string(),
            known,
        })
    }

    pub fn path_of(&self, key: &str) -> String {
        debug_assert!(self.known.contains(&key), "{key} is not declared");
        join(&self.path, key)
    }

    /// The value of `key`, `None` when absent or null.
    pub fn get(&self, key: &str) -> Option<&'a Value> {
        self.map.get(key).filter(|v| !v.is_null())
    }

    /// A required, non-empty text.
    pub fn text(&self, key: &str, issues: &mut Issues) -> String {
        match self.get(key) {
            None => {
                issues.push(&self.path_of(key), Problem::Missing);
                String::new()
            }
            Some(v) => text_value(v, &self.path_of(key), issues).unwrap_or_default(),
        }
    }

    /// An optional text; empty counts as absent.
    pub fn opt_text(&self, key: &str, issues: &mut Issues) -> Option<String> {
        let v = self.get(key)?;
        let path = self.path_of(key);
        match v {
            Value::String(s) if s.trim().is_empty() => None,
            _ => text_value(v, &path, issues),
        }
    }

    /// An optional list of texts (absent: empty list).
    pub fn texts(&self, key: &str, issues: &mut Issues) -> Vec<String> {
        let path = self.path_of(key);
        let Some(v) = self.get(key) else {
            return Vec::new();
        };
        let Some(items) = list(v, &path, issues) else {
            return Vec::new();
        };
        let mut out: Vec<String> = Vec::with_capacity(items.len());
        for (n, item) in items.iter().enumerate() {
            let item_path = format!("{path}[{n}]");
            if let Some(s) = text_value(item, &item_path, issues) {
                if out.iter().any(|o| o.to_lowercase() == s.to_lowercase()) {
                    issues.push(&item_path, Problem::Duplicate { value: s });
                } else {
                    out.push(s);
                }
            }
        }
        out
    }

    /// One word of `allowed`, or `default` when absent.
    pub fn word(
        &self,
        key: &str,
        allowed: &'static [&'static str],
        default: &'static str,
        issues: &mut Issues,
    ) -> &'static str {
        match self.get(key) {
            None => default,
            Some(v) => word_value(v, &self.path_of(key), allowed, issues).unwrap_or(default),
        }
    }

    pub fn boolean(&self, key: &str, default: bool, issues: &mut Issues) -> bool {
        match self.get(key) {
            None => default,
            Some(Value::Bool(b)) => *b,
            Some(_) => {
                issues.push(
                    &self.path_of(key),
                    Problem::WrongType {
                        expected: Expected::Bool,
                    },
                );
                default
            }
        }
    }

    /// A whole number in `min..=max`, or `default` when absent.
    pub fn number(&self, key: &str, min: u64, max: u64, default: u64, issues: &mut Issues) -> u64 {
        let path = self.path_of(key);
        match self.get(key) {
            None => default,
            Some(Value::Number(n)) => match n.as_u64() {
                Some(v) if (min..=max).contains(&v) => v,
                Some(_) => {
                    issues.push(&path, Problem::OutOfRange { min, max });
                    default
                }
                None if n.as_i64().is_some() => {
                    issues.push(&path, Problem::OutOfRange { min, max });
                    default
                }
                None => {
                    issues.push(
                        &path,
                        Problem::WrongType {
                            expected: Expected::Integer,
                        },
                    );
                    default
                }
            },
            Some(_) => {
                issues.push(
                    &path,
                    Problem::WrongType {
                        expected: Expected::Integer,
                    },
                );
                default
            }
        }
    }
}

/// `v` as a list, capped at [`MAX_ITEMS`].
pub fn list<'a>(v: &'a Value, path: &str, issues: &mut Issues) -> Option<&'a [Value]> {
    match v {
        Value::Array(items) if items.len() > MAX_ITEMS => {
            issues.push(
                path,
                Problem::TooMany {
                    count: items.len(),
                    limit: MAX_ITEMS,
                },
            );
            None
        }
        Value::Array(items) => Some(items),
        _ => {
            issues.push(
                path,
                Problem::WrongType {
                    expected: Expected::List,
                },
            );
            None
        }
    }
}

/// `v` as a trimmed, non-empty text of at most [`MAX_TEXT_CHARS`].
pub fn text_value(v: &Value, path: &str, issues: &mut Issues) -> Option<String> {
    let Value::String(s) = v else {
        issues.push(
            path,
            Problem::WrongType {
                expected: Expected::String,
            },
        );
        return None;
    };
    let s = s.trim();
    let chars = s.chars().count();
    if chars == 0 {
        issues.push(path, Problem::Empty);
        None
    } else if chars > MAX_TEXT_CHARS {
        issues.push(
            path,
            Problem::TooLong {
                chars,
                limit: MAX_TEXT_CHARS,
            },
        );
        None
    } else {
        Some(s.to_string())
    }
}

/// `v` as one of `allowed`.
pub fn word_value(
    v: &Value,
    path: &str,
    allowed: &'static [&'static str],
    issues: &mut Issues,
) -> Option<&'static str> {
    let Value::String(s) = v else {
        issues.push(
            path,
            Problem::WrongType {
                expected: Expected::String,
            },
        );
        return None;
    };
    match allowed.iter().find(|a| **a == s.as_str()) {
        Some(a) => Some(a),
        None => {
            let shown: String = s.chars().take(40).collect();
            issues.push(
                path,
                Problem::NotOneOf {
                    found: shown,
                    allowed,
                },
            );
            None
        }
    }
}

/// The known name closest to a mistyped one, when it is close enough to be the intended one.
pub fn closest(typed: &str, known: &[&'static str]) -> Option<&'static str> {
    let typed = typed.to_lowercase();
    known
        .iter()
        .map(|k| (edit_distance(&typed, k), *k))
        .filter(|(d, k)| *d <= 2.max(k.len() / 4))
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

/// Levenshtein distance over characters; both sides are short field names.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().take(64).enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = if ca == *cb {
                diagonal
            } else {
                1 + diagonal.min(above).min(row[j])
            };
            diagonal = above;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_field_a_typo_meant() {
        let known: &[&str] = &["address", "signature", "emoji", "avoid", "languages"];
        let cases = [
            ("adress", Some("address")),
            ("signatur", Some("signature")),
            ("emojis", Some("emoji")),
            ("Avoid", Some("avoid")),
            ("colour", None),
            ("langauges", Some("languages")),
        ];
        for (typed, expected) in cases {
            assert_eq!(closest(typed, known), expected, "{typed}");
        }
    }
}
