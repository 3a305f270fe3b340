// Draws a comment's badge: a small chip with the engine's category; on hover or keyboard focus a
// panel with the flags and the cues (the words that led to the verdict). Each badge lives in a
// closed shadow root, styled through CSSOM properties (a page's style-src may block a <style>
// element; property writes are not blocked); the visible panel is one overlay for the page. The host is absolutely positioned and zero-sized, so the page's
// layout never moves; it never takes focus by itself; it takes the page's text colour and
// background, so it follows a light or dark theme. Comment text only ever goes in as text.
(() => {
  const Candor = globalThis.Candor;
  const P = globalThis.CandorParse;
  const t = (key, ...subs) => Candor.t(key, ...subs);

  const LABEL_KEY = {
    complaint: "categoryComplaint",
    question: "categoryQuestion",
    praise: "categoryPraise",
    troll: "categoryTroll",
    spam: "categorySpam",
    neutral: "categoryNeutral",
  };
  const FLAG_KEY = { abusive: "flagAbusive", profanity: "flagProfanity", personal_data: "flagPersonalData", urgent: "flagUrgent" };
  // Mid-tone hues that read on a white and on a black background alike.
  const HUE = { complaint: "#e8590c", question: "#1c7ed6", praise: "#2f9e44", troll: "#ae3ec9", spam: "#868e96", neutral: "#868e96" };

  const entries = new WeakMap(); // comment root -> { host, chip, dot, label, details, key }
  let panelSeq = 0;
  let theme = null;
  let themeAt = 0;

  /** The page's background and text colour, read at most once a second (X switches themes live). */
  function pageTheme(near) {
    const now = performance.now();
    if (theme && now - themeAt < 1000) return theme;
    let background = "rgb(255, 255, 255)";
    for (let el = near; el; el = el.parentElement) {
      const bg = getComputedStyle(el).backgroundColor;
      if (bg && bg !== "transparent" && !/rgba\(.*,\s*0\)$/.test(bg)) {
        background = bg;
        break;
      }
    }
    if (background === "rgb(255, 255, 255)") {
      const bodyBg = document.body ? getComputedStyle(document.body).backgroundColor : "";
      if (bodyBg && !/rgba\(.*,\s*0\)$/.test(bodyBg) && bodyBg !== "transparent") background = bodyBg;
    }
    theme = { background, color: getComputedStyle(near).color };
    themeAt = now;
    return theme;
  }

  /**
   * The visible details panel: one for the page, in its own closed shadow root on the document
   * element, fixed over everything, so no comment, cell or stacking context of the site can cover
   * or clip it. It shows a copy of the hovered or focused badge's details, placed under its chip,
   * and hides when the page scrolls. Hidden from assistive tech: the badge's own details serve them.
   */
  const overlay = (() => {
    let host = null;
    let panel = null;
    let owner = null;
    function ensure() {
      if (host?.isConnected) return;
      host = document.createElement("span");
      host.setAttribute("data-candor-overlay", "");
      host.setAttribute("aria-hidden", "true");
      Object.assign(host.style, { position: "fixed", top: "0", left: "0", width: "0", height: "0", zIndex: "2147483647", pointerEvents: "none" });
      const shadow = host.attachShadow({ mode: "closed" });
      panel = document.createElement("div");
      Object.assign(panel.style, {
        display: "none",
        position: "fixed",
        boxSizing: "border-box",
        width: "max-content",
        maxWidth: "320px",
        whiteSpace: "normal",
        overflowWrap: "anywhere",
        font: "400 12px/1.4 system-ui, -apple-system, 'Segoe UI', sans-serif",
        padding: "8px 10px",
        borderRadius: "8px",
        border: "1px solid currentColor",
        boxShadow: "0 2px 8px rgba(0, 0, 0, 0.25)",
        textAlign: "start",
      });
      shadow.append(panel);
      document.documentElement.append(host);
      addEventListener("scroll", onScroll, { capture: true, passive: true });
    }
    function onScroll() {
      hide(owner);
      if (flashRoot && flashBox?.style.display === "block") place(flashRoot);
    }
    function show(chip, details, root) {
      ensure();
      owner = chip;
      const { background, color } = pageTheme(root);
      panel.replaceChildren(...[...details.childNodes].map((n) => n.cloneNode(true)));
      Object.assign(panel.style, { display: "block", background, color, left: "0px", top: "0px" });
      const at = chip.getBoundingClientRect();
      const { width, height } = panel.getBoundingClientRect();
      const left = Math.min(Math.max(8, at.right - width), innerWidth - width - 8);
      const below = at.bottom + 4;
      const top = below + height > innerHeight - 8 && at.top - height - 4 > 8 ? at.top - height - 4 : below;
      Object.assign(panel.style, { left: `${Math.max(0, left)}px`, top: `${top}px` });
    }
    function hide(chip) {
      if (panel && chip && owner === chip) {
        panel.style.display = "none";
        owner = null;
      }
    }
    /** A verdict arrived while its badge's details are shown: show the new ones. */
    function refresh(chip, details) {
      if (owner === chip && panel) panel.replaceChildren(...[...details.childNodes].map((n) => n.cloneNode(true)));
    }
    /** Outlines a comment's box for a moment (after the side panel asked to scroll to it). */
    let flashBox = null;
    let flashRoot = null;
    let flashTimer = 0;
    function place(root) {
      const at = root.getBoundingClientRect();
      Object.assign(flashBox.style, { left: `${at.left - 4}px`, top: `${at.top - 4}px`, width: `${at.width + 8}px`, height: `${at.height + 8}px` });
    }
    function flash(root) {
      ensure();
      if (!flashBox) {
        flashBox = document.createElement("div");
        Object.assign(flashBox.style, { position: "fixed", boxSizing: "border-box", border: "3px solid #e8590c", borderRadius: "8px", pointerEvents: "none", display: "none" });
        panel.getRootNode().append(flashBox);
      }
      flashRoot = root;
      flashBox.style.display = "block";
      place(root);
      clearTimeout(flashTimer);
      flashTimer = setTimeout(() => {
        flashBox.style.display = "none";
        flashRoot = null;
      }, 1600);
    }
    return { show, hide, refresh, flash };
  })();

  /** Keeps the page's own handlers (open the post, keyboard shortcuts) from reacting to the badge. */
  function shield(el) {
    for (const type of ["click", "mousedown", "mouseup", "pointerdown", "pointerup", "dblclick", "keyup", "keypress"]) {
      el.addEventListener(type, (e) => e.stopPropagation());
    }
    el.addEventListener("keydown", (e) => {
      if (e.key !== "Tab") e.stopPropagation();
    });
  }

  function create(root, platform, positioned) {
    const host = document.createElement("span");
    host.setAttribute("data-candor-badge", "");
    const place = platform.data.badge ?? {};
    Object.assign(host.style, {
      position: "absolute",
      width: "0",
      height: "0",
      overflow: "visible",
      zIndex: "1",
      margin: "0",
      padding: "0",
      border: "0",
      pointerEvents: "none",
    });
    if (positioned) Object.assign(host.style, { top: place.top ?? "4px", right: place.right ?? "8px" });
    const shadow = host.attachShadow({ mode: "closed" });

    const chip = document.createElement("button");
    chip.type = "button";
    Object.assign(chip.style, {
      position: "absolute",
      top: "0",
      [positioned ? "right" : "left"]: "0",
      display: "inline-flex",
      alignItems: "center",
      gap: "4px",
      whiteSpace: "nowrap",
      font: "600 11px/16px system-ui, -apple-system, 'Segoe UI', sans-serif",
      color: "inherit",
      background: "transparent",
      padding: "0 6px",
      borderRadius: "8px",
      border: "1px solid currentColor",
      opacity: "0.8",
      cursor: "default",
      pointerEvents: "auto",
      margin: "0",
    });
    const dot = document.createElement("span");
    Object.assign(dot.style, { width: "7px", height: "7px", borderRadius: "50%", display: "inline-block", flex: "none" });
    dot.setAttribute("aria-hidden", "true");
    const label = document.createElement("span");
    chip.append(dot, label);

    // What a screen reader hears after the name: the flags and the cues, kept in the badge's own
    // shadow root (aria-describedby cannot reach another one) and hidden from sight.
    const details = document.createElement("div");
    details.id = `candor-details-${(panelSeq += 1)}`;
    Object.assign(details.style, {
      position: "absolute",
      width: "1px",
      height: "1px",
      overflow: "hidden",
      clipPath: "inset(50%)",
      whiteSpace: "nowrap",
    });
    chip.setAttribute("aria-describedby", details.id);
    chip.setAttribute("aria-expanded", "false");
    shadow.append(chip, details);

    let pinned = false;
    const show = () => overlay.show(chip, details, root);
    const hide = () => {
      if (!pinned) overlay.hide(chip);
    };
    chip.addEventListener("mouseenter", show);
    chip.addEventListener("focus", show);
    chip.addEventListener("mouseleave", hide);
    chip.addEventListener("blur", () => {
      pinned = false;
      chip.setAttribute("aria-expanded", "false");
      hide();
    });
    chip.addEventListener("click", (e) => {
      e.preventDefault();
      // The guidance card (card.js), when it is there, is what a click or Enter/Space opens.
      if (Candor.card && host.dataset.candorId) {
        pinned = false;
        overlay.hide(chip);
        return Candor.card.open({ root, anchor: chip, id: host.dataset.candorId });
      }
      pinned = !pinned;
      chip.setAttribute("aria-expanded", String(pinned));
      if (pinned) show();
      else hide();
    });
    chip.addEventListener("keydown", (e) => {
      if (e.key === "Escape") {
        pinned = false;
        chip.setAttribute("aria-expanded", "false");
        overlay.hide(chip);
      }
    });
    shield(chip);

    platform.badgeHost(root).append(host);
    return { host, chip, dot, label, details, key: null };
  }

  function fillDetails(panel, record, verdict, categoryLabel) {
    panel.replaceChildren();
    const line = (text, weight = "400") => {
      const p = document.createElement("div");
      p.style.fontWeight = weight;
      p.textContent = text;
      panel.append(p);
      return p;
    };
    line(categoryLabel, "600");
    if (!verdict) return;
    const flags = (verdict.flags ?? []).map((f) => t(FLAG_KEY[f] ?? f));
    line(flags.length ? t("badgeFlags", flags.join(", ")) : t("badgeNoFlags"));
    const cues = (verdict.cues ?? []).filter((c) => P.sliceChars(record.text, c.start, c.end));
    if (cues.length) {
      line(t("badgeCues"), "600").style.marginTop = "4px";
      const list = document.createElement("ul");
      Object.assign(list.style, { margin: "0", paddingInlineStart: "16px" });
      for (const cue of cues.slice(0, 8)) {
        const item = document.createElement("li");
        const words = document.createElement("q");
        words.textContent = P.sliceChars(record.text, cue.start, cue.end).slice(0, 120);
        words.dir = "auto";
        item.append(words, document.createTextNode(cue.reason ? ` — ${cue.reason}` : ""));
        list.append(item);
      }
      panel.append(list);
    }
    if (record.truncated) line(t("badgeTruncated")).style.marginTop = "4px";
  }

  const needsHost = (root) => {
    const entry = entries.get(root);
    return !entry || !entry.host.isConnected || !root.contains(entry.host);
  };

  /**
   * Draws or updates the badges of `items` ([root, record, verdict]); a no-op for those whose
   * shown state did not change. Reads every layout fact first, then writes, so the page's style
   * is computed once for the whole batch.
   */
  function drawMany(items, platform) {
    const positioned = items.map(([root]) => (needsHost(root) ? getComputedStyle(root).position !== "static" : null));
    items.forEach(([root, record, verdict], i) => draw(root, platform, record, verdict, positioned[i]));
  }

  function draw(root, platform, record, verdict, positioned) {
    let entry = entries.get(root);
    if (needsHost(root)) {
      if (entry?.host.isConnected) entry.host.remove();
      entry = create(root, platform, positioned ?? getComputedStyle(root).position !== "static");
      entries.set(root, entry);
    }
    const category = verdict?.category;
    const key = JSON.stringify([record.id, record.text.length, record.truncated, category, verdict?.flags, verdict?.cues]);
    if (entry.key === key) return;
    entry.key = key;
    const categoryLabel = category ? t(LABEL_KEY[category] ?? "categoryNeutral") : t("categoryPending");
    entry.label.textContent = categoryLabel;
    entry.dot.style.background = category ? HUE[category] ?? HUE.neutral : "transparent";
    entry.dot.style.border = category ? "0" : "1px solid currentColor";
    entry.host.dataset.candorCategory = category ?? "pending";
    entry.host.dataset.candorId = record.id;
    const flags = (verdict?.flags ?? []).map((f) => t(FLAG_KEY[f] ?? f));
    const name = flags.length ? `${categoryLabel}, ${flags.join(", ")}` : categoryLabel;
    entry.chip.setAttribute("aria-label", t("badgeLabel", name));
    fillDetails(entry.details, record, verdict, categoryLabel);
    overlay.refresh(entry.chip, entry.details);
  }

  function remove(root) {
    const entry = entries.get(root);
    if (entry) {
      overlay.hide(entry.chip);
      entry.host.remove();
    }
    entries.delete(root);
  }

  /** The comment whose badge `node` is, or that `node` sits in: {root, chip, id}, or null. */
  function entryFor(node) {
    for (let n = node; n; n = n.parentElement) {
      const entry = entries.get(n);
      if (entry?.host.isConnected && entry.host.dataset.candorId) return { root: n, chip: entry.chip, id: entry.host.dataset.candorId };
    }
    return null;
  }

  Candor.badges = { draw, drawMany, remove, entryFor, flash: (root) => overlay.flash(root) };
})();
