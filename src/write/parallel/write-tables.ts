import { Worker } from "node:worker_threads";
import type { Tables } from "../../tables/field-types.js";
import { TABLES } from "../../tables/table-definitions.js";
import type { TableWriter } from "../table-writer.js";
import { WRITERS } from "../writers.js";

/** A table for a writer thread: its rows as JSON bytes, and the formats to write. */
export interface TableJob {
  id: number;
  table: string;
  json: Uint8Array;
  formats: TableWriter["format"][];
}

/** A writer thread's answer: the files, in the order of the job's formats. */
export interface TableJobResult {
  id: number;
  files: Uint8Array[];
}

/** Every table in every format, by format then table: `files[format][table]`. */
export type TableFiles = Map<TableWriter["format"], Map<string, Uint8Array>>;

/** Write every table in every format in this thread. */
export function writeTablesHere(tables: Tables): TableFiles {
  const out: TableFiles = new Map(WRITERS.map((w) => [w.format, new Map()]));
  for (const writer of WRITERS) for (const table of TABLES) out.get(writer.format)!.set(table.name, writer.write(table, tables[table.name] ?? []));
  return out;
}

/**
 * Write every table in every format with two writer threads: this thread writes each table's
 * JSON, and hands the bytes to one thread for CSV and one for Arrow, which read the rows back from
 * them (JSON carries strings, integers, booleans and nulls exactly) while this thread goes on to
 * the next table. The bytes are the same as `writeTablesHere` gives (a test holds them to it).
 */
export async function writeTablesInThreads(tables: Tables): Promise<TableFiles> {
  const json = WRITERS.find((w) => w.format === "json")!;
  const others = WRITERS.filter((w) => w.format !== "json").map((w) => w.format);
  const out: TableFiles = new Map(WRITERS.map((w) => [w.format, new Map()]));
  const workers = others.map(() => new Worker(new URL("./table-worker-entry.js", import.meta.url)));
  try {
    const pending = new Map<number, (result: TableJobResult) => void>();
    const failed = new Promise<never>((_, reject) => {
      for (const worker of workers) {
        worker.on("message", (result: TableJobResult) => pending.get(result.id)?.(result));
        worker.on("error", reject);
        worker.on("exit", (code) => code !== 0 && code !== 1 && reject(new Error(`a writer thread stopped with code ${code}`)));
      }
    });
    failed.catch(() => undefined); // raced below wherever this thread waits; never left unhandled
    let next = 0;
    const jobs: Promise<void>[] = [];
    // Each table's JSON is copied to every writer thread, which holds it and its rows while it
    // writes: at most one table waits per thread, so memory stays bounded by the largest tables.
    const inFlight: Promise<void>[][] = others.map(() => []);
    for (const table of TABLES) {
      const bytes = json.write(table, tables[table.name] ?? []);
      out.get("json")!.set(table.name, bytes);
      for (const queue of inFlight) while (queue.length > 1) await Promise.race([queue.shift()!, failed]);
      others.forEach((format, n) => {
        const id = next++;
        jobs.push(
          new Promise<void>((resolve) => {
            pending.set(id, (result) => {
              pending.delete(id);
              out.get(format)!.set(table.name, result.files[0]!);
              resolve();
            });
            workers[n]!.postMessage({ id, table: table.name, json: bytes, formats: [format] } satisfies TableJob);
          }),
        );
        inFlight[n]!.push(jobs.at(-1)!);
      });
    }
    await Promise.race([Promise.all(jobs), failed]);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  // Insertion order as writeTablesHere gives it: format by format, table by table.
  const ordered: TableFiles = new Map();
  for (const writer of WRITERS) ordered.set(writer.format, new Map(TABLES.map((t) => [t.name, out.get(writer.format)!.get(t.name)!])));
  return ordered;
}
