//! Brand profiles end to end (issue 5): in a real browser with the built extension, the options
//! page imports a malformed file (refused, naming the field, storage untouched), imports a valid one
//! (diff, apply, undo), and a subscription is fetched from the harness's TLS server while it serves
//! a valid profile, then a 500, then an invalid document.
//!
//! Owns: that choreography ([`options_checks`]) and the comparison of stored profiles
//! ([`profile_items`]). The permission prompt of "Subscribe" cannot be answered headless, so the
//! subscription record is written to `storage.local` the way the page writes it once the prompt is
//! granted; the server's CORS header lets the background read the answer without that grant.

use std::path::Path;
use std::thread;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use serde_json::{json, Map, Value};

use super::browser::{launch, Browser, Launched, TempDir};
use super::server::{Published, RequestSource, Server, Site, PUBLISHED_HOST};
use super::values::{field_strings, script_answer};
use super::Check;

const OPTIONS_PAGE: &str = "extension/pages/options.html";
const PUBLISHED_PATH: &str = "/voice.candor.json";
/// How long the page, the storage or the background may take to show a change.
const WAIT: Duration = Duration::from_secs(10);

const VALID_PROFILE: &str =
    r#"{"schema_version": 1, "id": "published", "name": "Published Brand", "address": "tu"}"#;
/// `adress` is not a field of the schema: the refusal must name it.
const INVALID_PROFILE: &str =
    r#"{"schema_version": 1, "id": "published", "name": "Published Brand", "adress": "tu"}"#;
const IMPORTED_PROFILE: &str =
    r#"{"schema_version": 1, "id": "imported-brand", "name": "Imported Brand", "address": "vous"}"#;
const MALFORMED_IMPORT: &str =
    r#"{"schema_version": 1, "id": "broken-brand", "name": "Broken", "adress": "vous"}"#;

/// Answers, as a JSON string, both storage areas and the engine's `GetProfiles`.
const READ_STATE: &str = r#"
const done = arguments[arguments.length - 1];
const api = globalThis.browser ?? globalThis.chrome;
Promise.all([
  api.storage.sync.get(null),
  api.storage.local.get(null),
  api.runtime.sendMessage({ v: 1, type: "GetProfiles" }),
]).then(
  ([sync, local, engine]) => done(JSON.stringify({ sync, local, engine })),
  (error) => done(JSON.stringify({ harness_error: String((error && error.message) || error) })),
);
"#;

/// Writes `arguments[0]` into `storage.local`.
const WRITE_LOCAL: &str = r#"
const done = arguments[arguments.length - 1];
const api = globalThis.browser ?? globalThis.chrome;
api.storage.local.set(arguments[0]).then(() => done(true), (e) => done(String(e)));
"#;

/// Creates a profile through the editor, as a person typing its name and saving.
const CREATE_PROFILE: &str = r##"
document.querySelector("[data-action=new]").click();
const name = document.querySelector("#f-name");
if (!name) return false;
name.value = "Vélocité";
name.dispatchEvent(new Event("input", { bubbles: true }));
document.querySelector("[data-action=save]").click();
return true;
"##;

/// What the page shows: the import result, the subscriptions, and which buttons there are.
const PAGE_TEXT: &str = r##"
const result = document.querySelector("#import-result");
return {
  import: result ? result.innerText : null,
  refused: !!(result && result.classList.contains("refused")),
  subscriptions: [...document.querySelectorAll(".subscriptions li")].map((li) => li.innerText).join(" | "),
  actions: [...document.querySelectorAll("button[data-action]")].map((b) => b.dataset.action),
};
"##;

