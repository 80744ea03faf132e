import type { Field } from "./descriptor-schema.js";

/** A file's values reduced to a digest (see row-digest.ts), or why it could not be read. */
export type ValueDigest = { rows: number; digest: string } | { problem: string };

/** Reads a format's file into the digest of its values, given the table's fields. */
export type ValueReader = (bytes: Uint8Array, fields: readonly Field[]) => ValueDigest | Promise<ValueDigest>;

/**
 * The formats `verify` reads for their values' digest alone, to compare them with the table's
 * checked CSV file (the CSV files are read by the table checks, which take their digests as they
 * go). A format is compared once its reader is registered here; each is loaded only when a
 * release holds that format. JSON is read so when its table has a CSV twin: equal values need no
 * checks of their own, and a JSON file that differs is then checked in full.
 */
export const VALUE_READERS: Readonly<Record<string, () => Promise<ValueReader>>> = {
  json: async () => (await import("./json-values.js")).digestJsonValues,
  arrow: async () => (await import("./arrow-values.js")).digestArrowValues,
  parquet: async () => (await import("./parquet-values.js")).digestParquetValues,
};
