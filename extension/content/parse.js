// Pure string helpers the readers share: ids from links and attributes, aria-label prefixes, the
// "See more" marker, profile URLs. No DOM here, so Node's test runner checks them (tests/js/).
// A classic script: it defines globalThis.CandorParse for the content scripts that follow it.
(() => {
  /** The status id of an X link (`/<handle>/status/<id>`, also `/i/status/<id>`), or null. */
  function xStatusId(href) {
    const m = /\/status(?:es)?\/(\d{1,25})(?:[/?#]|$)/.exec(String(href ?? ""));
    return m ? m[1] : null;
  }

  /** The handle in an X conversation path `/<handle>/status/<id>`, or null (`/i/status` has none). */
  function xHandleOfStatusPath(path) {
    const m = /^\/([A-Za-z0-9_]{1,20})\/status\/\d+/.exec(String(path ?? ""));
    return m && m[1].toLowerCase() !== "i" ? m[1] : null;
  }

  /** The handle of an X profile link `/<handle>` (relative or absolute), or null. */
  function xHandleOfProfileLink(href) {
    const path = String(href ?? "").replace(/^https?:\/\/(?:www\.|mobile\.)?(?:x|twitter)\.com/, "");
    const m = /^\/([A-Za-z0-9_]{1,20})\/?$/.exec(path);
    return m ? m[1] : null;
  }

  /** Decodes base64 (standard or URL-safe, padding optional) to text; null when it is not base64. */
  function decodeBase64(value) {
    const clean = String(value).replace(/-/g, "+").replace(/_/g, "/");
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(clean) || clean.length < 4) return null;
    const padded = clean + "=".repeat((4 - (clean.length % 4)) % 4);
    try {
      return atob(padded);
    } catch {
      return null;
    }
  }

  /**
   * A Facebook comment id as the page carries it in a query parameter: the digits themselves, or the
   * base64 of `comment:<post>_<comment>` (then the comment part). Null when it is neither.
   */
  function fbIdOfParam(value) {
    if (value == null) return null;
    const raw = String(value).trim();
    if (/^\d{1,30}$/.test(raw)) return raw;
    const decoded = decodeBase64(raw);
    const m = decoded && /^comment:(\d+)_(\d+)$/.exec(decoded);
    return m ? m[2] : null;
  }

  /** The query parameters of a URL or a relative href, as a URLSearchParams (empty when none). */
  function queryOf(href) {
    const text = String(href ?? "");
    const at = text.indexOf("?");
    if (at < 0) return new URLSearchParams();
    return new URLSearchParams(text.slice(at + 1).split("#")[0]);
  }

  /**
   * The comment a Facebook link points at: `comment_id=` names a comment on the post; with
   * `reply_comment_id=` too, the link is a reply's and `comment_id` names the comment it answers.
   * Returns `{ id, parentId }` (parentId null for a comment on the post) or null.
   */
  function fbCommentRef(href) {
    const q = queryOf(href);
    const top = fbIdOfParam(q.get("comment_id"));
    const reply = fbIdOfParam(q.get("reply_comment_id"));
    if (reply) return { id: reply, parentId: top && top !== reply ? top : null };
    if (top) return { id: top, parentId: null };
    return null;
  }

  /**
   * Reads a Facebook comment article's aria-label with the given prefixes (one list per kind, every
   * UI language Candor knows): `{ kind: "comment" | "reply", author }` or null. The author is what
   * follows the prefix up to the time or the "to …'s reply" part; a fallback when no link names it.
   */
  function fbAriaLabel(label, prefixes) {
    const text = String(label ?? "").trim();
    for (const kind of ["reply", "comment"]) {
      for (const prefix of prefixes[kind] ?? []) {
        if (!text.startsWith(prefix)) continue;
        let rest = text.slice(prefix.length).trim();
        for (const cut of prefixes.authorEnds ?? []) {
          const at = rest.search(cut);
          if (at > 0) rest = rest.slice(0, at);
        }
        return { kind, author: rest.trim() };
      }
    }
    return null;
  }

  /**
   * The LinkedIn comment URN inside an attribute (`data-id`, `componentkey`, `id`), exactly as
   * written: `urn:li:comment:(` up to its balanced closing parenthesis (a reply's URN may nest its
   * parent's). Null when there is none or it is not closed.
   */
  function liCommentUrn(value) {
    const text = String(value ?? "");
    const start = text.indexOf("urn:li:comment:(");
    if (start < 0) return null;
    let depth = 0;
    for (let i = start + "urn:li:comment:".length; i < text.length; i += 1) {
      const c = text[i];
      if (c === "(") depth += 1;
      else if (c === ")" && (depth -= 1) === 0) {
        const urn = text.slice(start, i + 1);
        return /^urn:li:comment:\([A-Za-z0-9:(),_-]+\)$/.test(urn) && /\d/.test(urn) && urn.includes(",") ? urn : null;
      }
    }
    return null;
  }

  /** A profile URL without tracking: Facebook's `comment_id`, `__cft__`, `__tn__`…; keeps `profile.php?id=`. */
  function cleanProfileUrl(href, origin) {
    if (!href) return null;
    let url;
    try {
      url = new URL(href, origin);
    } catch {
      return null;
    }
    if (url.protocol !== "https:" && url.protocol !== "http:") return null;
    const keep = url.pathname.endsWith("/profile.php") ? url.searchParams.get("id") : null;
    url.search = keep ? `?id=${encodeURIComponent(keep)}` : "";
    url.hash = "";
    return url.href;
  }

  /**
   * Removes a trailing truncation marker ("… See more", "…more", "Voir plus") from a text the page
   * cut short. Returns `{ text, truncated }`; `truncated` is true only when a marker was found.
   */
  function stripSeeMore(text, markers) {
    const body = String(text ?? "").replace(/\s+$/u, "");
    for (const marker of markers) {
      if (body.toLowerCase().endsWith(marker.toLowerCase())) {
        const cut = body.slice(0, body.length - marker.length).replace(/[\s.…]+$/u, "");
        return { text: cut, truncated: true };
      }
    }
    return { text: body, truncated: false };
  }

  /** Collapses runs of spaces and tabs, keeps single line breaks, trims. */
  function tidyText(text) {
    return String(text ?? "")
      .replace(/\r\n?/g, "\n")
      .replace(/[ \t\f\v\u00a0]+/g, " ")
      .replace(/ ?\n ?/g, "\n")
      .replace(/\n{3,}/g, "\n\n")
      .trim();
  }

  /**
   * The characters `start..end` of `text`, counted as the engine counts them (Unicode scalar values,
   * not UTF-16 units). Out-of-range or reversed bounds give "".
   */
  function sliceChars(text, start, end) {
    const chars = Array.from(String(text ?? ""));
    if (!(start >= 0) || !(end > start) || start >= chars.length) return "";
    return chars.slice(start, Math.min(end, chars.length)).join("");
  }

  /** What the engine accepts (crate/src/protocol.rs: MAX_FIELD_BYTES, MAX_TEXT_BYTES), with margin. */
  const LIMITS = Object.freeze({ fieldBytes: 2048, textChars: 100_000 });
  const utf8Length = (text) => new TextEncoder().encode(text).length;

  /** `text` cut to at most `bytes` bytes of UTF-8, never inside a character. */
  function cutToBytes(text, bytes) {
    let out = "";
    let used = 0;
    for (const ch of text) {
      const size = utf8Length(ch);
      if (used + size > bytes) break;
      out += ch;
      used += size;
    }
    return out;
  }

  /**
   * A record the engine will accept whatever the page holds: a text longer than any real comment
   * is cut (and marked truncated, as if the site had cut it), over-long names and times are cut,
   * an over-long URL is dropped. Returns null for a record with no usable id.
   */
  function limitRecord(record) {
    const { fieldBytes, textChars } = LIMITS;
    if (!record.id || utf8Length(record.id) > fieldBytes) return null;
    const out = { ...record };
    if (out.text.length > textChars) {
      out.text = Array.from(out.text.slice(0, textChars + 1)).slice(0, -1).join("");
      out.truncated = true;
    }
    if (utf8Length(out.author) > fieldBytes / 4) out.author = cutToBytes(out.author, fieldBytes / 4);
    if (out.author_url && utf8Length(out.author_url) > fieldBytes) out.author_url = null;
    if (out.parent_id && utf8Length(out.parent_id) > fieldBytes) out.parent_id = null;
    if (out.time && out.time.length > 64) out.time = cutToBytes(out.time, 64);
    return out;
  }

  const api = Object.freeze({
    LIMITS,
    limitRecord,
    xStatusId,
    xHandleOfStatusPath,
    xHandleOfProfileLink,
    decodeBase64,
    fbIdOfParam,
    fbCommentRef,
    fbAriaLabel,
    liCommentUrn,
    cleanProfileUrl,
    stripSeeMore,
    tidyText,
    sliceChars,
  });
  globalThis.CandorParse = api;
})();
