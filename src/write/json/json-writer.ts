import type { Row, TableDef } from "../../tables/field-types.js";
import type { TableWriter } from "../table-writer.js";

/** JSON: an array of row objects, keys in column order, explicit nulls, one row per line. */
export const jsonWriter: TableWriter = {
  format: "json",
  extension: "json",
  mediatype: "application/json",
  encoding: "utf-8",
  write(table: TableDef, rows: readonly Row[]): Uint8Array {
    const fields = table.fields.map((f) => f.name);
    const lines = rows.map((row) => JSON.stringify(Object.fromEntries(fields.map((name) => [name, row[name] ?? null]))));
    const text = lines.length ? `[\n${lines.join(",\n")}\n]\n` : "[]\n";
    return new TextEncoder().encode(text);
  },
};