/// Runs every options check in `browser` with the extension in `extension_dir`.
pub fn options_checks(browser: Browser, extension_dir: &Path) -> Result<Vec<Check>> {
    let server = Server::start(Site { pages: Vec::new() })?;
    let launched = launch(browser, extension_dir, server.port)?;
    launched.session.set_script_timeout(15_000)?;
    let mut checks = Vec::new();
    let prefix = format!("{} options", browser.name());
    let mut check = |name: &str, failure| checks.push(Check::new(&prefix, name, failure));
    let scratch = TempDir::new("candor-options-")?;
    if let Err(e) = open_options(&launched) {
        check("the options page opens", Some(format!("{e:#}")));
        return Ok(checks);
    }
    if let Err(e) = import_checks(&launched, &scratch.0, &mut check) {
        check("imports could be exercised", Some(format!("{e:#}")));
    }
    if let Err(e) = subscription_checks(&launched, &server, &mut check) {
        check(
            "the subscription could be exercised",
            Some(format!("{e:#}")),
        );
    }
    Ok(checks)
}

/// Opens the options page (the extension may still be starting) and waits until it is drawn.
fn open_options(launched: &Launched) -> Result<()> {
    launched
        .open_extension_page_when_ready(OPTIONS_PAGE, |_| read_state(launched))
        .context("the options page never answered")?;
    wait_for(launched, "the options page to draw", |_, page| {
        page["actions"]
            .as_array()
            .is_some_and(|a| a.iter().any(|x| x == "new"))
    })?;
    Ok(())
}

fn read_state(launched: &Launched) -> Result<Value> {
    let raw = launched.session.execute_async(READ_STATE, json!([]))?;
    script_answer(&raw, "reading storage")
}

fn page_text(launched: &Launched) -> Result<Value> {
    launched.session.execute(PAGE_TEXT, json!([]))
}

/// Polls storage and page until `done` holds; answers the last (state, page).
fn wait_for(
    launched: &Launched,
    what: &str,
    done: impl Fn(&Value, &Value) -> bool,
) -> Result<(Value, Value)> {
    let deadline = Instant::now() + WAIT;
    loop {
        let state = read_state(launched)?;
        let page = page_text(launched)?;
        if done(&state, &page) {
            return Ok((state, page));
        }
        if Instant::now() > deadline {
            bail!(
                "timed out waiting for {what}; storage {}, page {}",
                super::clip(&state.to_string(), 600),
                super::clip(&page.to_string(), 600)
            );
        }
        thread::sleep(Duration::from_millis(200));
    }
}

/// The stored profiles: every `profile:` item of both areas (area-qualified) and the names of the
/// profiles the engine holds.
pub fn profile_items(state: &Value) -> (Map<String, Value>, Vec<String>) {
    let mut items = Map::new();
    for area in ["sync", "local"] {
        if let Some(all) = state[area].as_object() {
            for (key, value) in all {
                if key.starts_with("profile:") {
                    items.insert(format!("{area}/{key}"), value.clone());
                }
            }
        }
    }
    let mut names = field_strings(&state["engine"]["profiles"], "name");
    names.sort();
    (items, names)
}

/// Chooses `path` in the page's file input, as a person picking it in the file dialog.
fn choose_file(launched: &Launched, path: &Path) -> Result<()> {
    let session = &launched.session;
    let input = session.find_element("#import-file")?;
    session
        .type_into(&input, &path.display().to_string())
        .context("sending the file path to #import-file")
}

/// Clicks the page's button for `action` (`data-action`).
fn click(launched: &Launched, action: &str) -> Result<()> {
    launched
        .session
        .click(&format!("button[data-action=\"{action}\"]"))
}

