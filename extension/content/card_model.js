// The guidance card's pure decisions, kept apart from the DOM so node can test them: where the card
// goes beside its comment, how Tab cycles inside it, which key opens it, how the engine's guidance
// becomes what the card shows (validated: the card draws only what it understood), and the colours
// it derives from the page's own. A classic script: it defines globalThis.CandorCardModel.
(() => {
  /** Message keys of the engine's actions and priorities (protocol: snake_case names). */
  const ACTION_KEY = {
    answer_publicly: "cardActionAnswerPublicly",
    move_to_private: "cardActionMoveToPrivate",
    answer_question: "cardActionAnswerQuestion",
    thank: "cardActionThank",
    do_not_engage: "cardActionDoNotEngage",
    hide: "cardActionHide",
    escalate: "cardActionEscalate",
    no_reply_needed: "cardActionNoReplyNeeded",
  };
  const PRIORITY_KEY = {
    now: "cardPriorityNow",
    today: "cardPriorityToday",
    when_possible: "cardPriorityWhenPossible",
    none: "cardPriorityNone",
  };
  /** The engine writes 3 to 6 points; more than this is not a card any more. */
  const MAX_POINTS = 8;
  /** Longest text the card shows for one point, reason or opening line. */
  const MAX_TEXT = 1200;

  const clip = (value) => (typeof value === "string" ? value.slice(0, MAX_TEXT) : "");

  /**
   * What the card shows for the engine's `guidance`, or null when it is not guidance at all.
   * Points without text are dropped; a rule id that is not a P-number is shown as "?" rather than
   * trusted; `why` is kept only in trainee mode.
   */
  function cardView(guidance, trainee) {
    if (!guidance || typeof guidance !== "object" || !Array.isArray(guidance.points)) return null;
    const points = guidance.points
      .filter((p) => p && typeof p.text === "string" && p.text.trim())
      .slice(0, MAX_POINTS)
      .map((p) => ({
        rule: typeof p.rule === "string" && /^P\d{1,2}$/.test(p.rule) ? p.rule : "?",
        text: clip(p.text),
        why: trainee && typeof p.why === "string" && p.why.trim() ? clip(p.why) : null,
      }));
    const opening = typeof guidance.opening === "string" && guidance.opening.trim() ? clip(guidance.opening) : null;
    return {
      lang: guidance.lang === "fr" ? "fr" : "en",
      category: typeof guidance.category === "string" ? guidance.category : "neutral",
      actionKey: ACTION_KEY[guidance.action] ?? null,
      priorityKey: PRIORITY_KEY[guidance.priority] ?? null,
      urgent: guidance.priority === "now",
      points,
      opening,
    };
  }

  /**
   * Where the card goes: under its anchor (the badge), its right edge on the anchor's, or above
   * when it fits only there; when it fits on neither side, on the side with more room, as tall as
   * that room (it scrolls inside), so it never covers the badge row. Always inside the viewport,
   * `margin` from its edges. Rects are viewport coordinates; the answer is {left, top, maxHeight}.
   */
  function placeCard(anchor, size, viewport, margin = 8) {
    const gap = 6;
    const whole = Math.max(80, viewport.height - 2 * margin);
    const maxLeft = viewport.width - size.width - margin;
    const left = Math.round(Math.max(margin, Math.min(anchor.right - size.width, maxLeft)));
    const below = anchor.bottom + gap;
    const roomBelow = viewport.height - margin - below;
    const roomAbove = anchor.top - gap - margin;
    if (size.height <= roomBelow) return { left, top: Math.round(below), maxHeight: whole };
    if (size.height <= roomAbove) return { left, top: Math.round(anchor.top - gap - size.height), maxHeight: whole };
    // Too little room on both sides (a tiny window, or the badge off screen): cover, but stay in.
    if (Math.max(roomBelow, roomAbove) < 120) return { left, top: margin, maxHeight: whole };
    if (roomBelow >= roomAbove) return { left, top: Math.round(below), maxHeight: Math.floor(roomBelow) };
    return { left, top: margin, maxHeight: Math.floor(roomAbove) };
  }

  /** The index Tab (or Shift+Tab when `backwards`) moves to among `count` controls, wrapping. */
  function nextFocus(count, current, backwards) {
    if (count <= 0) return -1;
    if (current < 0 || current >= count) return backwards ? count - 1 : 0;
    return (current + (backwards ? count - 1 : 1)) % count;
  }

  /** Alt+Shift+G, by physical key (a Mac's Option changes the character) or by letter. */
  function isOpenShortcut(e) {
    if (!e || !e.altKey || !e.shiftKey || e.ctrlKey || e.metaKey) return false;
    return e.code === "KeyG" || (typeof e.key === "string" && e.key.toLowerCase() === "g");
  }

  /** "rgb(r, g, b)" or "rgba(r, g, b, a)" as [r, g, b], or null. */
  function parseRgb(colour) {
    const m = /^rgba?\(\s*(\d+(?:\.\d+)?)[\s,]+(\d+(?:\.\d+)?)[\s,]+(\d+(?:\.\d+)?)/.exec(colour ?? "");
    return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
  }

  /** `colour` with opacity `alpha` (for borders and quiet text); black at that opacity if unreadable. */
  function withAlpha(colour, alpha) {
    const [r, g, b] = parseRgb(colour) ?? [0, 0, 0];
    return `rgba(${Math.round(r)}, ${Math.round(g)}, ${Math.round(b)}, ${alpha})`;
  }

  /** Whether a background colour is dark (relative luminance under 0.4): the card's shadow deepens. */
  function isDark(colour) {
    const rgb = parseRgb(colour);
    if (!rgb) return false;
    const [r, g, b] = rgb.map((v) => {
      const c = v / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.4;
  }

  globalThis.CandorCardModel = Object.freeze({ cardView, placeCard, nextFocus, isOpenShortcut, withAlpha, isDark, parseRgb, ACTION_KEY, PRIORITY_KEY });
})();
