import { constants, mkdirSync, writeFileSync } from "node:fs";
import { copyFile, lstat, mkdir, mkdtemp, readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { RunError } from "../catalogue/run-error.js";
import { notOwnFolder, SITE_MARK } from "../write/output-folder.js";
import type { SiteFile, SiteSink } from "./build-site.js";

const STAGING = ".parlex-staging-";
const RETIRED = ".parlex-retired-";
const AT_ONCE = 8;

/**
 * Whether a folder may be replaced by a site: it does not exist, is empty, or is a site parlex
 * wrote and holds nothing else (notOwnFolder); a RunError (exit 2) otherwise, nothing touched.
 */
export async function checkOut(out: string): Promise<void> {
  const s = await lstat(out).catch(() => null);
  if (!s) return;
  if (!s.isDirectory()) throw new RunError(s.isSymbolicLink() ? "output/is-link" : "output/is-file", { folder: out }, 2);
  const notOwn = notOwnFolder("site", await readdir(out));
  if (notOwn) throw new RunError(notOwn.code, { folder: out, ...notOwn.params }, 2);
}

/**
 * Write the site beside the target, then swap it in by rename: readers see the old site or the
 * new one. `produce` hands each file to the sink as it is made; a few writes run at once and the
 * sink waits when they are all busy, so pages are never all held in memory.
 */
export async function writeSite<T>(out: string, produce: (emit: SiteSink) => Promise<T>): Promise<T> {
  await checkOut(out);
  const parent = path.dirname(path.resolve(out));
  const base = path.basename(path.resolve(out));
  await mkdir(parent, { recursive: true });
  const staging = await mkdtemp(path.join(parent, `${STAGING}${base}-`));
  const pending = new Set<Promise<void>>();
  let failure: unknown;
  const made = new Set<string>();
  // Pages are written synchronously, one after another, as they are made: 130,000 small files
  // through a promise each took most of the site's time. A release's files, large, are copied
  // without blocking, a few at once (never linked: an edit in the site must not reach dist-data/;
  // a copy-on-write clone where the file system offers one).
  const folderOf = (relative: string) => {
    const file = path.join(staging, relative);
    const folder = path.dirname(file);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    return file;
  };
  const emit: SiteSink = async (relative, content) => {
    if (failure) throw failure;
    if (typeof content === "string") {
      writeFileSync(folderOf(relative), content);
      return;
    }
    while (pending.size >= AT_ONCE) await Promise.race(pending);
    const job = copyFile(content.copy, folderOf(relative), constants.COPYFILE_FICLONE).catch((error: unknown) => {
      failure ??= error;
    });
    const tracked = job.finally(() => pending.delete(tracked));
    pending.add(tracked);
  };
  try {
    const result = await produce(emit);
    // Every write done before a failure is handled: nothing may write into a staging folder being removed.
    await Promise.all(pending);
    if (failure) throw failure;
    await writeFile(path.join(staging, SITE_MARK), "A site written by `parlex site`; it replaces this folder whole.\n");
    await checkOut(out); // again: nothing may have appeared there while the site was staged
    const retired = path.join(parent, `${RETIRED}${base}`);
    const had = await stat(out).then(() => true, () => false);
    if (had) {
      await rm(retired, { recursive: true, force: true });
      await rename(out, retired);
    }
    await rename(staging, out);
    if (had) await rm(retired, { recursive: true, force: true });
    return result;
  } catch (error) {
    await Promise.all(pending);
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}
