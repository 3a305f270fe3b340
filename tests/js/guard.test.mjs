// Table-driven checks of what the delete guard treats as a removal (extension/content/editors.js).
import { test } from "node:test";
import assert from "node:assert/strict";
import "../../extension/content/editors.js";

const { removalOf, editors } = globalThis.Candor;

test("menu items that remove a comment, EN and FR", () => {
  const cases = [
    ["Delete", "delete"],
    ["  Delete comment ", "delete"],
    ["Supprimer", "delete"],
    ["Supprimer le commentaire", "delete"],
    ["Hide reply", "hide"],
    ["Hide comment", "hide"],
    ["Masquer la réponse", "hide"],
    ["Masquer le commentaire", "hide"],
    ["Remove", "remove"],
    ["Retirer la publication", "remove"],
    ["Report comment", null],
    ["Signaler le commentaire", null],
    ["Pin to your profile", null],
    ["Copy link to comment", null],
    ["Deleted", null],
    ["Hidden replies", null],
    ["Edit", null],
    ["", null],
    [null, null],
  ];
  for (const [text, want] of cases) assert.equal(removalOf(text), want, String(text));
});

test("every platform names its editors, menu buttons and menu items", () => {
  for (const name of ["x", "facebook", "linkedin"]) {
    for (const role of ["editor", "paragraph", "scope", "menuButton", "menuItem", "replyButton"]) {
      assert.ok(Array.isArray(editors[name][role]) && editors[name][role].length > 0, `${name}.${role}`);
    }
  }
  // Messenger's chat box is Lexical too: only comment and reply boxes are coached.
  assert.ok(editors.facebook.editor.every((s) => s.includes("aria-label^=")));
});
