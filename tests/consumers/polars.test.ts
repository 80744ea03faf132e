// Real consumer: polars (nodejs-polars, the Rust engine) reads the Arrow files with the types the
// descriptor declares and every value the JSON files hold.
import { readFileSync } from "node:fs";
import path from "node:path";
import pl from "nodejs-polars";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPackage, ROOT, type BuiltPackage, type FieldDescriptor } from "./consumer-env.js";

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

describe("polars (nodejs-polars) reads the package", () => {
  let pkg: BuiltPackage;
  beforeAll(() => {
    pkg = buildPackage(path.join(ROOT, "sources"), "polars");
  });
  afterAll(() => pkg?.remove());

  it("reads every Arrow file with the declared types and every value of the JSON files", () => {
    for (const table of pkg.tables) expectPolarsMatches(pl.readIPC(readFileSync(path.join(pkg.dir, "arrow", `${table.name}.arrow`))), pkg, table.name);
  });
});
