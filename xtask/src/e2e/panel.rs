//! The side panel end to end: the demo thread open in one window, `extension/pages/sidepanel.html`
//! in another, driven as a person would. Owns the panel's checks: its counts and unanswered list
//! against the engine's summary and the fixture's, the jump to a comment in the page, a correction
//! and what it changes, and the JSON and CSV exports read field by field; then the same panel on a
//! 1,000-reply thread (`tests/fixtures/gen_big_thread.py`): counts, waiting list, and a jump to the
//! last waiting comment (its speed is `panel_bench`'s).
//!
//! The real side panel shows the active tab of its own browser window; opened as a page in a
//! window of its own it would show itself. So the harness answers the panel's one "which tab"
//! question (`tabs.query({active, currentWindow})`) with the demo page's tab; everything else the
//! panel does goes through the extension unchanged.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::thread;
use std::time::{Duration, Instant};

use anyhow::{anyhow, bail, Result};
use serde_json::{json, Value};

use super::browser::{Browser, Launched};
use super::panel_bench::{GeneratedThread, LARGE, PIN_TAB};
use super::server::{ServedPage, Server};
use super::values::{counts, string_pairs, strings};
use super::{normalise_url, serve_and_launch, Check, ExtensionProbe, PageSummary};

const PAGE: &str = "x/demo-thread-en.html";
const PANEL: &str = "extension/pages/sidepanel.html";
/// How long the panel may take to show a change (it polls the engine and hears its events).
const PANEL_WAIT: Duration = Duration::from_secs(10);

/// What the panel shows: counts per category and the ids of its waiting list, its live message.
const READ_PANEL: &str = r#"
const counts = {};
for (const row of document.querySelectorAll(".bar-row")) {
  const cat = [...row.classList].find((c) => c.startsWith("cat-"));
  const n = row.querySelector(".count");
  if (cat && n) counts[cat.slice(4)] = Number(n.textContent.trim());
}
const waiting = [...document.querySelectorAll('[data-section="waiting"] li.item[data-id]')].map((li) => li.dataset.id);
const live = document.querySelector(".live");
return JSON.stringify({ counts, waiting, live: live ? live.textContent : "" });
"#;

/// Where the comment `arguments[0]` (an X status id) sits in the page's viewport.
const WHERE_IS: &str = r#"
const link = [...document.querySelectorAll("article a[href]")].find((a) => a.getAttribute("href").endsWith("/status/" + arguments[0]));
const article = link && link.closest("article");
if (!article) return JSON.stringify({ found: false, scroll: scrollY });
const r = article.getBoundingClientRect();
return JSON.stringify({ found: true, top: r.top, bottom: r.bottom, left: r.left, right: r.right,
  height: innerHeight, scroll: scrollY, ratio: devicePixelRatio });
"#;

/// One `ExportThread` round trip from the panel page.
const EXPORT: &str = r#"
const done = arguments[arguments.length - 1];
const api = globalThis.browser ?? globalThis.chrome;
api.runtime.sendMessage({ v: 1, type: "ExportThread", tab_id: arguments[0], format: arguments[1] }).then(
  (reply) => done(JSON.stringify(reply)),
  (error) => done(JSON.stringify({ harness_error: String((error && error.message) || error) })),
);
"#;

/// Runs the panel's checks in `browser` with the extension in `extension_dir`.
pub fn panel_checks(browser: Browser, extension_dir: &Path) -> Result<Vec<Check>> {
    let fixtures = crate::root().join("tests/fixtures");
    let served = ServedPage::load(&fixtures, &fixtures.join(PAGE))?;
    let sidecar: Value = serde_json::from_str(&std::fs::read_to_string(
        super::server::sidecar_of(&fixtures.join(PAGE)),
    )?)?;
    let large = GeneratedThread::new(LARGE, 0)?;
    let (server, launched, mut probe) = serve_and_launch(
        vec![served.clone(), large.page.clone()],
        browser,
        extension_dir,
    )?;
    server.set_active(Some(0));
    let prefix = format!("{} panel {PAGE}", browser.name());
    let mut checks = Vec::new();
    if let Err(e) = run(
        &launched,
        &mut probe,
        &server,
        &served,
        &sidecar["expect"],
        &prefix,
        &mut checks,
    ) {
        checks.push(Check::new(
            &prefix,
            "the panel could be exercised",
            Some(format!("{e:#}")),
        ));
    }
    server.set_active(Some(1));
    let prefix = format!("{} panel, {LARGE}-reply thread", browser.name());
    if let Err(e) = run_large(
        &launched,
        &mut probe,
        &server,
        &large.page,
        &prefix,
        &mut checks,
    ) {
        checks.push(Check::new(
            &prefix,
            "the panel could be exercised",
            Some(format!("{e:#}")),
        ));
    }
    Ok(checks)
}

