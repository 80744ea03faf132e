import { copyFile, mkdir, mkdtemp, readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import type { SiteFile } from "./build-site.js";

/** The file that marks a folder as a site parlex wrote: only such a folder is ever replaced. */
export const SITE_MARK = ".parlex-site";
const STAGING = ".parlex-staging-";
const RETIRED = ".parlex-retired-";
const AT_ONCE = 8;

/** The output folder holds something parlex did not write: one plain line, exit 1, nothing touched. */
export class SiteOutError extends Error {}

/** Whether a folder may be written: it does not exist, is empty, or carries the mark. */
export async function checkOut(out: string): Promise<void> {
  const s = await stat(out).catch(() => null);
  if (!s) return;
  if (!s.isDirectory()) throw new SiteOutError(`${out}: is a file, not a folder; give --out a folder that does not exist, is empty, or is a site parlex wrote`);
  const entries = await readdir(out);
  if (entries.length && !entries.includes(SITE_MARK)) throw new SiteOutError(`${out}: holds files parlex did not write (no ${SITE_MARK}); give --out a new or empty folder`);
}

/** Write the site beside the target, then swap it in by rename: readers see the old site or the new one. */
export async function writeSite(out: string, files: ReadonlyMap<string, SiteFile>): Promise<void> {
  await checkOut(out);
  const parent = path.dirname(path.resolve(out));
  const base = path.basename(path.resolve(out));
  await mkdir(parent, { recursive: true });
  const staging = await mkdtemp(path.join(parent, `${STAGING}${base}-`));
  try {
    for (const folder of new Set([...files.keys()].map((p) => path.dirname(path.join(staging, p))))) await mkdir(folder, { recursive: true });
    const queue = [...files];
    const worker = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        const [relative, content] = next;
        const file = path.join(staging, relative);
        if (typeof content === "string") await writeFile(file, content);
        else await copyFile(content.copy, file);
      }
    };
    const failed = (await Promise.allSettled(Array.from({ length: AT_ONCE }, worker))).find((r) => r.status === "rejected");
    if (failed) throw failed.reason;
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
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}
