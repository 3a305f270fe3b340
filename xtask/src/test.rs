//! `cargo xtask test`: every check Candor has, in the order that fails fastest — format, lints (native
//! and wasm), native tests, JavaScript unit tests, wasm tests in headless Chromium, the build, web-ext
//! lint, then the end-to-end tests in headless Chromium and Firefox on `tests/fixtures` and
//! `tests/harness`. It installs what is missing first. CI runs exactly this.

use std::path::Path;
use std::process::Command;
use std::time::Instant;

use anyhow::{bail, Context, Result};
use serde_json::Value;

use crate::tools::{self, run};
use crate::{build, root};

pub fn test(args: &[String]) -> Result<()> {
    let fast = args.iter().any(|a| a == "--fast");
    if let Some(unknown) = args.iter().find(|a| *a != "--fast") {
        bail!("unknown option {unknown:?}; usage: cargo xtask test [--fast]");
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

    tools::ensure_wasm_target()?;
    steps.run("clippy (wasm)", || {
        run(tools::cargo().current_dir(&root).args([
            "clippy",
            "--package",
            "candor",
            "--target",
            "wasm32-unknown-unknown",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ]))
    })?;
    steps.run("JavaScript unit tests", || js_tests(&root))?;
    tools::ensure_chromium()?;
    let wasm_bindgen = tools::ensure_wasm_bindgen()?;
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
    steps.summary(started);
    Ok(())
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

    fn summary(&self, started: Instant) {
        eprintln!("\n== summary");
        for (name, secs) in &self.done {
            eprintln!("{secs:>8.1} s  {name}");
        }
        eprintln!("{:>8.1} s  in all", started.elapsed().as_secs_f64());
    }
}
