//! Installing what the tasks need, and only when it is missing: the wasm target, the pinned
//! wasm-bindgen CLI, browsers and drivers from Debian, geckodriver from crates.io, web-ext from npm.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Once;

use anyhow::{bail, Context, Result};

/// Must equal the `wasm-bindgen = "=…"` pin in crate/Cargo.toml (a test checks it).
pub const WASM_BINDGEN_VERSION: &str = "0.2.130";
pub const GECKODRIVER_VERSION: &str = "0.37.1";

/// Runs `command`, echoing it, and fails with its name when it fails.
pub fn run(command: &mut Command) -> Result<()> {
    eprintln!("$ {}", show(command));
    let status = command
        .status()
        .with_context(|| format!("could not start {}", show(command)))?;
    if !status.success() {
        bail!("{} failed ({status})", show(command));
    }
    Ok(())
}

/// Runs `command` and returns its standard output, or `None` when it cannot run or fails.
pub fn output(command: &mut Command) -> Option<String> {
    let out = command.output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

pub fn show(command: &Command) -> String {
    let mut s = command.get_program().to_string_lossy().into_owned();
    for a in command.get_args() {
        s.push(' ');
        s.push_str(&a.to_string_lossy());
    }
    s
}

/// The cargo that runs this task (so installs use the same toolchain).
pub fn cargo() -> Command {
    Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
}

pub fn ensure_wasm_target() -> Result<()> {
    let installed =
        output(Command::new("rustup").args(["target", "list", "--installed"])).unwrap_or_default();
    if installed
        .lines()
        .any(|l| l.trim() == "wasm32-unknown-unknown")
    {
        return Ok(());
    }
    run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))
}

fn cargo_bin(name: &str) -> PathBuf {
    let home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".cargo")))
        .unwrap_or_else(|| PathBuf::from(".cargo"));
    home.join("bin").join(name)
}

/// The wasm-bindgen CLI at the pinned version, installed with cargo when missing or different.
pub fn ensure_wasm_bindgen() -> Result<PathBuf> {
    let bin = cargo_bin("wasm-bindgen");
    let want = format!("wasm-bindgen {WASM_BINDGEN_VERSION}");
    let have = output(Command::new(&bin).arg("--version")).unwrap_or_default();
    if have.trim() != want {
        // Without --locked: its lockfile pins a crate version the registry here lacks (DESIGN.md).
        run(cargo().args([
            "install",
            "wasm-bindgen-cli",
            "--version",
            WASM_BINDGEN_VERSION,
            "--force",
        ]))?;
    }
    Ok(bin)
}

static APT_UPDATE: Once = Once::new();

/// Installs Debian packages whose command is missing.
pub fn ensure_debian(packages: &[(&str, &str)]) -> Result<()> {
    let missing: Vec<&str> = packages
        .iter()
        .filter(|(command, _)| output(Command::new("which").arg(command)).is_none())
        .map(|(_, package)| *package)
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    let mut result = Ok(());
    APT_UPDATE.call_once(|| result = run(Command::new("apt-get").arg("update")));
    result?;
    run(Command::new("apt-get")
        .args(["install", "-y", "--no-install-recommends"])
        .args(&missing)
        .env("DEBIAN_FRONTEND", "noninteractive"))
}

pub fn ensure_chromium() -> Result<()> {
    ensure_debian(&[
        ("chromium", "chromium"),
        ("chromedriver", "chromium-driver"),
    ])
}

pub fn ensure_firefox() -> Result<PathBuf> {
    ensure_debian(&[("firefox-esr", "firefox-esr")])?;
    let bin = cargo_bin("geckodriver");
    let have = output(Command::new(&bin).arg("--version")).unwrap_or_default();
    if !have.starts_with(&format!("geckodriver {GECKODRIVER_VERSION}")) {
        run(cargo().args([
            "install",
            "geckodriver",
            "--version",
            GECKODRIVER_VERSION,
            "--force",
        ]))?;
    }
    Ok(bin)
}

/// web-ext from npm, at the version `tools/package-lock.json` pins, in `tools/node_modules`.
pub fn ensure_web_ext(root: &Path) -> Result<PathBuf> {
    let tools = root.join("tools");
    let bin = tools.join("node_modules/.bin/web-ext");
    if !bin.exists() {
        ensure_debian(&[("npm", "npm")])?;
        run(Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund", "--loglevel=error"])
            .current_dir(&tools))?;
    }
    Ok(bin)
}

#[cfg(test)]
mod tests {
    #[test]
    fn wasm_bindgen_pin_matches_the_engine_crate() {
        let manifest = include_str!("../../crate/Cargo.toml");
        let pin = format!("wasm-bindgen = \"={}\"", super::WASM_BINDGEN_VERSION);
        assert!(manifest.contains(&pin), "crate/Cargo.toml must pin {pin}");
    }
}
