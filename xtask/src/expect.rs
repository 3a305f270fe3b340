//! Judging an end-to-end report against a fixture's expectations (the `expect` block of its
//! `.expect.json`, described in tests/README.md). The harness only serves pages and reports what the
//! extension read; this module says whether that is right, and why not.

use serde_json::Value;

/// The comment fields every expectation checks, and those checked only when the fixture gives them.
const ALWAYS: [&str; 5] = ["id", "author", "depth", "parent_id", "by_brand"];
const WHEN_GIVEN: [&str; 3] = ["text", "truncated", "category"];

/// Every way `page` (one page of a harness report) falls short of `expect`; empty when it passes.
pub fn check_page(page: &Value, expect: &Value) -> Vec<String> {
    let mut problems = Vec::new();
    for (key, label) in [
        ("console_errors", "console error from the extension"),
        ("extension_errors", "error reported by the extension"),
        (
            "extension_requests",
            "network request made by the extension",
        ),
    ] {
        for item in page[key].as_array().into_iter().flatten() {
            if key != "console_errors" || is_extension_error(item) {
                problems.push(format!("{label}: {}", short(item)));
            }
        }
    }

    let reported = page["comments"].as_array().cloned().unwrap_or_default();
    let recognised = expect["recognised"].as_bool().unwrap_or(true);
    if !recognised {
        if page["status"].as_str() != Some("unreadable") {
            problems.push(format!(
                "the page should be reported as not recognised, status is {}",
                page["status"]
            ));
        }
        if !reported.is_empty() {
            problems.push(format!(
                "a page that is not recognised should yield no comment, got {}",
                reported.len()
            ));
        }
        return problems;
    }
    if let Some(platform) = expect["platform"].as_str() {
        if page["platform"].as_str() != Some(platform) {
            problems.push(format!(
                "platform should be {platform}, is {}",
                page["platform"]
            ));
        }
    }

    let expected = expect["comments"].as_array().cloned().unwrap_or_default();
    for want in &expected {
        let id = want["id"].as_str().unwrap_or_default();
        let Some(got) = reported.iter().find(|c| c["id"].as_str() == Some(id)) else {
            problems.push(format!("comment {id} was not read"));
            continue;
        };
        for field in ALWAYS
            .iter()
            .chain(WHEN_GIVEN.iter().filter(|f| !want[**f].is_null()))
        {
            let want_value = normalise(field, &want[*field]);
            let got_value = normalise(field, &got[*field]);
            if want_value != got_value {
                problems.push(format!(
                    "comment {id}: {field} should be {want_value}, is {got_value}"
                ));
            }
        }
        if let Some(part) = want["text_contains"].as_str() {
            if !got["text"].as_str().unwrap_or_default().contains(part) {
                problems.push(format!(
                    "comment {id}: text should contain {part:?}, is {}",
                    short(&got["text"])
                ));
            }
        }
    }
    if let Some(want) = expect.get("summary").filter(|s| !s.is_null()) {
        problems.extend(check_summary(&page["summary"], want));
    }
    if expect["exact"].as_bool().unwrap_or(false) {
        for got in &reported {
            let id = got["id"].as_str().unwrap_or_default();
            if !expected.iter().any(|w| w["id"].as_str() == Some(id)) {
                problems.push(format!(
                    "comment {id} was read but the fixture does not expect it ({})",
                    short(&got["text"])
                ));
            }
        }
    }
    problems
}

