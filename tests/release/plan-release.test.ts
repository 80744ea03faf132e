import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { z } from "zod";
import { buildPackage } from "../../src/pipeline/build-package.js";
import { parseChecksums } from "../../src/verify/checksums.js";
import { sha256Hex } from "../../src/write/file-digest.js";
import { diffPackages } from "../../src/release/diff-packages.js";
import { sourceFromMap } from "../../src/verify/file-source.js";
import { parseManifest } from "../../src/verify/manifest.js";
import { planRelease, type ReleaseInput } from "../../src/release/plan-release.js";
import { readPackage, type PackageSnapshot } from "../../src/verify/read-package.js";
import { SMALL_SOURCES } from "./helpers.js";

/** The root properties of Citation File Format 1.2.0 this file uses, as its schema defines them (required: cff-version, message, title, authors). */
const Cff120 = z.strictObject({
  "cff-version": z.literal("1.2.0"),
  message: z.string().min(1),
  type: z.enum(["dataset", "software"]),
  title: z.string().min(1),
  version: z.string().min(1),
  "date-released": z.string().regex(/^[0-9]{4}-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])$/),
  license: z.string(),
  authors: z.array(z.union([z.strictObject({ name: z.string().min(1) }), z.strictObject({ "given-names": z.string(), "family-names": z.string() })])).min(1),
  abstract: z.string().min(1).optional(),
  keywords: z.array(z.string().min(1)).min(1).optional(),
});

let build: Map<string, Uint8Array>;
let current: PackageSnapshot;

async function snapshot(files: Map<string, Uint8Array>): Promise<PackageSnapshot> {
  const read = await readPackage(sourceFromMap("test", files));
  if (!read.ok) throw new Error(read.problems.join("; "));
  return read.snapshot;
}

/** A copy of the build where one person's name is corrected (a patch change). */
function corrected(files: Map<string, Uint8Array>): Map<string, Uint8Array> {
  const copy = new Map(files);
  const rows = JSON.parse(new TextDecoder().decode(copy.get("json/people.json"))) as Record<string, unknown>[];
  copy.set("json/people.json", new TextEncoder().encode(JSON.stringify(rows.map((r) => (r.person_id === "bo-beta" ? { ...r, name: "Bo Beta Jr." } : r)))));
  return copy;
}

function input(overrides: Partial<ReleaseInput> & { before: PackageSnapshot | null; after: PackageSnapshot; afterFiles?: Map<string, Uint8Array> }): ReleaseInput {
  const { before, after, afterFiles, ...rest } = overrides;
  return {
    diff: diffPackages(before, after),
    previous: before ? { version: "1.0.0", changelog: "# Changelog\n\nHeader text.\n\n## 1.0.0 — 2026-11-22\n\nFirst release.\n" } : null,
    published: before ? ["1.0.0"] : [],
    requested: "auto",
    date: "2026-11-22",
    today: "2026-12-31",
    build: afterFiles ?? build,
    snapshot: after,
    sources: { digest: `sha256:${"0".repeat(64)}`, files: 14 },
    toolkit: { name: "parlex", version: "0.1.0" },
    ...rest,
  };
}

beforeAll(async () => {
  const built = await buildPackage(SMALL_SOURCES, { version: "0.0.0-dev" });
  if (!built.ok) throw new Error("the small fixture does not build");
  build = built.files;
  current = await snapshot(build);
});

