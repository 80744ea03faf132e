import { tableToIPC, type Table } from "apache-arrow";
import { parentPort } from "node:worker_threads";
import type { Row, TableDef } from "../../tables/field-types.js";
import { tableNamed } from "../../tables/table-definitions.js";
import { arrowTable } from "../arrow/arrow-writer.js";
import { sha256Hex } from "../file-digest.js";
import { parquetOf } from "../parquet/parquet-writer.js";
import type { TableWriter } from "../table-writer.js";
import { WRITERS } from "../writers.js";
import type { TableJob, TableJobResult } from "./write-tables.js";

// A writer thread: takes a table's rows as the JSON file's bytes, writes them in the other formats,
// and hands the JSON back with them, each file hashed.
const decoder = new TextDecoder("utf-8");
parentPort!.on("message", (job: TableJob) => {
  const files = writeFormats(tableNamed(job.table), job.json, job.formats);
  const sha256 = [job.json, ...files].map(sha256Hex);
  parentPort!.postMessage({ id: job.id, json: job.json, files, sha256 } satisfies TableJobResult, [job.json, ...files].map((f) => f.buffer as ArrayBuffer));
});

/**
 * A table's files in the given formats, the bytes their writers give, with less memory at once:
 * the Arrow file and the Parquet file are made from one Arrow table (the Parquet writer would
 * build a second from the rows), and the rows are let go once that table is built, before the
 * Parquet writer grows its WebAssembly memory (which never shrinks). The 100,000-meeting cold
 * build's peak RSS was over its 2 GB target without this.
 */
function writeFormats(table: TableDef, json: Uint8Array, formats: readonly TableWriter["format"][]): Uint8Array[] {
  let rows: Row[] | undefined = JSON.parse(decoder.decode(json)) as Row[];
  let arrow: Table | undefined;
  const arrowOf = () => (arrow ??= arrowTable(table, rows!));
  // Rows are wanted by a format still to write other than Arrow and Parquet (the Arrow table, once built, has them).
  const rowsWanted = (i: number) => formats.slice(i + 1).some((f) => f !== "arrow" && f !== "parquet");
  return formats.map((format, i) => {
    let bytes: Uint8Array;
    if (format === "arrow") bytes = tableToIPC(arrowOf(), "file");
    else if (format === "parquet") bytes = parquetOf(arrowOf());
    else bytes = WRITERS.find((w) => w.format === format)!.write(table, rows!);
    if (arrow !== undefined && !rowsWanted(i)) rows = undefined;
    return bytes;
  });
}
