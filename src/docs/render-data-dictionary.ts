import { TABLES } from "../tables/table-definitions.js";
import { arrowType } from "../write/arrow/arrow-writer.js";

/** docs/data-dictionary.md, generated from the table definitions: every table and column. */
export function renderDataDictionary(): string {
  const lines = [
    "# Data dictionary",
    "",
    "<!-- Generated from src/tables/table-definitions.ts by `npm run gen:docs`. Do not edit by hand. -->",
    "",
    "Every table is published as CSV (`csv/<table>.csv`), JSON (`json/<table>.json`) and Arrow (`arrow/<table>.arrow`),",
    "with the same rows and values. An empty CSV cell, a JSON `null` and an Arrow null all mean the value is missing.",
    "",
    "| table | primary key | rows are |",
    "|---|---|---|",
    ...TABLES.map((t) => `| [\`${t.name}\`](#${t.name}) | ${t.primaryKey.join(", ")} | ${t.description} |`),
    "",
  ];
  for (const table of TABLES) {
    lines.push(`## ${table.name}`, "", table.description, "", `Primary key: ${table.primaryKey.map((k) => `\`${k}\``).join(", ")}.`);
    for (const fk of table.foreignKeys) {
      lines.push(`Foreign key: ${fk.fields.map((f) => `\`${f}\``).join(", ")} → \`${fk.reference.table}\`(${fk.reference.fields.join(", ")}).`);
    }
    lines.push("", "| column | type | Arrow type | required | allowed values | description |", "|---|---|---|---|---|---|");
    table.fields.forEach((f, i) => {
      const allowed = f.categories ? f.categories.map((c) => `\`${c}\``).join(", ") : f.pattern ? `pattern \`${f.pattern}\`` : f.minimum !== undefined ? `≥ ${f.minimum}` : "";
      const required = f.required || table.primaryKey.includes(f.name) ? "yes" : "no";
      lines.push(`| \`${f.name}\` | ${f.type} | ${String(arrowType(f, i)).replace(/\|/g, "\\|")} | ${required} | ${allowed.replace(/\|/g, "\\|")} | ${f.description} |`);
    });
    lines.push("");
  }
  return lines.join("\n");
}
