import type { FormatDigest } from "./row-digest.js";
import type { ProblemSink } from "./verify-problem.js";

/**
 * Every format of a table holds the same values: each file's digest is compared with the one most
 * of the table's files share (or, without a majority, the CSV file's). A difference names the file, not the row: the
 * digests were taken while reading, and nothing else is kept.
 */
export function compareFormats(digests: readonly FormatDigest[], sink: ProblemSink): void {
  const byTable = new Map<string, FormatDigest[]>();
  for (const d of digests) {
    if (!byTable.has(d.table)) byTable.set(d.table, []);
    byTable.get(d.table)!.push(d);
  }
  for (const [table, files] of byTable) {
    // The values most files agree on are the table's (a damaged CSV is blamed, not the two formats
    // that still agree); among those, or without a majority, the CSV file's, else the JSON's…
    const agreeing = (d: FormatDigest) => files.filter((o) => o.rows === d.rows && o.digest === d.digest).length;
    const most = Math.max(...files.map(agreeing));
    const candidates = most * 2 > files.length ? files.filter((d) => agreeing(d) === most) : files;
    const reference = [...candidates].sort((a, b) => rank(a.format) - rank(b.format))[0]!;
    for (const other of files) {
      if (other === reference) continue;
      if (other.rows !== reference.rows) {
        sink.add({ code: "data/formats-differ", file: other.file, message: `${other.rows} rows, where ${reference.file} has ${reference.rows}: every format of ${table} must hold the same rows` });
      } else if (other.digest !== reference.digest) {
        sink.add({ code: "data/formats-differ", file: other.file, message: `its values differ from ${reference.file}'s: every format of ${table} must hold the same values` });
      }
    }
  }
}

/** Which format's values stand for the table when files disagree: the checked CSV first. */
const RANK = ["csv", "json", "arrow", "parquet"];
function rank(format: string): number {
  const at = RANK.indexOf(format);
  return at < 0 ? RANK.length : at;
}
