// validate with a warm cache: files known by their stat come from the stat index alone (no log,
// no records), and the tree-wide findings of the last run stand while no file's tree facts change.
// The proof is always the same: the warm report equals a cold one, after every kind of edit.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { mutateTree, type Tree } from "../../src/fuzz/mutate-tree.js";
import { createRandom } from "../../src/fuzz/random.js";
import { checkSourceTree } from "../../src/validate/check-source-tree.js";
import { withSpeed } from "../../src/speed/file-checks.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const SMALL = path.join(ROOT, "tests/fixtures/build/small/sources");
const scratch = mkdtempSync(path.join(os.tmpdir(), "parlex-tree-findings-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let tree: string;
let run = 0;
beforeEach(() => {
  tree = path.join(scratch, `tree-${++run}`);
  cpSync(SMALL, path.join(tree, "sources"), { recursive: true });
});

const CACHE = ".parlex-cache";
const warm = () => checkSourceTree("sources", withSpeed({ cwd: tree, cacheDir: CACHE, threads: 0 }));
const cold = () => checkSourceTree("sources", withSpeed({ cwd: tree, threads: 0 }));
const cacheFile = (prefix: string) => path.join(tree, CACHE, readdirSync(path.join(tree, CACHE)).find((n) => n.startsWith(prefix))!);
// Copied files are "racy" for two seconds (see check-cache.ts): wait, so unchanged files are known by their stat.
const settle = () => new Promise((resolve) => setTimeout(resolve, 2100));
const edit = (file: string, from: string | RegExp, to: string) => {
  const full = path.join(tree, file);
  const text = readFileSync(full, "utf8");
  const after = text.replace(from, to);
  if (after === text) throw new Error(`${file}: no ${String(from)}`);
  writeFileSync(full, after);
};
const codes = (report: Awaited<ReturnType<typeof warm>>["report"]) => report.diagnostics.map((d) => `${d.code} ${d.file}`);

/** A finding no check makes, put into the kept tree-wide findings: seen in a report, they were reused. */
function plantTreeFinding(): void {
  const file = cacheFile("tree-");
  const kept = JSON.parse(readFileSync(file, "utf8")) as { diagnostics: unknown[] };
  kept.diagnostics.push({ code: "ref/unknown-topic", severity: "error", message: "PLANTED", file: "sources/topics/trade.yaml", pointer: "/id" });
  writeFileSync(file, JSON.stringify(kept));
}
const planted = (report: Awaited<ReturnType<typeof warm>>["report"]) => report.diagnostics.some((d) => d.message === "PLANTED");

const VIDEO = "sources/meetings/2022/alpha-beta-video.yaml";

describe("validate with a warm cache", () => {
  it("takes unchanged files from the stat index alone: the log of checks is not read", async () => {
    await settle();
    await warm();
    unlinkSync(cacheFile("checks-"));
    const again = await warm();
    expect(again.counts).toMatchObject({ unchanged: again.counts.files, checked: 0 });
    expect(again.report).toEqual((await cold()).report);
  }, 20_000);

  it("keeps the tree-wide findings through an edit of free text, and reports the edit's own findings", async () => {
    await settle();
    await warm();
    plantTreeFinding();
    // A summary that starts like a spreadsheet formula: a finding of the record alone.
    edit(VIDEO, `summary: "Talks`, `summary: "=SUM(A1) Talks`);
    const after = await warm();
    expect(after.counts.checked).toBe(1);
    expect(planted(after.report)).toBe(true);
    expect(codes(after.report)).toContain(`text/formula ${VIDEO}`);
    const expected = (await cold()).report;
    expect(after.report.diagnostics.filter((d) => d.message !== "PLANTED")).toEqual(expected.diagnostics);
  }, 20_000);

  it("checks the tree again when an edit changes what the tree-wide checks read", async () => {
    await settle();
    await warm();
    plantTreeFinding();
    edit(VIDEO, "person: bo-beta", "person: bo-betta");
    const after = await warm();
    expect(planted(after.report)).toBe(false);
    expect(codes(after.report)).toContain(`ref/unknown-person ${VIDEO}`);
    expect(after.report).toEqual((await cold()).report);
  }, 20_000);

  it("checks the tree again when a file is added, deleted or renamed", async () => {
    await settle();
    await warm();
    const changes: [string, () => void][] = [
      ["added", () => writeFileSync(path.join(tree, "sources/topics/energy.yaml"), "id: energy\nlabel: Energy\n")],
      ["deleted", () => unlinkSync(path.join(tree, "sources/topics/energy.yaml"))],
      ["renamed", () => {
        mkdirSync(path.join(tree, "sources/meetings/2023"), { recursive: true });
        writeFileSync(path.join(tree, "sources/meetings/2023/alpha-beta-video.yaml"), readFileSync(path.join(tree, VIDEO)));
        unlinkSync(path.join(tree, VIDEO));
      }],
    ];
    for (const [what, change] of changes) {
      plantTreeFinding();
      change();
      const after = await warm();
      expect(planted(after.report), what).toBe(false);
      expect(after.report, what).toEqual((await cold()).report);
    }
  }, 20_000);

  it("checks every valid record on its own, a second file with a taken id too", async () => {
    // Before the per-record checks ran per file, only the first file with an id was checked for text.
    const copy = "sources/people/ana-alpha2.yaml"; // listed after ana-alpha.yaml, which keeps the id
    writeFileSync(path.join(tree, copy), readFileSync(path.join(tree, "sources/people/ana-alpha.yaml"), "utf8") + 'note: "=HYPERLINK(1)"\n');
    const { report } = await cold();
    expect(codes(report), codes(report).join("\n")).toEqual(expect.arrayContaining([`ref/duplicate-id ${copy}`, `text/formula ${copy}`]));
    expect((await warm()).report).toEqual(report);
  });

  it("gives a cold run's report after every one of a series of random edits (the fuzzer's mutations)", async () => {
    const base = readTree(path.join(tree, "sources"));
    await settle();
    await warm();
    const random = createRandom(20261122);
    let current = base;
    for (let round = 0; round < 40; round++) {
      const { tree: next, steps } = mutateTree(base, random);
      replaceTree(path.join(tree, "sources"), current, next);
      current = next;
      const [a, b] = [await warm(), await cold()];
      expect(a.report, `round ${round}: ${steps.join("; ")}`).toEqual(b.report);
    }
  }, 60_000);
});

/** The files of a sources folder, by path relative to the tree folder (as the fuzzer names them). */
function readTree(dir: string): Tree {
  const out: Tree = new Map();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    out.set(path.relative(path.dirname(dir), full).split(path.sep).join("/"), new Uint8Array(readFileSync(full)));
  }
  return out;
}

/** Make the folder hold `next` instead of `current`: delete what went, write what is new or changed. */
function replaceTree(dir: string, current: Tree, next: Tree): void {
  const root = path.dirname(dir);
  for (const file of current.keys()) if (!next.has(file)) rmSync(path.join(root, file), { recursive: true, force: true });
  for (const [file, bytes] of next) {
    if (!file.startsWith("sources/")) continue;
    const old = current.get(file);
    if (old && Buffer.compare(Buffer.from(old), Buffer.from(bytes)) === 0) continue;
    try {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), bytes);
    } catch {
      // A name the file system refuses (a file where a folder is): the tree just lacks it, for both runs.
    }
  }
}
