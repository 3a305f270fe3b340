// The readers on every fixture page, in headless Chromium (see chromium_page.mjs): each expected
// comment found with the right id, author, depth, parent, brand flag, text and truncation; nothing
// else when `exact`; unknown layouts reported unreadable; badges drawn for every comment and
// following their post, not their node; no layout shift, no script run from comment text, no
// page error; and, for every selector of every role, the page still reads the same without it.
// Skipped when no Chromium is installed. Run: node --test tests/js/
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import path from "node:path";
import { runPage, loadFixture, chromiumPath, ROOT } from "./chromium_page.mjs";

const FIXTURES = path.join(ROOT, "tests/fixtures");
const pages = ["x", "facebook", "linkedin"].flatMap((platform) => {
  let names = [];
  try {
    names = readdirSync(path.join(FIXTURES, platform)).filter((f) => f.endsWith(".html"));
  } catch {
    return [];
  }
  return names.map((f) => path.join(FIXTURES, platform, f));
});
const skip = chromiumPath() ? false : "no Chromium installed";

/** Every difference between what was read and what the fixture expects, as sentences. */
function compare(expect, records) {
  const problems = [];
  const byId = new Map(records.map((r) => [r.id, r]));
  for (const want of expect.comments) {
    const got = byId.get(want.id);
    if (!got) {
      problems.push(`missing comment ${want.id} (${want.author})`);
      continue;
    }
    byId.delete(want.id);
    for (const key of ["author", "depth", "parent_id", "by_brand", "truncated", "text"]) {
      if (key in want && got[key] !== want[key]) problems.push(`${want.id}.${key}: got ${JSON.stringify(got[key])}, want ${JSON.stringify(want[key])}`);
    }
    if (want.text_contains && !got.text.includes(want.text_contains)) {
      problems.push(`${want.id}.text: ${JSON.stringify(got.text.slice(0, 80))} lacks ${JSON.stringify(want.text_contains)}`);
    }
  }
  if (expect.exact) for (const extra of byId.values()) problems.push(`unexpected comment ${extra.id} (${extra.author}: ${extra.text.slice(0, 40)})`);
  return problems;
}

for (const file of pages) {
  const name = path.relative(FIXTURES, file);
  test(`reads ${name}`, { skip }, async () => {
    const fixture = loadFixture(file);
    const result = await runPage({ ...fixture, mode: "read" });
    const { expect } = fixture;
    const types = result.sent.map((m) => m.type);
    assert.deepEqual(result.errors, [], "page errors");
    assert.equal(result.alerts, 0, "a script ran from comment text");
    assert.ok(!types.includes("ReportError"), `the reader reported an error: ${JSON.stringify(result.sent)}`);
    if (!expect.recognised) {
      assert.ok(types.includes("PageUnreadable"), `no PageUnreadable: ${types}`);
      assert.ok(!types.includes("PageOpened"), "an unreadable page was opened");
      assert.equal(result.records.length, 0);
      assert.equal(result.badges.length, 0);
      return;
    }
    assert.ok(types.includes("PageOpened"), `no PageOpened: ${types}`);
    assert.deepEqual(compare(expect, result.records), []);
    // Every comment on the page has one badge, showing the post its node holds now.
    for (const badge of result.badges) assert.equal(badge.id, badge.readsAs, `a badge shows ${badge.id} over ${badge.readsAs}`);
    assert.ok(result.badges.every((b) => b.category !== "pending"), "a badge never got its verdict");
    assert.equal(new Set(result.badges.map((b) => b.readsAs)).size, result.badges.length, "two badges for one comment");
    // Pages whose own scripts change them (recycled cells, replies expanded) are measured by the
    // badges that follow their posts, above; the others by one badge per comment and no shift.
    if (!fixture.html.includes("data-changes-page")) {
      assert.equal(result.badges.length, expect.comments.length, "one badge per comment");
      assert.equal(result.moved, 0, "badges moved the page's layout");
    }
    assert.ok(result.activeIsBody, "a badge took the focus");
    // The side panel's "show me this comment".
    const { scroll } = result;
    if (!fixture.html.includes("data-recycles")) assert.deepEqual(scroll.known, { ok: true }, `ScrollToComment ${scroll.target}`);
    assert.equal(scroll.unknown.ok, false);
    assert.equal(scroll.unknown.reason, "scrollUnknown");
    assert.equal(scroll.foreign, null, "answered a message that is not a page command");
  });

  test(`every selector of ${name} has a working fallback`, { skip }, async () => {
    const fixture = loadFixture(file);
    const result = await runPage({ ...fixture, mode: "drop" });
    assert.equal(result.base.recognised === true, fixture.expect.recognised);
    assert.ok(result.variants > 10, `only ${result.variants} variants`);
    assert.deepEqual(result.failures, []);
  });
}

