import { execFile, spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { folderFiles } from "../helpers/folder-files.js";
import { PARLEX_BIN, type CliRun } from "../helpers/cli.js";
import { lockFileOf, startOf } from "../../src/write/folder-lock.js";
import { SMALL_SOURCES, scratchDir } from "../release/helpers.js";

// Real processes, as two terminals (or two CI jobs) would run them.

const scratch = scratchDir("concurrent");
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function parlex(argv: string[], cwd: string, env: Record<string, string> = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, [PARLEX_BIN, ...argv], { cwd, env: { ...process.env, NO_COLOR: "1", ...env }, maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === "number" ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

function project(name: string): string {
  const dir = path.join(scratch, name);
  cpSync(SMALL_SOURCES, path.join(dir, "sources"), { recursive: true });
  return dir;
}

/** A process that stays alive until killed, to hold a lock or a staging folder. */
function sleeper() {
  return spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" });
}

describe("two builds into one folder at once", () => {
  it("both succeed, one after the other, and the folder is one whole build", async () => {
    const dir = project("builds");
    const reference = await parlex(["build", "--out", "reference", "--quiet", "--no-cache"], dir);
    expect(reference.code, reference.stderr).toBe(0);
    const expected = folderFiles(path.join(dir, "reference"));
    for (let round = 0; round < 3; round++) {
      const runs = await Promise.all([0, 1].map(() => parlex(["build", "--out", "shared", "--quiet", "--no-cache"], dir)));
      for (const run of runs) expect(run.code, run.stderr).toBe(0);
      expect(folderFiles(path.join(dir, "shared"))).toEqual(expected);
      expect(readdirSync(dir).filter((e) => e.startsWith(".parlex-"))).toEqual([]);
    }
  }, 120_000);

  it("a build waits for a live run's lock a bounded time, then fails with exit 1 and touches nothing", async () => {
    const dir = project("locked");
    const holder = sleeper();
    try {
      const lock = lockFileOf(path.join(dir, "out"));
      writeFileSync(lock, JSON.stringify({ pid: holder.pid, start: startOf(holder.pid!), host: hostname(), since: "2026-01-01T00:00:00.000Z" }));
      const started = Date.now();
      const run = await parlex(["build", "--out", "out", "--quiet"], dir, { PARLEX_LOCK_WAIT: "1" });
      expect(run.code).toBe(1);
      expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
      expect(run.stderr).toContain(`parlex build: out is being written by another parlex run (process ${holder.pid}`);
      expect(run.stderr.trimEnd().split("\n").at(-1)).toMatch(/\[run\/locked\]$/);
      expect(existsSync(path.join(dir, "out"))).toBe(false);
      expect(existsSync(lock)).toBe(true);
    } finally {
      holder.kill("SIGKILL");
    }
    await new Promise((resolve) => holder.once("exit", resolve));
    // The holder is gone: its lock is stale, and the next build takes it over.
    const after = await parlex(["build", "--out", "out", "--quiet"], dir, { PARLEX_LOCK_WAIT: "1" });
    expect(after.code, after.stderr).toBe(0);
    expect(readdirSync(dir).filter((e) => e.startsWith(".parlex-lock"))).toEqual([]);
  }, 60_000);
});

describe("two releases at once", () => {
  it("one publishes, the other waits and then finds nothing to release; the release verifies", async () => {
    const dir = project("releases");
    const runs = await Promise.all([0, 1].map(() => parlex(["release", "--date", "2025-01-01"], dir)));
    expect(runs.map((r) => r.code).sort(), runs.map((r) => r.stderr).join("\n")).toEqual([0, 1]);
    const refused = runs.find((r) => r.code === 1)!;
    expect(refused.stderr).toMatch(/nothing changed|already/i);
    expect(readdirSync(path.join(dir, "dist-data"))).toEqual(["1.0.0"]);
    const verify = await parlex(["verify", "dist-data/1.0.0"], dir);
    expect(verify.code, verify.stdout + verify.stderr).toBe(0);
    expect(JSON.parse(readFileSync(path.join(dir, "datapackage.json"), "utf8")).version).toBe("1.0.0");
    expect(readdirSync(dir).filter((e) => e.startsWith(".parlex-") || e.includes(".tmp-"))).toEqual([]);
  }, 120_000);

  it("a release removes a dead run's staging folder, never a live one's", async () => {
    const dir = project("staging");
    const dist = path.join(dir, "dist-data");
    const holder = sleeper();
    // Above the largest pid Linux hands out (4194304 at most): no process has it.
    const dead = 4_194_305;
    try {
      const live = path.join(dist, `.parlex-staging-release-${holder.pid}-1.0.0-abcdef`);
      const gone = path.join(dist, `.parlex-staging-release-${dead}-1.0.0-ghijkl`);
      mkdirSync(live, { recursive: true });
      mkdirSync(gone, { recursive: true });
      const run = await parlex(["release", "--date", "2025-01-01"], dir);
      expect(run.code, run.stderr).toBe(0);
      expect(existsSync(live)).toBe(true);
      expect(existsSync(gone)).toBe(false);
    } finally {
      holder.kill("SIGKILL");
    }
  }, 60_000);
});
