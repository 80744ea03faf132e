import { compileCellCheck } from "./check-cell.js";
import type { Resource, TableSchema } from "./descriptor-schema.js";
import type { JsonCell } from "./read-package.js";
import type { RawTable } from "./read-raw-table.js";
import type { ProblemSink } from "./verify-problem.js";

/** The key values some foreign key points at: every non-null tuple of `fields` in `resource`. */
export interface KeyIndex {
  resource: string;
  fields: string[];
  keys: Set<string>;
}

/** A foreign key's values as found, to resolve once every table has been read. */
export interface ForeignValues {
  resource: string;
  file: string;
  fields: string[];
  target: { resource: string; fields: string[] };
  values: { key: string; row: number }[];
}

/** What checking a table leaves for the foreign-key pass. */
export interface TableCheck {
  rows: number;
  indexes: KeyIndex[];
  foreign: ForeignValues[];
}

/**
 * Check a table's rows against its Table Schema in one pass: header, types, constraints, unique
 * fields and primary key; collect the key tuples other tables point at (`wanted`) and this table's
 * foreign-key values. Sets and Maps only, so linear in the rows.
 */
export function checkTable(file: string, resource: Resource, schema: TableSchema, raw: RawTable, wanted: readonly string[][], sink: ProblemSink): TableCheck {
  const names = schema.fields.map((f) => f.name);
  if (raw.header.join("\u0000") !== names.join("\u0000")) {
    sink.add({ code: "data/header", file, message: `columns are ${raw.header.join(", ")}; the schema says ${names.join(", ")}` });
  }
  const column = names.map((n) => raw.header.indexOf(n));
  const pk = new Set(schema.primaryKey);
  const checks = schema.fields.map((f) => compileCellCheck(f, schema.missingValues, pk.has(f.name), raw.fromText));
  const unique = schema.fields.map((f) => (f.constraints?.unique ? new Set<string>() : null));
  const at = (fields: readonly string[]) => fields.map((f) => names.indexOf(f));
  const pkAt = at(schema.primaryKey);
  const primaryKeys = new Map<string, number>();
  const indexes: KeyIndex[] = wanted.map((fields) => ({ resource: resource.name, fields: [...fields], keys: new Set<string>() }));
  const indexAt = indexes.map((ix) => at(ix.fields));
  const foreign: ForeignValues[] = schema.foreignKeys.map((fk) => ({ resource: resource.name, file, fields: fk.fields, target: { resource: fk.reference.resource ?? resource.name, fields: fk.reference.fields }, values: [] }));
  const foreignAt = foreign.map((f) => at(f.fields));

  raw.rows.forEach((cells, i) => {
    const row = raw.firstRow + i;
    if (raw.fromText && cells.length !== raw.header.length) {
      sink.add({ code: "data/row-length", file, row, message: `${cells.length} cells where the header has ${raw.header.length}` });
      return;
    }
    const values: JsonCell[] = checks.map((check, f) => {
      if (column[f]! < 0) return null;
      const result = check(cells[column[f]!]);
      if (!result.ok) {
        sink.add({ code: result.code, file, row, message: result.message });
        return null;
      }
      return result.value;
    });
    unique.forEach((seen, f) => {
      const v = values[f];
      if (!seen || v === null || v === undefined) return;
      const k = JSON.stringify(v);
      if (seen.has(k)) sink.add({ code: "data/unique", file, row, message: `${names[f]}: ${k} appears more than once` });
      seen.add(k);
    });
    if (pkAt.length && pkAt.every((p) => p >= 0)) {
      const key = keyOf(values, pkAt);
      const first = key === null ? undefined : primaryKeys.get(key);
      if (first !== undefined) sink.add({ code: "data/primary-key", file, row, message: `primary key (${schema.primaryKey.join(", ")}) = ${key} repeats row ${first}` });
      else if (key !== null) primaryKeys.set(key, row);
    }
    indexes.forEach((ix, n) => {
      const key = keyOf(values, indexAt[n]!);
      if (key !== null) ix.keys.add(key);
    });
    foreign.forEach((fk, n) => {
      const key = keyOf(values, foreignAt[n]!);
      if (key !== null) fk.values.push({ key, row });
    });
  });
  return { rows: raw.rows.length, indexes, foreign };
}

/** A tuple's key text, or null when a field is unknown or a value missing (such tuples are not checked, as in SQL). */
export function keyOf(values: readonly JsonCell[], positions: readonly number[]): string | null {
  const tuple: JsonCell[] = [];
  for (const p of positions) {
    const v = p < 0 ? null : values[p];
    if (v === null || v === undefined) return null;
    tuple.push(v);
  }
  return JSON.stringify(tuple);
}
