// The guidance card on an X fixture in headless Chromium, driven with real mouse and key events,
// with the engine's answers replaced by hostile or broken ones: markup in the guidance stays text,
// an oversized point is clipped, a right-to-left reason keeps its direction, an engine error or a
// non-answer says so, the trainee switch works without storage, Alt+Shift+G opens the focused
// comment's card and Esc gives the focus back.
import { test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { runPageLive, loadFixture, chromiumPath, ROOT } from "./chromium_page.mjs";

const skip = chromiumPath() ? false : "no Chromium installed";

// Installed in the page: answers Guide with what window.__guideReply(id) returns.
const PATCH = `(() => {
  const rt = globalThis.chrome.runtime;
  const original = rt.sendMessage.bind(rt);
  rt.sendMessage = (msg) => msg.type === "Guide" ? Promise.resolve(window.__guideReply(msg.id)) : original(msg);
  window.__guideReply = (id) => ({ v: 1, type: "Guidance", id, guidance: {
    category: "complaint", lang: "en", action: "move_to_private", priority: "now",
    points: [
      { rule: "P1", text: '<img src=x onerror="window.__pwned=1">Name the order', why: "مرحبا بالعالم — reason" },
      { rule: "P3", text: "x".repeat(1 << 20), why: "long" },
      { rule: "<b>P9</b>", text: "Z̷̢̛a̸l̵g̶o̴ stays text", why: "" },
    ],
    opening: '<script>window.__pwned=2</script>Hello',
  } });
  return true;
})()`;

const SNAPSHOT = `JSON.stringify((() => {
  const host = document.querySelector("[data-candor-card]");
  const root = host?.shadowRoot;
  const d = root?.querySelector('[role="dialog"]');
  if (!d) return { present: false };
  return {
    present: true,
    shown: d.style.display !== "none",
    state: d.dataset.state,
    forId: host.dataset.candorFor,
    elements: [...root.querySelectorAll("img, script, b")].length,
    pwned: window.__pwned ?? null,
    texts: [...d.querySelectorAll("li[data-rule] > span:nth-child(2)")].map((s) => s.textContent.length),
    first: d.querySelector("li[data-rule] > span:nth-child(2)")?.textContent ?? "",
    rules: [...d.querySelectorAll("li[data-rule]")].map((li) => li.dataset.rule),
    whys: [...d.querySelectorAll("[data-candor-card-why]")].map((w) => w.dir),
    opening: d.querySelector("[data-candor-card-opening]")?.textContent ?? null,
    status: d.querySelector('[role="status"]')?.textContent ?? "",
    trainee: d.querySelector("[data-candor-card-trainee]")?.getAttribute("aria-checked"),
    focusInside: document.activeElement === host,
    activeArticle: document.activeElement?.closest?.("article") === document.activeElement,
    activeBadge: document.activeElement?.hasAttribute?.("data-candor-badge") ?? false,
  };
})())`;

test("the card shows hostile guidance as text, says when there is none, and opens from the keyboard", { skip }, async () => {
  const fixture = loadFixture(path.join(ROOT, "tests/fixtures/x/thread-en.html"));
  const result = await runPageLive({
    ...fixture,
    mode: "read",
    act: async (call, session) => {
      const value = async (expression) =>
        (await call("Runtime.evaluate", { expression, returnByValue: true }, session)).result.result.value;
      const settle = () => new Promise((r) => setTimeout(r, 300));
      const snap = async () => JSON.parse(await value(SNAPSHOT));
      const mouse = (type, x, y) => call("Input.dispatchMouseEvent", { type, x, y, button: "left", clickCount: 1 }, session);
      const key = (k, code, vk, modifiers = 0) =>
        call("Input.dispatchKeyEvent", { type: "keyDown", key: k, code, windowsVirtualKeyCode: vk, modifiers }, session).then(() =>
          call("Input.dispatchKeyEvent", { type: "keyUp", key: k, code, windowsVirtualKeyCode: vk, modifiers }, session),
        );
      const clickBadge = async (n) => {
        const [x, y] = await value(`(() => { const h = document.querySelectorAll("[data-candor-badge]")[${n}];
          h.closest("article").scrollIntoView({ block: "center" }); const r = h.getBoundingClientRect(); return [r.x, r.y]; })()`);
        await mouse("mouseMoved", x - 20, y + 8);
        await mouse("mousePressed", x - 20, y + 8);
        await mouse("mouseReleased", x - 20, y + 8);
        await settle();
      };
      await value(PATCH);
      const out = {};
      await clickBadge(0);
      out.hostile = await snap();
      await value(`document.querySelector("[data-candor-card]").shadowRoot.querySelector("[data-candor-card-trainee]").click()`);
      await settle();
      out.trainee = await snap();
      await key("Escape", "Escape", 27);
      out.closed = await snap();

      await value(`window.__guideReply = (id) => ({ v: 1, type: "Error", code: "unknown_comment", message: "not read yet" })`);
      await clickBadge(1);
      out.error = await snap();
      await key("Escape", "Escape", 27);
      await value(`window.__guideReply = () => ({ v: 1, type: "Ack" })`);
      await clickBadge(1);
      out.noAnswer = await snap();
      await key("Escape", "Escape", 27);

      await value(`window.__guideReply = (id) => ({ v: 1, type: "Guidance", id, guidance: { category: "question", lang: "fr",
        action: "answer_question", priority: "today", points: [{ rule: "P2", text: "Répondez", why: "r" }], opening: null } })`);
      out.focusedId = await value(`(() => { const a = document.querySelectorAll("article")[2]; a.tabIndex = 0;
        a.scrollIntoView({ block: "center" }); a.focus(); return a.querySelector("[data-candor-badge]")?.dataset.candorId ?? null; })()`);
      await key("G", "KeyG", 71, 1 | 8);
      await settle();
      out.shortcut = await snap();
      await key("Escape", "Escape", 27);
      out.shortcutClosed = await snap();
      return out;
    },
  });
  const a = result.acted;
  assert.equal(a.hostile.state, "ready", "the card did not show the guidance");
  assert.equal(a.hostile.elements, 0, "markup from the guidance became elements");
  assert.equal(a.hostile.pwned, null, "markup from the guidance ran");
  assert.ok(a.hostile.first.startsWith("<img"), "markup was not shown as text");
  assert.deepEqual(a.hostile.rules, ["P1", "P3", "?"], "rule ids");
  assert.ok(a.hostile.texts[1] <= 1200, `a 1 MB point was not clipped (${a.hostile.texts[1]})`);
  assert.equal(a.hostile.opening, "<script>window.__pwned=2</script>Hello");
  assert.equal(a.hostile.focusInside, true, "the focus did not go into the card");
  assert.equal(a.hostile.trainee, "false", "trainee mode was on without anyone asking");
  assert.deepEqual(a.hostile.whys, [], "reasons shown outside trainee mode");
  assert.equal(a.trainee.trainee, "true", "the switch did not turn trainee mode on");
  assert.deepEqual(a.trainee.whys, ["auto", "auto"], "every non-empty reason, each with its own direction");
  assert.equal(a.closed.shown, false, "Esc did not close the card");
  assert.equal(a.closed.activeBadge, true, "Esc did not give the focus back to the badge");
  assert.equal(a.error.state, "error");
  assert.match(a.error.status, /^cardUnavailable:not read yet$/, "the engine's error is not said");
  assert.equal(a.noAnswer.state, "error");
  assert.match(a.noAnswer.status, /cardNoAnswer/, "a non-answer is not said");
  assert.ok(a.focusedId, "no comment to focus");
  assert.equal(a.shortcut.forId, a.focusedId, "Alt+Shift+G did not open the focused comment's card");
  assert.equal(a.shortcut.state, "ready");
  assert.equal(a.shortcut.trainee, "true", "trainee mode was forgotten within the page");
  assert.equal(a.shortcutClosed.shown, false);
  assert.equal(a.shortcutClosed.activeArticle, true, "Esc did not give the focus back to the comment");
});
