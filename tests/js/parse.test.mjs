// Table-driven checks of the readers' pure string helpers (extension/content/parse.js).
import { test } from "node:test";
import assert from "node:assert/strict";
import "../../extension/content/parse.js";

const P = globalThis.CandorParse;
const b64 = (s) => Buffer.from(s, "utf8").toString("base64");

test("xStatusId", () => {
  const cases = [
    ["/acme/status/1790000000000000002", "1790000000000000002"],
    ["https://x.com/acme/status/17/photo/1", "17"],
    ["/i/status/42", "42"],
    ["/acme/status/42?s=20", "42"],
    ["/acme/statuses/42", "42"],
    ["/acme/status/", null],
    ["/acme/status/12ab", null],
    ["/acme", null],
    ["", null],
    [null, null],
  ];
  for (const [href, want] of cases) assert.equal(P.xStatusId(href), want, String(href));
});

test("xHandleOfStatusPath and xHandleOfProfileLink", () => {
  const paths = [
    ["/AcmeSupport/status/1", "AcmeSupport"],
    ["/i/status/1", null],
    ["/home", null],
    ["/a_b/status/99/analytics", "a_b"],
  ];
  for (const [path, want] of paths) assert.equal(P.xHandleOfStatusPath(path), want, path);
  const links = [
    ["/jane_doe", "jane_doe"],
    ["https://x.com/jane_doe", "jane_doe"],
    ["https://twitter.com/jane_doe/", "jane_doe"],
    ["/jane_doe/status/1", null],
    ["/search?q=x", null],
    ["https://evil.example/jane", null],
  ];
  for (const [href, want] of links) assert.equal(P.xHandleOfProfileLink(href), want, href);
});

test("fbCommentRef reads numeric and base64 ids", () => {
  const cases = [
    ["/acme/posts/pfbid0abc?comment_id=123456789012345", { id: "123456789012345", parentId: null }],
    ["https://www.facebook.com/acme/posts/1?comment_id=111&reply_comment_id=222&__cft__[0]=x", { id: "222", parentId: "111" }],
    [`/permalink.php?story_fbid=9&id=8&comment_id=${b64("comment:900_901")}`, { id: "901", parentId: null }],
    [`/x?comment_id=${encodeURIComponent(b64("comment:900_901"))}&reply_comment_id=${encodeURIComponent(b64("comment:900_955"))}`, { id: "955", parentId: "901" }],
    ["/x?comment_id=notanid", null],
    [`/x?comment_id=${b64("post:1_2")}`, null],
    ["/x?comment_id=5&reply_comment_id=5", { id: "5", parentId: null }],
    ["/acme/posts/1", null],
    ["", null],
  ];
  for (const [href, want] of cases) assert.deepEqual(P.fbCommentRef(href), want, href);
});

test("fbAriaLabel in English and French", () => {
  const prefixes = {
    comment: ["Comment by ", "Commentaire de "],
    reply: ["Reply by ", "Réponse de "],
    authorEnds: [/ to \S.*$/u, / à (?:la|le) .*$/u, / \d+ \w+ ago$/u, / il y a .*$/u],
  };
  const cases = [
    ["Comment by Bo Chen 2 hours ago", { kind: "comment", author: "Bo Chen" }],
    ["Reply by Acme to Bo Chen's comment 1 hour ago", { kind: "reply", author: "Acme" }],
    ["Commentaire de Léa Martin il y a 3 heures", { kind: "comment", author: "Léa Martin" }],
    ["Réponse de Acme à la réponse de Léa Martin il y a 1 heure", { kind: "reply", author: "Acme" }],
    ["Actions for this post", null],
    ["", null],
  ];
  for (const [label, want] of cases) assert.deepEqual(P.fbAriaLabel(label, prefixes), want, label);
});

test("liCommentUrn keeps the URN as written", () => {
  const cases = [
    ["urn:li:comment:(activity:7100000000000000001,7100000000000000002)", "urn:li:comment:(activity:7100000000000000001,7100000000000000002)"],
    ["replaceableComment_urn:li:comment:(urn:li:activity:71,72)", "urn:li:comment:(urn:li:activity:71,72)"],
    ["replaceableComment_urn:li:comment:(urn:li:ugcPost:71,73)", "urn:li:comment:(urn:li:ugcPost:71,73)"],
    ["urn:li:comment:(urn:li:comment:(activity:71,72),74)", "urn:li:comment:(urn:li:comment:(activity:71,72),74)"],
    ["x urn:li:comment:(activity:71,72) trailing", "urn:li:comment:(activity:71,72)"],
    ["urn:li:comment:(activity:71,72", null],
    ["urn:li:comment:(<b>,1)", null],
    ["commentBox-urn:li:activity:71", null],
    ["urn:li:comment:(activity:71)", null],
    [undefined, null],
  ];
  for (const [value, want] of cases) assert.equal(P.liCommentUrn(value), want, String(value));
});

