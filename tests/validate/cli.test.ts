import path from "node:path";
import { describe, expect, test } from "vitest";
import { VALIDATE_HELP } from "../../src/cli/commands/validate.js";
import type { ValidationReport } from "../../src/validate/build-report.js";
import { checkSourceTree } from "../../src/validate/check-source-tree.js";
import { runParlex, runParlexProcess } from "../helpers/cli.js";
import { FIXTURES_DIR, toTuple } from "../helpers/fixtures.js";

const VALID = path.join(FIXTURES_DIR, "valid-minimal");
const MANY = path.join(FIXTURES_DIR, "many-errors-stable-order");
const MEETING = "sources/meetings/2022/astana-talks.yaml";

async function libraryReport(dir: string): Promise<ValidationReport> {
  return (await checkSourceTree("sources", { cwd: dir })).report;
}

async function jsonReport(argv: string[], dir: string): Promise<{ code: number; report: ValidationReport }> {
  const run = await runParlex(["validate", "--format", "json", ...argv], dir);
  expect(run.stderr).toBe("");
  return { code: run.code, report: JSON.parse(run.stdout) as ValidationReport };
}

describe("the real executable", () => {
  test("`validate --format json` prints exactly the library's report", async () => {
    const [run, report] = await Promise.all([runParlexProcess(["validate", "--format", "json"], MANY), libraryReport(MANY)]);
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 1, stderr: "" });
    expect(JSON.parse(run.stdout)).toEqual(report);
  });

  // Exit 1 on invalid sources is checked by the run above.
  test("exits 0 on valid sources and 2 on a usage error", async () => {
    const [valid, usage] = await Promise.all([runParlexProcess(["validate"], VALID), runParlexProcess(["validate", "--format", "xml"], VALID)]);
    expect({ code: valid.code, stderr: valid.stderr }).toEqual({ code: 0, stderr: "" });
    expect({ code: usage.code, stdout: usage.stdout }).toEqual({ code: 2, stdout: "" });
  });
});

describe("exit codes", () => {
  test.each([
    ["valid sources (warnings and notes allowed)", VALID, ["validate"], 0],
    ["invalid sources", MANY, ["validate"], 1],
    ["valid sources with the archive", VALID, ["validate", "--archive", "archive"], 0],
  ] as const)("%s → %i", async (_what, dir, argv, code) => {
    const run = await runParlex([...argv], dir);
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code, stderr: "" });
  });

  // Node and zod word these messages; the first line names the command, the second says where help is.
  test.each([
    ["an unknown option", ["validate", "--frmat", "json"]],
    ["a bad --format", ["validate", "--format", "xml"]],
    ["--format without a value", ["validate", "--format"]],
    ["--max-errors 0", ["validate", "--max-errors", "0"]],
    ["--max-errors that is not a number", ["validate", "--max-errors", "many"]],
  ])("%s is a usage error: exit 2, nothing on stdout", async (_what, argv) => {
    const run = await runParlex(argv, VALID);
    const lines = run.stderr.split("\n");
    expect({ code: run.code, stdout: run.stdout, lines: lines.length, help: lines[1] }).toEqual({
      code: 2,
      stdout: "",
      lines: 3,
      help: "Run `parlex validate --help` for usage.",
    });
    expect(lines[0]!.startsWith("parlex validate: ")).toBe(true);
  });

  test("a missing PATH is a usage error that names it", async () => {
    const run = await runParlex(["validate", "sources/meetings/2031"], VALID);
    expect(run).toEqual({
      code: 2,
      stdout: "",
      stderr: "parlex validate: sources/meetings/2031: no such file or folder\nRun `parlex validate --help` for usage.\n",
    });
  });

  test.each([
    ["an empty --out", ["build", "--out", ""], "parlex build: --out: must not be empty"],
    ["a value that starts with a dash", ["build", "--threads", "-1"], "parlex build: --threads: its value is missing, or starts with a dash (write --threads=VALUE to give one that does)"],
    ["--archive naming a file", ["validate", "--archive", "sources/topics/trade.yaml"], "parlex validate: --archive sources/topics/trade.yaml: not a folder"],
  ])("%s is a usage error in plain words", async (_what, argv, first) => {
    const run = await runParlex(argv, VALID);
    expect({ code: run.code, stdout: run.stdout, first: run.stderr.split("\n")[0] }).toEqual({ code: 2, stdout: "", first });
  });

  test("an unknown command is a usage error", async () => {
    const run = await runParlex(["valdate"], VALID);
    expect(run).toEqual({ code: 2, stdout: "", stderr: "parlex: unknown command `valdate`\nRun `parlex --help` for usage.\n" });
  });

  test("no command at all prints the usage and exits 2", async () => {
    const [bare, help] = await Promise.all([runParlex([], VALID), runParlex(["--help"], VALID)]);
    expect(bare).toEqual({ ...help, code: 2 });
  });

  test("an unexpected exception exits 3 with 'internal error, please report' and the stack", async () => {
    const failure = new Error("stdout is closed");
    const run = await runParlex(["validate"], VALID, {
      stdout: () => {
        throw failure;
      },
    });
    expect(run.code).toBe(3);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("internal error, please report");
    expect(run.stderr).toContain(failure.stack!);
  });
});