/// The panel on the 1,000-reply thread: it shows every comment the harness saw read, the same
/// waiting list as the engine's summary, and jumps to the last waiting comment.
fn run_large(
    launched: &Launched,
    probe: &mut ExtensionProbe,
    server: &Server,
    page: &ServedPage,
    prefix: &str,
    checks: &mut Vec<Check>,
) -> Result<()> {
    let session = &launched.session;
    let mut check = |name: &str, failure| checks.push(Check::new(prefix, name, failure));
    let OpenPage {
        report,
        window: page_window,
        summary: engine,
        tab,
    } = open_page(launched, probe, server, page)?;
    let audience = report.comments.iter().filter(|c| !c.by_brand).count() as u64;
    check(
        &format!("the extension read the {LARGE} replies"),
        (audience != LARGE as u64 || report.timed_out).then(|| {
            format!(
                "{audience} comments not by the brand read{}",
                if report.timed_out {
                    ", page never quiet"
                } else {
                    ""
                }
            )
        }),
    );
    // A query of its own, so that Firefox's harness finds this panel page and not the first one.
    let panel_window = open_panel(launched, "?large", tab)?;
    let shown = wait_for_panel_within(launched, LARGE_WAIT, |p| {
        p.counts.values().sum::<u64>() == audience
    })?;
    let sum: u64 = shown.counts.values().sum();
    check(
        "the panel's counts sum to the comments read",
        (sum != audience || !counts_match(&shown.counts, &engine.counts)).then(|| {
            format!(
                "panel {:?} (sum {sum}), read {audience}, summary {:?}",
                shown.counts, engine.counts
            )
        }),
    );
    check(
        "the waiting list is as long as the summary's unanswered",
        (shown.waiting.len() != engine.unanswered.len()
            || set(&shown.waiting) != set(&engine.unanswered))
        .then(|| {
            format!(
                "panel lists {}, summary has {}",
                shown.waiting.len(),
                engine.unanswered.len()
            )
        }),
    );
    let target = shown
        .waiting
        .last()
        .cloned()
        .ok_or_else(|| anyhow!("nothing waiting in the panel"))?;
    let jump = jump_to(launched, &page_window, &panel_window, &target)?;
    check(
        "a click on the last waiting item scrolls the page to it",
        (!jump.clicked || !jump.scrolled_into_view()).then(|| jump.to_string()),
    );
    session.close_window()?;
    session.switch_to(&panel_window)?;
    Ok(())
}

/// A page read and kept open in its window.
struct OpenPage {
    report: super::PageReport,
    window: String,
    /// The engine's summary of its thread.
    summary: PageSummary,
    /// The tab the extension read it in.
    tab: i64,
}

/// Reads `page` in a window kept open.
fn open_page(
    launched: &Launched,
    probe: &mut ExtensionProbe,
    server: &Server,
    page: &ServedPage,
) -> Result<OpenPage> {
    let (report, window) = probe.read_page(launched, server, page, true)?;
    let window = window.ok_or_else(|| anyhow!("the page's window was not kept"))?;
    let summary = report
        .summary
        .clone()
        .ok_or_else(|| anyhow!("GetThreads gave the page no summary"))?;
    let tab = page_tab(launched, &page.url)?;
    Ok(OpenPage {
        report,
        window,
        summary,
        tab,
    })
}

/// Opens the panel (`PANEL` and `query`) in a window of its own, pointed at tab `tab`; answers
/// its window, the current one.
fn open_panel(launched: &Launched, query: &str, tab: i64) -> Result<String> {
    let session = &launched.session;
    let window = session.new_window("window")?;
    session.switch_to(&window)?;
    let window = launched.open_extension_page(&format!("{PANEL}{query}"))?;
    pin(launched, tab)?;
    Ok(window)
}

