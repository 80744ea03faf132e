import Papa from "papaparse";
import type { Resource } from "./descriptor-schema.js";
import { parseCsvStrict } from "./parse-csv.js";
import { parseJsonRows } from "./read-package.js";
import type { VerifyProblem } from "./verify-problem.js";

/** A table file as read, before any typing: its column names and each row's cells in that order. */
export interface RawTable {
  header: string[];
  rows: unknown[][];
  /** The row number of the first data row (CSV: 2, after the header; JSON: 1). */
  firstRow: number;
  /** True when cells are text to cast (CSV), false when they are JSON values. */
  fromText: boolean;
}

/** Read a CSV table resource with its dialect: a header row, then data rows. */
export function readCsvTable(file: string, resource: Resource, text: string): RawTable | VerifyProblem {
  const body = text.endsWith("\r\n") ? text.slice(0, -2) : text.endsWith("\n") ? text.slice(0, -1) : text;
  if (body === "") return { code: "data/header", file, message: "the file is empty: no header row" };
  const dialect = resource.dialect ?? {};
  const delimiter = dialect.delimiter ?? ",";
  const quoteChar = dialect.quoteChar ?? '"';
  const strict = parseCsvStrict(body, delimiter, quoteChar);
  if (strict) {
    const [header = [], ...rows] = strict;
    return { header, rows, firstRow: 2, fromText: true };
  }
  const parsed = Papa.parse<string[]>(body, { header: false, delimiter, quoteChar, skipEmptyLines: false });
  const error = parsed.errors[0];
  if (error) return { code: "data/csv", file, message: `not readable as CSV: ${error.message}`, ...(error.row !== undefined ? { row: error.row + 1 } : {}) };
  const [header = [], ...rows] = parsed.data;
  return { header, rows, firstRow: 2, fromText: true };
}

/** Read a JSON table resource (an array of row objects) in the order of the schema's fields. */
export function readJsonTable(file: string, fields: readonly string[], text: string, report: (p: VerifyProblem) => void): RawTable | VerifyProblem {
  const rows = parseJsonRows(text);
  if (typeof rows === "string") return { code: "data/json", file, message: rows };
  const known = new Set(fields);
  const cells = rows.map((row, i) => {
    for (const key of Object.keys(row)) if (!known.has(key)) report({ code: "data/fields", file, row: i + 1, message: `unknown field ${JSON.stringify(key)}` });
    for (const name of fields) if (!(name in row)) report({ code: "data/fields", file, row: i + 1, message: `field ${name} is absent (a missing value is an explicit null)` });
    return fields.map((name) => row[name]);
  });
  return { header: [...fields], rows: cells, firstRow: 1, fromText: false };
}
