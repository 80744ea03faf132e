import { Worker } from "node:worker_threads";
import type { Tables } from "../../tables/field-types.js";
import { TABLES, tableNamed } from "../../tables/table-definitions.js";
import { ByteSink } from "../byte-sink.js";
import { knownDigest, sha256Hex } from "../file-digest.js";
import type { TableWriter } from "../table-writer.js";
import { WRITERS } from "../writers.js";
import { writeFormats } from "./write-formats.js";

/** A table for a writer thread: its rows as the JSON file's bytes (handed over, and handed back), and the formats to write. */
export interface TableJob {
  id: number;
  table: string;
  json: Uint8Array;
  formats: TableWriter["format"][];
}

/** A writer thread's answer: the JSON handed back, the files in the order of the job's formats, and the SHA-256 of the JSON then of each file. */
export interface TableJobResult {
  id: number;
  json: Uint8Array;
  files: Uint8Array[];
  sha256: string[];
}

/** Every table in every format, by format then table: `files[format][table]`. */
export type TableFiles = Map<TableWriter["format"], Map<string, Uint8Array>>;

/** Write every table in every format in this thread. */
export function writeTablesHere(tables: Tables): TableFiles {
  const out: TableFiles = new Map(WRITERS.map((w) => [w.format, new Map()]));
  for (const writer of WRITERS) for (const table of TABLES) out.get(writer.format)!.set(table.name, writer.write(table, tables[table.name] ?? []));
  ByteSink.releaseSpare();
  return out;
}

/**
 * What reading a table back from its JSON costs a writer thread per cell, on the scale of the
 * writers' own costs (TableWriter.costPerCell): JSON.parse took 1.6 s for the 100,000-meeting
 * corpus's million rows; 2.0 here, as the threads, sharing the cores, are found to finish last.
 */
const PARSE_COST = 2.0;

/** Which tables each writer thread takes, and which this thread writes in CSV and Arrow itself. */
export interface WriterPlan {
  here: string[];
  threads: string[][];
}

/**
 * Share the tables between the writer threads and, when `here`, this thread, which writes every
 * table's JSON in any case: each table, largest first, goes to whichever would then finish
 * soonest (a thread reads the table back from its JSON first, this thread has its rows), so that
 * all end at about the same time. Each side's tables come largest first.
 */
export function planWriterThreads(tables: Tables, threads: number, here: boolean): WriterPlan {
  const json = WRITERS.find((w) => w.format === "json")!.costPerCell;
  const others = WRITERS.filter((w) => w.format !== "json").reduce((sum, w) => sum + w.costPerCell, 0);
  const sized = TABLES.map((t) => ({ name: t.name, cells: (tables[t.name]?.length ?? 0) * t.fields.length })).sort((a, b) => b.cells - a.cells || (a.name < b.name ? -1 : 1));
  const total = sized.reduce((sum, t) => sum + t.cells, 0);
  const sides = [
    ...Array.from({ length: threads }, () => ({ load: 0, perCell: PARSE_COST + others, tables: [] as string[] })),
    ...(here ? [{ load: json * total, perCell: others, tables: [] as string[] }] : []),
  ];
  for (const t of sized) {
    const side = sides.reduce((a, b) => (b.load + b.perCell * t.cells < a.load + a.perCell * t.cells ? b : a));
    side.load += side.perCell * t.cells;
    side.tables.push(t.name);
  }
  return { here: here ? sides.at(-1)!.tables : [], threads: sides.slice(0, threads).map((s) => s.tables) };
}

/**
 * The order in which this thread writes the JSON of the threads' tables: every thread's smallest
 * table first, so that each starts work at once, then the rest largest first, the threads in turn.
 */
function jobOrder(plan: readonly string[][]): { table: string; thread: number }[] {
  const queues = plan.map((tables) => (tables.length > 1 ? [tables.at(-1)!, ...tables.slice(0, -1)] : [...tables]));
  const order: { table: string; thread: number }[] = [];
  for (let round = 0; queues.some((q) => round < q.length); round++) queues.forEach((q, thread) => round < q.length && order.push({ table: q[round]!, thread }));
  return order;
}

/** Tables being written by writer threads: their files once done, or the threads stopped when the files are not wanted. */
export interface TableWriting {
  /** Every table in every format, in the order writeTablesHere gives. */
  files: Promise<TableFiles>;
  /** Stop the threads and drop their work (a build whose tree turned out invalid); `files` then fails. */
  cancel(): Promise<void>;
}