/// What a click on a waiting item in the panel did to the page.
struct Jump {
    clicked: bool,
    before: Value,
    after: Value,
    /// What the panel's live region said after the click.
    live: String,
}

impl Jump {
    /// The comment is in the viewport now, and the page scrolled to get there.
    fn scrolled_into_view(&self) -> bool {
        let after = &self.after;
        after["found"] == true
            && after["top"].as_f64().unwrap_or(-1.0) >= 0.0
            && after["bottom"].as_f64().unwrap_or(f64::MAX)
                <= after["height"].as_f64().unwrap_or(0.0)
            && self.before["scroll"] != after["scroll"]
    }
}

impl std::fmt::Display for Jump {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "clicked: {}, before {}, after {}, panel said {:?}",
            self.clicked, self.before, self.after, self.live
        )
    }
}

/// Scrolls the page to its top, clicks the waiting item `target` in the panel, and reads where
/// the comment is then; ends in the page's window.
fn jump_to(
    launched: &Launched,
    page_window: &str,
    panel_window: &str,
    target: &str,
) -> Result<Jump> {
    let session = &launched.session;
    session.switch_to(page_window)?;
    session.execute("window.scrollTo(0, 0); return true;", json!([]))?;
    let before = where_is(launched, target)?;
    session.switch_to(panel_window)?;
    let clicked = session.click_first(&format!(
        "[data-section=\"waiting\"] li.item[data-id=\"{target}\"] button.item-main"
    ))?;
    thread::sleep(Duration::from_millis(600));
    let live = read_panel(launched)?.live;
    session.switch_to(page_window)?;
    let after = where_is(launched, target)?;
    Ok(Jump {
        clicked,
        before,
        after,
        live,
    })
}

/// How long the panel may take to show the 1,000-reply thread.
const LARGE_WAIT: Duration = Duration::from_secs(60);

/// Points the panel (the current window) at tab `tab`.
fn pin(launched: &Launched, tab: i64) -> Result<()> {
    let raw = launched.session.execute_async(PIN_TAB, json!([tab]))?;
    let v: Value = serde_json::from_str(raw.as_str().unwrap_or("{}"))?;
    if v["tab"].as_i64() != Some(tab) {
        bail!("pinning the panel to tab {tab}: {v}");
    }
    Ok(())
}

