//! `cargo xtask e2e --pages DIR [--browser chromium|firefox] [--report FILE] [--extension DIR]`
//! (`--extension`: test that folder as it is instead of building `dist/`), or `--bench`: the
//! end-to-end harness. Serves every fixture page at its real URL with its real CSP (`server`),
//! drives a headless browser with the real extension in it (`browser`, `webdriver`), asks the
//! extension's background what it read on each page, and reports it (`Report`), with console
//! errors and every request the browser made besides the pages themselves.
//! `--bench` measures the extension's message pipe instead (`pipe`); `--card [--browser B]` runs
//! the guidance card's checks (`card`); `--guard DIR` drives the reply coach and the delete guard on
//! DIR's pages (`guard`); `--panel` the side panel's checks (`panel`), `--panel-bench` its speed on
//! live threads (`panel_bench`); `--practice [--browser B]` drives the practice page (`practice`),
//! `--options` the options page (`options`). Those suites of named checks are listed once, in
//! [`CHECK_SUITES`], which `cargo xtask test` runs too.

pub mod browser;
pub mod card;
pub mod guard;
pub mod options;
pub mod panel;
pub mod panel_bench;
pub mod pipe;
pub mod practice;
pub mod server;
pub mod values;
pub mod webdriver;

use std::path::{Path, PathBuf};
use std::thread;
use std::time::{Duration, Instant};

use anyhow::{anyhow, bail, Context, Result};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

pub use browser::Browser;
use browser::{launch, Launched, EXTENSION_PAGE};
pub use server::RequestRecord;
use server::{find_pages, ServedPage, Server, Site};
pub use webdriver::ConsoleEntry;

/// A page is quiet once no comment was read for this long…
pub const QUIET: Duration = Duration::from_secs(2);
/// …and is given up on (reported as it stands, `timed_out`) after this long.
pub const MAX_WAIT: Duration = Duration::from_secs(20);
/// How often the background is asked what it read.
pub const POLL: Duration = Duration::from_millis(250);

/// Everything the harness saw, page by page (serialised as a JSON list).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Report {
    pub pages: Vec<PageReport>,
}

/// What the extension did on one page.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PageReport {
    /// The page's file, relative to the pages folder.
    pub file: String,
    pub url: String,
    /// The platform the extension recognised, if it read the page at all.
    pub platform: Option<String>,
    /// `reading` or `unreadable` (the engine's), `no_thread` (the extension never reported the
    /// page), or `load_failed`.
    pub status: String,
    /// Every comment the extension read, including those no longer in the page.
    pub comments: Vec<ReportedComment>,
    /// The page's console errors and uncaught exceptions, the extension's included.
    pub console_errors: Vec<ConsoleEntry>,
    /// The errors the extension reported about itself while this page was open.
    pub extension_errors: Vec<ExtensionError>,
    /// Every request the browser made while this page was open, besides fixture pages and favicons.
    pub extension_requests: Vec<RequestRecord>,
    /// Requests the browser makes for itself and no switch or preference stops (Chromium's
    /// account check, Firefox's remote settings): to a browser vendor's service host, with no
    /// extension origin. Kept apart so `extension_requests` stays a clean signal.
    #[serde(default)]
    pub browser_requests: Vec<RequestRecord>,
    /// Requests the page's own scripts made, as its sidecar declares them (`page_requests`:
    /// path prefixes on the page's host), unless an extension origin made them.
    #[serde(default)]
    pub page_requests: Vec<RequestRecord>,
    /// Why the page failed to load, when it did.
    #[serde(default)]
    pub load_error: Option<String>,
    /// Navigation time, then the time until the page was quiet.
    #[serde(default)]
    pub load_ms: u64,
    #[serde(default)]
    pub settled_ms: u64,
    /// True when the page never became quiet within [`MAX_WAIT`].
    #[serde(default)]
    pub timed_out: bool,
    /// The thread's summary as the engine gave it in `GetThreads`, cut to what fixtures check.
    #[serde(default)]
    pub summary: Option<PageSummary>,
}

/// The part of the engine's thread summary the fixtures pin (see `crate/src/thread/summary.rs`):
/// counts of comments not by the brand, unanswered complaints and questions, repeat complainers,
/// and the surge flag.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PageSummary {
    pub counts: std::collections::BTreeMap<String, u64>,
    pub unanswered: Vec<String>,
    pub repeat_authors: Vec<String>,
    pub crisis: bool,
}

impl PageSummary {
    /// Reads a thread's `summary` object; `None` when the thread carries none.
    pub fn from_thread(thread: &Value) -> Option<Self> {
        let summary = thread.get("summary").filter(|s| s.is_object())?;
        Some(Self {
            counts: values::counts(&summary["counts"]),
            unanswered: values::strings(&summary["unanswered"]),
            repeat_authors: values::strings(&summary["repeat_authors"]),
            crisis: summary["crisis"].as_bool().unwrap_or(false),
        })
    }
}

