//! The harness's local web server: serves each fixture page at its real URL (over TLS, with a
//! self-signed certificate naming the real hosts) with the page's own Content-Security-Policy, and
//! logs every request the browser makes. One listener answers three ways, told apart by the first
//! bytes: a TLS handshake (Chromium, whose `MAP *` rule sends every host here), an HTTP proxy
//! `CONNECT` followed by TLS on the same socket (Firefox, which has no host mapping), or plain HTTP.

use std::collections::BTreeSet;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use serde::{Deserialize, Serialize};

/// Hosts the certificate always names, whatever the pages: the platforms Candor reads.
pub const DEFAULT_HOSTS: [&str; 9] = [
    "x.com",
    "twitter.com",
    "www.facebook.com",
    "facebook.com",
    "www.linkedin.com",
    "linkedin.com",
    "localhost",
    "127.0.0.1",
    PUBLISHED_HOST,
];

/// Where the harness publishes a brand profile for the options checks' subscription.
pub const PUBLISHED_HOST: &str = "profiles.brand.example";

/// A published profile answer, switchable while the server runs: what `host` + `path` answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Published {
    pub host: String,
    pub path: String,
    pub status: u16,
    pub body: Vec<u8>,
}

impl Published {
    /// The answer to a GET of `host` + `target`, when it is this address.
    pub fn answer(&self, host: &str, target: &str) -> Option<Answer> {
        if strip_port(host).to_ascii_lowercase() != self.host || target != self.path {
            return None;
        }
        Some(Answer {
            status: self.status,
            kind: RequestKind::Other,
            // The prompt that grants the extension this origin cannot be answered headless:
            // CORS lets the background's fetch read the answer anyway.
            headers: vec![
                ("Content-Type", "application/json".to_string()),
                ("Access-Control-Allow-Origin", "*".to_string()),
                ("Cache-Control", "no-store".to_string()),
            ],
            body: self.body.clone(),
        })
    }
}

/// A request head larger than this is refused: the browser never sends one, a bug might.
const MAX_HEAD_BYTES: usize = 64 * 1024;

/// A fixture page and where it is served.
#[derive(Debug, Clone)]
pub struct ServedPage {
    /// The file, relative to the pages folder (for the report).
    pub file: String,
    pub url: String,
    pub host: String,
    /// Path and query, without the fragment (a browser never sends it).
    pub target: String,
    pub csp: Option<String>,
    pub body: Vec<u8>,
    /// Paths (prefixes, on the page's own host) the page's own scripts request, as the sidecar
    /// declares them: reported apart from the extension's.
    pub own_requests: Vec<String>,
}

/// The sidecar's keys the harness reads; every other key is for the tests.
#[derive(Debug, Deserialize)]
struct Sidecar {
    url: String,
    #[serde(default)]
    csp: Option<String>,
    #[serde(default)]
    page_requests: Vec<String>,
}

impl ServedPage {
    /// Reads `NAME.html` and its `NAME.expect.json`.
    pub fn load(pages_dir: &Path, html: &Path) -> Result<Self> {
        let sidecar_path = sidecar_of(html);
        let text = std::fs::read_to_string(&sidecar_path).with_context(|| {
            format!(
                "{} has no sidecar {}",
                html.display(),
                sidecar_path.display()
            )
        })?;
        let sidecar: Sidecar = serde_json::from_str(&text)
            .with_context(|| format!("{} is not a valid expect.json", sidecar_path.display()))?;
        let body = std::fs::read(html).with_context(|| format!("reading {}", html.display()))?;
        let file = html
            .strip_prefix(pages_dir)
            .unwrap_or(html)
            .to_string_lossy()
            .into_owned();
        let mut page = Self::new(file, &sidecar.url, sidecar.csp, body)
            .with_context(|| format!("in {}", sidecar_path.display()))?;
        page.own_requests = sidecar.page_requests;
        Ok(page)
    }

    pub fn new(file: String, url: &str, csp: Option<String>, body: Vec<u8>) -> Result<Self> {
        let parsed = ParsedUrl::parse(url)?;
        if parsed.scheme != "https" && parsed.scheme != "http" {
            bail!("the url {url:?} is neither https nor http");
        }
        Ok(Self {
            file,
            url: url.to_string(),
            host: parsed.host,
            target: parsed.target,
            csp,
            body,
            own_requests: Vec::new(),
        })
    }
}

