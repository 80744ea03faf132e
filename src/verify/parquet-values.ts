import { ParquetFile, readParquet } from "parquet-wasm/node";
import { digestArrowValues } from "./arrow-values.js";
import type { Field } from "./descriptor-schema.js";
import type { ValueDigest } from "./value-readers.js";

/**
 * The most a Parquet file may hold once decoded: 64 times its own size (the 100,000-meeting
 * release's tables hold 2–8 times theirs), at least 256 MiB, at most 2 GiB. Decoding a file
 * whose footer claims more is refused before it starts: its WebAssembly memory never shrinks.
 */
export const PARQUET_LIMITS = { ratio: 64, least: 256 * 1024 * 1024, most: 2 * 1024 * 1024 * 1024 } as const;

/**
 * The digest of a Parquet file's values: decoded by the Rust parquet implementation (parquet-wasm,
 * the library that writes them) into Arrow, whose values are then digested as an Arrow file's are.
 * Parquet keeps the Arrow schema it was written from, so the columns come back as Utf8,
 * dictionaries, Int32, Date32 and Bool; any other type is refused as not the declared one.
 */
export async function digestParquetValues(bytes: Uint8Array, fields: readonly Field[]): Promise<ValueDigest> {
  let ipc: Uint8Array;
  try {
    const file = await ParquetFile.fromFile(new Blob([bytes as Uint8Array<ArrayBuffer>]));
    let unpacked = 0;
    try {
      for (const group of file.metadata().rowGroups()) unpacked += group.totalByteSize();
    } finally {
      file.free();
    }
    const limit = Math.min(PARQUET_LIMITS.most, Math.max(PARQUET_LIMITS.least, bytes.length * PARQUET_LIMITS.ratio));
    if (unpacked > limit) return { problem: `its footer says it holds ${unpacked} bytes once decoded, more than the ${limit} read here` };
    const table = readParquet(bytes);
    ipc = table.intoIPCStream();
  } catch (error) {
    return { problem: `not a readable Parquet file: ${error instanceof Error ? error.message : String(error)}` };
  }
  return digestArrowValues(ipc, fields);
}
