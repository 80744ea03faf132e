import type { JsonCell } from "./json-rows.js";

/** A table's values as one format holds them, reduced to a digest: equal digests, equal values. */
export interface FormatDigest {
  /** The table the resource holds (the CSV resource's name; `meetings-json` holds `meetings`). */
  table: string;
  format: string;
  file: string;
  rows: number;
  digest: string;
}

/** What kind of value a cell holds, mixed into the digest with its hash. */
export const TAG = { text: 1, number: 2, true: 3, false: 4, missing: 5, rowEnd: 6 } as const;

/** The hash of the last cell hashed (two 32-bit lanes), set by hashText, hashUtf8 and hashNumber. */
export const cellHash = new Int32Array(2);

/**
 * Hash a text by its UTF-16 units (FNV-1a, 32 bits a cell, spread to the two lanes the row digest
 * mixes). Not a cryptographic hash: the digest tells formats that were written apart, or altered,
 * from one another (two different cells agree once in 2³² times), while the files themselves are
 * held to their SHA-256 hashes.
 */
export function hashText(text: string): void {
  let a = 0x811c9dc5 | 0;
  for (let i = 0; i < text.length; i++) a = Math.imul(a ^ text.charCodeAt(i), 0x01000193);
  finishCell(a, text.length);
}

/**
 * A cell's two lanes from its running FNV-1a lane and its length in UTF-16 units: one lane a
 * character (a second one cost 40% more, for nothing a format's digest needs), spread to two.
 */
function finishCell(a: number, n: number): void {
  const h = Math.imul(a ^ n, 0x01000193);
  cellHash[0] = h;
  let b = Math.imul(h ^ 0x9747b28c ^ (n << 7), 0x5bd1e995);
  b ^= b >>> 13;
  cellHash[1] = Math.imul(b, 0x5bd1e995);
}

/**
 * The code point of the well-formed UTF-8 sequence at `i` (its length in `utf8Length`), or -1
 * where the bytes are not well-formed UTF-8 (a stray or missing continuation byte, an overlong
 * form, a surrogate, past U+10FFFF, or cut off by `end`): such text is decoded as every reader
 * decodes it, each bad sequence as U+FFFD, never hashed as the character it imitates.
 */
function utf8Point(bytes: Uint8Array, i: number, end: number): number {
  const x = bytes[i]!;
  const c1 = i + 1 < end ? bytes[i + 1]! : 0;
  if (x >= 0xc2 && x <= 0xdf) {
    if ((c1 & 0xc0) !== 0x80) return -1;
    utf8Length = 2;
    return ((x & 0x1f) << 6) | (c1 & 0x3f);
  }
  const c2 = i + 2 < end ? bytes[i + 2]! : 0;
  if (x >= 0xe0 && x <= 0xef) {
    const low = x === 0xe0 ? 0xa0 : 0x80;
    const high = x === 0xed ? 0x9f : 0xbf;
    if (c1 < low || c1 > high || (c2 & 0xc0) !== 0x80) return -1;
    utf8Length = 3;
    return ((x & 0x0f) << 12) | ((c1 & 0x3f) << 6) | (c2 & 0x3f);
  }
  const c3 = i + 3 < end ? bytes[i + 3]! : 0;
  if (x >= 0xf0 && x <= 0xf4) {
    const low = x === 0xf0 ? 0x90 : 0x80;
    const high = x === 0xf4 ? 0x8f : 0xbf;
    if (c1 < low || c1 > high || (c2 & 0xc0) !== 0x80 || (c3 & 0xc0) !== 0x80) return -1;
    utf8Length = 4;
    return ((x & 0x07) << 18) | ((c1 & 0x3f) << 12) | ((c2 & 0x3f) << 6) | (c3 & 0x3f);
  }
  return -1;
}
let utf8Length = 0;

/**
 * Hash UTF-8 bytes as hashText hashes the text they encode (decoded here, nothing allocated);
 * bytes that are not well-formed UTF-8 are decoded as TextDecoder decodes them (U+FFFD) first.
 */
export function hashUtf8(bytes: Uint8Array, from: number, to: number): void {
  if (scanUtf8(bytes, from, to, false) < 0) hashText(new TextDecoder().decode(bytes.subarray(from, to)));
}

/**
 * Hash a JSON string's text from its UTF-8 bytes as hashText hashes it, from the byte after its
 * opening quote up to its closing quote, whose position is returned; or -1, with nothing hashed,
 * at a backslash (an escape, to be decoded first), a control character (not JSON), bytes that are
 * not well-formed UTF-8 (to be decoded as every reader decodes them), or at the end.
 */
