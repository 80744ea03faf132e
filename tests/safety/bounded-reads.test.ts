import { execFileSync, execFile } from "node:child_process";
import { cpSync, rmSync, symlinkSync } from "node:fs";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { PARLEX_BIN, type CliRun } from "../helpers/cli.js";
import { ROOT, scratchDir } from "../release/helpers.js";

// Real processes with a deadline: a read that blocks on a FIFO would hang the run, not fail a check.

const scratch = scratchDir("bounded");
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const MINIMAL = path.join(ROOT, "tests/fixtures/validate/valid-minimal");

function validate(dir: string, argv: string[]): Promise<CliRun & { ms: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    execFile(process.execPath, [PARLEX_BIN, "validate", ...argv], { cwd: dir, timeout: 20_000, killSignal: "SIGKILL", env: { ...process.env, NO_COLOR: "1" } }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === "number" ? error.code : -1) : 0, stdout, stderr, ms: Date.now() - started });
    });
  });
}

function tree(name: string): string {
  const dir = path.join(scratch, name);
  cpSync(MINIMAL, dir, { recursive: true });
  return dir;
}

it("a .yaml link to a FIFO is reported unreadable, without hanging, with or without the cache", async () => {
  const dir = tree("fifo-source");
  execFileSync("mkfifo", [path.join(dir, "sources", "pipe")]);
  symlinkSync("../pipe", path.join(dir, "sources", "people", "zz-pipe.yaml"));
  for (const argv of [["--no-cache"], [], ["--threads", "0"]]) {
    const run = await validate(dir, argv);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout).toMatch(/sources\/people\/zz-pipe\.yaml {2}error {2}file\/unreadable {2}.*not a regular file \(a FIFO\)/);
  }
}, 90_000);

it("an archived text that is a FIFO, or a link to /dev/zero, is missing: no hang, no growing memory", async () => {
  for (const [name, make] of [
    ["fifo-archive", (file: string) => execFileSync("mkfifo", [file])],
    ["zero-archive", (file: string) => symlinkSync("/dev/zero", file)],
  ] as const) {
    const dir = tree(name);
    const archived = path.join(dir, "archive", "talks-report.txt");
    rmSync(archived);
    make(archived);
    const run = await validate(dir, ["--archive", "archive", "--no-cache"]);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout).toMatch(/archive\/missing|archive/);
    expect(run.ms).toBeLessThan(15_000);
  }
}, 90_000);
