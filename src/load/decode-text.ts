import type { UnplacedDiagnostic } from "../model/diagnostic.js";
import { makeDiagnostic } from "../catalogue/make-diagnostic.js";

const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

/** Decode a source file's bytes as UTF-8 (a leading BOM is dropped), or say where it is not UTF-8. */
export function decodeText(
  file: string,
  bytes: Uint8Array,
): { text: string; diagnostics: [] } | { text: undefined; diagnostics: UnplacedDiagnostic[] } {
  try {
    return { text: decoder.decode(bytes), diagnostics: [] };
  } catch {
    const offset = firstInvalidByte(bytes);
    const { line, column } = bytePosition(bytes, offset);
    const byte = "0x" + (bytes[offset] ?? 0).toString(16).toUpperCase().padStart(2, "0");
    return { text: undefined, diagnostics: [makeDiagnostic("file/encoding", { byte }, { file, line, column })] };
  }
}

/** The offset of the first byte that breaks UTF-8 (the length when none does). */
function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    // A lead byte whose continuation is missing is the culprit (e.g. Latin-1 `é` before `t`), not the byte after it.
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    // Overlong, surrogate and out-of-range sequences: decide with the decoder on just this character.
    if (need > 0) {
      try {
        decoder.decode(bytes.subarray(i, i + need + 1));
      } catch {
        return i;
      }
    }
    i += need + 1;
  }
  return bytes.length;
}

/** 1-based line and column (in characters) of a byte offset, counting the valid UTF-8 before it. */
function bytePosition(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) (line++, (lineStart = i + 1));
  const before = new TextDecoder("utf-8").decode(bytes.subarray(lineStart, offset));
  return { line, column: [...before].length + 1 };
}
