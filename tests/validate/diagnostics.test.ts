import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import YAML, { LineCounter } from "yaml";
import { beforeAll, describe, expect, test } from "vitest";
import { CODES, type Code } from "../../src/catalogue/codes.js";
import type { Diagnostic } from "../../src/model/diagnostic.js";
import { parseSourceBytes } from "../../src/load/parse-source-bytes.js";
import { checkFixture, FIXTURES_DIR, listFixtures } from "../helpers/fixtures.js";
import { checkSourceTree } from "../../src/validate/check-source-tree.js";

const MEETING = "sources/meetings/2022/astana-talks.yaml";

test("a participant naming an unknown person is one error, at that id, naming the closest ids", async () => {
  const dir = path.join(FIXTURES_DIR, "ref--unknown-person");
  const { report } = await checkFixture(dir);
  expect(report.errors).toBe(1);
  expect(report.diagnostics.filter((d) => d.severity === "error")).toEqual([
    {
      code: "ref/unknown-person",
      severity: "error",
      message: "No person has the id `wang-lei`.",
      file: MEETING,
      line: 18,
      column: 13,
      pointer: "/participants/2/person",
      hint: "Did you mean `wang-li` or `wang-lin`?",
    },
  ]);
  // Line 18, column 13 is where the id is written.
  const line = readFileSync(path.join(dir, MEETING), "utf8").split("\n")[17]!;
  expect(line.slice(12)).toBe("wang-lei");
});

describe("broken YAML is reported where the YAML parser says", () => {
  const parserPositions = (text: string) => {
    const lineCounter = new LineCounter();
    const docs = YAML.parseAllDocuments(text, { schema: "failsafe", lineCounter });
    return (Array.isArray(docs) ? docs : [docs]).flatMap((d) => d.errors.map((e) => lineCounter.linePos(e.pos[0]))).map((p) => [p.line, p.col]);
  };

  test("the fixture: a colon inside a plain value", async () => {
    const { report } = await checkFixture(path.join(FIXTURES_DIR, "yaml--syntax"));
    const file = "sources/topics/trade.yaml";
    expect(report.diagnostics.filter((d) => d.file === file)).toEqual([
      {
        code: "yaml/syntax",
        severity: "error",
        message: "YAML syntax error: Nested mappings are not allowed in compact mappings",
        file,
        line: 2,
        column: 8,
        pointer: "",
        hint: CODES["yaml/syntax"].hint,
      },
    ]);
    expect(parserPositions(readFileSync(path.join(FIXTURES_DIR, "yaml--syntax", file), "utf8"))).toEqual([[2, 8]]);
  });

  test.each([
    ["a colon inside a plain value", "id: trade\nlabel: Trade: goods\ndescription: x\n"],
    ["an unclosed flow list", "id: trade\naliases: [commerce, exchange\ndescription: x\n"],
    ["an unclosed quote", 'id: trade\nlabel: "Trade\ndescription: x\n'],
    ["a key indented too far", "id: trade\nlabel: Trade\n   description: x\n"],
    ["a list item where a mapping goes on", "id: trade\nlabel: Trade\n- description: x\n"],
  ])("%s", (_what, text) => {
    const { record, diagnostics } = parseSourceBytes("t.yaml", new TextEncoder().encode(text));
    const expected = parserPositions(text);
    expect(record).toBeUndefined();
    expect(expected.length).toBeGreaterThan(0);
    expect(diagnostics.map((d) => [d.code, d.line, d.column])).toEqual(expected.map(([line, column]) => ["yaml/syntax", line, column]));
  });
});

describe("columns count characters (code points), as editors do, not UTF-16 units", () => {
  // The column of `needle` on `line`, in characters.
  const columnOf = (line: string, needle: string) => [...line.slice(0, line.indexOf(needle))].length + 1;

  test.each([["two emoji", "😀😀"], ["two accented letters", "ÜÜ"]])("a finding placed by its pointer after %s", async (_what, before) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "parlex-columns-"));
    try {
      cpSync(path.join(FIXTURES_DIR, "valid-minimal", "sources"), path.join(dir, "sources"), { recursive: true });
      const file = path.join(dir, MEETING);
      const line = `location: {city: "Пекин${before}", country: 12}`;
      writeFileSync(file, readFileSync(file, "utf8").replace("location:\n  city: Astana\n  country: KZ", line));
      const { report } = await checkSourceTree("sources", { cwd: dir });
      const found = report.diagnostics.filter((d) => d.severity === "error" && d.pointer === "/location/country");
      expect(found.length).toBeGreaterThan(0);
      for (const d of found) expect([d.line, d.column]).toEqual([5, columnOf(line, "12")]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("a YAML syntax error and an unsafe character after an emoji", () => {
    // Where the parser puts the error (a UTF-16 offset), in characters of its line.
    const text = 'id: trade\nlabel: {a: "😀😀", b: [x}\n';
    const lineCounter = new LineCounter();
    const offset = YAML.parseDocument(text, { lineCounter }).errors[0]!.pos[0];
    const { line, col } = lineCounter.linePos(offset);
    const start = lineCounter.lineStarts[line - 1]!;
    expect(col).toBeGreaterThan(columnOf(text.slice(start), "😀😀") + 2);
    const syntax = parseSourceBytes("t.yaml", new TextEncoder().encode(text));
    expect([syntax.diagnostics[0]!.code, syntax.diagnostics[0]!.line, syntax.diagnostics[0]!.column]).toEqual(["yaml/syntax", line, [...text.slice(start, offset)].length + 1]);
    const unsafe = parseSourceBytes("t.yaml", new TextEncoder().encode("id: trade\nlabel: 😀😀\u0007\n"));
    expect(unsafe.diagnostics.map((d) => [d.line, d.column])).toEqual([[2, columnOf("label: 😀😀\u0007", "\u0007")]]);
  });
});

describe("every finding of every fixture", () => {
  let findings: { dir: string; d: Diagnostic }[] = [];
  beforeAll(async () => {
    const dirs = listFixtures().map((name) => path.join(FIXTURES_DIR, name));
    const reports = await Promise.all(dirs.map(async (dir) => ({ dir, report: (await checkFixture(dir)).report })));
    findings = reports.flatMap(({ dir, report }) => report.diagnostics.map((d) => ({ dir, d })));
  });
  const all = () => findings;

  test("has the catalogue's severity, and no placeholder left unfilled", async () => {
    const wrong = all().filter(({ d }) => d.severity !== CODES[d.code as Code]?.severity || /\{\w+\}/.test(d.message + d.hint));
    expect(wrong.map(({ d }) => d)).toEqual([]);
  });

  test("points inside its file: a real line, a column at most one past the line's end", async () => {
    const outside = all().filter(({ dir, d }) => {
      if (d.line === 0) return d.column !== 0;
      const lines = readFileSync(path.join(dir, d.file), "utf8").split("\n");
      const line = lines[d.line - 1];
      return line === undefined || d.column < 1 || d.column > [...line].length + 1;
    });
    expect(outside.map(({ d }) => d)).toEqual([]);
  });
});
