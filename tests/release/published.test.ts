import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { sourceFromFolder } from "../../src/verify/file-source.js";
import { listReleases } from "../../src/release/list-releases.js";
import { rootDescriptor } from "../../src/release/set-version.js";
import { verifyPackage } from "../../src/verify/verify-package.js";
import { ROOT } from "./helpers.js";

const DIST = path.join(ROOT, "dist-data");

describe("the committed releases", async () => {
  const releases = await listReleases(DIST);

  it("include 1.0.0, the first release", () => {
    expect(releases[0]).toBe("1.0.0");
  });

  it.each(releases)("%s is intact: checksums, descriptor, schemas, foreign keys, archive", async (version) => {
    const report = await verifyPackage(sourceFromFolder(`dist-data/${version}`, path.join(DIST, version)), { fromArchive: false });
    expect(report.problems).toEqual([]);
    expect(report.version).toBe(version);
  });

  it("the root datapackage.json describes the latest release, its paths pointing into its folder", () => {
    const latest = releases.at(-1)!;
    const inner = new Uint8Array(readFileSync(path.join(DIST, latest, "datapackage.json")));
    expect(readFileSync(path.join(ROOT, "datapackage.json"), "utf8")).toBe(new TextDecoder().decode(rootDescriptor(inner, `dist-data/${latest}/`)));
  });
});
