// Real consumer: DuckDB reads the package through the load.sql shipped inside it: one typed view
// per table, categories as ENUMs of exactly the declared values, every value the JSON files hold.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TABLES } from "../../src/tables/table-definitions.js";
import { renderLoadSql } from "../../src/write/loaders/render-load-sql.js";
import { buildPackage, copyPackage, ROOT, type BuiltPackage, type FieldDescriptor } from "./consumer-env.js";

/** The type a load.sql view gives a declared field. */
function viewType(field: FieldDescriptor): string {
  if (field.categories) return `ENUM(${field.categories.map((c) => `'${c}'`).join(", ")})`;
  return { string: "VARCHAR", date: "DATE", integer: "INTEGER", boolean: "BOOLEAN" }[field.type];
}

/** A fresh in-memory DuckDB that resolves the package's relative paths, with `sql` run in it. */
async function duckdbWith(dir: string, sql: string): Promise<DuckDBConnection> {
  const connection = await (await DuckDBInstance.create(":memory:")).connect();
  await connection.run(`SET file_search_path = '${dir.replaceAll("'", "''")}'`);
  await connection.run(sql);
  return connection;
}

/** Every view load.sql makes: its columns with the declared types and descriptions, and the JSON file's rows. */
async function expectViewsMatchPackage(connection: DuckDBConnection, pkg: BuiltPackage): Promise<void> {
  const views = (await connection.runAndReadAll("SELECT view_name, comment FROM duckdb_views() WHERE NOT internal ORDER BY view_name")).getRowObjectsJson();
  expect(views.map((v) => v.view_name)).toEqual(pkg.tables.map((t) => t.name).sort());
  for (const table of pkg.tables) {
    const fields = table.schema!.fields;
    const columns = (await connection.runAndReadAll(`SELECT column_name, data_type, comment FROM duckdb_columns() WHERE table_name = '${table.name}' ORDER BY column_index`)).getRowObjectsJson();
    expect(columns.map((c) => c.column_name), `${table.name}: columns`).toEqual(fields.map((f) => f.name));
    for (const [i, field] of fields.entries()) {
      const where = `${table.name}.${field.name} (declared ${field.type}${field.categories ? " with categories" : ""})`;
      expect(columns[i]!.data_type, where).toBe(viewType(field));
      expect(columns[i]!.comment, `${where}: description`).toBe(field.description);
    }
    const rows = (await connection.runAndReadAll(`SELECT * FROM "${table.name}"`)).getRowsJson();
    expect(rows, `${table.name}: values`).toEqual(pkg.jsonRows(table.name));
  }
}

describe("DuckDB reads the package through load.sql", () => {
  let pkg: BuiltPackage;
  beforeAll(() => {
    pkg = buildPackage(path.join(ROOT, "sources"), "duckdb");
  });
  afterAll(() => pkg?.remove());

  it("ships load.sql over the Parquet files, made from the table definitions", () => {
    const sql = readFileSync(path.join(pkg.dir, "load.sql"), "utf8");
    expect(sql).toBe(renderLoadSql(TABLES, "parquet"));
    for (const table of pkg.tables) expect(sql).toContain(`FROM read_parquet('parquet/${table.name}.parquet');`);
  });

  it("makes one view per table with the declared types, ENUMs of the declared categories, the descriptions, and every value of the JSON files", async () => {
    const connection = await duckdbWith(pkg.dir, readFileSync(path.join(pkg.dir, "load.sql"), "utf8"));
    try {
      await expectViewsMatchPackage(connection, pkg);
      // The dates DuckDB's own CSV sniffing would mistype stay as given.
      const published = (await connection.runAndReadAll("SELECT typeof(published), typeof(url) FROM documents LIMIT 1")).getRowsJson();
      expect(published).toEqual([["VARCHAR", "VARCHAR"]]);
    } finally {
      connection.closeSync();
    }
  });

  it("over the CSV files (a package without Parquet) gives the same views and values, nothing guessed", async () => {
    const connection = await duckdbWith(pkg.dir, renderLoadSql(TABLES, "csv"));
    try {
      await expectViewsMatchPackage(connection, pkg);
    } finally {
      connection.closeSync();
    }
  });

  it("refuses a value outside the declared categories instead of reading it as missing", async () => {
    const copy = copyPackage(pkg, "duckdb-category");
    const file = path.join(copy.dir, "csv/meetings.csv");
    writeFileSync(file, readFileSync(file, "utf8").replace(",in-person,", ",in person,"));
    const connection = await duckdbWith(copy.dir, renderLoadSql(TABLES, "csv"));
    try {
      await expect(connection.runAndReadAll("SELECT format FROM meetings")).rejects.toThrow(/Could not convert string 'in person'/);
    } finally {
      connection.closeSync();
      copy.remove();
    }
  });
});
