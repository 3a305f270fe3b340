//! A small W3C WebDriver client: the classic commands over HTTP the harness needs (sessions,
//! windows, navigation, scripts, elements found, typed into and clicked, screenshots) and a
//! WebDriver BiDi connection that collects console entries and uncaught exceptions from every
//! browsing context, and can send BiDi commands.

use std::collections::HashMap;
use std::fs::File;
use std::net::TcpListener;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use anyhow::{anyhow, bail, Context, Result};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

/// An error the driver answered with (W3C `error` + `message`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DriverError {
    pub error: String,
    pub message: String,
}

impl std::fmt::Display for DriverError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let first_line = self.message.lines().next().unwrap_or_default();
        write!(f, "{}: {}", self.error, first_line)
    }
}

impl std::error::Error for DriverError {}

/// A free TCP port on 127.0.0.1 (free when asked; the driver binds it right after).
pub fn free_port() -> Result<u16> {
    Ok(TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}

/// A driver process and one session on it. Dropping it ends the session and the driver.
pub struct Session {
    agent: ureq::Agent,
    base: String,
    pub id: String,
    pub capabilities: Value,
    driver: Child,
    pub console: Option<ConsoleLog>,
}

impl Session {
    /// Starts `driver` (already given its port), waits for it, and opens a session.
    pub fn start(mut driver: Command, port: u16, capabilities: Value, log: &Path) -> Result<Self> {
        let log_file = File::create(log).with_context(|| format!("creating {}", log.display()))?;
        driver
            .stdout(Stdio::from(log_file.try_clone()?))
            .stderr(Stdio::from(log_file))
            .stdin(Stdio::null());
        let child = driver
            .spawn()
            .with_context(|| format!("starting {}", crate::tools::show(&driver)))?;
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(Duration::from_secs(120)))
            .build()
            .into();
        let mut session = Self {
            agent,
            base: format!("http://127.0.0.1:{port}"),
            id: String::new(),
            capabilities: Value::Null,
            driver: child,
            console: None,
        };
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Ok(status) = session.raw("GET", "/status", None) {
                if status.pointer("/value/ready").and_then(Value::as_bool) == Some(true) {
                    break;
                }
            }
            if let Ok(Some(exit)) = session.driver.try_wait() {
                bail!("the driver exited ({exit}); see {}", log.display());
            }
            if Instant::now() > deadline {
                bail!("the driver did not answer in 20 s; see {}", log.display());
            }
            thread::sleep(Duration::from_millis(100));
        }
        let created = session
            .raw(
                "POST",
                "/session",
                Some(json!({ "capabilities": { "alwaysMatch": capabilities } })),
            )
            .and_then(unwrap_value)
            .with_context(|| format!("opening a session (driver log: {})", log.display()))?;
        session.id = created["sessionId"]
            .as_str()
            .ok_or_else(|| anyhow!("no sessionId in {created}"))?
            .to_string();
        session.capabilities = created["capabilities"].clone();
        if let Some(url) = session.capabilities["webSocketUrl"].as_str() {
            match ConsoleLog::connect(url) {
                Ok(console) => session.console = Some(console),
                Err(e) => {
                    eprintln!("e2e: no BiDi console log ({e:#}); console errors will be missing")
                }
            }
        }
        Ok(session)
    }

    fn raw(&self, method: &str, path: &str, body: Option<Value>) -> Result<Value> {
        let url = format!("{}{}", self.base, path);
        let mut response = match method {
            "GET" => self.agent.get(&url).call(),
            "DELETE" => self.agent.delete(&url).call(),
            _ => self
                .agent
                .post(&url)
                .header("Content-Type", "application/json; charset=utf-8")
                .send(body.unwrap_or_else(|| json!({})).to_string().as_bytes()),
        }
        .with_context(|| format!("{method} {path}"))?;
        let text = response
            .body_mut()
            .with_config()
            .limit(256 * 1024 * 1024)
            .read_to_string()?;
        serde_json::from_str(&text)
            .with_context(|| format!("{method} {path}: not JSON: {text:.200}"))
    }

    /// One command on this session; returns its `value` or the driver's error.
    pub fn command(&self, method: &str, path: &str, body: Option<Value>) -> Result<Value> {
        self.raw(method, &format!("/session/{}{}", self.id, path), body)
            .and_then(unwrap_value)
    }

    pub fn navigate(&self, url: &str) -> Result<()> {
        self.command("POST", "/url", Some(json!({ "url": url })))
            .map(|_| ())
    }

    pub fn current_window(&self) -> Result<String> {
        as_string(self.command("GET", "/window", None)?)
    }

    /// Opens a new top-level `"window"` or `"tab"` and returns its handle (not switched to).
    pub fn new_window(&self, kind: &str) -> Result<String> {
        let value = self.command("POST", "/window/new", Some(json!({ "type": kind })))?;
        as_string(value["handle"].clone())
    }

    pub fn switch_to(&self, handle: &str) -> Result<()> {
        self.command("POST", "/window", Some(json!({ "handle": handle })))
            .map(|_| ())
    }

    /// Closes the current window (then switch to another before the next command).
    pub fn close_window(&self) -> Result<()> {
        self.command("DELETE", "/window", None).map(|_| ())
    }

    pub fn set_window_rect(&self, width: u32, height: u32) -> Result<()> {
        self.command(
            "POST",
            "/window/rect",
            Some(json!({ "width": width, "height": height })),
        )
        .map(|_| ())
    }

    /// Runs `script` asynchronously in the current window (it calls `arguments[last]` to answer).
    pub fn execute_async(&self, script: &str, args: Value) -> Result<Value> {
        self.command(
            "POST",
            "/execute/async",
            Some(json!({ "script": script, "args": args })),
        )
    }

    pub fn execute(&self, script: &str, args: Value) -> Result<Value> {
        self.command(
            "POST",
            "/execute/sync",
            Some(json!({ "script": script, "args": args })),
        )
    }

    pub fn set_script_timeout(&self, ms: u64) -> Result<()> {
        self.command(
            "POST",
            "/timeouts",
            Some(json!({ "script": ms, "pageLoad": 30_000 })),
        )
        .map(|_| ())
    }

    /// The first element matching `css` in the current window; answers its WebDriver id.
    pub fn find_element(&self, css: &str) -> Result<String> {
        self.find_from("", css)
    }

    /// The first element matching `css` inside the shadow root `shadow` (from [`Self::shadow_root`]).
    pub fn find_in_shadow(&self, shadow: &str, css: &str) -> Result<String> {
        self.find_from(&format!("/shadow/{shadow}"), css)
    }

    fn find_from(&self, scope: &str, css: &str) -> Result<String> {
        let found = self.command(
            "POST",
            &format!("{scope}/element"),
            Some(json!({ "using": "css selector", "value": css })),
        )?;
        element_id(&found).ok_or_else(|| anyhow!("no element {css}: {found}"))
    }

    /// The open shadow root of element `id`; answers its WebDriver id.
    pub fn shadow_root(&self, id: &str) -> Result<String> {
        let found = self.command("GET", &format!("/element/{id}/shadow"), None)?;
        found[SHADOW_KEY]
            .as_str()
            .map(str::to_string)
            .ok_or_else(|| anyhow!("no open shadow root: {found}"))
    }

    /// Empties the text field `id`.
    pub fn clear(&self, id: &str) -> Result<()> {
        self.command("POST", &format!("/element/{id}/clear"), Some(json!({})))
            .map(|_| ())
    }

    /// Types `text` into element `id` key by key, as a person would (for a file input: the path of
    /// the file to choose).
    pub fn type_into(&self, id: &str, text: &str) -> Result<()> {
        self.command(
            "POST",
            &format!("/element/{id}/value"),
            Some(json!({ "text": text })),
        )
        .map(|_| ())
    }

    /// A real click on element `id`, with the driver's own interactability checks.
    pub fn click_element(&self, id: &str) -> Result<()> {
        self.command("POST", &format!("/element/{id}/click"), Some(json!({})))
            .map(|_| ())
    }

    /// Clicks the first element matching `css` through its own `click()` (no hit test); answers
    /// whether there was one.
    pub fn click_first(&self, css: &str) -> Result<bool> {
        Ok(self.execute(CLICK_FIRST, json!([css]))? == json!(true))
    }

    /// [`Self::click_first`], failing when nothing matches `css`.
    pub fn click(&self, css: &str) -> Result<()> {
        if !self.click_first(css)? {
            bail!("nothing to click at {css}");
        }
        Ok(())
    }

    /// A PNG of the current window's viewport.
    pub fn screenshot(&self) -> Result<Vec<u8>> {
        let encoded = as_string(self.command("GET", "/screenshot", None)?)?;
        decode_base64(&encoded)
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        if !self.id.is_empty() {
            let _ = self.raw("DELETE", &format!("/session/{}", self.id), None);
        }
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

/// The W3C keys of an element reference and of a shadow root reference.
const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";
const SHADOW_KEY: &str = "shadow-6066-11e4-a52e-4f735466cecf";

/// Clicks the first element matching `arguments[0]`; answers whether there was one.
const CLICK_FIRST: &str = r#"
const el = document.querySelector(arguments[0]);
if (!el) return false;
el.click();
return true;
"#;

/// The id of the element a command or a script answered, if it answered one.
pub fn element_id(value: &Value) -> Option<String> {
    value[ELEMENT_KEY].as_str().map(str::to_string)
}

/// Element `id` as a script argument.
pub fn element_ref(id: &str) -> Value {
    json!({ ELEMENT_KEY: id })
}

fn unwrap_value(reply: Value) -> Result<Value> {
    let value = reply.get("value").cloned().unwrap_or(Value::Null);
    if let Some(error) = value.get("error").and_then(Value::as_str) {
        return Err(DriverError {
            error: error.to_string(),
            message: value["message"].as_str().unwrap_or_default().to_string(),
        }
        .into());
    }
    Ok(value)
}

fn as_string(value: Value) -> Result<String> {
    value
        .as_str()
        .map(str::to_string)
        .ok_or_else(|| anyhow!("expected a string, got {value}"))
}

/// Standard base64 (with or without padding); screenshots come this way.
pub fn decode_base64(text: &str) -> Result<Vec<u8>> {
    fn sextet(c: u8) -> Option<u32> {
        Some(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        } as u32)
    }
    let digits: Vec<u8> = text
        .bytes()
        .filter(|c| !c.is_ascii_whitespace() && *c != b'=')
        .collect();
    let mut out = Vec::with_capacity(digits.len() * 3 / 4);
    for chunk in digits.chunks(4) {
        if chunk.len() == 1 {
            bail!("base64 text has a dangling character");
        }
        let mut n = 0u32;
        for (i, &c) in chunk.iter().enumerate() {
            let v = sextet(c).ok_or_else(|| anyhow!("{:?} is not base64", c as char))?;
            n |= v << (18 - 6 * i);
        }
        let bytes = n.to_be_bytes();
        out.extend_from_slice(&bytes[1..chunk.len()]);
    }
    Ok(out)
}

