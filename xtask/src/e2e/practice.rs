//! The practice page end to end (issue 7: "the practice page runs a full attempt in FR and in
//! EN"): in a real browser with the built extension, `extension/pages/practice.html` is driven as a
//! trainee would — open a French thread, then an English one on another platform's look, pick a
//! complaint, read the guidance before typing, type a poor reply (defensive, wrong tu/vous) and see
//! the coach's warnings, submit it and read the score table, try again with a better reply, reload
//! and find the progress read back from storage. Then a corrupt progress record is planted: the
//! page must say so and still work.
//!
//! Owns: that choreography ([`practice_checks`]) and the replies it types ([`poor_reply`],
//! [`good_reply`]). Every figure the page shows is compared with what the engine answers when the
//! harness asks it directly (`practice_review`, imported into the page by the harness's script) and
//! with the thread files the extension ships; nothing is hard-coded but the replies.

use std::path::Path;
use std::thread;
use std::time::{Duration, Instant};

use anyhow::{anyhow, bail, Context, Result};
use serde_json::{json, Value};

use super::browser::{launch, Browser, Launched};
use super::server::{RequestSource, Server, Site};
use super::values::{field_strings, script_answer, string_pairs, strings};
use super::Check;

const PRACTICE_PAGE: &str = "extension/pages/practice.html";
const THREADS_DIR: &str = "extension/practice";
const STORAGE_KEY: &str = "practice.progress";
/// How long the page may take to show a change (the coach waits 150 ms after typing).
const WAIT: Duration = Duration::from_secs(10);

/// What the page shows, as JSON text.
const READ_PAGE: &str = r#"
const q = (s) => document.querySelector(s);
const all = (s) => [...document.querySelectorAll(s)];
const root = q(".candor-practice");
const progress = (li) => li.querySelector(".progress") || { dataset: {} };
return JSON.stringify({
  marker: !!window.__candorHarnessMarker,
  view: root ? root.dataset.view || null : null,
  lang: document.documentElement.lang,
  threads: all(".thread-item").map((li) => ({
    id: li.dataset.thread, lang: li.dataset.lang, platform: li.dataset.platform,
    attempted: progress(li).dataset.attempted ?? null, total: progress(li).dataset.total ?? null,
    best: progress(li).dataset.best ?? null,
  })),
  notice: q(".notice.warn") ? q(".notice.warn").textContent : null,
  live: q(".live") ? q(".live").textContent : "",
  thread: q("section.thread") ? {
    id: q("section.thread").dataset.thread,
    class: q("section.thread").className,
    comments: all("li.comment-item").map((li) => {
      const text = li.querySelector(".comment > .text");
      return { id: li.dataset.comment, text: text ? text.textContent : null,
               elements_in_text: text ? text.querySelectorAll("*").length : -1 };
    }),
  } : null,
  picked: q("li.comment-item.picked") ? q("li.comment-item.picked").dataset.comment : null,
  draft: q("textarea[data-role=draft]") ? q("textarea[data-role=draft]").value : null,
  points: all(".guidance .points li").map((li) => li.dataset.rule),
  warnings: all(".warnings li").map((li) => li.dataset.rule),
  warning_count: q(".warning-count") ? q(".warning-count").dataset.count : null,
  rows: all("table.scores tbody tr").map((tr) => ({
    rule: tr.dataset.rule, score: Number(tr.dataset.score), max: Number(tr.dataset.max),
    why: (tr.querySelector(".why") || {}).textContent || "",
    title: (tr.querySelector(".title") || {}).textContent || "",
  })),
  total: q(".total") ? Number(q(".total").dataset.score) : null,
  agrees: q(".agreement") ? q(".agreement").dataset.agrees : null,
  note: q(".note p") ? q(".note p").textContent : null,
  submit_label: q("button[data-action=submit]") ? q("button[data-action=submit]").textContent : null,
});
"#;

/// Asks the practice module directly: `practice_review(arguments[0])`, answered as its JSON text.
const ASK_ENGINE: &str = r#"
const done = arguments[arguments.length - 1];
const request = arguments[0];
import(new URL("../pkg/practice.js", location.href).href)
  .then(async (practice) => { await practice.default(); done(practice.practice_review(request)); })
  .catch((e) => done(JSON.stringify({ harness_error: String((e && e.message) || e) })));