/// One comment as the extension read and judged it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ReportedComment {
    pub id: String,
    pub author: String,
    pub text: String,
    pub depth: u32,
    pub parent_id: Option<String>,
    pub by_brand: bool,
    pub category: Option<String>,
    pub flags: Vec<String>,
    pub truncated: bool,
}

/// An error the extension reported (`GetThreads` → `errors`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExtensionError {
    pub tab_id: Option<i64>,
    pub context: String,
    pub message: String,
}

impl PageReport {
    /// The reasons this page fails the run: it did not load, the extension threw, or a request
    /// left that neither the page nor the browser explains.
    pub fn failures(&self) -> Vec<String> {
        let mut out = Vec::new();
        if let Some(e) = &self.load_error {
            out.push(format!("did not load: {e}"));
        }
        for e in &self.extension_errors {
            out.push(format!(
                "extension error ({}): {}",
                e.context,
                first_line(&e.message)
            ));
        }
        for e in self.console_errors.iter().filter(|e| e.is_extension()) {
            out.push(format!(
                "extension console {}: {}",
                e.level,
                first_line(&e.text)
            ));
        }
        // Nothing leaves the browser: a request neither the page declares nor the browser makes
        // for itself may be the extension's (a content script's fetch carries the page's origin).
        for r in &self.extension_requests {
            out.push(format!(
                "unexplained request: {} {}{} ({:?})",
                r.method, r.host, r.path, r.source
            ));
        }
        out
    }
}

impl Report {
    pub fn failures(&self) -> Vec<String> {
        self.pages
            .iter()
            .flat_map(|p| p.failures().into_iter().map(|f| format!("{}: {f}", p.file)))
            .collect()
    }

    /// A readable summary, page by page.
    pub fn summary(&self) -> String {
        let mut out = String::new();
        for page in &self.pages {
            let extension_console = page
                .console_errors
                .iter()
                .filter(|e| e.is_extension())
                .count();
            out.push_str(&format!(
                "{}  {}\n  {} · {} · {} comments · console errors {} ({} extension) · extension errors {} · requests {} · load {} ms · quiet after {} ms{}\n",
                page.file,
                page.url,
                page.platform.as_deref().unwrap_or("-"),
                page.status,
                page.comments.len(),
                page.console_errors.len(),
                extension_console,
                page.extension_errors.len(),
                page.extension_requests.len(),
                page.load_ms,
                page.settled_ms,
                if page.timed_out { " (timed out)" } else { "" },
            ));
            for c in &page.comments {
                let flags = if c.flags.is_empty() {
                    String::new()
                } else {
                    format!(" [{}]", c.flags.join(", "))
                };
                out.push_str(&format!(
                    "    {:>2} {} · {}{} · {:?}\n",
                    c.depth,
                    c.author,
                    c.category.as_deref().unwrap_or("?"),
                    flags,
                    clip(&c.text, 60)
                ));
            }
            for e in &page.console_errors {
                out.push_str(&format!(
                    "    console {} {}: {} ({})\n",
                    e.level,
                    e.kind,
                    clip(first_line(&e.text), 100),
                    e.source_url.as_deref().unwrap_or("no source")
                ));
            }
            for r in &page.extension_requests {
                out.push_str(&format!(
                    "    request {} {}{}{} → {} ({:?}, from {})\n",
                    r.method,
                    r.host,
                    r.path,
                    if r.connect { " via CONNECT" } else { "" },
                    r.status,
                    r.source,
                    r.initiator.as_deref().unwrap_or("the browser")
                ));
            }
            for r in &page.page_requests {
                out.push_str(&format!(
                    "    the page's own request (declared): {} {}{}\n",
                    r.method, r.host, r.path
                ));
            }
            if !page.browser_requests.is_empty() {
                let mut hosts: Vec<&str> = page
                    .browser_requests
                    .iter()
                    .map(|r| r.host.as_str())
                    .collect();
                hosts.sort_unstable();
                hosts.dedup();
                out.push_str(&format!(
                    "    (and {} request(s) the browser made for itself: {})\n",
                    page.browser_requests.len(),
                    hosts.join(", ")
                ));
            }
            for f in page.failures() {
                out.push_str(&format!("    FAIL {f}\n"));
            }
        }
        out
    }
}

fn first_line(text: &str) -> &str {
    text.lines().next().unwrap_or_default()
}

/// The first `max` characters of `text`, with "…" when cut.
pub fn clip(text: &str, max: usize) -> String {
    let mut out: String = text.chars().take(max).collect();
    if text.chars().count() > max {
        out.push('…');
    }
    out
}

