import { buildTables } from "../normalize/build-tables.js";
import type { Tables } from "../tables/field-types.js";
import { indexOfFiles } from "../validate/check-source-tree.js";
import type { CheckedFile } from "../validate/file-checks.js";
import { packageSources, type PackageSources } from "../write/assemble-package.js";
import { startWritingTables, type TableWriting } from "../write/parallel/write-tables.js";

/**
 * A package begun before the tree-wide checks, on the chance that they find nothing: the records
 * normalized, and (with many rows) the tables being written by writer threads while this thread
 * runs the checks. Nothing of it is used, or written anywhere, unless the tree is valid.
 */
export type EarlyPackage =
  | { about: PackageSources; rows: Record<string, number>; tables: Tables }
  | { about: PackageSources; rows: Record<string, number>; writing: TableWriting }
  /** Normalizing failed: the error stands only if the tree turns out valid. */
  | { failed: unknown };

/**
 * Begin the package from every checked file and its record, unless a file's own findings already
 * fail the build. From `threadedRows` rows on (and unless `threads` is 0), the tables are written
 * in writer threads at once and the rows let go; otherwise they are kept to be written later.
 */
export function startEarlyPackage(files: readonly CheckedFile[], options: { threads?: number; threadedRows: number }): EarlyPackage | undefined {
  if (files.some(hasError)) return undefined;
  try {
    const index = indexOfFiles(files);
    const tables = buildTables(index);
    const about = packageSources(index);
    const rows = rowCounts(tables);
    const total = Object.values(rows).reduce((sum, n) => sum + n, 0);
    if (options.threads === 0 || total < options.threadedRows) return { about, rows, tables };
    // Two writer threads: this thread runs the tree-wide checks meanwhile.
    return { about, rows, writing: startWritingTables(tables, { threads: 2, here: false }) };
  } catch (error) {
    return { failed: error };
  }
}

/** Drop an early package of a build that will not be written: its writer threads stop. */
export async function dropEarlyPackage(early: EarlyPackage | undefined): Promise<void> {
  if (early && "writing" in early) await early.writing.cancel();
}

/** Rows by table. */
export function rowCounts(tables: Tables): Record<string, number> {
  return Object.fromEntries(Object.entries(tables).map(([name, list]) => [name, list.length]));
}

function hasError(file: CheckedFile): boolean {
  const { diagnostics, shape, local } = file.summary;
  return shape?.length !== 0 || [diagnostics, local ?? []].some((list) => list.some((d) => d.severity === "error"));
}
