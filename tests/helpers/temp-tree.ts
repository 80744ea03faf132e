import { cp, mkdir, mkdtemp, realpath, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { FIXTURES_DIR } from "./fixtures.js";

/** A temporary folder that the test removes when done. */
export interface TempTree {
  dir: string;
  remove: () => Promise<void>;
}

/**
 * A temporary copy of a fixture folder, for cases git cannot keep well (invalid bytes, control
 * characters, symbolic links) and for tests that add files. The path is real (no links in it), so
 * "is this link outside the tree" is decided on the links the test makes, not on the system's.
 */
export async function copyFixture(name: string): Promise<TempTree> {
  const dir = await realpath(await mkdtemp(path.join(os.tmpdir(), "parlex-validate-")));
  await cp(path.join(FIXTURES_DIR, name), dir, { recursive: true });
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** Write a file below `dir`, creating its folders. */
export async function writeTreeFile(dir: string, relative: string, content: string | Uint8Array): Promise<void> {
  const target = path.join(dir, relative);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, content);
}

/** Make `relative` (below `dir`) a symbolic link to `target` (as written in the link). */
export async function linkTreeFile(dir: string, relative: string, target: string): Promise<void> {
  const link = path.join(dir, relative);
  await mkdir(path.dirname(link), { recursive: true });
  await symlink(target, link);
}