fn run(
    launched: &Launched,
    probe: &mut ExtensionProbe,
    server: &Server,
    served: &ServedPage,
    expect: &Value,
    prefix: &str,
    checks: &mut Vec<Check>,
) -> Result<()> {
    let session = &launched.session;
    let mut check = |name: &str, failure| checks.push(Check::new(prefix, name, failure));
    let OpenPage {
        report,
        window: page_window,
        summary: engine,
        tab,
    } = open_page(launched, probe, server, served)?;

    // The fixture's expected summary (the parts it pins) holds for what the engine said.
    if let Some(want) = expect.get("summary") {
        let problems = crate::expect::check_summary(&serde_json::to_value(&engine)?, want);
        check(
            "GetThreads' summary meets the fixture's",
            (!problems.is_empty()).then(|| problems.join("; ")),
        );
    }

    let panel_window = open_panel(launched, "", tab)?;

    let shown = wait_for_panel(launched, |p| counts_match(&p.counts, &engine.counts))?;
    check(
        "the panel's counts are the summary's",
        (!counts_match(&shown.counts, &engine.counts))
            .then(|| format!("panel {:?}, summary {:?}", shown.counts, engine.counts)),
    );
    check(
        "the panel's waiting list is the summary's unanswered",
        (set(&shown.waiting) != set(&engine.unanswered))
            .then(|| format!("panel {:?}, summary {:?}", shown.waiting, engine.unanswered)),
    );

    // Jump to an unanswered comment that is far down the page.
    let target = engine
        .unanswered
        .last()
        .cloned()
        .ok_or_else(|| anyhow!("nothing unanswered to jump to"))?;
    let jump = jump_to(launched, &page_window, &panel_window, &target)?;
    check(
        "the unanswered item can be clicked",
        (!jump.clicked).then(|| "no such item in the panel".to_string()),
    );
    // The outline lives in the content script's closed shadow root, out of any script's reach:
    // look for its colour in a screenshot, around the comment, while it lasts (1.6 s).
    let outline = session
        .screenshot()
        .and_then(|png| decode_png(&png))
        .map(|image| outline_pixels(&image, &jump.after));
    check(
        "the page scrolled the clicked comment into view",
        (!jump.scrolled_into_view()).then(|| jump.to_string()),
    );

    check(
        "the clicked comment carries the outline",
        match &outline {
            Ok(n) if *n >= MIN_OUTLINE_PIXELS => None,
            Ok(n) => Some(format!("{n} outline-coloured pixels around it")),
            Err(e) => Some(format!("{e:#}")),
        },
    );

    // Correct an unanswered complaint into praise: the counts and the list follow.
    session.switch_to(&panel_window)?;
    let corrected = report
        .comments
        .iter()
        .find(|c| c.category.as_deref() == Some("complaint") && engine.unanswered.contains(&c.id))
        .map(|c| c.id.clone())
        .ok_or_else(|| anyhow!("no unanswered complaint to correct"))?;
    let opened = session.click_first(&format!(".correct-open[data-key=\"w:{corrected}\"]"))?;
    thread::sleep(Duration::from_millis(300));
    let picked = session.click_first(&format!(
        "[data-action=\"correct\"][data-id=\"{corrected}\"][data-category=\"praise\"]"
    ))?;
    check(
        "the correction menu opens and offers praise",
        (!opened || !picked).then(|| format!("menu opened: {opened}, praise picked: {picked}")),
    );
    let mut want = engine.counts.clone();
    *want.entry("complaint".into()).or_default() -= 1;
    *want.entry("praise".into()).or_default() += 1;
    let shown = wait_for_panel(launched, |p| counts_match(&p.counts, &want))?;
    check(
        "the panel's counts follow the correction",
        (!counts_match(&shown.counts, &want))
            .then(|| format!("panel {:?}, expected {want:?}", shown.counts)),
    );
    check(
        "the corrected comment leaves the waiting list",
        shown
            .waiting
            .contains(&corrected)
            .then(|| format!("{corrected} still listed: {:?}", shown.waiting)),
    );
    let after_summary = ExtensionProbe::ask(launched)
        .ok()
        .and_then(|reply| thread_of(&reply, tab))
        .and_then(|t| PageSummary::from_thread(&t))
        .ok_or_else(|| anyhow!("GetThreads lost the thread after the correction"))?;
    check(
        "GetThreads' summary follows the correction",
        (!counts_match(&after_summary.counts, &want)
            || after_summary.unanswered.contains(&corrected))
        .then(|| format!("{after_summary:?}")),
    );

    // Exports, field by field, against the thread as GetThreads reports it now.
    let thread = ExtensionProbe::ask(launched)
        .ok()
        .and_then(|reply| thread_of(&reply, tab))
        .ok_or_else(|| anyhow!("GetThreads lost the thread"))?;
    let truth = Truth::of(&thread, &corrected);
    for format in ["json", "csv"] {
        let failure = match export(launched, tab, format) {
            Ok(content) => {
                let rows = if format == "json" {
                    json_rows(&content)
                } else {
                    csv_rows(&content)
                };
                match rows {
                    Ok(rows) => truth.compare(&rows),
                    Err(e) => vec![format!("{e:#}")],
                }
            }
            Err(e) => vec![format!("{e:#}")],
        };
        check(
            &format!("the {format} export has every comment with its fields"),
            (!failure.is_empty()).then(|| failure.join("; ")),
        );
    }
    Ok(())
}

/// What the panel showed.
#[derive(Debug, Default)]
struct Shown {
    counts: BTreeMap<String, u64>,
    waiting: Vec<String>,
    live: String,
}

fn read_panel(launched: &Launched) -> Result<Shown> {
    let raw = launched.session.execute(READ_PANEL, json!([]))?;
    let value: Value = serde_json::from_str(raw.as_str().unwrap_or("{}"))?;
    Ok(Shown {
        counts: counts(&value["counts"]),
        waiting: strings(&value["waiting"]),
        live: value["live"].as_str().unwrap_or_default().to_string(),
    })
}