"#;

/// The stored progress record (`null` when there is none), as JSON text.
const READ_STORAGE: &str = r#"
const done = arguments[arguments.length - 1];
const api = globalThis.browser ?? globalThis.chrome;
api.storage.local.get(arguments[0]).then(
  (items) => done(JSON.stringify({ value: items[arguments[0]] ?? null })),
  (e) => done(JSON.stringify({ harness_error: String((e && e.message) || e) })),
);
"#;

const WRITE_STORAGE: &str = r#"
const done = arguments[arguments.length - 1];
const api = globalThis.browser ?? globalThis.chrome;
api.storage.local.set({ [arguments[0]]: arguments[1] }).then(() => done(true), (e) => done(String(e)));
"#;

/// Leaves a mark on the current document, then goes to `arguments[0]`: a page without the mark
/// is the new one.
const GO_TO: &str = r#"
window.__candorHarnessMarker = true;
location.assign(arguments[0]);
return true;
"#;

/// One practice thread as the extension ships it.
struct ShippedThread {
    id: String,
    lang: String,
    platform: String,
    json: Value,
}

impl ShippedThread {
    /// The audience's first complaint, as the thread's author labelled it.
    fn complaint(&self) -> Option<&Value> {
        self.json["comments"].as_array()?.iter().find(|c| {
            c["expected"] == "complaint" && c["by_brand"] != true && c["text"].is_string()
        })
    }
}

/// Runs every practice check in `browser` with the extension in `extension_dir`.
pub fn practice_checks(browser: Browser, extension_dir: &Path) -> Result<Vec<Check>> {
    let shipped = shipped_threads(extension_dir)?;
    let fr = shipped
        .iter()
        .find(|t| t.lang == "fr" && t.complaint().is_some())
        .ok_or_else(|| anyhow!("no French practice thread with a complaint"))?;
    // English on another platform's look than the French one.
    let en = shipped
        .iter()
        .find(|t| t.lang == "en" && t.platform != fr.platform && t.complaint().is_some())
        .ok_or_else(|| {
            anyhow!(
                "no English practice thread with a complaint on another look than {}",
                fr.platform
            )
        })?;

    let server = Server::start(Site { pages: Vec::new() })?;
    let started_ms = server.now_ms();
    let launched = launch(browser, extension_dir, server.port)?;
    launched.session.set_script_timeout(15_000)?;
    let mut checks = Vec::new();
    let prefix = format!("{} practice", browser.name());
    let mut check = |name: &str, failure| checks.push(Check::new(&prefix, name, failure));
    if let Err(e) = open_first(&launched, shipped.len()) {
        check("the practice page opens", Some(format!("{e:#}")));
        return Ok(checks);
    }
    for thread in [fr, en] {
        if let Err(e) = attempt_checks(&launched, &shipped, thread, &mut check) {
            check(
                &format!("{}: a full attempt could be run", thread.lang),
                Some(format!("{e:#}")),
            );
        }
    }
    if let Err(e) = reset_checks(&launched, &shipped, &mut check) {
        check("the reset could be exercised", Some(format!("{e:#}")));
    }
    // Markup in a comment shows as text (the threads have one such comment, somewhere).
    if let Some(thread) = shipped.iter().find(|t| {
        t.json["comments"].as_array().is_some_and(|c| {
            c.iter()
                .any(|c| c["text"].as_str().is_some_and(|x| x.contains('<')))
        })
    }) {
        if let Err(e) = markup_check(&launched, &shipped, thread, &mut check) {
            check(
                "markup in a comment could be checked",
                Some(format!("{e:#}")),
            );
        }
    }
    if let Err(e) = corrupt_checks(&launched, &shipped, en, &mut check) {
        check(
            "a corrupt progress record could be exercised",
            Some(format!("{e:#}")),
        );
    }
    // Nothing leaves the browser: the page fetched only the extension's own files.
    let requests: Vec<String> = server
        .requests()
        .into_iter()
        .filter(|r| r.at_ms >= started_ms && r.source == RequestSource::Extension)
        .map(|r| format!("{} {}{}", r.method, r.host, r.path))
        .collect();
    check(
        "the practice page made no network request",
        (!requests.is_empty()).then(|| format!("requests: {requests:?}")),
    );
    Ok(checks)
}

