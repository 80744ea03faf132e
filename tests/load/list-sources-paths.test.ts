import path from "node:path";
import { describe, expect, it } from "vitest";
import { statSync } from "node:fs";
import { displayPath, listSources } from "../../src/load/list-sources.js";
import { statFiles } from "../../src/speed/stat-files.js";
import { statAt } from "../helpers/file-stats.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const SOURCES = path.join(ROOT, "tests/fixtures/build/small/sources");

// listSources shows each file's path from the root's, worked out once; it must be what
// displayPath gives each file on its own, wherever the working folder is.
describe("listed paths", () => {
  const cases: [string, string, string][] = [
    ["the project folder, a relative root", ROOT, "tests/fixtures/build/small/sources"],
    ["the root itself", SOURCES, "."],
    ["a folder inside the root", path.join(SOURCES, "meetings"), ".."],
    ["a folder beside the root", path.join(ROOT, "tests/fixtures/build"), "small/sources"],
    ["the file system root, an absolute root", "/", SOURCES],
    ["a folder outside, the root relative with ..", path.join(ROOT, "src"), "../tests/fixtures/build/small/sources"],
  ];
  it.each(cases)("from %s", async (_name, cwd, root) => {
    const listing = await listSources(root, cwd);
    expect(listing.entries.length).toBeGreaterThan(10);
    for (const entry of listing.entries) {
      expect(entry.absolute).toBe(path.join(SOURCES, path.relative(SOURCES, entry.absolute)));
      expect(entry.file).toBe(displayPath(entry.absolute, cwd));
    }
  });
});

// Folders are read at once and each one's names sorted on its own: the listing must still be in
// the order of the whole paths as strings, where "a-b" sorts before "a/" and "a.yaml" after it.
describe("listing order", () => {
  it("is the sorted order of the relative paths, folders beside files of like names", async () => {
    const { mkdtempSync, mkdirSync, writeFileSync, symlinkSync, rmSync } = await import("node:fs");
    const os = await import("node:os");
    const dir = mkdtempSync(path.join(os.tmpdir(), "parlex-listing-"));
    try {
      const files = [
        "meetings/2022/b.yaml", "meetings/2022/a-b.yaml", "meetings/2022/a.yaml", "meetings/2021/z.yaml",
        "meetings/2022.yaml", "meetings/2022-note.yaml", "meetings/2022a/x.yaml", "meetings-old.yaml",
        "people/b.yaml", "people/a.yaml", "people/A.yaml", "people/.hidden.yaml", "people-x/a.yaml", "topics/t.yaml",
      ];
      for (const file of files) {
        mkdirSync(path.dirname(path.join(dir, "sources", file)), { recursive: true });
        writeFileSync(path.join(dir, "sources", file), "id: x\n");
      }
      symlinkSync(path.join(dir, "sources/people/a.yaml"), path.join(dir, "sources/people/a-link.yaml"));
      const listing = await listSources("sources", dir);
      const shown = [...listing.entries.map((e) => e.file), ...listing.diagnostics.map((d) => d.file)];
      // Every file is an entry or a finding: a hidden one too (file/hidden-file), never skipped silently.
      const expected = [...files, "people/a-link.yaml"].map((f) => `sources/${f}`);
      expect(new Set(shown)).toEqual(new Set(expected));
      const listed = listing.entries.map((e) => e.file);
      expect(listed).toEqual([...listed].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
      expect(listed).toContain("sources/people/a-link.yaml");
      const ignored = listing.diagnostics.map((d) => d.file);
      expect(ignored).toEqual([...ignored].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));

      // Asked to, it hands each folder's files over to be stat-ed as it reads them, and gives each
      // entry's stat in the entries' order (the ignored files' left out), as a stat of each gives.
      const asked: string[][] = [];
      const withStats = await listSources("sources", dir, (folderFiles) => {
        asked.push(folderFiles);
        return statFiles(folderFiles);
      });
      expect(withStats.entries).toEqual(listing.entries);
      expect(asked.length).toBeGreaterThan(3);
      // Files that cannot be records (findings, not entries) are not stat-ed.
      const statted = new Set(asked.flat());
      expect(ignored.length).toBeGreaterThan(2);
      for (const file of ignored) expect(statted.has(path.join(dir, file)), file).toBe(false);
      expect(listing.entries.every((e) => statted.has(e.absolute))).toBe(true);
      const stats = await withStats.stats!;
      const each = listing.entries.map((_, i) => statAt(stats, i));
      expect(each).toEqual(listing.entries.map((e) => {
        const s = statSync(e.absolute);
        return [s.size, s.mtimeMs, s.ctimeMs, s.ino, s.dev];
      }));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
