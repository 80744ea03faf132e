import { readParquet } from "parquet-wasm/node";
import { digestArrowValues } from "./arrow-values.js";
import type { Field } from "./descriptor-schema.js";
import type { ValueDigest } from "./value-readers.js";

/**
 * The digest of a Parquet file's values: decoded by the Rust parquet implementation (parquet-wasm,
 * the library that writes them) into Arrow, whose values are then digested as an Arrow file's are.
 * Parquet keeps the Arrow schema it was written from, so the columns come back as Utf8,
 * dictionaries, Int32, Date32 and Bool; any other type is read value by value.
 */
export function digestParquetValues(bytes: Uint8Array, fields: readonly Field[]): ValueDigest {
  let ipc: Uint8Array;
  try {
    const table = readParquet(bytes);
    ipc = table.intoIPCStream();
  } catch (error) {
    return { problem: `not a readable Parquet file: ${error instanceof Error ? error.message : String(error)}` };
  }
  return digestArrowValues(ipc, fields);
}