/// Reads the panel until `ready` holds or [`PANEL_WAIT`] passes; answers the last reading.
fn wait_for_panel(launched: &Launched, ready: impl Fn(&Shown) -> bool) -> Result<Shown> {
    wait_for_panel_within(launched, PANEL_WAIT, ready)
}

fn wait_for_panel_within(
    launched: &Launched,
    wait: Duration,
    ready: impl Fn(&Shown) -> bool,
) -> Result<Shown> {
    let deadline = Instant::now() + wait;
    loop {
        let shown = read_panel(launched)?;
        if ready(&shown) || Instant::now() >= deadline {
            return Ok(shown);
        }
        thread::sleep(Duration::from_millis(250));
    }
}

/// Counts agree when every category has the same number, a missing one counting as 0.
fn counts_match(a: &BTreeMap<String, u64>, b: &BTreeMap<String, u64>) -> bool {
    a.keys()
        .chain(b.keys())
        .all(|k| a.get(k).copied().unwrap_or(0) == b.get(k).copied().unwrap_or(0))
}

fn set(items: &[String]) -> BTreeSet<&str> {
    items.iter().map(String::as_str).collect()
}

fn where_is(launched: &Launched, id: &str) -> Result<Value> {
    let raw = launched.session.execute(WHERE_IS, json!([id]))?;
    Ok(serde_json::from_str(raw.as_str().unwrap_or("{}"))?)
}

/// The tab of the newest thread read at `url`.
fn page_tab(launched: &Launched, url: &str) -> Result<i64> {
    let reply = ExtensionProbe::ask(launched)?;
    let want = normalise_url(url);
    reply["threads"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|t| t["url"].as_str().map(normalise_url).as_deref() == Some(want.as_str()))
        .filter_map(|t| t["tab_id"].as_i64())
        .max()
        .ok_or_else(|| anyhow!("no thread at {url}"))
}

fn thread_of(reply: &Value, tab: i64) -> Option<Value> {
    reply["threads"]
        .as_array()?
        .iter()
        .find(|t| t["tab_id"].as_i64() == Some(tab))
        .cloned()
}

fn export(launched: &Launched, tab: i64, format: &str) -> Result<String> {
    let raw = launched
        .session
        .execute_async(EXPORT, json!([tab, format]))?;
    let reply: Value = serde_json::from_str(raw.as_str().unwrap_or("{}"))?;
    if reply["type"] != "Export" {
        bail!("ExportThread {format} answered {reply}");
    }
    Ok(reply["content"].as_str().unwrap_or_default().to_string())
}

/// One exported comment, the fields the check compares.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Row {
    id: String,
    author: String,
    category: String,
    corrected_from: String,
    answered: bool,
}

/// What every export must say, from `GetThreads` and its summary.
struct Truth {
    rows: Vec<Row>,
}

impl Truth {
    /// `corrected` is the comment the check corrected from complaint: the exports must say so.
    fn of(thread: &Value, corrected: &str) -> Self {
        let answered: BTreeSet<String> = strings(&thread["summary"]["answered"])
            .into_iter()
            .collect();
        let rows = thread["comments"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|c| {
                let id = c["id"].as_str().unwrap_or_default().to_string();
                Row {
                    corrected_from: if id == corrected {
                        "complaint".into()
                    } else {
                        String::new()
                    },
                    answered: answered.contains(&id),
                    author: c["author"].as_str().unwrap_or_default().to_string(),
                    category: c["category"].as_str().unwrap_or_default().to_string(),
                    id,
                }
            })
            .collect();
        Self { rows }
    }

    /// Every difference between the export's rows and the truth, per comment and field.
    fn compare(&self, got: &[Row]) -> Vec<String> {
        let mut problems = Vec::new();
        if got.len() != self.rows.len() {
            problems.push(format!(
                "{} rows, the thread has {} comments",
                got.len(),
                self.rows.len()
            ));
        }
        for want in &self.rows {
            let Some(row) = got.iter().find(|r| r.id == want.id) else {
                problems.push(format!("comment {} missing", want.id));
                continue;
            };
            if row != want {
                problems.push(format!(
                    "comment {}: export {row:?}, expected {want:?}",
                    want.id
                ));
            }
        }
        problems
    }
}

