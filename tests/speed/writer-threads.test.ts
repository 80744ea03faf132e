import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { writeCorpus } from "../../src/bench/write-corpus.js";
import { buildPackage } from "../../src/pipeline/build-package.js";
import { checkSourceTreeWithRecords } from "../../src/validate/check-source-tree.js";
import { buildTables } from "../../src/normalize/build-tables.js";
import { TABLES } from "../../src/tables/table-definitions.js";
import { planWriterThreads } from "../../src/write/parallel/write-tables.js";
import { withSpeed } from "../../src/speed/file-checks.js";

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

  it("share the tables: largest first to the side that would finish soonest, every table once", async () => {
    const generated = path.join(scratch, "plan");
    writeCorpus(generated, { meetings: 400, seed: 4 });
    const { index } = await checkSourceTreeWithRecords("sources", withSpeed({ cwd: generated, threads: 0 }));
    const tables = buildTables(index);
    const cells = (name: string) => tables[name]!.length * TABLES.find((t) => t.name === name)!.fields.length;
    const bySize = [...TABLES].sort((a, b) => cells(b.name) - cells(a.name)).map((t) => t.name);
    const largestFirst = (names: string[]) => expect(names.map(cells)).toEqual([...names.map(cells)].sort((a, b) => b - a));

    // Two threads, this thread busy elsewhere: the two largest tables go one to each.
    const two = planWriterThreads(tables, 2, false);
    expect(two.here).toEqual([]);
    expect(two.threads.flat().sort()).toEqual([...bySize].sort());
    expect(new Set([two.threads[0]![0], two.threads[1]![0]])).toEqual(new Set(bySize.slice(0, 2)));
    two.threads.forEach(largestFirst);
    const [a, b] = two.threads.map((p) => p.reduce((sum, t) => sum + cells(t), 0));
    expect(Math.abs(a! - b!)).toBeLessThanOrEqual(cells(bySize[0]!));

    // One thread beside this one, which writes every JSON first: the largest table goes to the thread, some stay here.
    const one = planWriterThreads(tables, 1, true);
    expect([...one.here, ...one.threads[0]!].sort()).toEqual([...bySize].sort());
    expect(one.threads[0]![0]).toBe(bySize[0]);
    expect(one.here.length).toBeGreaterThan(0);
    largestFirst(one.here);
    expect(planWriterThreads(tables, 1, true)).toEqual(one);
  }, 60_000);
});
