import type { FieldDef, FieldType, TableDef } from "../../tables/field-types.js";

/** The DuckDB type of each published column type (a field with categories is an ENUM of them instead). */
const DUCKDB_TYPE: Record<FieldType, string> = { string: "VARCHAR", date: "DATE", integer: "INTEGER", boolean: "BOOLEAN" };

/**
 * load.sql: one typed DuckDB view per table over the package's Parquet files (or its CSV files,
 * read with the declared types and no guessing, where it has no Parquet), each column cast to its
 * declared type and a field with categories to an ENUM of exactly them, in their order; the
 * tables' and columns' descriptions as comments. Made from the table definitions. Pure.
 */
export function renderLoadSql(tables: readonly TableDef[], over: "parquet" | "csv"): string {
  const lines = [
    "-- load.sql: the tables of this data package as typed DuckDB views, made by parlex from the",
    `-- table definitions; they read the ${over === "parquet" ? "Parquet" : "CSV"} files, whose paths are relative to this folder.`,
    "-- Run it from this folder: in the duckdb shell, .read load.sql (or start it with duckdb -init load.sql).",
    "-- From elsewhere, first:     SET file_search_path = '<this folder>';",
    "-- Categories are ENUMs: a value outside them is an error, never a silent NULL.",
    "",
  ];
  for (const table of tables) {
    const columns = table.fields.map((f) => `  CAST(${identifier(f.name)} AS ${duckdbType(f)}) AS ${identifier(f.name)}`);
    lines.push(`CREATE OR REPLACE VIEW ${identifier(table.name)} AS SELECT`, columns.join(",\n"), `FROM ${over === "parquet" ? readParquet(table) : readCsv(table)};`);
    lines.push(`COMMENT ON VIEW ${identifier(table.name)} IS ${literal(table.description)};`);
    for (const f of table.fields) lines.push(`COMMENT ON COLUMN ${identifier(table.name)}.${identifier(f.name)} IS ${literal(f.description)};`);
    lines.push("");
  }
  return lines.join("\n");
}

/** A column's DuckDB type: its declared type, or an ENUM of its categories. */
function duckdbType(field: FieldDef): string {
  return field.categories ? `ENUM(${field.categories.map(literal).join(", ")})` : DUCKDB_TYPE[field.type];
}

function readParquet(table: TableDef): string {
  return `read_parquet(${literal(`parquet/${table.name}.parquet`)})`;
}

/** The CSV file as the writer writes it: a header, `"` quoting, an empty cell missing; every column's type given, nothing guessed. */
function readCsv(table: TableDef): string {
  const columns = table.fields.map((f) => `${literal(f.name)}: ${literal(DUCKDB_TYPE[f.type])}`).join(", ");
  return `read_csv(${literal(`csv/${table.name}.csv`)}, header = true, delim = ',', quote = '"', escape = '"', nullstr = '', auto_detect = false, columns = {${columns}})`;
}

function identifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function literal(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}
