// Judges a `cargo xtask e2e --report FILE` report against the fixtures' expectations (the same
// rules as tests/README.md): every expected comment read with the right fields, nothing else when
// `exact`, unknown layouts reported unreadable, no error or request from the extension.
// Run: node tests/js/check_e2e_report.mjs REPORT.json [PAGES_DIR (default tests/fixtures)]
// Exits 1 when any page falls short.
import { readFileSync } from "node:fs";
import path from "node:path";
import { ROOT } from "./chromium_page.mjs";

const [reportFile, pagesDir = path.join(ROOT, "tests/fixtures")] = process.argv.slice(2);
if (!reportFile) {
  console.error("usage: node tests/js/check_e2e_report.mjs REPORT.json [PAGES_DIR]");
  process.exit(2);
}

/** Every way one reported page falls short of its expectations. */
export function problemsOf(page, expect) {
  const problems = [];
  for (const e of page.extension_errors ?? []) problems.push(`extension error: ${e.context}: ${String(e.message).split("\n")[0]}`);
  for (const r of page.extension_requests ?? []) problems.push(`request by the extension: ${r.method} ${r.host}${r.path}`);
  for (const c of page.console_errors ?? []) if (/extension/i.test(JSON.stringify(c))) problems.push(`extension console error: ${c.text}`);
  if (page.load_error) problems.push(`did not load: ${page.load_error}`);
  const got = page.comments ?? [];
  if (expect.recognised === false) {
    if (page.status !== "unreadable") problems.push(`should be unreadable, status is ${page.status}`);
    if (got.length) problems.push(`an unreadable page yielded ${got.length} comments`);
    return problems;
  }
  if (page.status !== "reading") problems.push(`status is ${page.status}`);
  if (expect.platform && page.platform !== expect.platform) problems.push(`platform ${page.platform}, want ${expect.platform}`);
  const byId = new Map(got.map((c) => [c.id, c]));
  for (const want of expect.comments ?? []) {
    const c = byId.get(want.id);
    if (!c) {
      problems.push(`comment ${want.id} (${want.author}) was not read`);
      continue;
    }
    byId.delete(want.id);
    for (const key of ["author", "depth", "parent_id", "by_brand", "text", "truncated", "category"]) {
      if (key in want && c[key] !== want[key]) problems.push(`${want.id}.${key} is ${JSON.stringify(c[key])}, want ${JSON.stringify(want[key])}`);
    }
    if (want.text_contains && !String(c.text).includes(want.text_contains)) problems.push(`${want.id}.text lacks ${JSON.stringify(want.text_contains)}`);
  }
  if (expect.exact) for (const c of byId.values()) problems.push(`unexpected comment ${c.id} (${c.author})`);
  return problems;
}

const report = JSON.parse(readFileSync(reportFile, "utf8"));
let failed = 0;
let passed = 0;
for (const page of report) {
  const sidecar = JSON.parse(readFileSync(path.join(pagesDir, page.file.replace(/\.html$/, ".expect.json")), "utf8"));
  const problems = problemsOf(page, sidecar.expect);
  if (problems.length) {
    failed += 1;
    console.log(`FAIL ${page.file}\n  ${problems.join("\n  ")}`);
  } else {
    passed += 1;
    console.log(`ok   ${page.file} (${page.comments.length} comments, ${page.status})`);
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
