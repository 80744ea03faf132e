import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

/*
 * The safety part of the robustness report (issue 17): the suites that run the real commands
 * against each class of attack and accident — output folders, concurrent runs, bounded reads,
 * the environment's errors, a foreign cache, unsafe descriptors, and inputs that slip through —
 * run by `npm run robustness`, and the section of docs/robustness.md that records their outcome.
 */

export const SAFETY_BEGIN = "<!-- safety-report:begin — written by `npm run robustness -- --write`; do not edit -->";
export const SAFETY_END = "<!-- safety-report:end -->";

/** Each class of issue 17 and the suites that try it with real processes. */
export const SAFETY_SUITES: readonly { class: string; files: readonly string[] }[] = [
  { class: "data loss: output folders that are not parlex's own", files: ["tests/safety/output-folder.test.ts"] },
  { class: "concurrent builds and releases", files: ["tests/safety/concurrent-runs.test.ts"] },
  { class: "reads without bounds: sources and archived texts", files: ["tests/safety/bounded-reads.test.ts"] },
  { class: "reads without bounds: verify (gzip bombs, entries, declared bytes, FIFOs, devices)", files: ["tests/safety/verify-bounds.test.ts"] },
  { class: "the environment's errors (read-only, full disk, permissions, open files)", files: ["tests/safety/environment-errors.test.ts"] },
  { class: "a cache written by someone else", files: ["tests/safety/foreign-cache.test.ts"] },
  { class: "loaders given unsafe descriptors (Python, R)", files: ["tests/consumers/unsafe-descriptors.test.ts"] },
  { class: "release dates out of order, a damaged previous release", files: ["tests/release/release-cli.test.ts"] },
  { class: "formats that disagree (CSV, JSON, Arrow, Parquet)", files: ["tests/verify/verify.test.ts"] },
];

/** One test of a safety suite as vitest reported it. */
export interface SafetyTest {
  class: string;
  file: string;
  name: string;
  passed: boolean;
  skipped: boolean;
  ms: number;
}

/** Run every safety suite once, through vitest, and return each test's outcome. */
export function runSafetySuites(repo: string): SafetyTest[] {
  const files = SAFETY_SUITES.flatMap((s) => s.files);
  const classOf = (file: string) => SAFETY_SUITES.find((s) => s.files.includes(file))!.class;
  // A suite that is missing, fails to load, or runs no test is a failure of its own, never silence.
  const failed = (file: string, name: string): SafetyTest => ({ class: classOf(file), file, name, passed: false, skipped: false, ms: 0 });
  const missing = files.filter((f) => !existsIn(repo, f)).map((f) => failed(f, "(the suite file is missing)"));
  const scratch = mkdtempSync(path.join(os.tmpdir(), "parlex-safety-"));
  const report = path.join(scratch, "report.json");
  try {
    const run = spawnSync(process.execPath, [path.join(repo, "node_modules/vitest/vitest.mjs"), "run", ...files.filter((f) => existsIn(repo, f)), "--reporter=json", `--outputFile=${report}`], { cwd: repo, stdio: ["ignore", "ignore", "inherit"], env: process.env });
    if (!existsIn(scratch, "report.json")) return [...missing, failed(files[0]!, `(vitest wrote no report; exit ${run.status ?? run.signal})`)];
    const json = JSON.parse(readFileSync(report, "utf8")) as { testResults: { name: string; status: string; message?: string; assertionResults: { fullName: string; status: string; duration?: number }[] }[] };
    const tests = json.testResults.flatMap((suite) => {
      const file = path.relative(repo, suite.name);
      const cls = classOf(file);
      const ran = suite.assertionResults.map((t) => ({ class: cls, file, name: t.fullName, passed: t.status === "passed", skipped: t.status === "skipped" || t.status === "pending", ms: t.duration ?? 0 }));
      if (suite.status === "failed" && ran.every((t) => t.passed)) ran.push(failed(file, `(the suite failed: ${(suite.message ?? "").split("\n")[0]})`));
      return ran.length === 0 ? [failed(file, "(the suite ran no test)")] : ran;
    });
    const reported = new Set(json.testResults.map((suite) => path.relative(repo, suite.name)));
    const unreported = files.filter((f) => existsIn(repo, f) && !reported.has(f)).map((f) => failed(f, "(the suite was not run)"));
    return [...missing, ...unreported, ...tests];
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function existsIn(folder: string, file: string): boolean {
  return existsSync(path.join(folder, file));
}

/** The recorded safety section: per class, the tests tried and how many passed; then every test. */
export function renderSafetySection(tests: readonly SafetyTest[]): string {
  const lines = [SAFETY_BEGIN, "", "| class (issue 17) | suites | tests | passed | failed | skipped |", "|---|---|---:|---:|---:|---:|"];
  for (const suite of SAFETY_SUITES) {
    const of = tests.filter((t) => t.class === suite.class);
    const count = (p: (t: SafetyTest) => boolean) => of.filter(p).length;
    lines.push(`| ${suite.class} | ${suite.files.map((f) => `\`${f}\``).join(", ")} | ${of.length} | ${count((t) => t.passed)} | ${count((t) => !t.passed && !t.skipped)} | ${count((t) => t.skipped)} |`);
  }
  lines.push("", "| test | class | outcome |", "|---|---|---|");
  for (const t of tests) lines.push(`| ${t.name.replace(/\|/g, "\\|")} | ${t.class} | ${t.passed ? "passed" : t.skipped ? "skipped" : "FAILED"} |`);
  lines.push("", SAFETY_END);
  return lines.join("\n");
}

/** The recorded safety section of a document, or undefined when its markers are missing. */
export function recordedSafetySection(doc: string): string | undefined {
  const start = doc.indexOf(SAFETY_BEGIN);
  const end = doc.indexOf(SAFETY_END);
  return start < 0 || end < start ? undefined : doc.slice(start, end + SAFETY_END.length);
}
