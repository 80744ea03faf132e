import type { Field } from "./descriptor-schema.js";

/** A file's values reduced to a digest (see row-digest.ts), or why it could not be read. */
export type ValueDigest = { rows: number; digest: string } | { problem: string };

/** Reads a format's file into the digest of its values, given the table's fields. */
export type ValueReader = (bytes: Uint8Array, fields: readonly Field[]) => ValueDigest;

/**
 * The formats `verify` reads only to compare their values with the table's (CSV and JSON are read
 * by the table checks, which take their digests as they go). A format is compared once its reader
 * is registered here; each is loaded only when a release holds that format.
 */
export const VALUE_READERS: Readonly<Record<string, () => Promise<ValueReader>>> = {
  arrow: async () => (await import("./arrow-values.js")).digestArrowValues,
};
