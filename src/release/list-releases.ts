import { readdir } from "node:fs/promises";
import { compareVersions, isReleaseVersion } from "./semver.js";

/** The versions released in a dist-data folder (sub-folders named MAJOR.MINOR.PATCH), oldest first. */
export async function listReleases(distDir: string): Promise<string[]> {
  const entries = await readdir(distDir, { withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isDirectory() && isReleaseVersion(e.name))
    .map((e) => e.name)
    .sort(compareVersions);
}
