import { readdir, rm } from "node:fs/promises";
import { METADATA_LIMIT, readRegularOrNull } from "../verify/file-source.js";
import path from "node:path";
import { DESCRIPTOR_FILE } from "../verify/package-files.js";
import { rootDescriptor } from "./set-version.js";
import { replaceFile } from "./write-release.js";
import { isRunning } from "../write/folder-lock.js";
import { compareVersions, isReleaseVersion } from "./semver.js";

/**
 * Repair what a killed `parlex release` can leave behind, and say what was repaired: staging
 * folders (never a release) and a half-written root descriptor (repointRootDescriptor, below, does
 * the rest once the latest release verifies). Published version folders are never touched.
 */
export async function recoverInterruptedRelease(distDir: string, rootFile: string, latest: string | undefined): Promise<string[]> {
  const repaired: string[] = [];
  for (const entry of await readdir(distDir).catch(() => [] as string[])) {
    // Only a staging folder whose process is gone: a live release's is its own.
    const owner = /^\.parlex-staging-release-(\d+)-.+-[A-Za-z0-9]{6}$/.exec(entry);
    if (!owner || isRunning(Number(owner[1]))) continue;
    await rm(path.join(distDir, entry), { recursive: true, force: true });
    repaired.push(`removed ${path.basename(distDir)}/${entry}, left by an interrupted release`);
  }
  const rootDir = path.dirname(rootFile);
  const temporary = `${path.basename(rootFile)}.tmp-`;
  for (const entry of await readdir(rootDir).catch(() => [] as string[])) {
    if (entry.startsWith(temporary) && !isRunning(Number(entry.slice(temporary.length)))) await rm(path.join(rootDir, entry), { force: true });
  }
  return repaired;
}

/**
 * Point the root descriptor at the latest release when it describes another (a kill between
 * publishing the folder and pointing the root at it), and say so; run only once that release has
 * verified, so that a refused release changes nothing.
 */
export async function repointRootDescriptor(distDir: string, rootFile: string, latest: string | undefined): Promise<string[]> {
  const repaired: string[] = [];
  if (latest === undefined) return repaired;
  const inner = await readRegularOrNull(path.join(distDir, latest, DESCRIPTOR_FILE), METADATA_LIMIT);
  if (!inner) return repaired;
  const expected = rootDescriptor(new Uint8Array(inner), `${path.basename(distDir)}/${latest}/`);
  const current = await readRegularOrNull(rootFile, METADATA_LIMIT);
  if (!current || !Buffer.from(expected).equals(current)) {
    await replaceFile(rootFile, expected);
    repaired.push(`${path.basename(rootFile)} did not describe the latest release; it now describes ${latest}`);
  }
  return repaired;
}

/**
 * The release the root descriptor describes, when it is newer than every release in dist-data/:
 * that release was published and its folder is gone since. Releasing then would publish its
 * version again with other data; undefined when the root describes a release at hand, or none.
 */
export async function missingRelease(rootFile: string, latest: string | undefined): Promise<string | undefined> {
  const current = await readRegularOrNull(rootFile, METADATA_LIMIT);
  if (!current) return undefined;
  let version: unknown;
  try {
    version = (JSON.parse(new TextDecoder().decode(current)) as { version?: unknown }).version;
  } catch {
    return undefined;
  }
  if (typeof version !== "string" || !isReleaseVersion(version)) return undefined;
  return latest === undefined || compareVersions(version, latest) > 0 ? version : undefined;
}
