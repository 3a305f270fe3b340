// Facebook posts (the post dialog and the permalink page): what Candor knows of their comment DOM,
// as data. Comments and replies are `role=article` elements whose aria-label starts with
// "Comment by"/"Reply by" (FR "Commentaire de"/"Réponse de"); their ids come from the
// `comment_id=`/`reply_comment_id=` links (digits, or base64 of `comment:<post>_<comment>`).
// Facebook's class names change with every deploy: none is used here.
(() => {
  const { dom } = globalThis.Candor;
  const P = globalThis.CandorParse;

  const data = {
    selectors: {
      // An open post dialog (over the feed); the deepest one holds the thread.
      dialog: ['div[role="dialog"][aria-modal="true"]', '[role="dialog"][aria-modal="true"]', 'div[role="dialog"]'],
      // The page itself, when no dialog is open (a permalink).
      surface: ['div[role="main"]', '[role="main"]', "[data-pagelet]"],
      // A post's comment section is made of these (also used to tell the page is a post).
      comment: ['div[role="article"][aria-label]', '[role="article"][aria-label]', 'div[role="article"]'],
      // Either parameter may come first; a reply's links carry both.
      idLink: ['a[href*="?comment_id="], a[href*="&comment_id="]', 'a[href*="comment_id="]'],
      // The name link (the avatar link before it is aria-hidden). Facebook adds comment_id= to it too.
      authorLink: ['a[role="link"][href] span[dir="auto"]', 'span[dir="auto"] a[role="link"][href]', 'a[aria-hidden="false"][href]', 'a[href]:not([aria-hidden="true"])'],
      text: ['span[lang] div[dir="auto"]', 'div[dir="auto"][style*="text-align"]', 'div[dir="auto"]'],
      seeMore: ['div[role="button"]', 'span[role="button"]', '[role="button"]'],
      // The post's author (the brand), outside any comment.
      postAuthor: [
        '[data-ad-rendering-role="profile_name"] a[href]',
        'h2 a[role="link"][href]',
        'h3 a[role="link"][href]',
        "h2 strong a[href], h3 strong a[href]",
      ],
    },
    strings: {
      commentPrefixes: ["Comment by ", "Commentaire de "],
      replyPrefixes: ["Reply by ", "Réponse de "],
      // Where the author's name ends in an aria-label ("… to Bo's comment 2 hours ago").
      authorEnds: [/ to \S.*$/u, / (?:à|au|aux) .*$/u, / \d+ \S+ ago$/u, / il y a .*$/u],
      seeMore: ["See more", "Voir plus", "Afficher la suite"],
      authorBadge: ["Author", "Auteur", "Auteur·rice", "Auteure"],
    },
    // The addresses of a post (permalink, photo, video, group post) or of a comment on one.
    postUrl: /\/(?:posts|permalink\.php|story\.php|photo|photos|videos|reel|watch)\b|[?&](?:story_fbid|fbid|comment_id|v)=/,
    badge: { top: "4px", right: "8px" },
  };

  const isCommentArticle = (el, d) =>
    dom.matchesAny(el, d.selectors.comment) &&
    (P.fbAriaLabel(el.getAttribute("aria-label"), prefixes(d)) !== null || (el.hasAttribute("aria-label") && Boolean(ownIdLink(el, d))));

  function prefixes(d) {
    return { comment: d.strings.commentPrefixes, reply: d.strings.replyPrefixes, authorEnds: d.strings.authorEnds };
  }

  /** The comment article a node belongs to (the nearest, so a reply nested in a comment is its own). */
  function owner(node, d) {
    let el = node.nodeType === 1 ? node : node.parentElement;
    while (el) {
      const hit = dom.closestAny(el, d.selectors.comment);
      if (!hit) return null;
      // An article in a UI language Candor does not know still counts when it carries its own
      // comment link; the post's article (no aria-label) never does.
      if (isLabelled(hit, d) || (hit.hasAttribute("aria-label") && hasDirectIdLink(hit, d))) return hit;
      el = hit.parentElement;
    }
    return null;
  }
  const isLabelled = (el, d) => P.fbAriaLabel(el.getAttribute("aria-label"), prefixes(d)) !== null;
  /** An id link whose nearest article is `el` (checked without recursion through owner()). */
  function hasDirectIdLink(el, d) {
    return dom.allOf(el, d.selectors.idLink).some((a) => dom.closestAny(a, d.selectors.comment) === el);
  }
  const own = (root, d) => (node) => owner(node, d) === root;

  function ownIdLink(root, d) {
    for (const link of dom.allOf(root, d.selectors.idLink, (a) => dom.closestAny(a, d.selectors.comment) === root)) {
      const ref = P.fbCommentRef(link.getAttribute("href"));
      if (ref) return { link, ref };
    }
    return null;
  }

  function authorOf(root, d) {
    const el = dom.firstOf(root, d.selectors.authorLink, (n) => own(root, d)(n) && dom.textOf(n) !== "");
    const link = el?.closest("a[href]") ?? el?.querySelector("a[href]") ?? null;
    return { name: el ? dom.textOf(el).split("\n")[0] : "", url: link ? P.cleanProfileUrl(link.getAttribute("href"), location.origin) : null };
  }

  /**
   * The comment's text: its paragraphs (innermost text blocks of the first selector that finds
   * any), one per line, and whether the page cut it ("See more").
   */
  function textOf(root, d, authorName) {
    const found = dom.allOf(root, d.selectors.text, (n) => own(root, d)(n) && dom.textOf(n) !== authorName);
    const blocks = found.filter((b) => !found.some((o) => o !== b && b.contains(o)));
    let text = blocks.map((b) => dom.textOf(b)).filter(Boolean).join("\n");
    let truncated = dom
      .allOf(root, d.selectors.seeMore, own(root, d))
      .some((b) => d.strings.seeMore.includes(b.textContent.trim()));
    const stripped = P.stripSeeMore(text, d.strings.seeMore);
    if (stripped.truncated) ({ text, truncated } = { text: stripped.text, truncated: true });
    return { text, truncated };
  }

  function sameProfile(a, b) {
    return Boolean(a && b && a.replace(/\/$/, "").toLowerCase() === b.replace(/\/$/, "").toLowerCase());
  }

  const platform = {
    name: "facebook",
    data,
    recognise(doc, loc, d = data) {
      // Off a post's address (the feed, a profile), only a dialog showing comments is a thread:
      // not a chat window, a menu, or nothing at all.
      if (!d.postUrl.test(loc.pathname + loc.search)) {
        const dialogs = dom.allOf(doc, d.selectors.dialog);
        if (!dialogs.some((dl) => dom.allOf(dl, d.selectors.comment).some((el) => isCommentArticle(el, d)))) return null;
      }
      const surface = threadSurface(doc, d);
      if (!surface) return "readerLayoutUnknown";
      const comments = dom.allOf(surface, d.selectors.comment, (el) => isCommentArticle(el, d));
      if (comments.length) return true;
      // A post with no comment yet still has its article and a composer; anything else is unknown.
      return dom.firstOf(surface, ['[role="article"]', 'div[role="textbox"][contenteditable="true"]']) ? true : "readerLayoutUnknown";
    },
    context(doc, loc, d = data) {
      const surface = threadSurface(doc, d) ?? doc;
      const link = dom.firstOf(surface, d.selectors.postAuthor, (a) => !owner(a, d));
      return {
        surface,
        brandName: link ? dom.textOf(link) : null,
        brandUrl: link ? P.cleanProfileUrl(link.getAttribute("href"), loc.origin) : null,
      };
    },
    rootOf(node, d = data) {
      return owner(node, d);
    },
    read(root, ctx, d = data) {
      if (ctx.surface !== document && !ctx.surface.contains(root)) return null;
      const label = P.fbAriaLabel(root.getAttribute("aria-label"), prefixes(d));
      const idLink = ownIdLink(root, d);
      if (!idLink) return null;
      const { ref, link } = idLink;
      const author = authorOf(root, d);
      const name = author.name || label?.author || "";
      const { text, truncated } = textOf(root, d, name);
      let parentId = ref.parentId;
      if (!parentId && label?.kind === "reply") {
        // A reply whose link lost its comment_id: the comment it sits under.
        const parent = owner(root.parentElement, d) ?? previousComment(root, d);
        parentId = parent ? ownIdLink(parent, d)?.ref.id ?? null : null;
      }
      const badge = dom.allOf(root, ["span", "div"], own(root, d)).some((el) => el.children.length === 0 && d.strings.authorBadge.includes(el.textContent.trim()));
      const brand = badge || sameProfile(author.url, ctx.brandUrl) || (!author.url && ctx.brandName === name);
      return {
        id: ref.id,
        author: name,
        author_url: author.url,
        text,
        truncated,
        time: timeOf(root, d, name) ?? (dom.textOf(link) || null),
        parent_id: parentId,
        depth: parentId ? 1 : 0,
        by_brand: Boolean(brand),
      };
    },
    badgeHost(root) {
      return root;
    },
  };

  /** The deepest open dialog that holds a post's comments or composer, else the page's main area. */
  function threadSurface(doc, d) {
    const dialogs = dom.allOf(doc, d.selectors.dialog, (el) => Boolean(el.querySelector('[role="article"], [role="textbox"]')));
    return dialogs[dialogs.length - 1] ?? dom.firstOf(doc, d.selectors.surface);
  }

  /** The time as shown ("2h", "3 j"): the text of the comment's own link that is not its author's. */
  function timeOf(root, d, authorName) {
    const links = dom.allOf(root, d.selectors.idLink, (a) => dom.closestAny(a, d.selectors.comment) === root);
    const texts = links.map((a) => dom.textOf(a)).filter((x) => x && x !== authorName);
    return texts.length ? texts[texts.length - 1] : null;
  }

  /** The nearest top-level comment before a reply that sits beside it, not inside it. */
  function previousComment(root, d) {
    const all = dom.allOf(document, d.selectors.comment, (el) => P.fbAriaLabel(el.getAttribute("aria-label"), prefixes(d))?.kind === "comment");
    let best = null;
    for (const el of all) if (el.compareDocumentPosition(root) & Node.DOCUMENT_POSITION_FOLLOWING) best = el;
    return best;
  }

  globalThis.Candor.platforms.facebook = platform;
})();
