import { appendFileSync, cpSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { editSource, makeProject, runParlexProcess, scratchDir } from "./helpers.js";

// A release takes the files of the last `parlex build` when that build was made from the very
// sources being released and its folder stands as it was left; the release is then the same,
// byte for byte, as one built afresh (--no-cache). Anything else and it builds them itself.

const scratch = scratchDir("release-reuse");
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const ARCHIVE = "china-kazakhstan-parliamentary-exchanges-1.0.0.tar.gz";
const REUSED = /The data files are those of the last build, package\/, made from these same sources\./;

async function run(project: string, args: string[]) {
  const result = await runParlexProcess(args, project);
  if (result.code !== 0) throw new Error(`${args.join(" ")}: ${result.stderr}`);
  return result;
}

/** What a release published: its checksums and its archive's bytes. */
function published(project: string): { sums: string; archive: Buffer } {
  const dir = path.join(project, "dist-data/1.0.0");
  return { sums: readFileSync(path.join(dir, "SHA256SUMS"), "utf8"), archive: readFileSync(path.join(dir, ARCHIVE)) };
}

describe("release after a build", () => {
  const fresh = makeProject(scratch, "fresh");

  it("takes the build's files when they are the output of these sources, and publishes what a fresh build would", async () => {
    await run(fresh, ["release", "--date", "2026-11-22", "--no-cache"]);
    const reusing = makeProject(scratch, "reusing");
    await run(reusing, ["build", "--out", "package", "--quiet", "--date", "2025-01-01"]);
    const released = await run(reusing, ["release", "--date", "2026-11-22"]);
    expect(released.stdout).toMatch(REUSED);
    expect(published(reusing)).toEqual(published(fresh));
    // The root descriptor too.
    expect(readFileSync(path.join(reusing, "datapackage.json"), "utf8")).toBe(readFileSync(path.join(fresh, "datapackage.json"), "utf8"));
  });

  it("builds afresh when the sources changed since the build, or a file of the build was touched", async () => {
    const edited = makeProject(scratch, "edited");
    await run(edited, ["build", "--out", "package", "--quiet"]);
    editSource(edited, "meetings/2023/gamma-alpha-astana.yaml", (t) => t.replace("title: Cy Gamma meets Ana Alpha", "title: Cy Gamma meets Ana Alpha in Astana"));
    const released = await run(edited, ["release", "--date", "2026-11-22"]);
    expect(released.stdout).not.toMatch(REUSED);
    expect(readFileSync(path.join(edited, "dist-data/1.0.0/csv/meetings.csv"), "utf8")).toContain("Cy Gamma meets Ana Alpha in Astana");

    // The same sources as `fresh`, but a table of the build changed after it was written: not taken.
    const touched = makeProject(scratch, "touched");
    await run(touched, ["build", "--out", "package", "--quiet"]);
    appendFileSync(path.join(touched, "package/csv/topics.csv"), "x,y\n");
    const again = await run(touched, ["release", "--date", "2026-11-22"]);
    expect(again.stdout).not.toMatch(REUSED);
    expect(published(touched)).toEqual(published(fresh));

    // Nor is a table replaced by a copy of itself (same bytes, another file).
    const replaced = makeProject(scratch, "replaced");
    await run(replaced, ["build", "--out", "package", "--quiet"]);
    const file = path.join(replaced, "package/csv/topics.csv");
    cpSync(file, `${file}.copy`);
    rmSync(file);
    cpSync(`${file}.copy`, file);
    rmSync(`${file}.copy`);
    expect((await run(replaced, ["release", "--date", "2026-11-22"])).stdout).not.toMatch(REUSED);
  }, 60_000);
});
