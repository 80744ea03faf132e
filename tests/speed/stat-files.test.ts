// On a large tree two worker threads take the stats: their answers must be this thread's, in order.
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { StatPool, statFiles, type FileStats } from "../../src/speed/stat-files.js";
import { statAt } from "../helpers/file-stats.js";

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
    const each = (stats: FileStats) => Array.from({ length: stats.length / 5 }, (_, i) => statAt(stats, i));
    expect(each(await statFiles(many))).toEqual(many.map(expected));
    expect(each(await statFiles(files.slice(0, 5)))).toEqual(files.slice(0, 5).map(expected));
  }, 30_000);

  it("gives each batch its own stats when batches are asked for one after another, in threads as here", async () => {
    const files = Array.from({ length: 10 }, (_, i) => path.join(scratch, `b${i}.yaml`));
    files.forEach((f, i) => writeFileSync(f, "y".repeat(i + 1)));
    const pool = new StatPool();
    // Folders of several sizes, one past a worker's share (4,096), the whole past the threshold.
    const batches = [3, 5000, 1, 9000, 7000].map((n, b) => Array.from({ length: n }, (_, i) => files[(i + b) % files.length]!));
    const answers = batches.map((batch) => pool.stat(batch));
    pool.flush();
    const sizes = (await Promise.all(answers)).map((stats) => Array.from({ length: stats.length / 5 }, (_, i) => statAt(stats, i)![0]));
    expect(sizes).toEqual(batches.map((batch) => batch.map((f) => statSync(f).size)));
    await pool.close();
  }, 30_000);

  it("stats here what its workers were given when they fail", async () => {
    const broken = path.join(scratch, "broken-worker.js");
    writeFileSync(broken, 'throw new Error("this worker fails as it starts");\n');
    const files = Array.from({ length: 5 }, (_, i) => path.join(scratch, `c${i}.yaml`));
    files.forEach((f, i) => writeFileSync(f, "z".repeat(i + 3)));
    const many = Array.from({ length: 21_000 }, (_, i) => files[i % files.length]!);
    const pool = new StatPool(pathToFileURL(broken));
    const stats = pool.stat(many);
    pool.flush();
    const answer = await Promise.race([stats, new Promise<"pending">((r) => setTimeout(() => r("pending"), 10_000))]);
    expect(answer).not.toBe("pending");
    expect(Array.from({ length: many.length }, (_, i) => statAt(answer as FileStats, i)![0])).toEqual(many.map((f) => statSync(f).size));
    await pool.close();
  }, 30_000);

  it("can be stopped when the stats are not wanted: what is not yet taken is given as not taken", async () => {
    const many = Array.from({ length: 30_000 }, () => scratch);
    const pool = new StatPool();
    const stats = pool.stat(many);
    await pool.close();
    await expect(Promise.race([stats.then((s) => s.length), new Promise((r) => setTimeout(() => r("pending"), 5000))])).resolves.toBe(30_000 * 5);
    // Asked after it was stopped, it answers at once, with nothing taken.
    expect(Number.isNaN((await pool.stat([scratch]))[0])).toBe(true);
  }, 30_000);
});
