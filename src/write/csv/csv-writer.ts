import Papa from "papaparse";
import type { Cell, Row, TableDef } from "../../tables/field-types.js";
import type { TableWriter } from "../table-writer.js";
import { FORMULA_START } from "../../model/formula.js";

/** CSV as DESIGN.md fixes it: UTF-8 without BOM, `,`, `"` quoting only where needed, `\n`, a header, empty = missing. */
export const csvWriter: TableWriter = {
  format: "csv",
  extension: "csv",
  mediatype: "text/csv",
  encoding: "utf-8",
  write(table: TableDef, rows: readonly Row[]): Uint8Array {
    const fields = table.fields.map((f) => f.name);
    const data = rows.map((row) => fields.map((name) => csvCell(row[name] ?? null)));
    const text = Papa.unparse({ fields, data }, { delimiter: ",", newline: "\n", quoteChar: '"', escapeChar: '"', header: true, quotes: false });
    // Papa ends a header-only table with a line end already; a second one would be a blank row.
    return new TextEncoder().encode(text.endsWith("\n") ? text : text + "\n");
  },
};

/**
 * A cell's CSV text: missing is empty; booleans are `true`/`false`; numbers in plain decimal.
 * A text a spreadsheet would run as a formula is never written: validation rejects it
 * (`text/formula`), so meeting one here is a bug, and the build stops rather than publish it.
 */
export function csvCell(value: Cell): string {
  if (value === null) return "";
  const text = String(value);
  if (typeof value === "string" && FORMULA_START.test(text)) {
    throw new Error(`refusing to write a CSV cell that starts like a formula: ${JSON.stringify(text.slice(0, 40))}`);
  }
  return text;
}
