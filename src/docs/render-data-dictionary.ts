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
    "## Dates: bounds, open ranges and unknown years",
    "",
    "Sources often bound a day rather than give it. `date` is the value as the sources give it: a day, a month, a year, an",
    "interval `start/end`, or an *open range* `start/..` when nothing bounds its end. `date_start` and `date_end` are the",
    "first and last day it can be (`date_end` is empty for an open range) and `date_precision` says which case it is.",
    "Only a row with `date_precision` `day` was observed on `date_start`; every other `date_start` is a bound.",
    "",
    "**Counting by year:** a row's year is known only when `date_start` and `date_end` fall in the same year. A row whose",
    "`date_end` is empty or in a later year has an unknown year: count it apart (\"year unknown\"), not under the year of",
    "`date_start`. The same holds for `positions`, whose dates are the earliest and latest possible days of an office's",
    "first and last attestation, never the days a term began or ended.",
    "",
    "## Editorial values",
    "",
    "Values no document gives are flagged where they appear: `documents.title_editorial` (a bracketed description for a",
    "document without a headline), `person_names.editorial` and `body_names.editorial` (with a note), and the `office`",
    "columns of `meeting_participants` and `positions` (an editorial classification of the roles as worded).",
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
