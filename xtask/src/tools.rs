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
    install_crates(&[WASM_BINDGEN])?;
    Ok(cargo_bin(WASM_BINDGEN.command))
}

/// A command-line tool that `cargo install` builds from crates.io.
pub struct CrateTool {
    pub package: &'static str,
    pub version: &'static str,
    pub command: &'static str,
}

pub const WASM_BINDGEN: CrateTool = CrateTool {
    package: "wasm-bindgen-cli",
    version: WASM_BINDGEN_VERSION,
    command: "wasm-bindgen",
};
pub const GECKODRIVER: CrateTool = CrateTool {
    package: "geckodriver",
    version: GECKODRIVER_VERSION,
    command: "geckodriver",
};

impl CrateTool {
    /// Whether the installed command reports the pinned version.
    fn is_installed(&self) -> bool {
        let said =
            output(Command::new(cargo_bin(self.command)).arg("--version")).unwrap_or_default();
        self.reports_pinned_version(&said)
    }

    /// Whether `said` (what `command --version` printed) names the pinned version.
    fn reports_pinned_version(&self, said: &str) -> bool {
        said.trim_start()
            .strip_prefix(self.command)
            .is_some_and(|rest| rest.split_whitespace().next() == Some(self.version))
    }
}

/// Installs those of `tools` that are missing, in one `cargo install` so that their builds share
/// the cores. These tools run at build and test time only, never ship, and are not hot: they are
/// built with little optimisation, no LTO and parallel codegen, which makes a cold set-up minutes
/// shorter.
pub fn install_crates(tools: &[CrateTool]) -> Result<()> {
    let missing: Vec<String> = tools
        .iter()
        .filter(|t| !t.is_installed())
        .map(|t| format!("{}@{}", t.package, t.version))
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    // Without --locked: wasm-bindgen-cli's lockfile pins a crate version the registry here lacks
    // (DESIGN.md).
    run(cargo()
        .arg("install")
        .args(&missing)
        .arg("--force")
        .env("CARGO_PROFILE_RELEASE_OPT_LEVEL", "1")
        .env("CARGO_PROFILE_RELEASE_LTO", "false")
        .env("CARGO_PROFILE_RELEASE_CODEGEN_UNITS", "64")
        .env("CARGO_PROFILE_RELEASE_DEBUG", "false"))
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
    ensure_firefox_browser()?;
    install_crates(&[GECKODRIVER])?;
    Ok(cargo_bin(GECKODRIVER.command))
}

pub fn ensure_firefox_browser() -> Result<()> {
    ensure_debian(&[("firefox-esr", "firefox-esr")])
}

/// Everything the full test run needs. Debian's and npm's downloads go on beside the compiling of
/// the cargo-installed tools (one is network and disk, the other the cores). Returns wasm-bindgen.
pub fn ensure_test_tools(root: &Path) -> Result<PathBuf> {
    ensure_wasm_target()?;
    std::thread::scope(|scope| {
        let packages = scope.spawn(|| -> Result<()> {
            ensure_chromium()?;
            ensure_firefox_browser()?;
            ensure_web_ext(root)?;
            Ok(())
        });
        let crates = install_crates(&[WASM_BINDGEN, GECKODRIVER]);
        let packages = packages.join().unwrap_or_else(|_| {
            Err(anyhow::anyhow!(
                "installing Debian and npm packages panicked"
            ))
        });
        crates.and(packages)
    })?;
    Ok(cargo_bin(WASM_BINDGEN.command))
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

    #[test]
    fn only_the_pinned_version_counts_as_installed() {
        let cases = [
            (super::WASM_BINDGEN, "wasm-bindgen 0.2.130\n", true),
            (super::WASM_BINDGEN, "wasm-bindgen 0.2.1300\n", false),
            (super::WASM_BINDGEN, "wasm-bindgen 0.2.129\n", false),
            (super::WASM_BINDGEN, "", false),
            (
                super::GECKODRIVER,
                "geckodriver 0.37.1 (abc 2025-01-01)\n\nThe source code…",
                true,
            ),
            (super::GECKODRIVER, "geckodriver 0.36.0 (abc)", false),
            (super::GECKODRIVER, "wasm-bindgen 0.37.1", false),
        ];
        for (tool, said, want) in cases {
            assert_eq!(tool.reports_pinned_version(said), want, "{said:?}");
        }
    }
}
