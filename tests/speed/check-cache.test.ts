import { appendFileSync, cpSync, symlinkSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, unlinkSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { checkSourceTree, checkSourceTreeWithRecords } from "../../src/validate/check-source-tree.js";
import { CheckCache } from "../../src/speed/check-cache.js";
import { mayHoldStatIndex } from "../../src/speed/cache-folder.js";
import { StatIndex } from "../../src/speed/stat-index.js";
import { listSources } from "../../src/load/list-sources.js";
import { checkFiles } from "../../src/speed/check-files.js";
import { sourceShapeValidators } from "../../src/validate/validate-shape.js";
import { runParlex } from "../pipeline/run-cli.js";
import { withSpeed } from "../../src/speed/file-checks.js";

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
  checkSourceTreeWithRecords("sources", withSpeed({ cwd: tree, ...(options.cache === false ? {} : { cacheDir: ".parlex-cache" }), threads: options.threads ?? 0 }));
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
  for (const name of readdirSync(dir).filter((n) => n.startsWith("checks-"))) {
    const file = path.join(dir, name);
    const lines = readFileSync(file, "utf8").trim().split("\n").map((line) => JSON.parse(line));
    for (const batch of lines) for (const [, entry] of batch) if (entry.record?.title) entry.record.title = "POISONED";
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
    expect(tuples(report)).toEqual([["ref/unknown-topic", "sources/meetings/2022/alpha-beta-video.yaml", 19, 17]]);
  });

  it("drops a deleted file from the stat index, and keeps the index in the listing's order through adds and deletes", async () => {
    const listed = async () => (await listSources("sources", tree)).entries.map((e) => e.absolute);
    const index = () => {
      const dir = path.join(tree, ".parlex-cache");
      return StatIndex.parse(readFileSync(path.join(dir, readdirSync(dir).find((n) => /^files-.*\.bin$/.test(n))!)))!;
    };
    await check();
    const gone = path.join(tree, "sources/topics/e-commerce.yaml");
    unlinkSync(gone);
    await check();
    // The index was written whole for the listing that lost a file: its rows are the listing's,
    // so the next run finds each file's entry at its own position, and the deleted file is gone.
    expect([...index().entries()].map(([file]) => file)).not.toContain(gone);
    expect(index().entriesOf(await listed()).positional).toBe(true);
    // An added file's entry goes to the journal; the next run, finding it there with no row,
    // writes the index whole.
    writeFileSync(path.join(tree, "sources/topics/new-topic.yaml"), "id: new-topic\nname: A new topic\n");
    await check();
    expect(index().entriesOf(await listed()).positional).toBe(false);
    await check();
    expect(index().entriesOf(await listed()).positional).toBe(true);
    expect((await check()).report).toEqual((await check({ cache: false })).report);
  });

  it("does not write the stat index again for a listed file that never gets an entry (a dangling link)", async () => {
    symlinkSync(path.join(tree, "nowhere.yaml"), path.join(tree, "sources/topics/dangling.yaml"));
    await check();
    const dir = path.join(tree, ".parlex-cache");
    const file = path.join(dir, readdirSync(dir).find((n) => /^files-.*\.bin$/.test(n))!);
    const before = statSync(file, { bigint: true });
    await check();
    await check();
    const after = statSync(file, { bigint: true });
    expect([after.ino, after.mtimeNs]).toEqual([before.ino, before.mtimeNs]);
    expect((await check()).report).toEqual((await check({ cache: false })).report);
  });

  it("ignores a torn last line left by an interrupted run", async () => {
    await check();
    const dir = path.join(tree, ".parlex-cache");
    appendFileSync(path.join(dir, readdirSync(dir).find((n) => n.startsWith("checks-"))!), '[["abc", {"record": {"id"');
    expect((await check()).report).toEqual((await check({ cache: false })).report);
    // What is appended after the torn line starts a line of its own, and is kept.
    edit("sources/meetings/2022/alpha-beta-video.yaml", "title: Video talks", "title: Edited video talks");
    expect((await check()).counts.checked).toBe(1);
    expect((await check()).counts.checked).toBe(0);
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

describe("the stat index in front of the cache", () => {
  // Files copied a moment ago are "racy" (changed within two seconds of the run that read them)
  // and are always read again; these tests wait until the copies are older than that.
  const settle = () => new Promise((resolve) => setTimeout(resolve, 2100));

  it("does not read a file whose size, times and inode are unchanged; reads it once they change", async () => {
    await settle();
    const first = await check();
    expect(first.counts).toMatchObject({ unchanged: 0, checked: first.counts.files });
    poisonCache();
    const second = await check();
    expect(second.counts).toMatchObject({ unchanged: second.counts.files, cached: 0, checked: 0 });
    expect(second.index.meeting.get("alpha-beta-video")!.record.title).toBe("POISONED");

    // Same size, mtime put back: the ctime still tells.
    const file = path.join(tree, "sources/meetings/2022/alpha-beta-video.yaml");
    const before = statSync(file);
    edit("sources/meetings/2022/alpha-beta-video.yaml", "title: Video talks", "title: Video TALKS");
    utimesSync(file, before.atime, before.mtime);
    expect(statSync(file).size).toBe(before.size);
    const third = await check();
    expect(third.counts).toMatchObject({ unchanged: third.counts.files - 1, checked: 1 });
    expect(third.index.meeting.get("alpha-beta-video")!.record.title).toMatch(/^Video TALKS/);
    expect(third.index.meeting.get("gamma-alpha-astana")!.record.title).toBe("POISONED");

    // A file replaced by another (new inode) with the same size and times.
    const other = path.join(tree, "sources/topics/trade.yaml");
    const was = statSync(other);
    const copy = other + ".new";
    writeFileSync(copy, readFileSync(other, "utf8").replace("label: Trade", "label: TRADE"));
    renameSync(copy, other);
    utimesSync(other, was.atime, was.mtime);
    const fourth = await check();
    expect(fourth.counts.unchanged).toBe(fourth.counts.files - 2);
    expect(fourth.index.topic.get("trade")!.record.label).toBe("TRADE");
    expect(fourth.report).toEqual((await check({ cache: false })).report);
  }, 20_000);

  it("is known to have no stat index before it is opened (a first run stats no file while listing)", async () => {
    const dir = path.join(tree, ".parlex-cache");
    expect(mayHoldStatIndex(dir)).toBe(false);
    await check({ threads: 0 });
    expect(mayHoldStatIndex(dir)).toBe(true);
    const index = readdirSync(dir).find((n) => n.startsWith("files-") && n.endsWith(".bin"))!;
    // Only what a stat index is kept in counts; another toolkit's index may be the one there.
    renameSync(path.join(dir, index), path.join(dir, "files-0123456789abcdef.jsonl"));
    expect(mayHoldStatIndex(dir)).toBe(true);
    rmSync(path.join(dir, "files-0123456789abcdef.jsonl"));
    expect(mayHoldStatIndex(dir)).toBe(false);
    // And the run after it reads every file, as a first run does.
    const again = await check({ threads: 0 });
    expect(again.counts.unchanged).toBe(0);
  });

  it("serves the same records through worker threads", async () => {
    await settle();
    await check({ threads: 2 });
    const again = await check({ threads: 2 });
    expect(again.counts.unchanged).toBe(again.counts.files);
    const cold = await check({ cache: false, threads: 2 });
    expect(again.report).toEqual(cold.report);
    expect([...again.index.meeting.values()]).toEqual([...cold.index.meeting.values()]);
  }, 20_000);

  it("keeps a run's few changed entries in a journal, not a whole new index, and reads it back", async () => {
    await settle();
    await check();
    const dir = path.join(tree, ".parlex-cache");
    const index = path.join(dir, readdirSync(dir).find((n) => /^files-.*\.bin$/.test(n))!);
    const before = readFileSync(index);
    edit("sources/meetings/2022/alpha-beta-video.yaml", "title: Video talks", "title: Video TALKS");
    await settle();
    const edited = await check();
    expect(edited.counts).toMatchObject({ unchanged: edited.counts.files - 1, checked: 1 });
    expect(readFileSync(index).equals(before)).toBe(true);
    const journal = index.replace(/\.bin$/, ".jsonl");
    expect(readFileSync(journal, "utf8").trim().split("\n")).toHaveLength(1);
    // A torn line (an interrupted run) is skipped; the journal's entry still stands.
    appendFileSync(journal, '\n[["/x", 1, 2');
    const next = await check();
    expect(next.counts.unchanged).toBe(next.counts.files);
    expect(next.index.meeting.get("alpha-beta-video")!.record.title).toMatch(/^Video TALKS/);
    expect(next.report).toEqual((await check({ cache: false })).report);
  }, 20_000);

  it("saves the files' checks and then lets go of them (saveFiles): later lookups are refused, the next run finds them", async () => {
    await settle();
    const dir = path.join(tree, ".parlex-cache");
    const { entries } = await listSources("sources", tree);
    const options = { validators: sourceShapeValidators, records: true, threads: 0 };
    const cache = await CheckCache.open(dir);
    const first = await checkFiles(entries, { ...options, cache });
    await cache.saveFiles();
    // A build holds every record while it makes its tables: the cache holds none of them now.
    expect(() => cache.get(first.files[0]!.key!)).toThrow(/after saveFiles/);
    expect(() => cache.summaryOf(first.files[0]!.key!)).toThrow(/after saveFiles/);
    expect(() => cache.hasStats).toThrow(/after saveFiles/);
    // Tree-wide findings may still be kept.
    cache.setTreeFindings("fingerprint", { diagnostics: [], quotes: 0 });
    await cache.save();
    const reopened = await CheckCache.open(dir);
    expect(reopened.treeFindings("fingerprint")).toEqual({ diagnostics: [], quotes: 0 });
    const second = await checkFiles(entries, { ...options, cache: reopened });
    expect(second.counts).toMatchObject({ unchanged: entries.length, checked: 0 });
    expect(second.files.map((f) => f.record)).toEqual(first.files.map((f) => f.record));
  }, 20_000);

  it("gives every file its record, none for an unparsable one, when the check comes from the log (nothing is asked of the cache again after saveFiles)", async () => {
    writeFileSync(path.join(tree, "sources/topics/trade.yaml"), "id: [broken\n");
    const dir = path.join(tree, ".parlex-cache");
    const { entries } = await listSources("sources", tree);
    for (const threads of [0, 2]) {
      const first = await CheckCache.open(dir);
      await checkFiles(entries, { validators: sourceShapeValidators, records: true, threads, cache: first });
      await first.saveFiles();
      // The files were written a moment ago (racy): each is read again and its check found in the log.
      const again = await CheckCache.open(dir);
      const { files, counts } = await checkFiles(entries, { validators: sourceShapeValidators, records: true, threads, cache: again });
      expect(counts.checked).toBe(0);
      expect(files.filter((f) => !("record" in f)).map((f) => f.file)).toEqual([]);
      expect(files.find((f) => f.file === "sources/topics/trade.yaml")!.record).toBeUndefined();
    }
  }, 20_000);

  it("reads a file again whose stat was recorded within two seconds of its change (racy)", async () => {
    await check();
    const second = await check();
    expect(second.counts.unchanged).toBe(0);
    expect(second.counts.cached).toBe(second.counts.files);
  });
});

describe("a cache or a file that cannot be used", () => {
  it("reports a file that cannot be looked at as unreadable, with a warm stat index as without", async () => {
    await check();
    const cache = await CheckCache.open(path.join(tree, ".parlex-cache"));
    expect(cache.hasStats).toBe(true);
    const inside = path.join(tree, "sources/topics/trade.yaml/inner.yaml");
    const entries = [{ file: "sources/topics/trade.yaml/inner.yaml", absolute: inside, kind: "topic" as const, stem: "inner" }];
    const result = await checkFiles(entries, { validators: sourceShapeValidators, cache, records: false, threads: 0 });
    expect(result.diagnostics.map((d) => d.code)).toEqual(["file/unreadable"]);
  });

  it("saves its log in lines of at most 1,000 entries, and reads them all back, ASCII-only lines and others", async () => {
    const dir = path.join(tree, "many");
    const cache = await CheckCache.open(dir);
    const text = (i: number) => (i < 1000 ? "plain" : "é Қазақстан 中国 😀 \u2028 \ud800");
    for (let i = 0; i < 2_500; i++) cache.set(`key-${i}`, { record: { id: `r${i}`, text: text(i) }, diagnostics: [], facts: "f" });
    await cache.save();
    const log = readdirSync(dir).find((n) => n.startsWith("checks-"))!;
    const lines = readFileSync(path.join(dir, log), "utf8").trimEnd().split("\n");
    expect(lines.map((line) => (JSON.parse(line) as unknown[]).length)).toEqual([1000, 1000, 500]);
    const again = await CheckCache.open(dir);
    await again.loadChecks();
    expect(again.keys(true)).toHaveLength(2_500);
    for (const i of [0, 999, 1000, 2499]) expect(again.get(`key-${i}`)).toEqual({ record: { id: `r${i}`, text: text(i) }, diagnostics: [], facts: "f" });
  });

  it("forgets what other toolkits left, and temporary files of runs killed over an hour ago", async () => {
    const dir = path.join(tree, ".parlex-cache");
    await check();
    const ours = readdirSync(dir).sort();
    const theirs = ["checks-0123456789abcdef.jsonl", "files-0123456789abcdef.bin", "files-0123456789abcdef.jsonl", "tree-0123456789abcdef.json"];
    const old = "files-0123456789abcdef.bin.4242.tmp";
    const recent = "checks-0123456789abcdef.jsonl.4343.tmp";
    const foreign = "notes.txt";
    for (const name of [...theirs, old, recent, foreign]) writeFileSync(path.join(dir, name), "x");
    const hourAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    utimesSync(path.join(dir, old), hourAgo, hourAgo);
    await check();
    const after = readdirSync(dir);
    expect(after.filter((n) => n.includes("0123456789abcdef"))).toEqual([recent]);
    expect(after).toEqual(expect.arrayContaining([...ours, foreign]));
  });

  it("goes on without saving when the cache folder cannot be written, in worker threads too", async () => {
    const cold = await check({ cache: false });
    for (const threads of [0, 2]) {
      const run = await checkSourceTree("sources", withSpeed({ cwd: tree, cacheDir: "sources/topics/trade.yaml/cache", threads }));
      expect(run.report).toEqual(cold.report);
    }
  });
});

describe("worker threads", () => {
  it("give the same report and records as checking in one thread, on valid and on broken trees", async () => {
    for (const breakIt of [false, true]) {
      if (breakIt) {
        edit("sources/meetings/2022/alpha-beta-video.yaml", "person: bo-beta", "person: bo-betta");
        writeFileSync(path.join(tree, "sources/topics/broken.yaml"), "id: broken\nlabel: [unclosed\n");
        // A file that cannot be read: reported in the same words by a worker as by this thread.
        symlinkSync(path.join(tree, "nowhere.yaml"), path.join(tree, "sources/topics/dangling.yaml"));
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
    const { TOOLKIT_PARTS } = await import("../../src/speed/toolkit-digest.js");
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
