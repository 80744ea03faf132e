import { tableToIPC, type Table } from "apache-arrow";
import type { Row, TableDef } from "../../tables/field-types.js";
import { arrowTable } from "../arrow/arrow-writer.js";
import { ByteSink } from "../byte-sink.js";
import { parquetOfStream } from "../parquet/parquet-writer.js";
import type { TableWriter } from "../table-writer.js";
import { WRITERS } from "../writers.js";

/**
 * A table's files in the given formats, the bytes their writers give, with less memory at once:
 * the Arrow file and the Parquet file are made from one Arrow table (the Parquet writer would
 * build a second from the rows); the rows are let go (when `rows` is a function, the only
 * holder) once that table is built, and the table once the Arrow file and the IPC stream the
 * Parquet writer reads are made, before that writer grows its WebAssembly memory (which never
 * shrinks). With `spare: false` (a writer thread), the text writers' spare buffer is let go then
 * too. The 100,000-meeting cold build's peak RSS was over its 2 GB target without these. Used by
 * the writer threads and by the thread that starts them.
 */
export function writeFormats(table: TableDef, given: Row[] | (() => Row[]), formats: readonly TableWriter["format"][], options: { spare?: boolean } = {}): Uint8Array[] {
  let rows: Row[] | undefined = typeof given === "function" ? given() : given;
  let arrow: Table | undefined;
  /** The IPC stream for the Parquet writer, made beside the Arrow file while the table is at hand. */
  let stream: Uint8Array | undefined;
  const arrowOf = () => (arrow ??= arrowTable(table, rows!));
  const later = (i: number) => formats.slice(i + 1);
  // Rows are wanted by a format still to write other than Arrow and Parquet (the Arrow table, once built, has them).
  const rowsWanted = (i: number) => later(i).some((f) => f !== "arrow" && f !== "parquet");
  return formats.map((format, i) => {
    let bytes: Uint8Array;
    if (format === "arrow") {
      bytes = tableToIPC(arrowOf(), "file");
      if (later(i).includes("parquet")) stream = tableToIPC(arrow!, "stream");
    } else if (format === "parquet") {
      if (options.spare === false) ByteSink.releaseSpare();
      bytes = parquetOfStream(stream ?? tableToIPC(arrowOf(), "stream"));
      stream = undefined;
    } else bytes = WRITERS.find((w) => w.format === format)!.write(table, rows!);
    if (arrow !== undefined && !rowsWanted(i)) rows = undefined;
    // The table is wanted by a format still to write that has neither it as bytes nor the rows.
    if (arrow !== undefined && !later(i).some((f) => f === "arrow" || (f === "parquet" && stream === undefined))) arrow = undefined;
    return bytes;
  });
}
