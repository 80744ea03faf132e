import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { tableFromIPC, type Table } from "apache-arrow";
import { expect } from "vitest";
import type { BuiltPackage, ConsumerDump, FieldDescriptor } from "./consumer-env.js";

/** What a consumer reports for a field of a declared type: its type name and, for categories, levels and order. */
export interface ExpectedType {
  type: string | RegExp;
  levels: string[] | null;
  ordered: boolean | null;
}

/** pandas: the dtype load.py must give each declared field type. */
export function pandasType(field: FieldDescriptor): ExpectedType {
  if (field.categories) return { type: "category", levels: field.categories, ordered: field.categoriesOrdered === true };
  const type = { string: "string", integer: "Int64", boolean: "boolean", date: /^datetime64\[(ns|us|ms|s)\]$/ }[field.type];
  return { type, levels: null, ordered: null };
}

/** R: the class load.R must give each declared field type. */
export function rType(field: FieldDescriptor): ExpectedType {
  if (field.categories) return { type: field.categoriesOrdered ? "ordered/factor" : "factor", levels: field.categories, ordered: field.categoriesOrdered === true };
  const type = { string: "character", integer: "integer", boolean: "logical", date: "Date" }[field.type];
  return { type, levels: null, ordered: null };
}

/**
 * A consumer read exactly the package: every table, its columns in schema order, each column with
 * the type its declaration calls for, and every row and value equal to the JSON file's.
 */
export function expectDumpMatchesPackage(dump: ConsumerDump, pkg: BuiltPackage, expected: (field: FieldDescriptor) => ExpectedType): void {
  expect(Object.keys(dump)).toEqual(pkg.tables.map((t) => t.name));
  for (const resource of pkg.tables) {
    const table = dump[resource.name]!;
    const fields = resource.schema!.fields;
    expect(table.columns, `${resource.name}: columns`).toEqual(fields.map((f) => f.name));
    for (const field of fields) {
      const want = expected(field);
      const where = `${resource.name}.${field.name} (declared ${field.type}${field.categories ? " with categories" : ""})`;
      if (want.type instanceof RegExp) expect(table.types[field.name], where).toMatch(want.type);
      else expect(table.types[field.name], where).toBe(want.type);
      expect(table.levels[field.name], `${where}: levels`).toEqual(want.levels);
      expect(table.ordered[field.name], `${where}: ordered`).toBe(want.ordered);
    }
    const rows = pkg.jsonRows(resource.name);
    expect(table.rows, `${resource.name}: row count`).toBe(rows.length);
    expect(table.data, `${resource.name}: values`).toEqual(rows);
  }
}

/** Rewrite one CSV file of a package and update its bytes and hash in datapackage.json, as a forger would. */
export function rewriteCsvAndDescriptor(pkg: BuiltPackage, table: string, edit: (text: string) => string): void {
  const resource = pkg.tables.find((r) => r.name === table)!;
  const file = path.join(pkg.dir, resource.path);
  const before = readFileSync(file, "utf8");
  const after = edit(before);
  expect(after, "the edit changes the file").not.toBe(before);
  writeFileSync(file, after);
  const bytes = Buffer.from(after, "utf8");
  const descriptorFile = path.join(pkg.dir, "datapackage.json");
  const descriptor = JSON.parse(readFileSync(descriptorFile, "utf8")) as { resources: { name: string; bytes: number; hash: string }[] };
  const entry = descriptor.resources.find((r) => r.name === table)!;
  entry.bytes = bytes.length;
  entry.hash = `sha256:${createHash("sha256").update(bytes).digest("hex")}`;
  writeFileSync(descriptorFile, JSON.stringify(descriptor, null, 2) + "\n");
}

/** Change one byte of a table's CSV file (a letter in its last row), keeping its length: only the hash can tell. */
export function flipOneByte(pkg: BuiltPackage, table: string): string {
  const resource = pkg.tables.find((r) => r.name === table)!;
  const file = path.join(pkg.dir, resource.path);
  const bytes = readFileSync(file);
  let at = bytes.length - 1;
  while (at > 0 && !(bytes[at]! >= 0x61 && bytes[at]! <= 0x79)) at--; // a..y
  expect(at, "a letter to change").toBeGreaterThan(bytes.indexOf(0x0a));
  bytes[at] = bytes[at]! + 1;
  writeFileSync(file, bytes);
  expect(bytes.length).toBe(resource.bytes);
  return resource.path;
}

/** The Arrow type a declared field must have: a dictionary exactly for a field with categories. */
function arrowTypeName(field: FieldDescriptor): string {
  if (field.type === "date") return "Date32<DAY>";
  if (field.type === "integer") return "Int32";
  if (field.type === "boolean") return "Bool";
  return field.categories ? "Dictionary<Int32, Utf8>" : "Utf8";
}

/** A table's rows as JSON values: dates (days since the epoch, read as milliseconds) as YYYY-MM-DD. */
function arrowRows(table: Table, fields: readonly FieldDescriptor[]): unknown[][] {
  const columns = fields.map((field) => {
    const column = table.getChild(field.name);
    if (!column) throw new Error(`no column ${field.name}`);
    return [...column].map((value: unknown) => {
      if (value === null || value === undefined) return null;
      if (field.type === "date") return new Date(value as number).toISOString().slice(0, 10);
      return value;
    });
  });
  return Array.from({ length: table.numRows }, (_, i) => columns.map((c) => c[i]));
}

/** Read every arrow/<table>.arrow of a package and check types and rows against the descriptor and JSON. */
export function expectArrowMatchesPackage(pkg: BuiltPackage): void {
  for (const resource of pkg.tables) {
    const arrowResource = pkg.descriptor.resources.find((r) => r.name === `${resource.name}-arrow`);
    expect(arrowResource?.path, `${resource.name}: an Arrow resource`).toBe(`arrow/${resource.name}.arrow`);
    const table = tableFromIPC(readFileSync(path.join(pkg.dir, arrowResource!.path)));
    const fields = resource.schema!.fields;
    const primaryKey = (resource.schema as { primaryKey?: string[] }).primaryKey ?? [];
    expect(table.schema.fields.map((f) => f.name), `${resource.name}: columns`).toEqual(fields.map((f) => f.name));
    for (const field of fields) {
      const where = `${resource.name}.${field.name}`;
      const arrowField = table.schema.fields.find((f) => f.name === field.name)!;
      expect(String(arrowField.type), where).toBe(arrowTypeName(field));
      const required = field.constraints?.required === true || primaryKey.includes(field.name);
      expect(arrowField.nullable, `${where}: nullable`).toBe(!required);
      expect(arrowField.metadata.get("description"), `${where}: description`).toBe(field.description);
      if (field.categories) expect([...table.getChild(field.name)!.data[0]!.dictionary!], `${where}: dictionary`).toEqual(field.categories);
    }
    const rows = pkg.jsonRows(resource.name);
    expect(table.numRows, `${resource.name}: row count`).toBe(rows.length);
    expect(arrowRows(table, fields), `${resource.name}: values`).toEqual(rows);
  }
}