/// The threads `index.json` lists, read from the extension folder.
fn shipped_threads(extension_dir: &Path) -> Result<Vec<ShippedThread>> {
    let dir = extension_dir.join(THREADS_DIR);
    let read = |name: &str| -> Result<Value> {
        let path = dir.join(name);
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("reading {}", path.display()))?;
        serde_json::from_str(&text).with_context(|| format!("{} is not JSON", path.display()))
    };
    let index = read("index.json")?;
    index["threads"]
        .as_array()
        .ok_or_else(|| anyhow!("index.json has no threads"))?
        .iter()
        .map(|t| {
            let id = t["id"]
                .as_str()
                .ok_or_else(|| anyhow!("a thread without id"))?;
            let json = read(&format!("{id}.json"))?;
            Ok(ShippedThread {
                id: id.to_string(),
                lang: json["lang"].as_str().unwrap_or_default().to_string(),
                platform: json["platform"].as_str().unwrap_or_default().to_string(),
                json,
            })
        })
        .collect()
}

/// Opens the page (the extension may still be starting) and waits until the list is drawn.
fn open_first(launched: &Launched, threads: usize) -> Result<()> {
    launched
        .open_extension_page_when_ready(PRACTICE_PAGE, |_| {
            wait_for(launched, "the list", |p| list_drawn(p, threads))
        })
        .context("the practice page never drew its list")?;
    Ok(())
}

/// The list is there with every thread's comments counted.
fn list_drawn(page: &Value, threads: usize) -> bool {
    page["marker"] == false
        && page["view"] == "list"
        && page["threads"].as_array().is_some_and(|t| {
            t.len() == threads
                && t.iter()
                    .all(|t| t["total"].as_str().is_some_and(|n| !n.is_empty()))
        })
}

fn read_page(launched: &Launched) -> Result<Value> {
    let raw = launched.session.execute(READ_PAGE, json!([]))?;
    script_answer(&raw, "reading the page")
}

/// Polls the page until `done` holds; answers what it showed last.
fn wait_for(launched: &Launched, what: &str, done: impl Fn(&Value) -> bool) -> Result<Value> {
    let deadline = Instant::now() + WAIT;
    loop {
        // While the page navigates, a script may fail: that is "not yet".
        let page = read_page(launched).unwrap_or(Value::Null);
        if done(&page) {
            return Ok(page);
        }
        if Instant::now() > deadline {
            bail!(
                "timed out waiting for {what}; the page shows {}",
                super::clip(&page.to_string(), 700)
            );
        }
        thread::sleep(Duration::from_millis(150));
    }
}

/// Goes to the practice page in `lang` (a fresh document) and waits for its list.
fn go_to_list(launched: &Launched, lang: &str, threads: usize) -> Result<Value> {
    let url = launched.extension_url(&format!("{PRACTICE_PAGE}?lang={lang}"));
    launched.session.execute(GO_TO, json!([url]))?;
    wait_for(launched, "the list after loading the page", |p| {
        list_drawn(p, threads) && p["lang"] == lang
    })
}

/// The list's entry for thread `id` (null when it is not listed).
fn listed(list: &Value, id: &str) -> Value {
    list["threads"]
        .as_array()
        .and_then(|t| t.iter().find(|t| t["id"] == id))
        .cloned()
        .unwrap_or(Value::Null)
}

/// Opens thread `id` from the list and waits until it is drawn; answers what the page shows.
fn open_thread(launched: &Launched, id: &str) -> Result<Value> {
    launched
        .session
        .click(&format!("button.open-thread[data-thread=\"{id}\"]"))?;
    wait_for(launched, "the thread", |p| p["thread"]["id"] == id)
}

/// Types `text` into the draft as a person would (clearing it first): key by key, so the page
/// hears every input event and its coach waits for the pause.
fn type_draft(launched: &Launched, text: &str) -> Result<()> {
    let session = &launched.session;
    let draft = session
        .find_element("textarea[data-role=draft]")
        .context("finding the draft box")?;
    session.clear(&draft)?;
    session.type_into(&draft, text).context("typing the draft")
}

