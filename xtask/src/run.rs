//! `cargo xtask run [--headless]`: build, then Chromium with Candor on the bundled demo thread,
//! served at its real URL by the harness server (`e2e::server`).
//! - windowed: a plain Chromium process (no WebDriver) with the harness's routing switches and a
//!   fresh profile; the task waits for the window to close;
//! - `--headless`: the same page through WebDriver, a screenshot in `dist/demo.png`, and what the
//!   extension found printed comment by comment.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{bail, Context, Result};

use crate::e2e::browser::{chromium_args, launch, Browser, TempDir, CHROMIUM};
use crate::e2e::server::{find_pages, ServedPage, Server, Site};
use crate::e2e::{clip, ExtensionProbe};
use crate::root;
use crate::tools;

/// The demo thread the readers' fixtures provide.
const DEMO: &str = "tests/fixtures/x/demo-thread-en.html";
/// Until it exists: the harness's own pages.
const FALLBACK_DIR: &str = "tests/harness";

pub fn run(args: &[String]) -> Result<()> {
    let headless = match args {
        [] => false,
        [flag] if flag == "--headless" => true,
        _ => bail!("usage: cargo xtask run [--headless]"),
    };
    let root = root();
    let demo = demo_page(&root)?;
    if !headless
        && std::env::var_os("DISPLAY").is_none()
        && std::env::var_os("WAYLAND_DISPLAY").is_none()
    {
        bail!(
            "no display ($DISPLAY is not set), so no window can open; try `cargo xtask run --headless`"
        );
    }
    let built = crate::build::build()?;
    let pages_dir = demo.parent().unwrap_or(&root).to_path_buf();
    let page = ServedPage::load(&pages_dir, &demo)?;
    let server = Server::start(Site {
        pages: vec![page.clone()],
    })?;
    eprintln!("run: serving {} at {}", page.file, page.url);
    if headless {
        run_headless(&root, &built.chrome, &server, &page)
    } else {
        run_windowed(&built.chrome, &server, &page)
    }
}

/// The demo page, or the first harness page when the demo is not there yet.
fn demo_page(root: &Path) -> Result<PathBuf> {
    let demo = root.join(DEMO);
    if demo.exists() {
        return Ok(demo);
    }
    let fallback = find_pages(&root.join(FALLBACK_DIR))?;
    match fallback.into_iter().next() {
        Some(page) => {
            eprintln!(
                "run: {DEMO} is not there yet; showing {} instead",
                page.display()
            );
            Ok(page)
        }
        None => bail!("neither {DEMO} nor any page in {FALLBACK_DIR}"),
    }
}

fn run_windowed(extension: &Path, server: &Server, page: &ServedPage) -> Result<()> {
    tools::ensure_chromium()?;
    let extension = std::fs::canonicalize(extension)?;
    let profile = TempDir::new("candor-run")?;
    let mut chromium = Command::new(CHROMIUM);
    chromium
        .args(chromium_args(&extension, server.port, &profile.0, false))
        .arg(&page.url);
    eprintln!("run: close the Chromium window to finish");
    let status = chromium
        .status()
        .with_context(|| format!("starting {}", tools::show(&chromium)))?;
    if !status.success() {
        bail!("Chromium exited with {status}");
    }
    Ok(())
}

fn run_headless(root: &Path, extension: &Path, server: &Server, page: &ServedPage) -> Result<()> {
    let launched = launch(Browser::Chromium, extension, server.port)?;
    let mut probe = ExtensionProbe::open(&launched)?;
    let (report, window) = probe.read_page(&launched, server, page, true)?;
    let session = &launched.session;
    if let Some(window) = window {
        session.switch_to(&window)?;
        session.set_window_rect(1280, 1000)?;
        // Badges are drawn after the verdicts come back; the page is quiet by now.
        let png = session.screenshot()?;
        let out = root.join("dist/demo.png");
        std::fs::create_dir_all(root.join("dist"))?;
        std::fs::write(&out, png).with_context(|| format!("writing {}", out.display()))?;
        eprintln!("run: screenshot saved to {}", out.display());
    }
    println!(
        "{} ({}, {}): {} comment(s)",
        report.url,
        report.platform.as_deref().unwrap_or("no platform"),
        report.status,
        report.comments.len()
    );
    for c in &report.comments {
        let flags = if c.flags.is_empty() {
            "no flag".to_string()
        } else {
            c.flags.join(", ")
        };
        println!(
            "  {} · {} · {} · {}",
            c.author,
            c.category.as_deref().unwrap_or("?"),
            flags,
            clip(&c.text, 60)
        );
    }
    let failures = report.failures();
    if !failures.is_empty() {
        bail!("the demo page failed:\n  {}", failures.join("\n  "));
    }
    Ok(())
}
