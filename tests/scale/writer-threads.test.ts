import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { writeCorpus } from "../../src/bench/write-corpus.js";
import { buildPackage } from "../../src/build/build-package.js";
import { checkSourceTreeWithRecords } from "../../src/validate/check-source-tree.js";
import { buildTables } from "../../src/normalize/build-tables.js";
import { TABLES } from "../../src/tables/table-definitions.js";
import { planWriterThread } from "../../src/write/parallel/write-tables.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const scratch = mkdtempSync(path.join(os.tmpdir(), "parlex-writer-threads-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("writer threads", () => {
  it("write the same bytes as one thread: the fixture tree, the real sources and a generated tree", async () => {
    const generated = path.join(scratch, "generated");
    writeCorpus(generated, { meetings: 400, seed: 3 });
    for (const [cwd, root] of [[path.join(ROOT, "tests/fixtures/build/small"), "sources"], [ROOT, "sources"], [generated, "sources"]] as const) {
      const here = await buildPackage(root, { cwd, version: "1.2.3", threads: 0 });
      const threads = await buildPackage(root, { cwd, version: "1.2.3", threadedRows: 0 });
      if (!here.ok || !threads.ok) throw new Error("the tree should build");
      expect([...threads.files.keys()]).toEqual([...here.files.keys()]);
      for (const [file, bytes] of here.files) expect(Buffer.from(threads.files.get(file)!).equals(Buffer.from(bytes)), file).toBe(true);
    }
  }, 60_000);

  it("share the tables between them: the largest go to the thread, some stay here", async () => {
    const generated = path.join(scratch, "plan");
    writeCorpus(generated, { meetings: 400, seed: 4 });
    const { index } = await checkSourceTreeWithRecords("sources", { cwd: generated, threads: 0 });
    const tables = buildTables(index);
    const theirs = planWriterThread(tables);
    expect(theirs.size).toBeGreaterThan(0);
    expect(theirs.size).toBeLessThan(TABLES.length);
    const largest = [...TABLES].sort((a, b) => tables[b.name]!.length * b.fields.length - tables[a.name]!.length * a.fields.length)[0]!;
    expect(theirs.has(largest.name)).toBe(true);
    expect(planWriterThread(tables)).toEqual(theirs);
  }, 60_000);
});
