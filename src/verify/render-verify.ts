import { plural } from "../render/markdown-text.js";
import type { VerifyReport } from "./verify-package.js";

/** The report as data (what `--format json` prints). */
export function renderVerifyJson(report: VerifyReport): string {
  return JSON.stringify(report, null, 2) + "\n";
}

/** `file[:row]  code  message` per problem, then a one-line verdict. */
export function renderVerifyHuman(report: VerifyReport, color = false): string {
  const paint = (code: string, text: string) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const lines = report.problems.map((p) => `${p.file}${p.row !== undefined ? `:${p.row}` : ""}  ${paint("31", p.code)}  ${p.message}`);
  const what = `${report.target}${report.version ? ` (${report.version})` : ""}`;
  lines.push(
    report.ok
      ? paint("32", `✓ ${what} is intact:`) + ` ${plural(report.files, "file")} checked against SHA256SUMS and the descriptor; ${plural(report.tables, "CSV and JSON table")} (${plural(report.rows, "row")}) match their schemas; every foreign key resolves.`
      : paint("31", `✗ ${what}: ${plural(report.problems.length, "problem")}.`),
  );
  return lines.join("\n") + "\n";
}
