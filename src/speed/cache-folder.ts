import { mkdir, readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import { readdirSync } from "node:fs";
import path from "node:path";

// The cache folder's housekeeping: its files' names, replacing one whole, the file system's
// clock, and forgetting what other toolkits left.

/**
 * The cache's own files, by toolkit: the log, the stat index and its journal, the tree-wide
 * findings, and what the last build wrote (src/pipeline/last-build.ts).
 */
const CACHE_FILE = /^(?:checks|files|tree|build)-([0-9a-f]{16})\.(?:jsonl?|bin)$/;
/** A temporary file left by a run killed while replacing one of them (see replaceFile). */
const LEFT_TEMPORARY = /^(?:checks|files|tree|build)-[0-9a-f]{16}\.(?:jsonl?|bin)\.\d+\.tmp$/;
/** How old a temporary file must be before it is taken for a killed run's, not a running one's. */
const TEMPORARY_AGE_MS = 60 * 60 * 1000;

/**
 * Whether the folder may hold a stat index (of this toolkit or another): when it cannot (a first
 * run), the files need not be stat-ed while the tree is listed.
 */
export function mayHoldStatIndex(dir: string): boolean {
  try {
    return readdirSync(dir).some((name) => name.startsWith("files-") && CACHE_FILE.test(name));
  } catch {
    return false;
  }
}

/**
 * Delete what earlier toolkits left (every change to the toolkit starts a new log, some hundreds
 * of megabytes on a large tree) and temporary files of killed runs, so the folder does not grow
 * with each upgrade.
 */
export async function forgetOtherToolkits(dir: string, toolkit: string): Promise<void> {
  const current = toolkit.slice(0, 16);
  for (const name of await readdir(dir)) {
    const file = path.join(dir, name);
    const data = CACHE_FILE.exec(name);
    if (data && data[1] !== current) await rm(file, { force: true });
    else if (LEFT_TEMPORARY.test(name)) {
      const age = Date.now() - (await stat(file).catch(() => ({ mtimeMs: Date.now() }))).mtimeMs;
      if (age > TEMPORARY_AGE_MS) await rm(file, { force: true });
    }
  }
}

/**
 * Now, by the file system's clock: the time of a file just written in the cache folder (or this
 * machine's clock, when nothing can be written there).
 */
export async function fileSystemNow(dir: string): Promise<number> {
  try {
    await mkdir(dir, { recursive: true });
    const marker = path.join(dir, "clock");
    await writeFile(marker, "");
    return (await stat(marker)).mtimeMs;
  } catch {
    return Date.now();
  }
}

/** Write a file whole or not at all: a temporary file renamed over it. */
export async function replaceFile(file: string, text: string | Uint8Array): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, file);
}
