// X (x.com, twitter.com) conversation pages `/<handle>/status/<id>`: what Candor knows of their DOM,
// as data (selector lists per role, stable hooks first: data-testid, role, aria; never generated
// classes), and the few steps that read one reply with it. X recycles its virtualized cells for
// other tweets, so a reply is keyed by its status id, never by its node.
(() => {
  const { dom } = globalThis.Candor;
  const P = globalThis.CandorParse;

  const data = {
    selectors: {
      // Something of the conversation view is on the page.
      page: [
        'div[data-testid="primaryColumn"] section > h1 + div[aria-label]',
        '[aria-label="Timeline: Conversation"]',
        "[aria-label=\"Fil d'actualités : Conversation\"]",
        'div[data-testid="primaryColumn"]',
        'main[role="main"] article[data-testid="tweet"]',
      ],
      comment: ['article[data-testid="tweet"]', 'article[role="article"]'],
      // The opened post (context): the one article X leaves out of the tab order.
      focused: ['article[data-testid="tweet"][tabindex="-1"]', 'article[role="article"][tabindex="-1"]'],
      // A virtualized list item: replies are sibling cells, never nested.
      cell: ['div[data-testid="cellInnerDiv"]', 'section > div[aria-label] > div > div'],
      time: ['a[href*="/status/"] time[datetime]', "time[datetime]"],
      statusLink: ['a[href*="/status/"][aria-label]', 'a[href*="/status/"][role="link"]'],
      authorName: ['[data-testid="User-Name"] a[role="link"]', '[data-testid="User-Name"] a[href^="/"]', '[data-testid="User-Name"] span'],
      authorLink: [
        '[data-testid="User-Name"] a[href^="/"]',
        '[data-testid="Tweet-User-Avatar"] a[href^="/"]',
        '[data-testid^="UserAvatar-Container-"] a[href^="/"]',
      ],
      avatar: ['[data-testid="Tweet-User-Avatar"]', '[data-testid^="UserAvatar-Container-"]'],
      text: ['[data-testid="tweetText"]', 'div[lang][dir="auto"]', "div[lang][dir]"],
      // X's own "Show more" on a long post (a link to the post: never clicked).
      showMore: ['[data-testid="tweet-text-show-more-link"]', 'button[role="button"]', 'span[role="button"]'],
      // A quoted post inside a reply: its name and text are not the reply's.
      quote: ['div[role="link"]', 'div[tabindex="0"][role="link"]'],
      // A collapsed part of a chain ("Show more replies"), which names the hidden post.
      collapsed: ['a[href^="/i/status/"]', 'a[href*="/status/"]:not([aria-label])'],
      // After this heading ("Discover more"), the timeline shows other posts, not replies.
      otherPostsHeading: ['h2[role="heading"]', '[role="heading"][aria-level="2"]'],
    },
    strings: {
      showMore: ["Show more", "Afficher plus", "Voir plus"],
      showMoreReplies: ["Show more replies", "Voir plus de réponses", "Afficher plus de réponses"],
    },
    // A reply that continues a chain has a thin vertical line above its avatar (X draws it with a
    // 2px-wide box among the article's first descendants); the post it continues has one below.
    chainLineWidth: "2px",
    chainLineSearchDepth: 8,
    badge: { top: "6px", right: "88px" },
  };

  const owner = (el, d) => dom.closestAny(el, d.selectors.comment);
  /** Belongs to this reply itself: not to a quoted post inside it. */
  const own = (root, d) => (node) => owner(node, d) === root && !insideQuote(root, node, d);
  function insideQuote(root, node, d) {
    const quote = dom.closestAny(node, d.selectors.quote);
    return Boolean(quote && quote !== root && root.contains(quote));
  }

  function statusIdOf(root, d) {
    const time = dom.firstOf(root, d.selectors.time, own(root, d));
    const fromTime = time && P.xStatusId(time.closest("a[href]")?.getAttribute("href"));
    if (fromTime) return fromTime;
    for (const link of dom.allOf(root, d.selectors.statusLink, own(root, d))) {
      const id = P.xStatusId(link.getAttribute("href"));
      if (id && !/\/(?:analytics|photo|video|retweets|quotes|likes)\b/.test(link.getAttribute("href"))) return id;
    }
    return null;
  }

  function handleOf(root, d) {
    for (const link of dom.allOf(root, d.selectors.authorLink, own(root, d))) {
      const handle = P.xHandleOfProfileLink(link.getAttribute("href"));
      if (handle) return handle;
    }
    const avatar = dom.firstOf(root, ['[data-testid^="UserAvatar-Container-"]'], own(root, d));
    return avatar?.getAttribute("data-testid").slice("UserAvatar-Container-".length) || null;
  }

  function authorOf(root, d, handle) {
    const el = dom.firstOf(root, d.selectors.authorName, (n) => own(root, d)(n) && dom.textOf(n) !== "");
    const name = el ? dom.textOf(el).split("\n")[0].trim() : "";
    return name && !name.startsWith("@") ? name : (handle ?? "");
  }

  function isFocused(root) {
    return root.getAttribute("tabindex") === "-1";
  }

  function cellOf(root, d) {
    return dom.closestAny(root, d.selectors.cell) ?? root;
  }

  /** A thin line among the first descendants (first children, a few levels down). */
  function hasLineAbove(root, d) {
    let el = root.firstElementChild;
    for (let level = 0; el && level < d.chainLineSearchDepth; level += 1) {
      for (const child of el.children) {
        if (child.children.length === 0 && getComputedStyle(child).width === d.chainLineWidth) return true;
      }
      el = el.firstElementChild;
    }
    return false;
  }

  /** The avatar column holds the avatar and, under it, the line to the next post in the chain. */
  function hasLineBelow(root, d) {
    const avatar = dom.firstOf(root, d.selectors.avatar, own(root, d));
    const column = avatar?.parentElement;
    if (!column) return false;
    return [...column.children].some((c) => c !== avatar && getComputedStyle(c).width === d.chainLineWidth);
  }

  /** What stands just before this reply's cell: another post, a collapsed chain, or nothing. */
  function previousItem(root, d) {
    let cell = cellOf(root, d).previousElementSibling;
    for (let hops = 0; cell && hops < 3; hops += 1, cell = cell.previousElementSibling) {
      const post = dom.matchesAny(cell, d.selectors.comment) ? cell : dom.firstOf(cell, d.selectors.comment);
      if (post) return { post };
      const collapsed = dom.firstOf(cell, d.selectors.collapsed);
      if (collapsed) return { collapsedId: P.xStatusId(collapsed.getAttribute("href")) };
      if (cell.textContent.trim() !== "") return null;
    }
    return null;
  }

  /** Does a "Discover more" heading stand before this cell (other posts, not replies)? */
  function afterOtherPostsHeading(root, ctx, d) {
    const heading = ctx.otherPostsHeading;
    if (!heading || !heading.isConnected) return false;
    return Boolean(heading.compareDocumentPosition(root) & Node.DOCUMENT_POSITION_FOLLOWING);
  }

  const platform = {
    name: "x",
    data,
    recognise(doc, loc, d = data) {
      const handle = P.xHandleOfStatusPath(loc.pathname);
      if (!P.xStatusId(loc.pathname) || !handle) return null; // The home timeline, a profile…
      return dom.firstOf(doc, d.selectors.page) ? true : "readerLayoutUnknown";
    },
    /** What the whole page says once per pass: whose post it is, which post is open. */
    context(doc, loc, d = data) {
      const heading = dom.firstOf(doc, d.selectors.otherPostsHeading, (h) => Boolean(dom.closestAny(h, d.selectors.cell)));
      const focused = dom.firstOf(doc, d.selectors.focused);
      return {
        brandHandle: P.xHandleOfStatusPath(loc.pathname),
        openedId: P.xStatusId(loc.pathname),
        focused,
        focusedHandle: focused ? handleOf(focused, d) : null,
        otherPostsHeading: heading,
      };
    },
    /** The element that stands for one reply (the node a mutation touched may be inside it). */
    rootOf(node, d = data) {
      return node.nodeType === 1 ? owner(node, d) : null;
    },
    read(root, ctx, d = data) {
      if (isFocused(root)) return null; // The opened post is context, not a comment.
      const id = statusIdOf(root, d);
      if (!id || id === ctx.openedId) return null;
      // Posts above the opened one are the chain it answers: context too.
      if (ctx.focused?.isConnected && root.compareDocumentPosition(ctx.focused) & Node.DOCUMENT_POSITION_FOLLOWING) return null;
      if (afterOtherPostsHeading(root, ctx, d)) return null;
      const handle = handleOf(root, d);
      const textEl = dom.firstOf(root, d.selectors.text, own(root, d));
      let text = textEl ? dom.textOf(textEl) : "";
      let truncated = false;
      const more = dom.allOf(root, d.selectors.showMore, own(root, d)).find((b) => d.strings.showMore.includes(dom.textOf(b)));
      if (more) truncated = true;
      else ({ text, truncated } = P.stripSeeMore(text, ["…more", "… more"]));
      let depth = 0;
      let parentId = null;
      const before = previousItem(root, d);
      const chained = hasLineAbove(root, d) || (before?.post && hasLineBelow(before.post, d));
      if (chained && before && !(before.post && isFocused(before.post))) {
        parentId = before.post ? statusIdOf(before.post, d) : before.collapsedId;
        if (parentId && parentId !== ctx.openedId) depth = 1;
        else parentId = null;
      }
      const brand = (ctx.brandHandle && handle?.toLowerCase() === ctx.brandHandle.toLowerCase()) ||
        (ctx.focusedHandle && handle?.toLowerCase() === ctx.focusedHandle.toLowerCase());
      const time = dom.firstOf(root, d.selectors.time, own(root, d));
      return {
        id,
        author: authorOf(root, d, handle),
        author_url: handle ? `${location.origin}/${handle}` : null,
        text,
        truncated,
        time: time?.getAttribute("datetime") ?? null,
        parent_id: parentId,
        depth,
        by_brand: Boolean(brand),
      };
    },
    badgeHost(root) {
      return root;
    },
  };

  globalThis.Candor.platforms.x = platform;
})();
