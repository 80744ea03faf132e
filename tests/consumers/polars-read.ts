// What polars (nodejs-polars, the Rust engine) reads from a package's Arrow and Parquet files.
import pl from "nodejs-polars";
import { expect } from "vitest";
import type { BuiltPackage, FieldDescriptor } from "./consumer-env.js";

/** The polars dtype a declared field must read as. */
export function polarsType(field: FieldDescriptor): string {
  if (field.categories) return "Categorical";
  return { string: "String", date: "Date", integer: "Int32", boolean: "Bool" }[field.type];
}

/** A polars frame's values row by row in the given columns: dates as YYYY-MM-DD, missing as null. */
export function polarsRows(frame: pl.DataFrame, fields: readonly FieldDescriptor[]): unknown[][] {
  const columns = fields.map((field) =>
    frame
      .getColumn(field.name)
      .toArray()
      .map((v: unknown) => (v === null || v === undefined ? null : field.type === "date" ? (v as Date).toISOString().slice(0, 10) : v)),
  );
  return Array.from({ length: frame.height }, (_, i) => columns.map((c) => c[i]));
}

/** A frame read by polars has the package's columns, each with its declared type, and the JSON file's rows. */
export function expectPolarsMatches(frame: pl.DataFrame, pkg: BuiltPackage, table: string): void {
  const fields = pkg.tables.find((t) => t.name === table)!.schema!.fields;
  expect(frame.columns, `${table}: columns`).toEqual(fields.map((f) => f.name));
  for (const field of fields) {
    const where = `${table}.${field.name} (declared ${field.type}${field.categories ? " with categories" : ""})`;
    const series = frame.getColumn(field.name);
    expect(String(series.dtype.variant), where).toBe(polarsType(field));
    // polars keeps a categorical's levels as it meets them, so only the values present can be checked.
    if (field.categories) expect(field.categories, `${where}: values within the declared categories`).toEqual(expect.arrayContaining(series.dropNulls().unique().toArray() as string[]));
  }
  expect(polarsRows(frame, fields), `${table}: values`).toEqual(pkg.jsonRows(table));
}
