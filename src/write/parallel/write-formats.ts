import { tableToIPC, type Table } from "apache-arrow";
import type { Row, TableDef } from "../../tables/field-types.js";
import { arrowTable } from "../arrow/arrow-writer.js";
import { parquetOf } from "../parquet/parquet-writer.js";
import type { TableWriter } from "../table-writer.js";
import { WRITERS } from "../writers.js";

/**
 * A table's files in the given formats, the bytes their writers give, with less memory at once:
 * the Arrow file and the Parquet file are made from one Arrow table (the Parquet writer would
 * build a second from the rows), and the rows are let go (when `rows` is a function, the only
 * holder) once that table is built, before the Parquet writer grows its WebAssembly memory
 * (which never shrinks). The 100,000-meeting cold build's peak RSS was over its 2 GB target
 * without this. Used by the writer threads and by the thread that starts them.
 */
export function writeFormats(table: TableDef, given: Row[] | (() => Row[]), formats: readonly TableWriter["format"][]): Uint8Array[] {
  let rows: Row[] | undefined = typeof given === "function" ? given() : given;
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
