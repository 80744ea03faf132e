// A build without a last build to patch begins its package before the tree-wide checks: it
// normalizes the records and sets writer threads to the tables while this thread checks. The
// package must be the one a build in one thread writes, and a tree the checks find invalid must
// leave nothing written and no thread running.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeCorpus, type WrittenCorpus } from "../../src/bench/write-corpus.js";
import { buildToFolder } from "../../src/pipeline/build-to-folder.js";
import { dropEarlyPackage, startEarlyPackage } from "../../src/pipeline/early-package.js";
import { checkSourceTreeStaged } from "../../src/validate/check-source-tree.js";
import type { CheckedFile } from "../../src/validate/file-checks.js";
import { folderFiles } from "../helpers/folder-files.js";
import { withSpeed } from "../../src/speed/file-checks.js";

const scratch = mkdtempSync(path.join(os.tmpdir(), "parlex-early-package-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let tree: string;
let corpus: WrittenCorpus;
beforeAll(() => {
  tree = path.join(scratch, "tree");
  corpus = writeCorpus(tree, { meetings: 150, seed: 11 });
});

const checkedFiles = async () => (await checkSourceTreeStaged("sources", withSpeed({ cwd: tree, threads: 0 }), true)).files;

describe("a package begun before the tree-wide checks", () => {
  it("is the package a build in one thread writes, with or without a cache", async () => {
    const here = path.join(scratch, "here");
    expect((await buildToFolder("sources", here, { cwd: tree, version: "2.0.0", threads: 0 })).ok).toBe(true);
    for (const [name, cacheDir] of [["early", undefined], ["early-cached", ".parlex-cache"]] as const) {
      const out = path.join(scratch, name);
      const result = await buildToFolder("sources", out, { cwd: tree, version: "2.0.0", threadedRows: 0, ...(cacheDir ? { cacheDir } : {}) });
      expect(result.ok).toBe(true);
      const expected = folderFiles(here);
      const written = folderFiles(out);
      expect([...written.keys()].sort()).toEqual([...expected.keys()].sort());
      for (const [file, bytes] of expected) expect(written.get(file)!.equals(bytes), file).toBe(true);
    }
  }, 60_000);

  it("is begun on a rebuild whose tree facts changed (no patch possible), from the cache's records: the package a cold build writes", async () => {
    const file = path.join(tree, corpus.meetingFiles[5]!);
    const before = readFileSync(file, "utf8");
    const out = path.join(scratch, "rebuilt");
    const options = { cwd: tree, version: "2.0.0", threadedRows: 0, cacheDir: ".parlex-cache-rebuild" };
    expect((await buildToFolder("sources", out, options)).ok).toBe(true);
    // A meeting's city is a tree fact: the tree-wide checks run again, and the last build cannot be patched.
    const edited = before.replace(/^ {2}city: .*$/m, "  city: Elsewhere");
    expect(edited).not.toBe(before);
    writeFileSync(file, edited);
    try {
      const rebuilt = await buildToFolder("sources", out, options);
      expect(rebuilt.ok && rebuilt.patched).toBe(false);
      const cold = path.join(scratch, "rebuilt-cold");
      expect((await buildToFolder("sources", cold, { cwd: tree, version: "2.0.0", threads: 0 })).ok).toBe(true);
      const expected = folderFiles(cold);
      const written = folderFiles(out);
      expect([...written.keys()].sort()).toEqual([...expected.keys()].sort());
      for (const [name, bytes] of expected) expect(written.get(name)!.equals(bytes), name).toBe(true);
    } finally {
      writeFileSync(file, before);
    }
  }, 60_000);

  it("is dropped when the tree-wide checks find an error: nothing is written, and the build ends", async () => {
    const file = path.join(tree, corpus.meetingFiles[3]!);
    const before = readFileSync(file, "utf8");
    // A participant who is nobody: only the tree-wide checks can tell.
    const broken = before.replace(/person: [a-z0-9-]+/, "person: nobody-at-all");
    expect(broken).not.toBe(before);
    writeFileSync(file, broken);
    try {
      const out = path.join(scratch, "invalid");
      const result = await buildToFolder("sources", out, { cwd: tree, version: "2.0.0", threadedRows: 0 });
      expect(result.ok).toBe(false);
      expect(result.report.diagnostics.map((d) => d.code)).toContain("ref/unknown-person");
      expect(existsSync(out)).toBe(false);
    } finally {
      writeFileSync(file, before);
    }
  }, 60_000);

  it("writes its tables in threads from `threadedRows` rows on, and keeps the rows for later below", async () => {
    const files = await checkedFiles();
    const threaded = startEarlyPackage(files, { threadedRows: 0 });
    expect(threaded && "writing" in threaded).toBe(true);
    if (threaded && "writing" in threaded) {
      const tables = await threaded.writing.files;
      expect([...tables.keys()].sort()).toEqual(["arrow", "csv", "json", "parquet"]);
      expect(tables.get("json")!.get("meetings")!.length).toBeGreaterThan(0);
      expect(threaded.rows.meetings).toBe(150);
    }
    const kept = startEarlyPackage(files, { threadedRows: Number.MAX_SAFE_INTEGER });
    expect(kept && "tables" in kept && kept.tables.meetings!.length).toBe(150);
    expect(startEarlyPackage(files, { threads: 0, threadedRows: 0 })).toHaveProperty("tables");
  }, 60_000);

  it("is not begun when a file's own findings already fail the build", async () => {
    const files = await checkedFiles();
    const withShapeError: CheckedFile[] = files.map((f, i) => (i === 0 ? { ...f, summary: { ...f.summary, shape: [{ ...fakeError }] } } : f));
    expect(startEarlyPackage(withShapeError, { threadedRows: 0 })).toBeUndefined();
    const unparsed: CheckedFile[] = files.map((f, i) => (i === 0 ? { ...f, record: undefined, summary: { diagnostics: [{ ...fakeError }], facts: "" } } : f));
    expect(startEarlyPackage(unparsed, { threadedRows: 0 })).toBeUndefined();
    const warned: CheckedFile[] = files.map((f, i) => (i === 0 ? { ...f, summary: { ...f.summary, local: [{ ...fakeError, severity: "warning" }] } } : f));
    expect(startEarlyPackage(warned, { threads: 0, threadedRows: 0 })).toHaveProperty("tables");
  }, 60_000);

  it("keeps the error normalizing met, to stand only if the tree is valid; dropped, its threads stop", async () => {
    const files = await checkedFiles();
    // A record its schema would refuse, marked as passing: normalizing it fails.
    const meeting = files.findIndex((f) => f.kind === "meeting");
    const odd: CheckedFile[] = files.map((f, i) => (i === meeting ? { ...f, record: { ...(f.record as object), participants: 5 } } : f));
    expect(startEarlyPackage(odd, { threadedRows: 0 })).toHaveProperty("failed");
    const started = startEarlyPackage(files, { threadedRows: 0 });
    if (!started || !("writing" in started)) throw new Error("the package should be begun in threads");
    await dropEarlyPackage(started);
    await expect(started.writing.files).rejects.toThrow(/cancelled/);
  }, 60_000);
});

const fakeError = { code: "shape/type", severity: "error" as const, message: "m", file: "", pointer: "", hint: "h" };