/// The command line: `--pages DIR [--browser B] [--report FILE]`, or `--bench [--browser B]`.
#[derive(Debug, PartialEq, Eq)]
struct Args {
    pages: Option<PathBuf>,
    browser: Browser,
    report: Option<PathBuf>,
    bench: bool,
    /// An extension folder to test as it is, instead of building `dist/`.
    extension: Option<PathBuf>,
    /// Pages to drive the reply coach and the delete guard on.
    guard: Option<PathBuf>,
}

fn parse_args(args: &[String]) -> Result<Args> {
    let mut parsed = Args {
        pages: None,
        browser: Browser::Chromium,
        report: None,
        bench: false,
        extension: None,
        guard: None,
    };
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let mut value = |name: &str| {
            it.next()
                .cloned()
                .ok_or_else(|| anyhow!("{name} needs a value"))
        };
        match arg.as_str() {
            "--pages" => parsed.pages = Some(PathBuf::from(value("--pages")?)),
            "--browser" => parsed.browser = Browser::parse(&value("--browser")?)?,
            "--report" => parsed.report = Some(PathBuf::from(value("--report")?)),
            "--bench" => parsed.bench = true,
            "--extension" => parsed.extension = Some(PathBuf::from(value("--extension")?)),
            "--guard" => parsed.guard = Some(PathBuf::from(value("--guard")?)),
            other => bail!("unknown argument {other:?}"),
        }
    }
    if parsed.pages.is_none() && !parsed.bench && parsed.guard.is_none() {
        bail!("usage: cargo xtask e2e --pages DIR [--browser chromium|firefox] [--report FILE] [--extension DIR] | --guard DIR | --bench");
    }
    Ok(parsed)
}

/// One named check of a page driven end to end (card, options, panel, practice) and, when it
/// failed, why.
#[derive(Debug, Clone, PartialEq)]
pub struct Check {
    pub name: String,
    pub failure: Option<String>,
}

impl Check {
    /// The check `name` of a run whose checks are all named after `prefix` (browser, suite, page).
    pub fn new(prefix: &str, name: &str, failure: Option<String>) -> Self {
        Self {
            name: format!("{prefix}: {name}"),
            failure,
        }
    }
}

/// A suite of checks (`card_checks`, `options_checks`, …): run in a browser with the extension
/// folder given, it answers every check it made.
pub type CheckSuite = fn(Browser, &Path) -> Result<Vec<Check>>;

/// The suites of named checks, in the order `cargo xtask test` runs them: the name that selects
/// one alone (`cargo xtask e2e --card`), its step's label in `cargo xtask test`, its checks.
pub const CHECK_SUITES: [(&str, &str, CheckSuite); 4] = [
    // The guidance card: opened by mouse, keyboard and shortcut, read, tabbed through, closed.
    ("card", "guidance card", card::card_checks),
    // Brand profiles: import, undo and the subscription, through the options page.
    ("options", "options page", options::options_checks),
    // The side panel: counts, unanswered, jump to a comment, a correction, the exports.
    ("panel", "side panel", panel::panel_checks),
    // The practice page: a full attempt in French and in English, progress kept, a corrupt record.
    ("practice", "practice page", practice::practice_checks),
];

/// `cargo xtask e2e --SUITE [--browser chromium|firefox] [--extension DIR]`: builds the extension
/// (unless given), runs one suite of checks, prints each, and fails when one failed.
fn run_checks_alone(args: &[String], suite: &str, checks: CheckSuite) -> Result<()> {
    let mut browser = Browser::Chromium;
    let mut extension = None;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match (arg.as_str(), it.next()) {
            ("--browser", Some(name)) => browser = Browser::parse(name)?,
            ("--extension", Some(dir)) => extension = Some(PathBuf::from(dir)),
            _ => bail!(
                "usage: cargo xtask e2e --{suite} [--browser chromium|firefox] [--extension DIR]"
            ),
        }
    }
    let extension = given_or_built(extension, browser)?;
    let checks = checks(browser, &extension)?;
    let failed = checks.iter().filter(|c| c.failure.is_some()).count();
    for c in &checks {
        match &c.failure {
            None => println!("ok    {}", c.name),
            Some(why) => println!("FAIL  {}\n        {why}", c.name),
        }
    }
    println!("{suite}: {} passed, {failed} failed", checks.len() - failed);
    if failed > 0 {
        bail!("{failed} {suite} check(s) failed in {}", browser.name());
    }
    Ok(())
}

/// The extension folder given on the command line, or else `browser`'s copy of a fresh build.
fn given_or_built(given: Option<PathBuf>, browser: Browser) -> Result<PathBuf> {
    match given {
        Some(dir) => Ok(dir),
        None => Ok(browser.extension_in(&crate::build::build()?).to_path_buf()),
    }
}