test("cleanProfileUrl drops tracking", () => {
  const origin = "https://www.facebook.com";
  const cases = [
    ["/jane.doe?comment_id=1&__cft__[0]=AZ&__tn__=R", "https://www.facebook.com/jane.doe"],
    ["/profile.php?id=1000&comment_id=1", "https://www.facebook.com/profile.php?id=1000"],
    ["https://www.linkedin.com/in/jane/#x", "https://www.linkedin.com/in/jane/"],
    ["javascript:alert(1)", null],
    ["", null],
  ];
  for (const [href, want] of cases) assert.equal(P.cleanProfileUrl(href, origin), want, href);
});

test("stripSeeMore marks truncation only when the marker is there", () => {
  const markers = ["See more", "Voir plus", "…more", "… plus"];
  const cases = [
    ["The parcel never came … See more", { text: "The parcel never came", truncated: true }],
    ["Le colis n'est jamais arrivé… Voir plus", { text: "Le colis n'est jamais arrivé", truncated: true }],
    ["Long story…more", { text: "Long story", truncated: true }],
    ["I want to see more of this", { text: "I want to see more of this", truncated: false }],
    ["Plain text  ", { text: "Plain text", truncated: false }],
  ];
  for (const [text, want] of cases) assert.deepEqual(P.stripSeeMore(text, markers), want, text);
});

test("tidyText and sliceChars", () => {
  assert.equal(P.tidyText("  a \t b\u00a0c \n\n\n\n d "), "a b c\n\nd");
  assert.equal(P.tidyText(""), "");
  const text = "Order 😡 #A-1234 late";
  const cases = [
    [0, 5, "Order"],
    [6, 7, "😡"],
    [8, 15, "#A-1234"],
    [8, 999, "#A-1234 late"],
    [5, 5, ""],
    [-1, 3, ""],
    [50, 60, ""],
  ];
  for (const [s, e, want] of cases) assert.equal(P.sliceChars(text, s, e), want, `${s}..${e}`);
});

test("decodeBase64 refuses what is not base64", () => {
  const cases = [
    [b64("comment:1_2"), "comment:1_2"],
    ["Y29tbWVudDoxXzI", "comment:1_2"],
    ["not base64!", null],
    ["ab", null],
  ];
  for (const [v, want] of cases) assert.equal(P.decodeBase64(v), want, v);
});

test("limitRecord keeps records within what the engine accepts", () => {
  const base = { id: "1", author: "A", author_url: "https://x.com/a", text: "hi", truncated: false, time: null, parent_id: null, depth: 0, by_brand: false };
  const megabyte = "é".repeat(600_000); // 1.2 MB of UTF-8
  const zalgo = "Z\u0351\u0352\u0353a\u0354\u0355l\u0356g\u0357o".repeat(2000);
  const cases = [
    ["unchanged", base, (r) => assert.deepEqual(r, base)],
    ["1 MB text cut and marked", { ...base, text: megabyte }, (r) => {
      assert.equal(r.text.length, P.LIMITS.textChars);
      assert.equal(r.truncated, true);
    }],
    ["astral characters never split", { ...base, text: "😀".repeat(P.LIMITS.textChars) }, (r) => {
      assert.ok(!/[\ud800-\udbff]$/.test(r.text));
      assert.equal(r.truncated, true);
    }],
    ["zalgo under the limit kept", { ...base, text: zalgo }, (r) => assert.equal(r.text, zalgo)],
    ["long author cut within bytes", { ...base, author: "ß".repeat(5000) }, (r) => assert.ok(new TextEncoder().encode(r.author).length <= 512)],
    ["long URL dropped", { ...base, author_url: "https://x.com/" + "a".repeat(3000) }, (r) => assert.equal(r.author_url, null)],
    ["empty id refused", { ...base, id: "" }, (r) => assert.equal(r, null)],
    ["huge id refused", { ...base, id: "9".repeat(3000) }, (r) => assert.equal(r, null)],
  ];
  for (const [name, record, check] of cases) {
    const out = P.limitRecord(record);
    check(out, name);
  }
});
