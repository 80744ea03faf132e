import type { UnplacedDiagnostic } from "../model/diagnostic.js";
import { makeDiagnostic } from "../catalogue/make-diagnostic.js";
import { decodeText } from "./decode-text.js";
import { parseRecord } from "./parse-record.js";

/** Bytes of one source file to a record: decode, then parse. Never throws on bad input. */
export function parseSourceBytes(file: string, bytes: Uint8Array): { record: unknown; diagnostics: UnplacedDiagnostic[] } {
  if (bytes.length === 0) {
    return { record: undefined, diagnostics: [makeDiagnostic("file/empty", {}, { file, line: 1, column: 1 })] };
  }
  const decoded = decodeText(file, bytes);
  if (decoded.text === undefined) return { record: undefined, diagnostics: decoded.diagnostics };
  return parseRecord(file, decoded.text);
}
