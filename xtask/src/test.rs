//! `cargo xtask test`: every check Candor has, in the order that fails fastest — format, lints (native
//! and wasm), native tests, JavaScript unit tests, wasm tests in headless Chromium, the build, web-ext
//! lint, then the end-to-end tests in headless Chromium and Firefox on `tests/fixtures` and
//! `tests/harness`, each page judged against its `.expect.json`, then the guidance card's checks
//! (`e2e::card`, each one counted), then brand profiles through the options page (`e2e::options`:
//! import, undo, subscription; each check counted), then the side panel (`e2e::panel`), then the
//! practice page (`e2e::practice`: a full attempt in French and in English), then the reply coach and delete guard driven on `tests/guard`
//! (each page counted). It installs what is missing first.
//! CI runs exactly this; its last line is `e2e: N passed, M failed`.

use std::path::Path;
use std::process::Command;
use std::time::Instant;

use anyhow::{bail, Context, Result};
use serde_json::Value;

use crate::e2e::{self, Browser};
use crate::tools::{self, run};
use crate::{build, expect, root};

pub fn test(args: &[String]) -> Result<()> {
    let fast = args.iter().any(|a| a == "--fast");
    // --record: write the steps' durations to BENCHMARKS.md (run it on a fresh clone to measure a cold
    // set-up).
    let record = args.iter().any(|a| a == "--record");
    if let Some(unknown) = args.iter().find(|a| *a != "--fast" && *a != "--record") {
        bail!("unknown option {unknown:?}; usage: cargo xtask test [--fast] [--record]");
    }
    let started = Instant::now();
    let root = root();
    let mut steps = Steps::default();

    steps.run("format", || {
        run(tools::cargo()
            .current_dir(&root)
            .args(["fmt", "--all", "--", "--check"]))
    })?;
    steps.run("clippy (native)", || {
        run(tools::cargo().current_dir(&root).args([
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ]))
    })?;
    steps.run("native tests", || {
        run(tools::cargo()
            .current_dir(&root)
            .args(["test", "--workspace"]))
    })?;
    if fast {
        steps.summary(started);
        return Ok(());
    }

    let wasm_bindgen = steps.run("install what is missing", || {
        tools::ensure_test_tools(&root)
    })?;
    steps.run("clippy (wasm)", || {
        // All targets with both modules' code, then each module's own feature set alone.
        let mut feature_sets = vec![vec!["--all-targets"]];
        for module in build::MODULES {
            feature_sets.push(vec!["--lib", "--no-default-features", "--features", module]);
        }
        for extra in feature_sets {
            run(tools::cargo()
                .current_dir(&root)
                .args([
                    "clippy",
                    "--package",
                    "candor",
                    "--target",
                    "wasm32-unknown-unknown",
                ])
                .args(extra)
                .args(["--", "-D", "warnings"]))?;
        }
        Ok(())
    })?;
    steps.run("JavaScript unit tests", || js_tests(&root))?;
    steps.run("wasm tests in headless Chromium", || {
        let runner = wasm_bindgen.with_file_name("wasm-bindgen-test-runner");
        run(tools::cargo()
            .current_dir(&root)
            .args([
                "test",
                "--package",
                "candor",
                "--target",
                "wasm32-unknown-unknown",
            ])
            .env("CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER", runner)
            .env("CHROMEDRIVER", "/usr/bin/chromedriver"))
    })?;
    let built = steps.run("build", build::build)?;
    steps.run("web-ext lint", || web_ext_lint(&root, &built.firefox))?;

    let mut passed = 0;
    let mut failed = Vec::new();
    for browser in [Browser::Chromium, Browser::Firefox] {
        let extension = browser.extension_in(&built);
        for dir in ["tests/harness", "tests/fixtures"] {
            let pages = root.join(dir);
            let name = format!("end-to-end: {dir} in {}", browser.name());
            let report = steps.run(&name, || e2e::run_pages(&pages, browser, extension))?;
            for page in &report.pages {
                let problems = page_problems(&pages, page)?;
                if problems.is_empty() {
                    passed += 1;
                } else {
                    failed.push(format!(
                        "{} {dir}/{}:\n    {}",
                        browser.name(),
                        page.file,
                        problems.join("\n    ")
                    ));
                }
            }
        }
        for (_, label, checks) in e2e::CHECK_SUITES {
            let name = format!("end-to-end: {label} in {}", browser.name());
            for check in steps.run(&name, || checks(browser, extension))? {
                match check.failure {
                    None => passed += 1,
                    Some(why) => failed.push(format!("{}:\n    {why}", check.name)),
                }
            }
        }
        // The reply coach and the delete guard, driven as a person would (tests/guard).
        let pages = root.join("tests/guard");
        let name = format!("end-to-end: tests/guard in {}", browser.name());
        let reports = steps.run(&name, || {
            e2e::guard::run_guard_pages(&pages, browser, extension)
        })?;
        for page in &reports {
            if page.problems.is_empty() {
                passed += 1;
            } else {
                failed.push(format!(
                    "{} tests/guard/{}:\n    {}",
                    browser.name(),
                    page.file,
                    page.problems.join("\n    ")
                ));
            }
        }
    }
    steps.summary(started);
    if record {
        steps.record(started, passed, failed.len())?;
    }
    for f in &failed {
        eprintln!("FAILED {f}");
    }
    println!("e2e: {passed} passed, {} failed", failed.len());
    if !failed.is_empty() {
        bail!("{} end-to-end page(s) failed", failed.len());
    }
    Ok(())
}

