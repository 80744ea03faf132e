import type { ValidationReport } from "../validate/build-report.js";

/** The report itself, as JSON: exactly what the library returns. */
export function renderJson(report: ValidationReport): string {
  return JSON.stringify(report, null, 2) + "\n";
}
