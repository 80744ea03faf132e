import { citationAuthor, datasetIdentity } from "../dataset/identity.js";
import type { PackageSnapshot } from "../verify/read-package.js";
import { CHANGELOG_FILE, CHECKSUMS_FILE, CITATION_FILE, DATA_DICTIONARY_FILE, MANIFEST_FILE } from "../verify/package-files.js";

/** What the data card is made from. */
export interface DataCardFacts {
  version: string;
  date: string;
  snapshot: PackageSnapshot;
  archive: string;
}

/**
 * The release's README.md, a data card: what the dataset covers, rows per table, the meetings'
 * date range, the files, how to load them in pandas and R, how to verify and cite, the licence.
 */
export function renderDataCard(facts: DataCardFacts): string {
  const { descriptor: d, tables, helpers } = facts.snapshot;
  const identity = datasetIdentity();
  const title = d.title ?? d.name;
  const licence = ((d as { licenses?: { name?: string; path?: string }[] }).licenses ?? [])[0];
  const licenceText = licence?.name ? (licence.path ? `[${licence.name}](${licence.path})` : licence.name) : identity.licence.name;
  const lines = [`# ${title} — ${facts.version}`, "", `Released ${facts.date} · Frictionless Data Package v2 · data licence ${licenceText}`, ""];
  if (d.description) lines.push(d.description.trim(), "");
  const links = [identity.site && `Site: <${identity.site}>`, identity.repository && `Source: <${identity.repository}>`].filter(Boolean);
  if (links.length) lines.push(links.join(" · "), "");

  lines.push("## What it covers", "");
  const range = meetingRange(facts.snapshot);
  if (range) {
    lines.push(`${range.count} meetings, dated between ${range.first} and ${range.last}: the earliest day any of them can have taken place and the latest. Dates are as precise as the sources; a meeting they date only to a month, a year or an interval spans all of it, and \`date_start\` and \`date_end\` bound each meeting.`, "");
  }
  lines.push("| table | rows | one row is |", "|---|---:|---|");
  for (const t of tables.values()) lines.push(`| \`${t.name}\` | ${t.rows.length} | ${(t.resource.description ?? "").replace(/\|/g, "\\|")} |`);
  lines.push("", helpers.has(DATA_DICTIONARY_FILE) ? `Columns, types and allowed values: \`${DATA_DICTIONARY_FILE}\`, and the Table Schemas in \`datapackage.json\`.` : "Columns, types and constraints: the Table Schemas in `datapackage.json`.", "");

  lines.push("## Files", "", "| file | holds |", "|---|---|");
  lines.push("| `datapackage.json` | the Data Package v2 descriptor: every table's schema, primary and foreign keys, and each file's bytes and sha256 |");
  lines.push("| `csv/<table>.csv` | UTF-8, comma-separated, `\\n` line ends, a header row; an empty cell is a missing value |");
  lines.push("| `json/<table>.json` | an array of row objects with explicit `null`s |");
  const formats = new Set(d.resources.map((r) => r.path.split("/")[0]));
  lines.push("| `arrow/<table>.arrow` | Arrow IPC (Feather v2) with real types: `date32`, integers, booleans, strings; a column with categories dictionary-encoded |");
  if (formats.has("parquet")) lines.push("| `parquet/<table>.parquet` | Parquet (Snappy) with the same types: `DATE`, `INT32`, `BOOLEAN`, strings; categories dictionary-encoded |");
  if (helpers.has("load.py")) lines.push("| `load.py` | loads every table into pandas with the declared types, checking each file's hash |");
  if (helpers.has("load.R")) lines.push("| `load.R` | loads every table into R (readr) with the declared types, checking each file's hash |");
  if (helpers.has("load.sql")) lines.push("| `load.sql` | one typed DuckDB view per table, categories as ENUMs |");
  if (helpers.has(DATA_DICTIONARY_FILE)) lines.push(`| \`${DATA_DICTIONARY_FILE}\` | every table and column: type, Arrow type, required, allowed values, description |`);
  lines.push(`| \`${CHANGELOG_FILE}\` | what changed in each release, ID by ID |`);
  lines.push(`| \`${CITATION_FILE}\` | how to cite this release (Citation File Format 1.2.0) |`);
  lines.push(`| \`${CHECKSUMS_FILE}\` | the sha256 of every file here but itself and the archive |`);
  lines.push(`| \`${MANIFEST_FILE}\` | what the release was built from: the sources' digest and the toolkit's version |`);
  lines.push(`| \`${facts.archive}\` | all of the above in one download |`, "");

  lines.push("## Loading it", "");
  if (helpers.has("load.py")) lines.push("Python with pandas, from this folder:", "", "```python", "import load", 'tables = load.load(".")', 'meetings = tables["meetings"]', "```", "");
  if (helpers.has("load.R")) lines.push("R with readr and jsonlite, from this folder:", "", "```r", 'source("load.R")', 'tables <- parlex_load(".")', "meetings <- tables$meetings", "```", "");
  if (helpers.has("load.sql")) lines.push("DuckDB, from this folder (categories become ENUMs; nothing is guessed):", "", "```sql", ".read load.sql", "SELECT format, count(*) FROM meetings GROUP BY format;", "```", "");
  if (formats.has("parquet")) {
    lines.push("The Parquet files keep their types in any engine that reads Parquet:", "");
    lines.push("```python", "import polars as pl", 'meetings = pl.read_parquet("parquet/meetings.parquet")', "", "import pandas as pd  # with pyarrow", 'meetings = pd.read_parquet("parquet/meetings.parquet")', "```", "");
    lines.push("```sql", "-- DuckDB", "SELECT * FROM 'parquet/meetings.parquet';", "```", "");
    lines.push("```python", "# Spark (PySpark)", 'meetings = spark.read.parquet("parquet/meetings.parquet")', "```", "");
  }
  lines.push("Without the helpers, the Arrow files keep their types too: `pandas.read_feather(\"arrow/meetings.arrow\")` in Python, `arrow::read_feather(\"arrow/meetings.arrow\")` in R.", "");

  lines.push("## Verifying a download", "", "```sh", `sha256sum -c ${CHECKSUMS_FILE}`, "```", "", "or `parlex verify <this folder or the archive>`, which also checks every table against its schema and every foreign key.", "");

  const year = facts.date.slice(0, 4);
  lines.push("## How to cite", "", `${citationAuthor(identity)} (${year}). *${title}* (version ${facts.version}) [Data set]. Released ${facts.date}.`, "", `\`${CITATION_FILE}\` holds the same in Citation File Format.`, "");
  lines.push("## Licence", "", `The data is published under ${licenceText}: share and adapt it for any purpose, giving appropriate credit.`, "");
  return lines.join("\n");
}

/** The meetings table's extent: how many, the first `date_start` and the last `date_end`. */
function meetingRange(snapshot: PackageSnapshot): { count: number; first: string; last: string } | null {
  const rows = snapshot.tables.get("meetings")?.rows ?? [];
  const starts = rows.map((r) => r.date_start).filter((v): v is string => typeof v === "string").sort();
  const ends = rows.map((r) => r.date_end).filter((v): v is string => typeof v === "string").sort();
  if (!starts.length || !ends.length) return null;
  return { count: rows.length, first: starts[0]!, last: ends.at(-1)! };
}