fn import_checks(
    launched: &Launched,
    scratch: &Path,
    check: &mut impl FnMut(&str, Option<String>),
) -> Result<()> {
    // A profile of one's own first, so "as they were" is not merely "empty".
    if launched.session.execute(CREATE_PROFILE, json!([]))? != json!(true) {
        bail!("the editor did not open");
    }
    let (state, _) = wait_for(launched, "the created profile to be stored", |s, _| {
        profile_items(s).1 == ["Vélocité"]
    })?;
    let before = profile_items(&state);

    let malformed = scratch.join("broken.candor.json");
    std::fs::write(&malformed, MALFORMED_IMPORT)?;
    choose_file(launched, &malformed)?;
    let shown = wait_for(launched, "the refusal", |_, p| p["refused"] == json!(true));
    match shown {
        Ok((_, page)) => {
            let text = page["import"].as_str().unwrap_or_default();
            check(
                "a malformed import is refused, naming the field",
                (!text.contains("adress") || !text.contains("broken.candor.json"))
                    .then(|| format!("the refusal says {text:?}")),
            );
        }
        Err(e) => check(
            "a malformed import is refused, naming the field",
            Some(format!("{e:#}")),
        ),
    }
    // Give a wrong write the time to land before comparing.
    thread::sleep(Duration::from_millis(800));
    let after = profile_items(&read_state(launched)?);
    check(
        "a malformed import leaves the stored profiles as they were",
        (after != before).then(|| format!("before {before:?}, after {after:?}")),
    );

    let valid = scratch.join("imported-brand.candor.json");
    std::fs::write(&valid, IMPORTED_PROFILE)?;
    choose_file(launched, &valid)?;
    let shown = wait_for(launched, "the import's diff", |_, p| {
        p["refused"] == json!(false)
            && p["actions"]
                .as_array()
                .is_some_and(|a| a.iter().any(|x| x == "apply-import"))
    });
    match shown {
        Ok((state, page)) => {
            let text = page["import"].as_str().unwrap_or_default();
            let unchanged = profile_items(&state) == before;
            check(
                "a valid import shows its diff and stores nothing yet",
                (!text.contains("Imported Brand") || !text.contains("vous") || !unchanged)
                    .then(|| format!("shown {text:?}, storage unchanged: {unchanged}")),
            );
        }
        Err(e) => {
            check(
                "a valid import shows its diff and stores nothing yet",
                Some(format!("{e:#}")),
            );
            return Ok(());
        }
    }
    click(launched, "apply-import")?;
    let applied = wait_for(launched, "the import to be applied", |s, _| {
        profile_items(s).1 == ["Imported Brand", "Vélocité"]
    });
    let applied_ok = applied.is_ok();
    check(
        "confirming applies the import (storage and engine)",
        applied.err().map(|e| format!("{e:#}")),
    );
    if !applied_ok {
        return Ok(());
    }
    click(launched, "undo")?;
    let undone = wait_for(launched, "the undo", |s, _| profile_items(s) == before);
    check(
        "undo restores the previous profiles exactly",
        undone.err().map(|e| format!("{e:#}")),
    );
    Ok(())
}

