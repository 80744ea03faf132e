import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { Parser, type ReadEntry } from "tar";
import { writeArchive } from "../../src/release/write-archive.js";
import { scratchDir } from "./helpers.js";

const scratch = scratchDir("archive-dates");
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Every entry of a .tar.gz as (type, path, mtime), in archive order. */
function entriesOf(file: string): [string, string, string | undefined][] {
  const entries: [string, string, string | undefined][] = [];
  const parser = new Parser({ onReadEntry: (e: ReadEntry) => (entries.push([e.type, e.path, e.mtime?.toISOString()]), e.resume()) });
  parser.end(readFileSync(file));
  return entries;
}

it("gives every archive entry, folders included, the release date as its mtime", async () => {
  const dir = path.join(scratch, "release");
  mkdirSync(path.join(dir, "csv"), { recursive: true });
  mkdirSync(path.join(dir, "arrow"), { recursive: true });
  for (const file of ["README.md", "csv/people.csv", "arrow/people.arrow"]) writeFileSync(path.join(dir, file), file);
  const archive = path.join(dir, "p-1.0.0.tar.gz");
  await writeArchive(dir, ["README.md", "arrow/people.arrow", "csv/people.csv"], archive, "p-1.0.0", new Date("2026-11-22T00:00:00Z"));
  const date = "2026-11-22T00:00:00.000Z";
  expect(entriesOf(archive)).toEqual([
    ["File", "p-1.0.0/README.md", date],
    ["Directory", "p-1.0.0/arrow/", date],
    ["File", "p-1.0.0/arrow/people.arrow", date],
    ["Directory", "p-1.0.0/csv/", date],
    ["File", "p-1.0.0/csv/people.csv", date],
  ]);
});
