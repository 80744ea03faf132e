import { makeData, makeVector, Table, tableFromIPC, tableToIPC, Utf8, type Vector } from "apache-arrow";
import type { Cell, Row, TableDef } from "../tables/field-types.js";
import { arrowColumn, arrowTableOf } from "../write/arrow/arrow-writer.js";
import { csvRow } from "../write/csv/csv-writer.js";
import { jsonRow } from "../write/json/json-writer.js";
import { parquetOf } from "../write/parquet/parquet-writer.js";

/** One table's files, as the writers write them. */
export interface TableFileSet {
  csv: Uint8Array;
  json: Uint8Array;
  arrow: Uint8Array;
  parquet: Uint8Array;
}

/** The same, each file as the pieces it is made of, in order (old bytes kept, not copied; Parquet made again from the patched Arrow table). */
export type PatchedFileSet = Record<keyof TableFileSet, Uint8Array[]>;

/** A row to replace: where it is in each file, and what it was. */
interface Edit {
  row: Row;
  old: Row;
  /** Its number among the table's rows. */
  index: number;
  /** Its line in the JSON file, without the comma that ends all lines but the last. */
  json: { start: number; end: number };
  csv?: { start: number; end: number };
}

/**
 * A table's files with some rows replaced by new rows of the same keys: the bytes the writers
 * give for the table with those rows, made from the old files without the other rows. Pure.
 *
 * Undefined when it cannot be done that way, and the table must be written whole: a key not in
 * the files, a file that is not as the writers write it, or a changed column that is not text.
 *
 * Each row is found by its key in the JSON, one row a line: a line opening with the key's object
 * cannot occur inside a string, where quotes are escaped. Its number there finds it in the CSV
 * (records counted past quoted line ends) and in the Arrow file, whose columns are re-encoded
 * only where a value changed; the others are written back as read, which gives the same bytes.
 */
export function patchTableFiles(table: TableDef, files: TableFileSet, rows: readonly Row[]): PatchedFileSet | undefined {
  const key = table.primaryKey[0]!;
  if (table.primaryKey.length !== 1 || table.fields[0]?.name !== key) return undefined;
  if (rows.length === 0) return { csv: [files.csv], json: [files.json], arrow: [files.arrow], parquet: [files.parquet] };
  const edits = findInJson(table, key, Buffer.from(files.json.buffer, files.json.byteOffset, files.json.byteLength), rows);
  if (!edits) return undefined;
  const csv = Buffer.from(files.csv.buffer, files.csv.byteOffset, files.csv.byteLength);
  if (!findInCsv(table, csv, edits)) return undefined;
  const arrow = patchArrow(table, files.arrow, key, edits);
  if (!arrow) return undefined;
  const text = jsonRow(table);
  const names = table.fields.map((f) => f.name);
  return {
    json: splice(files.json, edits.map((e) => ({ ...e.json, text: text(e.row) }))),
    csv: splice(files.csv, edits.map((e) => ({ ...e.csv!, text: csvRow(names, e.row) }))),
    arrow: [tableToIPC(arrow, "file")],
    parquet: [parquetOf(arrow)],
  };
}

/** Each row's line in the JSON file and its number, in file order; undefined if one is missing or unlike the writer's. */
function findInJson(table: TableDef, key: string, json: Buffer, rows: readonly Row[]): Edit[] | undefined {
  const text = jsonRow(table);
  const found: Omit<Edit, "index">[] = [];
  const keys = new Set<Cell>();
  for (const row of rows) {
    if (keys.has(row[key] ?? null)) return undefined;
    keys.add(row[key] ?? null);
    const at = json.indexOf(`\n{${JSON.stringify(key)}:${JSON.stringify(row[key] ?? null)},`);
    if (at < 0) return undefined;
    const start = at + 1;
    const lineEnd = json.indexOf(10, start);
    if (lineEnd < 0) return undefined;
    const end = json[lineEnd - 1] === 0x2c ? lineEnd - 1 : lineEnd;
    const line = json.toString("utf8", start, end);
    let old: Row;
    try {
      old = JSON.parse(line) as Row;
    } catch {
      return undefined;
    }
    if (text(old) !== line) return undefined;
    found.push({ row, old, json: { start, end } });
  }
  found.sort((a, b) => a.json.start - b.json.start);
  // A row's number is its line's, less the opening "[" line.
  const edits: Edit[] = [];
  let lines = 0;
  let at = -1;
  for (const edit of found) {
    for (let next = json.indexOf(10, at + 1); next !== -1 && next < edit.json.start; next = json.indexOf(10, at + 1)) {
      lines++;
      at = next;
    }
    edits.push({ ...edit, index: lines - 1 });
  }
  return edits;
}

