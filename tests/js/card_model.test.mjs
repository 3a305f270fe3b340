// Table-driven checks of the guidance card's pure decisions (extension/content/card_model.js).
import { test } from "node:test";
import assert from "node:assert/strict";
import "../../extension/content/card_model.js";

const M = globalThis.CandorCardModel;

const GUIDANCE = {
  category: "complaint",
  lang: "fr",
  action: "move_to_private",
  priority: "now",
  points: [
    { rule: "P1", text: "Citez la commande VR-20931.", why: "La personne voit qu'on l'a lue." },
    { rule: "P3", text: "Proposez la suite en message privé.", why: "Les données restent privées." },
    { rule: "P16", text: "Les plaintes se multiplient.", why: "" },
  ],
  opening: "Camille, la commande VR-20931 arrivée abîmée, c'est inacceptable.",
};

test("cardView keeps what it understands and drops the rest", () => {
  const cases = [
    // [name, guidance, trainee, expected (subset) or null]
    ["not an object", "nope", false, null],
    ["no points", { lang: "en" }, false, null],
    [
      "trainee off hides every reason",
      GUIDANCE,
      false,
      { lang: "fr", actionKey: "cardActionMoveToPrivate", priorityKey: "cardPriorityNow", urgent: true, whys: [null, null, null], rules: ["P1", "P3", "P16"] },
    ],
    [
      "trainee on shows the non-empty reasons",
      GUIDANCE,
      true,
      { whys: ["La personne voit qu'on l'a lue.", "Les données restent privées.", null], rules: ["P1", "P3", "P16"] },
    ],
    [
      "odd rule ids, empty texts and unknown enums",
      { lang: "xx", action: "dance", priority: 3, points: [{ rule: "<b>", text: "a" }, { rule: "P2", text: "  " }, null, { rule: "P123", text: "b" }] },
      true,
      { lang: "en", actionKey: null, priorityKey: null, urgent: false, rules: ["?", "?"], whys: [null, null], opening: null },
    ],
  ];
  for (const [name, guidance, trainee, want] of cases) {
    const got = M.cardView(guidance, trainee);
    if (want === null) {
      assert.equal(got, null, name);
      continue;
    }
    for (const [key, value] of Object.entries(want)) {
      if (key === "whys") assert.deepEqual(got.points.map((p) => p.why), value, name);
      else if (key === "rules") assert.deepEqual(got.points.map((p) => p.rule), value, name);
      else assert.deepEqual(got[key], value, `${name}: ${key}`);
    }
  }
});

test("cardView clips long text and caps the points", () => {
  const long = "x".repeat(5000);
  const many = Array.from({ length: 20 }, (_, i) => ({ rule: `P${i + 1}`, text: long, why: long }));
  const got = M.cardView({ lang: "en", points: many, opening: long }, true);
  assert.equal(got.points.length, 8);
  assert.ok(got.points.every((p) => p.text.length === 1200 && p.why.length === 1200));
  assert.equal(got.opening.length, 1200);
});