pub fn main(args: &[String]) -> Result<()> {
    let rest = args.get(1..).unwrap_or_default();
    let flag = args.first().and_then(|a| a.strip_prefix("--"));
    if flag == Some("panel-bench") {
        return panel_bench::main(rest);
    }
    if let Some((suite, _, checks)) = CHECK_SUITES.iter().find(|(name, ..)| Some(*name) == flag) {
        return run_checks_alone(rest, suite, *checks);
    }
    let args = parse_args(args)?;
    if args.bench {
        // pipe_figures builds the extension itself.
        let md = pipe::pipe_figures(args.browser)?;
        println!("{md}");
        crate::benchmarks::write_section("pipe", "cargo xtask e2e --bench", &md)?;
        eprintln!("e2e: wrote the pipe section of BENCHMARKS.md");
    }
    if args.pages.is_none() && args.guard.is_none() {
        return Ok(());
    }
    let extension = given_or_built(args.extension, args.browser)?;
    if let Some(dir) = &args.guard {
        let reports = guard::run_guard_pages(dir, args.browser, &extension)?;
        let failed: Vec<String> = reports
            .iter()
            .filter(|r| !r.problems.is_empty())
            .map(|r| format!("{}: {}", r.file, r.problems.join("; ")))
            .collect();
        let md = guard::latency_table(&reports, args.browser);
        println!("{md}");
        crate::benchmarks::write_section(
            &format!("coach latency ({})", args.browser.name()),
            &format!(
                "cargo xtask e2e --guard tests/guard --browser {}",
                args.browser.name()
            ),
            &md,
        )?;
        if !failed.is_empty() {
            bail!(
                "guard: {} page(s) failed:\n  {}",
                failed.len(),
                failed.join("\n  ")
            );
        }
        println!(
            "guard: {} page(s) in {}, no failure",
            reports.len(),
            args.browser.name()
        );
    }
    let Some(pages) = args.pages else {
        return Ok(());
    };
    let report = run_pages(&pages, args.browser, &extension)?;
    print!("{}", report.summary());
    if let Some(path) = &args.report {
        std::fs::write(path, serde_json::to_string_pretty(&report)?)
            .with_context(|| format!("writing {}", path.display()))?;
        eprintln!("e2e: report written to {}", path.display());
    }
    let failures = report.failures();
    if !failures.is_empty() {
        bail!(
            "{} failure(s) in {}:\n  {}",
            failures.len(),
            args.browser.name(),
            failures.join("\n  ")
        );
    }
    println!(
        "e2e: {} page(s) in {}, no failure",
        report.pages.len(),
        args.browser.name()
    );
    Ok(())
}

/// Serves every page of `pages` (with its sidecar) to `browser` with the extension from
/// `extension_dir` installed, and reports what the extension read on each.
pub fn run_pages(pages: &Path, browser: Browser, extension_dir: &Path) -> Result<Report> {
    let files = find_pages(pages)?;
    if files.is_empty() {
        bail!("no .html page under {}", pages.display());
    }
    let served = files
        .iter()
        .map(|f| ServedPage::load(pages, f))
        .collect::<Result<Vec<_>>>()?;
    let (server, launched, mut probe) = serve_and_launch(served.clone(), browser, extension_dir)?;
    eprintln!(
        "e2e: {} started with Candor in {} ms; serving {} page(s) on port {}",
        browser.name(),
        launched.startup.as_millis(),
        served.len(),
        server.port
    );
    let mut report = Report::default();
    for (index, page) in served.iter().enumerate() {
        server.set_active(Some(index));
        let (page_report, _) = probe.read_page(&launched, &server, page, false)?;
        report.pages.push(page_report);
    }
    Ok(report)
}

/// Serves `pages` (none active until `set_active`), starts `browser` with the extension from
/// `extension_dir`, and opens the probe: how every run that reads pages begins.
pub fn serve_and_launch(
    pages: Vec<ServedPage>,
    browser: Browser,
    extension_dir: &Path,
) -> Result<(Server, Launched, ExtensionProbe)> {
    let server = Server::start(Site { pages })?;
    let launched = launch(browser, extension_dir, server.port)?;
    let probe = ExtensionProbe::open(&launched)?;
    Ok((server, launched, probe))
}

/// An extension page kept open in its own window, through which the harness asks the background.
pub struct ExtensionProbe {
    pub handle: String,
    /// How many extension errors were already reported (each page gets only the new ones).
    errors_seen: usize,
    /// Tabs already seen in `GetThreads`: a new page is always a new tab.
    known_tabs: Vec<i64>,
    /// Where the previous page's share of the request log and console ended: each page gets
    /// everything since, so nothing is dropped between pages (the first gets the start-up's).
    requests_seen_ms: u64,
    console_seen_ms: u64,
}

