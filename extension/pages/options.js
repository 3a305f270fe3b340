// The options page: loads the engine (Rust compiled to wasm) and lets its UI draw the brand profiles.
// Everything the page shows and decides lives in crate/src/web/ui/options*.
import init, { mount_options } from "../pkg/candor.js";

try {
  await init();
  mount_options();
} catch (error) {
  // Before the engine runs there are no translated strings yet: say it plainly, in both languages.
  document.getElementById("candor-options").textContent =
    `Candor could not start / Candor n'a pas pu démarrer: ${error?.message ?? error}`;
}
