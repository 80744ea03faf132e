import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ReleaseExistsError, writeRelease } from "../../src/release/write-release.js";
import { editSource, filesUnder, makeProject, runParlexInProcess as runInProcess, runParlexProcess, scratchDir } from "./helpers.js";

const scratch = scratchDir("release");
const a = makeProject(scratch, "a");
const b = makeProject(scratch, "b");
const ARCHIVE = "china-kazakhstan-parliamentary-exchanges-1.0.0.tar.gz";
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** sha256 of every file of a folder, by path. */
function digests(dir: string): Record<string, string> {
  return Object.fromEntries(filesUnder(dir).map((f) => [f, createHash("sha256").update(readFileSync(path.join(dir, f))).digest("hex")]));
}

let first: { code: number; stdout: string; stderr: string };
beforeAll(async () => {
  // One release as a user runs it (a child process), the other in-process: the bytes must not depend on either.
  [first] = await Promise.all([runParlexProcess(["release", "--date", "2026-11-22"], a), runInProcess(["release", "--date", "2026-11-22"], b)]);
});

describe("parlex release, as a maintainer runs it from a project folder", () => {
  it("cuts 1.0.0 as the first release, with every file, and points the root datapackage.json at it", () => {
    expect(first).toEqual({
      code: 0,
      stdout: `Released 1.0.0, dated 2026-11-22 — the first release.\nWrote dist-data/1.0.0/ (75 files, archive ${ARCHIVE}); datapackage.json now describes 1.0.0.\n`,
      stderr: "",
    });
    const files = filesUnder(path.join(a, "dist-data/1.0.0"));
    expect(files.filter((f) => !f.includes("/"))).toEqual(["CHANGELOG.md", "CITATION.cff", "DATA-DICTIONARY.md", "README.md", "SHA256SUMS", ARCHIVE, "datapackage.json", "load.R", "load.py", "load.sql", "manifest.json"]);
    for (const format of ["csv", "json", "arrow", "parquet"]) expect(files.filter((f) => f.startsWith(`${format}/`)), format).toHaveLength(16);
    const root = JSON.parse(readFileSync(path.join(a, "datapackage.json"), "utf8"));
    expect(root.version).toBe("1.0.0");
    // When the package was made: the release's date, not a date from the sources.
    expect(root.created).toBe("2026-11-22T00:00:00Z");
    expect(root.resources[0].path).toBe("dist-data/1.0.0/csv/meetings.csv");
    const inner = JSON.parse(readFileSync(path.join(a, "dist-data/1.0.0/datapackage.json"), "utf8"));
    expect(root.resources.map((r: { path: string }) => r.path)).toEqual(inner.resources.map((r: { path: string }) => `dist-data/1.0.0/${r.path}`));
  });

  it("is byte-reproducible: two releases of the same sources on the same date are identical, archive included", () => {
    expect(digests(path.join(b, "dist-data/1.0.0"))).toEqual(digests(path.join(a, "dist-data/1.0.0")));
    expect(readFileSync(path.join(b, "datapackage.json"))).toEqual(readFileSync(path.join(a, "datapackage.json")));
  });

  it("writes a data card with counts, the meetings' date range, loading in pandas and R, the citation and the licence", () => {
    const card = readFileSync(path.join(a, "dist-data/1.0.0/README.md"), "utf8");
    for (const text of ["| `meetings` | 2 |", "2 meetings, dated between 2022-06-28 and 2023-01-27", 'import load\ntables = load.load(".")', 'source("load.R")\ntables <- parlex_load(".")', "The parlex contributors (2026)", "CC-BY-4.0", ".read load.sql", 'pl.read_parquet("parquet/meetings.parquet")', 'pd.read_parquet("parquet/meetings.parquet")', 'spark.read.parquet("parquet/meetings.parquet")']) {
      expect(card).toContain(text);
    }
  });

  it("refuses to release when nothing changed (exit 1), and diff says so", async () => {
    const again = await runInProcess(["release", "--date", "2026-11-23"], b);
    expect(again).toEqual({ code: 1, stdout: "", stderr: "parlex release: nothing changed since 1.0.0: the sources build the same data, so there is nothing to release.\n" });
    const diff = await runInProcess(["diff"], b);
    expect(diff).toMatchObject({ code: 0, stdout: "No changes against 1.0.0: nothing to release.\n" });
  });

  it("refuses a release dated in the future or before the previous release (exit 1), writing nothing", async () => {
    const before = filesUnder(path.join(b, "dist-data"));
    const future = await runInProcess(["release", "--date", "2999-01-01"], b);
    expect(future.code).toBe(1);
    expect(future.stderr).toMatch(/^parlex release: --date 2999-01-01 is after today \(\d{4}-\d{2}-\d{2}\): a release is dated the day it is made\.\n$/);
    const earlier = await runInProcess(["release", "--date", "2026-11-21"], b);
    expect(earlier).toEqual({ code: 1, stdout: "", stderr: "parlex release: --date 2026-11-21 is before 1.0.0, released 2026-11-22: releases are dated in the order they are made.\n" });
    expect(filesUnder(path.join(b, "dist-data"))).toEqual(before);
  });

  it("refuses to release on top of a latest release that does not verify (exit 1), writing nothing", async () => {
    const damaged = makeProject(scratch, "damaged");
    expect((await runInProcess(["release", "--date", "2026-11-22"], damaged)).code).toBe(0);
    const people = path.join(damaged, "dist-data/1.0.0/csv/people.csv");
    writeFileSync(people, readFileSync(people, "utf8").replace("Bo Beta", "Bo Betb"));
    editSource(damaged, "meetings/2023/gamma-alpha-astana.yaml", (t) => t.replace("title: Cy Gamma meets Ana Alpha", "title: Cy Gamma meets Ana Alpha in Astana"));
    const root = readFileSync(path.join(damaged, "datapackage.json"));
    const before = filesUnder(path.join(damaged, "dist-data"));
    const result = await runInProcess(["release", "--date", "2026-11-23"], damaged);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("dist-data/1.0.0/csv/people.csv  resource/hash  ");
    expect(result.stderr).toMatch(/parlex release: the latest release, dist-data\/1\.0\.0, does not verify \(\d+ problem\(s\)\), so a changelog against it would be false; nothing was released \(run `parlex verify dist-data\/1\.0\.0`\)\.\n$/);
    expect(filesUnder(path.join(damaged, "dist-data"))).toEqual(before);
    expect(readFileSync(path.join(damaged, "datapackage.json"))).toEqual(root);
  });

  it("a newer folder in dist-data/ that does not verify is refused, the root descriptor left as it was", async () => {
    const bogus = makeProject(scratch, "bogus");
    expect((await runInProcess(["release", "--date", "2026-11-22"], bogus)).code).toBe(0);
    mkdirSync(path.join(bogus, "dist-data/9.0.0"));
    cpSync(path.join(bogus, "dist-data/1.0.0/datapackage.json"), path.join(bogus, "dist-data/9.0.0/datapackage.json"));
    editSource(bogus, "meetings/2023/gamma-alpha-astana.yaml", (t) => t.replace("title: Cy Gamma meets Ana Alpha", "title: Cy Gamma meets Ana Alpha in Astana"));
    const root = readFileSync(path.join(bogus, "datapackage.json"));
    const result = await runInProcess(["release", "--date", "2026-11-23"], bogus);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/the latest release, dist-data\/9\.0\.0, does not verify/);
    expect(readFileSync(path.join(bogus, "datapackage.json"))).toEqual(root);
  });

  it("refuses to release when the release the root descriptor describes is missing from dist-data/ (exit 1), writing nothing", async () => {
    const lost = makeProject(scratch, "lost");
    expect((await runInProcess(["release", "--date", "2026-11-22"], lost)).code).toBe(0);
    editSource(lost, "meetings/2023/gamma-alpha-astana.yaml", (t) => t.replace("title: Cy Gamma meets Ana Alpha", "title: Cy Gamma meets Ana Alpha in Astana"));
    expect((await runInProcess(["release", "--date", "2026-11-23"], lost)).code).toBe(0);
    rmSync(path.join(lost, "dist-data/1.0.1"), { recursive: true });
    editSource(lost, "meetings/2023/gamma-alpha-astana.yaml", (t) => t.replace("in Astana", "in Astana, Kazakhstan"));
    const root = readFileSync(path.join(lost, "datapackage.json"));
    const result = await runInProcess(["release", "--date", "2026-11-24"], lost);
    expect(result).toEqual({
      code: 1,
      stdout: "",
      stderr:
        "parlex release: datapackage.json describes release 1.0.1, but dist-data/1.0.1/ is not there: a published release is missing, and releasing now would publish 1.0.1 again with other data; nothing was released. Restore dist-data/1.0.1/ (for example `git checkout -- dist-data/1.0.1`) and run again.\n",
    });
    expect(filesUnder(path.join(lost, "dist-data")).some((f) => f.startsWith("1.0.1/"))).toBe(false);
    expect(readFileSync(path.join(lost, "datapackage.json"))).toEqual(root);
    // diff, which writes nothing, says what it compares with instead.
    const diff = await runInProcess(["diff"], lost);
    expect(diff.code).toBe(0);
    expect(diff.stderr).toBe("parlex diff: datapackage.json describes release 1.0.1, but dist-data/1.0.1/ is not there; comparing with dist-data/1.0.0 (`parlex release` refuses until it is restored).\n");
  });

  it("releases a corrected value as 1.0.1 with a changelog naming the ID and field, leaving 1.0.0 untouched", async () => {
    const before = digests(path.join(a, "dist-data/1.0.0"));
    editSource(a, "meetings/2023/gamma-alpha-astana.yaml", (t) => t.replace("title: Cy Gamma meets Ana Alpha", "title: Cy Gamma meets Ana Alpha in Astana"));
    const markdown = await runParlexProcess(["diff", "--format", "markdown"], a);
    expect(markdown.stdout).toContain("Needs a **patch** release (1.0.0 → 1.0.1), required by this change: 1 row of `meetings` corrected: `gamma-alpha-astana`.");
    expect(markdown.stdout).toContain("| `meetings` | 2 | 0 | 1 | 0 |");
    const result = await runInProcess(["release", "--date", "2026-11-23"], a);
    expect(result.code).toBe(0);
    const changelog = readFileSync(path.join(a, "dist-data/1.0.1/CHANGELOG.md"), "utf8");
    expect(changelog).toContain("#### meetings\n\n- Changed (1):\n  - `gamma-alpha-astana`\n    - `title`: `\"Cy Gamma meets Ana Alpha\"` → `\"Cy Gamma meets Ana Alpha in Astana\"`\n");
    expect(changelog).toContain("## 1.0.0 — 2026-11-22\n\nFirst release:");
    expect(digests(path.join(a, "dist-data/1.0.0"))).toEqual(before);
    expect(JSON.parse(readFileSync(path.join(a, "datapackage.json"), "utf8")).resources[0].path).toBe("dist-data/1.0.1/csv/meetings.csv");
    expect((await runInProcess(["verify", "dist-data/1.0.1"], a)).code).toBe(0);
  });

  it("refuses a bump smaller than the changes need, naming the change; --dry-run shows the release and writes nothing", async () => {
    editSource(a, "meetings/2022/alpha-beta-video.yaml", (t) => t.replace("topics: [trade, e-commerce]", "topics: [trade]"));
    const refused = await runParlexProcess(["release", "--bump", "minor", "--date", "2026-11-24"], a);
    expect(refused).toEqual({ code: 1, stdout: "", stderr: "parlex release: --bump minor is too small: 1 row removed from meeting_topics: alpha-beta-video / e-commerce requires a major release (1.0.1 → 2.0.0).\n" });
    const dry = await runInProcess(["release", "--dry-run", "--date", "2026-11-24"], a);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain("Would release 2.0.0, dated 2026-11-24 — a major release. Nothing was written (--dry-run).");
    expect(dry.stdout).toContain("- Removed (1): `alpha-beta-video / e-commerce`");
    expect(existsSync(path.join(a, "dist-data/2.0.0"))).toBe(false);
    const json = JSON.parse((await runInProcess(["diff", "--format", "json"], a)).stdout);
    expect(json).toMatchObject({ before: "1.0.1", next: "2.0.0", bump: "major" });
    expect(json.records).toEqual([{ table: "meeting_topics", primaryKey: ["meeting_id", "topic_id"], added: [], changed: [], removed: [{ id: "alpha-beta-video / e-commerce", key: { meeting_id: "alpha-beta-video", topic_id: "e-commerce" } }] }]);
  });

  it("diffs --against an older version or a folder; an unknown one is a usage error", async () => {
    const older = await runInProcess(["diff", "--against", "1.0.0"], a);
    expect(older.stdout).toContain("Needs a major release: 1.0.0 → 2.0.0");
    const folder = await runInProcess(["diff", "--against", path.join(b, "dist-data/1.0.0")], a);
    expect(folder.stdout).toContain("gamma-alpha-astana");
    // A build of these very sources is no change: its folder's mark is no part of the package.
    expect((await runInProcess(["build", "--out", "dist-data/next", "--quiet"], a)).code).toBe(0);
    const built = await runInProcess(["diff", "--against", "dist-data/next"], a);
    expect(built).toMatchObject({ code: 0, stdout: "No changes against 0.0.0-dev: nothing to release.\n" });
    const unknown = await runInProcess(["diff", "--against", "3.0.0"], a);
    expect(unknown).toMatchObject({ code: 2, stderr: "parlex diff: --against 3.0.0: no such release or folder (releases: 1.0.0, 1.0.1)\nRun `parlex diff --help` for usage.\n" });
  });

  it("never overwrites a published release: writing into an existing version folder is an error and changes nothing", async () => {
    const dist = path.join(scratch, "exists/dist-data");
    mkdirSync(path.join(dist, "1.0.0"), { recursive: true });
    writeFileSync(path.join(dist, "1.0.0/README.md"), "published\n");
    const plan = { version: "1.0.0", level: null, because: null, date: "2026-11-22", files: new Map([["README.md", new TextEncoder().encode("new\n")]]), archive: "x-1.0.0.tar.gz", root: new Uint8Array() };
    await expect(writeRelease(dist, plan, "x", path.join(scratch, "exists/datapackage.json"))).rejects.toBeInstanceOf(ReleaseExistsError);
    expect(readFileSync(path.join(dist, "1.0.0/README.md"), "utf8")).toBe("published\n");
    expect(filesUnder(dist)).toEqual(["1.0.0/README.md"]);
    expect(existsSync(path.join(scratch, "exists/datapackage.json"))).toBe(false);
  });

  it("rejects a malformed --date or --bump as a usage error", async () => {
    expect(await runInProcess(["release", "--date", "2026-02-30"], b)).toMatchObject({ code: 2, stderr: "parlex release: --date: must be a real calendar day\nRun `parlex release --help` for usage.\n" });
    // A month past December is no calendar day either (it was taken for a date in the future, exit 1).
    for (const date of ["2026-13-01", "2026-00-10"]) expect(await runInProcess(["release", "--date", date], b)).toMatchObject({ code: 2, stderr: "parlex release: --date: must be a real calendar day\nRun `parlex release --help` for usage.\n" });
    expect((await runInProcess(["release", "--bump", "huge"], b)).code).toBe(2);
  });
});