/// Asks the background for its threads; answers the reply as a JSON string.
const GET_THREADS: &str = r#"
const done = arguments[arguments.length - 1];
const api = globalThis.browser ?? globalThis.chrome;
api.runtime.sendMessage({ v: 1, type: "GetThreads" }).then(
  (reply) => done(JSON.stringify(reply)),
  (error) => done(JSON.stringify({ harness_error: String((error && error.message) || error) })),
);
"#;

impl ExtensionProbe {
    /// Opens the extension page in the session's first window and waits for the engine.
    pub fn open(launched: &Launched) -> Result<Self> {
        launched.session.set_script_timeout(15_000)?;
        let handle = launched
            .open_extension_page_when_ready(EXTENSION_PAGE, |window| {
                Self::ask(launched).map(|_| window.to_string())
            })
            .with_context(|| {
                format!(
                    "the extension page {} never answered",
                    launched.extension_url(EXTENSION_PAGE)
                )
            })?;
        Ok(Self {
            handle,
            errors_seen: 0,
            known_tabs: Vec::new(),
            requests_seen_ms: 0,
            console_seen_ms: 0,
        })
    }

    /// One `GetThreads` round trip from the extension page (the current window).
    pub fn ask(launched: &Launched) -> Result<Value> {
        let raw = launched.session.execute_async(GET_THREADS, json!([]))?;
        let reply = values::script_answer(&raw, "GetThreads")?;
        if reply["type"] != "Threads" {
            bail!("GetThreads answered {reply}");
        }
        Ok(reply)
    }

    /// Opens `page` in a new window, waits until it is quiet, and reports it; closes the window
    /// unless `keep_window` (then answers its handle, for a screenshot).
    pub fn read_page(
        &mut self,
        launched: &Launched,
        server: &Server,
        page: &ServedPage,
        keep_window: bool,
    ) -> Result<(PageReport, Option<String>)> {
        let session = &launched.session;
        let requests_from = self.requests_seen_ms;
        let console_from = self.console_seen_ms;
        let mut report = PageReport {
            file: page.file.clone(),
            url: page.url.clone(),
            status: "no_thread".into(),
            ..PageReport::default()
        };

        let window = session.new_window("window")?;
        session.switch_to(&window)?;
        let started = Instant::now();
        if let Err(e) = session.navigate(&page.url) {
            report.load_error = Some(format!("{e:#}"));
        }
        report.load_ms = started.elapsed().as_millis() as u64;
        session.switch_to(&self.handle)?;

        let mut signature = String::new();
        let mut last_change = Instant::now();
        let mut thread_seen: Option<Value> = None;
        let mut errors = Vec::new();
        loop {
            match Self::ask(launched) {
                Ok(reply) => {
                    if let Some(thread) = self.thread_for(&reply, &page.url) {
                        let now = comments_signature(&thread);
                        if now != signature {
                            signature = now;
                            last_change = Instant::now();
                        }
                        thread_seen = Some(thread);
                    }
                    errors = reply["errors"].as_array().cloned().unwrap_or_default();
                }
                Err(e) => eprintln!("e2e: asking the background failed: {e:#}"),
            }
            if last_change.elapsed() >= QUIET {
                break;
            }
            if started.elapsed() >= MAX_WAIT {
                report.timed_out = true;
                break;
            }
            thread::sleep(POLL);
        }
        report.settled_ms = started.elapsed().as_millis() as u64;

        if let Some(thread) = &thread_seen {
            report.status = thread["status"].as_str().unwrap_or("unknown").to_string();
            report.platform = thread["platform"].as_str().map(str::to_string);
            report.comments = thread["comments"]
                .as_array()
                .map(|all| all.iter().map(reported_comment).collect())
                .unwrap_or_default();
            report.summary = PageSummary::from_thread(thread);
            if let Some(tab) = thread["tab_id"].as_i64() {
                self.known_tabs.push(tab);
            }
        }
        let tab = thread_seen.as_ref().and_then(|t| t["tab_id"].as_i64());
        report.extension_errors = errors
            .iter()
            .skip(self.errors_seen)
            .map(|e| ExtensionError {
                tab_id: e["tab_id"].as_i64(),
                context: e["context"].as_str().unwrap_or_default().to_string(),
                message: e["message"].as_str().unwrap_or_default().to_string(),
            })
            .filter(|e| e.tab_id.is_none_or(|t| t < 0 || Some(t) == tab))
            .collect();
        self.errors_seen = errors.len();

        if !keep_window {
            session.switch_to(&window)?;
            session.close_window()?;
            session.switch_to(&self.handle)?;
        }

        let requests_to = server.now_ms();
        self.requests_seen_ms = requests_to + 1;
        let requests = server.requests();
        let page_served = requests.iter().any(|r| {
            r.kind == server::RequestKind::Page
                && r.host == page.host
                && r.at_ms >= requests_from
                && r.at_ms <= requests_to
        });
        if report.load_error.is_none() && !page_served {
            report.load_error = Some("the server never served the page".into());
        }
        if report.load_error.is_some() {
            report.status = "load_failed".into();
        }
        for request in requests
            .into_iter()
            .filter(|r| r.kind == server::RequestKind::Other)
            .filter(|r| r.at_ms >= requests_from && r.at_ms <= requests_to)
        {
            if is_browser_service(&request) {
                report.browser_requests.push(request);
            } else if page.declares(&request) {
                report.page_requests.push(request);
            } else {
                report.extension_requests.push(request);
            }
        }
        if let Some(console) = &session.console {
            // Late entries (an exception thrown while the window closed) still belong here.
            thread::sleep(Duration::from_millis(100));
            let until = console.now_ms();
            self.console_seen_ms = until + 1;
            report.console_errors = console
                .entries()
                .into_iter()
                .filter(|e| e.level == "error" && e.at_ms >= console_from && e.at_ms <= until)
                .filter(|e| {
                    e.context
                        .as_deref()
                        .is_none_or(|c| c == window || c == self.handle)
                })
                .collect();
        }
        Ok((report, keep_window.then_some(window)))
    }

