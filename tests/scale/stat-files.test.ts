// On a large tree two worker threads take the stats: their answers must be this thread's, in order.
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startStatFiles, statFiles } from "../../src/validate/parallel/stat-files.js";

const scratch = mkdtempSync(path.join(os.tmpdir(), "parlex-stat-files-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("statFiles", () => {
  it("gives each file's size, times, inode and device in order, and none for a missing file, in threads as here", async () => {
    const files = Array.from({ length: 40 }, (_, i) => path.join(scratch, `f${i}.yaml`));
    files.forEach((f, i) => writeFileSync(f, "x".repeat(i)));
    const missing = path.join(scratch, "missing.yaml");
    // Enough paths for the worker threads (20,000 and more), in a mix that shows any misplaced half.
    const many = Array.from({ length: 25_001 }, (_, i) => (i % 7 === 3 ? missing : files[i % files.length]!));
    const expected = (file: string) => {
      if (file === missing) return undefined;
      const s = statSync(file);
      return [s.size, s.mtimeMs, s.ctimeMs, s.ino, s.dev];
    };
    expect(await statFiles(many)).toEqual(many.map(expected));
    expect(await statFiles(files.slice(0, 5))).toEqual(files.slice(0, 5).map(expected));
  }, 30_000);

  it("can be stopped when the stats are not wanted", async () => {
    const many = Array.from({ length: 30_000 }, () => scratch);
    const underWay = startStatFiles(many);
    await underWay.cancel();
    await expect(Promise.race([underWay.stats.then(() => "answered", () => "stopped"), new Promise((r) => setTimeout(() => r("pending"), 5000))])).resolves.not.toBe("pending");
  }, 30_000);
});