impl ServedPage {
    /// Whether `request` is one the page declared its own scripts make.
    pub fn declares(&self, request: &RequestRecord) -> bool {
        request.host == self.host
            && request.source != RequestSource::Extension
            && self
                .own_requests
                .iter()
                .any(|p| request.path.starts_with(p.as_str()))
    }
}

/// `dir/NAME.html` → `dir/NAME.expect.json`.
pub fn sidecar_of(html: &Path) -> PathBuf {
    let stem = html
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    html.with_file_name(format!("{stem}.expect.json"))
}

/// Every `*.html` under `dir`, sorted, skipping folders whose name starts with a dot.
pub fn find_pages(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        let entries =
            std::fs::read_dir(&folder).with_context(|| format!("reading {}", folder.display()))?;
        for entry in entries {
            let path = entry?.path();
            let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
            if name.as_deref().is_some_and(|n| n.starts_with('.')) {
                continue;
            }
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "html") {
                found.push(path);
            }
        }
    }
    found.sort();
    Ok(found)
}

/// The parts of an absolute URL the server needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedUrl {
    pub scheme: String,
    pub host: String,
    pub target: String,
}

impl ParsedUrl {
    pub fn parse(url: &str) -> Result<Self> {
        let Some((scheme, rest)) = url.split_once("://") else {
            bail!("{url:?} is not an absolute URL");
        };
        let rest = rest.split('#').next().unwrap_or_default();
        let (authority, target) = match rest.find(['/', '?']) {
            Some(i) if rest[i..].starts_with('/') => (&rest[..i], rest[i..].to_string()),
            Some(i) => (&rest[..i], format!("/{}", &rest[i..])),
            None => (rest, "/".to_string()),
        };
        let host = strip_port(authority).to_ascii_lowercase();
        if host.is_empty() {
            bail!("{url:?} has no host");
        }
        Ok(Self {
            scheme: scheme.to_ascii_lowercase(),
            host,
            target,
        })
    }
}

fn strip_port(authority: &str) -> &str {
    let authority = authority.rsplit('@').next().unwrap_or(authority);
    match authority.rfind(':') {
        Some(i) if authority[i + 1..].bytes().all(|b| b.is_ascii_digit()) => &authority[..i],
        _ => authority,
    }
}

/// What a request was, for the report: only `Other` is reported as a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RequestKind {
    Page,
    Favicon,
    Other,
}

/// Who made a request, as its `Origin`/`Referer` tell: an extension (`chrome-extension://…`,
/// `moz-extension://…`), a fixture page (its host), or the browser itself (neither: Chromium's
/// account check, Firefox's services). A content script's own `fetch` carries its page's origin,
/// so `page` does not clear the extension: only a request that is absent does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RequestSource {
    Extension,
    Page,
    Browser,
}

/// One request the browser made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequestRecord {
    pub method: String,
    pub host: String,
    pub path: String,
    /// True when it came through an HTTP proxy `CONNECT` (Firefox), or is that `CONNECT` itself.
    pub connect: bool,
    pub status: u16,
    pub kind: RequestKind,
    /// `Origin`, else `Referer`: tells a page's own request from an extension's
    /// (`chrome-extension://…`, `moz-extension://…`) or the browser's (neither).
    pub initiator: Option<String>,
    pub source: RequestSource,
    /// Milliseconds since the server started.
    pub at_ms: u64,
}

/// An answer before it is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    pub status: u16,
    pub kind: RequestKind,
    pub headers: Vec<(&'static str, String)>,
    pub body: Vec<u8>,
}

/// The pages and how requests map onto them: pure, so tests need no socket.
#[derive(Debug, Clone)]
pub struct Site {
    pub pages: Vec<ServedPage>,
}

