import { randomBytes } from "node:crypto";
import { appendFileSync, mkdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import path from "node:path";
import { create } from "tar";
import { afterAll, describe, expect, it } from "vitest";
import { writeArchive } from "../../src/release/write-archive.js";
import { checkArchives, compareArchives } from "../../src/verify/check-archives.js";
import { factsOfFiles } from "../../src/verify/check-files.js";
import { sourceFromFolder, sourceFromMap } from "../../src/verify/file-source.js";
import { ProblemSink } from "../../src/verify/verify-problem.js";
import { scratchDir } from "../release/helpers.js";

// verify compares each archive entry with the folder's file piece by piece (a megabyte at a time)
// as it is un-gzipped. Any difference, anywhere in a file of several pieces, must show.
const scratch = scratchDir("check-archives");
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const ARCHIVE = "p-1.0.0.tar.gz";
const BIG = "csv/big.csv";

async function release(name: string): Promise<string> {
  const dir = path.join(scratch, name);
  mkdirSync(path.join(dir, "csv"), { recursive: true });
  writeFileSync(path.join(dir, BIG), randomBytes(3 * (1 << 20) + 123));
  writeFileSync(path.join(dir, "small.txt"), "small\n");
  writeFileSync(path.join(dir, "empty.txt"), "");
  await writeArchive(dir, [BIG, "empty.txt", "small.txt"], path.join(dir, ARCHIVE), "p-1.0.0", new Date(0));
  return dir;
}

async function problems(dir: string): Promise<[string, string][]> {
  const source = sourceFromFolder(dir, dir);
  const files = await source.list();
  const sink = new ProblemSink();
  checkArchives(await compareArchives(source, files, factsOfFiles(source, files)), files, sink);
  return sink.finish().map((p) => [p.code, p.message]);
}

describe("comparing an archive with its folder", () => {
  it("finds nothing amiss in a folder and its own archive", async () => {
    expect(await problems(await release("same"))).toEqual([]);
  });

  it("finds a changed byte in the first piece and in the last, a byte added, a file cut short", async () => {
    const edits: [string, (file: string) => void][] = [
      ["first piece", (f) => flip(f, 10)],
      ["last piece", (f) => flip(f, 3 * (1 << 20) + 100)],
      ["a byte added", (f) => appendFileSync(f, "x")],
      ["cut short", (f) => truncateSync(f, 2 * (1 << 20))],
    ];
    for (const [what, edit] of edits) {
      const dir = await release(what.replace(/ /g, "-"));
      edit(path.join(dir, BIG));
      expect(await problems(dir), what).toEqual([["archive/mismatch", `${BIG} differs from the archive's copy`]]);
    }
  });

  it("finds a file missing from the archive, and one in it but not in the folder", async () => {
    const dir = await release("missing-extra");
    writeFileSync(path.join(dir, "new.txt"), "new\n");
    rmSync(path.join(dir, "small.txt"));
    expect(await problems(dir)).toEqual([
      ["archive/missing-file", "new.txt is not in the archive"],
      ["archive/extra-file", "small.txt is in the archive but not in the folder"],
    ]);
  });

  it("compares the entries of an archive of several top folders by their whole path", async () => {
    const dir = path.join(scratch, "two-tops");
    mkdirSync(path.join(dir, "top"), { recursive: true });
    mkdirSync(path.join(dir, "other"), { recursive: true });
    writeFileSync(path.join(dir, "top/d.txt"), "2");
    writeFileSync(path.join(dir, "other/e.txt"), "e");
    await create({ cwd: dir, file: path.join(dir, ARCHIVE), gzip: true, portable: true }, ["top/d.txt", "other/e.txt"]);
    rmSync(path.join(dir, "other"), { recursive: true });
    writeFileSync(path.join(dir, "top/d.txt"), "1");
    writeFileSync(path.join(dir, "d.txt"), "2");
    const found = await problems(dir);
    expect(found).toContainEqual(["archive/mismatch", "top/d.txt differs from the archive's copy"]);
    expect(found.map(([code]) => code)).toContain("archive/unreadable");
  });

  it("compares files held in memory the same way", async () => {
    const dir = await release("memory");
    const files = new Map([ARCHIVE, BIG, "empty.txt", "small.txt"].map((f) => [f, new Uint8Array(readFileSync(path.join(dir, f)))]));
    const source = sourceFromMap("memory", files);
    const sink = new ProblemSink();
    checkArchives(await compareArchives(source, [...files.keys()], factsOfFiles(source, [...files.keys()])), [...files.keys()], sink);
    expect(sink.finish()).toEqual([]);
    const big = files.get(BIG)!;
    big[5] = big[5]! ^ 1;
    const changed = new ProblemSink();
    checkArchives(await compareArchives(source, [...files.keys()], factsOfFiles(source, [...files.keys()])), [...files.keys()], changed);
    expect(changed.finish().map((p) => p.code)).toEqual(["archive/mismatch"]);
  });
});

function flip(file: string, at: number): void {
  const bytes = readFileSync(file);
  bytes[at] = bytes[at]! ^ 0xff;
  writeFileSync(file, bytes);
}