/// How the report's thread summary falls short of the expected one: every category's count exactly
/// (a category the fixture leaves out must be 0), `unanswered` and `repeat_authors` as sets, `crisis`.
pub fn check_summary(got: &Value, want: &Value) -> Vec<String> {
    if !got.is_object() {
        return vec!["the thread carries no summary".into()];
    }
    let mut problems = Vec::new();
    let count = |side: &Value, key: &str| side["counts"][key].as_u64().unwrap_or(0);
    let mut categories: Vec<&String> = want["counts"]
        .as_object()
        .into_iter()
        .flat_map(|m| m.keys())
        .chain(got["counts"].as_object().into_iter().flat_map(|m| m.keys()))
        .collect();
    categories.sort();
    categories.dedup();
    if want.get("counts").is_some() {
        for category in categories {
            let (w, g) = (count(want, category), count(got, category));
            if w != g {
                problems.push(format!("summary: {category} count should be {w}, is {g}"));
            }
        }
    }
    for key in ["unanswered", "repeat_authors"] {
        let Some(wanted) = want[key].as_array() else {
            continue;
        };
        let as_set = |v: &Value| -> std::collections::BTreeSet<String> {
            v.as_array()
                .into_iter()
                .flatten()
                .map(|x| {
                    x.as_str()
                        .map(str::to_string)
                        .unwrap_or_else(|| x.to_string())
                })
                .collect()
        };
        let (w, g) = (as_set(&Value::Array(wanted.clone())), as_set(&got[key]));
        if w != g {
            problems.push(format!("summary: {key} should be {w:?}, is {g:?}"));
        }
    }
    if let Some(crisis) = want["crisis"].as_bool() {
        if got["crisis"].as_bool() != Some(crisis) {
            problems.push(format!(
                "summary: crisis should be {crisis}, is {}",
                got["crisis"]
            ));
        }
    }
    problems
}

/// A console entry that comes from the extension's own code (not the page's scripts).
fn is_extension_error(entry: &Value) -> bool {
    let text = entry.to_string();
    text.contains("chrome-extension://")
        || text.contains("moz-extension://")
        || text.contains("candor")
}

/// Missing and `null` parent ids are the same; missing `depth`/`by_brand` take their defaults.
fn normalise(field: &str, value: &Value) -> Value {
    match (field, value) {
        ("depth", Value::Null) => Value::from(0),
        ("by_brand" | "truncated", Value::Null) => Value::Bool(false),
        _ => value.clone(),
    }
}