impl Site {
    /// The answer to `method host target`; when several pages share a URL, page `preferred`
    /// (the one under test) wins.
    pub fn route(
        &self,
        preferred: Option<usize>,
        method: &str,
        host: &str,
        target: &str,
    ) -> Answer {
        let host = strip_port(host).to_ascii_lowercase();
        let path = target.split('?').next().unwrap_or(target);
        if path == "/favicon.ico" {
            return Answer {
                status: 204,
                kind: RequestKind::Favicon,
                headers: Vec::new(),
                body: Vec::new(),
            };
        }
        let is_read = method == "GET" || method == "HEAD";
        let exact = |p: &&ServedPage| p.host == host && p.target == target;
        let page = preferred
            .and_then(|i| self.pages.get(i))
            .filter(exact)
            .or_else(|| self.pages.iter().find(exact))
            .or_else(|| {
                // A page whose sidecar URL has no query still answers when the browser adds one.
                self.pages
                    .iter()
                    .find(|p| p.host == host && !p.target.contains('?') && p.target == path)
            });
        match page {
            Some(page) if is_read => {
                let mut headers = vec![("Content-Type", "text/html; charset=utf-8".to_string())];
                if let Some(csp) = &page.csp {
                    headers.push(("Content-Security-Policy", csp.clone()));
                }
                headers.push(("Cache-Control", "no-store".to_string()));
                Answer {
                    status: 200,
                    kind: RequestKind::Page,
                    headers,
                    body: if method == "HEAD" {
                        Vec::new()
                    } else {
                        page.body.clone()
                    },
                }
            }
            _ => Answer {
                status: 404,
                kind: RequestKind::Other,
                headers: vec![("Content-Type", "text/plain; charset=utf-8".to_string())],
                body: b"not a fixture page\n".to_vec(),
            },
        }
    }

    /// Who made a request that came with `initiator` (its `Origin`, else its `Referer`).
    pub fn source_of(&self, initiator: Option<&str>) -> RequestSource {
        let Some(initiator) = initiator else {
            return RequestSource::Browser;
        };
        if initiator.starts_with("chrome-extension://") || initiator.starts_with("moz-extension://")
        {
            return RequestSource::Extension;
        }
        match ParsedUrl::parse(initiator) {
            Ok(url) if self.pages.iter().any(|p| p.host == url.host) => RequestSource::Page,
            _ => RequestSource::Browser,
        }
    }

    /// The names the certificate must carry: the defaults and every page's host.
    pub fn certificate_names(&self) -> Vec<String> {
        let mut names: BTreeSet<String> = DEFAULT_HOSTS.iter().map(|h| h.to_string()).collect();
        names.extend(self.pages.iter().map(|p| p.host.clone()));
        names.into_iter().collect()
    }
}

/// A running server. Dropping it stops accepting connections.
pub struct Server {
    pub port: u16,
    /// The certificate, DER, so a test client can trust exactly it (browsers are told to
    /// accept it instead).
    #[cfg_attr(not(test), allow(dead_code))]
    pub certificate: Vec<u8>,
    log: Arc<Mutex<Vec<RequestRecord>>>,
    active: Arc<Mutex<Option<usize>>>,
    published: Arc<Mutex<Option<Published>>>,
    started: Instant,
    stopping: Arc<AtomicBool>,
}

struct Shared {
    site: Site,
    /// The page under test, served when several share its URL.
    active: Arc<Mutex<Option<usize>>>,
    published: Arc<Mutex<Option<Published>>>,
    tls: Arc<rustls::ServerConfig>,
    log: Arc<Mutex<Vec<RequestRecord>>>,
    started: Instant,
}

impl Server {
    /// Binds 127.0.0.1 on a free port and serves `site` until dropped.
    pub fn start(site: Site) -> Result<Self> {
        let names = site.certificate_names();
        let certified =
            rcgen::generate_simple_self_signed(names).context("making the certificate")?;
        let certificate = certified.cert.der().to_vec();
        let key =
            PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(certified.key_pair.serialize_der()));
        let tls = rustls::ServerConfig::builder_with_provider(Arc::new(
            rustls::crypto::ring::default_provider(),
        ))
        .with_safe_default_protocol_versions()
        .context("TLS versions")?
        .with_no_client_auth()
        .with_single_cert(vec![CertificateDer::from(certificate.clone())], key)
        .context("TLS certificate")?;
        let mut tls = tls;
        tls.alpn_protocols = vec![b"http/1.1".to_vec()];