fn subscription_checks(
    launched: &Launched,
    server: &Server,
    check: &mut impl FnMut(&str, Option<String>),
) -> Result<()> {
    let url = format!("https://{PUBLISHED_HOST}{PUBLISHED_PATH}");
    let key = format!("subscription:{url}");
    let publish = |status: u16, body: &str| {
        server.publish(Some(Published {
            host: PUBLISHED_HOST.into(),
            path: PUBLISHED_PATH.into(),
            status,
            body: body.as_bytes().to_vec(),
        }))
    };
    let record = |state: &Value| state["local"][&key].clone();
    let write = |value: Value| -> Result<()> {
        let answer = launched
            .session
            .execute_async(WRITE_LOCAL, json!([{ key.clone(): value }]))?;
        if answer != json!(true) {
            bail!("storage.local.set failed: {answer}");
        }
        Ok(())
    };
    let started_ms = server.now_ms();

    // 1. A valid document: becomes the subscribed profile, source and date shown.
    publish(200, VALID_PROFILE);
    write(json!({ "url": url }))?;
    let first = wait_for(launched, "the first copy", |s, p| {
        record(s)["profile"].is_string()
            && p["subscriptions"]
                .as_str()
                .is_some_and(|t| t.contains("Last good copy"))
    });
    let good = match first {
        Ok((state, page)) => {
            let shown = page["subscriptions"].as_str().unwrap_or_default();
            let held = profile_items(&state)
                .1
                .iter()
                .any(|n| n == "Published Brand");
            let rec = record(&state);
            check(
                "a valid published profile becomes the subscribed profile",
                (!held || !rec["error"].is_null() || !rec["fetched_ms"].is_i64())
                    .then(|| format!("engine holds it: {held}, record {rec}")),
            );
            check(
                "the page shows its source and the date of the copy",
                (!shown.contains(&url) || !shown.contains("Published Brand") || !has_date(shown))
                    .then(|| format!("the page shows {shown:?}")),
            );
            rec
        }
        Err(e) => {
            check(
                "a valid published profile becomes the subscribed profile",
                Some(format!("{e:#}")),
            );
            return Ok(());
        }
    };

    // 2. The address now fails, then 3. serves an invalid document. The refresh is what the hourly
    // alarm runs (SetProfiles, whose `due` list the background fetches), triggered here by the
    // storage change of a record marked as never tried.
    for (status, body, name, says) in [
        (500, "oops", "a later 500", "HTTP 500"),
        (200, INVALID_PROFILE, "a later invalid document", "adress"),
    ] {
        publish(status, body);
        let mut retry = good.clone();
        retry["tried_ms"] = json!(0);
        write(retry)?;
        let kept = wait_for(launched, name, |s, p| {
            record(s)["error"]
                .as_str()
                .is_some_and(|e| e.contains(says))
                && p["subscriptions"]
                    .as_str()
                    .is_some_and(|t| t.contains(says))
        });
        match kept {
            Ok((state, _)) => {
                let rec = record(&state);
                let held = profile_items(&state)
                    .1
                    .iter()
                    .any(|n| n == "Published Brand");
                check(
                    &format!("{name} keeps the last good copy and shows the error"),
                    (rec["profile"] != good["profile"]
                        || rec["fetched_ms"] != good["fetched_ms"]
                        || !held)
                        .then(|| format!("record {rec}, engine holds it: {held}")),
                );
            }
            Err(e) => check(
                &format!("{name} keeps the last good copy and shows the error"),
                Some(format!("{e:#}")),
            ),
        }
    }
    server.publish(None);

    // 4. Nothing but the subscribed address was asked for by the extension.
    let log: Vec<_> = server
        .requests()
        .into_iter()
        .filter(|r| r.at_ms >= started_ms)
        .collect();
    let to_address = log
        .iter()
        .filter(|r| r.host == PUBLISHED_HOST && r.path == PUBLISHED_PATH && r.method == "GET")
        .count();
    let others: Vec<String> = log
        .iter()
        .filter(|r| r.source == RequestSource::Extension || r.host == PUBLISHED_HOST)
        .filter(|r| {
            !(r.host == PUBLISHED_HOST && (r.path == PUBLISHED_PATH || r.method == "CONNECT"))
        })
        .map(|r| format!("{} {}{}", r.method, r.host, r.path))
        .collect();
    check(
        "the extension requested only the subscribed address",
        (to_address != 3 || !others.is_empty()).then(|| {
            format!("{to_address} request(s) to the address (3 expected), others: {others:?}")
        }),
    );
    Ok(())
}

/// Whether `text` shows a date (four digits for a year, or a time of day).
fn has_date(text: &str) -> bool {
    let after = text.split("Last good copy").nth(1).unwrap_or_default();
    after.chars().filter(char::is_ascii_digit).count() >= 4
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_profiles_are_read_from_both_areas_and_the_engine() {
        let state = json!({
            "sync": { "profile:a": "{\"id\":\"a\"}", "other": 1 },
            "local": { "profile:b": "{}", "subscription:https://x/y": {} },
            "engine": { "profiles": [ { "name": "B" }, { "name": "A" } ] },
        });
        let (items, names) = profile_items(&state);
        assert_eq!(
            items.keys().collect::<Vec<_>>(),
            ["local/profile:b", "sync/profile:a"]
        );
        assert_eq!(names, ["A", "B"]);
        let empty = profile_items(&json!({}));
        assert!(empty.0.is_empty() && empty.1.is_empty());
    }

    #[test]
    fn a_shown_date_is_told_apart_from_its_absence() {
        let cases = [
            ("Last good copy: 2026-11-24 06:40", true),
            ("Last good copy: 24/11/2026", true),
            ("Last good copy: never", false),
            ("2026 but no copy", false),
        ];
        for (text, want) in cases {
            assert_eq!(has_date(text), want, "{text}");
        }
    }
}
