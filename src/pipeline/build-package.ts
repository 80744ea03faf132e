import { readdir, readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import path from "node:path";
import { buildTables } from "../normalize/build-tables.js";
import type { Tables } from "../tables/field-types.js";
import type { ValidationReport } from "../validate/build-report.js";
import { checkSourceTreeWithRecords, type CheckOptions } from "../validate/check-source-tree.js";
import { speedFileChecks, type SpeedOptions } from "../speed/file-checks.js";
import { assemblePackage, assemblePackageInThreads, datedSources, packageOf, packageSources, type PackageFiles, type PackageSources } from "../write/assemble-package.js";
import type { TableFiles } from "../write/parallel/write-tables.js";
import { renderLoadSql } from "../write/loaders/render-load-sql.js";
import { renderDataDictionary } from "../describe/render-data-dictionary.js";
import { DATA_DICTIONARY_FILE } from "../verify/package-files.js";
import { WRITERS } from "../write/writers.js";
import { TABLES } from "../tables/table-definitions.js";

/** What a build produced: the validation report, and when valid, the tables and every file. */
export type BuildResult = { report: ValidationReport } & ({ ok: true; tables: Tables; files: PackageFiles } | { ok: false });

/** Options of a build. */
export interface BuildOptions extends Pick<CheckOptions, "archiveDir" | "cwd" | "onProgress">, SpeedOptions {
  version: string;
  /** The day the package is made (YYYY-MM-DD): the descriptor's `created`; without it there is none. */
  date?: string;
  /** From this many rows on, tables are written with writer threads (unless threads is 0). */
  threadedRows?: number;
}

const LOADERS_DIR = fileURLToPath(new URL("../write/loaders/", import.meta.url));

/** Validate a source tree and, when valid, produce the package's files in memory (nothing is written). */
export async function buildPackage(root: string, options: BuildOptions): Promise<BuildResult> {
  const { archiveDir, cwd, onProgress } = options;
  const normalized = await checkAndNormalize(root, { ...(archiveDir !== undefined ? { archiveDir } : {}), ...(cwd !== undefined ? { cwd } : {}), ...(onProgress ? { onProgress } : {}), checks: speedFileChecks(options) });
  if (!normalized.ok) return { ok: false, report: normalized.report };
  const { report, tables, about } = normalized;
  return { ok: true, report, tables, files: await packageFiles(tables, about, options) };
}

/** Every file of the package for these tables (with the loader helpers), in writer threads unless `threads` is 0. */
export async function packageFiles(tables: Tables, sourced: PackageSources, options: Pick<BuildOptions, "version" | "threads" | "threadedRows" | "date">): Promise<PackageFiles> {
  const loaders = await readLoaders();
  const about = datedSources(sourced, options.date);
  return options.threads === 0 ? assemblePackage(tables, about, options.version, loaders) : await assemblePackageInThreads(tables, about, options.version, loaders, options.threadedRows);
}

/**
 * Check the tree and normalize it. A function of its own so that the checked records (the index,
 * the largest thing in memory) are garbage once the rows are made, before the files are written.
 */
async function checkAndNormalize(root: string, check: CheckOptions): Promise<{ ok: false; report: ValidationReport } | { ok: true; report: ValidationReport; tables: Tables; about: PackageSources }> {
  const { report, index } = await checkSourceTreeWithRecords(root, check);
  if (!report.valid) return { ok: false, report };
  return { ok: true, report, tables: buildTables(index), about: packageSources(index) };
}

/** Every file of the package for tables already written (with the loader helpers). */
export async function packageFilesOf(tableFiles: Promise<TableFiles>, about: PackageSources, version: string): Promise<PackageFiles> {
  const [loaders, files] = await Promise.all([readLoaders(), tableFiles]);
  return packageOf(files, about, version, loaders);
}

/** The files shipped beside the data in every package: load.py and load.R as they are; load.sql and DATA-DICTIONARY.md made from the table definitions. */
async function readLoaders(): Promise<Map<string, Uint8Array>> {
  const names = (await readdir(LOADERS_DIR).catch(() => [] as string[])).filter((n) => /^load\.(py|R)$/.test(n)).sort();
  const loaders = new Map(await Promise.all(names.map(async (n) => [n, new Uint8Array(await readFile(path.join(LOADERS_DIR, n)))] as const)));
  const over = WRITERS.some((w) => w.format === "parquet") ? "parquet" : "csv";
  loaders.set("load.sql", new TextEncoder().encode(renderLoadSql(TABLES, over)));
  loaders.set(DATA_DICTIONARY_FILE, new TextEncoder().encode(renderDataDictionary("Every table and column of this package, made by parlex from its table definitions; `datapackage.json` says the same as Table Schemas.")));
  return new Map([...loaders].sort(([a], [b]) => (a < b ? -1 : 1)));
}
