import path from "node:path";
import { buildTables } from "../normalize/build-tables.js";
import { checkSourceTreeStaged } from "../validate/check-source-tree.js";
import { speedFileChecks } from "../speed/file-checks.js";
import { packageSources, type PackageFiles } from "../write/assemble-package.js";
import { buildPackage, packageFiles, type BuildOptions } from "./build-package.js";
import { changedSince, packKeys, readLastBuild, readStanding, type LastBuild } from "./last-build.js";
import type { ValidationReport } from "../validate/build-report.js";

/** A build in memory, and where its files came from: the last build's folder, or made afresh. */
export type ReusingBuild = { report: ValidationReport } & ({ ok: true; files: PackageFiles; reused: string | null } | { ok: false });

/**
 * Validate a source tree and produce the package's files in memory, as buildPackage does, but
 * take them from the last build's folder when that build was made from these very sources by
 * this toolkit: the same tree fingerprint, every file's cache key the same, and every file of
 * the folder standing as the build left it (size, inode, change and modification times). Those
 * bytes are the ones buildPackage would make (a build is reproducible), but for the descriptor's
 * `version` and `created`, which a release sets. With a cache only (`cacheDir`), and never with
 * `archiveDir` (whose checks a build record does not cover).
 */
export async function buildReusing(root: string, options: BuildOptions): Promise<ReusingBuild> {
  const cacheDir = options.cacheDir === undefined ? undefined : path.resolve(options.cwd ?? process.cwd(), options.cacheDir);
  const last = cacheDir !== undefined && options.archiveDir === undefined ? await readLastBuild(cacheDir) : undefined;
  if (last === undefined) {
    const built = await buildPackage(root, options);
    return built.ok ? { ok: true, report: built.report, files: built.files, reused: null } : built;
  }
  const staged = await checkSourceTreeStaged(root, { ...(options.cwd !== undefined ? { cwd: options.cwd } : {}), ...(options.onProgress ? { onProgress: options.onProgress } : {}), checks: speedFileChecks(options) });
  if (!staged.report.valid) return { ok: false, report: staged.report };
  const packed = packKeys(staged.files);
  const same = packed !== undefined && staged.fingerprint === last.fingerprint && changedSince(last, staged.files, packed)?.length === 0;
  const files = same ? await readBuild(last) : undefined;
  if (files) return { ok: true, report: staged.report, files, reused: last.folder };
  const index = await staged.index();
  return { ok: true, report: staged.report, files: await packageFiles(buildTables(index), packageSources(index), options), reused: null };
}

/** Every file of the last build, each held to its record's stand; undefined if any changed since. */
async function readBuild(last: LastBuild): Promise<PackageFiles | undefined> {
  const files: PackageFiles = new Map();
  for (const { path: file } of last.files) {
    const bytes = await readStanding(last, file);
    if (bytes === undefined) return undefined;
    files.set(file, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  }
  return files;
}
