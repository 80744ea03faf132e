import type { ValidationReport } from "../validate/build-report.js";
import { quotesVerdict } from "./render-human.js";

const COMMAND = { error: "error", warning: "warning", info: "notice" } as const;

/** GitHub Actions workflow commands: one annotation per finding, shown on the PR's lines. */
export function renderGithub(report: ValidationReport): string {
  const lines = report.diagnostics.map((d) => {
    const props = [d.file && `file=${escapeProperty(d.file)}`, d.line > 0 && `line=${d.line}`, d.column > 0 && `col=${d.column}`, `title=${escapeProperty(d.code)}`]
      .filter(Boolean)
      .join(",");
    return `::${COMMAND[d.severity]} ${props}::${escapeData(`${d.message}\nhint: ${d.hint}`)}`;
  });
  lines.push(`parlex: ${plural(report.errors, "error")}, ${plural(report.warnings, "warning")} in ${plural(report.files, "file")}; ${quotesVerdict(report.quotes)}.`);
  return lines.join("\n") + "\n";
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
