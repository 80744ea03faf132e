import { compileCellCheck, INVALID } from "./check-cell.js";
import type { Resource, TableSchema } from "./descriptor-schema.js";
import type { JsonCell } from "./json-rows.js";
import type { RawTable } from "./read-raw-table.js";
import { RowDigest } from "./row-digest.js";
import { ProblemSink } from "./verify-problem.js";

/** The key values some foreign key points at: every non-null tuple of `fields` in `resource`. */
export interface KeyIndex {
  resource: string;
  fields: string[];
  keys: Set<string>;
}

/** A foreign key's values that could not be resolved while reading (self-references, cycles). */
export interface ForeignValues {
  resource: string;
  file: string;
  fields: string[];
  target: { resource: string; fields: string[] };
  keys: string[];
  rows: number[];
}

/** What checking a table leaves for the foreign-key pass. */
export interface TableCheck {
  rows: number;
  /** The digest of the rows' values (row-digest.ts), to compare the formats of one table. */
  digest: string;
  indexes: KeyIndex[];
  deferred: ForeignValues[];
}

/**
 * Check a table's rows against its Table Schema in one pass (two, when its primary keys turn out
 * not to be in order): header, types, constraints, unique fields and primary key. Builds the key
 * sets other tables point at (`wanted`); resolves this table's foreign keys at once where the
 * target's keys are already `known`, and defers the rest; takes the digest of its values as it goes.
 * Sets and Maps only, so linear in the rows.
 */
export function checkTable(file: string, resource: Resource, schema: TableSchema, raw: RawTable, wanted: readonly string[][], known: ReadonlyMap<string, Set<string>>, sink: ProblemSink): TableCheck {
  // First as a table sorted by its key, as published; its problems are kept only if it is one.
  const sorted = new ProblemSink();
  try {
    const result = checkRows(file, resource, schema, raw, wanted, known, sorted, true);
    sink.merge(sorted.export());
    return result;
  } catch (error) {
    if (error !== KEYS_OUT_OF_ORDER) throw error;
    return checkRows(file, resource, schema, raw, wanted, known, sink, false);
  }
}

/** Thrown when a table's primary keys stop increasing: it is checked again, every key kept. */
const KEYS_OUT_OF_ORDER = Symbol("primary keys out of order");

/**
 * One pass over a table's rows. With `keysInOrder`, primary keys are only compared with the last
 * (strictly increasing keys cannot repeat), and the first that does not increase throws
 * KEYS_OUT_OF_ORDER; otherwise each key is kept with its first row, to find repeats.
 */
