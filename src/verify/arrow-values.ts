import { DataType, makeVector, tableFromIPC, type Data, type Table, type Vector } from "apache-arrow";
import type { Field } from "./descriptor-schema.js";
import { cellHash, hashNumber, hashText, hashUtf8, RowDigest, TAG } from "./row-digest.js";
import type { ValueDigest } from "./value-readers.js";

/**
 * The digest of an Arrow IPC file's values, as the table's fields declare them, equal to the CSV
 * and JSON files' when the values are: text is hashed from its UTF-8 bytes in the file's buffers
 * (a dictionary's entries once each), integers as numbers, Date32 days as their YYYY-MM-DD text,
 * as the cell checks give dates. Nothing is decoded into strings but the dates.
 */
export function digestArrowValues(bytes: Uint8Array, fields: readonly Field[]): ValueDigest {
  let table: Table;
  try {
    table = tableFromIPC(bytes);
  } catch (error) {
    return { problem: `not an Arrow IPC file: ${(error as Error).message}` };
  }
  const names = table.schema.fields.map((f) => f.name);
  if (names.join("\u0000") !== fields.map((f) => f.name).join("\u0000")) {
    return { problem: `columns are ${names.join(", ")}; the table's schema says ${fields.map((f) => f.name).join(", ")}` };
  }
  for (const [i, field] of fields.entries()) {
    const type = table.schema.fields[i]!.type;
    if (!holds(type, field.type)) return { problem: `column ${field.name} is ${String(type)}, where the table's schema says ${field.type}` };
  }
  const digest = new RowDigest();
  const width = fields.length;
  for (const batch of table.batches) {
    const n = batch.numRows;
    const columns = fields.map((_, i) => columnHashes(batch.getChildAt(i)!.data[0]!, n));
    for (let r = 0; r < n; r++) {
      for (let f = 0; f < width; f++) {
        const c = columns[f]!;
        digest.mix(c.tags[r]!, c.h1[r]!, c.h2[r]!);
      }
      digest.endRow();
    }
  }
  return { rows: digest.rows, digest: digest.finish() };
}

interface ColumnHashes {
  tags: Uint8Array;
  h1: Int32Array;
  h2: Int32Array;
}

/** Each cell's kind and hash, for one column of a record batch. */
function columnHashes(data: Data, n: number): ColumnHashes {
  const out: ColumnHashes = { tags: new Uint8Array(n), h1: new Int32Array(n), h2: new Int32Array(n) };
  const valid = validity(data);
  const set = (r: number, tag: number) => {
    out.tags[r] = tag;
    out.h1[r] = cellHash[0]!;
    out.h2[r] = cellHash[1]!;
  };
  const type = data.type;
  if (DataType.isUtf8(type)) {
    const offsets = data.valueOffsets as Int32Array;
    const values = data.values as Uint8Array;
    for (let r = 0; r < n; r++) {
      if (!valid(r)) out.tags[r] = TAG.missing;
      else {
        hashUtf8(values, offsets[data.offset + r]!, offsets[data.offset + r + 1]!);
        set(r, TAG.text);
      }
    }
  } else if (DataType.isDictionary(type)) {
    const dictionary = dictionaryHashes((data as Data & { dictionary: Vector }).dictionary);
    const indices = data.values as ArrayLike<number>;
    for (let r = 0; r < n; r++) {
      if (!valid(r)) out.tags[r] = TAG.missing;
      else {
        const k = Number(indices[data.offset + r]);
        out.tags[r] = TAG.text;
        out.h1[r] = dictionary.h1[k]!;
        out.h2[r] = dictionary.h2[k]!;
      }
    }
  } else if (DataType.isDate(type)) {
    if (!DataType.isDate(type) || (type as { unit: number }).unit !== 0) return otherHashes(data, n);
    const values = data.values as Int32Array;
    for (let r = 0; r < n; r++) {
      if (!valid(r)) out.tags[r] = TAG.missing;
      else {
        hashText(dayText(values[data.offset + r]!));
        set(r, TAG.text);
      }
    }
  } else if (DataType.isInt(type) && (type as { bitWidth: number }).bitWidth <= 32) {
    const values = data.values as Int32Array;
    for (let r = 0; r < n; r++) {
      if (!valid(r)) out.tags[r] = TAG.missing;
      else {
        hashNumber(values[data.offset + r]!);
        set(r, TAG.number);
      }
    }
  } else if (DataType.isBool(type)) {
    const values = data.values as Uint8Array;
    for (let r = 0; r < n; r++) {
      const at = data.offset + r;
      out.tags[r] = !valid(r) ? TAG.missing : (values[at >> 3]! >> (at & 7)) & 1 ? TAG.true : TAG.false;
    }
  } else {
    // Any other type (none is written today): read value by value.
    return otherHashes(data, n);
  }
  return out;
}