/// One console entry or uncaught exception, as BiDi `log.entryAdded` reports it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsoleEntry {
    /// "error", "warn", "info", "debug".
    pub level: String,
    /// "console" (console.error …) or "javascript" (an uncaught exception).
    pub kind: String,
    pub text: String,
    /// The script URL of the top stack frame, when known: `chrome-extension://` or
    /// `moz-extension://` means the extension's, anything else the page's.
    pub source_url: Option<String>,
    /// The browsing context (window handle) it came from, when it came from one.
    pub context: Option<String>,
    /// Milliseconds since the log was opened.
    pub at_ms: u64,
}

impl ConsoleEntry {
    pub fn from_bidi(params: &Value, at_ms: u64) -> Self {
        let frames = params
            .pointer("/stackTrace/callFrames")
            .and_then(Value::as_array);
        let source_url = frames
            .and_then(|f| {
                f.iter()
                    .filter_map(|frame| frame["url"].as_str())
                    .find(|u| !u.is_empty())
            })
            .map(str::to_string);
        Self {
            level: params["level"].as_str().unwrap_or("info").to_string(),
            kind: params["type"].as_str().unwrap_or("console").to_string(),
            text: params["text"].as_str().unwrap_or_default().to_string(),
            source_url,
            context: params
                .pointer("/source/context")
                .and_then(Value::as_str)
                .map(str::to_string),
            at_ms,
        }
    }

