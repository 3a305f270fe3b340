// LinkedIn posts, on both front-ends LinkedIn serves at once: v1 (Ember/BEM,
// `article.comments-comment-entity[data-id="urn:li:comment:(activity:N,M)"]`) and v2 (SDUI,
// `[componentkey="replaceableComment_urn:li:comment:(urn:li:activity:N,M)"]` on three nested
// elements: one comment, keyed by its URN, read from the outermost). Knowledge as data; BEM class
// names of v1 are stable names, v2's hashed classes are never used.
(() => {
  const { dom } = globalThis.Candor;
  const P = globalThis.CandorParse;

  const data = {
    selectors: {
      page: [
        ".comments-comments-list",
        ".comments-comment-list__container",
        ".feed-shared-update-v2__comments-container",
        'div[data-component-type="LazyColumn"][data-testid*="commentList"]',
        '[data-testid*="commentList"]',
        '[data-sdui-screen*="feed.UpdateDetail"]',
      ],
      comment: [
        "article.comments-comment-entity[data-id]",
        'article[data-id^="urn:li:comment:"]',
        '[componentkey^="replaceableComment_urn:li:comment:"]',
        '[componentkey*="replaceableComment_urn:li:comment:"]',
        '[id^="replaceableComment_urn:li:comment:"]',
        ".comments-comment-item[data-id]",
      ],
      authorName: [
        ".comments-comment-meta__description-title",
        'a[data-view-name="comment-actor-description"] p',
        'a[data-view-name="reply-actor-description"] p',
        "h3.comments-comment-meta__description span",
        'a[data-view-name$="-actor-description"] p',
        ".comments-post-meta__name-text",
      ],
      authorLink: [
        "a.comments-comment-meta__description-container[href]",
        "a.comments-comment-meta__image-link[href]",
        'a[data-view-name="comment-actor-description"][href]',
        'a[data-view-name="reply-actor-description"][href]',
        'a[data-view-name="comment-actor-picture"][href]',
        'a[data-view-name="reply-actor-picture"][href]',
        'a[href*="/in/"], a[href*="/company/"]',
      ],
      text: [
        ".comments-comment-item__main-content",
        ".comments-comment-entity__content .update-components-text",
        '[data-testid="expandable-text-box"]',
        '[data-testid^="expandable-text"]',
      ],
      seeMore: ["button", 'button[type="button"]', '[role="button"]'],
      authorBadge: [
        ".comments-comment-meta__badge",
        'a[data-view-name="comment-actor-description"] p',
        'a[data-view-name="reply-actor-description"] p',
        // Last resort: any short label of the comment that reads exactly "Author".
        "span, p",
      ],
      // v1 has <time>; v2 shows the relative time in a plain <p> ("2h", "1 sem.").
      time: ["time", ".comments-comment-meta__data", "p", "p, span"],
    },
    // Attributes that carry a comment's URN, in the order they are trusted.
    urnAttributes: ["data-id", "componentkey", "id"],
    strings: {
      seeMore: ["…more", "… more", "...more", "see more", "See more", "…plus", "… plus", "voir plus", "Voir plus"],
      authorBadge: ["Author", "Auteur", "Auteure"],
      // The "• 1st", "• You", "Verified" decorations LinkedIn runs into the author's name.
      nameNoise: [/\s*[•·]\s*(?:1st|2nd|3rd\+?|3e\+?|1er|2e|You|Vous|Out of network|Hors réseau)\s*$/u, /\s*(?:Verified|Vérifié|Premium)(?: Profile| profile)?\s*$/u],
      relativeTime: /^\d+\s?(?:[smhdwy]|mo|min|sem\.?|j|h|an|ans|mois)$/iu,
    },
    postUrl: /^\/(?:feed\/update|posts|embed\/feed\/update)\//,
    badge: { top: "4px", right: "44px" },
  };

  function urnOf(el, d) {
    for (const attr of d.urnAttributes) {
      const urn = P.liCommentUrn(el.getAttribute(attr));
      if (urn) return urn;
    }
    return null;
  }

  /** The outermost element of a node's nearest comment (v2 repeats the key on 3 nested elements). */
  function owner(node, d) {
    let el = node.nodeType === 1 ? node : node.parentElement;
    let hit = el && dom.closestAny(el, d.selectors.comment);
    if (!hit) return null;
    const urn = urnOf(hit, d);
    if (!urn) return null;
    for (let up = hit.parentElement && dom.closestAny(hit.parentElement, d.selectors.comment); up; up = up.parentElement && dom.closestAny(up.parentElement, d.selectors.comment)) {
      if (urnOf(up, d) !== urn) break;
      hit = up;
    }
    return hit;
  }
  const own = (root, d) => (node) => owner(node, d) === root;

  function authorOf(root, d) {
    const el = dom.firstOf(root, d.selectors.authorName, (n) => own(root, d)(n) && dom.textOf(n) !== "" && !d.strings.authorBadge.includes(dom.textOf(n)));
    let name = el ? dom.textOf(el).split("\n")[0] : "";
    for (const noise of d.strings.nameNoise) name = name.replace(noise, "");
    const link = dom.firstOf(root, d.selectors.authorLink, own(root, d));
    return { name: name.trim(), url: link ? P.cleanProfileUrl(link.getAttribute("href"), location.origin) : null };
  }

  function textOf(root, d) {
    const el = dom.firstOf(root, d.selectors.text, own(root, d));
    if (!el) return { text: "", truncated: false };
    const skip = (n) => dom.matchesAny(n, d.selectors.seeMore);
    let text = dom.textOf(el, skip);
    let truncated = dom
      .allOf(root, d.selectors.seeMore, own(root, d))
      .some((b) => d.strings.seeMore.some((m) => b.textContent.trim().toLowerCase() === m.toLowerCase()));
    const stripped = P.stripSeeMore(text, d.strings.seeMore);
    if (stripped.truncated) ({ text, truncated } = { text: stripped.text, truncated: true });
    return { text, truncated };
  }

  function timeOf(root, d) {
    for (const el of dom.allOf(root, d.selectors.time, own(root, d))) {
      const iso = el.getAttribute("datetime");
      if (iso) return iso;
      const shown = dom.textOf(el).replace(/\s*[•·].*$/u, "").trim();
      if (d.strings.relativeTime.test(shown)) return shown;
    }
    return null;
  }

  const platform = {
    name: "linkedin",
    data,
    recognise(doc, loc, d = data) {
      // Only a post's page is a thread; the feed and profiles show comments too, but many posts' at once.
      if (!d.postUrl.test(loc.pathname)) return null;
      return dom.firstOf(doc, d.selectors.page) || dom.firstOf(doc, d.selectors.comment) ? true : "readerLayoutUnknown";
    },
    context() {
      return {};
    },
    rootOf(node, d = data) {
      return owner(node, d);
    },
    read(root, ctx, d = data) {
      const id = urnOf(root, d);
      if (!id) return null;
      const parent = root.parentElement ? owner(root.parentElement, d) : null;
      const author = authorOf(root, d);
      const { text, truncated } = textOf(root, d);
      const brand = dom
        .allOf(root, d.selectors.authorBadge, own(root, d))
        .some((el) => d.strings.authorBadge.includes(dom.textOf(el)));
      return {
        id,
        author: author.name,
        author_url: author.url,
        text,
        truncated,
        time: timeOf(root, d),
        parent_id: parent ? urnOf(parent, d) : null,
        depth: parent ? 1 : 0,
        by_brand: brand,
      };
    },
    badgeHost(root) {
      return root;
    },
  };

  globalThis.Candor.platforms.linkedin = platform;
})();
