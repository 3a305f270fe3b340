//! Small readers of the JSON the harness gets back from pages, its scripts and the extension:
//! a script's answer, a list of strings, one field of every item, two fields of every item, counts
//! per key. Each suite reads these shapes; they are read here once, forgiving in the same way
//! everywhere (a missing list is empty, an item without the field is skipped or reads as "").

use std::collections::BTreeMap;

use anyhow::{anyhow, bail, Result};
use serde_json::Value;

/// The JSON text a harness script answered (`done(JSON.stringify(…))`), parsed; `what` names the
/// script in errors. A script reports its own failure (a rejected promise, a failed import) as
/// `harness_error`: that is an error too.
pub fn script_answer(raw: &Value, what: &str) -> Result<Value> {
    let text = raw
        .as_str()
        .ok_or_else(|| anyhow!("{what} answered {raw}"))?;
    let answer: Value = serde_json::from_str(text)?;
    if let Some(e) = answer.get("harness_error") {
        bail!("{what} failed: {e}");
    }
    Ok(answer)
}

/// The strings of a JSON list; anything else in it is skipped, and a non-list is empty.
pub fn strings(list: &Value) -> Vec<String> {
    items(list)
        .filter_map(|x| x.as_str().map(str::to_string))
        .collect()
}

/// Field `key` of every item of a JSON list, where it is a string (other items are skipped).
pub fn field_strings(list: &Value, key: &str) -> Vec<String> {
    items(list)
        .filter_map(|x| x[key].as_str().map(str::to_string))
        .collect()
}

/// Fields `first` and `second` of every item of a JSON list, as strings ("" where one is
/// missing or not a string): e.g. (id, text) of each comment.
pub fn string_pairs(list: &Value, first: &str, second: &str) -> Vec<(String, String)> {
    let text = |item: &Value, key: &str| item[key].as_str().unwrap_or_default().to_string();
    items(list)
        .map(|item| (text(item, first), text(item, second)))
        .collect()
}

/// A JSON object of counts, key by key (a value that is not a count reads as 0); a non-object is
/// empty.
pub fn counts(object: &Value) -> BTreeMap<String, u64> {
    object
        .as_object()
        .map(|m| {
            m.iter()
                .map(|(k, v)| (k.clone(), v.as_u64().unwrap_or(0)))
                .collect()
        })
        .unwrap_or_default()
}

fn items(list: &Value) -> impl Iterator<Item = &Value> {
    list.as_array().into_iter().flatten()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_script_answer_is_its_json_text_and_a_reported_failure_is_an_error() {
        let ok = script_answer(
            &json!(r#"{"type": "Threads", "threads": []}"#),
            "GetThreads",
        );
        assert_eq!(ok.unwrap(), json!({"type": "Threads", "threads": []}));
        assert_eq!(script_answer(&json!("null"), "x").unwrap(), Value::Null);
        let cases = [
            (
                json!({"type": "Threads"}),
                "GetThreads answered {\"type\":\"Threads\"}",
            ),
            (json!(null), "GetThreads answered null"),
            (
                json!(r#"{"harness_error": "no receiver"}"#),
                "GetThreads failed: \"no receiver\"",
            ),
        ];
        for (raw, want) in cases {
            let error = script_answer(&raw, "GetThreads").unwrap_err();
            assert_eq!(error.to_string(), want, "{raw}");
        }
        assert!(script_answer(&json!("{not json"), "GetThreads").is_err());
    }

    #[test]
    fn lists_of_strings_skip_what_is_not_one() {
        let cases = [
            (json!(["P1", "P3"]), vec!["P1", "P3"]),
            (
                json!(["P1", 4, null, {"rule": "P2"}, "P9"]),
                vec!["P1", "P9"],
            ),
            (json!([]), vec![]),
            (json!(null), vec![]),
            (json!("P1"), vec![]),
        ];
        for (list, want) in cases {
            assert_eq!(strings(&list), want, "{list}");
        }
    }

    #[test]
    fn one_field_of_each_item_is_read_where_it_is_a_string() {
        let list = json!([{"rule": "P1"}, {"rule": 7}, {"other": "x"}, "P5", {"rule": "P16"}]);
        assert_eq!(field_strings(&list, "rule"), ["P1", "P16"]);
        assert_eq!(field_strings(&list, "other"), ["x"]);
        assert!(field_strings(&json!({"rule": "P1"}), "rule").is_empty());
    }

    #[test]
    fn pairs_keep_every_item_with_empty_text_for_a_missing_field() {
        let list = json!([
            {"id": "1", "text": "late again"},
            {"id": "2"},
            {"text": 3, "id": "3"},
        ]);
        let pair = |a: &str, b: &str| (a.to_string(), b.to_string());
        assert_eq!(
            string_pairs(&list, "id", "text"),
            vec![pair("1", "late again"), pair("2", ""), pair("3", "")]
        );
        assert!(string_pairs(&json!(null), "id", "text").is_empty());
    }

    #[test]
    fn counts_read_every_key_and_a_non_count_as_zero() {
        let read = counts(&json!({"complaint": 2, "praise": 0, "spam": "x", "troll": -1}));
        let want: BTreeMap<String, u64> =
            [("complaint", 2), ("praise", 0), ("spam", 0), ("troll", 0)]
                .into_iter()
                .map(|(k, n)| (k.to_string(), n))
                .collect();
        assert_eq!(read, want);
        assert!(counts(&json!([1, 2])).is_empty());
    }
}
