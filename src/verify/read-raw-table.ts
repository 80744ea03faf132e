import Papa from "papaparse";
import type { Resource } from "./descriptor-schema.js";
import { StrictCsvReader } from "./parse-csv.js";
import { decode, parseJsonRows, type JsonRow } from "./json-rows.js";
import type { VerifyProblem } from "./verify-problem.js";

/**
 * A table file as read, before any typing: its column names, and its rows (each row's cells in
 * that order) passed a batch at a time, so that a large table is never held as rows whole.
 */
export interface RawTable {
  header: string[];
  /** The row number of the first data row (CSV: 2, after the header; JSON: 1). */
  firstRow: number;
  /** True when cells are text to cast (CSV), false when they are JSON values. */
  fromText: boolean;
  /**
   * Pass every data row to `visit`, in order, a batch at a time (`first` counts the rows before
   * the batch), and what is wrong with a row's shape to `report`. May be called again. Throws
   * `ReadAgain` when the file is not what the fast reader reads: nothing it passed then counts.
   */
  eachBatch(visit: (rows: readonly unknown[][], first: number) => void, report: (p: VerifyProblem) => void): void;
}

/** Rows in a batch: enough to make the per-batch costs vanish, few enough to die young. */
const BATCH = 4096;

/** A table file's fast reader met something it leaves to the thorough reader: read the table again with it. */
export class ReadAgain {
  constructor(readonly thorough: () => RawTable | VerifyProblem) {}
}

/** Read a CSV table resource with its dialect: a header row, then data rows. */
export function readCsvTable(file: string, resource: Resource, text: string): RawTable | VerifyProblem {
  const body = text.endsWith("\r\n") ? text.slice(0, -2) : text.endsWith("\n") ? text.slice(0, -1) : text;
  if (body === "") return { code: "data/header", file, message: "the file is empty: no header row" };
  const dialect = resource.dialect ?? {};
  const delimiter = dialect.delimiter ?? ",";
  const quoteChar = dialect.quoteChar ?? '"';
  const thorough = () => readCsvWithPapa(file, body, delimiter, quoteChar);
  const header = new StrictCsvReader(body, delimiter, quoteChar).read(1);
  if (header === undefined) return thorough();
  return {
    header: header[0] ?? [],
    firstRow: 2,
    fromText: true,
    eachBatch(visit) {
      const reader = new StrictCsvReader(body, delimiter, quoteChar);
      reader.read(1);
      for (let first = 0; ; ) {
        const rows = reader.read(BATCH);
        if (rows === undefined) throw new ReadAgain(thorough);
        if (rows.length === 0) return;
        visit(rows, first);
        first += rows.length;
      }
    },
  };
}

/** CSV that the strict reader leaves alone, read whole by papaparse. */
function readCsvWithPapa(file: string, body: string, delimiter: string, quoteChar: string): RawTable | VerifyProblem {
  const parsed = Papa.parse<string[]>(body, { header: false, delimiter, quoteChar, skipEmptyLines: false });
  const error = parsed.errors[0];
  if (error) return { code: "data/csv", file, message: `not readable as CSV: ${error.message}`, ...(error.row !== undefined ? { row: error.row + 1 } : {}) };
  const [header = [], ...rows] = parsed.data;
  return {
    header,
    firstRow: 2,
    fromText: true,
    eachBatch(visit) {
      for (let first = 0; first < rows.length; first += BATCH) visit(rows.slice(first, first + BATCH), first);
    },
  };
}

/**
 * Read a JSON table resource (an array of row objects) in the order of the schema's fields. The
 * fast reader parses the layout the JSON writer writes (`[`, one row a line, `]`) a batch of lines
 * at a time, each decoded on its own (no text of the whole file is made); anything else, or
 * anything amiss, is decoded and parsed whole, for the error JSON.parse gives.
 */
