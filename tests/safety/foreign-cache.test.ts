import { execFile } from "node:child_process";
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { PARLEX_BIN, type CliRun } from "../helpers/cli.js";
import { SMALL_SOURCES, scratchDir } from "../release/helpers.js";

const scratch = scratchDir("foreign-cache");
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** `parlex validate` as the user whose cache folder (and so whose secret) is `home`. */
function validate(cwd: string, home: string): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, [PARLEX_BIN, "validate", "--quiet"], { cwd, env: { ...process.env, NO_COLOR: "1", XDG_CACHE_HOME: home } }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === "number" ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

it("a .parlex-cache/ written by someone else cannot make validate accept what a cold run rejects", async () => {
  const dir = path.join(scratch, "project");
  cpSync(SMALL_SOURCES, path.join(dir, "sources"), { recursive: true });
  const meeting = path.join(dir, "sources/meetings/2022/alpha-beta-video.yaml");
  writeFileSync(meeting, readFileSync(meeting, "utf8").replace("person: bo-beta", "person: bo-betta"));
  // The attacker runs parlex on their machine, then edits their cache so that the tree-wide
  // findings (the unknown person) are gone, and commits .parlex-cache/ with the change.
  const attacker = await validate(dir, path.join(scratch, "attacker-home"));
  expect(attacker.code).toBe(1);
  const cache = path.join(dir, ".parlex-cache");
  const tree = readdirSync(cache).find((n) => /^tree-[0-9a-f]{16}\.json$/.test(n))!;
  const snapshot = JSON.parse(readFileSync(path.join(cache, tree), "utf8")) as { diagnostics: unknown[] };
  expect(snapshot.diagnostics.length).toBeGreaterThan(0);
  writeFileSync(path.join(cache, tree), JSON.stringify({ ...snapshot, diagnostics: [] }));
  // The maintainer (another secret) runs validate on the pull request: it finds the error.
  const maintainer = await validate(dir, path.join(scratch, "maintainer-home"));
  expect(maintainer.code, maintainer.stdout).toBe(1);
  expect(maintainer.stdout).toContain("ref/unknown-person");
  // Each secret gives the cache files other names: the forged file was never opened.
  expect(readdirSync(cache).filter((n) => /^tree-/.test(n))).not.toContain(tree);
}, 60_000);
