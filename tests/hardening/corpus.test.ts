import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { CODES } from "../../src/catalogue/codes.js";
import { runParlex } from "../helpers/cli.js";
import { FIXTURES_DIR } from "../helpers/fixtures.js";
import { copyFixture } from "../helpers/temp-tree.js";
import { BASE_FILES, listHostileCases, plantCase, runHostileCase, type HostileCase } from "./corpus.js";
import { CASE_TIME_BOUND_MS } from "./robustness-report.js";

/*
 * The hostile corpus (tests/hardening/cases/, one JSON per case): each case is one hostile file
 * in a copy of valid-minimal, and validation must answer with exactly the case's findings —
 * exit 0 or 1, nothing on stderr, within a time bound — and do what its policy says.
 */

const CASES = listHostileCases();

const severityOf = (code: string) => CODES[code as keyof typeof CODES]?.severity;
const replacesAFile = (c: HostileCase) => existsSync(path.join(FIXTURES_DIR, "valid-minimal", c.target));

describe("every hostile case yields exactly its expected findings, and its policy", () => {
  test.each(CASES.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    const outcome = await runHostileCase(c);
    const errors = c.expected.filter((t) => severityOf(t[0]) === "error").length;
    expect({ code: outcome.code, stderr: outcome.stderr }).toEqual({ code: errors > 0 ? 1 : 0, stderr: "" });
    expect(outcome.tuples).toEqual(c.expected);
    expect(outcome.ms).toBeLessThan(CASE_TIME_BOUND_MS);
    const files = BASE_FILES + (replacesAFile(c) ? 0 : 1);
    switch (c.policy) {
      case "reject":
        expect(errors).toBeGreaterThan(0);
        break;
      case "warn":
        expect(c.expected.length).toBeGreaterThan(0);
        expect(errors).toBe(0);
        break;
      case "accept":
        expect(c.expected).toEqual([]);
        expect(outcome.report?.files).toBe(files);
        if (c.sameAs !== undefined) {
          expect(outcome.records?.hostile).toBeDefined();
          expect(outcome.records?.hostile).toEqual(outcome.records?.plain);
        }
        break;
      case "ignore":
        expect(c.expected).toEqual([]);
        expect(replacesAFile(c)).toBe(false);
        expect(outcome.report?.files).toBe(BASE_FILES);
        break;
    }
  });
});

test("the corpus holds every hostile input the issue lists", () => {
  const required = [
    ...["yaml-unclosed-flow", "yaml-tab-indent", "yaml-duplicate-key", "yaml-anchor-alias", "yaml-alias-bomb"],
    ...["tag-js-function", "tag-binary", "proto-key", "constructor-key", "utf8-latin1", "bom", "crlf"],
    ...["control-nul", "size-10mb-string", "nesting-10000-block", "participants-100000"],
    ...["name-with-space", "name-non-ascii", "name-differs-from-id", "link-outside", "nfd-name", "nfkc-id", "mixed-script-cyrillic"],
    ...["formula-equals", "formula-plus", "formula-minus", "formula-at", "formula-tab", "formula-carriage-return"],
  ];
  expect(required.filter((name) => !CASES.some((c) => c.name === name))).toEqual([]);
  expect(CASES.filter((c) => !["reject", "warn", "accept", "ignore"].includes(c.policy)).map((c) => c.name)).toEqual([]);
  expect(CASES.filter((c) => c.sameAs !== undefined && c.policy !== "accept").map((c) => c.name)).toEqual([]);
  expect(CASES.flatMap((c) => c.expected.map((t) => t[0])).filter((code) => !(code in CODES))).toEqual([]);
});

// Tests in a file run in order: this one runs after every case above.
test("after the corpus, no __proto__ or constructor key has polluted Object.prototype", () => {
  expect((({}) as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.prototype).not.toHaveProperty("polluted");
});

test("a line break in a file name cannot forge a second GitHub annotation", async () => {
  const c = CASES.find((x) => x.name === "name-line-break")!;
  const tree = await copyFixture("valid-minimal");
  try {
    await plantCase(c, tree.dir);
    const run = await runParlex(["validate", "--archive", "archive", "--no-cache", "--format", "github"], tree.dir);
    const lines = run.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(c.expected.length + 1);
    expect(lines[0]).toMatch(/^::error file=sources\/topics\/sports%0Anews\.yaml,line=1,col=5,title=ref\/file-name::/);
  } finally {
    await tree.remove();
  }
});