export function readJsonTable(file: string, fields: readonly string[], data: Uint8Array): RawTable | VerifyProblem {
  const thorough = () => readJsonWhole(file, fields, decode(data));
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const n = bytes.length;
  const start = bytes[0] === OPEN && bytes[1] === NEWLINE ? 2 : -1;
  const end = bytes[n - 1] === NEWLINE && bytes[n - 2] === CLOSE && bytes[n - 3] === NEWLINE ? n - 3 : bytes[n - 1] === CLOSE && bytes[n - 2] === NEWLINE ? n - 2 : -1;
  if (start < 0 || end < start) return thorough();
  // A piece starting with a byte order mark keeps it, as it would inside the whole text.
  const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  return {
    header: [...fields],
    firstRow: 1,
    fromText: false,
    eachBatch(visit, report) {
      for (let at = start, first = 0; at < end; ) {
        // Up to BATCH lines, cut at a line end after a comma. JSON text holds a line end only
        // between tokens, so if every cut piece parses as array items, the pieces joined by their
        // commas are the whole array's items: the same rows JSON.parse of the whole gives. A line
        // end is never part of a longer UTF-8 sequence, so the pieces decode as the whole would.
        let cut = at;
        for (let k = 0; k < BATCH && cut < end; k++) {
          const newline = bytes.indexOf(NEWLINE, cut);
          cut = newline === -1 || newline > end ? end : newline + 1;
        }
        const last = cut >= end;
        if (!last && bytes[cut - 2] !== COMMA) throw new ReadAgain(thorough);
        const piece = decoder.decode(bytes.subarray(at, last ? end : cut - 2));
        let rows: unknown;
        try {
          rows = JSON.parse(`[${piece}]`);
        } catch {
          throw new ReadAgain(thorough);
        }
        const cells = Array.isArray(rows) && rows.length > 0 ? flatCellsOf(file, fields, rows, first, report) : undefined;
        if (cells === undefined) throw new ReadAgain(thorough);
        visit(cells, first);
        first += cells.length;
        at = cut;
      }
    },
  };
}

const OPEN = 0x5b;
const CLOSE = 0x5d;
const COMMA = 0x2c;
const NEWLINE = 0x0a;

/** A JSON table read whole: the exact error when it is not an array of flat row objects. */
function readJsonWhole(file: string, fields: readonly string[], text: string): RawTable | VerifyProblem {
  const rows = parseJsonRows(text);
  if (typeof rows === "string") return { code: "data/json", file, message: rows };
  return {
    header: [...fields],
    firstRow: 1,
    fromText: false,
    eachBatch(visit, report) {
      for (let first = 0; first < rows.length; first += BATCH) visit(cellsOf(file, fields, rows.slice(first, first + BATCH), first, report), first);
    },
  };
}

/**
 * Parsed rows as cells in the fields' order, a field absent or unknown reported; or undefined when
 * a row is not an object of plain values (which reading the whole then explains).
 */
function flatCellsOf(file: string, fields: readonly string[], rows: readonly unknown[], first: number, report: (p: VerifyProblem) => void): unknown[][] | undefined {
  const width = fields.length;
  // Every field an own key and no more keys than fields: then there is no unknown one either
  // (with a field named twice, every row is looked at in full).
  const distinct = new Set(fields).size === width;
  const cells: unknown[][] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as JsonRow;
    if (row === null || typeof row !== "object" || Array.isArray(row)) return undefined;
    let keys = 0;
    for (const key in row) {
      keys++;
      const value = row[key];
      if (value !== null && typeof value === "object") return undefined;
    }
    const out: unknown[] = new Array(width);
    let present = 0;
    for (let f = 0; f < width; f++) {
      const name = fields[f]!;
      if (Object.hasOwn(row, name)) present++;
      out[f] = row[name];
    }
    if (!distinct || present !== width || keys !== width) reportFields(file, fields, row, first + i + 1, report);
    cells[i] = out;
  }
  return cells;
}

/** Row objects as cells in the fields' order; a field absent or unknown is reported. */
function cellsOf(file: string, fields: readonly string[], rows: readonly JsonRow[], first: number, report: (p: VerifyProblem) => void): unknown[][] {
  return rows.map((row, i) => {
    reportFields(file, fields, row, first + i + 1, report);
    return fields.map((name) => row[name]);
  });
}

/** A row's unknown fields, then its absent ones. */
function reportFields(file: string, fields: readonly string[], row: JsonRow, n: number, report: (p: VerifyProblem) => void): void {
  for (const key of Object.keys(row)) if (!fields.includes(key)) report({ code: "data/fields", file, row: n, message: `unknown field ${JSON.stringify(key)}` });
  for (const name of fields) if (!(name in row)) report({ code: "data/fields", file, row: n, message: `field ${name} is absent (a missing value is an explicit null)` });
}
