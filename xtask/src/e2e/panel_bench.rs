//! `cargo xtask e2e --panel-bench [--browser chromium|firefox] [--rounds N] [--extension DIR]`: how
//! fast the side panel follows a live thread, with the real extension, in Chromium and Firefox (both
//! unless `--browser` names one). Owns the "panel-latency" section of BENCHMARKS.md and the
//! generated X threads (`tests/fixtures/gen_big_thread.py`) that the panel's checks also read.
//!
//! The thread page and the panel page sit side by side as in `panel`. Each round, a script in the
//! thread page appends new replies the way X does (`__candorAppend`: new cells in the timeline) and
//! stamps `Date.now()`; a MutationObserver in the panel page stamps `Date.now()` when the sum of
//! the panel's counts first reaches the new total. Both stamps come from the same browser's clock,
//! so WebDriver's own pace (it only collects the stamps) is not in the figures. The same observer
//! times the load of the 1,000-reply page (navigation start to the panel showing 1,000), and a
//! click on a category filter times the panel's full redraw of that thread. With
//! `CANDOR_PANEL_TRACE=1` each round also prints, in ms from the append, when the panel heard
//! content-script messages and each of its refreshes (start + asking + drawing).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::thread;
use std::time::{Duration, Instant};

use anyhow::{anyhow, bail, Context, Result};
use serde_json::{json, Value};

use super::browser::{Browser, Launched, TempDir};
use super::serve_and_launch;
use super::server::ServedPage;

const PANEL: &str = "extension/pages/sidepanel.html";
/// Replies appended per round, and rounds of each size by default.
const ROUND_SIZES: [usize; 3] = [1, 5, 20];
const ROUNDS_PER_SIZE: usize = 8;
/// Replies of the small and the large thread.
const SMALL: usize = 20;
pub const LARGE: usize = 1000;
/// Longest wait for one stamp before the round counts as missed.
const STAMP_WAIT: Duration = Duration::from_secs(15);
/// Full redraws timed per thread.
const REDRAWS: usize = 10;
/// The goal the issue sets, in ms.
const GOAL_MS: f64 = 300.0;

/// An X thread of `replies` replies written by `gen_big_thread.py`, with `more` held back for
/// `__candorAppend`, in a folder that lives as long as the page is needed.
pub struct GeneratedThread {
    pub page: ServedPage,
    _dir: TempDir,
}

