import { execFile } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { editSource, makeProject, ROOT, runParlexInProcess, scratchDir } from "./helpers.js";

const scratch = scratchDir("interrupted");
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Run `parlex release` in a child process that kills itself at a fault point; resolves to its signal. */
async function releaseKilledAt(point: string, cwd: string): Promise<string | null> {
  try {
    await promisify(execFile)(process.execPath, [path.join(ROOT, "bin/parlex.js"), "release", "--date", "2026-11-23"], { cwd, env: { ...process.env, PARLEX_FAULT_AT: point } });
    return null;
  } catch (error) {
    return (error as { signal?: string }).signal ?? null;
  }
}

describe("a release interrupted by a kill", () => {
  it("after the folder is published but before the root descriptor moves: the release is intact, and the next run points the root at it", async () => {
    const project = makeProject(scratch, "published");
    expect((await runParlexInProcess(["release", "--date", "2026-11-22"], project)).code).toBe(0);
    editSource(project, "meetings/2023/gamma-alpha-astana.yaml", (t) => t.replace("summary: A meeting during the visit.", "summary: A meeting held during the visit."));
    expect(await releaseKilledAt("release:published", project)).toBe("SIGKILL");
    const root = () => JSON.parse(readFileSync(path.join(project, "datapackage.json"), "utf8")) as { version: string };
    expect(root().version).toBe("1.0.0");
    expect((await runParlexInProcess(["verify", "dist-data/1.0.1"], project)).code).toBe(0);
    const next = await runParlexInProcess(["release", "--date", "2026-11-24"], project);
    expect(next).toEqual({
      code: 1,
      stdout: "",
      stderr: "parlex release: datapackage.json did not describe the latest release; it now describes 1.0.1.\nparlex release: nothing changed since 1.0.1: the sources build the same data, so there is nothing to release.\n",
    });
    expect(root().version).toBe("1.0.1");
  });

  it("while staging: no version folder appears, and the next run clears the staging folder and releases", async () => {
    const project = makeProject(scratch, "staging");
    expect(await releaseKilledAt("release:staged", project)).toBe("SIGKILL");
    const dist = path.join(project, "dist-data");
    expect(readdirSync(dist).filter((e) => !e.startsWith("."))).toEqual([]);
    expect(readdirSync(dist).some((e) => /^\.parlex-staging-release-\d+-1\.0\.0-/.test(e))).toBe(true);
    expect(existsSync(path.join(project, "datapackage.json"))).toBe(false);
    const next = await runParlexInProcess(["release", "--date", "2026-11-23"], project);
    expect(next.code).toBe(0);
    expect(next.stderr).toMatch(/^parlex release: removed dist-data\/\.parlex-staging-release-\d+-1\.0\.0-\w+, left by an interrupted release\.\n$/);
    expect(readdirSync(dist)).toEqual(["1.0.0"]);
  });

  it("a stray root descriptor temp file is removed; a hand-broken root descriptor is rewritten", async () => {
    const project = makeProject(scratch, "stray");
    expect((await runParlexInProcess(["release", "--date", "2026-11-22"], project)).code).toBe(0);
    const good = readFileSync(path.join(project, "datapackage.json"));
    writeFileSync(path.join(project, "datapackage.json"), "{}\n");
    writeFileSync(path.join(project, "datapackage.json.tmp-4194305"), "half");
    mkdirSync(path.join(project, "dist-data/.parlex-staging-release-4194305-1.0.1-abcdef"));
    const next = await runParlexInProcess(["release", "--date", "2026-11-23"], project);
    expect(next.code).toBe(1);
    expect(readFileSync(path.join(project, "datapackage.json"))).toEqual(good);
    expect(readdirSync(project).sort()).toEqual(["datapackage.json", "dist-data", "sources"]);
    expect(readdirSync(path.join(project, "dist-data"))).toEqual(["1.0.0"]);
  });
});