describe("help", () => {
  test("`parlex --help` prints the usage and exits 0", async () => {
    const run = await runParlex(["--help"], VALID);
    expect({ code: run.code, stderr: run.stderr, first: run.stdout.split("\n")[0] }).toEqual({ code: 0, stderr: "", first: "Usage: parlex <command> [options]" });
  });

  test.each([[["validate", "--help"]], [["validate", "-h"]], [["help", "validate"]], [["validate", "--format", "xml", "--help"]]])(
    "`parlex %s` prints validate's usage and exits 0",
    async (argv) => {
      expect(await runParlex(argv, VALID)).toEqual({ code: 0, stdout: VALIDATE_HELP + "\n", stderr: "" });
    },
  );
});

describe("--max-errors N", () => {
  test("lists the first N findings but keeps every count", async () => {
    const full = await libraryReport(MANY);
    const { code, report } = await jsonReport(["--max-errors", "3"], MANY);
    expect(code).toBe(1);
    expect(report).toEqual({ ...full, truncated: true, diagnostics: full.diagnostics.slice(0, 3) });
    expect(full.diagnostics.length).toBeGreaterThan(3);
  });

  test("is not truncated when N is at least the number of findings", async () => {
    const full = await libraryReport(MANY);
    const { report } = await jsonReport(["--max-errors", String(full.diagnostics.length)], MANY);
    expect(report).toEqual(full);
  });

  test("the human output says the list was cut", async () => {
    const run = await runParlex(["validate", "--max-errors", "1"], MANY);
    expect(run.stdout.split("\n").slice(-3)).toEqual([
      "… 1 of 14 findings listed (--max-errors).",
      "✗ sources: 12 errors, 1 warning, 1 note in 10 files.",
      "",
    ]);
  });
});

describe("PATH filtering", () => {
  test("a file PATH shows only that file's findings (and tree-wide notes), resolved against the whole tree", async () => {
    const full = await libraryReport(MANY);
    const { code, report } = await jsonReport([MEETING], MANY);
    const own = full.diagnostics.filter((d) => d.file === "" || d.file === MEETING);
    expect(code).toBe(1);
    expect(report.diagnostics).toEqual(own);
    expect(report.files).toBe(full.files);
    // Had only the meeting been read, every person, body, document and the visit it names would be unknown.
    expect(report.diagnostics.map(toTuple)).toEqual([
      ["archive/skipped", "", 0, 0],
      ["date/after-document", MEETING, 3, 7],
      ["date/outside-visit", MEETING, 3, 7],
      ["meeting/visit-country", MEETING, 7, 12],
      ["ref/unknown-person", MEETING, 10, 13],
      ["participant/side-country", MEETING, 17, 11],
      ["ref/unknown-topic", MEETING, 19, 5],
      ["quote/duplicate-id", MEETING, 26, 9],
      ["text/formula", MEETING, 33, 10],
    ]);
  });

  test("a valid file in a tree with errors elsewhere is valid: exit 0", async () => {
    const dir = path.join(FIXTURES_DIR, "ref--unknown-document");
    const { code, report } = await jsonReport([MEETING], dir);
    expect({ code, valid: report.valid, tuples: report.diagnostics.map(toTuple) }).toEqual({ code: 0, valid: true, tuples: [["archive/skipped", "", 0, 0]] });
    expect((await libraryReport(dir)).valid).toBe(false);
  });

  test("folder PATHs (with or without a trailing slash) and several PATHs", async () => {
    const full = await libraryReport(MANY);
    const under = (...prefixes: string[]) => full.diagnostics.filter((d) => d.file === "" || prefixes.some((p) => d.file.startsWith(p + "/")));
    expect((await jsonReport(["sources/people"], MANY)).report.diagnostics).toEqual(under("sources/people"));
    expect((await jsonReport(["sources/people/"], MANY)).report.diagnostics).toEqual(under("sources/people"));
    expect((await jsonReport(["sources/people", "sources/topics"], MANY)).report.diagnostics).toEqual(under("sources/people", "sources/topics"));
    expect((await jsonReport(["sources"], MANY)).report).toEqual(full);
  });
});