/**
 * Start writing every table in every format with writer threads. This thread writes each table's
 * JSON and hands the bytes of a thread's tables to it (see planWriterThreads), which reads the rows
 * back from them (JSON carries strings, integers, booleans and nulls exactly), writes the CSV and
 * Arrow, hashes all three and hands them back. With `here`, this thread then writes the CSV and
 * Arrow of the tables it keeps, and hashes them; without, it returns once the JSON is written
 * (a build then runs its tree-wide checks meanwhile). The rows are not needed once this returns.
 * The bytes are the same as `writeTablesHere` gives (a test holds them to it).
 */
export function startWritingTables(tables: Tables, options: { threads: number; here: boolean }): TableWriting {
  const json = WRITERS.find((w) => w.format === "json")!;
  const others = WRITERS.filter((w) => w.format !== "json");
  // A thread with no table (a tree of empty tables) is not started.
  const plan = planWriterThreads(tables, options.threads, options.here);
  const busy = plan.threads.filter((p) => p.length > 0);
  const order = jobOrder(busy);
  const out: TableFiles = new Map(WRITERS.map((w) => [w.format, new Map()]));
  const workers: Worker[] = [];
  let fail: (error: Error) => void = () => undefined;
  const early = (code: number) => fail(new Error(`a writer thread stopped with code ${code} before it was done`));
  const done = new Promise<TableFiles>((resolve, reject) => {
    fail = reject;
    let waiting = order.length;
    const finish = () => waiting === 0 && resolve(inWritersOrder(out));
    for (let n = 0; n < busy.length; n++) {
      const worker = new Worker(new URL("./table-worker-entry.js", import.meta.url));
      workers.push(worker);
      worker.on("message", (result: TableJobResult) => {
        const table = order[result.id]!.table;
        out.get("json")!.set(table, knownDigest(result.json, result.sha256[0]!));
        others.forEach((w, i) => out.get(w.format)!.set(table, knownDigest(result.files[i]!, result.sha256[i + 1]!)));
        waiting--;
        finish();
      });
      worker.on("error", reject);
      // A thread only stops when told to: stopping before is a failure, whatever its code.
      worker.on("exit", early);
    }
    // This thread's own tables are written before the threads' answers are taken in (below).
    queueMicrotask(finish);
  });
  // Once only: Worker.terminate waits on an "exit" listener of its own, which must stay.
  let stopping: Promise<void> | undefined;
  const stop = () => (stopping ??= Promise.all(workers.map((w) => (w.off("exit", early), w.terminate()))).then(() => undefined));
  // Done or failed, no thread outlives the files.
  const files = done.finally(stop);
  try {
    order.forEach(({ table, thread }, id) => {
      const bytes = json.write(tableNamed(table), tables[table] ?? []);
      workers[thread]!.postMessage({ id, table, json: bytes, formats: others.map((w) => w.format) } satisfies TableJob, [bytes.buffer as ArrayBuffer]);
    });
    for (const name of plan.here) {
      const files = writeFormats(tableNamed(name), tables[name] ?? [], WRITERS.map((w) => w.format));
      WRITERS.forEach((writer, i) => out.get(writer.format)!.set(name, sha256Known(files[i]!)));
    }
  } catch (error) {
    fail(error as Error);
  } finally {
    ByteSink.releaseSpare();
  }
  return {
    files,
    cancel: async () => {
      files.catch(() => undefined);
      fail(new Error("the writing was cancelled"));
      await stop();
    },
  };
}

/** Bytes written here, hashed at once (for the descriptor) while the threads still work. */
function sha256Known(bytes: Uint8Array): Uint8Array {
  sha256Hex(bytes);
  return bytes;
}

/** As writeTablesHere, with a writer thread beside this one (two cores; see startWritingTables). */
export function writeTablesInThreads(tables: Tables): Promise<TableFiles> {
  return startWritingTables(tables, { threads: 1, here: true }).files;
}

/** Insertion order as writeTablesHere gives it: format by format, table by table. */
function inWritersOrder(out: TableFiles): TableFiles {
  return new Map(WRITERS.map((w) => [w.format, new Map(TABLES.map((t) => [t.name, out.get(w.format)!.get(t.name)!]))]));
}
