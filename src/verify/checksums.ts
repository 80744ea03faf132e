import { sha256Hex } from "../write/file-digest.js";
import { compareBytes } from "./file-source.js";

/** A checksum list in `sha256sum` format (`<hex>  <path>`), sorted by path, so `sha256sum -c` checks it. */
export function renderChecksums(files: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const lines = [...files.keys()].sort(compareBytes).map((file) => `${sha256Hex(files.get(file)!)}  ${file}\n`);
  return new TextEncoder().encode(lines.join(""));
}

/** One malformed line of a checksum list. */
export interface ChecksumLineProblem {
  line: number;
  text: string;
}

/** Parse a checksum list: hash by path, and the lines that are not `<64 hex>  <path>` (or ` *<path>`). */
export function parseChecksums(text: string): { sums: Map<string, string>; malformed: ChecksumLineProblem[] } {
  const sums = new Map<string, string>();
  const malformed: ChecksumLineProblem[] = [];
  const lines = text.split("\n");
  if (lines.at(-1) === "") lines.pop();
  lines.forEach((line, i) => {
    const match = /^([a-f0-9]{64}) [ *](.+)$/.exec(line);
    if (match && !sums.has(match[2]!)) sums.set(match[2]!, match[1]!);
    else malformed.push({ line: i + 1, text: line });
  });
  return { sums, malformed };
}