/// What is wrong with one page of a report: the harness's own failure rules (load, extension errors,
/// unexplained requests) and the fixture's expectations.
fn page_problems(pages: &Path, page: &e2e::PageReport) -> Result<Vec<String>> {
    let mut problems = page.failures();
    if page.timed_out {
        problems.push("the page never became quiet (20 s)".into());
    }
    let sidecar = pages.join(&page.file).with_extension("expect.json");
    let expect: Value = serde_json::from_str(
        &std::fs::read_to_string(&sidecar)
            .with_context(|| format!("reading {}", sidecar.display()))?,
    )
    .with_context(|| format!("{} is not valid JSON", sidecar.display()))?;
    if expect["expect"].is_null() {
        problems.push(format!("{} has no \"expect\" block", sidecar.display()));
    } else {
        problems.extend(expect::check_page(
            &serde_json::to_value(page)?,
            &expect["expect"],
        ));
    }
    Ok(problems)
}

/// Runs `node --test` on the JavaScript unit tests, when there are any.
fn js_tests(root: &Path) -> Result<()> {
    let dir = root.join("tests/js");
    if !dir.exists() {
        eprintln!("no JavaScript unit tests in tests/js");
        return Ok(());
    }
    tools::ensure_debian(&[("node", "nodejs")])?;
    run(Command::new("node").arg("--test").current_dir(&dir))
}

/// web-ext lint as addons.mozilla.org runs it: no error allowed; warnings are printed.
fn web_ext_lint(root: &Path, firefox: &Path) -> Result<()> {
    let web_ext = tools::ensure_web_ext(root)?;
    let out = Command::new(&web_ext)
        .args(["lint", "--output", "json", "--source-dir"])
        .arg(firefox)
        .output()
        .context("running web-ext lint")?;
    let report: Value = serde_json::from_slice(&out.stdout).with_context(|| {
        format!(
            "web-ext lint printed no JSON: {}",
            String::from_utf8_lossy(&out.stderr)
        )
    })?;
    let errors = report["errors"].as_array().cloned().unwrap_or_default();
    for warning in report["warnings"].as_array().into_iter().flatten() {
        eprintln!(
            "web-ext warning {}: {}",
            warning["code"], warning["message"]
        );
    }
    if !errors.is_empty() {
        for e in &errors {
            eprintln!(
                "web-ext error {}: {} ({})",
                e["code"], e["message"], e["file"]
            );
        }
        bail!("web-ext lint found {} error(s)", errors.len());
    }
    eprintln!("web-ext lint: 0 errors");
    Ok(())
}

/// The steps run so far, with their durations, for the closing summary.
#[derive(Default)]
struct Steps {
    done: Vec<(String, f64)>,
}

impl Steps {
    fn run<T>(&mut self, name: &str, step: impl FnOnce() -> Result<T>) -> Result<T> {
        eprintln!("\n== {name}");
        let started = Instant::now();
        let result = step().with_context(|| format!("step '{name}' failed"));
        self.done
            .push((name.to_string(), started.elapsed().as_secs_f64()));
        result
    }

    /// Writes the durations to the "setup-and-test" section of BENCHMARKS.md.
    fn record(&self, started: Instant, passed: usize, failed: usize) -> Result<()> {
        let mut md = String::from("| step | seconds |\n|---|---|\n");
        for (name, secs) in &self.done {
            md.push_str(&format!("| {name} | {secs:.1} |\n"));
        }
        md.push_str(&format!(
            "| **in all** | **{:.1}** ({:.1} min) |\n\nEnd-to-end: {passed} passed, {failed} failed. \
             Run on a fresh clone with an empty `target/`; \"install what is missing\" shows what the \
             machine lacked (a bare machine installs all of it). Load average at the end: {}.",
            started.elapsed().as_secs_f64(),
            started.elapsed().as_secs_f64() / 60.0,
            std::fs::read_to_string("/proc/loadavg")
                .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" / "))
                .unwrap_or_else(|_| "unknown".into())
        ));
        crate::benchmarks::write_section("setup-and-test", "cargo xtask test --record", &md)
    }

    fn summary(&self, started: Instant) {
        eprintln!("\n== summary");
        for (name, secs) in &self.done {
            eprintln!("{secs:>8.1} s  {name}");
        }
        eprintln!("{:>8.1} s  in all", started.elapsed().as_secs_f64());
    }
}
