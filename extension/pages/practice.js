// The practice page: loads Candor's UI and the practice review (Rust compiled to wasm) and lets the
// UI draw the practice threads. Everything the page shows and decides lives in
// crate/src/web/ui/practice*; the review of a draft is the `practice` module's practice_review
// (crate/src/practice), loaded beside the UI.
import initUi, { mount_practice } from "../pkg/ui.js";
import initPractice, { practice_review } from "../pkg/practice.js";

try {
  await Promise.all([initUi(), initPractice()]);
  mount_practice(practice_review);
} catch (error) {
  // Before the UI runs there are no translated strings yet: say it plainly, in both languages.
  document.getElementById("candor-practice").textContent =
    `Candor could not start / Candor n'a pas pu démarrer: ${error?.message ?? error}`;
}
