import { tableToIPC, type Table } from "apache-arrow";
import { Compression, EnabledStatistics, Table as WasmTable, writeParquet, WriterPropertiesBuilder, WriterVersion } from "parquet-wasm/node";
import type { Row, TableDef } from "../../tables/field-types.js";
import { arrowTable } from "../arrow/arrow-writer.js";
import type { TableWriter } from "../table-writer.js";

/**
 * Rows per row group: a 100,000-meeting corpus keeps its meetings in one group and its larger
 * tables (participants, names) in a few, which DuckDB, Spark and polars read in parallel.
 */
export const ROW_GROUP_ROWS = 131_072;

/**
 * Parquet, one file per table, from the same Arrow table as the Arrow file (so the same types:
 * DATE, INT32, BOOLEAN, UTF8 strings, dictionary-encoded categories, REQUIRED where the Arrow
 * field is non-nullable), written by the Rust arrow/parquet implementation (parquet-wasm).
 * Snappy: the codec every Parquet reader has (Spark, BigQuery, Trino, DuckDB, polars, pyarrow,
 * hyparquet). The writer stamps no time, so the bytes are reproducible.
 */
export const parquetWriter: TableWriter = {
  format: "parquet",
  costPerCell: 2.2,
  extension: "parquet",
  mediatype: "application/vnd.apache.parquet",
  write(table: TableDef, rows: readonly Row[]): Uint8Array {
    return parquetOf(arrowTable(table, rows));
  },
};

/** An Arrow table's Parquet bytes. */
export function parquetOf(table: Table): Uint8Array {
  return parquetOfStream(tableToIPC(table, "stream"));
}

/** The Parquet bytes of an Arrow table given as an IPC stream (what the Rust side reads). */
export function parquetOfStream(stream: Uint8Array): Uint8Array {
  const properties = new WriterPropertiesBuilder()
    .setWriterVersion(WriterVersion.V1)
    .setCompression(Compression.SNAPPY)
    .setDictionaryEnabled(true)
    .setStatisticsEnabled(EnabledStatistics.Chunk)
    .setMaxRowGroupSize(ROW_GROUP_ROWS)
    .build();
  return writeParquet(WasmTable.fromIPCStream(stream), properties);
}
