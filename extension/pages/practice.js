// The practice page: loads Candor's UI and engine (Rust compiled to wasm) and lets the UI draw the
// practice threads. Everything the page shows and decides lives in crate/src/web/ui/practice*; the
// coach's review of a draft is the engine module's practice_review, loaded beside the UI.
import initUi, { mount_practice } from "../pkg/ui.js";
import initEngine, { practice_review } from "../pkg/engine.js";

try {
  await Promise.all([initUi(), initEngine()]);
  mount_practice(practice_review);
} catch (error) {
  // Before the UI runs there are no translated strings yet: say it plainly, in both languages.
  document.getElementById("candor-practice").textContent =
    `Candor could not start / Candor n'a pas pu démarrer: ${error?.message ?? error}`;
}
