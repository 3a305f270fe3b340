// Benchmark of the readers (prints figures; asserts nothing): an X thread of N replies (default
// 1,000) in headless Chromium, in real time. Prints the time until every reply has its badge, the
// longest stretch of content-script work without yielding (reading slices and observer
// callbacks), and the cost of 50 replies loaded later, on a 100-reply page and on the big one, to
// show that cost does not grow with what is already read. Verdicts come from a stand-in that
// answers at once, so the figures are the readers' own, not the engine's.
// Run: node tests/js/bench_readers.mjs [N]
import { execFileSync } from "node:child_process";
import { readFileSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { runPageLive, ROOT } from "./chromium_page.mjs";

const big = Number(process.argv[2] ?? 1000);
const dir = mkdtempSync(path.join(os.tmpdir(), "candor-bench-"));

async function measure(count) {
  const file = path.join(dir, `x-thread-${count}.html`);
  execFileSync("python3", [path.join(ROOT, "tests/fixtures/gen_big_thread.py"), String(count), file], { stdio: "ignore" });
  const sidecar = JSON.parse(readFileSync(file.replace(/\.html$/, ".json"), "utf8"));
  return runPageLive({ url: sidecar.url, csp: sidecar.csp, html: readFileSync(file, "utf8"), mode: "bench" });
}

const round = (v) => Math.round(v * 10) / 10;
for (const count of [100, big]) {
  const r = await measure(count);
  console.log(
    `${count} replies: all badged ${round(r.allBadgedMs)} ms after the scripts started; ` +
      `longest slice ${round(r.load.longestSliceMs)} ms, longest observer callback ${round(r.load.longestObserverMs)} ms, ` +
      `${r.load.reads} reads in ${r.load.slices} slices (reading ${round(r.load.readMs)} ms, drawing ${round(r.load.drawMs)} ms) | +50 replies: badged in ${round(r.more50.ms)} ms, ` +
      `${r.more50.reads} reads, longest slice ${round(r.more50.longestSliceMs)} ms, longest observer callback ${round(r.more50.longestObserverMs)} ms`,
  );
}