/** Find each row's record in the CSV by its number, and check that it holds the old row; false if not. */
function findInCsv(table: TableDef, csv: Buffer, edits: Edit[]): boolean {
  const names = table.fields.map((f) => f.name);
  let start = recordEnd(csv, 0) + 1; // past the header
  let index = 0;
  for (const edit of edits) {
    for (; index < edit.index && start < csv.length; index++) start = recordEnd(csv, start) + 1;
    if (index !== edit.index || start >= csv.length) return false;
    const end = recordEnd(csv, start);
    if (csv.toString("utf8", start, end) !== csvRow(names, edit.old)) return false;
    edit.csv = { start, end };
  }
  return true;
}

/** Where the CSV record from `start` ends: its line end outside quotes (or the end of the bytes). */
function recordEnd(csv: Buffer, start: number): number {
  let at = start;
  for (;;) {
    const lineEnd = csv.indexOf(10, at);
    const quote = csv.indexOf(0x22, at);
    if (quote < 0 || (lineEnd >= 0 && lineEnd < quote)) return lineEnd < 0 ? csv.length : lineEnd;
    // A quoted cell: skip to its closing quote (a doubled quote is part of the text).
    let close = csv.indexOf(0x22, quote + 1);
    while (close >= 0 && csv[close + 1] === 0x22) close = csv.indexOf(0x22, close + 2);
    if (close < 0) return csv.length;
    at = close + 1;
  }
}

/** The Arrow table with the rows replaced: changed text columns encoded again, the others as read. */
function patchArrow(table: TableDef, bytes: Uint8Array, key: string, edits: readonly Edit[]): Table | undefined {
  let old: Table;
  try {
    old = tableFromIPC(bytes);
  } catch {
    return undefined;
  }
  const ids = old.getChild(key);
  if (!ids || edits.some((e) => e.index >= old.numRows || ids.get(e.index) !== e.row[key])) return undefined;
  const columns: Vector[] = [];
  for (const [position, field] of table.fields.entries()) {
    const column = old.getChild(field.name);
    if (!column || column.data.length !== 1) return undefined;
    const changed = edits.filter((e) => (e.row[field.name] ?? null) !== (e.old[field.name] ?? null));
    if (changed.length === 0) {
      columns.push(column);
      continue;
    }
    if (field.type !== "string") return undefined;
    const spliced = field.categories ? undefined : spliceUtf8(column, changed, field.name);
    if (spliced) {
      columns.push(spliced);
      continue;
    }
    const values: Cell[] = new Array(old.numRows);
    for (let i = 0; i < old.numRows; i++) values[i] = (column.get(i) as string | null) ?? null;
    for (const e of changed) values[e.index] = e.row[field.name] ?? null;
    columns.push(arrowColumn(field, position, values));
  }
  return arrowTableOf(table, columns);
}

/**
 * A plain text column with some values replaced, made from its buffers as read: the new values'
 * bytes spliced into its UTF-8 buffer and the offsets after each moved by the change in length,
 * which is what encoding every value again gives, without decoding 100,000 strings. Undefined
 * when a value changes between null and text (the validity bits change), or the column is not
 * one plain chunk: it is then encoded again.
 */
function spliceUtf8(column: Vector, changed: readonly Edit[], name: string): Vector | undefined {
  if (column.data.length !== 1) return undefined;
  const data = column.data[0]!;
  if (!(data.type instanceof Utf8) || data.offset !== 0) return undefined;
  if (changed.some((e) => (e.row[name] ?? null) === null || (e.old[name] ?? null) === null)) return undefined;
  const length = data.length;
  const offsets = data.valueOffsets.subarray(0, length + 1);
  const values = data.values.subarray(0, offsets[length]);
  const pieces: Uint8Array[] = [];
  const newOffsets = new Int32Array(length + 1);
  let shift = 0;
  let row = 0; // the first row whose offset is not yet in newOffsets
  let from = 0; // the first byte of the old values not yet in pieces
  // In row order, as findInJson gives them.
  for (const edit of changed) {
    const bytes = Buffer.from(edit.row[name] as string, "utf8");
    for (; row <= edit.index; row++) newOffsets[row] = offsets[row]! + shift;
    pieces.push(values.subarray(from, offsets[edit.index]), bytes);
    from = offsets[edit.index + 1]!;
    shift += bytes.length - (from - offsets[edit.index]!);
  }
  for (; row <= length; row++) newOffsets[row] = offsets[row]! + shift;
  pieces.push(values.subarray(from));
  const joined = Buffer.concat(pieces);
  return makeVector(makeData({ type: data.type, length, nullCount: data.nullCount, nullBitmap: data.nullBitmap, valueOffsets: newOffsets, data: new Uint8Array(joined.buffer, joined.byteOffset, joined.byteLength) }));
}

/** Bytes with ranges (in order, not overlapping) replaced by texts, as pieces: joining them would copy the whole file once more. */
function splice(bytes: Uint8Array, ranges: readonly { start: number; end: number; text: string }[]): Uint8Array[] {
  const parts: Uint8Array[] = [];
  let at = 0;
  for (const { start, end, text } of ranges) {
    parts.push(bytes.subarray(at, start), Buffer.from(text, "utf8"));
    at = end;
  }
  parts.push(bytes.subarray(at));
  return parts;
}
