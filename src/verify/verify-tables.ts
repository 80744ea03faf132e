// The table checks of `parlex verify`, which run in worker threads on a large release: this
// module and what it imports are all a worker loads.

import { checkForeignKeys } from "./check-foreign-keys.js";
import { checkTable, indexName, type ForeignValues, type KeyIndex, type TableCheck } from "./check-table.js";
import type { Field, Resource } from "./descriptor-schema.js";
import type { FileSource } from "./file-source.js";
import { decode } from "./json-rows.js";
import { ReadAgain, readCsvTable, readJsonTable } from "./read-raw-table.js";
import { DESCRIPTOR_FILE } from "./package-files.js";
import { tableOfResource, type FormatDigest } from "./row-digest.js";
import { VALUE_READERS } from "./value-readers.js";
import { ProblemSink, type SinkContents } from "./verify-problem.js";

/** A part of verification that needs nothing from the others: a group of linked tables. */
export interface VerifyTask {
  resources: Resource[];
  /**
   * Files read only for the digest of their values (VALUE_READERS), with their table's fields. A
   * `twin` (a JSON table with a CSV twin) that cannot be read so is left without a digest, not
   * reported: it is then checked in full, which says what is wrong.
   */
  others?: { resource: Resource; fields: Field[]; twin?: boolean }[];
}

/** What a task found. */
export interface TaskOutcome {
  sink: SinkContents;
  tables: number;
  rows: number;
  /** The digest of each table file's values that could be read. */
  digests: FormatDigest[];
}

/** Run one task against a package's files (in whatever thread). */
export async function runVerifyTask(task: VerifyTask, source: FileSource): Promise<TaskOutcome> {
  const sink = new ProblemSink();
  const digests: FormatDigest[] = [];
  const checked = await checkTables(task.resources, source, sink, digests);
  for (const { resource, fields, twin } of task.others ?? []) {
    const bytes = await source.read(resource.path, resource.bytes);
    const format = (resource.format ?? "").toLowerCase();
    const read = Object.hasOwn(VALUE_READERS, format) ? VALUE_READERS[format] : undefined;
    if (bytes === undefined) reportRefused(source, resource.path, sink); // an absent file is reported with the files
    if (bytes === undefined || read === undefined) continue;
    const values = await (await read())(bytes, fields);
    if ("problem" in values) {
      if (!twin) sink.add({ code: "data/format", file: resource.path, message: values.problem });
    }
    else digests.push({ table: tableOfResource(resource), format, file: resource.path, ...values });
  }
  return { sink: sink.export(), ...checked, digests };
}

async function checkTables(resources: readonly Resource[], source: FileSource, sink: ProblemSink, digests: FormatDigest[]): Promise<{ tables: number; rows: number }> {
  const tabular = dependenciesFirst([...resources]);
  const wanted = new Map<string, Map<string, string[]>>();
  for (const r of tabular) {
    for (const fk of r.schema!.foreignKeys) {
      const target = fk.reference.resource ?? r.name;
      if (!wanted.has(target)) wanted.set(target, new Map());
      wanted.get(target)!.set(indexName(target, fk.reference.fields), fk.reference.fields);
    }
  }
  const indexes: KeyIndex[] = [];
  const known = new Map<string, Set<string>>();
  const deferred: ForeignValues[] = [];
  const unread = new Set<string>();
  let rows = 0;
  // Each table's file is read while the one before it is checked.
  const reads = tabular.map((r, i) => (i === 0 ? source.read(r.path, r.bytes) : undefined));
  for (const [i, r] of tabular.entries()) {
    const reading = reads[i] ?? source.read(r.path, r.bytes);
    if (i + 1 < tabular.length) reads[i + 1] = source.read(tabular[i + 1]!.path, tabular[i + 1]!.bytes);
    reads[i] = undefined;
    const unusable = r.schema!.fields.find((f) => f.constraints?.pattern !== undefined && !isRegExp(f.constraints.pattern));
    if (unusable) {
      const message = `resource ${r.name}, field ${unusable.name}: the pattern ${JSON.stringify(unusable.constraints!.pattern)} is not a regular expression, so the table was not checked`;
      sink.add({ code: "descriptor/invalid", file: DESCRIPTOR_FILE, message });
      unread.add(r.name);
      continue;
    }
    const bytes = await reading;
    if (bytes === undefined) reportRefused(source, r.path, sink);
    const result = bytes === undefined ? undefined : checkTableFile(r, bytes, wanted, known, sink);
    if (result === undefined) {
      unread.add(r.name);
      continue;
    }
    digests.push({ table: tableOfResource(r), format: r.format ?? "csv", file: r.path, rows: result.rows, digest: result.digest });
    for (const ix of result.indexes) known.set(indexName(ix.resource, ix.fields), ix.keys);
    indexes.push(...result.indexes);
    deferred.push(...result.deferred);
    rows += result.rows;
  }
  // A table that could not be read is already reported; keys pointing into it are not checked.
  checkForeignKeys(deferred.filter((f) => !unread.has(f.target.resource)), indexes, sink);
  return { tables: tabular.length - unread.size, rows };
}

/**
 * Read and check one table file. Its problems are gathered apart and kept only once the table has
 * been read through: where the fast reader hands the file to the thorough one part way, the
 * table is checked again from its start. Undefined (with the problem reported) when the file is
 * not a table at all.
 */
function checkTableFile(r: Resource, bytes: Uint8Array, wanted: ReadonlyMap<string, Map<string, string[]>>, known: ReadonlyMap<string, Set<string>>, sink: ProblemSink): TableCheck | undefined {
  const fields = r.schema!.fields.map((f) => f.name);
  let raw = r.format === "csv" ? readCsvTable(r.path, r, decode(bytes)) : readJsonTable(r.path, fields, bytes);
  for (;;) {
    if ("code" in raw) {
      sink.add(raw);
      return undefined;
    }
    const table = new ProblemSink();
    try {
      const result = checkTable(r.path, r, r.schema!, raw, [...(wanted.get(r.name)?.values() ?? [])], known, table);
      sink.merge(table.export());
      return result;
    } catch (error) {
      if (!(error instanceof ReadAgain)) throw error;
      raw = error.thorough();
    }
  }
}

/**
 * Resources ordered so that each comes after the ones its foreign keys point at (where no cycle
 * prevents it): their keys are then known while it is read, and its values need not be kept.
 */
function dependenciesFirst(resources: Resource[]): Resource[] {
  const byName = new Map(resources.map((r) => [r.name, r]));
  const done = new Set<string>();
  const visiting = new Set<string>();
  const ordered: Resource[] = [];
  const visit = (r: Resource) => {
    if (done.has(r.name) || visiting.has(r.name)) return;
    visiting.add(r.name);
    for (const fk of r.schema!.foreignKeys) {
      const target = byName.get(fk.reference.resource ?? r.name);
      if (target && target !== r) visit(target);
    }
    visiting.delete(r.name);
    done.add(r.name);
    ordered.push(r);
  };
  resources.forEach(visit);
  return ordered;
}

/** Whether a Table Schema pattern compiles as the cell checks compile it. */
function isRegExp(pattern: string): boolean {
  try {
    new RegExp(`^(?:${pattern})$`, "u");
    return true;
  } catch {
    return false;
  }
}

/**
 * A file that is there but was refused (not a regular file, too large) is reported here: the
 * file checks report one that is absent or not of its declared size.
 */
export function reportRefused(source: FileSource, file: string, sink: ProblemSink): void {
  const why = source.refused(file);
  if (why !== undefined) sink.add({ code: "file/unreadable", file, message: `not read: ${why}` });
}
