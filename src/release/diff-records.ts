import type { ChangedRecord, FieldChange, RecordRef, TableRecords } from "./change.js";
import type { JsonCell, JsonRow } from "../verify/json-rows.js";

/**
 * The record-level changes of one table, matching rows by primary key: rows added, removed, and
 * changed field by field (only fields both versions have; added or removed fields are schema
 * changes). Linear in the rows of both versions.
 */
export function diffRecords(table: string, primaryKey: readonly string[], fields: readonly string[], before: readonly JsonRow[], after: readonly JsonRow[]): TableRecords {
  const keyOf = (row: JsonRow) => JSON.stringify(primaryKey.map((k) => row[k] ?? null));
  const old = new Map<string, JsonRow>();
  for (const row of before) old.set(keyOf(row), row);
  const added: RecordRef[] = [];
  const changed: ChangedRecord[] = [];
  const seen = new Set<string>();
  for (const row of after) {
    const key = keyOf(row);
    seen.add(key);
    const was = old.get(key);
    if (!was) {
      added.push(refOf(primaryKey, row));
      continue;
    }
    const differences: FieldChange[] = [];
    for (const field of fields) {
      const b = was[field] ?? null;
      const a = row[field] ?? null;
      if (b !== a) differences.push({ field, before: b, after: a });
    }
    if (differences.length) changed.push({ ...refOf(primaryKey, row), fields: differences });
  }
  const removed = before.filter((row) => !seen.has(keyOf(row))).map((row) => refOf(primaryKey, row));
  return { table, primaryKey: [...primaryKey], added, removed, changed };
}

/** A row's reference: its key values, and those values joined as a readable id. */
export function refOf(primaryKey: readonly string[], row: JsonRow): RecordRef {
  const key: Record<string, JsonCell> = {};
  for (const k of primaryKey) key[k] = row[k] ?? null;
  return { id: primaryKey.map((k) => String(row[k] ?? "")).join(" / "), key };
}