/// `practice_review` asked directly, for `draft` on `comment` of `thread`.
fn engine_review(
    launched: &Launched,
    thread: &ShippedThread,
    comment: &str,
    draft: &str,
    ui_lang: &str,
) -> Result<Value> {
    let request =
        json!({"thread": thread.json, "comment_id": comment, "draft": draft, "ui_lang": ui_lang});
    let raw = launched
        .session
        .execute_async(ASK_ENGINE, json!([request.to_string()]))?;
    let answer = script_answer(&raw, "asking the engine")?;
    if let Some(e) = answer.get("error") {
        bail!("the engine refused the review: {e}");
    }
    Ok(answer)
}

/// The stored progress record, parsed; `Value::Null` when there is none.
fn stored_progress(launched: &Launched) -> Result<Value> {
    let raw = launched
        .session
        .execute_async(READ_STORAGE, json!([STORAGE_KEY]))?;
    let reply: Value = serde_json::from_str(raw.as_str().unwrap_or("null"))?;
    if let Some(e) = reply.get("harness_error") {
        bail!("reading storage failed: {e}");
    }
    match &reply["value"] {
        Value::String(text) => serde_json::from_str(text)
            .with_context(|| format!("the stored record is not JSON: {}", super::clip(text, 200))),
        other => Ok(other.clone()),
    }
}

/// A reply that breaks the rules on purpose: defensive, blaming the person, and in the address
/// (tu or vous) the brand's profile does not use.
pub fn poor_reply(lang: &str, profile_address: Option<&str>) -> String {
    if lang == "fr" {
        if profile_address == Some("tu") {
            "Veuillez vous calmer. Ce n'est pas de notre faute, vous auriez dû lire les conditions avant de vous plaindre.".into()
        } else {
            "Calme-toi. Ce n'est pas de notre faute, tu aurais dû lire les conditions avant de te plaindre.".into()
        }
    } else {
        "Calm down. This is not our fault, you should have read the terms before complaining."
            .into()
    }
}

/// A reply that follows the guidance: it names the problem with the comment's own longest words,
/// apologises without excuses, and moves the personal part to the platform's private messages, in
/// the brand's address.
pub fn good_reply(
    lang: &str,
    platform: &str,
    profile_address: Option<&str>,
    author: &str,
    comment: &str,
) -> String {
    let mut words: Vec<&str> = comment
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '-')
        .filter(|w| w.chars().count() >= 5 && !w.chars().all(|c| c.is_ascii_digit()))
        .collect();
    words.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
    words.dedup();
    let problem = words.iter().take(3).copied().collect::<Vec<_>>().join(", ");
    let first_name = author.split_whitespace().next().unwrap_or(author);
    let channel = match (lang, platform) {
        ("fr", "facebook") => "sur Messenger",
        ("fr", "linkedin") => "par message LinkedIn",
        ("fr", _) => "en message privé",
        (_, "facebook") => "on Messenger",
        (_, "linkedin") => "in a LinkedIn message",
        _ => "by direct message",
    };
    match (lang, profile_address) {
        ("fr", Some("tu")) => format!(
            "Bonjour {first_name}, tu as raison et je suis désolé : {problem}, ce n'est pas normal. Je t'écris tout de suite {channel} pour régler ton cas aujourd'hui même."
        ),
        ("fr", _) => format!(
            "Bonjour {first_name}, vous avez raison et je suis désolé : {problem}, ce n'est pas normal. Je vous écris tout de suite {channel} pour régler votre cas aujourd'hui même."
        ),
        _ => format!(
            "Hi {first_name}, you're right and I'm sorry: {problem} is not what you should get from us. I'm writing to you {channel} right now so we can sort out your case today."
        ),
    }
}

