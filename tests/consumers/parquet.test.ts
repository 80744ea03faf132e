// Parquet files read back by two independent readers, DuckDB (C++) and hyparquet (JavaScript):
// every column with the type its declaration calls for, every value equal to the JSON files'.
import { readFileSync } from "node:fs";
import path from "node:path";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { parquetMetadata, parquetReadObjects } from "hyparquet";
import pl from "nodejs-polars";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROW_GROUP_ROWS } from "../../src/write/parquet/parquet-writer.js";
import { buildPackage, ROOT, type BuiltPackage, type FieldDescriptor, type ResourceDescriptor } from "./consumer-env.js";
import { expectPolarsMatches } from "./polars-read.js";

/** DuckDB's type for a declared field read from Parquet (categories are strings there: load.sql makes them ENUMs). */
function duckdbType(field: FieldDescriptor): string {
  return { string: "VARCHAR", date: "DATE", integer: "INTEGER", boolean: "BOOLEAN" }[field.type];
}

/** The Parquet physical and logical type a declared field must have. */
function parquetType(field: FieldDescriptor): string {
  return { string: "BYTE_ARRAY/STRING", date: "INT32/DATE", integer: "INT32/-", boolean: "BOOLEAN/-" }[field.type];
}

/** Whether a field may hold no value: not when required or part of the primary key. */
function nullable(resource: ResourceDescriptor, field: FieldDescriptor): boolean {
  const primaryKey = (resource.schema as { primaryKey?: string[] }).primaryKey ?? [];
  return !(field.constraints?.required === true || primaryKey.includes(field.name));
}

function parquetFile(pkg: BuiltPackage, table: string): string {
  const resource = pkg.descriptor.resources.find((r) => r.name === `${table}-parquet`);
  expect(resource?.path, `${table}: a Parquet resource`).toBe(`parquet/${table}.parquet`);
  return path.join(pkg.dir, resource!.path);
}

describe("Parquet files", () => {
  let pkg: BuiltPackage;
  let duckdb: DuckDBConnection;
  beforeAll(async () => {
    pkg = buildPackage(path.join(ROOT, "sources"), "parquet");
    duckdb = await (await DuckDBInstance.create(":memory:")).connect();
  });
  afterAll(() => {
    duckdb?.closeSync();
    pkg?.remove();
  });

  it("are declared as files of the package, beside the CSV, JSON and Arrow of every table", () => {
    for (const table of pkg.tables) {
      const resource = pkg.descriptor.resources.find((r) => r.name === `${table.name}-parquet`)!;
      expect(resource, table.name).toMatchObject({ path: `parquet/${table.name}.parquet`, format: "Parquet", mediatype: "application/vnd.apache.parquet" });
      expect(resource.type, `${table.name}: not a table to the reference validator, which cannot read Parquet`).toBeUndefined();
    }
  });

  it("read in DuckDB with every column's declared type and every value of the JSON files", async () => {
    for (const table of pkg.tables) {
      const file = parquetFile(pkg, table.name).replaceAll("'", "''");
      const described = (await duckdb.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet('${file}')`)).getRowObjectsJson() as { column_name: string; column_type: string }[];
      const fields = table.schema!.fields;
      expect(described.map((c) => c.column_name), `${table.name}: columns`).toEqual(fields.map((f) => f.name));
      for (const [i, field] of fields.entries()) expect(described[i]!.column_type, `${table.name}.${field.name} (declared ${field.type})`).toBe(duckdbType(field));
      const rows = (await duckdb.runAndReadAll(`SELECT * FROM read_parquet('${file}')`)).getRowsJson();
      expect(rows, `${table.name}: values`).toEqual(pkg.jsonRows(table.name));
    }
  });

  it("read in hyparquet with each column's Parquet type, repetition and compression, and every value of the JSON files", async () => {
    for (const table of pkg.tables) {
      const bytes = readFileSync(parquetFile(pkg, table.name));
      const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
      const metadata = parquetMetadata(file);
      const fields = table.schema!.fields;
      const columns = metadata.schema.slice(1);
      expect(columns.map((c) => c.name), `${table.name}: columns`).toEqual(fields.map((f) => f.name));
      for (const [i, field] of fields.entries()) {
        const where = `${table.name}.${field.name} (declared ${field.type}${field.categories ? " with categories" : ""})`;
        const column = columns[i]!;
        expect(`${column.type}/${column.logical_type?.type ?? "-"}`, where).toBe(parquetType(field));
        expect(column.repetition_type, `${where}: repetition`).toBe(nullable(table, field) ? "OPTIONAL" : "REQUIRED");
        for (const group of metadata.row_groups) {
          const chunk = group.columns[i]!.meta_data!;
          expect(chunk.codec, `${where}: compression`).toBe("SNAPPY");
          if (field.categories) expect(chunk.encodings, `${where}: dictionary-encoded`).toContain("RLE_DICTIONARY");
        }
      }
      expect(metadata.row_groups.length, `${table.name}: row groups`).toBe(Math.max(1, Math.ceil(Number(metadata.num_rows) / ROW_GROUP_ROWS)));
      // The Arrow schema rides along, so Arrow readers get the dictionaries and descriptions back.
      expect(metadata.key_value_metadata?.map((kv) => kv.key), `${table.name}: metadata`).toContain("ARROW:schema");
      const rows = (await parquetReadObjects({ file })) as Record<string, unknown>[];
      const values = rows.map((row) => fields.map((f) => (row[f.name] instanceof Date ? (row[f.name] as Date).toISOString().slice(0, 10) : row[f.name])));
      expect(values, `${table.name}: values`).toEqual(pkg.jsonRows(table.name));
    }
  });

  it("read in polars with the declared types and every value of the JSON files", () => {
    for (const table of pkg.tables) expectPolarsMatches(pl.readParquet(readFileSync(parquetFile(pkg, table.name))), pkg, table.name);
  });
});