    /// Whether it came from the extension's own code.
    pub fn is_extension(&self) -> bool {
        let from_extension =
            |u: &str| u.starts_with("chrome-extension://") || u.starts_with("moz-extension://");
        self.source_url.as_deref().is_some_and(from_extension) || from_extension(&self.text)
    }
}

type BidiSocket = tungstenite::WebSocket<tungstenite::stream::MaybeTlsStream<std::net::TcpStream>>;

/// The WebDriver BiDi connection: a reader thread gathers console entries as they come and
/// files command answers by id; [`ConsoleLog::call`] sends a command and waits for its answer.
pub struct ConsoleLog {
    socket: Arc<Mutex<BidiSocket>>,
    entries: Arc<Mutex<Vec<ConsoleEntry>>>,
    answers: Arc<Mutex<HashMap<u64, Value>>>,
    next_id: AtomicU64,
    started: Instant,
}

impl ConsoleLog {
    fn connect(url: &str) -> Result<Self> {
        let (socket, _) = tungstenite::connect(url).context("opening the BiDi socket")?;
        // Short reads, so the reader thread lets go of the socket for senders in between.
        if let tungstenite::stream::MaybeTlsStream::Plain(tcp) = socket.get_ref() {
            tcp.set_read_timeout(Some(Duration::from_millis(20)))?;
        }
        let log = Self {
            socket: Arc::new(Mutex::new(socket)),
            entries: Arc::new(Mutex::new(Vec::new())),
            answers: Arc::new(Mutex::new(HashMap::new())),
            next_id: AtomicU64::new(1),
            started: Instant::now(),
        };
        let (socket, entries, answers, started) = (
            Arc::clone(&log.socket),
            Arc::clone(&log.entries),
            Arc::clone(&log.answers),
            log.started,
        );
        thread::spawn(move || loop {
            let read = match socket.lock() {
                Ok(mut s) => s.read(),
                Err(_) => return,
            };
            let text = match read {
                Ok(tungstenite::Message::Text(text)) => text,
                Ok(_) => continue,
                Err(tungstenite::Error::Io(e))
                    if matches!(
                        e.kind(),
                        std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                    ) =>
                {
                    thread::sleep(Duration::from_millis(5));
                    continue;
                }
                // The session closed the socket.
                Err(_) => return,
            };
            let Ok(message) = serde_json::from_str::<Value>(text.as_str()) else {
                continue;
            };
            if let Some(id) = message["id"].as_u64() {
                if let Ok(mut all) = answers.lock() {
                    all.insert(id, message);
                }
            } else if message["method"] == "log.entryAdded" {
                let at = started.elapsed().as_millis() as u64;
                if let Ok(mut all) = entries.lock() {
                    all.push(ConsoleEntry::from_bidi(&message["params"], at));
                }
            }
        });
        log.call("session.subscribe", json!({ "events": ["log.entryAdded"] }))?;
        Ok(log)
    }

