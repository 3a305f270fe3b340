// The small generic code that applies a platform's data to a page: try each selector of a role in
// order (stable ones first, fallbacks after), keep only what belongs to one comment, read visible
// text. A platform file (platforms/*.js) holds the knowledge; this file holds none.
(() => {
  const Candor = (globalThis.Candor ??= {});

  /** querySelectorAll that never throws (a selector a browser can't parse counts as no match). */
  function queryAll(root, selector) {
    try {
      return root.querySelectorAll(selector);
    } catch {
      return [];
    }
  }

  function matches(el, selector) {
    try {
      return el.matches(selector);
    } catch {
      return false;
    }
  }

  /** Does `el` match any selector of the list? */
  function matchesAny(el, selectors) {
    return selectors.some((s) => matches(el, s));
  }

  /** The nearest ancestor-or-self of `el` matching any selector of the list. */
  function closestAny(el, selectors) {
    let best = null;
    for (const s of selectors) {
      let hit = null;
      try {
        hit = el.closest(s);
      } catch {
        continue;
      }
      if (hit && (!best || best.contains(hit))) best = hit;
    }
    return best;
  }

  /**
   * Every element found by the first selector of the list that finds any, optionally keeping only
   * those `keep` accepts (e.g. "belongs to this comment, not to a reply nested in it").
   */
  function allOf(root, selectors, keep = () => true) {
    for (const s of selectors) {
      const found = [...queryAll(root, s)].filter(keep);
      if (found.length) return found;
    }
    return [];
  }

  /** The first element of the first selector that finds one (see allOf). */
  function firstOf(root, selectors, keep) {
    return allOf(root, selectors, keep)[0] ?? null;
  }

  const SKIP_TAGS = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "SVG", "svg", "BUTTON"]);
  // Tags that break a line. Not DIV: X wraps an inline @mention in a div, and Facebook's paragraphs
  // are separate blocks the platform reader joins itself.
  const BLOCK_TAGS = new Set(["P", "LI", "BR", "UL", "OL", "BLOCKQUOTE", "H1", "H2", "H3", "H4"]);

  /**
   * The visible text of `el`: text nodes, emoji images as their alt text, a line break between
   * blocks. Skips scripts, styles, buttons (the site's own "See more"), Candor's own badges and
   * anything `skip` rejects.
   */
  function textOf(el, skip = () => false) {
    let out = "";
    const walk = (node) => {
      for (const child of node.childNodes) {
        if (child.nodeType === 3) {
          out += child.data;
        } else if (child.nodeType === 1) {
          if (SKIP_TAGS.has(child.tagName) || child.hasAttribute("data-candor-badge") || skip(child)) continue;
          if (child.getAttribute("aria-hidden") === "true" && child.tagName !== "IMG") continue;
          if (child.tagName === "IMG") {
            out += child.getAttribute("alt") ?? "";
            continue;
          }
          const block = BLOCK_TAGS.has(child.tagName);
          if (block && out && !out.endsWith("\n")) out += "\n";
          walk(child);
          if (block && !out.endsWith("\n")) out += "\n";
        }
      }
    };
    walk(el);
    return globalThis.CandorParse.tidyText(out);
  }

  /** A copy of a platform's data with one selector of one role removed (robustness tests). */
  function withoutSelector(data, role, index) {
    const selectors = { ...data.selectors, [role]: data.selectors[role].filter((_, i) => i !== index) };
    return { ...data, selectors };
  }

  Candor.dom = Object.freeze({ queryAll, matches, matchesAny, closestAny, allOf, firstOf, textOf, withoutSelector });
  Candor.platforms ??= {};
})();