        let listener = TcpListener::bind("127.0.0.1:0").context("binding the harness server")?;
        let port = listener.local_addr()?.port();
        let log = Arc::new(Mutex::new(Vec::new()));
        let started = Instant::now();
        let stopping = Arc::new(AtomicBool::new(false));
        let active = Arc::new(Mutex::new(None));
        let published = Arc::new(Mutex::new(None));
        let shared = Arc::new(Shared {
            site,
            active: Arc::clone(&active),
            published: Arc::clone(&published),
            tls: Arc::new(tls),
            log: Arc::clone(&log),
            started,
        });
        let stop = Arc::clone(&stopping);
        thread::spawn(move || {
            for stream in listener.incoming() {
                if stop.load(Ordering::Relaxed) {
                    break;
                }
                let Ok(stream) = stream else { continue };
                let shared = Arc::clone(&shared);
                thread::spawn(move || {
                    let _ = stream.set_read_timeout(Some(Duration::from_secs(30)));
                    if let Err(e) = serve_connection(&shared, stream) {
                        if std::env::var_os("CANDOR_E2E_VERBOSE").is_some() {
                            eprintln!("harness server: {e:#}");
                        }
                    }
                });
            }
        });
        Ok(Self {
            port,
            certificate,
            log,
            active,
            published,
            started,
            stopping,
        })
    }

    /// Milliseconds since the server started, on the clock of [`RequestRecord::at_ms`].
    pub fn now_ms(&self) -> u64 {
        self.started.elapsed().as_millis() as u64
    }

    /// Every request so far.
    /// Makes page `index` of the site the one served when several share a URL.
    pub fn set_active(&self, index: Option<usize>) {
        if let Ok(mut active) = self.active.lock() {
            *active = index;
        }
    }

    /// Serves `published` (or nothing more) from now on.
    pub fn publish(&self, published: Option<Published>) {
        if let Ok(mut slot) = self.published.lock() {
            *slot = published;
        }
    }

    pub fn requests(&self) -> Vec<RequestRecord> {
        self.log.lock().map(|l| l.clone()).unwrap_or_default()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stopping.store(true, Ordering::Relaxed);
        // Wakes the accept loop so it sees the flag.
        let _ = TcpStream::connect(("127.0.0.1", self.port));
    }
}

fn serve_connection(shared: &Shared, mut stream: TcpStream) -> Result<()> {
    let mut first = [0u8; 1];
    if stream.peek(&mut first)? == 0 {
        return Ok(());
    }
    if first[0] == 0x16 {
        // A TLS ClientHello: Chromium's host mapping connects straight here.
        return serve_tls(shared, stream, None).map(|_| ());
    }
    let head = read_head(&mut stream)?;
    let request = parse_head(&head)?;
    if request.method == "CONNECT" {
        let host = strip_port(&request.target).to_ascii_lowercase();
        stream.write_all(b"HTTP/1.1 200 Connection established\r\n\r\n")?;
        let carried = serve_tls(shared, stream, Some(host.clone()))?;
        // A tunnel that carried requests is accounted for by them; an empty one to a fixture host is
        // a harmless preconnect. An empty one elsewhere is still the browser reaching out: log it.
        let fixture_host = shared.site.pages.iter().any(|p| p.host == host);
        if carried == 0 && !fixture_host {
            record(
                shared,
                RequestRecord {
                    method: "CONNECT".into(),
                    host,
                    path: String::new(),
                    connect: true,
                    status: 200,
                    kind: RequestKind::Other,
                    initiator: None,
                    source: RequestSource::Browser,
                    at_ms: shared.started.elapsed().as_millis() as u64,
                },
            );
        }
        return Ok(());
    }
    // Plain HTTP: either a proxy request with an absolute URL, or a direct one.
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut head = head;
    loop {
        let request = parse_head(&head)?;
        let (host, target) = match ParsedUrl::parse(&request.target) {
            Ok(url) => (url.host, url.target),
            Err(_) => (
                request.host.clone().unwrap_or_default(),
                request.target.clone(),
            ),
        };
        skip_body(&mut reader, &request)?;
        let keep = answer(shared, &mut stream, &request, &host, &target, false)?;
        if !keep {
            break;
        }
        match read_head(&mut reader) {
            Ok(next) => head = next,
            Err(_) => break,
        }
    }
    Ok(())
}

