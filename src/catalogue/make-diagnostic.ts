import type { UnplacedDiagnostic } from "../model/diagnostic.js";
import { CODES, type Code } from "./codes.js";

/** Parameters that fill a code's {placeholders}. */
export type Params = Record<string, string | number>;

/** Fill {placeholders} in a catalogue template. */
export function fillTemplate(template: string, params: Params): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in params ? String(params[key]) : whole,
  );
}

/** Where a finding is: the file and a JSON pointer, plus the position when already known. */
export interface Place {
  file: string;
  pointer?: string;
  line?: number;
  column?: number;
  atKey?: boolean;
}

/** Build a diagnostic from the catalogue: the code fixes severity, message and hint. */
export function makeDiagnostic(code: Code, params: Params, place: Place): UnplacedDiagnostic {
  const spec = CODES[code];
  const diagnostic: UnplacedDiagnostic = {
    code,
    severity: spec.severity,
    message: fillTemplate(spec.message, params),
    file: place.file,
    pointer: place.pointer ?? "",
    hint: fillTemplate(spec.hint, params),
  };
  if (place.line !== undefined) diagnostic.line = place.line;
  if (place.column !== undefined) diagnostic.column = place.column;
  if (place.atKey) diagnostic.atKey = true;
  return diagnostic;
}