fn attempt_checks(
    launched: &Launched,
    shipped: &[ShippedThread],
    thread: &ShippedThread,
    check: &mut impl FnMut(&str, Option<String>),
) -> Result<()> {
    let lang = thread.lang.as_str();
    let id = thread.id.as_str();
    let named = |what: &str| format!("{lang} ({id}, {}): {what}", thread.platform);
    let complaint = thread.complaint().ok_or_else(|| anyhow!("no complaint"))?;
    let comment_id = complaint["id"].as_str().unwrap_or_default().to_string();
    let author = complaint["author"].as_str().unwrap_or_default();
    let comment_text = complaint["text"].as_str().unwrap_or_default();
    let address = thread.json["profile"]["address"].as_str();

    // A fresh page in the thread's language.
    let list = go_to_list(launched, lang, shipped.len())?;
    let in_list = listed(&list, id);
    let answerable = thread.json["comments"]
        .as_array()
        .map_or(0, |c| c.iter().filter(|c| c["by_brand"] != true).count());
    check(
        &named("the list shows the thread, its look and its comments to answer"),
        (in_list["platform"] != thread.platform.as_str()
            || in_list["total"] != answerable.to_string().as_str())
        .then(|| format!("the list shows {in_list}; {answerable} comment(s) to answer expected")),
    );
    let words_ok = list["lang"] == lang;
    check(
        &named("the page speaks the language asked for"),
        (!words_ok).then(|| format!("<html lang> is {}", list["lang"])),
    );

    // Open the thread.
    let page = open_thread(launched, id)?;
    let shown = string_pairs(&page["thread"]["comments"], "id", "text");
    let mut file = string_pairs(&thread.json["comments"], "id", "text");
    let mut shown_sorted = shown.clone();
    shown_sorted.sort();
    file.sort();
    let class = page["thread"]["class"].as_str().unwrap_or_default();
    let look = format!("look-{}", thread.platform);
    check(
        &named("the thread is drawn in its platform's look with all its comments, as text"),
        (!class.split_whitespace().any(|c| c == look) || shown_sorted != file).then(|| {
            format!(
                "class {class:?} (wanted {look}); {} comment(s) shown, {} in the file{}",
                shown.len(),
                file.len(),
                if shown_sorted == file {
                    ""
                } else {
                    "; texts differ"
                }
            )
        }),
    );
    // Pick the complaint: the guidance is there before typing, as the engine gives it.
    launched.session.click(&format!(
        "li[data-comment=\"{comment_id}\"] button.reply-action"
    ))?;
    let page = wait_for(launched, "the reply box and its guidance", |p| {
        p["picked"] == comment_id.as_str() && p["points"].as_array().is_some_and(|a| !a.is_empty())
    })?;
    let engine_empty = engine_review(launched, thread, &comment_id, "", lang)?;
    let engine_points = field_strings(&engine_empty["guidance"]["points"], "rule");
    let page_points = strings(&page["points"]);
    check(
        &named("guidance points with their rule ids show before typing, as the engine gives them"),
        (page_points != engine_points
            || page_points.iter().any(|r| !is_rule(r))
            || page["draft"] != "")
            .then(|| {
                format!(
                    "page {page_points:?}, engine {engine_points:?}, draft {}",
                    page["draft"]
                )
            }),
    );

    // A poor reply: the coach's warnings, with their rule ids, as the engine gives them.
    let poor = poor_reply(lang, address);
    type_draft(launched, &poor)?;
    let engine_poor = engine_review(launched, thread, &comment_id, &poor, lang)?;
    let want_warnings = field_strings(&engine_poor["warnings"], "rule");
    let page = wait_for(launched, "the coach's warnings", |p| {
        p["draft"] == poor.as_str() && strings(&p["warnings"]) == want_warnings
    });
    match &page {
        Ok(_) => check(
            &named("a poor reply gets the coach's warnings with their rule ids"),
            want_warnings
                .is_empty()
                .then(|| format!("the engine has no warning for {poor:?}")),
        ),
        Err(e) => check(
            &named("a poor reply gets the coach's warnings with their rule ids"),
            Some(format!("{e:#}; the engine warns {want_warnings:?}")),
        ),
    }

    // Submit it: a row per rule, the total, low.
    launched.session.click("button[data-action=submit]")?;
    let page = wait_for(launched, "the score table", |p| !p["total"].is_null())?;
    let rows = field_strings(&page["rows"], "rule");
    let engine_rows = field_strings(&engine_poor["rules"], "rule");
    let poor_total = page["total"].as_i64().unwrap_or(-1);
    let empty_why = page["rows"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|r| r["why"].as_str().is_none_or(|w| w.trim().is_empty()))
        .count();
    check(
        &named("submitting shows a row per rule and the total, as the engine scores it"),
        (rows != engine_rows
            || rows.is_empty()
            || empty_why > 0
            || Some(poor_total) != engine_poor["score"].as_i64())
        .then(|| {
            format!(
                "page rows {rows:?} (total {poor_total}, {empty_why} without a why), engine {engine_rows:?} (score {})",
                engine_poor["score"]
            )
        }),
    );
    // The engine was asked in the page's language: its rule titles are the table's.
    let titles = field_strings(&page["rows"], "title");
    let engine_titles = field_strings(&engine_poor["rules"], "title");
    check(
        &named("the score table is in the page's language, as the engine words it"),
        (titles != engine_titles || titles.iter().any(|t| t.is_empty()))
            .then(|| format!("page {titles:?}, engine in {lang}: {engine_titles:?}")),
    );
    check(
        &named("the poor reply's total is low"),
        (poor_total > 50).then(|| format!("total {poor_total}/100 for {poor:?}")),
    );
    let agreement = engine_poor["agrees"].as_bool().map(|a| a.to_string());
    check(
        &named("the result says whether the engine agrees with the thread's author, with the note"),
        (page["agrees"].as_str() != agreement.as_deref()
            || page["note"].as_str() != complaint["note"].as_str())
        .then(|| {
            format!(
                "page agrees {} note {}, engine agrees {}",
                page["agrees"], page["note"], engine_poor["agrees"]
            )
        }),
    );

    // Try again: the draft stays; a good reply scores higher.
    launched.session.click("button[data-action=again]")?;
    let page = wait_for(launched, "the draft again", |p| p["total"].is_null())?;
    check(
        &named("try again keeps the draft"),
        (page["draft"] != poor.as_str()).then(|| format!("the draft is {}", page["draft"])),
    );
    let mut good = good_reply(lang, &thread.platform, address, author, comment_text);
    // The brand's signature, when its profile has one.
    if let Some(signature) = thread.json["profile"]["signature"]["text"].as_str() {
        good = format!("{good} {signature}");
    }
    type_draft(launched, &good)?;
    wait_for(launched, "the good draft to be reviewed", |p| {
        p["draft"] == good.as_str() && !p["warning_count"].is_null()
    })?;
    // The debounced review has run when the count matches the engine's for this draft.
    let engine_good = engine_review(launched, thread, &comment_id, &good, lang)?;
    let good_warnings = field_strings(&engine_good["warnings"], "rule");
    wait_for(launched, "the good draft's warnings", |p| {
        strings(&p["warnings"]) == good_warnings
    })?;
    launched.session.click("button[data-action=submit]")?;
    let page = wait_for(launched, "the second score", |p| !p["total"].is_null())?;
    let good_total = page["total"].as_i64().unwrap_or(-1);
    check(
        &named("a better reply scores higher"),
        (good_total <= poor_total || Some(good_total) != engine_good["score"].as_i64()).then(
            || {
                format!(
                    "poor {poor_total}, good {good_total} (engine {}) for {good:?}",
                    engine_good["score"]
                )
            },
        ),
    );

    eprintln!(
        "practice {lang} {id} {comment_id}: poor reply {poor_total}/100 (warnings {want_warnings:?}), better reply {good_total}/100 (warnings {good_warnings:?})"
    );
    // Both attempts are in storage.local; after a reload the list reads them back.
    let stored = stored_progress(launched)?;
    let attempts: Vec<&Value> = stored["attempts"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|a| a["thread"] == id && a["comment"] == comment_id.as_str())
        .collect();
    let scores: Vec<i64> = attempts
        .iter()
        .filter_map(|a| a["score"].as_i64())
        .collect();
    check(
        &named("both attempts are recorded in storage.local"),
        (scores != [poor_total, good_total])
            .then(|| format!("stored scores {scores:?}, shown {poor_total} then {good_total}")),
    );
    let list = go_to_list(launched, lang, shipped.len())?;
    let in_list = listed(&list, id);
    let best = good_total.max(poor_total).to_string();
    check(
        &named("after a reload the list shows the thread attempted with the best score"),
        (in_list["attempted"] != "1" || in_list["best"] != best.as_str())
            .then(|| format!("the list shows {in_list}; 1 attempted, best {best} expected")),
    );
    Ok(())
}

