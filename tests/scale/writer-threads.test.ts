import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildPackage } from "../../src/build/build-package.js";

const ROOT = path.resolve(import.meta.dirname, "../..");

describe("writer threads", () => {
  it("write the same bytes as one thread, for the fixture tree and for the real sources", async () => {
    for (const [cwd, root] of [[path.join(ROOT, "tests/fixtures/build/small"), "sources"], [ROOT, "sources"]] as const) {
      const here = await buildPackage(root, { cwd, version: "1.2.3", threads: 0 });
      const threads = await buildPackage(root, { cwd, version: "1.2.3", threadedRows: 0 });
      if (!here.ok || !threads.ok) throw new Error("the tree should build");
      expect([...threads.files.keys()]).toEqual([...here.files.keys()]);
      for (const [file, bytes] of here.files) expect(Buffer.from(threads.files.get(file)!).equals(Buffer.from(bytes)), file).toBe(true);
    }
  }, 30_000);
});
