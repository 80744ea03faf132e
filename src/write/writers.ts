import { arrowWriter } from "./arrow/arrow-writer.js";
import { csvWriter } from "./csv/csv-writer.js";
import { jsonWriter } from "./json/json-writer.js";
import { parquetWriter } from "./parquet/parquet-writer.js";
import type { TableWriter } from "./table-writer.js";

/** Every output format, in the order their files are listed in the descriptor. */
export const WRITERS: readonly TableWriter[] = [csvWriter, jsonWriter, arrowWriter, parquetWriter];
