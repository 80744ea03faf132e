import { parentPort } from "node:worker_threads";
import type { Row } from "../../tables/field-types.js";
import { tableNamed } from "../../tables/table-definitions.js";
import { sha256Hex } from "../file-digest.js";
import { writeFormats } from "./write-formats.js";
import type { TableJob, TableJobResult } from "./write-tables.js";

// A writer thread: takes a table's rows as the JSON file's bytes, writes them in the other formats,
// and hands the JSON back with them, each file hashed. Its text writers keep no spare buffer past
// a table's text files: the Parquet writer's memory, grown next, never shrinks.
const decoder = new TextDecoder("utf-8");
parentPort!.on("message", (job: TableJob) => {
  const files = writeFormats(tableNamed(job.table), () => JSON.parse(decoder.decode(job.json)) as Row[], job.formats, { spare: false });
  const sha256 = [job.json, ...files].map(sha256Hex);
  parentPort!.postMessage({ id: job.id, json: job.json, files, sha256 } satisfies TableJobResult, [job.json, ...files].map((f) => f.buffer as ArrayBuffer));
});
