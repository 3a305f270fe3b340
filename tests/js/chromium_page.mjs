// Runs Candor's content scripts on a fixture page in headless Chromium, without the extension: the
// page is served over https at its real host and path (every host name resolves to a local server,
// a throwaway certificate), with its site's CSP, and the scripts are injected in the page with a stand-in for the extension API that
// answers CommentsRead with fake verdicts. What the readers reported comes back as JSON.
// Used by readers.test.mjs and bench_readers.mjs; the real extension is tested by `cargo xtask e2e`.
import { spawn, execFileSync } from "node:child_process";
import { readFileSync, existsSync, mkdtempSync } from "node:fs";
import https from "node:https";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const CONTENT_SCRIPTS = JSON.parse(readFileSync(path.join(ROOT, "manifest.json"), "utf8")).content_scripts[0].js.filter(
  (f) => !f.endsWith("/main.js"),
);
const NONCE = "candorfixture";

export function chromiumPath() {
  for (const p of [process.env.CHROMIUM, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]) {
    if (p && existsSync(p)) return p;
  }
  return null;
}

let tlsPair = null;
/** A throwaway self-signed certificate (facebook.com and linkedin.com are HSTS-preloaded: https only). */
function tls() {
  if (tlsPair) return tlsPair;
  const dir = mkdtempSync(path.join(os.tmpdir(), "candor-tls-"));
  const key = path.join(dir, "key.pem");
  const cert = path.join(dir, "cert.pem");
  execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "2", "-subj", "/CN=candor-test"], { stdio: "ignore" });
  tlsPair = { key: readFileSync(key), cert: readFileSync(cert) };
  return tlsPair;
}

/** The stand-in API and the driver, injected before </body> with the page's nonce. */
function injection(mode) {
  const stub = `
window.__candorTest = { sent: [], alerts: 0, errors: [] };
window.alert = () => { window.__candorTest.alerts += 1; };
window.addEventListener("error", (e) => window.__candorTest.errors.push(String(e.message)));
globalThis.chrome = {
  runtime: {
    sendMessage(msg) {
      window.__candorTest.sent.push(JSON.parse(JSON.stringify(msg)));
      if (msg.type === "CommentsRead") {
        const verdicts = msg.comments.map((c) => ({ id: c.id, category: /\\?/.test(c.text) ? "question" : "complaint",
          flags: c.text.length > 2000 ? ["urgent"] : [], confidence: 0.5, lang: "en",
          cues: [{ start: 0, end: Math.min(4, [...c.text].length), reason: "test cue" }] }));
        return Promise.resolve({ v: 1, type: "Verdicts", verdicts });
      }
      return Promise.resolve({ v: 1, type: "Ack" });
    },
  },
  i18n: { getMessage: (key, subs) => key + (subs && subs.length ? ":" + subs.join("|") : "") },
};
// What extension pages send to the tab (tabs.sendMessage), delivered to the content script's listeners.
window.__candorTest.listeners = [];
globalThis.chrome.runtime.onMessage = { addListener: (f) => window.__candorTest.listeners.push(f) };
window.__candorTest.command = (msg) => new Promise((resolve) => {
  let answered = false;
  for (const f of window.__candorTest.listeners) f(msg, {}, (reply) => { answered = true; resolve(reply); });
  if (!answered) setTimeout(() => resolve(undefined), 50);
});`;
  const scripts = CONTENT_SCRIPTS.map((f) => `<script nonce="${NONCE}" src="/__candor/${f}"></script>`).join("\n");
  const driver = `<script nonce="${NONCE}" src="/__candor/tests/js/page_driver.js" data-mode="${mode}"></script>`;
  return `<script nonce="${NONCE}">${stub}</script>\n${scripts}\n${driver}\n`;
}

/**
 * Loads `pageHtml` at `url` with `csp` and runs the driver in `mode` ("read", "drop", "bench");
 * resolves to the driver's JSON result.
 */