test("placeCard stays in the viewport, below the badge or above it", () => {
  const viewport = { width: 1000, height: 800 };
  const size = { width: 380, height: 300 };
  const cases = [
    // [name, anchor, expected {left, top}]
    ["room below: under the badge, right edges aligned", { left: 900, right: 960, top: 100, bottom: 118 }, { left: 580, top: 124 }],
    ["near the bottom: above the badge", { left: 900, right: 960, top: 700, bottom: 718 }, { left: 580, top: 394 }],
    ["near the left edge: pushed right", { left: 0, right: 60, top: 100, bottom: 118 }, { left: 8, top: 124 }],
    ["off to the right: pulled in", { left: 1100, right: 1200, top: 100, bottom: 118 }, { left: 612, top: 124 }],
    ["mid-page, left of centre: below", { left: 500, right: 560, top: 300, bottom: 318 }, { left: 180, top: 324 }],
  ];
  for (const [name, anchor, want] of cases) {
    const got = M.placeCard(anchor, size, viewport);
    assert.deepEqual({ left: got.left, top: got.top }, want, name);
    assert.ok(got.left >= 8 && got.left + size.width <= viewport.width - 8, `${name}: horizontally inside`);
    assert.ok(got.top >= 8 && got.top + Math.min(size.height, got.maxHeight) <= viewport.height - 8, `${name}: vertically inside`);
  }
  const tall = [
    // [name, anchor, size, viewport, expected]
    ["taller than the room: below, as tall as the room", { left: 0, right: 60, top: 10, bottom: 28 }, { width: 380, height: 2000 }, { width: 400, height: 300 }, { left: 8, top: 34, maxHeight: 258 }],
    ["more room above: ends just above the badge", { left: 900, right: 960, top: 600, bottom: 618 }, { width: 380, height: 900 }, viewport, { left: 580, top: 8, maxHeight: 586 }],
    ["no room on either side: covers, inside the window", { left: 900, right: 960, top: 60, bottom: 78 }, { width: 380, height: 900 }, { width: 1000, height: 180 }, { left: 580, top: 8, maxHeight: 164 }],
  ];
  for (const [name, anchor, s, v, want] of tall) {
    const got = M.placeCard(anchor, s, v);
    assert.deepEqual(got, want, name);
    if (got.top > anchor.bottom) assert.ok(got.top + got.maxHeight <= v.height - 8, `${name}: ends inside`);
    else if (got.maxHeight < v.height - 16) assert.ok(got.top + got.maxHeight <= anchor.top, `${name}: does not cover the badge`);
  }
});

test("nextFocus cycles both ways and enters from outside", () => {
  const cases = [
    [3, 0, false, 1],
    [3, 2, false, 0],
    [3, 0, true, 2],
    [3, 1, true, 0],
    [3, -1, false, 0],
    [3, -1, true, 2],
    [1, 0, false, 0],
    [0, -1, false, -1],
  ];
  for (const [count, current, back, want] of cases) assert.equal(M.nextFocus(count, current, back), want, `${count} ${current} ${back}`);
});

test("isOpenShortcut is Alt+Shift+G only", () => {
  const cases = [
    [{ altKey: true, shiftKey: true, code: "KeyG", key: "G" }, true],
    [{ altKey: true, shiftKey: true, code: "KeyG", key: "˝" }, true],
    [{ altKey: true, shiftKey: true, code: "", key: "g" }, true],
    [{ altKey: true, shiftKey: false, code: "KeyG", key: "g" }, false],
    [{ altKey: true, shiftKey: true, ctrlKey: true, code: "KeyG", key: "G" }, false],
    [{ altKey: true, shiftKey: true, metaKey: true, code: "KeyG", key: "G" }, false],
    [{ altKey: true, shiftKey: true, code: "KeyH", key: "H" }, false],
    [null, false],
  ];
  for (const [event, want] of cases) assert.equal(M.isOpenShortcut(event), want, JSON.stringify(event));
});

test("colours: alpha and darkness from the page's own", () => {
  const cases = [
    ["rgb(15, 20, 25)", 0.25, "rgba(15, 20, 25, 0.25)", true],
    ["rgba(255, 255, 255, 1)", 0.5, "rgba(255, 255, 255, 0.5)", false],
    ["rgb(0 0 0)", 0.1, "rgba(0, 0, 0, 0.1)", true],
    ["rgb(231, 233, 234)", 0.3, "rgba(231, 233, 234, 0.3)", false],
    ["transparent", 0.2, "rgba(0, 0, 0, 0.2)", false],
  ];
  for (const [colour, alpha, want, dark] of cases) {
    assert.equal(M.withAlpha(colour, alpha), want, colour);
    assert.equal(M.isDark(colour), dark, `${colour} dark`);
  }
});