/// "Reset my progress" asks first; "No" keeps the record, "Yes" empties it and the list.
fn reset_checks(
    launched: &Launched,
    shipped: &[ShippedThread],
    check: &mut impl FnMut(&str, Option<String>),
) -> Result<()> {
    let name = "reset my progress asks first, keeps the record on No, empties it on Yes";
    let before = stored_progress(launched)?;
    let attempts = |v: &Value| v["attempts"].as_array().map_or(0, Vec::len);
    if attempts(&before) == 0 {
        bail!("no attempt recorded to reset");
    }
    go_to_list(launched, "en", shipped.len())?;
    launched.session.click("button[data-action=reset]")?;
    let asked = launched
        .session
        .execute(
            "return !!document.querySelector('button[data-action=reset-yes]') && !!document.querySelector('button[data-action=reset-no]');",
            json!([]),
        )?
        == json!(true);
    launched.session.click("button[data-action=reset-no]")?;
    thread::sleep(Duration::from_millis(500));
    let kept = stored_progress(launched)? == before;
    launched.session.click("button[data-action=reset]")?;
    launched.session.click("button[data-action=reset-yes]")?;
    let emptied = wait_for(launched, "the list at zero", |p| {
        p["threads"]
            .as_array()
            .is_some_and(|t| t.iter().all(|t| t["attempted"] == "0"))
    })
    .is_ok();
    let after = stored_progress(launched)?;
    check(
        name,
        (!asked || !kept || !emptied || attempts(&after) != 0).then(|| {
            format!(
                "asked first: {asked}; kept on No: {kept}; list at zero: {emptied}; {} attempt(s) stored after Yes",
                attempts(&after)
            )
        }),
    );
    Ok(())
}

