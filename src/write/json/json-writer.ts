import type { Cell, Row, TableDef } from "../../tables/field-types.js";
import { ByteSink } from "../byte-sink.js";
import type { TableWriter } from "../table-writer.js";

/** JSON: an array of row objects, keys in column order, explicit nulls, one row per line. */
export const jsonWriter: TableWriter = {
  format: "json",
  extension: "json",
  mediatype: "application/json",
  costPerCell: 1.6,
  encoding: "utf-8",
  write(table: TableDef, rows: readonly Row[]): Uint8Array {
    if (rows.length === 0) return new Uint8Array(Buffer.from("[]\n"));
    const text = jsonRow(table);
    const out = new ByteSink(rows.length * 64);
    out.write("[\n");
    for (let r = 0; r < rows.length; r++) out.write(r === 0 ? text(rows[r]!) : ",\n" + text(rows[r]!));
    out.write("\n]\n");
    return out.bytes();
  },
};

/**
 * A table's row as its line's JSON text (without the separating comma): put together from its
 * keys' JSON (made once) and its values' JSON, the same text JSON.stringify gives an object with
 * these keys, without building one per row.
 */
export function jsonRow(table: TableDef): (row: Row) => string {
  const keys = table.fields.map((f, i) => (i === 0 ? "{" : ",") + JSON.stringify(f.name) + ":");
  const names = table.fields.map((f) => f.name);
  return (row) => {
    let line = "";
    for (let i = 0; i < names.length; i++) line += keys[i] + jsonValue(row[names[i]!] ?? null);
    return line + "}";
  };
}

/** Characters JSON.stringify escapes in a string (controls, quote, backslash, lone surrogates). */
const ESCAPED = /["\\\u0000-\u001F\uD800-\uDFFF]/;

/** A value's JSON text, as JSON.stringify writes it; plain strings skip the general call. */
function jsonValue(value: Cell): string {
  if (typeof value === "string") return ESCAPED.test(value) ? JSON.stringify(value) : `"${value}"`;
  return JSON.stringify(value);
}
