//! Benchmark of the engine's `classify` part: native throughput and latency on every text of
//! `../shared/data`, the time of one 1 MB comment, the gzipped size of the release wasm, and the
//! throughput of the wasm build in headless Chromium (printed by `crate/tests/web_classify.rs`).
//!
//! Figures are printed and returned as Markdown; nothing here asserts a speed.

use std::fmt::Write as _;
use std::fs;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use candor::classify::classify;

use crate::build::{build, gzipped_size};
use crate::eval::{data_dir, unescape};
use crate::root;
use crate::tools::{self, show};

/// Measures, and returns the figures as Markdown.
pub fn run() -> Result<String> {
    if cfg!(debug_assertions) {
        // Speed figures from a debug build would mislead: measure in a release build of xtask.
        let out = tools::cargo()
            .current_dir(root())
            .args([
                "run",
                "--release",
                "--quiet",
                "--package",
                "xtask",
                "--",
                "bench",
                "classify",
            ])
            .output()
            .context("running the release build of the benchmark")?;
        eprint!("{}", String::from_utf8_lossy(&out.stderr));
        if !out.status.success() {
            bail!("the release benchmark failed ({})", out.status);
        }
        return Ok(String::from_utf8_lossy(&out.stdout).trim().to_string());
    }
    let texts = all_texts()?;
    eprintln!("classify bench: {} texts", texts.len());
    let mut md = String::new();

    // Warm-up builds the lexicon, the model and the patterns once.
    for t in texts.iter().take(500) {
        classify(t, None);
    }
    let (done, elapsed) = throughput(&texts, Duration::from_secs(3));
    let per_second = done as f64 / elapsed.as_secs_f64();
    // Comments on the platforms are mostly tweet-sized; the long product reviews weigh on the mean.
    let short: Vec<String> = texts
        .iter()
        .filter(|t| t.chars().count() <= 280)
        .cloned()
        .collect();
    let (short_done, short_elapsed) = throughput(&short, Duration::from_secs(2));
    let short_per_second = short_done as f64 / short_elapsed.as_secs_f64();
    let mut latencies: Vec<Duration> = texts
        .iter()
        .map(|t| {
            let start = Instant::now();
            std::hint::black_box(classify(t, None));
            start.elapsed()
        })
        .collect();
    latencies.sort_unstable();
    let pct = |p: f64| latencies[((latencies.len() - 1) as f64 * p) as usize];
    let mean_chars =
        texts.iter().map(|t| t.chars().count()).sum::<usize>() as f64 / texts.len() as f64;

    let big = one_megabyte_comment();
    let mut big_times: Vec<Duration> = (0..5)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(classify(&big, None));
            start.elapsed()
        })
        .collect();
    big_times.sort_unstable();

    writeln!(
        md,
        "Native (release build, one thread; {}; the machine is shared with other jobs, so figures vary between runs):\n",
        load_average()
    )?;
    writeln!(md, "| measure | value |\n|---|---|")?;
    writeln!(
        md,
        "| texts (all of `../shared/data`, mean {mean_chars:.0} characters) | {} |",
        texts.len()
    )?;
    writeln!(
        md,
        "| throughput | **{per_second:.0} comments/s** ({done} in {:.2} s) |",
        elapsed.as_secs_f64()
    )?;
    writeln!(
        md,
        "| throughput on the {} texts of at most 280 characters | **{short_per_second:.0} comments/s** |",
        short.len()
    )?;
    writeln!(md, "| latency p50 | {:.1} µs |", micros(pct(0.5)))?;
    writeln!(md, "| latency p99 | {:.1} µs |", micros(pct(0.99)))?;
    writeln!(md, "| latency max | {:.1} µs |", micros(pct(1.0)))?;
    writeln!(
        md,
        "| one 1 MB comment (median of 5; only the first {} characters are read, the verdict carries a `truncated` cue) | {:.2} ms |",
        candor::text::MAX_CHARS,
        big_times[2].as_secs_f64() * 1e3
    )?;

    match wasm_size() {
        Ok((raw, gz)) => writeln!(
            md,
            "| release wasm (`cargo xtask build`: wasm-release profile + wasm-bindgen), whole engine | {raw} bytes, **{gz} bytes gzipped ({:.0} KB)** |",
            gz as f64 / 1024.0
        )?,
        Err(e) => writeln!(md, "| release wasm size | not measured: {e:#} |")?,
    }
    match wasm_throughput() {
        Ok(line) => writeln!(md, "| wasm in headless Chromium (`crate/tests/web_classify.rs`, generated FR/EN comments) | **{line}** |")?,
        Err(e) => writeln!(md, "| wasm in headless Chromium | not measured: {e:#} |")?,
    }
    // `bench::bench` prints and writes it; the debug parent reads it from this process's stdout.
    Ok(md)
}

