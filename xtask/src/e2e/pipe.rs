//! Figures for BENCHMARKS.md's "pipe" section: how long the extension's message pipe takes in a
//! real browser. Measured from an extension page (the popup, opened as a tab) with
//! `runtime.sendMessage`, so each figure includes the browser's messaging and the engine's work:
//! - start-up: the browser with Candor; the engine's start, timed in an extension page running the
//!   background's own steps (the service worker's `candorEngineStartMs` is out of WebDriver's
//!   reach); the first `Ping` from a freshly opened extension page;
//! - `Classify`: one message alone, and a batch of 50 sent at once (the same work a
//!   `CommentsRead` of 50 comments asks for, which needs a tab and so cannot come from here).

use std::time::Instant;

use anyhow::{anyhow, bail, Result};
use serde_json::{json, Value};

use super::browser::{launch, Browser, EXTENSION_PAGE};
use super::server::{Server, Site};

/// Fresh browser starts measured (each one's first `Ping`).
const FRESH_STARTS: usize = 5;
/// Runs of each message measurement; the median is reported.
const RUNS: usize = 50;
/// Comments per batch.
const BATCH: usize = 50;

/// Times the first Ping from the page; answers milliseconds, or an error text.
const FIRST_PING: &str = r#"
const done = arguments[arguments.length - 1];
const api = globalThis.browser ?? globalThis.chrome;
const t0 = performance.now();
api.runtime.sendMessage({ v: 1, type: "Ping" }).then(
  (reply) => done(JSON.stringify({ ms: performance.now() - t0, reply })),
  (error) => done(JSON.stringify({ error: String((error && error.message) || error) })),
);
"#;

/// Runs `runs` rounds of `size` Classify messages sent together; answers each round's ms.
const CLASSIFY_ROUNDS: &str = r#"
const [texts, runs, size] = arguments;
const done = arguments[arguments.length - 1];
const api = globalThis.browser ?? globalThis.chrome;
(async () => {
  const times = [];
  let verdicts = 0;
  for (let r = 0; r < runs; r++) {
    const batch = [];
    for (let i = 0; i < size; i++) batch.push(texts[(r * size + i) % texts.length]);
    const t0 = performance.now();
    const replies = await Promise.all(
      batch.map((text) => api.runtime.sendMessage({ v: 1, type: "Classify", text })),
    );
    times.push(performance.now() - t0);
    verdicts += replies.filter((x) => x && x.type === "Verdict").length;
  }
  return { times, verdicts };
})().then((out) => done(JSON.stringify(out)), (error) => done(JSON.stringify({ error: String(error) })));
"#;

/// Comments varied enough that no cache could answer them all: French and English, short and long.
fn sample_texts() -> Vec<String> {
    let openings = [
        "Third outage this week, my whole team is stuck",
        "Quick question: does the annual plan include support?",
        "Thank you for fixing my order so fast",
        "Encore une panne ce matin, c'est inacceptable",
        "Est-ce que la livraison est offerte en Belgique ?",
        "Merci pour votre réponse rapide, tout fonctionne",
        "lol who even uses this",
        "Call me at 06 12 34 56 78, nobody answers the chat",
    ];
    let tails = [
        "",
        " and I have been waiting since Monday for an answer.",
        " — je l'ai signalé deux fois déjà.",
        " Please advise, this matters for our launch next week and the clients are asking.",
    ];
    let mut texts = Vec::new();
    for (i, opening) in openings.iter().enumerate() {
        for (j, tail) in tails.iter().enumerate() {
            texts.push(format!("{opening}{tail} (#{i}{j})"));
        }
    }
    texts
}

fn median(values: &mut [f64]) -> f64 {
    if values.is_empty() {
        return f64::NAN;
    }
    values.sort_by(|a, b| a.total_cmp(b));
    let mid = values.len() / 2;
    if values.len().is_multiple_of(2) {
        (values[mid - 1] + values[mid]) / 2.0
    } else {
        values[mid]
    }
}

