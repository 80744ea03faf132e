import { tableFromIPC, type Table } from "apache-arrow";
import type { Field } from "./descriptor-schema.js";
import type { JsonCell } from "./json-rows.js";
import { RowDigest } from "./row-digest.js";
import type { ValueDigest } from "./value-readers.js";

/**
 * The digest of an Arrow IPC file's values, column by column as the table's fields declare them,
 * read a record batch at a time: Date32 days as YYYY-MM-DD, integers as numbers, dictionaries
 * as their strings — the values the CSV and JSON files' cell checks give.
 */
export function digestArrowValues(bytes: Uint8Array, fields: readonly Field[]): ValueDigest {
  let table: Table;
  try {
    table = tableFromIPC(bytes);
  } catch (error) {
    return { problem: `not an Arrow IPC file: ${(error as Error).message}` };
  }
  const names = table.schema.fields.map((f) => f.name);
  if (names.join("\u0000") !== fields.map((f) => f.name).join("\u0000")) {
    return { problem: `columns are ${names.join(", ")}; the table's schema says ${fields.map((f) => f.name).join(", ")}` };
  }
  const digest = new RowDigest();
  const width = fields.length;
  const row: JsonCell[] = new Array(width).fill(null);
  for (const batch of table.batches) {
    const columns = fields.map((field, i) => columnValues([...batch.getChildAt(i)!], field));
    for (let r = 0; r < batch.numRows; r++) {
      for (let f = 0; f < width; f++) row[f] = columns[f]![r]!;
      digest.add(row, width);
    }
  }
  return { rows: digest.rows, digest: digest.finish() };
}

/** A column's values as the cell checks would give them. */
function columnValues(values: unknown[], field: Field): JsonCell[] {
  return values.map((v) => {
    if (v === null || v === undefined) return null;
    if (field.type === "date" && typeof v === "number") return dayText(v);
    if (typeof v === "bigint") return Number(v);
    if (v instanceof Date) return v.toISOString().slice(0, 10);
    return v as JsonCell;
  });
}

/** Dates repeat across rows: each distinct one is written out once. */
const days = new Map<number, string>();
function dayText(milliseconds: number): string {
  let text = days.get(milliseconds);
  if (text === undefined) {
    if (days.size > 100_000) days.clear();
    days.set(milliseconds, (text = new Date(milliseconds).toISOString().slice(0, 10)));
  }
  return text;
}
