import type { UnplacedDiagnostic } from "../model/diagnostic.js";
import { makeDiagnostic } from "../catalogue/make-diagnostic.js";
import { decodeText } from "./decode-text.js";
import { parseFastYaml } from "./fast-yaml.js";
import { findEscapedControl } from "./find-escaped-control.js";
import { findControlCharacter, parseRecord } from "./parse-record.js";

/** No record needs more than this; a larger file is refused before it is parsed. */
export const MAX_FILE_BYTES = 1024 * 1024;

/**
 * Bytes of one source file to a record: decode, then parse — by the fast reader when the text is
 * in its plain subset, else by the yaml library, which also places every error. Never throws on bad input.
 */
export function parseSourceBytes(file: string, bytes: Uint8Array): { record: unknown; diagnostics: UnplacedDiagnostic[] } {
  if (bytes.length > MAX_FILE_BYTES) {
    const params = { bytes: bytes.length, limit: MAX_FILE_BYTES };
    return { record: undefined, diagnostics: [makeDiagnostic("file/too-large", params, { file, line: 0, column: 0 })] };
  }
  if (bytes.length === 0) {
    return { record: undefined, diagnostics: [makeDiagnostic("file/empty", {}, { file, line: 1, column: 1 })] };
  }
  const decoded = decodeText(file, bytes);
  if (decoded.text === undefined) return { record: undefined, diagnostics: decoded.diagnostics };
  const control = findControlCharacter(file, decoded.text);
  if (control) return { record: undefined, diagnostics: [control] };
  const fast = parseFastYaml(decoded.text);
  const parsed = fast !== undefined ? { record: fast, diagnostics: [] } : parseRecord(file, decoded.text);
  // The raw text has no control character (checked above), so only an escape can have put one in
  // the record, and every YAML escape starts with a backslash: without one, there is nothing to find.
  const escaped = parsed.record === undefined || !decoded.text.includes("\\") ? undefined : findEscapedControl(file, decoded.text, parsed.record);
  return escaped ? { record: undefined, diagnostics: [escaped] } : parsed;
}
