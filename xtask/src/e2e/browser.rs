//! Starting a browser under WebDriver with Candor loaded and every host routed to the harness
//! server: Chromium through chromedriver (host mapping, unpacked extension from the command line),
//! Firefox ESR through geckodriver (the server as its proxy, temporary add-on install).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use anyhow::{anyhow, bail, Context, Result};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use super::webdriver::{free_port, Session};
use crate::tools;

pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
pub const FIREFOX: &str = "/usr/bin/firefox-esr";
/// The add-on id in the manifest's `browser_specific_settings.gecko.id`.
pub const GECKO_ID: &str = "candor@candor-extension.org";
/// The internal UUID the harness gives the add-on, so its pages have a known address.
pub const FIREFOX_EXTENSION_UUID: &str = "5f2b8c1e-3d47-4a9b-8e60-c4d1a7f09b23";
/// The popup: an extension page that can message the background.
pub const EXTENSION_PAGE: &str = "extension/pages/popup.html";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Browser {
    Chromium,
    Firefox,
}

impl Browser {
    pub fn parse(name: &str) -> Result<Self> {
        match name {
            "chromium" | "chrome" => Ok(Self::Chromium),
            "firefox" | "firefox-esr" => Ok(Self::Firefox),
            other => bail!("unknown browser {other:?} (chromium or firefox)"),
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Self::Chromium => "chromium",
            Self::Firefox => "firefox",
        }
    }

    /// This browser's copy of the built extension (`dist/chrome` or `dist/firefox`).
    pub fn extension_in(self, built: &crate::build::Built) -> &Path {
        match self {
            Self::Chromium => &built.chrome,
            Self::Firefox => &built.firefox,
        }
    }
}

/// A fresh folder under the system temp dir, removed when dropped.
pub struct TempDir(pub PathBuf);