fn markup_check(
    launched: &Launched,
    shipped: &[ShippedThread],
    thread: &ShippedThread,
    check: &mut impl FnMut(&str, Option<String>),
) -> Result<()> {
    go_to_list(launched, &thread.lang, shipped.len())?;
    let page = open_thread(launched, &thread.id)?;
    let mut problems = Vec::new();
    for c in thread.json["comments"].as_array().into_iter().flatten() {
        let Some(text) = c["text"].as_str().filter(|t| t.contains('<')) else {
            continue;
        };
        let shown = page["thread"]["comments"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|s| s["id"] == c["id"]);
        match shown {
            Some(s) if s["text"] == text && s["elements_in_text"] == 0 => {}
            Some(s) => problems.push(format!(
                "{}: shown {:?} with {} element(s) inside",
                c["id"], s["text"], s["elements_in_text"]
            )),
            None => problems.push(format!("{} is not shown", c["id"])),
        }
    }
    check(
        &format!(
            "{} ({}): markup in a comment shows literally",
            thread.lang, thread.id
        ),
        (!problems.is_empty()).then(|| problems.join("; ")),
    );
    Ok(())
}

fn corrupt_checks(
    launched: &Launched,
    shipped: &[ShippedThread],
    thread: &ShippedThread,
    check: &mut impl FnMut(&str, Option<String>),
) -> Result<()> {
    let name = "a corrupt progress record is reported, replaced, and the page still works";
    let written = launched.session.execute_async(
        WRITE_STORAGE,
        json!([STORAGE_KEY, "{\"attempts\": [ {\"thread\": 7"]),
    )?;
    if written != json!(true) {
        bail!("storage.local.set failed: {written}");
    }
    let page = go_to_list(launched, "en", shipped.len())?;
    let notice = page["notice"].as_str().unwrap_or_default().to_string();
    let stored = stored_progress(launched);
    let replaced =
        matches!(&stored, Ok(v) if v["attempts"].as_array().is_some_and(|a| a.is_empty()));
    let all_zero = page["threads"]
        .as_array()
        .is_some_and(|t| t.iter().all(|t| t["attempted"] == "0"));
    // Still works: a thread opens and a comment gets its guidance.
    let comment = thread
        .complaint()
        .and_then(|c| c["id"].as_str())
        .unwrap_or_default();
    open_thread(launched, &thread.id)?;
    launched.session.click(&format!(
        "li[data-comment=\"{comment}\"] button.reply-action"
    ))?;
    let works = wait_for(launched, "the guidance after the corrupt record", |p| {
        p["points"].as_array().is_some_and(|a| !a.is_empty())
    })
    .is_ok();
    check(
        name,
        (!notice.contains("could not be read") || !replaced || !all_zero || !works).then(|| {
            format!(
                "notice {notice:?}; stored now {:?}; every thread at 0: {all_zero}; guidance shown: {works}",
                stored.map(|v| super::clip(&v.to_string(), 200)).map_err(|e| e.to_string())
            )
        }),
    );
    Ok(())
}

