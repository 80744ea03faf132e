// A folder of the tree that cannot be listed (no permission, say) is a finding on that folder,
// not a crash. Tests run as root, which may list any folder, so the refusal is made here: the
// file system answers EACCES for the visits folder.
import path from "node:path";
import { rmSync } from "node:fs";
import { afterAll, describe, expect, it, vi } from "vitest";
import { withSpeed } from "../../src/speed/file-checks.js";

vi.mock("node:fs/promises", async (importOriginal) => {
  const actual = await importOriginal<typeof import("node:fs/promises")>();
  const readdir = (async (folder: string, options?: unknown) => {
    if (String(folder).endsWith("/sources/visits")) throw Object.assign(new Error(`EACCES: permission denied, scandir '${folder}'`), { code: "EACCES" });
    return actual.readdir(folder, options as never);
  }) as typeof actual.readdir;
  return { ...actual, readdir, default: { ...actual, readdir } };
});

const { listSources } = await import("../../src/load/list-sources.js");
const { checkSourceTree } = await import("../../src/validate/check-source-tree.js");

const ROOT = path.resolve(import.meta.dirname, "../..");
const TREE = path.join(ROOT, "tests/fixtures/build/small");
const CACHE = path.join(ROOT, "node_modules/.cache/parlex-unreadable-test");
afterAll(() => rmSync(CACHE, { recursive: true, force: true }));

describe("a folder that cannot be listed", () => {
  it("is a file/unreadable finding on the folder, and the rest of the tree is listed", async () => {
    const listing = await listSources("sources", TREE);
    expect(listing.diagnostics.map((d) => [d.code, d.file, d.line, d.column])).toEqual([["file/unreadable", "sources/visits", 0, 0]]);
    expect(listing.diagnostics[0]!.message).toContain("EACCES");
    expect(listing.entries.some((e) => e.kind === "visit")).toBe(false);
    expect(listing.entries.some((e) => e.kind === "meeting")).toBe(true);
  });

  it("makes the tree invalid with that finding, with or without a cache", async () => {
    for (const cacheDir of [undefined, CACHE]) {
      const { report } = await checkSourceTree("sources", withSpeed({ cwd: TREE, ...(cacheDir ? { cacheDir } : {}), threads: 0 }));
      expect(report.valid).toBe(false);
      expect(report.diagnostics.filter((d) => d.code === "file/unreadable").map((d) => d.file)).toEqual(["sources/visits"]);
    }
  });
});
