import type { Row, TableDef } from "../../tables/field-types.js";
import type { TableWriter } from "../table-writer.js";

/** JSON: an array of row objects, keys in column order, explicit nulls, one row per line. */
export const jsonWriter: TableWriter = {
  format: "json",
  extension: "json",
  mediatype: "application/json",
  encoding: "utf-8",
  write(table: TableDef, rows: readonly Row[]): Uint8Array {
    // Each row's text is put together from its keys' JSON (made once) and its values' JSON:
    // the same text JSON.stringify gives an object with these keys, without building one per row.
    const keys = table.fields.map((f, i) => (i === 0 ? "{" : ",") + JSON.stringify(f.name) + ":");
    const names = table.fields.map((f) => f.name);
    const lines = rows.map((row) => {
      let line = "";
      for (let i = 0; i < names.length; i++) line += keys[i] + JSON.stringify(row[names[i]!] ?? null);
      return line + "}";
    });
    return new TextEncoder().encode(lines.length ? `[\n${lines.join(",\n")}\n]\n` : "[]\n");
  },
};