    /// Sends one BiDi command and answers its `result`.
    pub fn call(&self, method: &str, params: Value) -> Result<Value> {
        let id = self.next_id.fetch_add(1, Ordering::Relaxed);
        let command = json!({ "id": id, "method": method, "params": params });
        self.socket
            .lock()
            .map_err(|_| anyhow!("the BiDi socket is poisoned"))?
            .send(tungstenite::Message::text(command.to_string()))
            .with_context(|| format!("sending {method}"))?;
        let deadline = Instant::now() + Duration::from_secs(30);
        while Instant::now() < deadline {
            let answer = self.answers.lock().ok().and_then(|mut a| a.remove(&id));
            if let Some(answer) = answer {
                if answer["type"] == "error" {
                    bail!("{method}: {}: {}", answer["error"], answer["message"]);
                }
                return Ok(answer["result"].clone());
            }
            thread::sleep(Duration::from_millis(5));
        }
        bail!("{method}: no answer in 30 s")
    }

    pub fn now_ms(&self) -> u64 {
        self.started.elapsed().as_millis() as u64
    }

    pub fn entries(&self) -> Vec<ConsoleEntry> {
        self.entries.lock().map(|e| e.clone()).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_element_reference_reads_back_its_id_and_other_answers_have_none() {
        assert_eq!(element_id(&element_ref("e-42")).as_deref(), Some("e-42"));
        let cases = [
            json!(null),
            json!({}),
            json!({ "shadow-6066-11e4-a52e-4f735466cecf": "s-1" }),
            json!({ ELEMENT_KEY: 7 }),
        ];
        for answer in cases {
            assert_eq!(element_id(&answer), None, "{answer}");
        }
    }

    #[test]
    fn base64_decodes_with_and_without_padding() {
        let cases: [(&str, &[u8]); 5] = [
            ("", b""),
            ("TQ==", b"M"),
            ("TWE=", b"Ma"),
            ("TWFu", b"Man"),
            ("aGVs\nbG8", b"hello"),
        ];
        for (text, bytes) in cases {
            assert_eq!(decode_base64(text).unwrap(), bytes, "{text:?}");
        }
        assert!(decode_base64("T").is_err());
        assert!(decode_base64("T*==").is_err());
    }

    #[test]
    fn bidi_entries_keep_their_source_and_tell_the_extension_apart() {
        let page = json!({
            "level": "error", "type": "javascript", "text": "Error: boom",
            "source": {"realm": "r1", "context": "CTX1"},
            "stackTrace": {"callFrames": [{"url": "https://x.com/a/status/1", "lineNumber": 3}]}
        });
        let extension = json!({
            "level": "error", "type": "console", "text": "candor failed",
            "source": {"realm": "r2"},
            "stackTrace": {"callFrames": [{"url": ""}, {"url": "chrome-extension://abc/extension/content/x.js"}]}
        });
        let bare = json!({"level": "warn", "text": "moz-extension://u/bg.js: late"});
        let page = ConsoleEntry::from_bidi(&page, 5);
        assert_eq!(page.context.as_deref(), Some("CTX1"));
        assert_eq!(page.source_url.as_deref(), Some("https://x.com/a/status/1"));
        assert_eq!(
            (page.kind.as_str(), page.is_extension()),
            ("javascript", false)
        );
        let extension = ConsoleEntry::from_bidi(&extension, 6);
        assert!(extension.is_extension());
        assert_eq!(extension.context, None);
        let bare = ConsoleEntry::from_bidi(&bare, 7);
        assert_eq!(
            (bare.level.as_str(), bare.kind.as_str()),
            ("warn", "console")
        );
        assert!(bare.is_extension());
    }

    #[test]
    fn driver_errors_become_errors_and_values_pass_through() {
        let error =
            unwrap_value(json!({"value": {"error": "no such window", "message": "gone\nstack"}}))
                .unwrap_err();
        assert_eq!(error.to_string(), "no such window: gone");
        assert_eq!(unwrap_value(json!({"value": 3})).unwrap(), json!(3));
        assert_eq!(unwrap_value(json!({})).unwrap(), Value::Null);
    }
}
