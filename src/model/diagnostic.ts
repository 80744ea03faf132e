/** How serious a finding is: errors fail validation, warnings and infos do not. */
export type Severity = "error" | "warning" | "info";

/** One finding about the sources, with a position a contributor can jump to. */
export interface Diagnostic {
  /** Stable, namespaced code from the catalogue, e.g. `ref/unknown-person`. */
  code: string;
  severity: Severity;
  message: string;
  /** Path relative to the working directory, with forward slashes. */
  file: string;
  /** 1-based line; 0 where the finding concerns no place in a file. */
  line: number;
  /** 1-based column; 0 where the finding concerns no place in a file. */
  column: number;
  /** JSON pointer into the record ("" for the whole file). */
  pointer: string;
  /** One line on how to fix it. */
  hint: string;
}

/** A diagnostic before its position in the YAML text is known. */
export type UnplacedDiagnostic = Omit<Diagnostic, "line" | "column"> & {
  line?: number;
  column?: number;
  /** Point at the property name rather than its value (unknown properties). */
  atKey?: boolean;
};

/** Order diagnostics by file, line, column, code, so output never flaps. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    cmp(a.file, b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    cmp(a.code, b.code) ||
    cmp(a.pointer, b.pointer) ||
    cmp(a.message, b.message)
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
