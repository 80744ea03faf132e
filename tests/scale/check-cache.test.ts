import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync, appendFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { checkSourceTree } from "../../src/validate/check-source-tree.js";
import { runParlex } from "../build/run-cli.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const SMALL = path.join(ROOT, "tests/fixtures/build/small");
const scratch = mkdtempSync(path.join(os.tmpdir(), "parlex-cache-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let tree: string;
let run = 0;
beforeEach(() => {
  tree = path.join(scratch, `tree-${++run}`);
  cpSync(path.join(SMALL, "sources"), path.join(tree, "sources"), { recursive: true });
});

const check = (options: { cache?: boolean; threads?: number } = {}) =>
  checkSourceTree("sources", { cwd: tree, ...(options.cache === false ? {} : { cacheDir: ".parlex-cache" }), threads: options.threads ?? 0 });
// Errors and warnings as tuples (the info that quotes were not verified is in every report here).
const tuples = (report: Awaited<ReturnType<typeof check>>["report"]) =>
  report.diagnostics.filter((d) => d.severity !== "info").map((d) => [d.code, d.file, d.line, d.column]);
const edit = (file: string, from: string, to: string) => {
  const full = path.join(tree, file);
  const text = readFileSync(full, "utf8");
  if (!text.includes(from)) throw new Error(`${file} has no ${from}`);
  writeFileSync(full, text.replace(from, to));
};

/**
 * Rewrite every cached record's title, so a test can tell a cached answer from a fresh one:
 * a poisoned title in the output means the cache was used for that file.
 */
function poisonCache(): void {
  const dir = path.join(tree, ".parlex-cache");
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    const lines = readFileSync(file, "utf8").trim().split("\n").map((line) => JSON.parse(line));
    for (const [, entry] of lines) if (entry.record?.title) entry.record.title = "POISONED";
    writeFileSync(file, lines.map((l) => JSON.stringify(l)).join("\n") + "\n");
  }
}

describe("the per-file check cache", () => {
  it("serves unchanged files from the cache (the proof the tests below rely on)", async () => {
    await check();
    poisonCache();
    const { index } = await check();
    expect(index.meeting.get("alpha-beta-video")!.record.title).toBe("POISONED");
  });

  it("re-checks an edited file", async () => {
    await check();
    poisonCache();
    edit("sources/meetings/2022/alpha-beta-video.yaml", "title: Video talks", "title: Edited video talks");
    const { index } = await check();
    expect(index.meeting.get("alpha-beta-video")!.record.title).toBe("Edited video talks between Ana Alpha and Bo Beta");
    expect(index.meeting.get("gamma-alpha-astana")!.record.title).toBe("POISONED");
  });

  it("re-checks a file that became invalid, and reports it like a cold run", async () => {
    await check();
    edit("sources/meetings/2022/alpha-beta-video.yaml", "format: video", "format: telepathy");
    const cached = await check();
    const cold = await check({ cache: false });
    expect(tuples(cached.report)).toEqual([["schema/enum", "sources/meetings/2022/alpha-beta-video.yaml", 4, 9]]);
    expect(cached.report).toEqual(cold.report);
  });

  it("reports a renamed file under its new name, and a file moved to another kind as that kind", async () => {
    await check();
    renameSync(path.join(tree, "sources/topics/trade.yaml"), path.join(tree, "sources/topics/commerce.yaml"));
    const renamed = await check();
    expect(tuples(renamed.report)).toEqual([["ref/file-name", "sources/topics/commerce.yaml", 1, 5]]);
    renameSync(path.join(tree, "sources/topics/commerce.yaml"), path.join(tree, "sources/people/trade.yaml"));
    const moved = await check();
    expect(moved.report).toEqual((await check({ cache: false })).report);
    expect(moved.report.diagnostics.filter((d) => d.file === "sources/people/trade.yaml").map((d) => d.code)).toContain("schema/required");
  });

  it("forgets a deleted file", async () => {
    await check();
    unlinkSync(path.join(tree, "sources/topics/e-commerce.yaml"));
    const { report } = await check();
    expect(tuples(report)).toEqual([["ref/unknown-topic", "sources/meetings/2022/alpha-beta-video.yaml", 17, 17]]);
  });

  it("ignores a torn last line left by an interrupted run", async () => {
    await check();
    const dir = path.join(tree, ".parlex-cache");
    appendFileSync(path.join(dir, readdirSync(dir)[0]!), '["abc", {"record": {"id"');
    expect((await check()).report).toEqual((await check({ cache: false })).report);
  });

  it("gives a build from the cache byte-identical to a cold build", async () => {
    const cold = await runParlex(["build", "--no-cache", "--out", "cold"], tree);
    const first = await runParlex(["build", "--out", "warm-1"], tree);
    const warm = await runParlex(["build", "--out", "warm-2"], tree);
    expect([cold.code, first.code, warm.code]).toEqual([0, 0, 0]);
    const files = (dir: string): string[] =>
      readdirSync(path.join(tree, dir), { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => path.relative(path.join(tree, dir), path.join(e.parentPath, e.name)))
        .sort();
    expect(files("warm-2")).toEqual(files("cold"));
    for (const f of files("cold")) expect(readFileSync(path.join(tree, "warm-2", f)).equals(readFileSync(path.join(tree, "cold", f))), f).toBe(true);
  });
});

describe("worker threads", () => {
  it("give the same report and records as checking in one thread, on valid and on broken trees", async () => {
    for (const breakIt of [false, true]) {
      if (breakIt) {
        edit("sources/meetings/2022/alpha-beta-video.yaml", "person: bo-beta", "person: bo-betta");
        writeFileSync(path.join(tree, "sources/topics/broken.yaml"), "id: broken\nlabel: [unclosed\n");
      }
      const one = await check({ cache: false, threads: 0 });
      const two = await check({ cache: false, threads: 2 });
      expect(two.report).toEqual(one.report);
      expect([...two.index.meeting.values()]).toEqual([...one.index.meeting.values()]);
    }
  });
});

describe("the cache key's toolkit digest", () => {
  it("covers every module a file's check runs, found by following imports from check-file.ts", async () => {
    const { TOOLKIT_PARTS } = await import("../../src/validate/parallel/check-cache.js");
    const seen = new Set<string>();
    const queue = ["src/validate/check-file.ts"];
    while (queue.length) {
      const file = queue.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      for (const [, spec] of readFileSync(path.join(ROOT, file), "utf8").matchAll(/from "(\.[^"]+)"/g)) {
        queue.push(path.relative(ROOT, path.resolve(path.dirname(path.join(ROOT, file)), spec!.replace(/\.js$/, ".ts"))));
      }
    }
    const uncovered = [...seen].filter((f) => !TOOLKIT_PARTS.some((part: string) => f === part || f.startsWith(part + "/")));
    expect(uncovered).toEqual([]);
    expect(seen.size).toBeGreaterThan(10);
    expect(TOOLKIT_PARTS).toContain("package-lock.json");
  });
});
