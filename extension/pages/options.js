// The options page: loads Candor's UI and engine (Rust compiled to wasm) and lets the UI draw the
// brand profiles.
// Everything the page shows and decides lives in crate/src/web/ui/options*.
// The page's UI is the `ui` module; its live preview asks the `engine` module, loaded beside it.
import initUi, { mount_options } from "../pkg/ui.js";
import initEngine, { preview_guidance } from "../pkg/engine.js";

try {
  await Promise.all([initUi(), initEngine()]);
  mount_options(preview_guidance);
} catch (error) {
  // Before the engine runs there are no translated strings yet: say it plainly, in both languages.
  document.getElementById("candor-options").textContent =
    `Candor could not start / Candor n'a pas pu démarrer: ${error?.message ?? error}`;
}
