import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { buildPackage } from "../../src/pipeline/build-package.js";
import { listReleases } from "../../src/release/list-releases.js";
import { digestSources, parseManifest } from "../../src/verify/manifest.js";
import { readSourceFiles } from "../../src/release/read-source-files.js";

const ROOT = path.resolve(import.meta.dirname, "../..");

/**
 * A toolkit change must not silently change published bytes: while sources/ is exactly what the
 * latest release was built from, building it must give that release's data files byte for byte.
 * (When the sources have moved on, the next release is expected to differ, and `diff` says how.)
 */
it("rebuilds the latest release's data files byte for byte from the sources it was made from", async () => {
  const versions = await listReleases(path.join(ROOT, "dist-data"));
  const latest = versions.at(-1)!;
  const dir = path.join(ROOT, "dist-data", latest);
  const parsed = parseManifest(readFileSync(path.join(dir, "manifest.json"), "utf8"));
  if (!parsed.ok) throw new Error(parsed.problems.join("; "));
  const current = digestSources(await readSourceFiles(path.join(ROOT, "sources")));
  if (current.digest !== parsed.manifest.sources.digest) {
    // The sources changed since the release: nothing to reproduce until the next one is cut.
    expect(current.digest).not.toBe(parsed.manifest.sources.digest);
    return;
  }
  const built = await buildPackage("sources", { cwd: ROOT, version: latest });
  if (!built.ok) throw new Error("the sources do not validate");
  const differing = [...built.files]
    // Data files only: load.py and load.R are the toolkit's code shipped beside the data, and a
    // toolkit change may improve them (issue 17 made them refuse unsafe paths); the next release
    // ships the new ones, and verify checks each release's own copy against its SHA256SUMS.
    .filter(([file]) => /^(csv|json|arrow|parquet)\//.test(file))
    .filter(([file, bytes]) => !Buffer.from(bytes).equals(readFileSync(path.join(dir, file))))
    .map(([file]) => file);
  expect(differing).toEqual([]);
});
