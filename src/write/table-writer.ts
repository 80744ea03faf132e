import type { Row, TableDef } from "../tables/field-types.js";

/** One output format: turns a table's rows into the bytes of one file. Pure and deterministic. */
export interface TableWriter {
  format: "csv" | "json" | "arrow" | "parquet";
  /** File extension, without the dot. */
  extension: string;
  mediatype: string;
  /** Text encoding, for textual formats only. */
  encoding?: string;
  /**
   * What writing a cell costs, relative to the other formats: how writer threads share the
   * tables out (write/parallel/). Measured on the 100,000-meeting bench corpus in one thread.
   */
  costPerCell: number;
  write(table: TableDef, rows: readonly Row[]): Uint8Array;
}