fn percentile(values: &mut [f64], p: f64) -> f64 {
    if values.is_empty() {
        return f64::NAN;
    }
    values.sort_by(|a, b| a.total_cmp(b));
    let rank = ((p / 100.0) * (values.len() - 1) as f64).round() as usize;
    values[rank.min(values.len() - 1)]
}

/// Loads the engine the way the background does (the wasm-bindgen module, `init`, `new Engine()`)
/// in the current extension page, fresh after each navigation; answers milliseconds.
const ENGINE_START: &str = r#"
const done = arguments[arguments.length - 1];
const api = globalThis.browser ?? globalThis.chrome;
(async () => {
  const t0 = performance.now();
  const engine = await import(api.runtime.getURL("extension/pkg/engine.js"));
  await engine.default({ module_or_path: api.runtime.getURL("extension/pkg/engine_bg.wasm") });
  new engine.Engine();
  return { ms: performance.now() - t0 };
})().then((out) => done(JSON.stringify(out)), (error) => done(JSON.stringify({ error: String(error) })));
"#;

/// Reloads of the extension page per fresh start, each loading the engine again.
const WARM_LOADS: usize = 10;

fn parse_reply(raw: Value) -> Result<Value> {
    let value = super::values::script_answer(&raw, "the script")?;
    if let Some(e) = value.get("error") {
        bail!("in the extension page: {e}");
    }
    Ok(value)
}