    /// The thread of a tab not seen before whose URL is the page's (fragment and trailing
    /// slash aside).
    fn thread_for(&self, reply: &Value, url: &str) -> Option<Value> {
        let want = normalise_url(url);
        reply["threads"]
            .as_array()?
            .iter()
            .filter(|t| {
                t["tab_id"]
                    .as_i64()
                    .is_none_or(|tab| !self.known_tabs.contains(&tab))
            })
            .rfind(|t| t["url"].as_str().map(normalise_url).as_deref() == Some(want.as_str()))
            .cloned()
    }
}

/// Hosts of the browsers' own services (the vendor's domains), which Candor never calls.
const BROWSER_SERVICE_DOMAINS: [&str; 8] = [
    "google.com",
    "googleapis.com",
    "gvt1.com",
    "mozilla.com",
    "mozilla.net",
    "mozilla.org",
    "mozaws.net",
    "firefox.com",
];

/// A request the browser made for itself: to a vendor's service host, and not from an extension.
pub fn is_browser_service(request: &RequestRecord) -> bool {
    let host = request.host.as_str();
    let vendor = BROWSER_SERVICE_DOMAINS
        .iter()
        .any(|d| host == *d || host.ends_with(&format!(".{d}")));
    vendor && request.source != server::RequestSource::Extension
}

/// A URL without its fragment and trailing slash, for matching.
pub fn normalise_url(url: &str) -> String {
    let url = url.split('#').next().unwrap_or(url);
    url.trim_end_matches('/').to_string()
}

/// What changes when the extension reads a new comment or a changed one.
fn comments_signature(thread: &Value) -> String {
    let comments = thread["comments"]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default();
    let mut out = format!("{}|{}", thread["status"], comments.len());
    for c in comments {
        out.push_str(&format!(
            "|{}:{}",
            c["id"],
            c["text"].as_str().map(str::len).unwrap_or(0)
        ));
    }
    out
}