/// Rows of a JSON export (`candor-thread-report`).
fn json_rows(content: &str) -> Result<Vec<Row>> {
    let doc: Value = serde_json::from_str(content)?;
    if doc["format"] != "candor-thread-report" {
        bail!("not a thread report: format {}", doc["format"]);
    }
    let corrections: BTreeMap<String, String> =
        string_pairs(&doc["corrections"], "id", "corrected_from")
            .into_iter()
            .collect();
    let rows: Vec<Row> = doc["comments"]
        .as_array()
        .ok_or_else(|| anyhow!("the JSON export has no comments"))?
        .iter()
        .map(|c| {
            // A comment is either nested (`comment`, `verdict`) or flat, as serde lays it out.
            let field = |outer: &str, key: &str| {
                c[outer][key]
                    .as_str()
                    .or_else(|| c[key].as_str())
                    .unwrap_or_default()
                    .to_string()
            };
            let id = field("comment", "id");
            Row {
                author: field("comment", "author"),
                category: field("verdict", "category"),
                corrected_from: c["corrected_from"].as_str().unwrap_or_default().into(),
                answered: c["answered_by_brand"].as_bool().unwrap_or(false),
                id,
            }
        })
        .collect();
    // The corrections list must say the same as the comments.
    let listed: BTreeMap<String, String> = rows
        .iter()
        .filter(|r| !r.corrected_from.is_empty())
        .map(|r| (r.id.clone(), r.corrected_from.clone()))
        .collect();
    if listed != corrections {
        bail!("corrections {corrections:?} disagree with the comments {listed:?}");
    }
    Ok(rows)
}

/// Rows of a CSV export: byte-order mark, header, CRLF rows, quoted cells with doubled quotes.
fn csv_rows(content: &str) -> Result<Vec<Row>> {
    let records = candor::thread::export::read_csv(content);
    let (header, body) = records
        .split_first()
        .ok_or_else(|| anyhow!("the CSV export is empty"))?;
    let column = |name: &str| {
        header
            .iter()
            .position(|h| h == name)
            .ok_or_else(|| anyhow!("the CSV has no {name} column"))
    };
    let (id, author, category, from, answered) = (
        column("id")?,
        column("author")?,
        column("category")?,
        column("corrected_from")?,
        column("answered_by_brand")?,
    );
    body.iter()
        .map(|r| {
            if r.len() != header.len() {
                bail!("a row has {} cells, the header {}", r.len(), header.len());
            }
            Ok(Row {
                id: r[id].clone(),
                author: r[author].clone(),
                category: r[category].clone(),
                corrected_from: r[from].clone(),
                answered: match r[answered].as_str() {
                    "yes" => true,
                    "no" => false,
                    other => bail!("answered_by_brand is {other:?}"),
                },
            })
        })
        .collect()
}

/// The flash outline's colour (`extension/content/badges.js`), and how many pixels of it around
/// the comment prove it is drawn: a 3 px border around a comment is thousands.
const OUTLINE_RGB: [u8; 3] = [0xe8, 0x59, 0x0c];
const MIN_OUTLINE_PIXELS: usize = 200;

/// A decoded screenshot: RGB rows.
struct Image {
    width: usize,
    height: usize,
    rgb: Vec<[u8; 3]>,
}

