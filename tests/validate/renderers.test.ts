import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import type { Diagnostic } from "../../src/model/diagnostic.js";
import { renderGithub } from "../../src/render/render-github.js";
import { renderHuman } from "../../src/render/render-human.js";
import { renderJson } from "../../src/render/render-json.js";
import { buildReport } from "../../src/validate/build-report.js";
import { checkSourceTree } from "../../src/validate/check-source-tree.js";
import { runParlex } from "../helpers/cli.js";
import { checkFixture, FIXTURES_DIR } from "../helpers/fixtures.js";

/*
 * Golden outputs: each renderer's text for a fixture, compared byte for byte with
 * tests/validate/golden/. After a deliberate change to a renderer, a message or the fixtures, run
 *
 *   UPDATE_GOLDEN=1 npx vitest run tests/validate/renderers.test.ts
 *
 * and read the diff of tests/validate/golden/ before committing it.
 */

const GOLDEN_DIR = fileURLToPath(new URL("./golden/", import.meta.url));
const UPDATE = process.env.UPDATE_GOLDEN === "1";

function expectGolden(name: string, actual: string): void {
  const file = path.join(GOLDEN_DIR, name);
  if (UPDATE) {
    mkdirSync(GOLDEN_DIR, { recursive: true });
    writeFileSync(file, actual);
  }
  expect(existsSync(file), `${name} is missing: run with UPDATE_GOLDEN=1 to write it`).toBe(true);
  expect(actual).toBe(readFileSync(file, "utf8"));
}

const MANY = path.join(FIXTURES_DIR, "many-errors-stable-order");
const VALID = path.join(FIXTURES_DIR, "valid-minimal");

describe("golden outputs", () => {
  test("github: one workflow annotation per finding, then the summary", async () => {
    const { report } = await checkFixture(MANY);
    expectGolden("github.txt", renderGithub(report));
  });

  test("human: findings with hints, then the verdict", async () => {
    const { report } = await checkFixture(MANY);
    expectGolden("human.txt", renderHuman(report));
  });

  test("human: a valid tree", async () => {
    const { report } = await checkFixture(VALID);
    expectGolden("human-valid.txt", renderHuman(report));
  });
});

describe("the verdict on quotes", () => {
  test("counts reported speech as quotes to check, not only direct quotes", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "parlex-quotes-"));
    try {
      cpSync(path.join(VALID, "sources"), path.join(dir, "sources"), { recursive: true });
      const meeting = path.join(dir, "sources/meetings/2022/astana-talks.yaml");
      writeFileSync(meeting, readFileSync(meeting, "utf8").replace("kind: direct", "kind: paraphrase"));
      const { report } = await checkSourceTree("sources", { cwd: dir });
      expect(report.valid).toBe(true);
      expect(renderHuman(report).trimEnd().split("\n").at(-1)).toMatch(/; quotes not checked \(no --archive\)\.$/);
      writeFileSync(meeting, readFileSync(meeting, "utf8").replace(/^quotes:[\s\S]*?(?=^documents:)/m, ""));
      const { report: without } = await checkSourceTree("sources", { cwd: dir });
      expect(renderGithub(without).trimEnd().split("\n").at(-1)).toMatch(/; no quotes to check\.$/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the CLI prints what the renderers render", () => {
  test.each([
    ["human", renderHuman],
    ["github", renderGithub],
    ["json", renderJson],
  ] as const)("--format %s", async (format, render) => {
    const { report } = await checkFixture(MANY);
    expect(await runParlex(["validate", "--format", format], MANY)).toEqual({ code: 1, stdout: render(report), stderr: "" });
  });

  test("human is the default format", async () => {
    const [plain, human] = await Promise.all([runParlex(["validate"], MANY), runParlex(["validate", "--format", "human"], MANY)]);
    expect(plain).toEqual(human);
  });
});

const finding = (over: Partial<Diagnostic>): Diagnostic => ({
  code: "schema/enum",
  severity: "error",
  message: "m",
  file: "sources/a.yaml",
  line: 2,
  column: 3,
  pointer: "/format",
  hint: "h",
  ...over,
});

describe("github escaping", () => {
  test("data escapes %, CR and LF; properties also escape : and ,", () => {
    const report = buildReport("sources", 1, [finding({ file: "sources/a:b,c.yaml", message: "100% sure\r\nnot", hint: "x" })], "none");
    expect(renderGithub(report)).toBe(
      "::error file=sources/a%3Ab%2Cc.yaml,line=2,col=3,title=schema/enum::100%25 sure%0D%0Anot%0Ahint: x\n" +
        "parlex: 1 error, 0 warnings in 1 file; no quotes to check.\n",
    );
  });

  test("a finding about no place has no file, line or col; a warning and a note use their commands", () => {
    const report = buildReport(
      "sources",
      1,
      [
        finding({ code: "archive/skipped", severity: "info", file: "", line: 0, column: 0, pointer: "" }),
        finding({ code: "file/ignored-extension", severity: "warning", file: "sources/a.yml", line: 0, column: 0, pointer: "" }),
      ],
      "skipped",
    );
    expect(renderGithub(report).split("\n")).toEqual([
      "::notice title=archive/skipped::m%0Ahint: h",
      "::warning file=sources/a.yml,title=file/ignored-extension::m%0Ahint: h",
      "parlex: 0 errors, 1 warning in 1 file; quotes not checked (no --archive).",
      "",
    ]);
  });
});

test("human colours the severity and the verdict only when asked", () => {
  const report = buildReport("sources", 1, [finding({})], "none");
  expect(renderHuman(report, true)).toBe(
    "sources/a.yaml:2:3  \u001b[31merror\u001b[0m  schema/enum  m\n    hint: h\n\u001b[31m✗ sources: 1 error, 0 warnings in 1 file.\u001b[0m\n",
  );
  expect(renderHuman(report, false)).toBe("sources/a.yaml:2:3  error  schema/enum  m\n    hint: h\n✗ sources: 1 error, 0 warnings in 1 file.\n");
});