/// Measures the pipe in `browser` (headless) and answers a Markdown section.
pub fn pipe_figures(browser: Browser) -> Result<String> {
    let built = crate::build::build()?;
    let extension = browser.extension_in(&built).to_path_buf();
    let server = Server::start(Site { pages: Vec::new() })?;

    let mut startups = Vec::new();
    let mut first_pings = Vec::new();
    let mut cold_engine = Vec::new();
    let mut warm_engine = Vec::new();
    let mut classify = None;
    for start in 0..FRESH_STARTS {
        let launched = launch(browser, &extension, server.port)?;
        startups.push(launched.startup.as_secs_f64() * 1000.0);
        let session = &launched.session;
        session.set_script_timeout(120_000)?;
        // The popup's own script also sends GetThreads at load; the Ping below may be the
        // second message, but the engine's start is still inside it.
        let loaded = Instant::now();
        session.navigate(&launched.extension_url(EXTENSION_PAGE))?;
        let navigate_ms = loaded.elapsed().as_secs_f64() * 1000.0;
        let ping = parse_reply(session.execute_async(FIRST_PING, json!([]))?)?;
        if ping["reply"]["type"] != "Pong" {
            bail!("Ping answered {}", ping["reply"]);
        }
        let ping_ms = ping["ms"].as_f64().unwrap_or(f64::NAN);
        // The first engine load in this page is the browser's first outside the background;
        // the reloads after it may find the compiled wasm in the browser's code cache.
        let mut engine_ms = f64::NAN;
        for load in 0..=WARM_LOADS {
            if load > 0 {
                session.navigate(&launched.extension_url(EXTENSION_PAGE))?;
            }
            let out = parse_reply(session.execute_async(ENGINE_START, json!([]))?)?;
            let ms = out["ms"].as_f64().unwrap_or(f64::NAN);
            if load == 0 {
                engine_ms = ms;
                cold_engine.push(ms);
            } else {
                warm_engine.push(ms);
            }
        }
        eprintln!(
            "pipe: start {start}: browser {:.0} ms, extension page {navigate_ms:.0} ms, first Ping {ping_ms:.1} ms, engine load {engine_ms:.1} ms",
            launched.startup.as_secs_f64() * 1000.0,
        );
        first_pings.push(ping_ms);
        if start == 0 {
            let texts = sample_texts();
            let one =
                parse_reply(session.execute_async(CLASSIFY_ROUNDS, json!([texts, RUNS, 1]))?)?;
            let batch =
                parse_reply(session.execute_async(CLASSIFY_ROUNDS, json!([texts, RUNS, BATCH]))?)?;
            let times = |v: &Value| -> Vec<f64> {
                v["times"]
                    .as_array()
                    .map(|a| a.iter().filter_map(Value::as_f64).collect())
                    .unwrap_or_default()
            };
            let verdicts = batch["verdicts"].as_u64().unwrap_or(0) as usize;
            if verdicts != RUNS * BATCH {
                bail!("expected {} verdicts, got {verdicts}", RUNS * BATCH);
            }
            classify = Some((times(&one), times(&batch)));
        }
    }
    let (mut one, mut batch) = classify.ok_or_else(|| anyhow!("no Classify figures"))?;
    let version = crate::tools::output(
        std::process::Command::new(match browser {
            Browser::Chromium => super::browser::CHROMIUM,
            Browser::Firefox => super::browser::FIREFOX,
        })
        .arg("--version"),
    )
    .unwrap_or_default();
    let mut md = String::new();
    md.push_str(&format!(
        "Browser: {} (headless, WebDriver). Measured from the extension's popup page opened as a tab, with `runtime.sendMessage`; times from `performance.now()` in that page.\n\n",
        version.trim()
    ));
    md.push_str("| figure | median | p90 | runs |\n|---|---|---|---|\n");
    md.push_str(&format!(
        "| browser start with Candor (driver + session) | {:.0} ms | {:.0} ms | {} |\n",
        median(&mut startups),
        percentile(&mut startups, 90.0),
        startups.len()
    ));
    md.push_str(&format!(
        "| engine start, first in a fresh browser (module import, wasm compiled, `Engine` made) | {:.1} ms | {:.1} ms | {} |\n",
        median(&mut cold_engine),
        percentile(&mut cold_engine, 90.0),
        cold_engine.len()
    ));
    md.push_str(&format!(
        "| engine start again, in a reloaded extension page | {:.1} ms | {:.1} ms | {} |\n",
        median(&mut warm_engine),
        percentile(&mut warm_engine, 90.0),
        warm_engine.len()
    ));
    md.push_str(&format!(
        "| first `Ping` from a freshly opened extension page | {:.1} ms | {:.1} ms | {} |\n",
        median(&mut first_pings),
        percentile(&mut first_pings, 90.0),
        first_pings.len()
    ));
    md.push_str(&format!(
        "| one `Classify` round trip | {:.2} ms | {:.2} ms | {} |\n",
        median(&mut one),
        percentile(&mut one, 90.0),
        one.len()
    ));
    md.push_str(&format!(
        "| {BATCH} `Classify` messages sent at once, until the last verdict | {:.2} ms | {:.2} ms | {} |\n",
        median(&mut batch),
        percentile(&mut batch, 90.0),
        batch.len()
    ));
    md.push_str(&format!(
        "\nA `CommentsRead` batch needs a tab (a content script), so the batch figure uses {BATCH} `Classify` messages instead: the same classification work, plus {} extra message crossings. The engine start is timed in the extension page, running the background's own steps (import the wasm-bindgen module, `init`, `new Engine()`): the service worker's `candorEngineStartMs` cannot be read from here (WebDriver BiDi lists no service-worker realm for the extension in this Chromium). The service worker starts with the browser, so the first `Ping` already finds its engine ready.\n",
        BATCH - 1
    ));
    Ok(md)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn medians_and_percentiles() {
        let cases: [(&[f64], f64, f64); 4] = [
            (&[3.0, 1.0, 2.0], 2.0, 3.0),
            (&[4.0, 1.0, 3.0, 2.0], 2.5, 4.0),
            (&[7.0], 7.0, 7.0),
            (
                &[1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 11.0],
                6.0,
                10.0,
            ),
        ];
        for (values, want_median, want_p90) in cases {
            assert_eq!(median(&mut values.to_vec()), want_median, "{values:?}");
            assert_eq!(
                percentile(&mut values.to_vec(), 90.0),
                want_p90,
                "{values:?}"
            );
        }
        assert!(median(&mut []).is_nan());
    }

    #[test]
    fn sample_texts_are_distinct_and_bilingual() {
        let texts = sample_texts();
        let mut unique = texts.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), texts.len());
        assert!(texts.len() >= 30);
        assert!(
            texts.iter().any(|t| t.contains("panne")) && texts.iter().any(|t| t.contains("outage"))
        );
    }
}
