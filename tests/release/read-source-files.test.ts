import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, expect, it, vi } from "vitest";
import { runCli } from "../../src/cli/main.js";
import { SourcesChangedError } from "../../src/model/sources-changed.js";
import { readSourceFiles } from "../../src/release/read-source-files.js";
import { makeProject, scratchDir } from "./helpers.js";

// A release lists the sources for the manifest's digest after it validated them; a file replaced
// since by a FIFO, or gone, is the tree changing under the run. The listing of one folder is
// given here, with such a file in it, so that the race happens every time.
const listed = vi.hoisted(() => ({ root: "", extra: [] as string[] }));
vi.mock("../../src/verify/file-source.js", async (original) => {
  const real = await original<typeof import("../../src/verify/file-source.js")>();
  const listFiles = async (dir: string, prefix?: string) => [...(await real.listFiles(dir, prefix)), ...(path.resolve(dir) === listed.root && !prefix ? listed.extra : [])];
  return { ...real, listFiles };
});

const scratch = scratchDir("read-sources");
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

it("reads every listed file; one turned into a FIFO, or gone, since it was listed is the sources changing (no hang, no internal error)", async () => {
  const root = path.join(scratch, "tree");
  mkdirSync(path.join(root, "people"), { recursive: true });
  writeFileSync(path.join(root, "people/a.yaml"), "id: a\n");
  execFileSync("mkfifo", [path.join(root, "people/b.yaml")]);
  listed.root = root;
  listed.extra = [];
  expect([...(await readSourceFiles(root)).keys()]).toEqual(["people/a.yaml"]);
  listed.extra = ["people/b.yaml"];
  await expect(readSourceFiles(root)).rejects.toBeInstanceOf(SourcesChangedError);
  listed.extra = ["people/gone.yaml"];
  await expect(readSourceFiles(root)).rejects.toBeInstanceOf(SourcesChangedError);
});

it("`parlex release` meeting that says so in one line, exit 1, and publishes nothing", async () => {
  const project = makeProject(scratch, "project");
  execFileSync("mkfifo", [path.join(project, "sources/people/zz-late.yaml.tmp")]);
  listed.root = path.join(project, "sources");
  listed.extra = ["people/zz-late.yaml.tmp"];
  let stdout = "";
  let stderr = "";
  const io = { cwd: project, stdout: (t: string) => void (stdout += t), stderr: (t: string) => void (stderr += t), color: false, interactive: false };
  const code = await runCli(["release", "sources", "--date", "2026-01-01"], io);
  expect({ code, stderr, stdout }).toEqual({ code: 1, stderr: "parlex: source files changed while they were being read; nothing was written: run the command again.\n", stdout: "" });
  expect(existsSync(path.join(project, "dist-data"))).toBe(false);
  expect(existsSync(path.join(project, "datapackage.json"))).toBe(false);
});