/// Serves HTTP/1.1 over TLS on `stream`; returns how many requests it answered.
fn serve_tls(shared: &Shared, stream: TcpStream, via_connect: Option<String>) -> Result<usize> {
    let connection = rustls::ServerConnection::new(Arc::clone(&shared.tls))?;
    let tls = rustls::StreamOwned::new(connection, stream);
    let mut reader = BufReader::new(tls);
    let mut answered = 0;
    loop {
        let head = match read_head(&mut reader) {
            Ok(h) => h,
            Err(_) => break,
        };
        let request = parse_head(&head)?;
        let host = request
            .host
            .clone()
            .or_else(|| via_connect.clone())
            .unwrap_or_default();
        skip_body(&mut reader, &request)?;
        let target = request.target.clone();
        let keep = answer(
            shared,
            reader.get_mut(),
            &request,
            &host,
            &target,
            via_connect.is_some(),
        )?;
        answered += 1;
        if !keep {
            break;
        }
    }
    let tls = reader.into_inner();
    let (mut connection, sock) = (tls.conn, tls.sock);
    connection.send_close_notify();
    let mut sock = sock;
    let _ = connection.write_tls(&mut sock);
    let _ = sock.shutdown(Shutdown::Both);
    Ok(answered)
}

/// Writes the answer and logs the request; returns whether the connection stays open.
fn answer(
    shared: &Shared,
    out: &mut impl Write,
    request: &RequestHead,
    host: &str,
    target: &str,
    connect: bool,
) -> Result<bool> {
    let preferred = shared.active.lock().ok().and_then(|a| *a);
    let published = shared
        .published
        .lock()
        .ok()
        .and_then(|p| p.as_ref().and_then(|p| p.answer(host, target)))
        .filter(|_| request.method == "GET");
    let answer =
        published.unwrap_or_else(|| shared.site.route(preferred, &request.method, host, target));
    let initiator = request.origin.clone().or_else(|| request.referer.clone());
    record(
        shared,
        RequestRecord {
            method: request.method.clone(),
            host: strip_port(host).to_ascii_lowercase(),
            path: target.to_string(),
            connect,
            status: answer.status,
            kind: answer.kind,
            source: shared.site.source_of(initiator.as_deref()),
            initiator,
            at_ms: shared.started.elapsed().as_millis() as u64,
        },
    );
    let mut head = format!("HTTP/1.1 {} {}\r\n", answer.status, reason(answer.status));
    for (name, value) in &answer.headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str(&format!("Content-Length: {}\r\n", answer.body.len()));
    let keep = !request.close;
    head.push_str(if keep {
        "Connection: keep-alive\r\n\r\n"
    } else {
        "Connection: close\r\n\r\n"
    });
    out.write_all(head.as_bytes())?;
    out.write_all(&answer.body)?;
    out.flush()?;
    Ok(keep)
}

fn record(shared: &Shared, entry: RequestRecord) {
    if let Ok(mut log) = shared.log.lock() {
        log.push(entry);
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        204 => "No Content",
        404 => "Not Found",
        _ => "Status",
    }
}

/// A request line and the headers the server uses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestHead {
    pub method: String,
    pub target: String,
    pub host: Option<String>,
    pub origin: Option<String>,
    pub referer: Option<String>,
    pub content_length: usize,
    pub close: bool,
}

/// Reads bytes up to and including the blank line that ends a request head.
fn read_head(reader: &mut impl Read) -> Result<Vec<u8>> {
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") {
        if reader.read(&mut byte)? == 0 {
            bail!("connection closed");
        }
        head.push(byte[0]);
        if head.len() > MAX_HEAD_BYTES {
            bail!("request head over {MAX_HEAD_BYTES} bytes");
        }
    }
    Ok(head)
}

