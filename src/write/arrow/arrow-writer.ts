import { Bool, DateDay, Dictionary, Int32, Table, tableToIPC, Utf8, vectorFromArray, type DataType, type Vector } from "apache-arrow";
import type { Cell, FieldDef, Row, TableDef } from "../../tables/field-types.js";
import type { TableWriter } from "../table-writer.js";

/** Arrow IPC file (Feather v2) with real types: date32, int32, bool, and dictionary-encoded strings. */
export const arrowWriter: TableWriter = {
  format: "arrow",
  extension: "arrow",
  mediatype: "application/vnd.apache.arrow.file",
  write(table: TableDef, rows: readonly Row[]): Uint8Array {
    const columns: Record<string, Vector> = {};
    table.fields.forEach((field, i) => {
      const values = rows.map((row) => toArrowValue(field, row[field.name] ?? null));
      columns[field.name] = vectorFromArray(values, arrowType(field, i));
    });
    return tableToIPC(new Table(columns), "file");
  },
};

/**
 * The Arrow type of a column. Dictionary ids are fixed per column: apache-arrow otherwise draws
 * them from a process-wide counter, and the same table written twice would differ in bytes.
 */
export function arrowType(field: FieldDef, position: number): DataType {
  switch (field.type) {
    case "date":
      return new DateDay();
    case "integer":
      return new Int32();
    case "boolean":
      return new Bool();
    case "string":
      return field.dictionary ? new Dictionary(new Utf8(), new Int32(), position) : new Utf8();
  }
}

function toArrowValue(field: FieldDef, value: Cell): unknown {
  if (value === null) return null;
  if (field.type === "date") return new Date(`${value as string}T00:00:00Z`);
  return value;
}