fn is_rule(id: &str) -> bool {
    id.strip_prefix('P')
        .and_then(|n| n.parse::<u8>().ok())
        .is_some_and(|n| (1..=18).contains(&n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_poor_reply_takes_the_address_the_profile_does_not_use() {
        assert!(poor_reply("fr", Some("tu")).contains("Veuillez vous"));
        assert!(poor_reply("fr", Some("vous")).contains("tu aurais"));
        assert!(poor_reply("fr", None).contains("tu aurais"));
        assert!(poor_reply("en", None).starts_with("Calm down"));
    }

    #[test]
    fn the_good_reply_names_the_problem_in_the_comments_words_and_goes_private() {
        let reply = good_reply(
            "en",
            "facebook",
            None,
            "Dana Reeve",
            "No internet since 6am, third outage this month!! Order 48213",
        );
        assert!(reply.starts_with("Hi Dana,"), "{reply}");
        assert!(
            reply.contains("internet") && reply.contains("outage"),
            "{reply}"
        );
        assert!(reply.contains("Messenger"), "{reply}");
        assert!(!reply.contains("48213"), "{reply}");
        let fr = good_reply(
            "fr",
            "x",
            Some("tu"),
            "Léa",
            "Ma commande n'est jamais arrivée",
        );
        assert!(
            fr.contains("tu as raison") && fr.contains("commande"),
            "{fr}"
        );
        assert!(fr.contains("message privé"), "{fr}");
        let vous = good_reply("fr", "linkedin", Some("vous"), "Marc", "Facture erronée");
        assert!(
            vous.contains("vous avez raison") && vous.contains("LinkedIn"),
            "{vous}"
        );
    }

    #[test]
    fn rule_ids_are_p1_to_p18() {
        for (id, ok) in [
            ("P1", true),
            ("P18", true),
            ("P19", false),
            ("P0", false),
            ("4", false),
            ("Px", false),
        ] {
            assert_eq!(is_rule(id), ok, "{id}");
        }
    }

    #[test]
    fn a_thread_is_found_in_the_list_by_its_id() {
        let list = json!({"threads": [{"id": "en-x", "best": "80"}, {"id": "fr-x", "best": "20"}]});
        let cases = [
            ("fr-x", json!({"id": "fr-x", "best": "20"})),
            ("en-x", json!({"id": "en-x", "best": "80"})),
            ("de-x", Value::Null),
        ];
        for (id, want) in cases {
            assert_eq!(listed(&list, id), want, "{id}");
        }
        assert_eq!(listed(&json!({"view": "thread"}), "en-x"), Value::Null);
    }

    #[test]
    fn a_list_counts_as_drawn_only_with_every_thread_counted() {
        let page =
            json!({"marker": false, "view": "list", "threads": [{"total": "9"}, {"total": "8"}]});
        assert!(list_drawn(&page, 2));
        assert!(!list_drawn(&page, 3));
        let loading =
            json!({"marker": false, "view": "list", "threads": [{"total": "9"}, {"total": ""}]});
        assert!(!list_drawn(&loading, 2));
        let old =
            json!({"marker": true, "view": "list", "threads": [{"total": "9"}, {"total": "8"}]});
        assert!(!list_drawn(&old, 2));
    }
}
