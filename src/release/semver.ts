/** How much a release changes the dataset, from least to most (Data Package semver). */
export type Level = "patch" | "minor" | "major";

/** Levels in increasing order of severity. */
export const LEVELS: readonly Level[] = ["patch", "minor", "major"];

const RELEASE_VERSION = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

/** True for a plain `MAJOR.MINOR.PATCH` version, the only kind a release folder is named by. */
export function isReleaseVersion(text: string): boolean {
  return RELEASE_VERSION.test(text);
}

/** Compare two release versions numerically (for sorting: negative when a < b). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < 3; i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** The version after `version` for a change of the given level: 1.4.2 + minor → 1.5.0. */
export function bumpVersion(version: string, level: Level): string {
  const [major = 0, minor = 0, patch = 0] = version.split(".").map(Number);
  if (level === "major") return `${major + 1}.0.0`;
  if (level === "minor") return `${major}.${minor + 1}.0`;
  return `${major}.${minor}.${patch + 1}`;
}

/** How severe a level is, for comparisons (patch 0 < minor 1 < major 2). */
export function levelRank(level: Level): number {
  return LEVELS.indexOf(level);
}
