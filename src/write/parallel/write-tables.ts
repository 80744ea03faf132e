import { Worker } from "node:worker_threads";
import type { Tables } from "../../tables/field-types.js";
import { TABLES } from "../../tables/table-definitions.js";
import { ByteSink } from "../byte-sink.js";
import { hasDigest, knownDigest, sha256Hex } from "../file-digest.js";
import type { TableWriter } from "../table-writer.js";
import { WRITERS } from "../writers.js";

/** A table for a writer thread: its rows as JSON bytes, and the formats to write. */
export interface TableJob {
  id: number;
  table: string;
  json: Uint8Array;
  formats: TableWriter["format"][];
}

/** A writer thread's answer: the files, in the order of the job's formats, and their SHA-256. */
export interface TableJobResult {
  id: number;
  files: Uint8Array[];
  sha256: string[];
}

/** Every table in every format, by format then table: `files[format][table]`. */
export type TableFiles = Map<TableWriter["format"], Map<string, Uint8Array>>;

/** The first file written here whose SHA-256 is not yet known, if any. */
function unhashed(files: TableFiles): Uint8Array | undefined {
  for (const byTable of files.values()) for (const bytes of byTable.values()) if (!hasDigest(bytes)) return bytes;
  return undefined;
}

/** Write every table in every format in this thread. */
export function writeTablesHere(tables: Tables): TableFiles {
  const out: TableFiles = new Map(WRITERS.map((w) => [w.format, new Map()]));
  for (const writer of WRITERS) for (const table of TABLES) out.get(writer.format)!.set(table.name, writer.write(table, tables[table.name] ?? []));
  ByteSink.releaseSpare();
  return out;
}

/**
 * What writing costs, per cell, by format, and what reading a table back from its JSON costs a
 * writer thread: measured on the 100,000-meeting bench corpus in one thread (JSON 1.6 s, CSV 1.2 s,
 * Arrow 1.5 s, JSON.parse 1.6 s for its million rows; 2.0 s here, as the thread, sharing the
 * cores, is found to finish last). Only the ratios matter.
 */
const COST = { json: 1.6, csv: 1.2, arrow: 1.5, parse: 2.0 };

/**
 * Which tables the writer thread takes: it reads each back from the JSON this thread writes (this
 * thread writes every table's JSON, the costliest format) and writes its CSV and Arrow; this
 * thread writes those of the others. Tables are dealt largest first to whichever side would
 * finish sooner, so that both end at about the same time.
 */
export function planWriterThread(tables: Tables): Set<string> {
  const cells = (name: string, fields: number) => (tables[name]?.length ?? 0) * fields;
  const sized = TABLES.map((t) => ({ name: t.name, cells: cells(t.name, t.fields.length) })).sort((a, b) => b.cells - a.cells || (a.name < b.name ? -1 : 1));
  let here = COST.json * sized.reduce((sum, t) => sum + t.cells, 0);
  let there = 0;
  const theirs = new Set<string>();
  for (const t of sized) {
    const others = (COST.csv + COST.arrow) * t.cells;
    if (there + COST.parse * t.cells + others <= here + others) {
      there += COST.parse * t.cells + others;
      theirs.add(t.name);
    } else here += others;
  }
  return theirs;
}

/**
 * Write every table in every format with one writer thread beside this one (two cores): this
 * thread writes every table's JSON and hands the thread the bytes of the tables it takes (see
 * planWriterThread), from which it reads the rows back (JSON carries strings, integers, booleans
 * and nulls exactly) and writes their CSV and Arrow; meanwhile this thread writes the CSV and
 * Arrow of the others. At most two tables wait for the thread, so memory stays bounded. The bytes
 * are the same as `writeTablesHere` gives (a test holds them to it).
 */
export async function writeTablesInThreads(tables: Tables): Promise<TableFiles> {
  const json = WRITERS.find((w) => w.format === "json")!;
  const others = WRITERS.filter((w) => w.format !== "json");
  const out: TableFiles = new Map(WRITERS.map((w) => [w.format, new Map()]));
  const theirs = planWriterThread(tables);
  // The thread's tables largest first, so that it starts on its longest work at once.
  const queue = TABLES.filter((t) => theirs.has(t.name)).sort((a, b) => (tables[b.name]?.length ?? 0) * b.fields.length - (tables[a.name]?.length ?? 0) * a.fields.length);
  // This thread's work, a table and format at a time, so that it can feed the thread in between.
  const mine: (() => void)[] = [];
  for (const table of TABLES.filter((t) => !theirs.has(t.name))) {
    for (const writer of WRITERS) mine.push(() => void out.get(writer.format)!.set(table.name, writer.write(table, tables[table.name] ?? [])));
  }
  const worker = new Worker(new URL("./table-worker-entry.js", import.meta.url));
  try {
    let failure: Error | undefined;
    let waiting = 0;
    let wake: () => void = () => undefined;
    /** The tables sent, by job id. */
    const sent: string[] = [];
    worker.on("message", (result: TableJobResult) => {
      others.forEach((w, n) => out.get(w.format)!.set(sent[result.id]!, knownDigest(result.files[n]!, result.sha256[n]!)));
      waiting--;
      wake();
    });
    worker.on("error", (error) => {
      failure = error;
      wake();
    });
    // The thread only stops when told to (after the loop): stopping before is a failure, whatever its code.
    worker.on("exit", (code) => {
      failure ??= new Error(`a writer thread stopped with code ${code} before it was done`);
      wake();
    });
    const woken = () => new Promise<void>((resolve) => (wake = resolve));
    // Let the thread's answers in between two pieces of this thread's work.
    const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));
    while (queue.length > 0 || mine.length > 0 || waiting > 0) {
      if (failure) throw failure;
      if (queue.length > 0 && waiting < 2) {
        const table = queue.shift()!;
        const bytes = json.write(table, tables[table.name] ?? []);
        out.get("json")!.set(table.name, bytes);
        sent.push(table.name);
        waiting++;
        worker.postMessage({ id: sent.length - 1, table: table.name, json: bytes, formats: others.map((w) => w.format) } satisfies TableJob);
      } else if (mine.length > 0) {
        mine.shift()!();
        await breathe();
      } else if (unhashed(out)) {
        // Waiting for the thread: the time to hash what this thread wrote, for the descriptor.
        sha256Hex(unhashed(out)!);
        await breathe();
      } else await woken();
    }
    worker.removeAllListeners("exit");
  } finally {
    await worker.terminate();
    ByteSink.releaseSpare();
  }
  // Insertion order as writeTablesHere gives it: format by format, table by table.
  const ordered: TableFiles = new Map();
  for (const writer of WRITERS) ordered.set(writer.format, new Map(TABLES.map((t) => [t.name, out.get(writer.format)!.get(t.name)!])));
  return ordered;
}
