// The reply coach in the page: when the person writes in a platform's own reply editor, finds the
// comment being answered, asks the engine to check the draft (debounced) and shows its warnings in
// a compact panel by the editor — rule id, the words concerned, a one-line reason. It only reads
// the editor (its paragraphs' text, observed through `input` and a MutationObserver): it never
// writes into it, never moves focus or the caret, never cancels a key. The panel lives in its own
// shadow root on the document element, fixed over the page, so the page's layout never moves.
(() => {
  const Candor = globalThis.Candor;
  if (!Candor?.editors || globalThis.__candorCoachStarted) return;
  const { message, Request, Response } = globalThis.CandorProtocol;
  const t = (key, ...subs) => Candor.t(key, ...subs);

  /** How long typing must pause before the draft is checked. */
  const DEBOUNCE_MS = 100;

  const HOSTS = [
    [/(^|\.)(x|twitter)\.com$/, "x"],
    [/(^|\.)facebook\.com$/, "facebook"],
    [/(^|\.)linkedin\.com$/, "linkedin"],
  ];
  const name = HOSTS.find(([re]) => re.test(location.hostname))?.[1];
  const platform = name && Candor.platforms?.[name];
  const known = name && Candor.editors[name];
  if (!platform || !known) return;
  globalThis.__candorCoachStarted = true;
  const data = platform.data;
  const { dom } = Candor;
  const pageUrl = () => location.href.split("#")[0];

  /** The comment a root element shows ({root, id, author}), or null (context, unreadable). */
  function recordOf(root) {
    try {
      const record = platform.read(root, platform.context(document, location, data), data);
      return record ? { root, id: record.id, author: record.author } : null;
    } catch (error) {
      Candor.reportError?.(`content/${name}/coach`, error);
      return null;
    }
  }

  const isComment = (el) => platform.rootOf(el, data) === el;
  /** Comment roots inside `el`, in document order, outermost first. */
  function rootsIn(el) {
    const found = [];
    for (const selector of data.selectors.comment) {
      for (const candidate of dom.queryAll(el, selector)) {
        const root = platform.rootOf(candidate, data);
        if (root && el.contains(root) && !found.includes(root)) found.push(root);
      }
    }
    return found.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  }

  /**
   * The comment an element (an editor, a menu button) belongs to: the comment it sits inside, else
   * the one its area comes right after. Walking up from the element, at each level the nearest
   * earlier sibling that is a comment wins (Facebook's reply box after its comment, X's main box
   * after the opened post, which reads as context: none); failing that, the nearest earlier
   * sibling holding comments gives its first (X's inline reply cell after the reply it answers).
   * The walk stops at the platform's scope (a dialog, the main column).
   */
  function commentAt(el) {
    const inside = platform.rootOf(el, data);
    if (inside) return recordOf(inside);
    for (let node = el; node && node !== document.body && node !== document.documentElement; node = node.parentElement) {
      let holder = null;
      for (let s = node.previousElementSibling; s; s = s.previousElementSibling) {
        if (isComment(s)) return recordOf(s);
        if (!holder && rootsIn(s).length) holder = s;
      }
      if (holder) return recordOf(rootsIn(holder)[0]);
      if (dom.matchesAny(node, known.scope)) break;
    }
    return null;
  }

  /** The editor element an event target is in, when it is a reply editor Candor knows. */
  const editorOf = (target) => (target?.nodeType === 1 ? dom.closestAny(target, known.editor) : null);

  /** The draft as typed: each paragraph's text on its own line (read only, never changed). */
  function readDraft(editor) {
    const blocks = dom.allOf(editor, known.paragraph);
    let text = blocks.map((b) => b.textContent).join("\n");
    // Text typed outside the blocks (an editor not yet set up): the whole editor's text then.
    if (text.replace(/\n/g, "").length < editor.textContent.length) text = editor.innerText ?? editor.textContent;
    return text.replace(/\u200b/g, "").trim();
  }

  // ---- the panel ------------------------------------------------------------------------------

  const panel = (() => {
    let host = null;
    let box = null;
    let list = null;
    let anchor = null;
    function ensure() {
      if (host?.isConnected) return;
      host = document.createElement("div");
      host.setAttribute("data-candor-coach", "");
      Object.assign(host.style, { position: "fixed", top: "0", left: "0", width: "0", height: "0", zIndex: "2147483646", pointerEvents: "none" });
      const shadow = host.attachShadow({ mode: "closed" });
      box = document.createElement("section");
      box.setAttribute("role", "status");
      box.setAttribute("aria-live", "polite");
      box.setAttribute("aria-label", t("coachPanelTitle"));
      Object.assign(box.style, {
        display: "none",
        position: "fixed",
        boxSizing: "border-box",
        maxWidth: "420px",
        font: "400 12px/1.4 system-ui, -apple-system, 'Segoe UI', sans-serif",
        padding: "6px 10px",
        borderRadius: "8px",
        border: "1px solid currentColor",
        boxShadow: "0 2px 8px rgba(0, 0, 0, 0.25)",
        pointerEvents: "auto",
        overflowWrap: "anywhere",
      });
      const title = document.createElement("div");
      title.textContent = t("coachPanelTitle");
      Object.assign(title.style, { fontWeight: "600", marginBottom: "2px" });
      list = document.createElement("ul");
      Object.assign(list.style, { margin: "0", padding: "0 0 0 2px", listStyle: "none" });
      box.append(title, list);
      shadow.append(box);
      document.documentElement.append(host);
    }
    function colours(near) {
      let background = "rgb(255, 255, 255)";
      for (let el = near; el; el = el.parentElement) {
        const bg = getComputedStyle(el).backgroundColor;
        if (bg && bg !== "transparent" && !/rgba\(.*,\s*0\)$/.test(bg)) {
          background = bg;
          break;
        }
      }
      return { background, color: getComputedStyle(near).color };
    }
    function place() {
      if (!anchor?.isConnected || box.style.display === "none") return;
      const r = anchor.getBoundingClientRect();
      const height = box.offsetHeight;
      const below = r.bottom + 4;
      const top = below + height > innerHeight && r.top - height - 4 > 0 ? r.top - height - 4 : below;
      box.style.top = `${Math.round(top)}px`;
      box.style.left = `${Math.round(Math.max(4, Math.min(r.left, innerWidth - box.offsetWidth - 4)))}px`;
      box.style.width = `${Math.round(Math.min(420, Math.max(220, r.width)))}px`;
    }
    function show(editor, draft, warnings) {
      ensure();
      anchor = editor;
      list.replaceChildren();
      const chars = Array.from(draft); // The engine's offsets count Unicode scalar values, not UTF-16 units.
      for (const w of warnings) {
        const item = document.createElement("li");
        item.style.margin = "2px 0";
        const rule = document.createElement("strong");
        rule.textContent = w.rule;
        item.append(rule, " ");
        const words = chars.slice(w.start, w.end).join("");
        if (words && w.end - w.start < chars.length) {
          const quote = document.createElement("q");
          quote.dir = "auto";
          quote.textContent = words.length > 80 ? `${words.slice(0, 79)}…` : words;
          item.append(quote, " — ");
        }
        item.append(w.message);
        list.append(item);
      }
      const { background, color } = colours(editor);
      Object.assign(box.style, { display: warnings.length ? "block" : "none", background, color });
      host.setAttribute("data-rules", warnings.map((w) => w.rule).join(" "));
      host.setAttribute("data-state", warnings.length ? "warnings" : "clear");
      place();
    }
    function hide() {
      if (!host) return;
      box.style.display = "none";
      list.replaceChildren();
      host.setAttribute("data-rules", "");
      host.setAttribute("data-state", "hidden");
      anchor = null;
    }
    addEventListener("scroll", place, { passive: true, capture: true });
    addEventListener("resize", place, { passive: true });
    return { show, hide };
  })();

  // ---- watching the editor --------------------------------------------------------------------

  let active = null; // { editor, comment, observer }
  let timer = 0;
  let asked = 0; // Sequence of Coach requests: only the latest answer is drawn.

  function attach(editor) {
    if (active?.editor === editor) return;
    detach();
    const comment = commentAt(editor);
    const observer = new MutationObserver(schedule);
    observer.observe(editor, { childList: true, characterData: true, subtree: true });
    active = { editor, comment, observer };
    warmUp(comment);
    schedule();
  }

  let warmed = false;
  /**
   * The engine's first check of a draft builds the coach's word lists (about half a second in
   * wasm); doing it once when the person first enters a reply editor keeps that cost out of the
   * time between their last keystroke and the warning. The answer is not shown.
   */
  function warmUp(comment) {
    if (warmed || !comment) return;
    warmed = true;
    Candor.send(message(Request.Coach, { url: pageUrl(), id: comment.id, draft: "Thanks, merci." }));
  }

  function detach() {
    if (!active) return;
    active.observer.disconnect();
    active = null;
    clearTimeout(timer);
    panel.hide();
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(check, DEBOUNCE_MS);
  }

  async function check() {
    const current = active;
    if (!current) return;
    if (!current.editor.isConnected) return detach();
    // The comment is found again when it was not yet read (the page was still loading).
    if (!current.comment) current.comment = commentAt(current.editor);
    const draft = readDraft(current.editor);
    if (!current.comment || !draft) return panel.hide();
    const seq = ++asked;
    const reply = await Candor.send(message(Request.Coach, { url: pageUrl(), id: current.comment.id, draft }));
    if (seq !== asked || active !== current) return;
    if (reply?.type === Response.Warnings) panel.show(current.editor, draft, reply.warnings);
    else panel.hide(); // The comment is not (yet) known to the engine: nothing to say.
  }

  function onFocusIn(event) {
    const editor = editorOf(event.target);
    if (editor) attach(editor);
  }

  function onInput(event) {
    if (active && active.editor.contains(event.target)) schedule();
    else {
      const editor = editorOf(event.target);
      if (editor) attach(editor);
    }
  }

  function onFocusOut() {
    // Keep the panel while the person reads it; drop it when the editor leaves the page or empties.
    setTimeout(() => {
      if (active && !active.editor.isConnected) detach();
    }, 0);
  }

  try {
    document.addEventListener("focusin", onFocusIn, true);
    document.addEventListener("input", onInput, true);
    document.addEventListener("focusout", onFocusOut, true);
    const focused = editorOf(document.activeElement);
    if (focused) attach(focused);
  } catch (error) {
    Candor.reportError?.(`content/${name}/coach`, error);
  }

  Candor.coach = Object.freeze({ commentAt, readDraft, editorOf, platformName: name, known });
})();