export function hashJsonString(bytes: Uint8Array, from: number): number {
  return scanUtf8(bytes, from, bytes.length, true);
}

/**
 * Hash the UTF-8 text from `from` as hashText hashes it, to `end`, or (`json`) to the first
 * quote, and return where it stopped; -1, with nothing hashed, at bytes that are not well-formed
 * UTF-8, and (`json`) at a backslash, a control character or the end without a quote.
 */
function scanUtf8(bytes: Uint8Array, from: number, end: number, json: boolean): number {
  let a = 0x811c9dc5 | 0;
  let n = 0;
  let i = from;
  for (;;) {
    if (i >= end) {
      if (json) return -1;
      break;
    }
    const x = bytes[i]!;
    let point: number;
    if (x < 0x80) {
      if (json && (x === 0x22 || x === 0x5c || x < 0x20)) {
        if (x === 0x22) break;
        return -1;
      }
      point = x;
      i += 1;
    } else {
      point = utf8Point(bytes, i, end);
      if (point < 0) return -1;
      i += utf8Length;
    }
    if (point >= 0x10000) {
      a = Math.imul(a ^ (0xd800 + ((point - 0x10000) >> 10)), 0x01000193);
      a = Math.imul(a ^ (0xdc00 + ((point - 0x10000) & 0x3ff)), 0x01000193);
      n += 2;
    } else {
      a = Math.imul(a ^ point, 0x01000193);
      n++;
    }
  }
  finishCell(a, n);
  return i;
}

/** Hash a number: a 32-bit integer as itself, any other as its text. */
export function hashNumber(v: number): void {
  if (Number.isInteger(v) && v >= -0x80000000 && v <= 0x7fffffff) {
    cellHash[0] = v;
    cellHash[1] = ~v;
  } else hashText(String(v));
}

/**
 * A digest of a table's logical values, row by row in order, the same whichever format they were
 * read from: each cell's hash and kind are mixed into two running lanes, so that nothing but the
 * digest is kept and no text is built. The CSV and JSON files' values come from the cell checks
 * (`add`); a reader of another format mixes in its cells' hashes itself (`mix`, `endRow`).
 */
export class RowDigest {
  private s1 = 0x12345678 | 0;
  private s2 = 0x3c6ef372 | 0;
  rows = 0;
  /** Per column, the last text hashed and its hash: a sorted table repeats values in runs. */
  private lastText: (string | undefined)[] = [];
  private lastHash: number[] = [];

  /** Mix in one cell: its kind, and (for text and numbers) cellHash. */
  mix(tag: number, h1: number, h2: number): void {
    this.s1 = Math.imul((this.s1 ^ h1) + tag, 0x01000193);
    let s2 = Math.imul(this.s2 ^ h2 ^ (tag << 24), 0x5bd1e995);
    s2 ^= s2 >>> 15;
    this.s2 = s2;
  }

  endRow(): void {
    this.mix(TAG.rowEnd, 0, 0);
    this.rows++;
  }

  /** Add one row's values (the first `width` of `values`, as the cell checks give them). */
  add(values: readonly (JsonCell | undefined)[], width: number): void {
    for (let f = 0; f < width; f++) {
      const v = values[f];
      if (v === null || v === undefined) this.mix(TAG.missing, 0, 0);
      else if (typeof v === "string") {
        if (this.lastText[f] !== v) {
          hashText(v);
          this.lastText[f] = v;
          this.lastHash[2 * f] = cellHash[0]!;
          this.lastHash[2 * f + 1] = cellHash[1]!;
        }
        this.mix(TAG.text, this.lastHash[2 * f]!, this.lastHash[2 * f + 1]!);
      } else if (typeof v === "number") {
        hashNumber(v);
        this.mix(TAG.number, cellHash[0]!, cellHash[1]!);
      } else this.mix(v ? TAG.true : TAG.false, 0, 0);
    }
    this.endRow();
  }

  /** The digest of every row added. */
  finish(): string {
    return (this.s1 >>> 0).toString(16).padStart(8, "0") + (this.s2 >>> 0).toString(16).padStart(8, "0");
  }
}

/** The table a resource holds: its name without the `-<format>` the other formats' resources carry (`meetings-parquet`, format `Parquet`, holds `meetings`). */
export function tableOfResource(resource: { name: string; format?: string | undefined }): string {
  const suffix = `-${(resource.format ?? "").toLowerCase()}`;
  return resource.format !== undefined && resource.name.endsWith(suffix) ? resource.name.slice(0, -suffix.length) : resource.name;
}
