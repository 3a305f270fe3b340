// The X (twitter.com / x.com) reader: how a conversation page shows its replies. Keys every reply by
// its status id: X recycles cell nodes for other tweets.
(() => {
  const STATUS = /\/status\/(\d+)/;

  const reader = {
    platform: "x",
    recognise(doc) {
      if (!STATUS.test(location.pathname)) return "not a conversation page";
      return doc.querySelector('[data-testid="primaryColumn"], article[data-testid="tweet"]') ? true : "no conversation found";
    },
    *read(doc) {
      for (const el of doc.querySelectorAll('article[data-testid="tweet"]')) {
        if (el.tabIndex === -1) continue; // The opened post is context, not a comment.
        const link = [...el.querySelectorAll('a[href*="/status/"]')].find((a) => a.querySelector("time"));
        const id = link?.getAttribute("href").match(STATUS)?.[1];
        if (!id) continue;
        const name = el.querySelector('[data-testid="User-Name"] a[role="link"]');
        const textEl = el.querySelector('[data-testid="tweetText"]');
        yield {
          el,
          record: {
            id,
            author: (name?.innerText ?? "").trim(),
            text: textEl ? textOf(textEl) : "",
            time: el.querySelector("time[datetime]")?.getAttribute("datetime") ?? null,
            depth: 0,
            by_brand: false,
          },
        };
      }
    },
    badgeAnchor(el) {
      return el;
    },
  };

  /** Visible text with emoji images as their alt text. */
  function textOf(el) {
    let out = "";
    for (const node of el.childNodes) {
      if (node.nodeType === Node.TEXT_NODE) out += node.data;
      else if (node.nodeName === "IMG") out += node.getAttribute("alt") ?? "";
      else if (node.nodeType === Node.ELEMENT_NODE) out += textOf(node);
    }
    return out;
  }

  globalThis.Candor.start(reader);
})();
