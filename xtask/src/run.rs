//! `cargo xtask run [--headless]`: build, then Chromium with Candor on its practice page (issue 7:
//! practice threads for trainees), with the bundled demo thread, served at its real URL by the
//! harness server (`e2e::server`), in a second tab and linked from the practice page.
//! - windowed: a plain Chromium process (no WebDriver) with the harness's routing switches and a
//!   fresh profile, on the demo thread, then the practice page in a new tab in front once the
//!   extension runs (Chromium's id for the unpacked extension is derived from its path,
//!   `e2e::browser::chromium_extension_id`); the task waits for the window to close;
//! - `--headless`: the same through WebDriver: a screenshot of the demo thread in `dist/demo.png`
//!   and what the extension found printed comment by comment, then the practice page with its
//!   first thread open and a comment picked, in `dist/practice.png`.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{bail, Context, Result};

use serde_json::{json, Value};

use crate::e2e::browser::{
    chromium_args, chromium_extension_id, launch, Browser, Launched, TempDir, CHROMIUM,
};
use crate::e2e::server::{find_pages, ServedPage, Server, Site};
use crate::e2e::values::strings;
use crate::e2e::{clip, ExtensionProbe};
use crate::root;
use crate::tools;

/// The demo thread the readers' fixtures provide.
const DEMO: &str = "tests/fixtures/x/demo-thread-en.html";
/// Until it exists: the harness's own pages.
const FALLBACK_DIR: &str = "tests/harness";
/// The page `cargo xtask run` opens first.
const PRACTICE_PAGE: &str = "extension/pages/practice.html";

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

/// The practice page's address inside the extension, with a link to the demo thread.
fn practice_path(demo_url: &str) -> String {
    format!("{PRACTICE_PAGE}?demo={}", encode_component(demo_url))
}

/// `text` percent-encoded for a query value.
fn encode_component(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

fn run_windowed(extension: &Path, server: &Server, page: &ServedPage) -> Result<()> {
    tools::ensure_chromium()?;
    let extension = std::fs::canonicalize(extension)?;
    let profile = TempDir::new("candor-run")?;
    let id = chromium_extension_id(&extension);
    let practice = format!("chrome-extension://{id}/{}", practice_path(&page.url));
    // Chromium refuses an extension's page given on its command line (the extension is not loaded
    // yet when the first tabs open: ERR_BLOCKED_BY_CLIENT). So it starts on the demo thread, and
    // the practice page is opened in a new tab, in front, once the extension's background runs — as
    // the browser's DevTools endpoint (on 127.0.0.1, a random port, this fresh profile only) shows.
    let mut chromium = Command::new(CHROMIUM);
    chromium
        .args(chromium_args(&extension, server.port, &profile.0, false))
        .arg("--remote-debugging-address=127.0.0.1")
        .arg("--remote-debugging-port=0")
        .arg(&page.url);
    let mut child = chromium
        .spawn()
        .with_context(|| format!("starting {}", tools::show(&chromium)))?;
    match open_when_ready(&profile.0, &id, &practice, &mut child) {
        Ok(()) => eprintln!(
            "run: the practice page is open ({practice}); the demo thread is in the first tab"
        ),
        Err(e) => eprintln!("run: could not open the practice page ({e:#}); open {practice}"),
    }
    eprintln!("run: close the Chromium window to finish");
    let status = child.wait()?;
    if !status.success() {
        bail!("Chromium exited with {status}");
    }
    Ok(())
}

/// Waits until the extension's background runs in the browser whose profile is `profile`, then
/// opens `url` in a new tab and brings it to the front.
fn open_when_ready(
    profile: &Path,
    extension_id: &str,
    url: &str,
    browser: &mut std::process::Child,
) -> Result<()> {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(std::time::Duration::from_secs(5)))
        .build()
        .into();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    let origin = format!("chrome-extension://{extension_id}/");
    loop {
        if let Some(exit) = browser.try_wait()? {
            bail!("Chromium exited ({exit})");
        }
        if std::time::Instant::now() > deadline {
            bail!("the extension's background did not start within 30 s");
        }
        std::thread::sleep(std::time::Duration::from_millis(250));
        // Chromium writes the port it chose in the profile's DevToolsActivePort.
        let Some(port) = std::fs::read_to_string(profile.join("DevToolsActivePort"))
            .ok()
            .and_then(|t| t.lines().next().and_then(|p| p.trim().parse::<u16>().ok()))
        else {
            continue;
        };
        let base = format!("http://127.0.0.1:{port}");
        let Ok(mut listed) = agent.get(&format!("{base}/json/list")).call() else {
            continue;
        };
        let targets: Value = serde_json::from_str(&listed.body_mut().read_to_string()?)?;
        let ready = targets.as_array().is_some_and(|all| {
            all.iter().any(|t| {
                t["type"] == "service_worker"
                    && t["url"].as_str().is_some_and(|u| u.starts_with(&origin))
            })
        });
        if !ready {
            continue;
        }
        let mut opened = agent
            .put(&format!("{base}/json/new?{url}"))
            .send_empty()
            .context("opening the practice page's tab")?;
        let tab: Value = serde_json::from_str(&opened.body_mut().read_to_string()?)?;
        if let Some(tab_id) = tab["id"].as_str() {
            agent
                .get(&format!("{base}/json/activate/{tab_id}"))
                .call()
                .ok();
        }
        return Ok(());
    }
}

