import { compareDiagnostics, type Diagnostic } from "../model/diagnostic.js";

/** The outcome of validating a source tree: what the CLI renders and `--format json` prints. */
export interface ValidationReport {
  /** True when there is no error (warnings and infos allowed). */
  valid: boolean;
  /** The sources root that was validated. */
  root: string;
  /** How many source files were read. */
  files: number;
  errors: number;
  warnings: number;
  infos: number;
  /** Quotes (direct and reported speech) checked against the archive, skipped (no archive given), or none to check. */
  quotes: "verified" | "skipped" | "none";
  /** True when --max-errors cut the list; the counts above are still complete. */
  truncated: boolean;
  diagnostics: Diagnostic[];
}

/** Sort findings stably and count them; list at most `maxDiagnostics` of them. */
export function buildReport(
  root: string,
  files: number,
  diagnostics: readonly Diagnostic[],
  quotes: ValidationReport["quotes"],
  maxDiagnostics = Infinity,
): ValidationReport {
  const sorted = [...diagnostics].sort(compareDiagnostics);
  const count = (s: Diagnostic["severity"]) => sorted.filter((d) => d.severity === s).length;
  const errors = count("error");
  return {
    valid: errors === 0,
    root,
    files,
    errors,
    warnings: count("warning"),
    infos: count("info"),
    quotes,
    truncated: sorted.length > maxDiagnostics,
    diagnostics: sorted.slice(0, maxDiagnostics),
  };
}