impl GeneratedThread {
    pub fn new(replies: usize, more: usize) -> Result<Self> {
        let dir = TempDir::new("candor-thread")?;
        let html = dir.0.join(format!("x-thread-{replies}.html"));
        let script = crate::root().join("tests/fixtures/gen_big_thread.py");
        let out = Command::new("python3")
            .arg(&script)
            .arg(replies.to_string())
            .arg(&html)
            .arg(more.to_string())
            .output()
            .context("running python3 tests/fixtures/gen_big_thread.py")?;
        if !out.status.success() {
            bail!(
                "gen_big_thread.py failed: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        let sidecar: Value =
            serde_json::from_str(&std::fs::read_to_string(html.with_extension("json"))?)?;
        let url = sidecar["url"]
            .as_str()
            .ok_or_else(|| anyhow!("the generated sidecar has no url"))?;
        let page = ServedPage::new(
            format!("gen_big_thread.py {replies}"),
            url,
            sidecar["csp"].as_str().map(str::to_string),
            std::fs::read(&html)?,
        )?;
        Ok(Self { page, _dir: dir })
    }
}

/// Points the panel's "active tab of my window" question at the newest tab that is not the
/// panel's own (the page window the harness just opened) or at `arguments[0]` when given; answers
/// the tab's id. Calling it again moves the pin. State lives in the DOM (`data-*` on the root
/// element): Firefox runs each WebDriver script in a sandbox of its own, whose globals do not last.
pub const PIN_TAB: &str = r#"
const done = arguments[arguments.length - 1];
const wanted = arguments.length > 1 ? arguments[0] : null;
const api = globalThis.browser ?? globalThis.chrome;
(async () => {
  const namespaces = [globalThis.browser, globalThis.chrome].filter((ns) => ns && ns.tabs);
  const real = (namespaces[0].tabs.__candorRealQuery ??= namespaces[0].tabs.query.bind(namespaces[0].tabs));
  let tab = wanted;
  if (tab === null) {
    const own = await api.tabs.getCurrent();
    const others = (await real({})).filter((t) => !own || t.id !== own.id);
    tab = Math.max(...others.map((t) => t.id));
  }
  const root = document.documentElement;
  root.dataset.candorPinnedTab = String(tab);
  for (const ns of namespaces) {
    if (ns.tabs.__candorPinned) continue;
    ns.tabs.query = (q, ...rest) =>
      q && q.active && q.currentWindow
        ? real({}).then((all) => all.filter((t) => t.id === Number(root.dataset.candorPinnedTab)))
        : real(q, ...rest);
    ns.tabs.__candorPinned = true;
  }
  // The panel looks again when it gets the focus, as when a person comes back to it.
  window.dispatchEvent(new Event("focus"));
  return tab;
})().then((tab) => done(JSON.stringify({ tab })), (e) => done(JSON.stringify({ error: String(e) })));
"#;

/// Installs (once) the panel page's observer: when the sum of the counts first reaches the armed
/// total (`data-bench-want` on the root element), it stamps `Date.now()` in `data-bench-at`.
/// Answers the current sum.
const OBSERVE: &str = r#"
const root = document.documentElement;
const total = () => [...document.querySelectorAll(".bar-row .count")].reduce((s, n) => s + Number(n.textContent.trim() || 0), 0);
if (!root.dataset.benchObserved) {
  root.dataset.benchObserved = "yes";
  new MutationObserver(() => {
    const want = root.dataset.benchWant;
    if (want && !root.dataset.benchAt && total() >= Number(want)) root.dataset.benchAt = String(Date.now());
  }).observe(document.getElementById("candor-panel") || document.body, { childList: true, subtree: true, characterData: true });
}
return total();
"#;

/// Arms the observer for a total of `arguments[0]`; answers the sum already shown.
const ARM: &str = r#"
const root = document.documentElement;
root.dataset.benchWant = String(arguments[0]);
delete root.dataset.benchAt;
return [...document.querySelectorAll(".bar-row .count")].reduce((s, n) => s + Number(n.textContent.trim() || 0), 0);
"#;

/// The stamp, once the panel showed the armed total (null before).
const STAMPED: &str =
    "const at = document.documentElement.dataset.benchAt; return at ? Number(at) : null;";

/// The panel's own timings (`crate/src/web/ui/mod.rs`, `timings`): when it heard content scripts'
/// messages, and each refresh as [start, ask and read ms, draw ms, redrew].
/// Firefox's WebDriver sees the page's own globals through `wrappedJSObject`.
const PANEL_TIMES: &str = "const page = window.wrappedJSObject || window; \
     return JSON.stringify(page.candorPanelTimes || { heard: [], refreshes: [] });";

/// In the thread page: appends `arguments[0]` replies as X does; answers the stamp taken just
/// before and how many were appended.
const APPEND: &str = r#"
const before = document.querySelectorAll('[data-testid="cellInnerDiv"]').length;
const at = Date.now();
window.__candorAppend(arguments[0]);
const added = document.querySelectorAll('[data-testid="cellInnerDiv"]').length - before;
return JSON.stringify({ at, added });
"#;

/// When the thread page's navigation started, on the `Date.now()` clock.
const NAVIGATION_START: &str = "return performance.timeOrigin;";

/// Times `arguments[0]` full redraws of the panel: each is a click on a category filter and a
/// click back to every comment (the redraw that draws the whole list), then a forced layout.
/// Answers the times in ms of the click back (script and layout) and of the script alone.
const REDRAW: &str = r#"
const runs = arguments[0];
const button = () => document.querySelector('.bar-row[data-category="spam"]');
const full = [], script = [];
for (let i = 0; i < runs; i += 1) {
  if (!button()) return JSON.stringify({ error: "no filter button" });
  button().click();
  document.body.offsetHeight;
  const t0 = performance.now();
  button().click();
  const t1 = performance.now();
  document.body.offsetHeight;
  const t2 = performance.now();
  script.push(t1 - t0);
  full.push(t2 - t0);
}
return JSON.stringify({ full, script, items: document.querySelectorAll("li.item").length });
"#;

/// One `GetThreads` from the panel page, timed there, answered as objects and as JSON text (the
/// panel's way, `as_text`); answers both times in ms and the answer's JSON size.
const GET_THREADS_TIMED: &str = r#"
const done = arguments[arguments.length - 1];
const api = globalThis.browser ?? globalThis.chrome;
const request = { v: 1, type: "GetThreads", now_ms: Date.now() };
(async () => {
  const t0 = performance.now();
  const reply = await api.runtime.sendMessage(request);
  const t1 = performance.now();
  const text = await api.runtime.sendMessage({ as_text: true, request });
  const t2 = performance.now();
  // An extension without `as_text` (an older build) answers objects: no figure for it.
  return { objects: t1 - t0, text: typeof text === "string" ? t2 - t1 : null, bytes: JSON.stringify(reply).length };
})().then((out) => done(JSON.stringify(out)), (e) => done(JSON.stringify({ error: String(e) })));
"#;

pub fn main(args: &[String]) -> Result<()> {
    let mut browsers = vec![Browser::Chromium, Browser::Firefox];
    let mut extension: Option<PathBuf> = None;
    let mut rounds = ROUNDS_PER_SIZE;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match (arg.as_str(), it.next()) {
            ("--browser", Some(name)) => browsers = vec![Browser::parse(name)?],
            ("--extension", Some(dir)) => extension = Some(PathBuf::from(dir)),
            ("--rounds", Some(n)) => rounds = n.parse().context("--rounds takes a number")?,
            _ => bail!("usage: cargo xtask e2e --panel-bench [--browser chromium|firefox] [--rounds N] [--extension DIR]"),
        }
    }
    if rounds == 0 {
        bail!("--rounds must be at least 1");
    }
    let built = match &extension {
        Some(_) => None,
        None => Some(crate::build::build()?),
    };
    let mut figures = Vec::new();
    for browser in &browsers {
        let dir = match (&extension, &built) {
            (Some(dir), _) => dir.clone(),
            (None, Some(b)) => browser.extension_in(b).to_path_buf(),
            (None, None) => unreachable!("built when no folder is given"),
        };
        eprintln!("panel-bench: {}", browser.name());
        figures.push(measure(*browser, &dir, rounds)?);
    }
    let md = markdown(&figures, rounds);
    println!("{md}");
    let command = match browsers.as_slice() {
        [one] => format!("cargo xtask e2e --panel-bench --browser {}", one.name()),
        _ => "cargo xtask e2e --panel-bench".to_string(),
    };
    crate::benchmarks::write_section("panel-latency", &command, &md)?;
    eprintln!("panel-bench: wrote the panel-latency section of BENCHMARKS.md");
    Ok(())
}

/// What one browser measured.
struct Figures {
    browser: Browser,
    version: String,
    /// Per thread size: each round, by replies appended.
    latency: Vec<(usize, Vec<(usize, Round)>)>,
    /// Per thread size, the panel's refreshes during the rounds: ms asking for and reading the
    /// threads, and ms drawing when it redrew.
    refreshes: Vec<(usize, Vec<f64>, Vec<f64>)>,
    load_to_large_ms: Option<f64>,
    /// Content-script messages the panel heard while the large page was read, and the first one's
    /// time from navigation start.
    load_messages: usize,
    load_first_message_ms: Option<f64>,
    /// Full redraws of the large thread: with layout, script alone; and the items drawn.
    redraw_ms: Vec<f64>,
    redraw_script_ms: Vec<f64>,
    redraw_items: u64,
    /// `GetThreads` from the panel page with the large thread read: ms answered as objects, ms
    /// answered as text, and bytes.
    get_threads: Vec<f64>,
    get_threads_text: Vec<f64>,
    get_threads_bytes: u64,
}

fn measure(browser: Browser, extension_dir: &Path, rounds: usize) -> Result<Figures> {
    let more = ROUND_SIZES.iter().sum::<usize>() * rounds;
    let small = GeneratedThread::new(SMALL, more)?;
    let large = GeneratedThread::new(LARGE, more)?;
    let (server, launched, _probe) = serve_and_launch(
        vec![small.page.clone(), large.page.clone()],
        browser,
        extension_dir,
    )?;
    let session = &launched.session;
    session.set_script_timeout(60_000)?;

    let panel_window = session.new_window("window")?;
    session.switch_to(&panel_window)?;
    let panel_window = launched.open_extension_page(PANEL)?;
    session.execute(OBSERVE, json!([]))?;

    let mut figures = Figures {
        browser,
        version: browser_version(&launched),
        latency: Vec::new(),
        refreshes: Vec::new(),
        load_to_large_ms: None,
        load_messages: 0,
        load_first_message_ms: None,
        redraw_ms: Vec::new(),
        redraw_script_ms: Vec::new(),
        redraw_items: 0,
        get_threads: Vec::new(),
        get_threads_text: Vec::new(),
        get_threads_bytes: 0,
    };

    // The small thread, then the large one, each in a window of its own beside the panel.
    for (index, replies) in [(0, SMALL), (1, LARGE)] {
        server.set_active(Some(index));
        let page_window = session.new_window("window")?;
        session.switch_to(&panel_window)?;
        pin_newest(&launched)?;
        session.execute(ARM, json!([replies]))?;
        session.switch_to(&page_window)?;
        let url = if index == 0 {
            &small.page.url
        } else {
            &large.page.url
        };
        session.navigate(url)?;
        let started = session
            .execute(NAVIGATION_START, json!([]))?
            .as_f64()
            .ok_or_else(|| anyhow!("no performance.timeOrigin in the page"))?;
        session.switch_to(&panel_window)?;
        let shown = wait_stamp(&launched, Duration::from_secs(60))?;
        if index == 1 {
            figures.load_to_large_ms = shown.map(|at| at - started);
            // The content script's messages while the page was read: how many, the first.
            let heard: Vec<f64> = panel_times(&launched)?["heard"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_f64)
                .filter(|&t| t >= started && shown.is_none_or(|at| t <= at))
                .collect();
            figures.load_messages = heard.len();
            figures.load_first_message_ms = heard.first().map(|t| t - started);
        }
        if shown.is_none() {
            let now = session.execute(ARM, json!([replies]))?;
            bail!("the panel never showed {replies} comments (it shows {now})");
        }
        settle(&launched)?;
        if index == 1 {
            let raw = session.execute(REDRAW, json!([REDRAWS]))?;
            let v: Value = serde_json::from_str(raw.as_str().unwrap_or("{}"))?;
            if let Some(e) = v.get("error") {
                bail!("timing the redraw: {e}");
            }
            figures.redraw_ms = floats(&v["full"]);
            figures.redraw_script_ms = floats(&v["script"]);
            figures.redraw_items = v["items"].as_u64().unwrap_or(0);
            for _ in 0..REDRAWS {
                let raw = session.execute_async(GET_THREADS_TIMED, json!([]))?;
                let v: Value = serde_json::from_str(raw.as_str().unwrap_or("{}"))?;
                if let Some(e) = v.get("error") {
                    bail!("timing GetThreads: {e}");
                }
                figures
                    .get_threads
                    .push(v["objects"].as_f64().unwrap_or(f64::NAN));
                if let Some(ms) = v["text"].as_f64() {
                    figures.get_threads_text.push(ms);
                }
                figures.get_threads_bytes = v["bytes"].as_u64().unwrap_or(0);
            }
        }
        let rounds_began = session
            .execute("return Date.now();", json!([]))?
            .as_f64()
            .unwrap_or(0.0);
        let mut per_round = Vec::new();
        for size in ROUND_SIZES {
            for _ in 0..rounds {
                per_round.push((
                    size,
                    one_round(&launched, &panel_window, &page_window, size)?,
                ));
                settle(&launched)?;
            }
        }
        eprintln!(
            "panel-bench: {} {replies} replies: {:?}",
            browser.name(),
            per_round
        );
        figures.latency.push((replies, per_round));
        let times = panel_times(&launched)?;
        let (mut asked, mut drawn) = (Vec::new(), Vec::new());
        for r in times["refreshes"].as_array().into_iter().flatten() {
            if r[0].as_f64().unwrap_or(0.0) < rounds_began {
                continue;
            }
            asked.push(r[1].as_f64().unwrap_or(f64::NAN));
            if r[3] == true {
                drawn.push(r[2].as_f64().unwrap_or(f64::NAN));
            }
        }
        figures.refreshes.push((replies, asked, drawn));
        session.switch_to(&page_window)?;
        session.close_window()?;
        session.switch_to(&panel_window)?;
    }
    Ok(figures)
}

/// Pins the panel (current window) to the newest tab.
fn pin_newest(launched: &Launched) -> Result<i64> {
    let raw = launched.session.execute_async(PIN_TAB, json!([]))?;
    let v: Value = serde_json::from_str(raw.as_str().unwrap_or("{}"))?;
    v["tab"]
        .as_i64()
        .ok_or_else(|| anyhow!("pinning the panel's tab: {v}"))
}

/// One round's figures, in ms from the append.
#[derive(Debug, Clone, Copy)]
struct Round {
    /// Until the panel's counts showed the new replies (`None`: never, within [`STAMP_WAIT`]).
    shown: Option<f64>,
    /// Until the panel heard the first content-script message after the append.
    heard: Option<f64>,
}

fn panel_times(launched: &Launched) -> Result<Value> {
    let raw = launched.session.execute(PANEL_TIMES, json!([]))?;
    Ok(serde_json::from_str(raw.as_str().unwrap_or("{}"))?)
}

/// One round: arm the panel for `size` more, append them in the page, collect the stamps.
fn one_round(
    launched: &Launched,
    panel_window: &str,
    page_window: &str,
    size: usize,
) -> Result<Round> {
    let session = &launched.session;
    session.switch_to(panel_window)?;
    let shown = session
        .execute(OBSERVE, json!([]))?
        .as_u64()
        .ok_or_else(|| anyhow!("the panel shows no counts"))?;
    session.execute(ARM, json!([shown as usize + size]))?;
    session.switch_to(page_window)?;
    let raw = session.execute(APPEND, json!([size]))?;
    let appended: Value = serde_json::from_str(raw.as_str().unwrap_or("{}"))?;
    if appended["added"].as_u64() != Some(size as u64) {
        bail!(
            "the page appended {} replies, not {size}",
            appended["added"]
        );
    }
    let at = appended["at"]
        .as_f64()
        .ok_or_else(|| anyhow!("no stamp from the page"))?;
    session.switch_to(panel_window)?;
    let shown = wait_stamp(launched, STAMP_WAIT)?.map(|shown| shown - at);
    if std::env::var_os("CANDOR_PANEL_TRACE").is_some() {
        thread::sleep(Duration::from_millis(300));
    }
    let times = panel_times(launched)?;
    if std::env::var_os("CANDOR_PANEL_TRACE").is_some() {
        // What happened in the panel during the round, in ms from the append.
        let since = |v: &Value| v.as_f64().map(|t| (t - at).round());
        let heard: Vec<_> = times["heard"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(since)
            .filter(|t| *t >= 0.0)
            .collect();
        let refreshes: Vec<_> = times["refreshes"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|r| since(&r[0]).is_some_and(|t| t >= -300.0))
            .map(|r| {
                format!(
                    "{}+{}+{}{}",
                    since(&r[0]).unwrap_or(0.0),
                    r[1].as_f64().unwrap_or(0.0).round(),
                    r[2].as_f64().unwrap_or(0.0).round(),
                    if r[3] == true { "*" } else { "" }
                )
            })
            .collect();
        eprintln!("round of {size}: shown {shown:?}, heard {heard:?}, refreshes (start+ask+draw, * redrew) {refreshes:?}");
    }
    let heard = times["heard"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_f64)
        .find(|&t| t >= at)
        .map(|t| t - at);
    Ok(Round { shown, heard })
}

/// Collects the panel's stamp (current window), waiting up to `wait` for it.
fn wait_stamp(launched: &Launched, wait: Duration) -> Result<Option<f64>> {
    let deadline = Instant::now() + wait;
    loop {
        if let Some(at) = launched.session.execute(STAMPED, json!([]))?.as_f64() {
            return Ok(Some(at));
        }
        if Instant::now() >= deadline {
            return Ok(None);
        }
        thread::sleep(Duration::from_millis(50));
    }
}

/// Waits until the panel's total holds still for half a second (the refreshes a round started
/// are over), so that rounds do not overlap.
fn settle(launched: &Launched) -> Result<()> {
    let mut last = None;
    let mut since = Instant::now();
    let deadline = Instant::now() + Duration::from_secs(20);
    while Instant::now() < deadline {
        let now = launched.session.execute(OBSERVE, json!([]))?;
        if Some(&now) != last.as_ref() {
            last = Some(now);
            since = Instant::now();
        } else if since.elapsed() >= Duration::from_millis(500) {
            return Ok(());
        }
        thread::sleep(Duration::from_millis(100));
    }
    Ok(())
}

fn browser_version(launched: &Launched) -> String {
    launched
        .session
        .execute("return navigator.userAgent;", json!([]))
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn floats(v: &Value) -> Vec<f64> {
    v.as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_f64)
        .collect()
}

/// Median, 95th percentile and maximum.
type Spread = (f64, f64, f64);

/// The [`Spread`] of `values` (percentiles by nearest rank); `None` when empty.
fn spread(values: &[f64]) -> Option<Spread> {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let at = |p: f64| {
        let rank = (p * sorted.len() as f64).ceil() as usize;
        sorted[rank.clamp(1, sorted.len()) - 1]
    };
    (!sorted.is_empty()).then(|| (at(0.5), at(0.95), sorted[sorted.len() - 1]))
}

fn ms(v: f64) -> String {
    if v >= 100.0 {
        format!("{v:.0} ms")
    } else {
        format!("{v:.1} ms")
    }
}

fn markdown(figures: &[Figures], rounds: usize) -> String {
    let mut md = format!(
        "The thread page (an X conversation from `tests/fixtures/gen_big_thread.py`) and the panel page side by side, \
         with the built extension. Each round appends replies to the thread's DOM as X does and stamps `Date.now()` in the \
         page; a MutationObserver in the panel stamps `Date.now()` when the panel's counts first sum to the new total \
         (same browser, same clock; WebDriver only collects the stamps). {rounds} rounds of each size ({}), one after \
         the other once the panel is still. Goal: {GOAL_MS:.0} ms.\n\n\
         | browser | thread | replies per round | rounds | median | p95 | max | missed |\n|---|---|---|---|---|---|---|---|\n",
        ROUND_SIZES.map(|s| s.to_string()).join(", ")
    );
    for f in figures {
        for (replies, rounds) in &f.latency {
            let mut groups: Vec<(String, Vec<Option<f64>>)> = ROUND_SIZES
                .iter()
                .map(|size| {
                    (
                        size.to_string(),
                        rounds
                            .iter()
                            .filter(|(s, _)| s == size)
                            .map(|(_, r)| r.shown)
                            .collect(),
                    )
                })
                .collect();
            groups.push(("all".into(), rounds.iter().map(|(_, r)| r.shown).collect()));
            for (label, values) in groups {
                let got: Vec<f64> = values.iter().flatten().copied().collect();
                let missed = values.len() - got.len();
                let cells = match spread(&got) {
                    Some((m, p, x)) => format!("{} | {} | {}", ms(m), ms(p), ms(x)),
                    None => "– | – | –".into(),
                };
                let label = if label == "all" {
                    "**all**".to_string()
                } else {
                    label
                };
                md.push_str(&format!(
                    "| {} | {replies} replies | {label} | {} | {cells} | {missed} |\n",
                    f.browser.name(),
                    values.len()
                ));
            }
        }
    }
    md.push_str(
        "\nWhere the time goes, all rounds: until the panel hears the content script's first message after the \
         append (the page's reader, the engine's verdicts, the messaging), then the panel's refreshes during the rounds \
         (each asks the background for the threads and reads its answer, then draws when something changed):\n\n\
         | browser | thread | append → message heard, median / p95 | refreshes | asking + reading, median / p95 | redraws | drawing, median / p95 / max |\n|---|---|---|---|---|---|---|\n",
    );
    for f in figures {
        for ((replies, rounds), (_, asked, drawn)) in f.latency.iter().zip(&f.refreshes) {
            let heard: Vec<f64> = rounds.iter().filter_map(|(_, r)| r.heard).collect();
            let two = |v: &[f64]| match spread(v) {
                Some((m, p, _)) => format!("{} / {}", ms(m), ms(p)),
                None => "–".into(),
            };
            let three = |v: &[f64]| match spread(v) {
                Some((m, p, x)) => format!("{} / {} / {}", ms(m), ms(p), ms(x)),
                None => "–".into(),
            };
            md.push_str(&format!(
                "| {} | {replies} replies | {} | {} | {} | {} | {} |\n",
                f.browser.name(),
                two(&heard),
                asked.len(),
                two(asked),
                drawn.len(),
                three(drawn),
            ));
        }
    }
    md.push_str(&format!(
        "\nThe {LARGE}-reply thread, panel open:\n\n| browser | navigation start → panel shows {LARGE} | content-script messages meanwhile (the first after) | full redraw (script + layout) median / max | script alone median | items drawn | `GetThreads` from the panel page, answered as objects, median / max | answered as JSON text (the panel's way), median / max | its JSON |\n|---|---|---|---|---|---|---|---|---|\n"
    ));
    for f in figures {
        let pair = |v: &[f64]| match spread(v) {
            Some((m, _, x)) => format!("{} / {}", ms(m), ms(x)),
            None => "–".into(),
        };
        md.push_str(&format!(
            "| {} | {} | {} ({}) | {} | {} | {} | {} | {} | {} KiB |\n",
            f.browser.name(),
            f.load_to_large_ms.map(ms).unwrap_or_else(|| "never".into()),
            f.load_messages,
            f.load_first_message_ms
                .map(ms)
                .unwrap_or_else(|| "–".into()),
            pair(&f.redraw_ms),
            spread(&f.redraw_script_ms)
                .map(|(m, _, _)| ms(m))
                .unwrap_or_else(|| "–".into()),
            f.redraw_items,
            pair(&f.get_threads),
            pair(&f.get_threads_text),
            f.get_threads_bytes / 1024,
        ));
    }
    md.push_str("\nBrowsers: ");
    md.push_str(
        &figures
            .iter()
            .map(|f| format!("{} (`{}`)", f.browser.name(), f.version))
            .collect::<Vec<_>>()
            .join("; "),
    );
    md.push_str(" — headless, driven by WebDriver. The redraw is a click back from a category filter to every comment (the panel's largest drawing), timed in the panel page with a forced layout after it. The messages are the content script's `CommentsRead` batches (one per 50 comments read, or per burst of new comments when it ends; sent one after the other); the panel refreshes on each, spacing refreshes that come in a burst by its last asking time.");
    // Other work on the machine shows in every figure here: say how busy it was.
    if let Ok(load) = std::fs::read_to_string("/proc/loadavg") {
        let load: Vec<&str> = load.split_whitespace().take(3).collect();
        md.push_str(&format!(
            " Load average at the end (1 / 5 / 15 min): {}.",
            load.join(" / ")
        ));
    }
    md.push('\n');
    md
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spread_is_median_p95_and_max_by_nearest_rank() {
        let cases: Vec<(Vec<f64>, Option<Spread>)> = vec![
            (vec![], None),
            (vec![7.0], Some((7.0, 7.0, 7.0))),
            (vec![3.0, 1.0, 2.0], Some((2.0, 3.0, 3.0))),
            ((1..=20).map(f64::from).collect(), Some((10.0, 19.0, 20.0))),
        ];
        for (values, want) in cases {
            assert_eq!(spread(&values), want, "{values:?}");
        }
    }
}