fn run_headless(root: &Path, extension: &Path, server: &Server, page: &ServedPage) -> Result<()> {
    // The demo thread first (what the extension does on a real page), then the practice page.
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
    practice_screenshot(root, &launched, &page.url)
}

/// What the practice page shows: its threads, and once one is open, its look and guidance.
const READ_PRACTICE: &str = r#"
const all = (s) => [...document.querySelectorAll(s)];
const thread = document.querySelector("section.thread");
return JSON.stringify({
  threads: all(".thread-item").map((li) => ({ id: li.dataset.thread, lang: li.dataset.lang,
    platform: li.dataset.platform, title: li.querySelector(".open-thread").textContent })),
  look: thread ? thread.className : null,
  reply: all("button.reply-action").map((b) => b.dataset.comment),
  points: all(".guidance .points li").map((li) => li.dataset.rule),
});
"#;

/// Opens the practice page, its first thread and a comment, and saves `dist/practice.png`.
fn practice_screenshot(root: &Path, launched: &Launched, demo_url: &str) -> Result<()> {
    let session = &launched.session;
    let window = session.new_window("window")?;
    session.switch_to(&window)?;
    launched.open_extension_page(&practice_path(demo_url))?;
    session.set_window_rect(1280, 1000)?;
    let read = || -> Result<Value> {
        let raw = session.execute(READ_PRACTICE, json!([]))?;
        Ok(serde_json::from_str(raw.as_str().unwrap_or("null"))?)
    };
    let until = |what: &str, done: &dyn Fn(&Value) -> bool| -> Result<Value> {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
        loop {
            let shown = read().unwrap_or(Value::Null);
            if done(&shown) {
                return Ok(shown);
            }
            if std::time::Instant::now() > deadline {
                bail!("the practice page never showed {what}: {shown}");
            }
            std::thread::sleep(std::time::Duration::from_millis(200));
        }
    };
    let list = until("its threads", &|v| {
        v["threads"].as_array().is_some_and(|t| !t.is_empty())
    })?;
    println!(
        "practice page: {} thread(s)",
        list["threads"].as_array().map_or(0, Vec::len)
    );
    for t in list["threads"].as_array().into_iter().flatten() {
        println!(
            "  {} · {} · {} · {}",
            t["id"].as_str().unwrap_or("?"),
            t["lang"].as_str().unwrap_or("?"),
            t["platform"].as_str().unwrap_or("?"),
            t["title"].as_str().unwrap_or("?")
        );
    }
    let first = list["threads"][0]["id"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    session.click_first(&format!("button.open-thread[data-thread=\"{first}\"]"))?;
    let open = until("the thread", &|v| {
        v["look"].is_string() && v["reply"].as_array().is_some_and(|r| !r.is_empty())
    })?;
    let comment = open["reply"][0].as_str().unwrap_or_default().to_string();
    session.click_first(&format!("button.reply-action[data-comment=\"{comment}\"]"))?;
    let picked = until("the guidance", &|v| {
        v["points"].as_array().is_some_and(|p| !p.is_empty())
    })?;
    println!(
        "  opened {first} ({}), picked {comment}: guidance under rules {}",
        open["look"].as_str().unwrap_or("?"),
        strings(&picked["points"]).join(", ")
    );
    let png = session.screenshot()?;
    let out = root.join("dist/practice.png");
    std::fs::write(&out, png).with_context(|| format!("writing {}", out.display()))?;
    eprintln!("run: screenshot saved to {}", out.display());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_address_is_encoded_into_the_practice_pages_query() {
        assert_eq!(
            practice_path("https://x.com/a/status/1?s=2&t=x y"),
            "extension/pages/practice.html?demo=https%3A%2F%2Fx.com%2Fa%2Fstatus%2F1%3Fs%3D2%26t%3Dx%20y"
        );
        assert_eq!(encode_component("é"), "%C3%A9");
        assert_eq!(encode_component("a-b_c.d~"), "a-b_c.d~");
    }
}
