import { formatDate } from "../model/dates.js";
import type { SourceIndex } from "../model/source-index.js";
import type { Tables } from "../tables/field-types.js";
import { TABLES } from "../tables/table-definitions.js";
import { describePackage, resourcePath, type CitedSource, type WrittenFile } from "../describe/describe-package.js";
import { sha256Hex } from "./file-digest.js";
import { WRITERS } from "./writers.js";
import { writeTablesHere, writeTablesInThreads, type TableFiles } from "./parallel/write-tables.js";

/** Every file of a built package, by path inside the package folder, in a stable order. */
export type PackageFiles = Map<string, Uint8Array>;

/**
 * The complete package for a set of tables: each table in every format, then datapackage.json
 * describing them (bytes and hashes included), plus any extra files (the loader helpers). Pure.
 */
export function assemblePackage(tables: Tables, about: PackageSources, version: string, extras: ReadonlyMap<string, Uint8Array> = new Map()): PackageFiles {
  return packageOf(writeTablesHere(tables), about, version, extras);
}

/** What the descriptor takes besides the tables: the documents cited, and the date the package was made, when it is given one. */
export interface PackageSources {
  /** RFC 3339, from the build's or release's `--date` (never the clock, never the sources); absent when none was given. */
  created?: string;
  sources: CitedSource[];
}

/** The descriptor's cited documents, from the checked sources. */
export function packageSources(index: SourceIndex): PackageSources {
  return { sources: citedSources(index) };
}

/** The same, dated: `created` is the day given (YYYY-MM-DD), or left out without one. */
export function datedSources(about: PackageSources, date: string | undefined): PackageSources {
  const { created: _created, ...rest } = about;
  return date === undefined ? rest : { ...rest, created: `${date}T00:00:00Z` };
}

/** Below this many rows in all, writer threads cost more than they save. */
export const THREADED_ROWS = 100_000;

/** As assemblePackage, the table files written with writer threads when there are many rows (same bytes). */
export async function assemblePackageInThreads(tables: Tables, about: PackageSources, version: string, extras: ReadonlyMap<string, Uint8Array> = new Map(), minRows = THREADED_ROWS): Promise<PackageFiles> {
  const rows = Object.values(tables).reduce((sum, t) => sum + t.length, 0);
  return packageOf(rows >= minRows ? await writeTablesInThreads(tables) : writeTablesHere(tables), about, version, extras);
}

/** The package of tables already written in every format (see assemblePackage). */
export function packageOf(tableFiles: TableFiles, about: PackageSources, version: string, extras: ReadonlyMap<string, Uint8Array>): PackageFiles {
  const files: PackageFiles = new Map();
  const written = new Map<string, WrittenFile>();
  for (const writer of WRITERS) {
    for (const table of TABLES) {
      const path = resourcePath(table.name, writer);
      const bytes = tableFiles.get(writer.format)!.get(table.name)!;
      files.set(path, bytes);
      written.set(path, { path, bytes: bytes.length, sha256: sha256Hex(bytes) });
    }
  }
  for (const [path, bytes] of extras) files.set(path, bytes);
  files.set(DESCRIPTOR, descriptorBytes(written, about, version));
  return files;
}

/** The descriptor's path in the package. */
export const DESCRIPTOR = "datapackage.json";

/** datapackage.json for table files of these sizes and hashes. */
export function descriptorBytes(written: ReadonlyMap<string, WrittenFile>, about: PackageSources, version: string): Uint8Array {
  const descriptor = describePackage(TABLES, WRITERS, written, { version, ...about });
  return new TextEncoder().encode(JSON.stringify(descriptor, null, 2) + "\n");
}


function citedSources(index: SourceIndex): CitedSource[] {
  return [...index.document.values()]
    .map(({ record: d }) => ({ id: d.id, title: d.title, publisher: d.publisher ?? null, published: d.published === undefined ? null : formatDate(d.published), url: d.url ?? null }))
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .map(({ id: _id, ...source }) => source);
}