/** Hashes of a dictionary's text entries, each taken once. */
function dictionaryHashes(dictionary: Vector): { h1: Int32Array; h2: Int32Array } {
  const h1 = new Int32Array(dictionary.length);
  const h2 = new Int32Array(dictionary.length);
  let k = 0;
  for (const chunk of dictionary.data) {
    const offsets = chunk.valueOffsets as Int32Array;
    const values = chunk.values as Uint8Array;
    for (let i = 0; i < chunk.length; i++, k++) {
      hashUtf8(values, offsets[chunk.offset + i]!, offsets[chunk.offset + i + 1]!);
      h1[k] = cellHash[0]!;
      h2[k] = cellHash[1]!;
    }
  }
  return { h1, h2 };
}

/** Whether each row of a column holds a value (its validity bitmap, when it has nulls). */
function validity(data: Data): (r: number) => boolean {
  const bitmap = data.nullBitmap;
  if (data.nullCount === 0 || !bitmap || bitmap.length === 0) return () => true;
  return (r) => {
    const at = data.offset + r;
    return ((bitmap[at >> 3]! >> (at & 7)) & 1) === 1;
  };
}

/** A column of a type this toolkit does not write, hashed from its values one by one. */
function otherHashes(data: Data, n: number): ColumnHashes {
  const out: ColumnHashes = { tags: new Uint8Array(n), h1: new Int32Array(n), h2: new Int32Array(n) };
  const vector = makeVector(data);
  for (let r = 0; r < n; r++) {
    const v: unknown = vector.get(r);
    if (v === null || v === undefined) out.tags[r] = TAG.missing;
    else if (typeof v === "boolean") out.tags[r] = v ? TAG.true : TAG.false;
    else {
      if (typeof v === "number" || typeof v === "bigint") hashNumber(Number(v));
      else hashText(String(v));
      out.tags[r] = typeof v === "number" || typeof v === "bigint" ? TAG.number : TAG.text;
      out.h1[r] = cellHash[0]!;
      out.h2[r] = cellHash[1]!;
    }
  }
  return out;
}

/** Dates repeat across rows: each distinct day is written out once. */
const days = new Map<number, string>();
function dayText(day: number): string {
  let text = days.get(day);
  if (text === undefined) {
    if (days.size > 100_000) days.clear();
    days.set(day, (text = new Date(day * 86_400_000).toISOString().slice(0, 10)));
  }
  return text;
}

/**
 * Whether an Arrow column's type holds a Table Schema type's values as the Arrow writer writes
 * them: text as Utf8 (or a dictionary of Utf8, for categories), integers and years as integers,
 * numbers as floats or integers, dates as dates, booleans as booleans. A date written as text, or
 * an integer as a float, would hash alike but is not what the descriptor declares.
 */
function holds(type: DataType, declared: string): boolean {
  switch (declared) {
    case "string":
      return DataType.isUtf8(type) || (DataType.isDictionary(type) && DataType.isUtf8((type as { dictionary: DataType }).dictionary));
    case "integer":
    case "year":
      return DataType.isInt(type);
    case "number":
      return DataType.isFloat(type) || DataType.isInt(type) || DataType.isDecimal(type);
    case "boolean":
      return DataType.isBool(type);
    case "date":
      return DataType.isDate(type);
    default:
      return true;
  }
}