/// Decodes the 8-bit RGB or RGBA, non-interlaced PNG that WebDriver screenshots are.
fn decode_png(png: &[u8]) -> Result<Image> {
    use std::io::Read;
    if png.get(..8) != Some(b"\x89PNG\r\n\x1a\n".as_slice()) {
        bail!("the screenshot is not a PNG");
    }
    let (mut width, mut height, mut channels) = (0usize, 0usize, 0usize);
    let mut data = Vec::new();
    let mut at = 8;
    while at + 8 <= png.len() {
        let len = u32::from_be_bytes(png[at..at + 4].try_into()?) as usize;
        let kind = &png[at + 4..at + 8];
        let body = png
            .get(at + 8..at + 8 + len)
            .ok_or_else(|| anyhow!("a PNG chunk runs past the end"))?;
        match kind {
            b"IHDR" => {
                width = u32::from_be_bytes(body[0..4].try_into()?) as usize;
                height = u32::from_be_bytes(body[4..8].try_into()?) as usize;
                channels = match (body[8], body[9], body[12]) {
                    (8, 2, 0) => 3,
                    (8, 6, 0) => 4,
                    other => bail!("PNG depth/colour/interlace {other:?} not read here"),
                };
            }
            b"IDAT" => data.extend_from_slice(body),
            b"IEND" => break,
            _ => {}
        }
        at += 12 + len;
    }
    let mut raw = Vec::new();
    flate2::read::ZlibDecoder::new(data.as_slice()).read_to_end(&mut raw)?;
    let stride = width * channels;
    if raw.len() < height * (stride + 1) {
        bail!(
            "the PNG holds {} bytes, {} expected",
            raw.len(),
            height * (stride + 1)
        );
    }
    let mut pixels = vec![0u8; height * stride];
    for y in 0..height {
        let filter = raw[y * (stride + 1)];
        let line = &raw[y * (stride + 1) + 1..(y + 1) * (stride + 1)];
        for x in 0..stride {
            let a = if x >= channels {
                pixels[y * stride + x - channels]
            } else {
                0
            };
            let b = if y > 0 {
                pixels[(y - 1) * stride + x]
            } else {
                0
            };
            let c = if y > 0 && x >= channels {
                pixels[(y - 1) * stride + x - channels]
            } else {
                0
            };
            let predicted = match filter {
                0 => 0,
                1 => a,
                2 => b,
                3 => ((a as u16 + b as u16) / 2) as u8,
                4 => paeth(a, b, c),
                other => bail!("PNG filter {other}"),
            };
            pixels[y * stride + x] = line[x].wrapping_add(predicted);
        }
    }
    let rgb = pixels
        .chunks_exact(channels)
        .map(|p| [p[0], p[1], p[2]])
        .collect();
    Ok(Image { width, height, rgb })
}

fn paeth(a: u8, b: u8, c: u8) -> u8 {
    let p = a as i16 + b as i16 - c as i16;
    let (pa, pb, pc) = (
        (p - a as i16).abs(),
        (p - b as i16).abs(),
        (p - c as i16).abs(),
    );
    if pa <= pb && pa <= pc {
        a
    } else if pb <= pc {
        b
    } else {
        c
    }
}

