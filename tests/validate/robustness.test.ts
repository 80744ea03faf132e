import { afterAll, beforeAll, expect, test } from "vitest";
import { CODES } from "../../src/catalogue/codes.js";
import type { ValidationReport } from "../../src/validate/build-report.js";
import { runParlex } from "../helpers/cli.js";
import { checkFixture, toTuple, type Tuple } from "../helpers/fixtures.js";
import { copyFixture, writeTreeFile, type TempTree } from "../helpers/temp-tree.js";

/*
 * Hostile inputs: validation must return a report for each — never throw, never exit 3 — and,
 * where the outcome is predictable, say exactly what is wrong and where.
 */

/** mulberry32: a tiny seeded generator, so the "random" files are the same on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomBytes(seed: number, length: number): Uint8Array {
  const next = random(seed);
  return Uint8Array.from({ length }, () => Math.floor(next() * 256));
}

/** Random text from YAML's punctuation and a few letters: it gets past decoding into the parser. */
function randomYamlish(seed: number, length: number): string {
  const next = random(seed);
  const alphabet = "ab1:- \n\n  [](){},&*!|>'\"#%@`?\t~=";
  return Array.from({ length }, () => alphabet[Math.floor(next() * alphabet.length)]).join("");
}

const TOPICS = "sources/topics/";
const DEPTH = 10_000;
const laughs = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
for (const [i, name] of [..."bcdefghi"].entries()) laughs.push(`${name}: &${name} [${Array(9).fill("*" + "abcdefghi"[i]).join(", ")}]`);

const HOSTILE: Record<string, string | Uint8Array> = {
  // Compact nested lists (`- - - x`): 10,000 levels on one 20 kB line.
  "deep-block.yaml": "id: deep-block\nlabel:\n  " + "- ".repeat(DEPTH) + "x\n",
  "deep-flow.yaml": "id: deep-flow\nlabel: " + "[".repeat(DEPTH) + "]".repeat(DEPTH) + "\n",
  "deep-flow-map.yaml": "id: deep-flow-map\nlabel: " + "{a: ".repeat(DEPTH) + "b" + "}".repeat(DEPTH) + "\n",
  "billion-laughs.yaml": laughs.join("\n") + "\n",
  "js-function.yaml": 'id: js-function\nlabel: !!js/function "function () { return process.exit(9) }"\ndescription: x\n',
  "proto.yaml": "id: proto\nlabel: P\ndescription: D\n__proto__:\n  polluted: yes\nconstructor: x\n",
  // A million characters: under the file size limit, so parsed, and over the schema's bound on a text.
  "huge-string.yaml": "id: huge-string\nlabel: Huge\ndescription: " + "x".repeat(1_000_000) + "\n",
};
for (let seed = 1; seed <= 8; seed++) {
  HOSTILE[`random-bytes-${seed}.yaml`] = randomBytes(seed, 2048);
  HOSTILE[`random-text-${seed}.yaml`] = randomYamlish(seed, 2048);
}

let tree: TempTree;
let report: ValidationReport;
beforeAll(async () => {
  tree = await copyFixture("valid-minimal");
  for (const [name, content] of Object.entries(HOSTILE)) await writeTreeFile(tree.dir, TOPICS + name, content);
  report = (await checkFixture(tree.dir)).report;
});
afterAll(() => tree.remove());

const findingsOf = (name: string): Tuple[] => report.diagnostics.filter((d) => d.file === TOPICS + name).map(toTuple);

test("every hostile file gets a report of well-formed findings from the catalogue", () => {
  expect(report.files).toBe(9 + Object.keys(HOSTILE).length);
  const malformed = report.diagnostics.filter((d) => !(d.code in CODES) || !(d.line >= 0 && d.column >= 0) || (d.line === 0) !== (d.column === 0));
  expect(malformed).toEqual([]);
  const unreported = Object.keys(HOSTILE).filter((name) => findingsOf(name).length === 0);
  expect(unreported).toEqual([]);
});

test("nesting 10,000 levels deep is one syntax error, at the first level past the limit", () => {
  // Level 1 is the record itself; the first list is level 2, at column 3, and each `- ` opens one more.
  expect(findingsOf("deep-block.yaml")).toEqual([["yaml/syntax", TOPICS + "deep-block.yaml", 3, 3 + 2 * 99]]);
  expect(findingsOf("deep-flow.yaml")).toEqual([["yaml/syntax", TOPICS + "deep-flow.yaml", 2, 8 + 99]]);
  expect(findingsOf("deep-flow-map.yaml")).toEqual([["yaml/syntax", TOPICS + "deep-flow-map.yaml", 2, 8 + 4 * 99]]);
});

test("an alias bomb is refused without expanding it: each anchor and alias is reported", () => {
  const found = findingsOf("billion-laughs.yaml");
  expect(found.length).toBe(9 + 8 * 9);
  expect(new Set(found.map((t) => t[0]))).toEqual(new Set(["yaml/alias"]));
  expect(found.slice(0, 3)).toEqual([
    ["yaml/alias", TOPICS + "billion-laughs.yaml", 1, 4],
    ["yaml/alias", TOPICS + "billion-laughs.yaml", 2, 4],
    ["yaml/alias", TOPICS + "billion-laughs.yaml", 2, 8],
  ]);
});

test("a language-specific tag is refused, not run", () => {
  expect(findingsOf("js-function.yaml")).toEqual([["yaml/unknown-tag", TOPICS + "js-function.yaml", 2, 8]]);
});

test("__proto__ and constructor are unknown properties like any other, and pollute nothing", () => {
  expect(findingsOf("proto.yaml")).toEqual([
    ["schema/unknown-property", TOPICS + "proto.yaml", 4, 1],
    ["schema/unknown-property", TOPICS + "proto.yaml", 6, 1],
  ]);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

test("a 1 MB value is a text too long, at its place", () => {
  expect(findingsOf("huge-string.yaml")).toEqual([["schema/length", TOPICS + "huge-string.yaml", 3, 14]]);
});

test("the CLI reports on the hostile tree with exit 1, never 3", async () => {
  const run = await runParlex(["validate", "--format", "json"], tree.dir);
  expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 1, stderr: "" });
  expect(JSON.parse(run.stdout)).toEqual(report);
});
