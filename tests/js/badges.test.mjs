// The badge as a person meets it, in headless Chromium driven like a user (real mouse and keyboard
// events over the DevTools pipe): a click on a badge stays Candor's (the site's own click and key
// handlers never see it, so X does not open the post), the click opens the guidance card with the
// focus in it, Tab stays inside, Escape gives the focus back to the badge, and the page's focus is
// never taken without the person's action.
import { test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { runPageLive, loadFixture, chromiumPath, ROOT } from "./chromium_page.mjs";

const skip = chromiumPath() ? false : "no Chromium installed";

test("a badge takes clicks and keys for itself, and focus only when asked", { skip }, async () => {
  const fixture = loadFixture(path.join(ROOT, "tests/fixtures/x/thread-en.html"));
  const result = await runPageLive({
    ...fixture,
    mode: "read",
    act: async (call, session) => {
      const value = async (expression) =>
        (await call("Runtime.evaluate", { expression, returnByValue: true }, session)).result.result.value;
      const mouse = (type, x, y) => call("Input.dispatchMouseEvent", { type, x, y, button: "left", clickCount: 1 }, session);
      const key = (type, k, code, vk) => call("Input.dispatchKeyEvent", { type, key: k, code, windowsVirtualKeyCode: vk }, session);
      await value(`(window.__seen = { click: 0, keydown: 0 },
        document.addEventListener("click", () => window.__seen.click++),
        document.addEventListener("keydown", () => window.__seen.keydown++), 0)`);
      const before = await value("document.activeElement === document.body");
      const [x, y] = await value(`(() => { const h = document.querySelector("[data-candor-badge]");
        h.scrollIntoView({ block: "center" }); const r = h.getBoundingClientRect(); return [r.x, r.y]; })()`);
      await mouse("mouseMoved", x - 20, y + 8);
      await mouse("mousePressed", x - 20, y + 8);
      await mouse("mouseReleased", x - 20, y + 8);
      // The click opens the guidance card (card.js), which takes the focus.
      const focusedCard = await value(`document.activeElement?.hasAttribute("data-candor-card") ?? false`);
      await key("keyDown", "Enter", "Enter", 13);
      await key("keyUp", "Enter", "Enter", 13);
      const seen = await value("JSON.stringify(window.__seen)");
      await key("keyDown", "Tab", "Tab", 9);
      const afterTab = await value(`document.activeElement?.hasAttribute("data-candor-card") ?? false`);
      await key("keyDown", "Escape", "Escape", 27);
      const afterEscape = await value(`document.activeElement?.hasAttribute("data-candor-badge") ?? false`);
      // A control the page itself owns, clicked: the page sees it (the shield is only around badges).
      const [cx, cy] = await value(`(() => { const b = document.querySelector('[data-testid="caret"]');
        const r = b.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; })()`);
      await mouse("mousePressed", cx, cy);
      await mouse("mouseReleased", cx, cy);
      const pageClicks = await value("window.__seen.click");
      return { before, focusedCard, seen: JSON.parse(seen), afterTab, afterEscape, pageClicks };
    },
  });
  const acted = result.acted;
  assert.equal(acted.before, true, "the page's focus was taken before anyone acted");
  assert.equal(acted.focusedCard, true, "a clicked badge did not move the focus into its card");
  assert.deepEqual(acted.seen, { click: 0, keydown: 0 }, "the site saw a click or a key meant for the badge");
  assert.equal(acted.afterTab, true, "Tab left the open card");
  assert.equal(acted.afterEscape, true, "Escape did not give the focus back to the badge");
  assert.equal(acted.pageClicks, 1, "the page's own controls stopped receiving clicks");
});
