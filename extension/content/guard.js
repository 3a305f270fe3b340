// The delete guard in the page. When the person opens a comment's menu, Candor remembers which
// comment it was; when they then pick Delete, Hide or Remove (or Supprimer, Masquer, Retirer), the
// click is held in the capture phase and the engine decides (GuardCheck): a complaint or a question
// gets a dialog explaining why removing legitimate criticism backfires (P6), with "reply instead"
// or "go ahead" with a reason; spam and abuse pass at once with a short note (P7). The original
// action is only ever carried out by replaying the person's own click on the same menu item, with a
// one-time pass. Every decision goes to the engine's audit log (LogDecision). Nothing leaves the
// browser.
(() => {
  const Candor = globalThis.Candor;
  const coach = Candor?.coach;
  if (!coach || globalThis.__candorGuardStarted) return;
  globalThis.__candorGuardStarted = true;
  const { message, Request, Response } = globalThis.CandorProtocol;
  const { dom } = Candor;
  const t = (key, ...subs) => Candor.t(key, ...subs);
  const known = coach.known;
  const ctx = `content/${coach.platformName}/guard`;
  const pageUrl = () => location.href.split("#")[0];

  /** A menu opened this long ago no longer speaks for the item clicked. */
  const MENU_MEMORY_MS = 60_000;
  /** The reasons offered for going ahead, as message keys. */
  const REASONS = ["guardReasonAnswered", "guardReasonPersonalData", "guardReasonOffTopic", "guardReasonOwnMistake"];

  let openedMenu = null; // { comment, at }
  let passItem = null; // the item whose next click is the replay of the person's own
  let busy = false; // a held click is being decided; other removals wait

  function log(comment, action, held, outcome, reason = null) {
    Candor.send(
      message(Request.LogDecision, { url: pageUrl(), id: comment.id, action, held, outcome, reason, time_ms: Date.now() }),
    );
  }

  /** Carries out the person's action: their click again, let through once. */
  function replay(item) {
    passItem = item;
    try {
      item.click();
    } finally {
      passItem = null;
    }
  }

  function onClick(event) {
    try {
      const target = event.target?.nodeType === 1 ? event.target : event.target?.parentElement;
      if (!target) return;
      const item = dom.closestAny(target, known.menuItem);
      if (item) return onMenuItem(event, item);
      const button = dom.closestAny(target, known.menuButton);
      if (button) openedMenu = { button, comment: coach.commentAt(button), at: performance.now() };
    } catch (error) {
      Candor.reportError?.(ctx, error);
    }
  }

  /**
   * The comment whose menu is open: the one whose button was clicked last, unless that was long
   * ago or its button says its menu is closed (the sites keep aria-expanded), so a menu Candor did
   * not see open (a keyboard shortcut) is never put down to another comment.
   */
  function menuComment() {
    if (!openedMenu || performance.now() - openedMenu.at > MENU_MEMORY_MS) return null;
    const { button } = openedMenu;
    if (button.isConnected && button.getAttribute("aria-expanded") === "false") return null;
    return openedMenu.comment;
  }

  function onMenuItem(event, item) {
    if (item === passItem) return; // Our replay of the person's click: let it through.
    const action = Candor.removalOf(item.textContent);
    const comment = menuComment();
    if (!action || !comment) return; // Not a removal, or a menu Candor did not see open.
    event.preventDefault();
    event.stopImmediatePropagation();
    if (busy) return;
    busy = true;
    decide(item, action, comment).finally(() => {
      busy = false;
    });
  }

  async function decide(item, action, comment) {
    const reply = await Candor.send(message(Request.GuardCheck, { url: pageUrl(), id: comment.id, action }));
    if (reply?.type !== Response.GuardDecision || !reply.hold) {
      if (reply?.note === "harms_community") note(t("guardNoteHarms", reply.rule ?? "P7"));
      log(comment, action, false, "carried_out");
      replay(item);
      return;
    }
    const choice = await dialog(action, comment, reply);
    if (choice.outcome === "carried_out") {
      log(comment, action, true, "carried_out", choice.reason);
      replay(item);
    } else {
      log(comment, action, true, choice.outcome);
      if (choice.outcome === "replied_instead") focusReply(comment);
    }
  }

  /** Brings up the reply editor of `comment` (on the person's click): an open one, else its Reply control. */
  function focusReply(comment) {
    const open = [...dom.queryAll(document, known.editor.join(","))].find((e) => coach.commentAt(e)?.id === comment.id);
    if (open) return open.focus();
    const root = comment.root;
    if (!root?.isConnected) return;
    // The comment's own Reply control (not a nested reply's): by its test id, label or text.
    const isReply = (b) =>
      b.matches('[data-testid="reply"]') ||
      /^(reply|répondre)\b/iu.test(b.getAttribute("aria-label") ?? "") ||
      /^(reply|répondre)$/iu.test(b.textContent.trim());
    const button = dom.allOf(root, known.replyButton, (b) => coach.commentAt(b)?.id === comment.id && isReply(b))[0];
    root.scrollIntoView({ block: "center", behavior: "instant" });
    button?.click();
  }

  // ---- what the person sees -------------------------------------------------------------------

  /** A host for Candor's own layer: fixed, in its own shadow root, its events kept from the page. */
  function layer(attr, mode = "closed") {
    const host = document.createElement("div");
    host.setAttribute(attr, "");
    Object.assign(host.style, { position: "fixed", inset: "0", zIndex: "2147483647", pointerEvents: "none" });
    // The page must not take a click in Candor's dialog for a click outside its menu (that would
    // close the menu the person's item belongs to).
    for (const type of ["click", "mousedown", "mouseup", "pointerdown", "pointerup", "keydown", "keyup", "focusin", "focusout", "input"]) {
      host.addEventListener(type, (e) => e.stopPropagation());
    }
    const shadow = host.attachShadow({ mode });
    document.documentElement.append(host);
    return { host, shadow };
  }

  function pageColours() {
    const bodyBg = document.body ? getComputedStyle(document.body).backgroundColor : "";
    const dark = /rgb\((\d+), (\d+), (\d+)\)/.exec(bodyBg);
    const isDark = dark && (Number(dark[1]) + Number(dark[2]) + Number(dark[3])) / 3 < 100;
    return isDark ? { background: "rgb(22, 24, 28)", color: "rgb(231, 233, 234)" } : { background: "rgb(255, 255, 255)", color: "rgb(15, 20, 25)" };
  }

  /** A short note that goes away by itself (P7: moderating harm is fine). */
  function note(text) {
    const { host, shadow } = layer("data-candor-guard-note");
    const box = document.createElement("div");
    box.setAttribute("role", "status");
    box.textContent = text;
    const { background, color } = pageColours();
    Object.assign(box.style, {
      position: "fixed", bottom: "16px", left: "50%", transform: "translateX(-50%)", maxWidth: "420px",
      font: "400 13px/1.4 system-ui, sans-serif", padding: "8px 12px", borderRadius: "8px",
      border: "1px solid currentColor", background, color, boxShadow: "0 2px 8px rgba(0,0,0,.25)",
    });
    shadow.append(box);
    setTimeout(() => host.remove(), 5000);
  }

  const ACTION_KEY = { delete: "guardActionDelete", hide: "guardActionHide", remove: "guardActionRemove" };

  /** The dialog for legitimate criticism; resolves to {outcome, reason}. */
  function dialog(action, comment, decision) {
    return new Promise((resolve) => {
      const before = document.activeElement;
      // Open, so WebDriver tests (and assistive tools that inspect the DOM) can reach its controls;
      // it holds only Candor's own words and the author's name the page already shows.
      const { host, shadow } = layer("data-candor-guard-dialog", "open");
      host.setAttribute("data-comment-id", comment.id);
      const { background, color } = pageColours();
      const backdrop = document.createElement("div");
      Object.assign(backdrop.style, { position: "fixed", inset: "0", background: "rgba(0,0,0,.45)", pointerEvents: "auto", display: "flex", alignItems: "center", justifyContent: "center" });
      const box = document.createElement("div");
      box.setAttribute("role", "alertdialog");
      box.setAttribute("aria-modal", "true");
      box.setAttribute("aria-labelledby", "candor-guard-title");
      box.setAttribute("aria-describedby", "candor-guard-why");
      Object.assign(box.style, {
        boxSizing: "border-box", width: "min(460px, calc(100vw - 32px))", maxHeight: "calc(100vh - 32px)", overflow: "auto",
        font: "400 14px/1.45 system-ui, -apple-system, 'Segoe UI', sans-serif", padding: "16px 18px", borderRadius: "12px",
        background, color, border: "1px solid currentColor", boxShadow: "0 8px 28px rgba(0,0,0,.35)",
      });
      const title = document.createElement("h2");
      title.id = "candor-guard-title";
      title.textContent = t("guardTitle", comment.author || "");
      Object.assign(title.style, { font: "600 16px/1.3 system-ui, -apple-system, 'Segoe UI', sans-serif", margin: "0 0 8px" });
      const why = document.createElement("p");
      why.id = "candor-guard-why";
      why.textContent = `${decision.rule ?? "P6"} · ${t("guardWhy")}`;
      why.style.margin = "0 0 12px";

      const btn = (key, primary) => {
        const b = document.createElement("button");
        b.type = "button";
        b.textContent = t(key, t(ACTION_KEY[action]));
        Object.assign(b.style, {
          font: "600 13px/1 system-ui, -apple-system, 'Segoe UI', sans-serif", padding: "8px 12px", borderRadius: "999px", cursor: "pointer", margin: "0 8px 8px 0",
          border: "1px solid currentColor", background: primary ? color : "transparent", color: primary ? background : color,
        });
        return b;
      };
      const replyButton = btn("guardReplyInstead", true);
      replyButton.setAttribute("data-choice", "reply");

      const fieldset = document.createElement("fieldset");
      Object.assign(fieldset.style, { border: "1px solid currentColor", borderRadius: "8px", margin: "8px 0 12px", padding: "8px 10px" });
      const legend = document.createElement("legend");
      legend.textContent = t("guardReasonLegend");
      fieldset.append(legend);
      let chosen = null;
      const other = document.createElement("input");
      other.type = "text";
      other.maxLength = 300;
      other.setAttribute("aria-label", t("guardReasonOther"));
      other.placeholder = t("guardReasonOther");
      Object.assign(other.style, { width: "100%", boxSizing: "border-box", font: "inherit", marginTop: "4px", padding: "4px 6px", color, background, border: "1px solid currentColor", borderRadius: "6px" });
      const goAhead = btn("guardGoAhead", false);
      goAhead.setAttribute("data-choice", "go-ahead");
      goAhead.disabled = true;
      goAhead.style.opacity = "0.5";
      const update = () => {
        const reason = chosen === "other" ? other.value.trim() : chosen ? t(chosen) : "";
        goAhead.disabled = !reason;
        goAhead.style.opacity = reason ? "1" : "0.5";
        return reason;
      };
      for (const key of [...REASONS, "other"]) {
        const label = document.createElement("label");
        label.style.display = "block";
        const radio = document.createElement("input");
        radio.type = "radio";
        radio.name = "candor-reason";
        radio.value = key;
        radio.addEventListener("change", () => {
          chosen = key;
          update();
          if (key === "other") other.focus();
        });
        label.append(radio, " ", key === "other" ? t("guardReasonOtherLabel") : t(key));
        fieldset.append(label);
      }
      other.addEventListener("input", () => {
        if (other.value.trim()) {
          chosen = "other";
          const radio = fieldset.querySelector('input[value="other"]');
          if (radio) radio.checked = true;
        }
        update();
      });
      fieldset.append(other);
      const cancel = btn("guardCancel", false);
      cancel.setAttribute("data-choice", "cancel");

      const finish = (outcome, reason = null) => {
        host.remove();
        document.removeEventListener("keydown", onKey, true);
        if (outcome !== "replied_instead" && before?.isConnected && typeof before.focus === "function") before.focus({ preventScroll: true });
        resolve({ outcome, reason });
      };
      const onKey = (e) => {
        if (e.key === "Escape") {
          e.stopPropagation();
          finish("cancelled");
        }
      };
      replyButton.addEventListener("click", () => finish("replied_instead"));
      goAhead.addEventListener("click", () => {
        const reason = update();
        if (reason) finish("carried_out", reason);
      });
      cancel.addEventListener("click", () => finish("cancelled"));
      box.addEventListener("keydown", onKey);
      document.addEventListener("keydown", onKey, true);

      const actions = document.createElement("div");
      actions.append(replyButton, goAhead, cancel);
      box.append(title, why, fieldset, actions);
      backdrop.append(box);
      shadow.append(backdrop);
      host.setAttribute("data-rule", decision.rule ?? "");
      replyButton.focus(); // The dialog answers the person's own click: focus moves into it.
    });
  }

  try {
    document.addEventListener("click", onClick, true);
  } catch (error) {
    Candor.reportError?.(ctx, error);
  }
})();
