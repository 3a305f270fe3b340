#!/usr/bin/env python3
"""Smoke test of the options page and the profile subscription in real headless Chromium.

Serves three published profiles over local HTTPS (a valid one, a failing address, an invalid one),
loads dist/chrome, records subscriptions in storage.local as the options page does after the
permission prompt (a prompt cannot be answered headless; the server sends CORS headers instead),
and checks what the background fetched and what the options page shows: the last good copy, its
date, the last error, and that the good copy is kept when the address later serves an invalid
profile. Also saves a profile through the page and checks it landed in storage.sync and reached the
engine (GetProfiles).

Usage: cargo xtask build && python3 tools/options_smoke.py [chromium|firefox]
"""
import hashlib
import json
import os
import ssl
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BROWSER = sys.argv[1] if len(sys.argv) > 1 else "chromium"
EXTENSION = os.path.join(ROOT, "dist", "chrome" if BROWSER == "chromium" else "firefox")
GECKO_ID = "candor@candor-extension.org"
FIREFOX_UUID = "0c6a3b55-1f0e-4d55-9b1e-6a7c2f9d4e10"
# Marionette refuses moz-extension: URLs from content; a tab opened from the chrome context works.
FIREFOX_OPEN_TAB = """
const tab = gBrowser.addTab(arguments[0], {
  triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal(),
});
gBrowser.selectedTab = tab;
return true;
"""
VALID = {"schema_version": 1, "id": "published", "name": "Published Brand", "address": "tu"}
INVALID = {"schema_version": 1, "id": "published", "name": "Published Brand", "adress": "tu"}
served = {"/ok.candor.json": (200, VALID), "/bad.candor.json": (200, INVALID), "/fail.candor.json": (500, None)}
hits = []


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        hits.append((self.headers.get("Host", ""), self.path, self.headers.get("Origin", "")))
        status, body = served.get(self.path, (404, None))
        data = json.dumps(body).encode() if body is not None else b"nope"
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


def webdriver(port, method, path, body=None):
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}{path}",
        data=json.dumps(body).encode() if body is not None else None,
        method=method,
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.loads(response.read())["value"]


