import type { Field } from "./descriptor-schema.js";
import type { JsonCell } from "./json-rows.js";
import { ReadAgain, readJsonTable, type RawTable } from "./read-raw-table.js";
import { RowDigest } from "./row-digest.js";
import type { ValueDigest } from "./value-readers.js";

/**
 * The digest of a JSON table file's values as they stand, with no cell checked: equal to the
 * digest the cell checks take when every value is already its field's logical value (the JSON
 * writer's output), so that a JSON table equal to its checked CSV twin needs no checks of its own.
 * Any field absent or unknown, or a file that is not an array of flat rows, is a problem: the
 * table is then checked in full.
 */
export function digestJsonValues(bytes: Uint8Array, fields: readonly Field[]): ValueDigest {
  const names = fields.map((f) => f.name);
  let raw: RawTable | { message: string } = readJsonTable("", names, bytes);
  for (;;) {
    if ("message" in raw) return { problem: raw.message };
    const digest = new RowDigest();
    let problem: string | undefined;
    try {
      raw.eachBatch(
        (rows) => {
          for (let i = 0; i < rows.length; i++) digest.add(rows[i] as (JsonCell | undefined)[], names.length);
        },
        (p) => (problem ??= p.message),
      );
    } catch (error) {
      if (!(error instanceof ReadAgain)) throw error;
      raw = error.thorough();
      continue;
    }
    return problem === undefined ? { rows: digest.rows, digest: digest.finish() } : { problem };
  }
}
