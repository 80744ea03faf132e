import { createHash, type Hash } from "node:crypto";
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

/**
 * A digest of a table's logical values, row by row in order, the same whichever format they were
 * read from: each value as a token (text with its length, so no separator can be forged; numbers,
 * booleans and missing values marked), hashed a thousand rows at a time while the table is read,
 * so that nothing but the digest is kept.
 */
export class RowDigest {
  private readonly hash: Hash = createHash("sha256");
  private pending = "";
  private inBatch = 0;
  rows = 0;

  /** Add one row's values (the first `width` of `values`, as the cell checks give them). */
  add(values: readonly (JsonCell | undefined)[], width: number): void {
    let text = "";
    for (let i = 0; i < width; i++) text += valueToken(values[i]);
    this.pending += text + "\n";
    this.rows++;
    if (++this.inBatch === 1024) this.flush();
  }

  /** The digest of every row added (the digest is then final). */
  finish(): string {
    this.flush();
    return this.hash.digest("hex");
  }

  private flush(): void {
    if (this.pending !== "") this.hash.update(this.pending);
    this.pending = "";
    this.inBatch = 0;
  }
}

/** One value's token: dates are text (YYYY-MM-DD) in every format, as the cell checks give them. */
export function valueToken(v: JsonCell | undefined): string {
  if (v === null || v === undefined) return "~";
  if (typeof v === "string") return `${v.length}:${v}`;
  if (typeof v === "number") return `#${v};`;
  return v ? "T" : "F";
}

/** The table a resource holds: its name without the `-<format>` the other formats' resources carry. */
export function tableOfResource(resource: { name: string; format?: string | undefined }): string {
  const suffix = `-${resource.format ?? ""}`;
  return resource.format !== undefined && resource.name.endsWith(suffix) ? resource.name.slice(0, -suffix.length) : resource.name;
}