/// Outline-coloured pixels in a 12 px band around the comment's box (`where` from [`WHERE_IS`]).
fn outline_pixels(image: &Image, place: &Value) -> usize {
    let ratio = place["ratio"].as_f64().unwrap_or(1.0);
    let px = |key: &str| (place[key].as_f64().unwrap_or(0.0) * ratio) as i64;
    let band = (12.0 * ratio) as i64;
    let (left, right, top, bottom) = (px("left"), px("right"), px("top"), px("bottom"));
    let mut n = 0;
    for y in (top - band).max(0)..(bottom + band).min(image.height as i64) {
        for x in (left - band).max(0)..(right + band).min(image.width as i64) {
            let inside = x > left + band && x < right - band && y > top + band && y < bottom - band;
            if inside {
                continue;
            }
            let p = image.rgb[y as usize * image.width + x as usize];
            let near = p
                .iter()
                .zip(OUTLINE_RGB)
                .all(|(&got, want)| (got as i16 - want as i16).abs() <= 24);
            n += usize::from(near);
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A PNG of `rows` (RGB) with every line filtered as `filter`, stored uncompressed by zlib.
    fn png(rows: &[Vec<[u8; 3]>], filter: u8) -> Vec<u8> {
        use std::io::Write;
        let (w, h) = (rows[0].len() as u32, rows.len() as u32);
        let mut raw = Vec::new();
        for (y, row) in rows.iter().enumerate() {
            raw.push(filter);
            let flat: Vec<u8> = row.iter().flatten().copied().collect();
            for (x, &v) in flat.iter().enumerate() {
                let a = if x >= 3 { flat[x - 3] } else { 0 };
                let b = if y > 0 {
                    rows[y - 1].iter().flatten().nth(x).copied().unwrap()
                } else {
                    0
                };
                let predicted = match filter {
                    0 => 0,
                    1 => a,
                    2 => b,
                    _ => unreachable!(),
                };
                raw.push(v.wrapping_sub(predicted));
            }
        }
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
        z.write_all(&raw).unwrap();
        let idat = z.finish().unwrap();
        let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
        let mut chunk = |kind: &[u8], body: &[u8]| {
            out.extend_from_slice(&(body.len() as u32).to_be_bytes());
            out.extend_from_slice(kind);
            out.extend_from_slice(body);
            out.extend_from_slice(&[0, 0, 0, 0]); // CRC: not checked by the reader.
        };
        let mut ihdr = Vec::new();
        ihdr.extend_from_slice(&w.to_be_bytes());
        ihdr.extend_from_slice(&h.to_be_bytes());
        ihdr.extend_from_slice(&[8, 2, 0, 0, 0]);
        chunk(b"IHDR", &ihdr);
        chunk(b"IDAT", &idat);
        chunk(b"IEND", &[]);
        out
    }

    #[test]
    fn screenshots_decode_and_the_outline_is_counted_around_the_box() {
        let orange = OUTLINE_RGB;
        let white = [255, 255, 255];
        // A 40×40 white image with a 2 px orange frame from 10 to 29.
        let rows: Vec<Vec<[u8; 3]>> = (0..40)
            .map(|y| {
                (0..40)
                    .map(|x| {
                        let on_frame = (10..30).contains(&x)
                            && (10..30).contains(&y)
                            && !((12..28).contains(&x) && (12..28).contains(&y));
                        if on_frame {
                            orange
                        } else {
                            white
                        }
                    })
                    .collect()
            })
            .collect();
        for filter in [0, 1, 2] {
            let image = decode_png(&png(&rows, filter)).unwrap();
            assert_eq!((image.width, image.height), (40, 40));
            assert_eq!(image.rgb, rows.concat(), "filter {filter}");
            let around =
                json!({"left": 12.0, "right": 28.0, "top": 12.0, "bottom": 28.0, "ratio": 1.0});
            assert_eq!(outline_pixels(&image, &around), 20 * 20 - 16 * 16);
        }
        let blank: Vec<Vec<[u8; 3]>> = vec![vec![white; 40]; 40];
        let image = decode_png(&png(&blank, 0)).unwrap();
        let around =
            json!({"left": 12.0, "right": 28.0, "top": 12.0, "bottom": 28.0, "ratio": 1.0});
        assert_eq!(outline_pixels(&image, &around), 0);
        assert!(decode_png(b"GIF89a").is_err());
    }

    fn row(id: &str, category: &str, from: &str, answered: bool) -> Row {
        Row {
            id: id.into(),
            author: "Ann".into(),
            category: category.into(),
            corrected_from: from.into(),
            answered,
        }
    }

    #[test]
    fn exports_are_compared_field_by_field() {
        let truth = Truth {
            rows: vec![
                row("1", "praise", "complaint", false),
                row("2", "question", "", true),
            ],
        };
        let cases: Vec<(&str, Vec<Row>, usize)> = vec![
            ("same", truth.rows.clone(), 0),
            ("a row missing", vec![truth.rows[0].clone()], 2),
            (
                "correction lost",
                vec![row("1", "complaint", "", false), truth.rows[1].clone()],
                1,
            ),
            (
                "answered flag wrong",
                vec![truth.rows[0].clone(), row("2", "question", "", false)],
                1,
            ),
        ];
        for (name, got, problems) in cases {
            assert_eq!(truth.compare(&got).len(), problems, "{name}");
        }
    }

    #[test]
    fn both_export_formats_read_to_the_same_rows() {
        let csv = "\u{feff}id,author,category,corrected_from,answered_by_brand\r\n1,Ann,praise,complaint,yes\r\n";
        assert_eq!(
            csv_rows(csv).unwrap(),
            vec![row("1", "praise", "complaint", true)]
        );
        assert!(csv_rows(
            "id,author,category,corrected_from,answered_by_brand\r\n1,Ann,praise,,maybe\r\n"
        )
        .is_err());
        let json = json!({"format": "candor-thread-report", "comments": [
            {"comment": {"id": "1", "author": "Ann"}, "verdict": {"category": "praise"},
             "corrected_from": "complaint", "answered_by_brand": true}],
            "corrections": [{"id": "1", "category": "praise", "corrected_from": "complaint"}]});
        assert_eq!(
            json_rows(&json.to_string()).unwrap(),
            vec![row("1", "praise", "complaint", true)]
        );
        let mut no_list = json.clone();
        no_list["corrections"] = json!([]);
        assert!(json_rows(&no_list.to_string()).is_err());
    }
}