pub fn parse_head(head: &[u8]) -> Result<RequestHead> {
    let text = String::from_utf8_lossy(head);
    let mut lines = text.split("\r\n");
    let first = lines.next().unwrap_or_default();
    let mut parts = first.split(' ');
    let (Some(method), Some(target)) = (parts.next(), parts.next()) else {
        bail!("not an HTTP request line: {first:?}");
    };
    if method.is_empty() || target.is_empty() {
        bail!("not an HTTP request line: {first:?}");
    }
    let mut request = RequestHead {
        method: method.to_string(),
        target: target.to_string(),
        host: None,
        origin: None,
        referer: None,
        content_length: 0,
        close: false,
    };
    for line in lines {
        let Some((name, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim().to_string();
        match name.trim().to_ascii_lowercase().as_str() {
            "host" => request.host = Some(value),
            "origin" if value != "null" => request.origin = Some(value),
            "referer" => request.referer = Some(value),
            "content-length" => request.content_length = value.parse().unwrap_or(0),
            "connection" => request.close = value.eq_ignore_ascii_case("close"),
            _ => {}
        }
    }
    Ok(request)
}

fn skip_body<R: BufRead>(reader: &mut R, request: &RequestHead) -> Result<()> {
    let mut left = request.content_length.min(16 * 1024 * 1024) as u64;
    let copied = std::io::copy(&mut reader.by_ref().take(left), &mut std::io::sink())?;
    left -= copied;
    if left > 0 {
        bail!("request body cut short");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> Site {
        Site {
            pages: vec![
                ServedPage::new(
                    "x/a.html".into(),
                    "https://x.com/acme/status/1#frag",
                    Some("script-src 'self' 'nonce-abc'".into()),
                    b"<p>a</p>".to_vec(),
                )
                .unwrap(),
                ServedPage::new(
                    "fb/b.html".into(),
                    "https://www.facebook.com/acme/posts/2?comment_id=9",
                    None,
                    b"<p>b</p>".to_vec(),
                )
                .unwrap(),
            ],
        }
    }

    #[test]
    fn urls_split_into_host_and_target() {
        let cases = [
            ("https://x.com/a/status/1", "https", "x.com", "/a/status/1"),
            ("https://X.com:443/a?b=1#c", "https", "x.com", "/a?b=1"),
            ("http://localhost:8080", "http", "localhost", "/"),
            ("https://host?q=1", "https", "host", "/?q=1"),
            ("https://u:p@host/p", "https", "host", "/p"),
        ];
        for (url, scheme, host, target) in cases {
            let parsed = ParsedUrl::parse(url).unwrap();
            assert_eq!(
                (
                    parsed.scheme.as_str(),
                    parsed.host.as_str(),
                    parsed.target.as_str()
                ),
                (scheme, host, target),
                "{url}"
            );
        }
        for bad in ["x.com/a", "https:///a", ""] {
            assert!(ParsedUrl::parse(bad).is_err(), "{bad:?} should be refused");
        }
    }

    #[test]
    fn routing_serves_pages_with_their_csp_and_nothing_else() {
        let site = site();
        /// (method, host, target, status, kind, CSP header).
        type Case<'a> = (&'a str, &'a str, &'a str, u16, RequestKind, Option<&'a str>);
        let cases: [Case; 9] = [
            (
                "GET",
                "x.com",
                "/acme/status/1",
                200,
                RequestKind::Page,
                Some("script-src 'self' 'nonce-abc'"),
            ),
            (
                "GET",
                "x.com:443",
                "/acme/status/1?s=20",
                200,
                RequestKind::Page,
                Some("script-src 'self' 'nonce-abc'"),
            ),
            (
                "HEAD",
                "X.COM",
                "/acme/status/1",
                200,
                RequestKind::Page,
                Some("script-src 'self' 'nonce-abc'"),
            ),
            (
                "GET",
                "www.facebook.com",
                "/acme/posts/2?comment_id=9",
                200,
                RequestKind::Page,
                None,
            ),
            (
                "GET",
                "www.facebook.com",
                "/acme/posts/2",
                404,
                RequestKind::Other,
                None,
            ),
            (
                "GET",
                "twitter.com",
                "/acme/status/1",
                404,
                RequestKind::Other,
                None,
            ),
            (
                "GET",
                "x.com",
                "/acme/status/2",
                404,
                RequestKind::Other,
                None,
            ),
            (
                "POST",
                "x.com",
                "/acme/status/1",
                404,
                RequestKind::Other,
                None,
            ),
            (
                "GET",
                "anything.example",
                "/favicon.ico",
                204,
                RequestKind::Favicon,
                None,
            ),
        ];
        for (method, host, target, status, kind, csp) in cases {
            let answer = site.route(None, method, host, target);
            assert_eq!(
                (answer.status, answer.kind),
                (status, kind),
                "{method} {host}{target}"
            );
            let got_csp = answer
                .headers
                .iter()
                .find(|(n, _)| *n == "Content-Security-Policy")
                .map(|(_, v)| v.as_str());
            assert_eq!(got_csp, csp, "{method} {host}{target}");
        }
        assert!(site
            .route(None, "HEAD", "x.com", "/acme/status/1")
            .body
            .is_empty());
        assert_eq!(
            site.route(None, "GET", "x.com", "/acme/status/1").body,
            b"<p>a</p>"
        );
    }

    #[test]
    fn a_page_s_declared_requests_are_its_own_unless_an_extension_made_them() {
        let mut page = site().pages.remove(0);
        page.own_requests = vec!["/i/api/".into()];
        let request = |host: &str, path: &str, source| RequestRecord {
            method: "POST".into(),
            host: host.into(),
            path: path.into(),
            connect: false,
            status: 404,
            kind: RequestKind::Other,
            initiator: None,
            source,
            at_ms: 0,
        };
        let cases = [
            ("x.com", "/i/api/beacon?a=1", RequestSource::Page, true),
            ("x.com", "/i/api/", RequestSource::Browser, true),
            ("x.com", "/i/api/beacon", RequestSource::Extension, false),
            ("x.com", "/other", RequestSource::Page, false),
            ("api.x.com", "/i/api/beacon", RequestSource::Page, false),
        ];
        for (host, path, source, want) in cases {
            assert_eq!(
                page.declares(&request(host, path, source)),
                want,
                "{host}{path} {source:?}"
            );
        }
    }

    #[test]
    fn pages_sharing_a_url_are_served_by_which_is_under_test() {
        let mut site = site();
        let twin = ServedPage::new(
            "x/twin.html".into(),
            "https://x.com/acme/status/1",
            None,
            b"<p>twin</p>".to_vec(),
        )
        .unwrap();
        site.pages.push(twin);
        let body = |preferred| site.route(preferred, "GET", "x.com", "/acme/status/1").body;
        assert_eq!(body(None), b"<p>a</p>");
        assert_eq!(body(Some(0)), b"<p>a</p>");
        assert_eq!(body(Some(2)), b"<p>twin</p>");
        // A preferred page at another URL changes nothing.
        assert_eq!(body(Some(1)), b"<p>a</p>");
        assert_eq!(body(Some(9)), b"<p>a</p>");
    }

    #[test]
    fn certificate_names_cover_the_platforms_and_every_page_host() {
        let mut site = site();
        site.pages.push(
            ServedPage::new("o.html".into(), "https://m.example.org/", None, Vec::new()).unwrap(),
        );
        let names = site.certificate_names();
        for want in [
            "x.com",
            "twitter.com",
            "www.facebook.com",
            "www.linkedin.com",
            "localhost",
            "m.example.org",
        ] {
            assert!(names.iter().any(|n| n == want), "missing {want}");
        }
    }

    #[test]
    fn requests_are_put_down_to_the_extension_a_page_or_the_browser() {
        let site = site();
        let cases = [
            (
                Some("chrome-extension://abcdefghijklmnopabcdefghijklmnop"),
                RequestSource::Extension,
            ),
            (
                Some("moz-extension://5f2b8c1e-3d47-4a9b-8e60-c4d1a7f09b23/x.html"),
                RequestSource::Extension,
            ),
            (Some("https://x.com"), RequestSource::Page),
            (
                Some("https://www.facebook.com/acme/posts/2"),
                RequestSource::Page,
            ),
            (Some("https://www.google.com"), RequestSource::Browser),
            (Some("not a url"), RequestSource::Browser),
            (None, RequestSource::Browser),
        ];
        for (initiator, want) in cases {
            assert_eq!(site.source_of(initiator), want, "{initiator:?}");
        }
    }

    #[test]
    fn a_published_profile_answers_only_its_own_address() {
        let published = Published {
            host: PUBLISHED_HOST.into(),
            path: "/voice.candor.json".into(),
            status: 500,
            body: b"oops".to_vec(),
        };
        let cases = [
            (PUBLISHED_HOST, "/voice.candor.json", Some(500)),
            (
                "Profiles.Brand.Example:443",
                "/voice.candor.json",
                Some(500),
            ),
            (PUBLISHED_HOST, "/voice.candor.json?x=1", None),
            (PUBLISHED_HOST, "/other.json", None),
            ("x.com", "/voice.candor.json", None),
        ];
        for (host, target, want) in cases {
            let got = published.answer(host, target);
            assert_eq!(got.as_ref().map(|a| a.status), want, "{host}{target}");
            if let Some(answer) = got {
                assert_eq!(answer.body, b"oops");
                assert!(answer
                    .headers
                    .iter()
                    .any(|(n, v)| *n == "Access-Control-Allow-Origin" && v == "*"));
            }
        }
    }

    #[test]
    fn request_heads_parse_and_bad_ones_are_refused() {
        let head = parse_head(
            b"GET /a?b HTTP/1.1\r\nHost: x.com\r\nOrigin: chrome-extension://abc\r\nContent-Length: 3\r\nConnection: close\r\n\r\n",
        )
        .unwrap();
        assert_eq!(head.method, "GET");
        assert_eq!(head.target, "/a?b");
        assert_eq!(head.host.as_deref(), Some("x.com"));
        assert_eq!(head.origin.as_deref(), Some("chrome-extension://abc"));
        assert_eq!(head.content_length, 3);
        assert!(head.close);
        for bad in [&b"\r\n\r\n"[..], b"GARBAGE\r\n\r\n", b" / HTTP/1.1\r\n\r\n"] {
            assert!(
                parse_head(bad).is_err(),
                "{:?}",
                String::from_utf8_lossy(bad)
            );
        }
    }

    /// A TLS client that trusts exactly the server's certificate.
    fn client(
        server: &Server,
        name: &str,
        sock: TcpStream,
    ) -> rustls::StreamOwned<rustls::ClientConnection, TcpStream> {
        let mut roots = rustls::RootCertStore::empty();
        roots
            .add(CertificateDer::from(server.certificate.clone()))
            .unwrap();
        let config = rustls::ClientConfig::builder_with_provider(Arc::new(
            rustls::crypto::ring::default_provider(),
        ))
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_root_certificates(roots)
        .with_no_client_auth();
        let name = rustls::pki_types::ServerName::try_from(name.to_string()).unwrap();
        let conn = rustls::ClientConnection::new(Arc::new(config), name).unwrap();
        rustls::StreamOwned::new(conn, sock)
    }

    fn get(stream: &mut impl ReadWrite, host: &str, target: &str) -> String {
        let request = format!("GET {target} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n");
        stream.write_all(request.as_bytes()).unwrap();
        let mut out = Vec::new();
        // The server closes after `Connection: close`; a TLS peer may end without close_notify.
        let _ = stream.read_to_end(&mut out);
        String::from_utf8_lossy(&out).into_owned()
    }

    trait ReadWrite: Read + Write {}
    impl<T: Read + Write> ReadWrite for T {}

    #[test]
    fn the_server_answers_over_tls_through_a_proxy_tunnel_and_in_plain_http() {
        let server = Server::start(site()).unwrap();

        // Direct TLS, as Chromium's host mapping does.
        let sock = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
        let mut tls = client(&server, "x.com", sock);
        let reply = get(&mut tls, "x.com", "/acme/status/1");
        assert!(reply.starts_with("HTTP/1.1 200"), "{reply}");
        assert!(
            reply.contains("Content-Security-Policy: script-src 'self' 'nonce-abc'"),
            "{reply}"
        );
        assert!(reply.ends_with("<p>a</p>"), "{reply}");

        // CONNECT, then TLS on the same socket, as Firefox does through a proxy.
        let mut sock = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
        sock.write_all(
            b"CONNECT www.facebook.com:443 HTTP/1.1\r\nHost: www.facebook.com:443\r\n\r\n",
        )
        .unwrap();
        let mut established = [0u8; 39];
        sock.read_exact(&mut established).unwrap();
        assert!(established.starts_with(b"HTTP/1.1 200"));
        let mut tls = client(&server, "www.facebook.com", sock);
        let reply = get(&mut tls, "www.facebook.com", "/tracker.js");
        assert!(reply.starts_with("HTTP/1.1 404"), "{reply}");

        // Plain HTTP through the proxy, with an absolute URL.
        let mut sock = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
        let reply = get(
            &mut sock,
            "detect.example",
            "http://detect.example/success.txt",
        );
        assert!(reply.starts_with("HTTP/1.1 404"), "{reply}");

        // Requests are logged as they were made; let the last connection's thread finish.
        thread::sleep(Duration::from_millis(100));
        let log = server.requests();
        let seen: Vec<(&str, &str, bool, RequestKind)> = log
            .iter()
            .map(|r| (r.host.as_str(), r.path.as_str(), r.connect, r.kind))
            .collect();
        assert_eq!(
            seen,
            [
                ("x.com", "/acme/status/1", false, RequestKind::Page),
                ("www.facebook.com", "/tracker.js", true, RequestKind::Other),
                ("detect.example", "/success.txt", false, RequestKind::Other),
            ]
        );
    }
}