def main():
    scratch = tempfile.mkdtemp(prefix="candor-options-")
    cert, key = os.path.join(scratch, "cert.pem"), os.path.join(scratch, "key.pem")
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert,
         "-days", "1", "-subj", "/CN=pub.example"],
        check=True, capture_output=True)
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    https_port = server.server_address[1]
    threading.Thread(target=server.serve_forever, daemon=True).start()

    driver_port = 9600 + os.getpid() % 300
    if BROWSER == "chromium":
        driver = subprocess.Popen(["chromedriver", f"--port={driver_port}"], stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL)
    else:
        driver = subprocess.Popen(["geckodriver", "--host", "127.0.0.1", "--port", str(driver_port),
                                   "--allow-system-access"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    failures = []
    session = None
    try:
        time.sleep(1.5)
        if BROWSER == "chromium":
            ext_id = "".join(chr(ord("a") + int(c, 16)) for c in hashlib.sha256(EXTENSION.encode()).hexdigest()[:32])
            args = ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-sync",
                    f"--user-data-dir={os.path.join(scratch, 'profile')}",
                    f"--host-resolver-rules=MAP * 127.0.0.1:{https_port}, EXCLUDE localhost",
                    "--ignore-certificate-errors", f"--load-extension={EXTENSION}",
                    f"--disable-extensions-except={EXTENSION}",
                    "--disable-features=DisableLoadExtensionCommandLineSwitch", "--lang=en-US"]
            caps = {"capabilities": {"alwaysMatch": {"goog:chromeOptions": {"binary": "/usr/bin/chromium", "args": args}}}}
            page_url = f"chrome-extension://{ext_id}/extension/pages/options.html"
        else:
            prefs = {"extensions.webextensions.uuids": json.dumps({GECKO_ID: FIREFOX_UUID}),
                     "network.dns.localDomains": "pub.example", "intl.locale.requested": "en-US"}
            caps = {"capabilities": {"alwaysMatch": {
                "browserName": "firefox", "acceptInsecureCerts": True,
                "moz:firefoxOptions": {"binary": "/usr/bin/firefox-esr", "args": ["-headless"], "prefs": prefs}}}}
            page_url = f"moz-extension://{FIREFOX_UUID}/extension/pages/options.html"
        session = webdriver(driver_port, "POST", "/session", caps)["sessionId"]
        s = f"/session/{session}"
        webdriver(driver_port, "POST", f"{s}/timeouts", {"script": 20000})
        if BROWSER == "firefox":
            webdriver(driver_port, "POST", f"{s}/moz/addon/install", {"path": EXTENSION, "temporary": True})
            time.sleep(1.0)

        def run(script, *a):
            return webdriver(driver_port, "POST", f"{s}/execute/async", {"script": script, "args": list(a)})


        def text(selector):
            return webdriver(driver_port, "POST", f"{s}/execute/sync", {
                "script": "return [...document.querySelectorAll(arguments[0])].map(e => e.textContent);",
                "args": [selector]})

        def check(name, ok, detail=""):
            print(("ok   " if ok else "FAIL ") + name + ("" if ok else f": {detail}"))
            if not ok:
                failures.append(name)

        if BROWSER == "chromium":
            webdriver(driver_port, "POST", f"{s}/url", {"url": page_url})
        else:
            webdriver(driver_port, "POST", f"{s}/moz/context", {"context": "chrome"})
            webdriver(driver_port, "POST", f"{s}/execute/sync", {"script": FIREFOX_OPEN_TAB, "args": [page_url]})
            webdriver(driver_port, "POST", f"{s}/moz/context", {"context": "content"})
            time.sleep(1.0)
            for handle in webdriver(driver_port, "GET", f"{s}/window/handles"):
                webdriver(driver_port, "POST", f"{s}/window", {"handle": handle})
                if webdriver(driver_port, "GET", f"{s}/url") == page_url:
                    break
        time.sleep(2.0)
        body = text("main")[0]
        check("options page mounts and says there is no profile yet", "No profile yet" in body, body[:300])

        # A profile created in the page goes to storage.sync and reaches the engine.
        webdriver(driver_port, "POST", f"{s}/execute/sync", {"script": """
            document.querySelector('[data-action=new]').click();
            const name = document.querySelector('#f-name');
            name.value = 'Vélocité'; name.dispatchEvent(new Event('input', {bubbles: true}));
            document.querySelector('[data-action=save]').click();""", "args": []})
        time.sleep(1.0)
        synced = run("chrome.storage.sync.get(null).then(arguments[0]);")
        check("a saved profile is one storage.sync item", list(synced) == ["profile:new-brand"], synced)
        reply = run("chrome.runtime.sendMessage({v: 1, type: 'GetProfiles'}).then(arguments[0]);")
        check("the background sent it to the engine (GetProfiles)",
              [p["name"] for p in reply.get("profiles", [])] == ["Vélocité"], reply)

        # Subscriptions, as the page records them once permission is given.
        base = f"https://pub.example:{https_port}"
        records = {f"subscription:{base}/{n}.candor.json": {"url": f"{base}/{n}.candor.json"}
                   for n in ("ok", "fail", "bad")}
        run("chrome.storage.local.set(arguments[0]).then(() => arguments[1]());", records)
        time.sleep(3.0)
        local = run("chrome.storage.local.get(null).then(arguments[0]);")
        ok = local.get(f"subscription:{base}/ok.candor.json", {})
        fail = local.get(f"subscription:{base}/fail.candor.json", {})
        bad = local.get(f"subscription:{base}/bad.candor.json", {})
        check("a valid published profile is kept with its date", ok.get("profile") and ok.get("fetched_ms") and not ok.get("error"), ok)
        check("a failing address records its error, no copy", fail.get("error") == "HTTP 500" and not fail.get("profile"), fail)
        check("an invalid profile records the field, no copy", "`adress`" in (bad.get("error") or "") and not bad.get("profile"), bad)
        subs = " | ".join(text(".subscriptions li"))
        check("the page shows source, last good copy and last error",
              "Published Brand" in subs and "Last good copy" in subs and "HTTP 500" in subs and "adress" in subs, subs)

        # The address now serves an invalid profile: the last good copy stays.
        served["/ok.candor.json"] = (200, INVALID)
        ok["tried_ms"] = 0
        run("chrome.storage.local.set(arguments[0]).then(() => arguments[1]());",
            {f"subscription:{base}/ok.candor.json": ok})
        time.sleep(3.0)
        later = run("chrome.storage.local.get(arguments[0]).then(arguments[1]);",
                    f"subscription:{base}/ok.candor.json")
        later = later.get(f"subscription:{base}/ok.candor.json", {})
        check("an invalid refresh keeps the last good copy and says why",
              later.get("profile") == ok.get("profile") and "`adress`" in (later.get("error") or "")
              and later.get("fetched_ms") == ok.get("fetched_ms"), later)
        reply = run("chrome.runtime.sendMessage({v: 1, type: 'GetProfiles'}).then(arguments[0]);")
        check("the engine holds the subscribed profile too",
              sorted(p["name"] for p in reply.get("profiles", [])) == ["Published Brand", "Vélocité"], reply)
        # Chromium's own start-up traffic also lands here (every host is mapped to this server);
        # what the extension asked for carries its origin.
        from_candor = {(host.split(":")[0], path) for host, path, origin in hits
                       if origin.startswith(("chrome-extension://", "moz-extension://"))}
        check("the extension requested only the subscribed addresses",
              from_candor == {("pub.example", "/ok.candor.json"), ("pub.example", "/fail.candor.json"),
                              ("pub.example", "/bad.candor.json")}, hits)
    finally:
        if session:
            try:
                webdriver(driver_port, "DELETE", f"/session/{session}")
            except Exception:
                pass
        driver.terminate()
        server.shutdown()
    print(f"{len(failures)} failure(s)")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