impl TempDir {
    pub fn new(prefix: &str) -> Result<Self> {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or_default();
        let path = std::env::temp_dir().join(format!("{prefix}-{}-{nanos}", std::process::id()));
        std::fs::create_dir_all(&path).with_context(|| format!("creating {}", path.display()))?;
        Ok(Self(path))
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A running browser with Candor in it.
pub struct Launched {
    pub browser: Browser,
    pub session: Session,
    /// `chrome-extension://<id>/` or `moz-extension://<uuid>/`.
    pub extension_base: String,
    /// From starting the driver to a session with the extension installed.
    pub startup: Duration,
    // Last: dropped after the session, so the browser is gone before its profile is removed.
    _scratch: TempDir,
}

/// Opens a tab from Firefox's chrome context, where any URL may be loaded.
const FIREFOX_OPEN_TAB: &str = r#"
const tab = gBrowser.addTab(arguments[0], {
  triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal(),
});
gBrowser.selectedTab = tab;
return true;
"#;

impl Launched {
    pub fn extension_url(&self, path: &str) -> String {
        format!("{}{}", self.extension_base, path)
    }

    /// Shows the extension's `path` in a window and makes it the current one; answers its handle.
    /// Chromium navigates there like anywhere; Marionette refuses `moz-extension:` URLs from
    /// content, so Firefox opens a tab from the chrome context and the harness finds it.
    pub fn open_extension_page(&self, path: &str) -> Result<String> {
        let url = self.extension_url(path);
        let session = &self.session;
        match self.browser {
            Browser::Chromium => {
                session.navigate(&url)?;
                session.current_window()
            }
            Browser::Firefox => {
                session.command("POST", "/moz/context", Some(json!({ "context": "chrome" })))?;
                let opened = session.execute(FIREFOX_OPEN_TAB, json!([url]));
                session.command(
                    "POST",
                    "/moz/context",
                    Some(json!({ "context": "content" })),
                )?;
                opened.context("opening the extension page from the chrome context")?;
                let deadline = Instant::now() + Duration::from_secs(10);
                while Instant::now() < deadline {
                    let handles = session.command("GET", "/window/handles", None)?;
                    for handle in handles
                        .as_array()
                        .into_iter()
                        .flatten()
                        .filter_map(Value::as_str)
                    {
                        session.switch_to(handle)?;
                        let here = session.command("GET", "/url", None)?;
                        if here.as_str() == Some(url.as_str()) {
                            return Ok(handle.to_string());
                        }
                    }
                    std::thread::sleep(Duration::from_millis(200));
                }
                bail!("the tab with {url} never showed up")
            }
        }
    }

    /// Opens the extension's `path` and asks `ready` (given the page's window) whether it works,
    /// again every 300 ms for up to 20 s: the extension may still be starting, and its pages answer
    /// only once it is installed. Answers what `ready` answered, or the last failure.
    pub fn open_extension_page_when_ready<T>(
        &self,
        path: &str,
        mut ready: impl FnMut(&str) -> Result<T>,
    ) -> Result<T> {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let failure = match self
                .open_extension_page(path)
                .and_then(|window| ready(&window))
            {
                Ok(answer) => return Ok(answer),
                Err(e) => e,
            };
            if Instant::now() >= deadline {
                return Err(failure);
            }
            std::thread::sleep(Duration::from_millis(300));
        }
    }
}

/// Chromium's id for an unpacked extension: SHA-256 of its absolute path, the first 32 hex
/// digits written with the letters a–p instead of 0–f.
pub fn chromium_extension_id(absolute_dir: &Path) -> String {
    let digest = ring::digest::digest(
        &ring::digest::SHA256,
        absolute_dir.as_os_str().as_encoded_bytes(),
    );
    digest.as_ref()[..16]
        .iter()
        .flat_map(|b| [b >> 4, b & 0x0f])
        .map(|nibble| (b'a' + nibble) as char)
        .collect()
}

/// The switches that keep Chromium quiet on a closed network and route every host to `port`.
pub fn chromium_args(
    extension_dir: &Path,
    port: u16,
    profile: &Path,
    headless: bool,
) -> Vec<String> {
    let extension = extension_dir.display();
    let mut args = vec![
        "--no-sandbox".to_string(),
        "--disable-gpu".into(),
        "--no-first-run".into(),
        "--no-default-browser-check".into(),
        "--disable-background-networking".into(),
        "--disable-component-update".into(),
        "--disable-sync".into(),
        "--disable-default-apps".into(),
        "--disable-domain-reliability".into(),
        "--disable-client-side-phishing-detection".into(),
        "--metrics-recording-only".into(),
        "--password-store=basic".into(),
        "--disable-dev-shm-usage".into(),
        format!("--user-data-dir={}", profile.display()),
        format!("--host-resolver-rules=MAP * 127.0.0.1:{port}, EXCLUDE localhost"),
        "--ignore-certificate-errors".into(),
        format!("--load-extension={extension}"),
        format!("--disable-extensions-except={extension}"),
        // One list (a repeated switch keeps only its last value): keep --load-extension working
        // (branded builds turned it off; this keeps it on should Debian follow), and silence the
        // services that call Google on their own (model downloads, hints, translation).
        "--disable-features=DisableLoadExtensionCommandLineSwitch,OptimizationGuideModelDownloading,OptimizationHintsFetching,OptimizationTargetPrediction,OptimizationHints,Translate,MediaRouter,AutofillServerCommunication".into(),
        "--window-size=1280,1000".into(),
        "--lang=en-US".into(),
    ];
    if headless {
        args.insert(0, "--headless=new".into());
    }
    args
}

/// Firefox preferences: route everything through the harness server, fix the add-on's UUID,
/// and silence Firefox's own traffic (updates, telemetry, safe browsing, portals, remote settings).
pub fn firefox_prefs(port: u16) -> Value {
    let uuids = json!({ GECKO_ID: FIREFOX_EXTENSION_UUID }).to_string();
    const PREF_COUNT: usize = 76;
    let prefs: [(&str, Value); PREF_COUNT] = [
        ("network.proxy.type", json!(1)),
        ("network.proxy.ssl", json!("127.0.0.1")),
        ("network.proxy.ssl_port", json!(port)),
        ("network.proxy.http", json!("127.0.0.1")),
        ("network.proxy.http_port", json!(port)),
        ("network.proxy.share_proxy_settings", json!(false)),
        ("network.proxy.allow_hijacking_localhost", json!(true)),
        ("network.proxy.no_proxies_on", json!("")),
        ("network.proxy.failover_direct", json!(false)),
        ("extensions.webextensions.uuids", json!(uuids)),
        ("intl.locale.requested", json!("en-US")),
        ("app.update.enabled", json!(false)),
        ("app.update.auto", json!(false)),
        ("app.update.checkInstallTime", json!(false)),
        ("app.normandy.enabled", json!(false)),
        ("app.shield.optoutstudies.enabled", json!(false)),
        ("browser.safebrowsing.malware.enabled", json!(false)),
        ("browser.safebrowsing.phishing.enabled", json!(false)),
        ("browser.safebrowsing.downloads.enabled", json!(false)),
        (
            "browser.safebrowsing.downloads.remote.enabled",
            json!(false),
        ),
        ("browser.safebrowsing.blockedURIs.enabled", json!(false)),
        ("browser.safebrowsing.provider.google4.updateURL", json!("")),
        ("browser.safebrowsing.provider.google.updateURL", json!("")),
        ("browser.safebrowsing.provider.mozilla.updateURL", json!("")),
        ("browser.startup.page", json!(0)),
        ("browser.startup.homepage", json!("about:blank")),
        ("browser.newtabpage.enabled", json!(false)),
        (
            "browser.newtabpage.activity-stream.feeds.telemetry",
            json!(false),
        ),
        ("browser.newtabpage.activity-stream.telemetry", json!(false)),
        (
            "browser.newtabpage.activity-stream.feeds.snippets",
            json!(false),
        ),
        (
            "browser.newtabpage.activity-stream.feeds.topsites",
            json!(false),
        ),
        (
            "browser.newtabpage.activity-stream.feeds.section.topstories",
            json!(false),
        ),
        (
            "browser.newtabpage.activity-stream.default.sites",
            json!(""),
        ),
        ("browser.ping-centre.telemetry", json!(false)),
        ("browser.region.network.url", json!("")),
        ("browser.region.update.enabled", json!(false)),
        ("browser.search.update", json!(false)),
        ("browser.search.geoip.url", json!("")),
        ("browser.topsites.contile.enabled", json!(false)),
        (
            "browser.urlbar.suggest.quicksuggest.sponsored",
            json!(false),
        ),
        ("browser.urlbar.quicksuggest.enabled", json!(false)),
        ("browser.aboutHomeSnippets.updateUrl", json!("")),
        ("browser.tabs.remote.separatedMozillaDomains", json!("")),
        ("captivedetect.canonicalURL", json!("")),
        ("datareporting.healthreport.uploadEnabled", json!(false)),
        ("datareporting.policy.dataSubmissionEnabled", json!(false)),
        ("dom.push.connection.enabled", json!(false)),
        ("dom.push.serverURL", json!("")),
        ("extensions.update.enabled", json!(false)),
        ("extensions.update.autoUpdateDefault", json!(false)),
        ("extensions.getAddons.cache.enabled", json!(false)),
        ("extensions.blocklist.enabled", json!(false)),
        ("extensions.systemAddon.update.enabled", json!(false)),
        ("extensions.systemAddon.update.url", json!("")),
        ("geo.provider.network.url", json!("")),
        ("identity.fxaccounts.enabled", json!(false)),
        ("media.gmp-manager.updateEnabled", json!(false)),
        ("media.gmp-manager.url", json!("")),
        ("media.gmp-gmpopenh264.enabled", json!(false)),
        ("media.gmp-widevinecdm.enabled", json!(false)),
        ("network.captive-portal-service.enabled", json!(false)),
        ("network.connectivity-service.enabled", json!(false)),
        ("network.dns.disablePrefetch", json!(true)),
        ("network.http.speculative-parallel-limit", json!(0)),
        ("network.predictor.enabled", json!(false)),
        ("network.prefetch-next", json!(false)),
        ("network.trr.mode", json!(5)),
        ("privacy.query_stripping.enabled", json!(false)),
        ("services.sync.enabled", json!(false)),
        ("signon.management.page.breach-alerts.enabled", json!(false)),
        ("toolkit.telemetry.enabled", json!(false)),
        ("toolkit.telemetry.unified", json!(false)),
        ("toolkit.telemetry.archive.enabled", json!(false)),
        ("toolkit.telemetry.server", json!("")),
        ("toolkit.coverage.endpoint.base", json!("")),
        ("xpinstall.signatures.required", json!(false)),
    ];
    Value::Object(prefs.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
}

/// Starts `browser` headless with the extension from `extension_dir`, routed to `port`.
pub fn launch(browser: Browser, extension_dir: &Path, port: u16) -> Result<Launched> {
    let extension_dir = std::fs::canonicalize(extension_dir)
        .with_context(|| format!("no extension at {}", extension_dir.display()))?;
    if !extension_dir.join("manifest.json").exists() {
        bail!("{} has no manifest.json", extension_dir.display());
    }
    let scratch = TempDir::new(&format!("candor-e2e-{}", browser.name()))?;
    let started = Instant::now();
    match browser {
        Browser::Chromium => {
            tools::ensure_chromium()?;
            let profile = scratch.0.join("profile");
            let driver_port = free_port()?;
            let mut driver = Command::new(CHROMEDRIVER);
            driver.arg(format!("--port={driver_port}"));
            let capabilities = json!({
                "browserName": "chrome",
                "acceptInsecureCerts": true,
                "webSocketUrl": true,
                "goog:chromeOptions": {
                    "binary": CHROMIUM,
                    "args": chromium_args(&extension_dir, port, &profile, true),
                    // chromedriver's defaults would turn extensions off.
                    "excludeSwitches": ["disable-extensions"],
                },
            });
            let session = Session::start(
                driver,
                driver_port,
                capabilities,
                &scratch.0.join("chromedriver.log"),
            )?;
            let id = chromium_extension_id(&extension_dir);
            Ok(Launched {
                browser,
                session,
                extension_base: format!("chrome-extension://{id}/"),
                startup: started.elapsed(),
                _scratch: scratch,
            })
        }
        Browser::Firefox => {
            let geckodriver = tools::ensure_firefox()?;
            let driver_port = free_port()?;
            let socket_port = free_port()?;
            let mut driver = Command::new(geckodriver);
            driver
                .args(["--host", "127.0.0.1", "--port"])
                .arg(driver_port.to_string())
                .arg("--websocket-port")
                .arg(socket_port.to_string())
                // Lets the harness open the extension's page from the chrome context.
                .arg("--allow-system-access")
                .env("TMPDIR", &scratch.0);
            let capabilities = json!({
                "browserName": "firefox",
                "acceptInsecureCerts": true,
                "webSocketUrl": true,
                "moz:firefoxOptions": {
                    "binary": FIREFOX,
                    "args": ["-headless", "-width", "1280", "-height", "1000"],
                    "prefs": firefox_prefs(port),
                },
            });
            let session = Session::start(
                driver,
                driver_port,
                capabilities,
                &scratch.0.join("geckodriver.log"),
            )?;
            install_firefox_addon(&session, &extension_dir, &scratch.0)?;
            Ok(Launched {
                browser,
                session,
                extension_base: format!("moz-extension://{FIREFOX_EXTENSION_UUID}/"),
                startup: started.elapsed(),
                _scratch: scratch,
            })
        }
    }
}

/// Installs the add-on temporarily: from the folder, or from an .xpi of it if the folder is refused.
fn install_firefox_addon(session: &Session, dir: &Path, scratch: &Path) -> Result<()> {
    let path = |p: &Path| p.to_string_lossy().into_owned();
    let from_dir = session.command(
        "POST",
        "/moz/addon/install",
        Some(json!({ "path": path(dir), "temporary": true })),
    );
    let installed = match from_dir {
        Ok(id) => id,
        Err(dir_error) => {
            let xpi = scratch.join("candor.xpi");
            zip_folder(dir, &xpi)?;
            session
                .command(
                    "POST",
                    "/moz/addon/install",
                    Some(json!({ "path": path(&xpi), "temporary": true })),
                )
                .map_err(|e| anyhow!("installing the add-on: folder: {dir_error:#}; xpi: {e:#}"))?
        }
    };
    if installed.as_str() != Some(GECKO_ID) {
        bail!("Firefox installed {installed} instead of {GECKO_ID}");
    }
    Ok(())
}

/// Zips a folder's contents (paths relative to it), as an .xpi is.
pub fn zip_folder(dir: &Path, out: &Path) -> Result<()> {
    use std::io::Write;
    let file = std::fs::File::create(out).with_context(|| format!("creating {}", out.display()))?;
    let mut zip = zip::ZipWriter::new(file);
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let mut stack = vec![dir.to_path_buf()];
    let mut files = Vec::new();
    while let Some(folder) = stack.pop() {
        for entry in std::fs::read_dir(&folder)? {
            let p = entry?.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                files.push(p);
            }
        }
    }
    files.sort();
    for file in files {
        let name = file.strip_prefix(dir)?.to_string_lossy().replace('\\', "/");
        zip.start_file(name, options)?;
        zip.write_all(&std::fs::read(&file)?)?;
    }
    zip.finish()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chromium_extension_ids_are_the_path_digest_in_letters() {
        // Each hex digit d of the digest's first half becomes the letter 'a' + d.
        let id = chromium_extension_id(Path::new("/tmp/ext"));
        assert_eq!(id.len(), 32);
        assert!(id.bytes().all(|b| (b'a'..=b'p').contains(&b)), "{id}");
        let digest = ring::digest::digest(&ring::digest::SHA256, b"/tmp/ext");
        let hex: String = digest.as_ref()[..16]
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        let mapped: String = hex
            .chars()
            .map(|c| (b'a' + c.to_digit(16).unwrap() as u8) as char)
            .collect();
        assert_eq!(id, mapped);
        assert_ne!(id, chromium_extension_id(Path::new("/tmp/ext2")));
    }

    #[test]
    fn browsers_parse_by_name() {
        let cases = [
            ("chromium", Some(Browser::Chromium)),
            ("chrome", Some(Browser::Chromium)),
            ("firefox", Some(Browser::Firefox)),
            ("safari", None),
            ("", None),
        ];
        for (name, want) in cases {
            assert_eq!(Browser::parse(name).ok(), want, "{name:?}");
        }
    }

    #[test]
    fn chromium_is_routed_to_the_server_and_loads_only_candor() {
        let args = chromium_args(Path::new("/d/ext"), 4443, Path::new("/p"), true);
        for want in [
            "--headless=new",
            "--no-sandbox",
            "--host-resolver-rules=MAP * 127.0.0.1:4443, EXCLUDE localhost",
            "--load-extension=/d/ext",
            "--disable-extensions-except=/d/ext",
            "--user-data-dir=/p",
            "--disable-background-networking",
        ] {
            assert!(args.iter().any(|a| a == want), "missing {want}");
        }
        let windowed = chromium_args(Path::new("/d/ext"), 4443, Path::new("/p"), false);
        assert!(!windowed.iter().any(|a| a.starts_with("--headless")));
    }

    #[test]
    fn firefox_goes_through_the_proxy_and_knows_the_addon_uuid() {
        let prefs = firefox_prefs(5555);
        assert_eq!(prefs["network.proxy.type"], 1);
        assert_eq!(prefs["network.proxy.ssl_port"], 5555);
        assert_eq!(prefs["network.proxy.http_port"], 5555);
        assert_eq!(prefs["network.proxy.no_proxies_on"], "");
        let uuids: Value =
            serde_json::from_str(prefs["extensions.webextensions.uuids"].as_str().unwrap())
                .unwrap();
        assert_eq!(uuids[GECKO_ID], FIREFOX_EXTENSION_UUID);
    }
}
