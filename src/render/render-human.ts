import type { ValidationReport } from "../validate/build-report.js";

/** `file:line:col  severity  code  message` then the hint, then a one-line verdict. */
export function renderHuman(report: ValidationReport, color = false): string {
  const paint = (code: string, text: string) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const tone = { error: "31", warning: "33", info: "36" } as const;
  const lines: string[] = [];
  for (const d of report.diagnostics) {
    const where = d.file === "" ? report.root : d.line > 0 ? `${d.file}:${d.line}:${d.column}` : d.file;
    lines.push(`${where}  ${paint(tone[d.severity], d.severity)}  ${d.code}  ${d.message}`);
    lines.push(`    hint: ${d.hint}`);
  }
  const total = report.errors + report.warnings + report.infos;
  if (report.truncated) lines.push(`… ${report.diagnostics.length} of ${plural(total, "finding")} listed (--max-errors).`);
  const counts = [plural(report.errors, "error"), plural(report.warnings, "warning")];
  if (report.infos) counts.push(plural(report.infos, "note"));
  const files = plural(report.files, "file");
  lines.push(
    report.valid
      ? paint("32", `✓ ${report.root}: ${files} valid`) + ` (${counts.slice(1).join(", ")}); ${quotesVerdict(report.quotes)}.`
      : paint("31", `✗ ${report.root}: ${counts.join(", ")} in ${files}.`),
  );
  return lines.join("\n") + "\n";
}

/** What became of the quotes, in words: checked against the archived texts, not (no --archive), or none there. */
export function quotesVerdict(quotes: ValidationReport["quotes"]): string {
  return quotes === "verified" ? "quotes checked against their archived texts" : quotes === "skipped" ? "quotes not checked (no --archive)" : "no quotes to check";
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
