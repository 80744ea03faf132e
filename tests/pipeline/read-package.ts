import { readFileSync } from "node:fs";
import path from "node:path";
import Papa from "papaparse";
import { tableFromIPC } from "apache-arrow";
import type { Cell, FieldDef, Row, TableDef } from "../../src/tables/field-types.js";

/** The descriptor of a built package folder. */
export function readDescriptor(dir: string): { resources: Record<string, unknown>[] } & Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(dir, "datapackage.json"), "utf8"));
}

/** A table's rows from its CSV file, typed by the table definition (empty cell = null). */
export function readCsvRows(dir: string, table: TableDef): Row[] {
  const text = readFileSync(path.join(dir, "csv", `${table.name}.csv`), "utf8");
  if (!text.endsWith("\n")) throw new Error(`${table.name}.csv: no final line end`);
  const parsed = Papa.parse<Record<string, string>>(text.slice(0, -1), { header: true, skipEmptyLines: false, newline: "\n" });
  const rows = parsed.data;
  if (parsed.errors.length) throw new Error(`${table.name}.csv: ${parsed.errors[0]!.message}`);
  if (parsed.meta.fields?.join() !== table.fields.map((f) => f.name).join()) throw new Error(`${table.name}.csv: header differs`);
  return rows.map((raw) => Object.fromEntries(table.fields.map((f) => [f.name, fromCsv(f, raw[f.name] ?? "")])));
}

/** A table's rows from its JSON file. */
export function readJsonRows(dir: string, table: TableDef): Row[] {
  return JSON.parse(readFileSync(path.join(dir, "json", `${table.name}.json`), "utf8"));
}

/** A table's Arrow schema (name: type) and rows, dates as YYYY-MM-DD. */
export function readArrow(dir: string, table: TableDef): { types: string[]; rows: Row[] } {
  const arrow = tableFromIPC(readFileSync(path.join(dir, "arrow", `${table.name}.arrow`)));
  const types = arrow.schema.fields.map((f) => `${f.name}: ${String(f.type)}`);
  const rows = arrow.toArray().map((record) => {
    const object = record.toJSON() as Record<string, unknown>;
    return Object.fromEntries(table.fields.map((f) => [f.name, fromArrow(f, object[f.name])]));
  });
  return { types, rows };
}

function fromCsv(field: FieldDef, text: string): Cell {
  if (text === "") return null;
  if (field.type === "integer") return Number(text);
  if (field.type === "boolean") return text === "true";
  return text;
}

function fromArrow(field: FieldDef, value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (field.type === "date") return new Date(value as number).toISOString().slice(0, 10);
  return value as Cell;
}
