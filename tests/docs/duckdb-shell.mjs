// A stand-in for the duckdb shell, for README's SQL snippets (Debian has no duckdb): runs the
// statements given as one argument in an in-memory DuckDB, from the working folder, with the
// shell's `.read FILE` dot-command (the file's statements are run in its place), and prints each
// result's column names and rows as tab-separated lines. Exit 1 on the first error.
import { readFileSync } from "node:fs";
import { DuckDBInstance } from "@duckdb/node-api";

const script = process.argv[2] ?? "";
const connection = await (await DuckDBInstance.create(":memory:")).connect();
let pending = "";
const flush = async () => {
  if (pending.trim() === "") return;
  const reader = await connection.runAndReadAll(pending);
  pending = "";
  if (reader.columnCount === 0) return;
  console.log(reader.columnNames().join("\t"));
  for (const row of reader.getRowsJson()) console.log(row.join("\t"));
};
try {
  for (const line of script.split("\n")) {
    const dot = /^\.read\s+(\S+)\s*$/.exec(line.trim());
    if (dot) {
      await flush();
      await connection.run(readFileSync(dot[1], "utf8"));
    } else {
      pending += line + "\n";
      if (line.trim().endsWith(";")) await flush();
    }
  }
  await flush();
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