test("there are fixtures for every platform, English and French, and unknown layouts", () => {
  for (const platform of ["x", "facebook", "linkedin"]) {
    const mine = pages.filter((p) => p.includes(`${path.sep}${platform}${path.sep}`)).map((p) => loadFixture(p));
    const known = mine.filter((f) => f.expect.recognised);
    assert.ok(known.filter((f) => /lang="en"/.test(f.html.slice(0, 400))).length >= 2, `${platform}: two English pages`);
    assert.ok(known.filter((f) => /lang="fr"/.test(f.html.slice(0, 400))).length >= 1, `${platform}: one French page`);
    assert.ok(mine.some((f) => !f.expect.recognised), `${platform}: an unknown layout`);
  }
});

// Pages that are not a post (a home feed, a profile) get no "!" and no reading: Candor stays quiet.
const quietPages = [
  ["x home timeline", "https://x.com/home", "x"],
  ["facebook feed", "https://www.facebook.com/", "facebook"],
  ["linkedin feed", "https://www.linkedin.com/feed/", "linkedin"],
];
// The Facebook feed with a chat window open (a dialog with a text box, no comment) stays quiet too,
// and so does the LinkedIn feed showing a post's comments.
const chat = `<div role="dialog" aria-label="Chat with Bo"><div role="textbox" contenteditable="true" aria-label="Message"></div></div>`;
const feedComment = `<article class="comments-comment-entity" data-id="urn:li:comment:(activity:1,2)"><span class="comments-comment-meta__description-title">Bo</span></article>`;
for (const [name, url, platform] of quietPages) {
  test(`stays quiet on the ${name}`, { skip }, async () => {
    const extra = platform === "facebook" ? chat : platform === "linkedin" ? feedComment : "";
    const html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>feed</title></head><body>
<main role="main"><div role="feed"><div><p>Some post in a feed.</p>${extra}</div></div></main></body></html>`;
    const csp = loadFixture(path.join(FIXTURES, platform, "unknown-layout.html")).csp;
    const result = await runPage({ url, csp, html, mode: "read" });
    assert.deepEqual(result.sent.map((m) => m.type), []);
    assert.deepEqual(result.errors, []);
  });
}

// X is a single-page site: moving to another post (history.pushState, no page load) starts a new
// thread; the post now opened is context, not a comment.
test("follows a move to another post without a page load", { skip }, async () => {
  const fixture = loadFixture(path.join(FIXTURES, "x/thread-en.html"));
  const moved = "1859000000000000104";
  const script = `<script nonce="candorfixture">
    // As X does: the new post is the opened one (out of the tab order), the old one a reply above it.
    setTimeout(() => {
      document.querySelector('article[tabindex="-1"]').setAttribute("tabindex", "0");
      document.querySelector('a[href$="/status/${moved}"]').closest("article").setAttribute("tabindex", "-1");
      history.pushState({}, "", "/marcus_oy/status/${moved}");
    }, 1500);
  </script>`;
  const html = fixture.html.replace("</body>", `${script}</body>`);
  const result = await runPage({ ...fixture, html, mode: "read" });
  const opened = result.sent.filter((m) => m.type === "PageOpened").map((m) => new URL(m.url).pathname);
  assert.deepEqual(opened, ["/LumioHelp/status/1859000000000000100", `/marcus_oy/status/${moved}`]);
  // Only what the new page shows: the replies below the newly opened post; those above are context.
  const ids = result.records.map((r) => r.id).sort();
  assert.deepEqual(ids, ["1859000000000000106", "1859000000000000107", "1859000000000000108", "1859000000000000109", "1859000000000000110"]);
  assert.ok(result.records.every((r) => !r.by_brand), "by_brand still names the old post's author");
  assert.ok(result.badges.every((b) => ids.includes(b.id)), "a badge of the old thread stayed");
});