export async function runPage({ url, csp, html, mode = "read", budgetMs = 12000 }) {
  const chromium = chromiumPath();
  if (!chromium) throw new Error("no Chromium found (set CHROMIUM)");
  const { server, pageUrl } = await serve({ url, csp, html, mode });
  try {
    const out = await new Promise((resolve, reject) => {
      const child = spawn(chromium, [...chromiumArgs(), `--virtual-time-budget=${budgetMs}`, "--dump-dom", pageUrl], {
        stdio: ["ignore", "pipe", "pipe"],
      });
      let stdout = "";
      child.stdout.on("data", (d) => (stdout += d));
      child.stderr.on("data", () => {});
      const timer = setTimeout(() => child.kill("SIGKILL"), 90_000);
      child.on("error", reject);
      child.on("close", () => {
        clearTimeout(timer);
        resolve(stdout);
      });
    });
    const m = /<pre id="candor-result">([\s\S]*?)<\/pre>/.exec(out);
    if (!m) throw new Error(`no result from the page driver (${out.length} bytes of DOM)`);
    const text = m[1].replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&");
    return JSON.parse(text);
  } finally {
    server.close();
  }
}

function chromiumArgs() {
  return [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-extensions",
    "--ignore-certificate-errors",
    "--window-size=1280,2000",
    "--host-resolver-rules=MAP * 127.0.0.1",
  ];
}

/**
 * Like runPage, in real time (no virtual clock, so timings mean something): Chromium is driven
 * over its DevTools pipe and the result is polled until the driver writes it.
 */
export async function runPageLive({ url, csp, html, mode = "bench", timeoutMs = 60_000, act = null }) {
  const chromium = chromiumPath();
  if (!chromium) throw new Error("no Chromium found (set CHROMIUM)");
  const { server, pageUrl } = await serve({ url, csp, html, mode });
  const child = spawn(chromium, [...chromiumArgs(), "--remote-debugging-pipe", "about:blank"], {
    stdio: ["ignore", "ignore", "ignore", "pipe", "pipe"],
  });
  const toBrowser = child.stdio[3];
  const fromBrowser = child.stdio[4];
  let nextId = 1;
  const waiting = new Map();
  let buffer = "";
  fromBrowser.on("data", (chunk) => {
    buffer += chunk;
    let at;
    while ((at = buffer.indexOf("\0")) >= 0) {
      const msg = JSON.parse(buffer.slice(0, at));
      buffer = buffer.slice(at + 1);
      if (msg.id && waiting.has(msg.id)) {
        waiting.get(msg.id)(msg);
        waiting.delete(msg.id);
      }
    }
  });
  const call = (method, params = {}, sessionId) =>
    new Promise((resolve) => {
      const id = nextId++;
      waiting.set(id, resolve);
      toBrowser.write(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }) + "\0");
    });
  try {
    const { result: target } = await call("Target.createTarget", { url: "about:blank" });
    const { result: attached } = await call("Target.attachToTarget", { targetId: target.targetId, flatten: true });
    const session = attached.sessionId;
    await call("Page.enable", {}, session);
    await call("Page.navigate", { url: pageUrl }, session);
    const began = Date.now();
    while (Date.now() - began < timeoutMs) {
      await new Promise((r) => setTimeout(r, 250));
      const reply = await call("Runtime.evaluate", { expression: 'document.getElementById("candor-result")?.textContent ?? ""', returnByValue: true }, session);
      const text = reply.result?.result?.value;
      if (text) {
        const result = JSON.parse(text);
        if (act) result.acted = await act(call, session);
        return result;
      }
    }
    throw new Error("the page driver wrote no result in time");
  } finally {
    child.kill("SIGKILL");
    server.close();
  }
}

async function serve({ url, csp, html, mode }) {
  // No reports leave the machine.
  const servedCsp = csp
    .split(";")
    .map((d) => d.trim())
    .filter((d) => d && !/^report-uri/.test(d))
    .join("; ");
  const body = html.includes("</body>") ? html.replace("</body>", `${injection(mode)}</body>`) : html + injection(mode);
  const server = https.createServer(tls(), (req, res) => {
    if (req.url.startsWith("/__candor/")) {
      const file = path.join(ROOT, decodeURIComponent(req.url.slice("/__candor/".length).split("?")[0]));
      if (!file.startsWith(ROOT) || !existsSync(file)) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { "content-type": "text/javascript; charset=utf-8" }).end(readFileSync(file));
      return;
    }
    if (req.url === "/favicon.ico") {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-security-policy": servedCsp }).end(body);
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = server.address().port;
  const target = new URL(url);
  const pageUrl = `https://${target.hostname}:${port}${target.pathname}${target.search}`;
  return { server, pageUrl };
}

/** Reads a fixture and its sidecar. */
export function loadFixture(file) {
  const sidecar = JSON.parse(readFileSync(file.replace(/\.html$/, ".expect.json"), "utf8"));
  return { html: readFileSync(file, "utf8"), ...sidecar };
}

export { ROOT };