fn reported_comment(c: &Value) -> ReportedComment {
    let text = |k: &str| c[k].as_str().unwrap_or_default().to_string();
    ReportedComment {
        id: text("id"),
        author: text("author"),
        text: text("text"),
        depth: c["depth"].as_u64().unwrap_or(0) as u32,
        parent_id: c["parent_id"].as_str().map(str::to_string),
        by_brand: c["by_brand"].as_bool().unwrap_or(false),
        category: c["category"].as_str().map(str::to_string),
        flags: values::strings(&c["flags"]),
        truncated: c["truncated"].as_bool().unwrap_or(false),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(args: &[&str]) -> Vec<String> {
        args.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn the_command_line_parses_and_refuses_what_it_does_not_know() {
        let ok = parse_args(&strings(&[
            "--pages",
            "tests/harness",
            "--browser",
            "firefox",
            "--report",
            "/tmp/r.json",
        ]))
        .unwrap();
        assert_eq!(
            ok,
            Args {
                pages: Some(PathBuf::from("tests/harness")),
                browser: Browser::Firefox,
                report: Some(PathBuf::from("/tmp/r.json")),
                bench: false,
                extension: None,
                guard: None,
            }
        );
        let bench = parse_args(&strings(&["--bench"])).unwrap();
        assert!(bench.bench && bench.pages.is_none() && bench.browser == Browser::Chromium);
        for bad in [
            &[][..],
            &["--pages"],
            &["--browser", "lynx", "--pages", "d"],
            &["--frobnicate"],
        ] {
            assert!(parse_args(&strings(bad)).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn each_check_suite_has_a_name_of_its_own_on_the_command_line() {
        let mut names: Vec<&str> = CHECK_SUITES.iter().map(|(name, ..)| *name).collect();
        names.push("panel-bench");
        let count = names.len();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), count, "{names:?}");
        // None of them is taken for a page run's flag.
        for (name, ..) in CHECK_SUITES {
            assert!(
                parse_args(&strings(&[&format!("--{name}")])).is_err(),
                "{name}"
            );
        }
    }

    #[test]
    fn only_the_browser_s_own_service_traffic_is_set_apart() {
        use server::{RequestKind, RequestSource};
        let request = |host: &str, source| RequestRecord {
            method: "GET".into(),
            host: host.into(),
            path: "/".into(),
            connect: false,
            status: 404,
            kind: RequestKind::Other,
            initiator: None,
            source,
            at_ms: 0,
        };
        let cases = [
            ("accounts.google.com", RequestSource::Browser, true),
            (
                "firefox.settings.services.mozilla.com",
                RequestSource::Browser,
                true,
            ),
            (
                "optimizationguide-pa.googleapis.com",
                RequestSource::Browser,
                true,
            ),
            (
                "incoming.telemetry.mozilla.org",
                RequestSource::Browser,
                true,
            ),
            ("google.com", RequestSource::Page, true),
            ("accounts.google.com", RequestSource::Extension, false),
            ("notgoogle.com", RequestSource::Browser, false),
            ("x.com", RequestSource::Browser, false),
            ("api.candor.example", RequestSource::Page, false),
        ];
        for (host, source, want) in cases {
            assert_eq!(
                is_browser_service(&request(host, source)),
                want,
                "{host} {source:?}"
            );
        }
    }

    /// The harness's own pages: each has a sidecar, is served at its URL with its CSP, and (on
    /// x.com) carries a nonce CSP without `unsafe-eval` that every inline script of it satisfies.
    #[test]
    fn the_harness_pages_are_served_with_their_csp_and_their_scripts_fit_it() {
        let dir = crate::root().join("tests/harness");
        let files = find_pages(&dir).unwrap();
        assert!(files.len() >= 3, "{files:?}");
        let pages: Vec<ServedPage> = files
            .iter()
            .map(|f| ServedPage::load(&dir, f).unwrap())
            .collect();
        let site = Site {
            pages: pages.clone(),
        };
        for page in &pages {
            let answer = site.route(None, "GET", &page.host, &page.target);
            assert_eq!(answer.status, 200, "{}", page.file);
            assert_eq!(answer.body, page.body, "{}", page.file);
            let csp = page.csp.as_deref().unwrap_or_default();
            if page.host == "x.com" {
                assert!(csp.contains("'nonce-candorfixture'"), "{}", page.file);
                assert!(!csp.contains("unsafe-eval"), "{}", page.file);
            }
            let html = String::from_utf8_lossy(&page.body);
            for script in html.split("<script").skip(1) {
                let tag = script.split('>').next().unwrap_or_default();
                assert!(
                    tag.contains("nonce=\"candorfixture\""),
                    "{}: <script{tag}>",
                    page.file
                );
            }
        }
    }

    #[test]
    fn urls_match_without_fragment_or_trailing_slash() {
        let cases = [
            (
                "https://x.com/a/status/1#r",
                "https://x.com/a/status/1",
                true,
            ),
            (
                "https://x.com/a/status/1/",
                "https://x.com/a/status/1",
                true,
            ),
            (
                "https://x.com/a/status/1?s=2",
                "https://x.com/a/status/1",
                false,
            ),
            (
                "https://x.com/a/status/12",
                "https://x.com/a/status/1",
                false,
            ),
        ];
        for (a, b, same) in cases {
            assert_eq!(normalise_url(a) == normalise_url(b), same, "{a} vs {b}");
        }
    }

    /// A `Threads` reply as the background sends it.
    fn threads_reply() -> Value {
        json!({"type": "Threads", "errors": [], "threads": [
            {"tab_id": 3, "url": "https://x.com/acme/status/1", "platform": "x", "status": "reading", "reason": null,
             "comments": [{"id": "2", "author": "Jane", "author_url": null, "text": "third outage", "truncated": false,
                           "time": null, "parent_id": null, "depth": 0, "by_brand": false, "category": "complaint",
                           "flags": ["urgent"], "confidence": 0.9, "lang": "en", "cues": []}]},
            {"tab_id": 7, "url": "https://x.com/acme/status/1#frag", "platform": "x", "status": "reading", "reason": null,
             "comments": []}
        ]})
    }

    #[test]
    fn the_newest_unseen_tab_with_the_page_url_is_picked() {
        let mut probe = ExtensionProbe {
            handle: "w".into(),
            errors_seen: 0,
            known_tabs: vec![],
            requests_seen_ms: 0,
            console_seen_ms: 0,
        };
        let reply = threads_reply();
        assert_eq!(
            probe
                .thread_for(&reply, "https://x.com/acme/status/1")
                .unwrap()["tab_id"],
            7
        );
        probe.known_tabs.push(7);
        assert_eq!(
            probe
                .thread_for(&reply, "https://x.com/acme/status/1")
                .unwrap()["tab_id"],
            3
        );
        probe.known_tabs.push(3);
        assert!(probe
            .thread_for(&reply, "https://x.com/acme/status/1")
            .is_none());
        assert!(probe
            .thread_for(&json!({"type": "Threads"}), "https://x.com/")
            .is_none());
    }

    #[test]
    fn a_read_comment_changes_the_signature_and_a_repeat_does_not() {
        let reply = threads_reply();
        let thread = &reply["threads"][0];
        let before = comments_signature(thread);
        assert_eq!(before, comments_signature(&thread.clone()));
        let mut more = thread.clone();
        more["comments"]
            .as_array_mut()
            .unwrap()
            .push(json!({"id": "9", "text": "hi"}));
        assert_ne!(before, comments_signature(&more));
        let mut changed = thread.clone();
        changed["comments"][0]["text"] = json!("third outage, and a fourth");
        assert_ne!(before, comments_signature(&changed));
    }

    #[test]
    fn the_report_has_the_agreed_json_shape_and_reads_back() {
        let reply = threads_reply();
        let comment = reported_comment(&reply["threads"][0]["comments"][0]);
        let report = Report {
            pages: vec![PageReport {
                file: "x/a.html".into(),
                url: "https://x.com/acme/status/1".into(),
                platform: Some("x".into()),
                status: "reading".into(),
                comments: vec![comment],
                ..PageReport::default()
            }],
        };
        let value = serde_json::to_value(&report).unwrap();
        let page = &value[0];
        for key in [
            "file",
            "url",
            "platform",
            "status",
            "comments",
            "console_errors",
            "extension_errors",
            "extension_requests",
        ] {
            assert!(page.get(key).is_some(), "missing {key}");
        }
        let c = &page["comments"][0];
        assert_eq!(
            c,
            &json!({"id": "2", "author": "Jane", "text": "third outage", "depth": 0, "parent_id": null,
                    "by_brand": false, "category": "complaint", "flags": ["urgent"], "truncated": false})
        );
        let back: Report = serde_json::from_value(value).unwrap();
        assert_eq!(back, report);
    }

    #[test]
    fn the_thread_summary_is_cut_to_what_fixtures_check() {
        let cases = [
            (json!({"status": "reading"}), None),
            (json!({"summary": null}), None),
            (
                json!({"summary": {"counts": {"complaint": 2, "praise": 0}, "total": 2,
                        "unanswered": ["4", "9"], "repeat_authors": ["Ann"], "crisis": true}}),
                Some(PageSummary {
                    counts: [("complaint".to_string(), 2), ("praise".to_string(), 0)]
                        .into_iter()
                        .collect(),
                    unanswered: vec!["4".into(), "9".into()],
                    repeat_authors: vec!["Ann".into()],
                    crisis: true,
                }),
            ),
            (json!({"summary": {}}), Some(PageSummary::default())),
        ];
        for (thread, want) in cases {
            assert_eq!(PageSummary::from_thread(&thread), want, "{thread}");
        }
    }

    #[test]
    fn load_failures_extension_errors_and_unexplained_requests_fail_a_page() {
        let page_error = ConsoleEntry {
            level: "error".into(),
            kind: "javascript".into(),
            text: "Error: the page's own".into(),
            source_url: Some("https://x.com/acme/status/1".into()),
            context: None,
            at_ms: 0,
        };
        let mut page = PageReport {
            console_errors: vec![page_error.clone()],
            ..PageReport::default()
        };
        assert!(page.failures().is_empty());
        page.console_errors.push(ConsoleEntry {
            source_url: Some("chrome-extension://abc/extension/content/x.js".into()),
            ..page_error
        });
        assert_eq!(page.failures().len(), 1);
        page.extension_errors.push(ExtensionError {
            tab_id: Some(1),
            context: "content".into(),
            message: "boom\nstack".into(),
        });
        page.load_error = Some("net::ERR".into());
        assert_eq!(page.failures().len(), 3);
        page.extension_requests.push(RequestRecord {
            method: "POST".into(),
            host: "telemetry.example".into(),
            path: "/collect".into(),
            connect: false,
            status: 404,
            kind: server::RequestKind::Other,
            initiator: Some("https://x.com".into()),
            source: server::RequestSource::Page,
            at_ms: 0,
        });
        assert_eq!(page.failures().len(), 4);
        assert!(page.failures()[3].contains("telemetry.example/collect"));
        let report = Report { pages: vec![page] };
        assert!(report.failures()[1].contains("extension error (content): boom"));
        assert!(report.summary().contains("FAIL"));
    }
}