/// "load average 1.2 / 3.4 / 5.6" from /proc/loadavg, when readable.
fn load_average() -> String {
    fs::read_to_string("/proc/loadavg")
        .ok()
        .map(|l| {
            let parts: Vec<&str> = l.split_whitespace().take(3).collect();
            format!("load average {}", parts.join(" / "))
        })
        .unwrap_or_else(|| "load unknown".into())
}

fn micros(d: Duration) -> f64 {
    d.as_secs_f64() * 1e6
}

/// Classifies `texts` over and over for at least `min` and returns (comments, time).
fn throughput(texts: &[String], min: Duration) -> (usize, Duration) {
    let start = Instant::now();
    let mut done = 0;
    loop {
        for t in texts {
            std::hint::black_box(classify(t, None));
        }
        done += texts.len();
        let elapsed = start.elapsed();
        if elapsed >= min {
            return (done, elapsed);
        }
    }
}

/// Every text of every split of `../shared/data`, HTML-unescaped.
fn all_texts() -> Result<Vec<String>> {
    let mut texts = Vec::new();
    let mut sets: Vec<_> = fs::read_dir(data_dir())
        .with_context(|| format!("reading {}", data_dir().display()))?
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    sets.sort();
    for set in sets {
        for split in ["train.tsv", "dev.tsv"] {
            let path = set.join(split);
            if let Ok(raw) = fs::read_to_string(&path) {
                texts.extend(
                    raw.lines()
                        .filter_map(|l| l.rsplit_once('\t'))
                        .map(|(text, _)| unescape(text)),
                );
            }
        }
    }
    if texts.is_empty() {
        bail!("no texts under {}", data_dir().display());
    }
    Ok(texts)
}

/// A 1 MB comment of ordinary words, accents, emoji and punctuation.
fn one_megabyte_comment() -> String {
    let piece = "Ma commande n'est jamais arrivée, the app crashed again 😡 pourquoi ?! ";
    let mut s = String::with_capacity(1 << 20);
    while s.len() + piece.len() <= 1 << 20 {
        s.push_str(piece);
    }
    s
}

/// (raw, gzipped) bytes of the bound wasm that `cargo xtask build` ships.
fn wasm_size() -> Result<(usize, usize)> {
    let built = build()?;
    let bytes = fs::read(&built.wasm)?;
    Ok((bytes.len(), gzipped_size(&bytes)?))
}

/// Runs the wasm throughput test in headless Chromium and returns its figure.
fn wasm_throughput() -> Result<String> {
    tools::ensure_wasm_target()?;
    let mut command = tools::cargo();
    command
        .current_dir(root())
        // A target folder of its own: the extension's build compiles each module's feature set in
        // the same profile, and the test's LTO link then met a dependency built without bitcode
        // ("failed to load bitcode of module js_sys…").
        .env("CARGO_TARGET_DIR", root().join("target/wasm-bench"))
        .env("CHROMEDRIVER", "/usr/bin/chromedriver")
        .env(
            "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER",
            "wasm-bindgen-test-runner",
        )
        .args([
            "test",
            "--package",
            "candor",
            // The profile the extension ships (size first), not plain release.
            "--profile",
            "wasm-release",
            "--target",
            "wasm32-unknown-unknown",
            "--test",
            "web_classify",
            "--",
            "--nocapture",
        ]);
    eprintln!("$ {}", show(&command));
    let out = command.output().context("running the wasm test")?;
    let all = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    parse_wasm_figure(&all).with_context(|| {
        format!(
            "no figure in the wasm test output ({}): {}",
            out.status,
            all.lines().rev().take(15).collect::<Vec<_>>().join(" | ")
        )
    })
}

/// "CANDOR_WASM_COMMENTS_PER_SECOND 123456 (…)" → "123456 comments/s (…)".
fn parse_wasm_figure(output: &str) -> Option<String> {
    let line = output
        .lines()
        .find_map(|l| l.split("CANDOR_WASM_COMMENTS_PER_SECOND ").nth(1))?;
    let (number, rest) = line.split_once(' ').unwrap_or((line, ""));
    let value: f64 = number.parse().ok()?;
    Some(format!("{value:.0} comments/s {}", rest.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_wasm_figure_is_found_in_the_runner_output() {
        let cases = [
            (
                "x\nCANDOR_WASM_COMMENTS_PER_SECOND 81234 (5 in 2 ms)\ny",
                Some("81234 comments/s (5 in 2 ms)"),
            ),
            (
                "console.log: CANDOR_WASM_COMMENTS_PER_SECOND 99",
                Some("99 comments/s "),
            ),
            ("nothing here", None),
            ("CANDOR_WASM_COMMENTS_PER_SECOND abc", None),
        ];
        for (output, want) in cases {
            assert_eq!(parse_wasm_figure(output).as_deref(), want, "{output}");
        }
    }

    #[test]
    fn the_big_comment_is_one_megabyte() {
        let s = one_megabyte_comment();
        assert!(s.len() <= 1 << 20 && s.len() > (1 << 20) - 100);
    }
}
