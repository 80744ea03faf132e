import { createHash } from "node:crypto";
import type { Kind } from "../../model/source-file.js";

/** The cache key of a file's check: its bytes, its kind and the toolkit that checks it. */
export function cacheKey(toolkit: string, kind: Kind, bytes: Uint8Array): string {
  return createHash("sha256").update(toolkit).update("\0").update(kind).update("\0").update(bytes).digest("hex");
}

/**
 * JSON text with every character past ASCII written as a `\u` escape. The cache log is read back
 * as Latin-1 (a plain copy of its bytes, several times faster than decoding UTF-8 at this size),
 * which is exact for ASCII; JSON.parse turns the escapes back into the same strings.
 */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007F-\uFFFF]/g, (c) => "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0"));
}
