import { copyFile, link, lstat, mkdir, mkdtemp, open, readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { RunError } from "../catalogue/run-error.js";
import { faultPoint } from "./fault-point.js";
import { isRunning } from "./folder-lock.js";
import { notOwnFolder, OUTPUT_MARK, OUTPUT_MARK_TEXT } from "./output-folder.js";

const STAGING = ".parlex-staging-";
const RETIRED = ".parlex-retired-";
/** Files written at once. */
const WRITERS_AT_ONCE = 4;

/**
 * A file of the new folder that has the bytes of an existing file (one of the old folder's): it
 * is linked to it rather than written again, or copied where the file system cannot link.
 */
export interface SameAs {
  sameAs: string;
}

/** What a file of the folder holds: its bytes, the pieces they are made of in order, or those of an existing file. */
export type FolderFile = Uint8Array | Uint8Array[] | SameAs;

/**
 * Write a folder of files so that readers see the old folder or the new one, never a mix:
 * everything is written into a staging folder beside the target, then swapped in by rename.
 * If a previous run was killed between the two renames, its retired folder is put back first.
 * The folder gets parlex's mark (OUTPUT_MARK); a folder already there is replaced only if it is
 * empty or carries the mark. The caller holds the folder's lock (folder-lock.ts).
 */
export async function writeFolderAtomically(target: string, files: ReadonlyMap<string, FolderFile>): Promise<void> {
  const parent = path.dirname(path.resolve(target));
  const base = path.basename(target);
  await mkdir(parent, { recursive: true });
  await recoverInterrupted(target);
  // The staging folder is named by this process, so that no other run takes it for a dead one's.
  const staging = await mkdtemp(path.join(parent, `${STAGING}${process.pid}-${base}-`));
  try {
    await writeFile(path.join(staging, OUTPUT_MARK), OUTPUT_MARK_TEXT);
    for (const folder of new Set([...files.keys()].map((relative) => path.dirname(path.join(staging, relative))))) await mkdir(folder, { recursive: true });
    // A few files at a time: the system then copies them into its cache on both cores.
    const queue = [...files];
    let written = 0;
    const writer = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        const [relative, bytes] = next;
        const file = path.join(staging, relative);
        if (bytes instanceof Uint8Array) await writeFile(file, bytes);
        else if (Array.isArray(bytes)) await writePieces(file, bytes);
        else await link(bytes.sameAs, file).catch(() => copyFile(bytes.sameAs, file));
        if (++written === Math.ceil(files.size / 2)) faultPoint("build:staging-partly-written", file);
      }
    };
    // Every writer done before a failure is handled: nothing may write into a staging folder being removed.
    const failed = (await Promise.allSettled(Array.from({ length: WRITERS_AT_ONCE }, writer))).find((r) => r.status === "rejected");
    if (failed) throw failed.reason;
    faultPoint("build:staged");
    const retired = path.join(parent, `${RETIRED}${base}`);
    const hadOld = await exists(target);
    // Looked at again right before it is moved aside: never replace what parlex did not write.
    if (hadOld) await requireOwnFolder(target);
    if (hadOld) await rename(target, retired);
    faultPoint("build:old-retired");
    await rename(staging, target);
    faultPoint("build:new-in-place");
    if (hadOld) await rm(retired, { recursive: true, force: true });
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

/** Write a file from pieces, without joining them first. */
async function writePieces(file: string, pieces: readonly Uint8Array[]): Promise<void> {
  const handle = await open(file, "w");
  try {
    // A few hundred at a time: the system takes a bounded number of buffers in one call.
    for (let i = 0; i < pieces.length; i += 256) {
      const group = pieces.slice(i, i + 256);
      const { bytesWritten } = await handle.writev(group);
      const expected = group.reduce((sum, p) => sum + p.length, 0);
      if (bytesWritten !== expected) throw new Error(`${file}: wrote ${bytesWritten} of ${expected} bytes`);
    }
  } finally {
    await handle.close();
  }
}

/** Refuse to replace a folder that is neither empty nor marked as parlex's. */
async function requireOwnFolder(target: string): Promise<void> {
  const own = await lstat(target);
  if (!own.isDirectory()) throw new RunError(own.isSymbolicLink() ? "output/is-link" : "output/is-file", { folder: target }, 2);
  // Checked again here, just before the swap: a file put there meanwhile would go with the folder.
  const notOwn = notOwnFolder("build", await readdir(target));
  if (notOwn) throw new RunError(notOwn.code, { folder: target, ...notOwn.params }, 2);
}

/**
 * Restore a target left retired by a killed run, and remove the staging folders of this target
 * whose process is gone (a live run's, this one's included, are never touched).
 */
export async function recoverInterrupted(target: string): Promise<void> {
  const parent = path.dirname(path.resolve(target));
  const base = path.basename(target);
  const retired = path.join(parent, `${RETIRED}${base}`);
  if (await exists(retired)) {
    if (await exists(target)) await rm(retired, { recursive: true, force: true });
    else await rename(retired, target);
  }
  const entries = await readdir(parent).catch(() => [] as string[]);
  for (const entry of entries) {
    const owner = stagingOwner(entry, base);
    if (owner !== undefined && !isRunning(owner)) await rm(path.join(parent, entry), { recursive: true, force: true });
  }
}

/** `.parlex-staging-<pid>-<base>-<six characters of mkdtemp>` */
const STAGING_NAME = /^\.parlex-staging-(\d+)-(.*)-[A-Za-z0-9]{6}$/;

/** The pid of the process whose staging folder for `base` this entry is, if it is one. */
function stagingOwner(entry: string, base: string): number | undefined {
  const match = STAGING_NAME.exec(entry);
  return match && match[2] === base ? Number(match[1]) : undefined;
}

async function exists(p: string): Promise<boolean> {
  return stat(p).then(
    () => true,
    () => false,
  );
}