describe("planRelease (pure: diff → bump → plan)", () => {
  it("plans the first release as 1.0.0 with every release file, the version set, and SHA256SUMS over all but itself", () => {
    const result = planRelease(input({ before: null, after: current }));
    if (!result.ok) throw new Error(result.refusal.message);
    const { plan } = result;
    expect(plan.version).toBe("1.0.0");
    expect(plan.archive).toBe("china-kazakhstan-parliamentary-exchanges-1.0.0.tar.gz");
    const files = [...plan.files.keys()];
    expect(files).toEqual(expect.arrayContaining(["README.md", "CHANGELOG.md", "CITATION.cff", "SHA256SUMS", "manifest.json", "datapackage.json", "csv/meetings.csv", "json/meetings.json", "arrow/meetings.arrow", "load.py", "load.R"]));
    expect(JSON.parse(new TextDecoder().decode(plan.files.get("datapackage.json"))).version).toBe("1.0.0");
    const { sums, malformed } = parseChecksums(new TextDecoder().decode(plan.files.get("SHA256SUMS")));
    expect(malformed).toEqual([]);
    expect([...sums.keys()]).toEqual(files.filter((f) => f !== "SHA256SUMS"));
    for (const [file, hash] of sums) expect(hash, file).toBe(sha256Hex(plan.files.get(file)!));
    const root = JSON.parse(new TextDecoder().decode(plan.root));
    expect(root.resources.map((r: { path: string }) => r.path)).toContain("dist-data/1.0.0/csv/meetings.csv");
    expect(root.resources.every((r: { path: string }) => r.path.startsWith("dist-data/1.0.0/"))).toBe(true);
  });

  it("writes a CITATION.cff that is valid CFF 1.2.0, from the descriptor", () => {
    const result = planRelease(input({ before: null, after: current, date: "2026-12-01" }));
    if (!result.ok) throw new Error(result.refusal.message);
    const cff = Cff120.parse(parse(new TextDecoder().decode(result.plan.files.get("CITATION.cff"))));
    expect(cff).toMatchObject({ type: "dataset", title: "China–Kazakhstan inter-parliamentary exchanges", version: "1.0.0", "date-released": "2026-12-01", license: "CC-BY-4.0", authors: [{ name: "The parlex contributors" }] });
  });

  it("writes a manifest with the sources digest, toolkit version, release and date (no clock time)", () => {
    const result = planRelease(input({ before: null, after: current }));
    if (!result.ok) throw new Error(result.refusal.message);
    const manifest = parseManifest(new TextDecoder().decode(result.plan.files.get("manifest.json")));
    expect(manifest).toEqual({ ok: true, manifest: { release: "1.0.0", released: "2026-11-22", previous: null, archive: result.plan.archive, toolkit: { name: "parlex", version: "0.1.0" }, sources: { digest: `sha256:${"0".repeat(64)}`, files: 14 } } });
  });

  it("a corrected value: 1.0.1, with a changelog entry naming the ID and the field before and after, above the earlier entries", async () => {
    const afterFiles = corrected(build);
    const result = planRelease(input({ before: current, after: await snapshot(afterFiles), afterFiles }));
    if (!result.ok) throw new Error(result.refusal.message);
    expect(result.plan.version).toBe("1.0.1");
    const changelog = new TextDecoder().decode(result.plan.files.get("CHANGELOG.md"));
    expect(changelog).toContain(
      [
        "## 1.0.1 — 2026-11-22",
        "",
        "A patch release after 1.0.0, required by this change: 1 row of `people` corrected: `bo-beta`.",
        "",
        "### What changed",
        "",
        "- 1 row of `people` corrected: `bo-beta`.",
        "",
        "### Details",
        "",
        "#### people",
        "",
        "- Changed (1):",
        "  - `bo-beta`",
        '    - `name`: `"Bo Beta"` → `"Bo Beta Jr."`',
        "",
      ].join("\n"),
    );
    expect(changelog.indexOf("## 1.0.1")).toBeLessThan(changelog.indexOf("## 1.0.0 — 2026-11-22\n\nFirst release."));
  });

  it("refuses a bump smaller than the changes require, naming the change", async () => {
    const people = JSON.parse(new TextDecoder().decode(build.get("json/people.json"))) as unknown[];
    const afterFiles = new Map(build);
    afterFiles.set("json/people.json", new TextEncoder().encode(JSON.stringify(people.slice(1))));
    const result = planRelease(input({ before: current, after: await snapshot(afterFiles), afterFiles, requested: "minor" }));
    expect(result).toEqual({
      ok: false,
      refusal: {
        code: "release/bump-too-small",
        message: "--bump minor is too small: 1 row removed from people: ana-alpha requires a major release (1.0.0 → 2.0.0)",
        change: { level: "major", kind: "rows-removed", table: "people", summary: "1 row removed from `people`: `ana-alpha`.", message: "1 row removed from people: ana-alpha" },
      },
    });
  });

  it("allows a bump larger than required", async () => {
    const afterFiles = corrected(build);
    const result = planRelease(input({ before: current, after: await snapshot(afterFiles), afterFiles, requested: "major" }));
    expect(result.ok && result.plan.version).toBe("2.0.0");
  });

  it("refuses to release when nothing changed", () => {
    expect(planRelease(input({ before: current, after: current, requested: "patch" }))).toEqual({
      ok: false,
      refusal: { code: "release/nothing-changed", message: "nothing changed since 1.0.0: the sources build the same data, so there is nothing to release" },
    });
  });

  it("refuses a version that is already published", async () => {
    const afterFiles = corrected(build);
    const result = planRelease(input({ before: current, after: await snapshot(afterFiles), afterFiles, published: ["1.0.0", "1.0.1"] }));
    expect(result).toEqual({ ok: false, refusal: { code: "release/already-published", message: "1.0.1 is already published; a published release is never overwritten or modified" } });
  });

  it("refuses a date after today, and one before the previous release's, before anything else", async () => {
    const afterFiles = corrected(build);
    const after = await snapshot(afterFiles);
    expect(planRelease(input({ before: current, after, afterFiles, date: "2999-01-01" }))).toEqual({
      ok: false,
      refusal: { code: "release/date-in-future", message: "--date 2999-01-01 is after today (2026-12-31): a release is dated the day it is made" },
    });
    const previous = { version: "1.0.0", changelog: null, released: "2026-11-22" };
    expect(planRelease(input({ before: current, after, afterFiles, previous, date: "2026-11-21" }))).toEqual({
      ok: false,
      refusal: { code: "release/date-before-previous", message: "--date 2026-11-21 is before 1.0.0, released 2026-11-22: releases are dated in the order they are made" },
    });
    // The same day as the previous release, and today, are fine.
    expect(planRelease(input({ before: current, after, afterFiles, previous, date: "2026-11-22" })).ok).toBe(true);
    expect(planRelease(input({ before: current, after, afterFiles, previous, date: "2026-12-31" })).ok).toBe(true);
  });

  it("is deterministic: the same input plans the same bytes", () => {
    const a = planRelease(input({ before: null, after: current }));
    const b = planRelease(input({ before: null, after: current }));
    if (!a.ok || !b.ok) throw new Error("refused");
    expect([...b.plan.files.keys()]).toEqual([...a.plan.files.keys()]);
    for (const [file, bytes] of a.plan.files) expect(Buffer.from(b.plan.files.get(file)!).equals(Buffer.from(bytes)), file).toBe(true);
  });
});
