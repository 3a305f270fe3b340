// The side panel page: loads the engine (Rust compiled to wasm) and lets its UI draw the panel.
// Everything the panel shows and decides lives in crate/src/web/ui/.
import init, { mount_side_panel } from "../pkg/ui.js";

try {
  await init();
  mount_side_panel();
} catch (error) {
  // Before the engine runs there are no translated strings yet: say it plainly, in both languages.
  document.getElementById("candor-panel").textContent =
    `Candor could not start / Candor n'a pas pu démarrer: ${error?.message ?? error}`;
}
