// The guidance card: opened from a comment's badge (click, Enter or Space) or with Alt+Shift+G on a
// focused comment, it asks the engine for that comment's guidance and shows what to do, how soon,
// the points with their practice rule ids (and, in trainee mode, each reason), and the suggested
// opening line with a copy button. Candor never writes into the site's editor.
//
// One card for the page, reused: a fixed, zero-sized host on the document element (the page's
// layout never moves) with an OPEN shadow root marked `data-candor-card`, so WebDriver and
// assistive tech can read it. The trade-off: the page's scripts could read it too; it holds only
// guidance about a comment the page already shows, never anything the page does not know apart
// from the fact that Candor is in use (which the badges already reveal). Styled through CSSOM
// properties, which a page's style-src cannot block. Text only ever goes in as text.
(() => {
  const Candor = globalThis.Candor;
  const M = globalThis.CandorCardModel;
  const { message, Request, Response } = globalThis.CandorProtocol;
  const t = (key, ...subs) => Candor.t(key, ...subs);
  const api = globalThis.browser ?? globalThis.chrome;
  const TRAINEE_KEY = "candorTraineeMode";
  const FONT = "system-ui, -apple-system, 'Segoe UI', sans-serif";
  const CATEGORY_KEY = {
    complaint: "categoryComplaint",
    question: "categoryQuestion",
    praise: "categoryPraise",
    troll: "categoryTroll",
    spam: "categorySpam",
    neutral: "categoryNeutral",
  };

  let trainee = false;
  let traineeLoaded = null;
  /** The open card: { id, anchor, returnTo, guidance, request } or null. */
  let current = null;
  let requestSeq = 0;
  let ui = null;

  function loadTrainee() {
    traineeLoaded ??= (async () => {
      try {
        const got = await api.storage.local.get(TRAINEE_KEY);
        trainee = got?.[TRAINEE_KEY] === true;
      } catch {
        trainee = false; // No storage (a test page): the switch still works for this page.
      }
    })();
    return traineeLoaded;
  }

  function saveTrainee() {
    try {
      const done = api.storage.local.set({ [TRAINEE_KEY]: trainee });
      done?.catch?.(() => {});
    } catch {
      // Remembered for this page only.
    }
  }

  function el(tag, style = {}, text) {
    const node = document.createElement(tag);
    Object.assign(node.style, style);
    if (text !== undefined) node.textContent = text;
    return node;
  }

  const BUTTON = {
    font: `600 12px/18px ${FONT}`,
    color: "inherit",
    background: "transparent",
    border: "1px solid currentColor",
    borderRadius: "6px",
    padding: "2px 10px",
    margin: "0",
    cursor: "pointer",
  };

  /** Builds the host, its shadow root and the card's fixed parts, once. */
  function ensureUi() {
    if (ui?.host.isConnected) return ui;
    const host = el("span", { position: "fixed", top: "0", left: "0", width: "0", height: "0", zIndex: "2147483647", margin: "0", padding: "0", border: "0" });
    host.setAttribute("data-candor-card", "");
    const shadow = host.attachShadow({ mode: "open" });

    const dialog = el("div", {
      display: "none",
      position: "fixed",
      boxSizing: "border-box",
      width: "min(380px, calc(100vw - 16px))",
      overflowY: "auto",
      padding: "14px 16px 12px",
      borderRadius: "12px",
      font: `400 13px/1.45 ${FONT}`,
      textAlign: "start",
      whiteSpace: "normal",
      overflowWrap: "anywhere",
      outline: "none",
    });
    dialog.setAttribute("role", "dialog");
    dialog.setAttribute("aria-modal", "true");
    dialog.tabIndex = -1;
    dialog.setAttribute("aria-labelledby", "candor-card-title");
    dialog.setAttribute("aria-describedby", "candor-card-summary");

    const header = el("div", { display: "flex", alignItems: "baseline", gap: "8px", marginBottom: "8px" });
    const title = el("h2", { font: `700 14px/1.3 ${FONT}`, margin: "0", flex: "1" });
    title.id = "candor-card-title";
    const close = el("button", { ...BUTTON, border: "0", padding: "0 6px", font: `400 18px/20px ${FONT}` }, "×");
    close.type = "button";
    close.setAttribute("aria-label", t("cardClose"));
    close.title = t("cardClose");
    close.dataset.candorCardClose = "";
    header.append(title, close);

    const summary = el("div", { display: "flex", flexWrap: "wrap", gap: "4px 12px", marginBottom: "10px" });
    summary.id = "candor-card-summary";
    const status = el("p", { margin: "4px 0" });
    status.setAttribute("role", "status");
    const points = el("ol", { margin: "0 0 10px", padding: "0", listStyle: "none", display: "grid", gap: "8px" });
    points.dataset.candorCardPoints = "";
    const opening = el("section", { display: "none", margin: "0 0 10px", padding: "8px 10px", borderRadius: "8px" });
    const openingLabel = el("div", { font: `600 12px/1.4 ${FONT}`, marginBottom: "4px" });
    openingLabel.id = "candor-card-opening-label";
    const openingText = el("p", { margin: "0 0 6px", fontStyle: "italic" });
    openingText.dataset.candorCardOpening = "";
    const copy = el("button", BUTTON);
    copy.type = "button";
    copy.dataset.candorCardCopy = "";
    const copied = el("span", { marginInlineStart: "8px", fontSize: "12px" });
    copied.setAttribute("role", "status");
    opening.setAttribute("aria-labelledby", openingLabel.id);
    opening.append(openingLabel, openingText, copy, copied);

    const footer = el("div", { display: "flex", alignItems: "center", gap: "8px", flexWrap: "wrap", paddingTop: "8px" });
    const traineeSwitch = el("button", { ...BUTTON, display: "inline-flex", alignItems: "center", gap: "6px", fontWeight: "400" });
    traineeSwitch.type = "button";
    traineeSwitch.setAttribute("role", "switch");
    traineeSwitch.dataset.candorCardTrainee = "";
    const knob = el("span", { width: "22px", height: "12px", borderRadius: "6px", border: "1px solid currentColor", position: "relative", display: "inline-block", boxSizing: "border-box" });
    const dot = el("span", { position: "absolute", top: "1px", width: "8px", height: "8px", borderRadius: "50%", background: "currentColor" });
    knob.append(dot);
    knob.setAttribute("aria-hidden", "true");
    const traineeLabel = el("span", {}, t("cardTrainee"));
    traineeSwitch.append(knob, traineeLabel);
    const hint = el("span", { fontSize: "11px", flex: "1", textAlign: "end" }, t("cardHint"));
    footer.append(traineeSwitch, hint);

    dialog.append(header, summary, status, points, opening, footer);
    shadow.append(dialog);
    document.documentElement.append(host);

    // The page's own handlers (X's keyboard shortcuts, its click-to-open-post) never see what is
    // meant for the card; Tab and Escape are handled here first.
    for (const type of ["click", "mousedown", "mouseup", "pointerdown", "pointerup", "dblclick", "keyup", "keypress", "keydown", "focusin", "focusout"]) {
      host.addEventListener(type, (e) => e.stopPropagation());
    }
    dialog.addEventListener("keydown", onKeydown);
    close.addEventListener("click", () => closeCard(true));
    copy.addEventListener("click", copyOpening);
    traineeSwitch.addEventListener("click", () => {
      trainee = !trainee;
      saveTrainee();
      render();
    });
    ui = { host, shadow, dialog, title, close, summary, status, points, opening, openingLabel, openingText, copy, copied, traineeSwitch, knob, dot, hint };
    return ui;
  }

  /** The controls Tab moves between, in order. */
  function focusables() {
    return [ui.close, ui.opening.style.display === "none" ? null : ui.copy, ui.traineeSwitch].filter(Boolean);
  }

  function onKeydown(e) {
    if (e.key === "Escape") {
      e.preventDefault();
      closeCard(true);
    } else if (e.key === "Tab") {
      e.preventDefault();
      const list = focusables();
      const i = M.nextFocus(list.length, list.indexOf(ui.shadow.activeElement), e.shiftKey);
      list[i]?.focus();
    }
  }

  /** Takes the page's colours where the comment is, like the badges do. */
  function applyTheme(root) {
    let background = "";
    for (let node = root; node; node = node.parentElement) {
      const bg = getComputedStyle(node).backgroundColor;
      if (bg && bg !== "transparent" && !/rgba\(.*,\s*0\)$/.test(bg)) {
        background = bg;
        break;
      }
    }
    if (!background) {
      const bodyBg = document.body ? getComputedStyle(document.body).backgroundColor : "";
      background = bodyBg && bodyBg !== "transparent" && !/rgba\(.*,\s*0\)$/.test(bodyBg) ? bodyBg : "rgb(255, 255, 255)";
    }
    const color = getComputedStyle(root ?? document.body).color || "rgb(15, 20, 25)";
    const dark = M.isDark(background);
    Object.assign(ui.dialog.style, {
      background,
      color,
      border: `1px solid ${M.withAlpha(color, 0.25)}`,
      boxShadow: dark ? "0 6px 24px rgba(0, 0, 0, 0.7)" : "0 6px 24px rgba(0, 0, 0, 0.18)",
      colorScheme: dark ? "dark" : "light",
      // A scrollbar in the page's colours (Firefox otherwise draws a light track on a dark card).
      scrollbarColor: `${M.withAlpha(color, 0.35)} transparent`,
    });
    ui.opening.style.background = M.withAlpha(color, 0.06);
    ui.hint.style.color = M.withAlpha(color, 0.65);
    ui.theme = { color, dark };
  }

  function place() {
    if (!current || !ui) return;
    const anchorRect = (current.anchor?.isConnected ? current.anchor : current.root)?.getBoundingClientRect();
    if (!anchorRect) return;
    // The natural height (scrollHeight ignores max-height; +2 for the border), so a card capped
    // once can grow back when there is room.
    const width = ui.dialog.getBoundingClientRect().width;
    const at = M.placeCard(anchorRect, { width, height: ui.dialog.scrollHeight + 2 }, { width: innerWidth, height: innerHeight });
    Object.assign(ui.dialog.style, { left: `${at.left}px`, top: `${at.top}px`, maxHeight: `${at.maxHeight}px` });
  }

  let placeQueued = false;
  function queuePlace() {
    if (placeQueued) return;
    placeQueued = true;
    requestAnimationFrame(() => {
      placeQueued = false;
      place();
    });
  }

  function pill(text, style = {}) {
    return el("span", { font: `600 12px/18px ${FONT}`, ...style }, text);
  }

  /** Draws the card's body from `current` (loading, error or guidance). */
  function render() {
    if (!current || !ui) return;
    ui.traineeSwitch.setAttribute("aria-checked", String(trainee));
    ui.dot.style.left = trainee ? "11px" : "1px";
    ui.knob.style.background = trainee ? M.withAlpha(ui.theme?.color, 0.2) : "transparent";
    ui.summary.replaceChildren();
    ui.points.replaceChildren();
    ui.copied.textContent = "";
    const view = current.guidance ? M.cardView(current.guidance, trainee) : null;
    ui.dialog.dataset.state = current.error ? "error" : view ? "ready" : "loading";
    ui.dialog.setAttribute("aria-busy", String(!current.error && !view));
    ui.title.textContent = view ? t("cardTitleFor", t(CATEGORY_KEY[view.category] ?? "categoryNeutral")) : t("cardTitle");
    if (!view) {
      ui.status.style.display = "block";
      ui.status.textContent = current.error ? t("cardUnavailable", current.error) : t("cardLoading");
      ui.opening.style.display = "none";
      place();
      return;
    }
    ui.status.style.display = "none";
    ui.status.textContent = "";
    if (view.actionKey) ui.summary.append(pill(t("cardAction", t(view.actionKey))));
    if (view.priorityKey) {
      const p = pill(t("cardPriority", t(view.priorityKey)));
      if (view.urgent) Object.assign(p.style, { color: "#e8590c" });
      ui.summary.append(p);
    }
    // The guidance is in the comment's language, whatever the browser's: say so to screen readers.
    ui.points.lang = view.lang;
    ui.openingText.lang = view.lang;
    for (const point of view.points) {
      const item = el("li", { display: "grid", gridTemplateColumns: "auto 1fr", gap: "2px 8px", alignItems: "baseline" });
      item.dataset.rule = point.rule;
      const rule = el("span", {
        font: `700 11px/16px ui-monospace, SFMono-Regular, Menlo, monospace`,
        minWidth: "3.2em",
        boxSizing: "border-box",
        textAlign: "center",
        padding: "0 4px",
        borderRadius: "4px",
        border: `1px solid ${M.withAlpha(ui.theme?.color, 0.35)}`,
      }, point.rule);
      rule.setAttribute("aria-label", t("cardRule", point.rule));
      const text = el("span", {}, point.text);
      text.dir = "auto";
      item.append(rule, text);
      if (point.why) {
        const why = el("span", { gridColumn: "2", fontSize: "12px", color: M.withAlpha(ui.theme?.color, 0.72) }, t("cardWhy", point.why));
        why.dataset.candorCardWhy = "";
        why.dir = "auto";
        item.append(why);
      }
      ui.points.append(item);
    }
    if (view.opening) {
      ui.opening.style.display = "block";
      ui.openingLabel.textContent = t("cardOpening");
      ui.openingText.textContent = view.opening;
      ui.openingText.dir = "auto";
      ui.copy.textContent = t("cardCopy");
    } else {
      ui.opening.style.display = "none";
    }
    // Placed now, not on the next frame: the card is never seen (or read) overflowing the window.
    place();
  }

  async function copyOpening() {
    const text = current?.guidance?.opening;
    if (!text) return;
    let ok = false;
    try {
      await navigator.clipboard.writeText(text);
      ok = true;
    } catch {
      // Older engines or a page that forbids the clipboard API: copy through a selected textarea
      // inside the card's own shadow root (never the site's editor).
      const area = el("textarea", { position: "fixed", opacity: "0", width: "1px", height: "1px" });
      area.value = text;
      ui.dialog.append(area);
      area.select();
      try {
        ok = document.execCommand("copy");
      } catch {
        ok = false;
      }
      area.remove();
      ui.copy.focus();
    }
    ui.copied.textContent = ok ? t("cardCopied") : t("cardCopyFailed");
  }

  async function fetchGuidance() {
    const seq = (requestSeq += 1);
    const id = current.id;
    const reply = await Candor.send(message(Request.Guide, { url: location.href.split("#")[0], id, now_ms: Date.now() }));
    if (!current || seq !== requestSeq) return; // Closed, or another comment's card since.
    if (reply?.type === Response.Guidance && reply.id === id && M.cardView(reply.guidance, false)) {
      current.guidance = reply.guidance;
      current.error = null;
    } else {
      current.error = reply?.type === Response.Error ? String(reply.message ?? reply.code) : t("cardNoAnswer");
    }
    render();
  }

  function onOutsidePointer(e) {
    if (current && ui && !e.composedPath().includes(ui.host)) closeCard(false);
  }

  /**
   * Opens the card for the comment `id` shown in `root`, beside `anchor` (its badge's chip); focus
   * goes back to `returnTo` when the card is closed with Esc or its close button.
   */
  async function open({ root, anchor, id, returnTo }) {
    if (!id) return;
    ensureUi();
    current = { id, root, anchor, returnTo: returnTo ?? anchor, guidance: null, error: null };
    ui.host.dataset.candorFor = id;
    applyTheme(root);
    ui.dialog.style.display = "block";
    render();
    place();
    ui.dialog.focus({ preventScroll: true });
    addEventListener("scroll", queuePlace, { capture: true, passive: true });
    addEventListener("resize", queuePlace, { passive: true });
    addEventListener("pointerdown", onOutsidePointer, true);
    await loadTrainee();
    if (current?.id === id) render();
    await fetchGuidance();
  }

  /** Closes the card; with `restoreFocus`, focus goes back where it came from (the badge). */
  function closeCard(restoreFocus) {
    if (!current || !ui) return;
    const back = current.returnTo;
    current = null;
    requestSeq += 1;
    ui.dialog.style.display = "none";
    delete ui.host.dataset.candorFor;
    removeEventListener("scroll", queuePlace, { capture: true });
    removeEventListener("resize", queuePlace);
    removeEventListener("pointerdown", onOutsidePointer, true);
    if (restoreFocus && back?.isConnected) back.focus({ preventScroll: true });
  }

  /** Alt+Shift+G on a focused comment (or its badge): that comment's card. */
  function onShortcut(e) {
    if (!M.isOpenShortcut(e)) return;
    const found = Candor.badges?.entryFor?.(document.activeElement);
    if (!found) return;
    e.preventDefault();
    e.stopPropagation();
    // A focused badge shows as its host (a closed shadow root): focus goes back to its chip.
    const focused = document.activeElement;
    const returnTo = focused?.hasAttribute?.("data-candor-badge") ? found.chip : focused;
    open({ root: found.root, anchor: found.chip, id: found.id, returnTo });
  }
  addEventListener("keydown", onShortcut, true);
  // Trainee mode switched in another tab: this page's card follows.
  try {
    api.storage?.onChanged?.addListener((changes, area) => {
      if (area !== "local" || !(TRAINEE_KEY in changes)) return;
      trainee = changes[TRAINEE_KEY].newValue === true;
      render();
    });
  } catch {
    // No storage events (a test page): the switch still works here.
  }

  Candor.card = { open, close: () => closeCard(true), isOpen: () => current !== null };
})();
