import { TABLES } from "../tables/table-definitions.js";
import { arrowType } from "../write/arrow/arrow-writer.js";

/** How docs/data-dictionary.md says where it comes from. */
const DOCS_NOTE = "<!-- Generated from src/tables/table-definitions.ts by `npm run gen:docs`. Do not edit by hand. -->";

/**
 * The data dictionary, generated from the table definitions: every table and column. For
 * docs/data-dictionary.md by default; every package carries it too, with its own `note`.
 */
export function renderDataDictionary(note: string = DOCS_NOTE): string {
  const lines = [
    "# Data dictionary",
    "",
    note,
    "",
    "Every table is published as CSV (`csv/<table>.csv`), JSON (`json/<table>.json`), Arrow (`arrow/<table>.arrow`)",
    "and Parquet (`parquet/<table>.parquet`), with the same rows and values. An empty CSV cell, a JSON `null` and an",
    "Arrow or Parquet null all mean the value is missing. Parquet has the Arrow types (`Date32` is `DATE`, `Int32` is",
    "`INT32`, `Bool` is `BOOLEAN`, a dictionary of strings is a dictionary-encoded string column). `load.sql` makes",
    "each table a typed DuckDB view, a column with allowed values an `ENUM` of them.",
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
