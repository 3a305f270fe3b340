// What every platform's content script shares: watching the page, reading the comments a platform
// reader finds, sending them to the engine in small batches, and drawing each one's badge. It works
// incrementally (only what a mutation touched is read again), in slices of a few milliseconds that
// yield to the page, and keys everything by the platform's comment id, never by DOM node. It also
// answers the side panel's page commands (ScrollToComment). Nothing here decides anything about a
// comment: the engine (in the background) does.
(() => {
  const Candor = (globalThis.Candor ??= {});
  const api = globalThis.browser ?? globalThis.chrome;
  const { message, Request, Response, Command, PROTOCOL_VERSION } = globalThis.CandorProtocol;

  /** Comments per CommentsRead message (the engine accepts up to 500). */
  const BATCH_SIZE = 50;
  /** The longest a reading slice runs before it yields to the page, when the browser is busy… */
  const SLICE_MS = 8;
  /** …and when it said it is idle (an idle period lasts at most 50 ms; input waits for no more). */
  const IDLE_SLICE_MS = 24;
  /** How long a page may take to show a layout Candor knows before it is called unreadable. */
  const UNREADABLE_AFTER_MS = 1200;
  /** How often the address is checked (single-page sites change it without an event we can trust). */
  const URL_CHECK_MS = 1000;

  const t = (key, ...subs) => {
    try {
      return api.i18n.getMessage(key, subs) || key;
    } catch {
      return key;
    }
  };

  /** Sends one message to the background; resolves to its answer, or null when it fails. */
  async function send(msg) {
    try {
      return await api.runtime.sendMessage(msg);
    } catch {
      return null; // The extension was reloaded or the background is gone: never throw into the page.
    }
  }

  function reportError(context, error) {
    send(message(Request.ReportError, { context, message: String(error?.stack ?? error).slice(0, 8000) }));
  }

  /**
   * Lets the page run: the next idle period (after the frame the browser is drawing, so the page's
   * style is clean when reading resumes), at most 50 ms away; a plain task where there is no idle
   * callback. Resolves to how long the next slice may run.
   */
  function yieldToPage() {
    return new Promise((resolve) => {
      if (typeof requestIdleCallback !== "function") return setTimeout(() => resolve(SLICE_MS), 0);
      requestIdleCallback(
        (deadline) => resolve(deadline.didTimeout ? SLICE_MS : Math.max(SLICE_MS, Math.min(IDLE_SLICE_MS, deadline.timeRemaining()))),
        { timeout: 50 },
      );
    });
  }

  /**
   * Lets the page run one task and no more: the slices after the first of a burst follow at once,
   * so new comments are read within tens of milliseconds even on a page that is never idle, while
   * the page's input and frames still come between two slices. Resolves to the slice's budget.
   */
  function yieldOneTask() {
    return new Promise((resolve) => setTimeout(() => resolve(SLICE_MS), 0));
  }

  /** Candor's own elements: a badge, or the overlay that shows a badge's details. */
  const isBadge = (node) => node.nodeType === 1 && (node.hasAttribute("data-candor-badge") || node.hasAttribute("data-candor-overlay"));

  function sameRecord(a, b) {
    for (const key of Object.keys(b)) if (a[key] !== b[key]) return false;
    return true;
  }

  /**
   * Reads the page with `platform` (see platforms/*.js) and keeps it read. A platform's
   * `recognise` answers true (a thread Candor can read), null (not a post page: stay quiet), or the
   * message key of why a post page can't be read (sent as PageUnreadable once it stays so). `options.data` replaces
   * the platform's data (tests drop one selector to check the fallbacks).
   */
  function start(platform, options = {}) {
    const data = options.data ?? platform.data;
    const ctxKey = `content/${platform.name}`;
    const pageUrl = () => location.href.split("#")[0];
    let url = null;
    // "reading"; "waiting" (a post page whose layout is not found yet); "unreadable" (said so);
    // "idle" (not a post page at all: the feed, a profile; nothing to say, keep watching).
    let status = "waiting";
    let waitingSince = 0;
    let unreadableTimer = 0;
    let recheckTimer = 0;
    const queue = new Set(); // comment roots to read (again)
    const records = new Map(); // id -> record last sent
    const verdicts = new Map(); // id -> verdict
    const rootIds = new Map(); // root element -> id it showed when last read
    const rootsById = new Map(); // id -> Set of root elements showing it
    // Figures for the benchmark (tests/js/bench_readers.mjs): work done and the longest stretch
    // of it without yielding to the page.
    const stats = { reads: 0, slices: 0, longestSliceMs: 0, longestObserverMs: 0, readMs: 0, drawMs: 0, sent: 0 };
    let outgoing = [];
    let working = false;
    let sending = Promise.resolve();
    let reportedReadError = false;
    let reportedDrawError = false;
    let msPerComment = 0.5; // Learnt from each slice: the cost of reading and drawing one comment.

    function candidatesIn(node, into) {
      if (node.nodeType !== 1 || isBadge(node)) return;
      for (const selector of data.selectors.comment) {
        if (Candor.dom.matches(node, selector)) into.add(node);
        for (const el of Candor.dom.queryAll(node, selector)) into.add(el);
      }
    }

    function enqueue(node) {
      const root = node && platform.rootOf(node, data);
      if (root) queue.add(root);
    }

    function enqueueAll(node) {
      const found = new Set();
      candidatesIn(node, found);
      for (const el of found) enqueue(el);
    }

    function begin() {
      url = pageUrl();
      queue.clear();
      records.clear();
      outgoing = [];
      for (const root of rootIds.keys()) Candor.badges.remove(root);
      rootIds.clear();
      rootsById.clear();
      status = "waiting";
      waitingSince = performance.now();
      clearTimeout(unreadableTimer);
      unreadableTimer = setTimeout(recheck, UNREADABLE_AFTER_MS + 10);
      recheck();
    }

    /** Is the page one we can read yet? After UNREADABLE_AFTER_MS without it, say so once. */
    function recheck() {
      recheckTimer = 0;
      if (status === "reading") return;
      let recognised;
      try {
        recognised = platform.recognise(document, location, data);
      } catch (error) {
        reportError(ctxKey, error);
        recognised = "readerLayoutUnknown";
      }
      if (recognised === null) {
        clearTimeout(unreadableTimer);
        status = "idle";
      } else if (recognised === true) {
        clearTimeout(unreadableTimer);
        status = "reading";
        send(message(Request.PageOpened, { url, platform: platform.name }));
        enqueueAll(document.documentElement);
        kick();
      } else if (status === "idle") {
        // It was not a post page and now shows one's layout hints but not a known one: wait again.
        status = "waiting";
        waitingSince = performance.now();
        unreadableTimer = setTimeout(recheck, UNREADABLE_AFTER_MS + 10);
      } else if (status === "waiting" && performance.now() - waitingSince >= UNREADABLE_AFTER_MS) {
        status = "unreadable";
        send(message(Request.PageUnreadable, { url, platform: platform.name, reason: t(recognised) }));
      }
    }

    function onMutations(mutations) {
      const began = performance.now();
      try {
        takeMutations(mutations);
      } catch (error) {
        reportError(ctxKey, error);
      }
      stats.longestObserverMs = Math.max(stats.longestObserverMs, performance.now() - began);
    }

    function takeMutations(mutations) {
      if (pageUrl() !== url) return begin();
      if (status !== "reading") {
        if (!recheckTimer) recheckTimer = setTimeout(recheck, 250);
        return;
      }
      for (const m of mutations) {
        if (m.type === "childList") {
          const added = [...m.addedNodes];
          const removed = [...m.removedNodes];
          const onlyOurs = added.every(isBadge) && removed.every(isBadge);
          if (onlyOurs && added.length) continue; // Our own badge going in.
          for (const node of added) enqueueAll(node);
          enqueue(m.target.nodeType === 1 ? m.target : m.target.parentElement);
        } else {
          enqueue(m.target.nodeType === 1 ? m.target : m.target.parentElement);
        }
      }
      kick();
    }

    function kick() {
      if (working || status !== "reading" || !queue.size) return;
      working = true;
      work().finally(() => {
        working = false;
        if (queue.size) kick();
      });
    }

    /**
     * Reads what is queued, a slice at a time. Each slice first reads (the page's style is clean
     * after the frame the browser just drew, so reading it costs little), then draws all its badges
     * at once, so the page's style is invalidated once per slice, not once per comment.
     */
    async function work() {
      let first = true;
      while (queue.size && status === "reading") {
        // Never inside the observer's callback: the page goes first, then its idle time; the rest of
        // the burst in short slices, one page task apart (an idle wait per slice made a burst of 20
        // new comments take up to a second on a busy page).
        const budget = await (first ? yieldToPage() : yieldOneTask());
        first = false;
        const began = performance.now();
        let ctx;
        try {
          ctx = platform.context(document, location, data);
        } catch (error) {
          reportError(ctxKey, error);
          queue.clear();
          break;
        }
        const toDraw = [];
        // Drawing comes after reading, so the reading budget also leaves room for it: at most as
        // many comments as the last slices could read and draw in the budget.
        const most = Math.max(4, Math.floor(budget / msPerComment));
        let taken = 0;
        for (const root of queue) {
          queue.delete(root);
          taken += 1;
          const record = readOne(root, ctx);
          if (record) toDraw.push([root, record, verdicts.get(record.id)]);
          if (taken >= most || performance.now() - began > budget) break;
        }
        const drawBegan = performance.now();
        drawSafely(toDraw);
        const spent = performance.now() - began;
        stats.readMs += drawBegan - began;
        stats.drawMs += spent - (drawBegan - began);
        msPerComment = 0.7 * msPerComment + 0.3 * Math.max(0.05, spent / taken);
        stats.slices += 1;
        stats.longestSliceMs = Math.max(stats.longestSliceMs, spent);
        // One message per full batch or per burst, not per slice: every message costs the background
        // a round of work and wakes the side panel, and hundreds of them made a long thread slow.
        if (outgoing.length >= BATCH_SIZE || !queue.size) flush();
      }
      flush();
    }

    function forget(root) {
      const old = rootIds.get(root);
      if (old === undefined) return;
      rootIds.delete(root);
      rootsById.get(old)?.delete(root);
    }

    function readOne(root, ctx) {
      if (!root.isConnected) return forget(root);
      let record = null;
      try {
        const read = platform.read(root, ctx, data);
        record = read && globalThis.CandorParse.limitRecord(read);
      } catch (error) {
        if (!reportedReadError) reportError(ctxKey, error);
        reportedReadError = true;
      }
      stats.reads += 1;
      if (!record) {
        // A recycled cell that now holds something else: its badge goes.
        if (rootIds.has(root)) Candor.badges.remove(root);
        return forget(root);
      }
      if (rootIds.get(root) !== record.id) {
        forget(root);
        rootIds.set(root, record.id);
        if (!rootsById.has(record.id)) rootsById.set(record.id, new Set());
        rootsById.get(record.id).add(root);
      }
      const before = records.get(record.id);
      if (!before || !sameRecord(before, record)) {
        records.set(record.id, record);
        outgoing.push(record);
      }
      return record;
    }

    function flush() {
      while (outgoing.length) {
        const batch = outgoing.slice(0, BATCH_SIZE);
        outgoing = outgoing.slice(BATCH_SIZE);
        const forUrl = url;
        stats.sent += batch.length;
        sending = sending.then(() => deliver(forUrl, batch));
      }
    }

    async function deliver(forUrl, batch) {
      const reply = await send(message(Request.CommentsRead, { url: forUrl, comments: batch }));
      if (forUrl !== url) return;
      if (reply?.type !== Response.Verdicts) {
        if (reply?.type === Response.Error) reportError(ctxKey, `${reply.code}: ${reply.message}`);
        return;
      }
      const toDraw = [];
      for (const v of reply.verdicts) {
        verdicts.set(v.id, v);
        for (const root of rootsById.get(v.id) ?? []) {
          const record = records.get(v.id);
          if (root.isConnected && record) toDraw.push([root, record, v]);
        }
      }
      drawSafely(toDraw);
    }

    /** Draws badges; a failure is reported once and never thrown into the page. */
    function drawSafely(items) {
      try {
        Candor.badges.drawMany(items, platform);
      } catch (error) {
        if (!reportedDrawError) reportError(`${ctxKey}/badges`, error);
        reportedDrawError = true;
      }
    }

    /**
     * ScrollToComment from the side panel: brings the comment into view and outlines it for a
     * moment. Answers {ok} or {ok: false, reason} in the person's language; the comment may have
     * left the page (X unloads what is far off screen).
     */
    function scrollToComment(id) {
      const root = [...(rootsById.get(id) ?? [])].find((el) => el.isConnected);
      if (!root) {
        return records.has(id) ? { ok: false, reason: t("scrollGone") } : { ok: false, reason: t("scrollUnknown") };
      }
      root.scrollIntoView({ block: "center", behavior: "instant" });
      Candor.badges.flash(root);
      return { ok: true };
    }

    function onCommand(msg, sender, sendResponse) {
      // Only the extension itself can reach this listener; still, answer only what we know.
      if (!msg || msg.v !== PROTOCOL_VERSION || msg.type !== Command.ScrollToComment) return false;
      if (typeof msg.id !== "string" || !msg.id) {
        sendResponse({ ok: false, reason: t("scrollUnknown") });
        return false;
      }
      try {
        sendResponse(scrollToComment(msg.id));
      } catch (error) {
        reportError(ctxKey, error);
        sendResponse({ ok: false, reason: String(error?.message ?? error) });
      }
      return false;
    }

    try {
      api.runtime.onMessage?.addListener(onCommand);
      new MutationObserver(onMutations).observe(document.documentElement, {
        childList: true,
        subtree: true,
        characterData: true,
        attributes: true,
        attributeFilter: ["href", "datetime", "aria-label", "data-id", "componentkey", "tabindex"],
      });
      setInterval(() => {
        if (pageUrl() !== url) begin();
      }, URL_CHECK_MS);
      begin();
    } catch (error) {
      reportError(ctxKey, error);
    }
    return { stats, records, verdicts, scrollToComment };
  }

  Object.assign(Candor, { start, send, reportError, api, t });
})();