function checkRows(file: string, resource: Resource, schema: TableSchema, raw: RawTable, wanted: readonly string[][], known: ReadonlyMap<string, Set<string>>, sink: ProblemSink, keysInOrder: boolean): TableCheck {
  const names = schema.fields.map((f) => f.name);
  if (raw.header.join("\u0000") !== names.join("\u0000")) {
    sink.add({ code: "data/header", file, message: `columns are ${raw.header.join(", ")}; the schema says ${names.join(", ")}` });
  }
  const width = names.length;
  const column = names.map((n) => raw.header.indexOf(n));
  const pk = new Set(schema.primaryKey);
  const checks = schema.fields.map((f) => compileCellCheck(f, schema.missingValues, pk.has(f.name), raw.fromText));
  const unique = schema.fields.map((f) => (f.constraints?.unique ? new Set<string>() : null));
  const at = (fields: readonly string[]) => fields.map((f) => names.indexOf(f));
  const pkAt = schema.primaryKey.length && schema.primaryKey.every((f) => names.includes(f)) ? at(schema.primaryKey) : null;
  const indexes: KeyIndex[] = wanted.map((fields) => ({ resource: resource.name, fields: [...fields], keys: new Set<string>() }));
  const indexAt = indexes.map((ix) => at(ix.fields));
  const foreign = schema.foreignKeys.map((fk) => {
    const target = { resource: fk.reference.resource ?? resource.name, fields: fk.reference.fields };
    const deferred = { resource: resource.name, file, fields: fk.fields, target, keys: [] as string[], rows: [] as number[] };
    return { fk, target, at: at(fk.fields), keys: known.get(indexName(target.resource, target.fields)), deferred, lastFound: null as string | null };
  });
  const values: JsonCell[] = new Array(width).fill(null);
  const lastIndexed: (string | null)[] = indexes.map(() => null);
  const primaryKeys = new Map<string, number>();
  const lastKey: string[] = [];
  /**
   * Whether this row's key (when it has one) comes after the last: its parts compared in turn, as
   * keyOf's text would be, with no text made. A part holding NUL (which keyOf joins parts with)
   * counts as out of order, so that such keys are compared as keyOf's text, as every key is then.
   */
  const stillIncreasing = (): boolean => {
    const at = pkAt!;
    for (let k = 0; k < at.length; k++) if (values[at[k]!] === null || values[at[k]!] === undefined) return true;
    let order = lastKey.length === 0 ? 1 : 0;
    for (let k = 0; k < at.length && order === 0; k++) {
      const part = keyPart(values[at[k]!]!);
      order = part < lastKey[k]! ? -1 : part > lastKey[k]! ? 1 : 0;
    }
    if (order <= 0) return false;
    for (let k = 0; k < at.length; k++) {
      lastKey[k] = keyPart(values[at[k]!]!);
      if (at.length > 1 && lastKey[k]!.includes("\u0000")) return false;
    }
    return true;
  };
  let rows = 0;
  const digest = new RowDigest();

  /** The row's logical values into `values`, problems reported; false when the row is not read at all. */
  const readRow = (cells: readonly unknown[], row: number): boolean => {
    if (raw.fromText && cells.length !== raw.header.length) {
      sink.add({ code: "data/row-length", file, row, message: `${cells.length} cells where the header has ${raw.header.length}` });
      return false;
    }
    for (let f = 0; f < width; f++) {
      values[f] = null;
      if (column[f]! < 0) continue;
      const check = checks[f]!;
      const cell = cells[column[f]!];
      const value = check(cell);
      if (value !== INVALID) values[f] = value;
      else {
        const result = check.explain(cell);
        if (!result.ok) sink.add({ code: result.code, file, row, message: result.message });
      }
    }
    return true;
  };

  raw.eachBatch(
    (batch, before) => {
      rows += batch.length;
      for (let i = 0; i < batch.length; i++) {
        const row = raw.firstRow + before + i;
        if (!readRow(batch[i]!, row)) {
          digest.add([], 0);
          continue;
        }
        digest.add(values, width);
        for (let f = 0; f < width; f++) {
          const seen = unique[f];
          if (!seen || values[f] === null) continue;
          const k = keyOf(values, [f])!;
          if (seen.has(k)) sink.add({ code: "data/unique", file, row, message: `${names[f]}: ${showKey(k)} appears more than once` });
          seen.add(k);
        }
        if (pkAt && keysInOrder) {
          if (!stillIncreasing()) throw KEYS_OUT_OF_ORDER;
        } else if (pkAt) {
          const key = keyOf(values, pkAt);
          const first = key === null ? undefined : primaryKeys.get(key);
          if (first !== undefined) sink.add({ code: "data/primary-key", file, row, message: `primary key (${schema.primaryKey.join(", ")}) = ${showKey(key!)} repeats row ${first}` });
          else if (key !== null) primaryKeys.set(key, row);
        }
        for (let n = 0; n < indexes.length; n++) {
          const key = keyOf(values, indexAt[n]!);
          // Rows sorted by key repeat a value in runs: adding it again changes nothing.
          if (key !== null && key !== lastIndexed[n]) {
            indexes[n]!.keys.add(key);
            lastIndexed[n] = key;
          }
        }
        for (const fk of foreign) {
          const key = keyOf(values, fk.at);
          if (key === null) continue;
          if (!fk.keys) {
            fk.deferred.keys.push(key);
            fk.deferred.rows.push(row);
          } else if (key !== fk.lastFound) {
            if (fk.keys.has(key)) fk.lastFound = key;
            else sink.add(foreignKeyProblem(fk.deferred, key, row));
          }
        }
      }
    },
    (p) => sink.add(p),
  );

  return { rows, digest: digest.finish(), indexes, deferred: foreign.filter((f) => !f.keys).map((f) => f.deferred) };
}

/** The problem of one unresolved foreign-key value. */
export function foreignKeyProblem(fk: Omit<ForeignValues, "keys" | "rows">, key: string, row: number) {
  return { code: "data/foreign-key", file: fk.file, row, message: `(${fk.fields.join(", ")}) = ${showKey(key)} is not a row of ${fk.target.resource}(${fk.target.fields.join(", ")})` };
}

/** How a key index is named: the resource and the fields it holds. */
export function indexName(resource: string, fields: readonly string[]): string {
  return `${resource}\u0000${fields.join("\u0000")}`;
}

/**
 * A tuple's key text, or null when a field is unknown or a value missing (such tuples are not
 * checked, as in SQL). Strings stand as they are and other values are marked, so `1` and `"1"`
 * differ; parts are joined by NUL. Cheaper than JSON on a million rows.
 */
export function keyOf(values: readonly JsonCell[], positions: readonly number[]): string | null {
  if (positions.length === 1) {
    const v = positions[0]! < 0 ? null : values[positions[0]!];
    return v === null || v === undefined ? null : keyPart(v);
  }
  let key = "";
  for (let i = 0; i < positions.length; i++) {
    const p = positions[i]!;
    const v = p < 0 ? null : values[p];
    if (v === null || v === undefined) return null;
    if (i > 0) key += "\u0000";
    key += keyPart(v);
  }
  return key;
}

/** One value's part of a key's text. */
function keyPart(v: string | number | boolean): string {
  return typeof v === "string" ? v : `\u0001${String(v)}`;
}

/** A key as a reader sees it: its values as a JSON array. */
export function showKey(key: string): string {
  return JSON.stringify(key.split("\u0000").map((part) => (part.startsWith("\u0001") ? JSON.parse(part.slice(1)) : part)));
}