fn short(value: &Value) -> String {
    let text = value
        .as_str()
        .map(str::to_string)
        .unwrap_or_else(|| value.to_string());
    let mut out: String = text.chars().take(80).collect();
    if text.chars().count() > 80 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn page(comments: Value) -> Value {
        json!({"file": "p.html", "url": "https://x.com/a/status/1", "platform": "x", "status": "reading",
               "comments": comments, "console_errors": [], "extension_errors": [], "extension_requests": []})
    }

    fn ann() -> Value {
        json!({"id": "2", "author": "Ann", "text": "Third outage this week", "depth": 0, "parent_id": null,
               "by_brand": false, "category": "complaint", "flags": [], "truncated": false})
    }

    #[test]
    fn judges_pages() {
        let expect_ann = json!({"platform": "x", "exact": true, "comments": [
            {"id": "2", "author": "Ann", "depth": 0, "parent_id": null, "by_brand": false, "text_contains": "outage"}]});
        let mut wrong_author = ann();
        wrong_author["author"] = json!("Bob");
        let mut with_request = page(json!([ann()]));
        with_request["extension_requests"] =
            json!([{"method": "GET", "host": "evil.example", "path": "/"}]);
        let mut page_error = page(json!([ann()]));
        page_error["console_errors"] =
            json!([{"text": "page's own bug", "source": "https://x.com/a/status/1"}]);
        let mut extension_error = page(json!([ann()]));
        extension_error["console_errors"] = json!([{"text": "TypeError", "source": "chrome-extension://abc/extension/content/x.js"}]);
        let mut unreadable = page(json!([]));
        unreadable["status"] = json!("unreadable");

        let cases: Vec<(&str, Value, Value, usize)> = vec![
            (
                "all as expected",
                page(json!([ann()])),
                expect_ann.clone(),
                0,
            ),
            ("missing comment", page(json!([])), expect_ann.clone(), 1),
            (
                "wrong author",
                page(json!([wrong_author])),
                expect_ann.clone(),
                1,
            ),
            (
                "extra comment with exact",
                page(json!([ann(), {"id": "3", "text": "x"}])),
                expect_ann.clone(),
                1,
            ),
            (
                "extra comment without exact",
                page(json!([ann(), {"id": "3", "text": "x"}])),
                json!({"comments": expect_ann["comments"].clone()}),
                0,
            ),
            (
                "text_contains fails",
                page(json!([ann()])),
                json!({"comments": [{"id": "2", "author": "Ann", "text_contains": "praise"}]}),
                1,
            ),
            (
                "category checked when given",
                page(json!([ann()])),
                json!({"comments": [{"id": "2", "author": "Ann", "category": "praise"}]}),
                1,
            ),
            ("extension request", with_request, expect_ann.clone(), 1),
            (
                "page's own console error is not ours",
                page_error,
                expect_ann.clone(),
                0,
            ),
            (
                "extension console error",
                extension_error,
                expect_ann.clone(),
                1,
            ),
            (
                "wrong platform",
                page(json!([ann()])),
                json!({"platform": "facebook", "comments": []}),
                1,
            ),
            (
                "not recognised, as expected",
                unreadable,
                json!({"recognised": false}),
                0,
            ),
            (
                "should not be recognised",
                page(json!([ann()])),
                json!({"recognised": false}),
                2,
            ),
        ];
        for (name, page, expect, problems) in cases {
            let found = check_page(&page, &expect);
            assert_eq!(found.len(), problems, "{name}: {found:?}");
        }
    }

    #[test]
    fn judges_summaries() {
        let got = json!({"counts": {"complaint": 2, "question": 1, "praise": 0}, "total": 3,
                         "unanswered": ["4", "9"], "repeat_authors": ["Ann"], "crisis": false});
        let want = json!({"counts": {"complaint": 2, "question": 1},
                          "unanswered": ["9", "4"], "repeat_authors": ["Ann"], "crisis": false});
        let with = |key: &str, value: Value| {
            let mut w = want.clone();
            w[key] = value;
            w
        };
        let cases: Vec<(&str, Value, Value, Vec<&str>)> = vec![
            (
                "all as expected, order aside",
                got.clone(),
                want.clone(),
                vec![],
            ),
            (
                "no summary at all",
                Value::Null,
                want.clone(),
                vec!["no summary"],
            ),
            (
                "a count differs",
                got.clone(),
                with("counts", json!({"complaint": 3, "question": 1})),
                vec!["complaint count should be 3, is 2"],
            ),
            (
                "a category missing from the fixture must be 0",
                got.clone(),
                with("counts", json!({"complaint": 2})),
                vec!["question count should be 0, is 1"],
            ),
            (
                "an expected category missing from the report",
                got.clone(),
                with("counts", json!({"complaint": 2, "question": 1, "spam": 1})),
                vec!["spam count should be 1, is 0"],
            ),
            (
                "unanswered is a set, not a subset",
                got.clone(),
                with("unanswered", json!(["4"])),
                vec!["unanswered should be"],
            ),
            (
                "repeat authors differ",
                got.clone(),
                with("repeat_authors", json!([])),
                vec!["repeat_authors should be"],
            ),
            (
                "crisis differs",
                got.clone(),
                with("crisis", json!(true)),
                vec!["crisis should be true"],
            ),
            (
                "only what is given is checked",
                got.clone(),
                json!({"unanswered": ["4", "9"]}),
                vec![],
            ),
        ];
        for (name, got, want, expected) in cases {
            let found = check_summary(&got, &want);
            assert_eq!(found.len(), expected.len(), "{name}: {found:?}");
            for (f, e) in found.iter().zip(&expected) {
                assert!(f.contains(e), "{name}: {f} lacks {e}");
            }
        }
        // Through check_page: the summary block is judged when the fixture has one.
        let mut page_with = page(json!([]));
        page_with["summary"] = got.clone();
        assert!(check_page(&page_with, &json!({"summary": want.clone()})).is_empty());
        assert_eq!(
            check_page(&page(json!([])), &json!({"summary": want})).len(),
            1
        );
    }
}
