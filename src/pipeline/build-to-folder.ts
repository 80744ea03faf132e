import path from "node:path";
import { buildTables } from "../normalize/build-tables.js";
import type { Tables } from "../tables/field-types.js";
import type { ValidationReport } from "../validate/build-report.js";
import { checkSourceTreeStaged, type StagedTreeCheck } from "../validate/check-source-tree.js";
import { speedFileChecks } from "../speed/file-checks.js";
import type { CheckedFile } from "../validate/file-checks.js";
import { DESCRIPTOR, THREADED_ROWS, datedSources, packageSources, type PackageSources } from "../write/assemble-package.js";
import type { TableWriting } from "../write/parallel/write-tables.js";
import { dropEarlyPackage, rowCounts, startEarlyPackage, type EarlyPackage } from "./early-package.js";
import { writeFolderAtomically, type FolderFile } from "../write/write-folder-atomically.js";
import { packageFiles, packageFilesOf, type BuildOptions } from "./build-package.js";
import { packKeys, readLastBuild, saveLastBuild, type LastBuild } from "./last-build.js";
import { patchPackage, readPatchable, writtenOf, type PatchedPackage } from "./patch-package.js";
import type { TableFileSet } from "./patch-table.js";

/** What a build into a folder did: the validation report, and when valid, what it wrote. */
export type FolderBuild = { report: ValidationReport } & (
  | { ok: false }
  | {
      ok: true;
      /** Rows by table. */
      rows: Record<string, number>;
      /** Bytes by file. */
      sizes: Map<string, number>;
      /** Whether the last build's files were patched rather than all written again. */
      patched: boolean;
      /** When patched, how many meeting files changed since the last build. */
      patchedMeetings: number;
    }
);

/** What the check leaves for writing: the report, and when valid, a patched package or the tables to write. */
type Checked = { report: ValidationReport } & (
  | { ok: false }
  | ({ ok: true; keys: string | undefined; fingerprint: string } & (
      | { patch: PatchedPackage }
      | { tables: Tables; about: PackageSources }
      | { writing: TableWriting; rows: Record<string, number>; about: PackageSources }
    ))
);

/**
 * `parlex build`: validate the tree and, when it is valid, write the package into a folder,
 * replacing it whole. With a cache, a build keeps what it wrote; the next one, when no file's tree
 * facts changed and the folder stands as it was left, patches the meetings rows of edited
 * meetings into the old files and links the others (see patch-package.ts) instead of normalizing
 * and writing every table. Either way the bytes are the same.
 */
export async function buildToFolder(root: string, folder: string, options: BuildOptions): Promise<FolderBuild> {
  const cacheDir = options.cacheDir === undefined ? undefined : path.resolve(options.cwd ?? process.cwd(), options.cacheDir);
  // With --archive the tree-wide checks read every record anyway.
  const last = cacheDir !== undefined && options.archiveDir === undefined ? await readLastBuild(cacheDir, folder) : undefined;
  const checked = await checkAndPrepare(root, options, last, last ? readPatchable(last) : undefined);
  if (!checked.ok) return { ok: false, report: checked.report };
  let files: Map<string, FolderFile>;
  let rows: Record<string, number>;
  let about: PackageSources;
  if ("patch" in checked) {
    files = checked.patch.files;
    rows = last!.rows;
    about = last!.about;
  } else if ("writing" in checked) {
    files = await packageFilesOf(checked.writing.files, datedSources(checked.about, options.date), options.version);
    rows = checked.rows;
    about = checked.about;
  } else {
    const { tables } = checked;
    files = await packageFiles(tables, checked.about, options);
    rows = rowCounts(tables);
    about = checked.about;
  }
  await writeFolderAtomically(folder, files);
  const written = "patch" in checked ? checked.patch.written : writtenOf(files.get(DESCRIPTOR) as Uint8Array, (file) => (files.get(file) as Uint8Array).length);
  if (cacheDir !== undefined && checked.keys !== undefined) {
    // Losing the record costs the next build its shortcut, nothing more.
    await saveLastBuild(cacheDir, { fingerprint: checked.fingerprint, keys: checked.keys, folder: path.resolve(folder), about, rows, written }, [...files.keys()]).catch(() => undefined);
  }
  const linked = new Map(last?.files.map((f) => [f.path, f.size]));
  const sizeOf = (file: string, bytes: FolderFile) => (bytes instanceof Uint8Array ? bytes.length : Array.isArray(bytes) ? bytes.reduce((sum, p) => sum + p.length, 0) : linked.get(file)!);
  const sizes = new Map([...files].map(([file, bytes]) => [file, sizeOf(file, bytes)]));
  return { ok: true, report: checked.report, rows, sizes, patched: "patch" in checked, patchedMeetings: "patch" in checked ? checked.patch.meetings : 0 };
}

/**
 * Check the tree, then patch the last build's package or normalize the records into tables. A
 * function of its own so that the checked records (the largest thing in memory) are garbage
 * once the rows are made, before the files are written.
 */
async function checkAndPrepare(root: string, options: BuildOptions, last: LastBuild | undefined, standing: Promise<Partial<TableFileSet>> | undefined): Promise<Checked> {
  const { version, threadedRows, date, archiveDir, cwd, onProgress, threads } = options;
  const check = { ...(archiveDir !== undefined ? { archiveDir } : {}), ...(cwd !== undefined ? { cwd } : {}), ...(onProgress ? { onProgress } : {}), checks: speedFileChecks(options) };
  // When the tree-wide checks must run and the last build cannot be patched (there is none, or
  // some file's tree facts changed since), the package is begun meanwhile (see early-package.ts).
  let early: EarlyPackage | undefined;
  const beforeTreeChecks = (files: readonly CheckedFile[], fingerprint: string) => {
    if (last === undefined || fingerprint !== last.fingerprint) early = startEarlyPackage(files, { ...(threads !== undefined ? { threads } : {}), threadedRows: threadedRows ?? THREADED_ROWS });
  };
  let staged: StagedTreeCheck;
  try {
    // Without a last build to patch, the records will be wanted: read them with the findings.
    staged = await checkSourceTreeStaged(root, { ...check, beforeTreeChecks }, last === undefined);
  } catch (error) {
    await dropEarlyPackage(early);
    throw error;
  }
  const { report, fingerprint } = staged;
  if (!report.valid) {
    await dropEarlyPackage(early);
    return { ok: false, report };
  }
  const packed = packKeys(staged.files);
  const keys = packed?.toString("base64");
  if (early) return { ok: true, report, keys, fingerprint, ...tablesOf(early) };
  const patch = last && packed && standing ? await patchPackage(last, staged, packed, { version, date }, standing) : undefined;
  if (patch) return { ok: true, report, keys, fingerprint, patch };
  const index = await staged.index();
  return { ok: true, report, keys, fingerprint, tables: buildTables(index), about: packageSources(index) };
}

/** What an early package of a valid tree leaves for writing; the error it met, if any. */
function tablesOf(early: EarlyPackage): { tables: Tables; about: PackageSources } | { writing: TableWriting; rows: Record<string, number>; about: PackageSources } {
  if ("failed" in early) throw early.failed;
  return early;
}
