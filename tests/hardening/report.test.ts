import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect, test } from "vitest";
import { FAULT_POINTS } from "../../src/write/fault-point.js";
import { listHostileCases } from "./corpus.js";
import { cleanTally, recordedSection, renderRecordedSection } from "./robustness-report.js";
import { recordedSafetySection, SAFETY_SUITES } from "./safety-report.js";

/*
 * docs/robustness.md records the robustness report (npm run robustness -- --write). Its counts must
 * be what the suite tries now — every case in the corpus, the bounded fuzz run, every fault point and
 * the random kills — and everything that went wrong must be zero. A new case or fault point makes
 * this fail until the report is run again.
 */

const DOC = fileURLToPath(new URL("../../docs/robustness.md", import.meta.url));

test("docs/robustness.md records a clean run of what the suite tries (npm run robustness -- --write)", () => {
  const cases = listHostileCases();
  const recorded = recordedSection(readFileSync(DOC, "utf8"));
  expect(recorded).toBe(renderRecordedSection(cleanTally(cases.length, FAULT_POINTS.length), cases));
});

test("the report's tables name every part it counts", () => {
  const recorded = recordedSection(readFileSync(DOC, "utf8")) ?? "";
  for (const row of ["hostile cases", "fuzz mutations", "kills at fault points", "kills at random moments", "crashes", "hangs", "lost or partial outputs"]) expect(recorded).toContain(`| ${row}`);
});

test("docs/robustness.md records a run of every safety suite of issue 17, none failed or skipped", () => {
  const recorded = recordedSafetySection(readFileSync(DOC, "utf8")) ?? "";
  for (const suite of SAFETY_SUITES) {
    const row = recorded.split("\n").find((line) => line.startsWith(`| ${suite.class} |`));
    expect(row, suite.class).toBeDefined();
    // tests, passed, failed, skipped: some tests, all passed.
    const [tests, passed, failed, skipped] = row!.split("|").slice(-5, -1).map((c) => Number(c.trim()));
    expect(tests, suite.class).toBeGreaterThan(0);
    expect([passed, failed, skipped], suite.class).toEqual([tests, 0, 0]);
  }
  // Every test of the second table passed.
  const tests = recorded.split("| test | class | outcome |")[1]?.split("\n").filter((line) => line.startsWith("| ") && !line.startsWith("|---")) ?? [];
  expect(tests.length).toBeGreaterThan(SAFETY_SUITES.length);
  for (const line of tests) expect(line).toMatch(/ \| passed \|$/);
});
