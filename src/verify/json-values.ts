import type { Field } from "./descriptor-schema.js";
import type { JsonCell } from "./json-rows.js";
import { ReadAgain, readJsonTable, type RawTable } from "./read-raw-table.js";
import { cellHash, hashJsonString, hashNumber, hashText, RowDigest, TAG } from "./row-digest.js";
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
  const scanned = scanWriterLayout(bytes, names);
  if (scanned !== undefined) return scanned;
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

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/**
 * The digest of a JSON table in the JSON writer's layout (`[`, one row a line, each row's keys in
 * the fields' order, no spaces, `]`), taken from its bytes with nothing parsed into objects:
 * text hashed from its UTF-8 bytes (an escaped text decoded first), numbers, booleans and nulls
 * as the cell checks give them. Undefined at the first byte that is not that layout: the file is
 * then read as JSON, whatever its layout.
 */
function scanWriterLayout(bytes: Uint8Array, names: readonly string[]): ValueDigest | undefined {
  const n = bytes.length;
  const keys = names.map((name, i) => new TextEncoder().encode(`${i === 0 ? "{" : ","}${JSON.stringify(name)}:`));
  const digest = new RowDigest();
  if (bytes[0] !== 0x5b) return undefined;
  let at = 1;
  if (bytes[1] === 0x5d) return at + 1 === n || (at + 2 === n && bytes[2] === 0x0a) ? { rows: 0, digest: digest.finish() } : undefined;
  if (bytes[at++] !== 0x0a) return undefined;
  for (;;) {
    for (let f = 0; f < keys.length; f++) {
      const key = keys[f]!;
      for (let k = 0; k < key.length; k++) if (bytes[at + k] !== key[k]) return undefined;
      at += key.length;
      const c = bytes[at];
      if (c === QUOTE) {
        // Most texts have no escape: hashed as they are scanned for their closing quote.
        let end = hashJsonString(bytes, at + 1);
        if (end < 0) {
          for (end = at + 1; end < n && bytes[end] !== QUOTE; end++) if (bytes[end] === BACKSLASH) end++;
          if (end >= n) return undefined;
          let text: unknown;
          try {
            text = JSON.parse(new TextDecoder().decode(bytes.subarray(at, end + 1)));
          } catch {
            return undefined;
          }
          hashText(text as string);
        }
        digest.mix(TAG.text, cellHash[0]!, cellHash[1]!);
        at = end + 1;
      } else if (c === 0x74 && bytes[at + 1] === 0x72 && bytes[at + 2] === 0x75 && bytes[at + 3] === 0x65) {
        digest.mix(TAG.true, 0, 0);
        at += 4;
      } else if (c === 0x66 && bytes[at + 1] === 0x61 && bytes[at + 2] === 0x6c && bytes[at + 3] === 0x73 && bytes[at + 4] === 0x65) {
        digest.mix(TAG.false, 0, 0);
        at += 5;
      } else if (c === 0x6e && bytes[at + 1] === 0x75 && bytes[at + 2] === 0x6c && bytes[at + 3] === 0x6c) {
        digest.mix(TAG.missing, 0, 0);
        at += 4;
      } else {
        let end = at;
        while (end < n && (bytes[end] === 0x2d || bytes[end] === 0x2b || bytes[end] === 0x2e || bytes[end] === 0x45 || bytes[end] === 0x65 || (bytes[end]! >= 0x30 && bytes[end]! <= 0x39))) end++;
        if (end - at > 40) return undefined; // a number this long is left to JSON.parse
        const token = String.fromCharCode(...bytes.subarray(at, end));
        if (!NUMBER.test(token)) return undefined;
        hashNumber(Number(token));
        digest.mix(TAG.number, cellHash[0]!, cellHash[1]!);
        at = end;
      }
    }
    if (bytes[at++] !== 0x7d) return undefined;
    digest.endRow();
    if (bytes[at] === 0x2c && bytes[at + 1] === 0x0a) at += 2;
    else if (bytes[at] === 0x0a && bytes[at + 1] === 0x5d && (at + 2 === n || (at + 3 === n && bytes[at + 2] === 0x0a))) return { rows: digest.rows, digest: digest.finish() };
    else return undefined;
  }
}
