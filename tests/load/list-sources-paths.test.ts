import path from "node:path";
import { describe, expect, it } from "vitest";
import { displayPath, listSources } from "../../src/load/list-sources.js";

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
