import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { writeCorpus } from "../../src/bench/write-corpus.js";

const CLI = path.resolve(import.meta.dirname, "../../bin/parlex.js");
const project = mkdtempSync(path.join(os.tmpdir(), "parlex-ulimit-"));
afterAll(() => rmSync(project, { recursive: true, force: true }));

it("releases a tree with more files than the process may hold open at once", () => {
  const corpus = writeCorpus(project, { meetings: 200, seed: 3 });
  const limit = 150;
  expect(corpus.files).toBeGreaterThan(limit);
  const run = spawnSync("bash", ["-c", `ulimit -n ${limit} && node "${CLI}" release --date 2026-11-22`], { cwd: project, encoding: "utf8" });
  expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: "" });
  expect(run.stdout).toMatch(/^Released 1\.0\.0/m);
});
