// Page-side driver of tests/js/chromium_page.mjs (a test tool, never shipped). Modes:
//   read  — runs the whole pipeline (observer, slices, batches, badges) like the extension does,
//           then reports the records sent, the badges drawn, layout shifts and timing;
//   drop  — reads the page once with the full data, then once per selector with that one
//           selector removed from its role, and reports every difference;
//   bench — the read pipeline on a big page, then 50 more comments appended, with timings.
(() => {
  const mode = document.currentScript.dataset.mode;
  const Candor = globalThis.Candor;
  const name = /(^|\.)(x|twitter)\.com$/.test(location.hostname)
    ? "x"
    : /facebook\.com$/.test(location.hostname)
      ? "facebook"
      : "linkedin";
  const platform = Candor.platforms[name];

  function finish(result) {
    const pre = document.createElement("pre");
    pre.id = "candor-result";
    pre.textContent = JSON.stringify(result);
    document.body.append(pre);
  }

  function readAll(data) {
    const recognised = platform.recognise(document, location, data);
    if (recognised !== true) return { recognised, records: [] };
    const ctx = platform.context(document, location, data);
    const roots = new Set();
    for (const s of data.selectors.comment) {
      for (const el of Candor.dom.queryAll(document, s)) {
        const root = platform.rootOf(el, data);
        if (root) roots.add(root);
      }
    }
    const records = [];
    const seen = new Set();
    for (const root of [...roots].sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1))) {
      const r = platform.read(root, ctx, data);
      if (r && !seen.has(r.id)) {
        seen.add(r.id);
        records.push(r);
      }
    }
    return { recognised, records };
  }

  const rectsOf = () =>
    [...document.querySelectorAll('article, [role="article"], [componentkey], [data-testid="tweetText"], [data-id], [dir="auto"]')].map((el) => {
      const r = el.getBoundingClientRect();
      return { el, box: [r.x, r.y, r.width, r.height].map((v) => Math.round(v * 10) / 10).join(",") };
    });

  function collectBadges() {
    const ctx = platform.recognise(document, location) === true ? platform.context(document, location) : null;
    return [...document.querySelectorAll("[data-candor-badge]")].map((host) => {
      const root = host.parentElement && platform.rootOf(host.parentElement);
      const now = root && ctx ? platform.read(root, ctx) : null;
      return { id: host.dataset.candorId, category: host.dataset.candorCategory, readsAs: now?.id ?? null };
    });
  }

  if (mode === "drop") {
    const base = readAll(platform.data);
    const failures = [];
    let variants = 0;
    for (const [role, list] of Object.entries(platform.data.selectors)) {
      list.forEach((selector, index) => {
        variants += 1;
        const got = readAll(Candor.dom.withoutSelector(platform.data, role, index));
        const same = got.recognised === base.recognised && JSON.stringify(got.records) === JSON.stringify(base.records);
        if (!same) {
          const diff = got.records.length !== base.records.length
            ? `${got.records.length} records instead of ${base.records.length}`
            : JSON.stringify(got.records.find((r, i) => JSON.stringify(r) !== JSON.stringify(base.records[i])));
          failures.push({ role, index, selector, recognised: got.recognised, diff });
        }
      });
    }
    finish({ base, variants, failures });
    return;
  }

  const before = rectsOf();
  const began = performance.now();
  const run = Candor.start(platform);
  const sliceLog = [];

  if (mode === "bench") {
    const expected = document.querySelectorAll('article[data-testid="tweet"][tabindex="0"]').length;
    let allBadgedMs = null;
    const poll = () => {
      const badged = document.querySelectorAll("[data-candor-badge]").length;
      if (badged >= expected && allBadgedMs === null) {
        allBadgedMs = performance.now() - began;
        sliceLog.push({ phase: "load", ...run.stats });
        const readsBefore = run.stats.reads;
        run.stats.longestSliceMs = 0;
        run.stats.longestObserverMs = 0;
        const t0 = performance.now();
        window.__candorAppend(50);
        const wait = () => {
          const now = document.querySelectorAll("[data-candor-badge]").length;
          if (now >= expected + 50) {
            finish({
              comments: expected,
              allBadgedMs,
              load: sliceLog[0],
              more50: {
                ms: performance.now() - t0,
                reads: run.stats.reads - readsBefore,
                longestSliceMs: run.stats.longestSliceMs,
                longestObserverMs: run.stats.longestObserverMs,
              },
              sent: run.stats.sent,
            });
          } else setTimeout(wait, 5);
        };
        wait();
        return;
      }
      setTimeout(poll, 5);
    };
    poll();
    return;
  }

  /** The side panel's ScrollToComment, for the last comment read, one never read, and a bad one. */
  async function commands() {
    const ids = [...run.records.keys()];
    const target = ids[ids.length - 1];
    const yBefore = scrollY;
    const known = target ? await window.__candorTest.command({ v: 1, type: "ScrollToComment", id: target }) : null;
    const scrolled = scrollY !== yBefore;
    const unknown = await window.__candorTest.command({ v: 1, type: "ScrollToComment", id: "no-such-comment" });
    const foreign = await window.__candorTest.command({ v: 1, type: "SomethingElse" });
    return { target, known, scrolled, unknown, foreign: foreign ?? null };
  }

  const settle = async () => {
    const done = !document.querySelector("script[nonce]:not([src])[data-recycles]") || document.documentElement.dataset.fixtureDone;
    if (!done && performance.now() - began < 9000) return setTimeout(settle, 200);
    const after = new Map(rectsOf().map((r) => [r.el, r.box]));
    const moved = before.filter((r) => r.el.isConnected && after.get(r.el) !== r.box).length;
    const scroll = await commands();
    finish({
      scroll,
      records: [...run.records.values()],
      sent: window.__candorTest.sent.map((m) => ({ type: m.type, count: m.comments?.length, reason: m.reason, url: m.url })),
      badges: collectBadges(),
      moved,
      alerts: window.__candorTest.alerts,
      errors: window.__candorTest.errors,
      stats: run.stats,
      activeIsBody: document.activeElement === document.body,
    });
  };
  setTimeout(settle, 5000);
})();
