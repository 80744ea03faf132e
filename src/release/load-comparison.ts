import { buildReusing } from "../pipeline/reuse-last-build.js";
import type { ValidationReport } from "../validate/build-report.js";
import { sourceFromFolder, sourceFromMap } from "../verify/file-source.js";
import { readPackage, type PackageSnapshot } from "../verify/read-package.js";

/** The two sides of a diff: the current sources' build (in memory) and the release it is compared with. */
export interface Comparison {
  build: Map<string, Uint8Array>;
  /** The folder of the last build whose files the build is, when it was taken from there. */
  reused: string | null;
  after: PackageSnapshot;
  /** Null when there is no release to compare with. */
  before: PackageSnapshot | null;
}

/** A comparison, or why it could not be made. */
export type ComparisonResult =
  | ({ ok: true } & Comparison)
  | { ok: false; reason: "sources-invalid"; report: ValidationReport }
  | { ok: false; reason: "previous-unreadable"; label: string; problems: string[] };

/** Build the sources in memory (or take the last build's files, when made from these sources) and read the package to compare with (a folder), both as snapshots. */
export async function loadComparison(options: { root: string; cwd: string; archiveDir?: string; date?: string; cacheDir?: string; threads?: number; against: { dir: string; label: string } | null }): Promise<ComparisonResult> {
  let before: PackageSnapshot | null = null;
  if (options.against) {
    const read = await readPackage(sourceFromFolder(options.against.label, options.against.dir));
    if (!read.ok) return { ok: false, reason: "previous-unreadable", label: options.against.label, problems: read.problems };
    before = read.snapshot;
  }
  // The version is set when a release is planned; a diff ignores it.
  const { cwd, date, archiveDir, cacheDir, threads } = options;
  const built = await buildReusing(options.root, { cwd, version: "0.0.0-dev", ...(date !== undefined ? { date } : {}), ...(archiveDir !== undefined ? { archiveDir } : {}), ...(cacheDir !== undefined ? { cacheDir } : {}), ...(threads !== undefined ? { threads } : {}) });
  if (!built.ok) return { ok: false, reason: "sources-invalid", report: built.report };
  const read = await readPackage(sourceFromMap("the current sources", built.files));
  if (!read.ok) throw new Error(`the build produced an unreadable package: ${read.problems.join("; ")}`);
  return { ok: true, build: built.files, reused: built.reused, after: read.snapshot, before };
}
