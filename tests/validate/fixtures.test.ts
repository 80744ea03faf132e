import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { CODES } from "../../src/catalogue/codes.js";
import { RUN_CODES } from "../../src/catalogue/codes-run.js";
import { checkFixture, FIXTURES_DIR, listFixtures, readExpected, toTuple } from "../helpers/fixtures.js";
import { RUNTIME_FIXTURES } from "../helpers/runtime-fixtures.js";
import { copyFixture, type TempTree } from "../helpers/temp-tree.js";

/*
 * Each folder in tests/fixtures/validate/ is valid-minimal with one mistake, named after the code
 * it shows (`schema--date` is `schema/date`); expected.json lists every finding as
 * [code, file, line, column], in report order, with file relative to the folder.
 */

const FIXTURES = listFixtures();

describe("every fixture yields exactly its expected findings", () => {
  test.each(FIXTURES)("%s", async (name) => {
    const { report } = await checkFixture(path.join(FIXTURES_DIR, name));
    expect(report.diagnostics.map(toTuple)).toEqual(readExpected(name));
  });
});

describe("fixtures built at run time (bytes and links git does not keep well)", () => {
  const trees: TempTree[] = [];
  afterAll(async () => {
    await Promise.all(trees.map((t) => t.remove()));
  });

  test.each(RUNTIME_FIXTURES.map((f) => [f.name, f] as const))("%s", async (_name, fixture) => {
    const tree = await copyFixture("valid-minimal");
    trees.push(tree);
    await fixture.create(tree.dir);
    const { report } = await checkFixture(tree.dir);
    expect(report.diagnostics.map(toTuple)).toEqual(fixture.expected);
  });
});

test("valid-minimal is valid: its only finding is the note that quotes were not verified", async () => {
  const { report } = await checkFixture(path.join(FIXTURES_DIR, "valid-minimal"));
  expect(report).toMatchObject({ valid: true, root: "sources", files: 9, errors: 0, warnings: 0, infos: 1, quotes: "skipped", truncated: false });
  expect(report.diagnostics.map(toTuple)).toEqual([["archive/skipped", "", 0, 0]]);
});

test("valid-minimal with its archive has no finding at all, and its direct quote is verified", async () => {
  const { report } = await checkFixture(path.join(FIXTURES_DIR, "valid-minimal"), { archiveDir: "archive" });
  expect(report).toEqual({ valid: true, root: "sources", files: 9, errors: 0, warnings: 0, infos: 0, quotes: "verified", truncated: false, diagnostics: [] });
});

test("the findings of many mistakes come in a stable order: file, line, column, code", async () => {
  const dir = path.join(FIXTURES_DIR, "many-errors-stable-order");
  const first = (await checkFixture(dir)).report;
  const second = (await checkFixture(dir)).report;
  expect(second).toEqual(first);
  const tuples = first.diagnostics.map(toTuple);
  const sorted = [...tuples].sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : a[2] - b[2] || a[3] - b[3] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)));
  expect(tuples).toEqual(sorted);
  // Two findings at one place (the date) are ordered by code.
  expect(tuples.slice(1, 3)).toEqual([
    ["date/after-document", "sources/meetings/2022/astana-talks.yaml", 3, 7],
    ["date/outside-visit", "sources/meetings/2022/astana-talks.yaml", 3, 7],
  ]);
});

/**
 * Codes no fixture can show, each with the reason. Keep this empty unless a code truly cannot
 * occur; a new code needs a fixture (a folder here, or a RUNTIME_FIXTURES entry).
 */
const RELEASE_REFUSAL = "a refusal of `parlex release`, not a finding in a source tree: shown by tests/release/plan-release.test.ts and release-cli.test.ts";
const UNREACHABLE: Record<string, string> = {
  ...Object.fromEntries(Object.keys(RUN_CODES).map((code) => [code, "a code of a run, not of a record: shown by the runs of tests/safety/"])),
  "release/nothing-changed": RELEASE_REFUSAL,
  "release/bump-too-small": RELEASE_REFUSAL,
  "release/already-published": RELEASE_REFUSAL,
  "release/date-in-future": RELEASE_REFUSAL,
  "release/date-before-previous": RELEASE_REFUSAL,
  "release/previous-unverified": RELEASE_REFUSAL,
  "release/missing-release": RELEASE_REFUSAL,
};

test("every code in the catalogue is shown by at least one fixture", () => {
  const shown = new Set([...FIXTURES.flatMap((name) => readExpected(name)), ...RUNTIME_FIXTURES.flatMap((f) => f.expected)].map((t) => t[0]));
  const missing = Object.keys(CODES).filter((code) => !shown.has(code) && !(code in UNREACHABLE));
  expect(missing).toEqual([]);
  // Fixtures only name real codes, and nothing listed as unreachable is in fact shown.
  expect([...shown].filter((code) => !(code in CODES))).toEqual([]);
  expect(Object.keys(UNREACHABLE).filter((code) => shown.has(code))).toEqual([]);
});

test("fixture folders are named after a code they show", () => {
  const misnamed = FIXTURES.filter((name) => {
    if (name === "valid-minimal" || name === "many-errors-stable-order") return false;
    const codes = readExpected(name).map((t) => t[0].replace("/", "--"));
    return !codes.some((code) => name === code || name.startsWith(code + "-"));
  });
  expect(misnamed).toEqual([]);
});
