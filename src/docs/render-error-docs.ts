import { CODES } from "../catalogue/codes.js";

/** docs/errors.md, generated from the catalogue: every code with its severity, message and fix. */
export function renderErrorDocs(): string {
  const codes = Object.keys(CODES).sort() as (keyof typeof CODES)[];
  const namespaces = [...new Set(codes.map((c) => c.split("/")[0]!))];
  const lines = [
    "# Validation codes",
    "",
    "<!-- Generated from src/catalogue/codes.ts by `npm run gen:docs`. Do not edit by hand. -->",
    "",
    "`parlex validate` reports each finding as `file:line:col  severity  code  message`, followed by a hint.",
    "Errors make validation fail (exit 1); warnings and notes do not. Placeholders in `{braces}` are filled in.",
    "",
  ];
  for (const ns of namespaces) {
    lines.push(`## ${ns}/`, "");
    for (const code of codes.filter((c) => c.startsWith(ns + "/"))) {
      const spec = CODES[code];
      lines.push(`### \`${code}\` — ${spec.title}`, "", `- severity: ${spec.severity}`, `- message: ${spec.message}`, `- fix: ${spec.hint}`, "");
    }
  }
  return lines.join("\n");
}
