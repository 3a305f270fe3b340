//! Migration of older profile files to the current schema.
//!
//! Each step turns version N into N+1 on the raw JSON, so a file written years ago still loads and
//! validation (which only knows the current version) names fields as they are spelled today.
//!
//! Version 0 (the pilot's format, `"schema_version": 0`) differs from version 1 by:
//! - `brand` → `name`;
//! - `tutoiement: true|false` → `address: "tu"|"vous"`;
//! - `forbidden_words` → `avoid`;
//! - `signature: "text"` → `signature: {"text": "text", "required": false}`;
//! - `emojis: true|false` → `emoji: "sparingly"|"never"`;
//! - `sites` → `pages`.

use serde_json::{json, Map, Value};

use super::error::{Expected, Problem, ProfileError};
use super::SCHEMA_VERSION;

/// Brings a parsed profile of any supported version to the current one.
pub fn to_current(mut value: Value) -> Result<Value, ProfileError> {
    let Value::Object(map) = &mut value else {
        return Err(ProfileError::single(
            "",
            Problem::WrongType {
                expected: Expected::Object,
            },
        ));
    };
    let version = match map.get("schema_version") {
        None | Some(Value::Null) => return Err(ProfileError::single("", Problem::NoVersion)),
        Some(Value::Number(n)) => match n.as_u64() {
            Some(v) => v,
            None => {
                return Err(ProfileError::single(
                    "schema_version",
                    Problem::UnsupportedVersion {
                        found: n.to_string(),
                    },
                ))
            }
        },
        Some(_) => {
            return Err(ProfileError::single(
                "schema_version",
                Problem::WrongType {
                    expected: Expected::Integer,
                },
            ))
        }
    };
    match version {
        0 => {
            from_0_to_1(map)?;
            Ok(value)
        }
        v if v == u64::from(SCHEMA_VERSION) => Ok(value),
        other => Err(ProfileError::single(
            "schema_version",
            Problem::UnsupportedVersion {
                found: other.to_string(),
            },
        )),
    }
}

fn from_0_to_1(map: &mut Map<String, Value>) -> Result<(), ProfileError> {
    let mut issues = Vec::new();
    let mut rename = |map: &mut Map<String, Value>, old: &str, new: &str| {
        if let Some(v) = map.remove(old) {
            if map.contains_key(new) {
                // Both spellings at once: the file mixes versions; say which field to drop.
                issues.push(super::Issue::new(
                    old,
                    Problem::Duplicate { value: new.into() },
                ));
            } else {
                map.insert(new.into(), v);
            }
        }
    };
    rename(map, "brand", "name");
    rename(map, "forbidden_words", "avoid");
    rename(map, "sites", "pages");

    let mut flag_to_word =
        |map: &mut Map<String, Value>, old: &str, new: &str, yes: &str, no: &str| match map
            .remove(old)
        {
            None | Some(Value::Null) => {}
            Some(Value::Bool(b)) => {
                map.insert(new.into(), json!(if b { yes } else { no }));
            }
            Some(_) => issues.push(super::Issue::new(
                old,
                Problem::WrongType {
                    expected: Expected::Bool,
                },
            )),
        };
    flag_to_word(map, "tutoiement", "address", "tu", "vous");
    flag_to_word(map, "emojis", "emoji", "sparingly", "never");

    match map.get("signature") {
        Some(Value::String(text)) => {
            let text = text.clone();
            map.insert("signature".into(), json!({"text": text, "required": false}));
        }
        None | Some(Value::Null) => {}
        Some(_) => issues.push(super::Issue::new(
            "signature",
            Problem::WrongType {
                expected: Expected::String,
            },
        )),
    }
    map.insert("schema_version".into(), json!(1));
    if issues.is_empty() {
        Ok(())
    } else {
        Err(ProfileError { issues })
    }
}
