import { execFile } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll } from "vitest";
import { buildPackage } from "../../src/pipeline/build-package.js";
import { runCli } from "../../src/cli/main.js";
import { writeArchive } from "../../src/release/write-archive.js";
import { renderChecksums } from "../../src/verify/checksums.js";
import { sha256Hex } from "../../src/write/file-digest.js";
import { sourceFromFolder } from "../../src/verify/file-source.js";
import { readPackage, type PackageSnapshot } from "../../src/verify/read-package.js";
import { archiveStem, isArchiveFile } from "../../src/verify/package-files.js";

/** The repository root. */
export const ROOT = path.resolve(import.meta.dirname, "../..");
/** The small fixture's sources: 2 meetings, every table non-empty. */
export const SMALL_SOURCES = path.join(ROOT, "tests/fixtures/build/small/sources");
const BIN = path.join(ROOT, "bin/parlex.js");

/** A scratch folder under the system temp dir; remove it with `rmSync` after the suite. */
export function scratchDir(prefix: string): string {
  return mkdtempSync(path.join(os.tmpdir(), `parlex-${prefix}-`));
}

/** A project folder as a maintainer has it: sources/ copied from the small fixture, no dist-data yet. */
export function makeProject(parent: string, name: string): string {
  const dir = path.join(parent, name);
  mkdirSync(dir, { recursive: true });
  cpSync(SMALL_SOURCES, path.join(dir, "sources"), { recursive: true });
  return dir;
}

/** Run `node bin/parlex.js ARGS` as a user does, from `cwd`; never throws on a non-zero exit. */
export async function runParlexProcess(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: "1" } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === "number" ? e.code : -1, stdout: e.stdout ?? "", stderr: e.stderr ?? "" };
  }
}

/** Every file under a folder, relative and sorted. */
export function filesUnder(dir: string, prefix = ""): string[] {
  return readdirSync(path.join(dir, prefix), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(dir, prefix ? `${prefix}/${e.name}` : e.name) : [prefix ? `${prefix}/${e.name}` : e.name]))
    .sort();
}

/** Build the small fixture into a folder (a plain package: descriptor, data, helpers). */
export async function buildSmallPackage(dir: string): Promise<void> {
  const result = await buildPackage(SMALL_SOURCES, { version: "1.0.0" });
  if (!result.ok) throw new Error("the small fixture does not build");
  for (const [file, bytes] of result.files) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), bytes);
  }
}

/** A package folder opened for hand edits: its raw descriptor and JSON tables. */
export interface EditablePackage {
  /** The copy's folder. */
  dir: string;
  descriptor: { resources: Resource[] } & Record<string, unknown>;
  rows(table: string): Record<string, unknown>[];
  setRows(table: string, rows: Record<string, unknown>[]): void;
  /** The JSON resource of a table. */
  json(table: string): Resource;
}
type Resource = { name: string; path: string; format?: string; schema?: { fields: Record<string, unknown>[] } & Record<string, unknown> } & Record<string, unknown>;

/** Copy a package folder and edit the copy's descriptor and JSON tables by hand. */
export function editCopy(from: string, to: string, edit: (pkg: EditablePackage) => void): string {
  cpSync(from, to, { recursive: true });
  const descriptor = JSON.parse(readFileSync(path.join(to, "datapackage.json"), "utf8"));
  const json = (table: string): Resource => descriptor.resources.find((r: Resource) => r.name === `${table}-json`);
  const file = (table: string) => path.join(to, json(table)?.path ?? `json/${table}.json`);
  edit({
    dir: to,
    descriptor,
    json,
    rows: (table) => JSON.parse(readFileSync(file(table), "utf8")),
    setRows: (table, rows) => writeFileSync(file(table), JSON.stringify(rows, null, 1) + "\n"),
  });
  writeFileSync(path.join(to, "datapackage.json"), JSON.stringify(descriptor, null, 2) + "\n");
  return to;
}

/** A package folder read as the diff reads it. */
export async function snapshotOf(dir: string): Promise<PackageSnapshot> {
  const read = await readPackage(sourceFromFolder(dir, dir));
  if (!read.ok) throw new Error(read.problems.join("; "));
  return read.snapshot;
}

/**
 * After a hand edit of a release folder, make its integrity metadata agree again — resource bytes
 * and hashes, SHA256SUMS, the archive — so that only the data checks can fail.
 */
export async function resealRelease(dir: string): Promise<void> {
  const descriptorFile = path.join(dir, "datapackage.json");
  const descriptor = JSON.parse(readFileSync(descriptorFile, "utf8"));
  for (const r of descriptor.resources) {
    const bytes = readFileSync(path.join(dir, r.path));
    r.bytes = bytes.length;
    r.hash = `sha256:${sha256Hex(bytes)}`;
  }
  writeFileSync(descriptorFile, JSON.stringify(descriptor, null, 2) + "\n");
  const archives = filesUnder(dir).filter(isArchiveFile);
  for (const a of archives) rmSync(path.join(dir, a));
  const files = new Map(filesUnder(dir).filter((f) => f !== "SHA256SUMS").map((f) => [f, new Uint8Array(readFileSync(path.join(dir, f)))]));
  writeFileSync(path.join(dir, "SHA256SUMS"), renderChecksums(files));
  for (const a of archives) {
    const version = descriptor.version as string;
    await writeArchive(dir, filesUnder(dir), path.join(dir, a), archiveStem(descriptor.name, version), new Date("2026-11-22T00:00:00Z"));
  }
}

/** Replace one source file's text. */
export function editSource(project: string, file: string, edit: (text: string) => string): void {
  const full = path.join(project, "sources", file);
  writeFileSync(full, edit(readFileSync(full, "utf8")));
}

/** The archive a release 1.0.0 of the small fixture ships. */
export const ARCHIVE_1_0_0 = "china-kazakhstan-parliamentary-exchanges-1.0.0.tar.gz";

/**
 * A scratch folder holding a project of the small fixture released once, as 1.0.0 dated
 * 2026-11-22, by the real CLI before the suite's tests; the folder is removed after them.
 */
export function releasedProject(prefix: string): { scratch: string; project: string; release: string } {
  const scratch = scratchDir(prefix);
  const project = makeProject(scratch, "project");
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  beforeAll(async () => {
    const result = await runParlexProcess(["release", "--date", "2026-11-22"], project);
    if (result.code !== 0) throw new Error(result.stderr);
  }, 60_000);
  return { scratch, project, release: path.join(project, "dist-data/1.0.0") };
}

/** Run the CLI in-process with `cwd` as its folder (faster than a child process; same code path below main). */
export async function runParlexInProcess(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await runCli(args, { cwd, stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), color: false, interactive: false });
  return { code, stdout, stderr };
}
