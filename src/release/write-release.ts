import { chmod, mkdir, mkdtemp, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { faultPoint } from "../write/fault-point.js";
import { writeArchive } from "./write-archive.js";
import { archiveStem } from "../verify/package-files.js";
import type { ReleasePlan } from "./plan-release.js";

/** A release that could not be written because its version folder already exists. */
export class ReleaseExistsError extends Error {
  constructor(readonly folder: string) {
    super(`${folder} already exists: a published release is never overwritten or modified`);
    this.name = "ReleaseExistsError";
  }
}

/**
 * Write a planned release as `<distDir>/<version>/`, then point the root descriptor at it.
 * Everything (archive included) is written into a staging folder beside the target, which is
 * renamed into place only if no folder of that name exists: a published version is never
 * replaced, and readers see either no release or a complete one.
 */
export async function writeRelease(distDir: string, plan: ReleasePlan, packageName: string, rootDescriptorFile: string): Promise<string> {
  const target = path.join(distDir, plan.version);
  if (await exists(target)) throw new ReleaseExistsError(target);
  await mkdir(distDir, { recursive: true });
  // Named by this process: a later run removes it only once this process is gone.
  const staging = await mkdtemp(path.join(distDir, `.parlex-staging-release-${process.pid}-${plan.version}-`));
  try {
    await chmod(staging, 0o755);
    let written = 0;
    for (const [relative, bytes] of plan.files) {
      const file = path.join(staging, ...relative.split("/"));
      await mkdir(path.dirname(file), { recursive: true, mode: 0o755 });
      await writeFile(file, bytes, { mode: 0o644 });
      await chmod(file, 0o644);
      if (++written === Math.ceil(plan.files.size / 2)) faultPoint("release:staging-partly-written");
    }
    const mtime = new Date(`${plan.date}T00:00:00Z`);
    await writeArchive(staging, [...plan.files.keys()], path.join(staging, plan.archive), archiveStem(packageName, plan.version), mtime);
    await chmod(path.join(staging, plan.archive), 0o644);
    faultPoint("release:staged");
    // rename(2) would replace an empty folder of the same name: look again right before.
    if (await exists(target)) throw new ReleaseExistsError(target);
    await rename(staging, target).catch((error: NodeJS.ErrnoException) => {
      throw error.code === "ENOTEMPTY" || error.code === "EEXIST" ? new ReleaseExistsError(target) : error;
    });
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  faultPoint("release:published");
  await replaceFile(rootDescriptorFile, plan.root);
  return target;
}

/** Replace one file atomically (write a sibling, then rename over it). */
export async function replaceFile(file: string, bytes: Uint8Array): Promise<void> {
  const temporary = `${file}.tmp-${process.pid}`;
  try {
    await writeFile(temporary, bytes);
    faultPoint("release:root-descriptor-staged");
    await rename(temporary, file);
  } catch (error) {
    // A full disk leaves no half-written temporary behind.
    await rm(temporary, { force: true });
    throw error;
  }
}

async function exists(p: string): Promise<boolean> {
  return stat(p).then(
    () => true,
    () => false,
  );
}
