import os from "node:os";
import { Worker } from "node:worker_threads";
import type { UnplacedDiagnostic } from "../model/diagnostic.js";
import type { Kind } from "../model/source-file.js";
import type { SourceEntry } from "../load/list-sources.js";
import { makeDiagnostic } from "../catalogue/make-diagnostic.js";
import { checkFile, type FileCheck, type FileSummary } from "../validate/check-file.js";
import type { ShapeValidators } from "../validate/validate-shape.js";
import type { CheckCounts, CheckedFile, FilesChecked } from "../validate/file-checks.js";
import type { CheckCache } from "./check-cache.js";
import { toolkitDigest } from "./toolkit-digest.js";
import { readWithStat } from "../load/read-with-stat.js";
import { statFiles, type FileStats } from "./stat-files.js";
import type { FileStat, WorkItem, WorkMessage, WorkRequest } from "./worker-protocol.js";

/** How to check a tree's files. */
export interface CheckFilesOptions {
  /** The shape validators, asked for only when a file must be checked in this thread. */
  validators: () => ShapeValidators;
  cache?: CheckCache;
  /**
   * Whether every file's record is wanted (a build), or only its findings and facts (validate):
   * then files unchanged since the cache saw them are taken from its stat index alone.
   */
  records: boolean;
  /** Worker threads to use; 0 checks in this thread. Default: one per core when many files must be read. */
  threads?: number;
  /** Called as files are done, with how many are done and the total. */
  onProgress?: (done: number, total: number) => void;
  /** The files' stats, when already under way (taken for the cache's stat index). */
  stats?: Promise<FileStats>;
}

/** Below this many files to read, starting workers costs more than it saves. */
const PARALLEL_THRESHOLD = 2000;

/** One file's check as found (its record only when asked for or read), or why the file could not be read. */
type Outcome = { summary: FileSummary; key?: string; record?: unknown } | { unreadable: string };

/**
 * Parse and check every listed file on its own — files unchanged since they were last read
 * straight from the cache, the others read (in worker threads when there are many) and checked
 * unless the cache has their bytes' check — and return them in listing order, with a
 * file/unreadable finding for each file that could not be read.
 */
export async function checkFiles(entries: readonly SourceEntry[], options: CheckFilesOptions): Promise<FilesChecked> {
  const { cache, records } = options;
  if (cache && records) await cache.loadChecks();
  const outcomes: Outcome[] = new Array(entries.length);
  const counts: CheckCounts = { files: entries.length, unchanged: 0, cached: 0, checked: 0 };
  let toRead: number[] = entries.map((_, i) => i);
  if (cache?.hasStats) {
    toRead = [];
    // A file that cannot be looked at is left to the reader, which reports why.
    const paths = entries.map((e) => e.absolute);
    const known = cache.lookUpListing(paths, await (options.stats ?? statFiles(paths)));
    for (let i = 0; i < entries.length; i++) {
      const file = known[i];
      let outcome: Outcome | undefined;
      if (file && records) {
        const check = cache.get(file.key);
        if (check) outcome = { summary: check, key: file.key, record: check.record };
      } else if (file) outcome = file;
      if (outcome) {
        outcomes[i] = outcome;
        counts.unchanged++;
      } else toRead.push(i);
    }
  }
  const threads = options.threads ?? (toRead.length >= PARALLEL_THRESHOLD ? Math.min(os.availableParallelism(), 8) : 0);
  const progress = (n: number) => options.onProgress?.(counts.unchanged + n, entries.length);
  const read = threads > 0 ? await readInWorkers(entries, toRead, threads, options, progress) : await readHere(entries, toRead, options, progress);
  for (const [i, outcome] of read) outcomes[i] = outcome;
  counts.checked = read.filter(([, o]) => "fresh" in o && o.fresh).length;
  counts.cached = read.length - counts.checked - read.filter(([, o]) => "unreadable" in o).length;
  options.onProgress?.(entries.length, entries.length);

  const files: CheckedFile[] = [];
  const diagnostics: UnplacedDiagnostic[] = [];
  for (const [index, entry] of entries.entries()) {
    const outcome = outcomes[index]!;
    if ("unreadable" in outcome) {
      diagnostics.push(makeDiagnostic("file/unreadable", { reason: outcome.unreadable }, { file: entry.file, line: 0, column: 0 }));
      continue;
    }
    const checked: CheckedFile = { file: entry.file, kind: entry.kind, stem: entry.stem, summary: outcome.summary };
    if (entry.yearFolder) checked.yearFolder = entry.yearFolder;
    if (outcome.key !== undefined) checked.key = outcome.key;
    if ("record" in outcome) checked.record = outcome.record;
    files.push(checked);
  }
  return { files, diagnostics, counts };
}

type ReadOutcome = { summary: FileSummary; key?: string; record?: unknown; fresh: boolean } | { unreadable: string };

/** Read, hash and check files in this thread. */
async function readHere(entries: readonly SourceEntry[], which: readonly number[], options: CheckFilesOptions, progress: (n: number) => void): Promise<[number, ReadOutcome][]> {
  const { cache, records } = options;
  const out: [number, ReadOutcome][] = [];
  const check = (entry: SourceEntry, bytes: Uint8Array) => checkFile(entry.file, entry.kind, bytes, options.validators());
  for (const [n, i] of which.entries()) {
    const entry = entries[i]!;
    let bytes: Uint8Array;
    let stat: FileStat;
    try {
      // The workers' reader, so a file that cannot be read is reported in the same words either way.
      ({ stat, bytes } = readWithStat(entry.absolute));
    } catch (error) {
      out.push([i, { unreadable: (error as Error).message }]);
      continue;
    }
    if (!cache) {
      const fresh = check(entry, bytes);
      out.push([i, { summary: fresh, record: fresh.record, fresh: true }]);
    } else {
      const key = cache.keyOf(entry.kind, bytes);
      const hit = records ? cache.get(key) : cache.summaryOf(key, entry.absolute);
      if (hit) {
        // A check of this run's (a file with the same bytes as another) has its record at hand.
        // With records asked for, a hit is a whole check: its record stands even when there is none
        // (an unparsable file's, which the log, as JSON, keeps without the key).
        out.push([i, { summary: hit, key, ...(records || "record" in hit ? { record: (hit as FileCheck).record } : {}), fresh: false }]);
        cache.recordStat(entry.absolute, stat, key, hit);
      } else {
        const fresh = check(entry, bytes);
        cache.set(key, fresh);
        cache.recordStat(entry.absolute, stat, key, fresh);
        out.push([i, { summary: fresh, key, record: fresh.record, fresh: true }]);
      }
    }
    if (n % 500 === 499) progress(n + 1);
  }
  return out;
}

/**
 * Read, hash and check files in worker threads, each taking every n-th file (a like mix of kinds
 * and sizes) and sending results back in batches, which this thread takes in as they come.
 */
async function readInWorkers(
  entries: readonly SourceEntry[],
  which: readonly number[],
  threads: number,
  options: CheckFilesOptions,
  progress: (n: number) => void,
): Promise<[number, ReadOutcome][]> {
  const { cache, records } = options;
  const toolkit = cache?.toolkitDigest ?? (await toolkitDigest());
  const cached = cache ? cache.keys(records) : [];
  const shares: WorkItem[][] = Array.from({ length: threads }, () => []);
  which.forEach((index, n) => {
    const e = entries[index]!;
    shares[n % threads]!.push({ index, file: e.file, absolute: e.absolute, kind: e.kind });
  });
  const out: [number, ReadOutcome][] = [];
  const workers: Worker[] = [];
  try {
    await Promise.all(
      shares.map(
        (items) =>
          new Promise<void>((resolve, reject) => {
            const worker = new Worker(new URL("./check-worker-entry.js", import.meta.url));
            workers.push(worker);
            worker.on("message", (message: WorkMessage) => {
              if ("done" in message) {
                resolve();
                return;
              }
              try {
                const pairs = message.checks ? (JSON.parse(message.checks) as [string, FileCheck][]) : [];
                if (cache && message.checks) cache.addBatch(message.checks, pairs);
                for (const result of message.results) {
                  if ("unreadable" in result) {
                    out.push([result.index, { unreadable: result.unreadable }]);
                    continue;
                  }
                  const fresh = result.slot !== undefined;
                  const check = fresh ? pairs[result.slot!]![1] : records ? cache?.get(result.key) : cache?.summaryOf(result.key);
                  if (!check) throw new Error(`no check for ${entries[result.index]!.file}`);
                  cache?.recordStat(entries[result.index]!.absolute, result.stat, result.key, check);
                  out.push([result.index, { summary: check, ...(cache ? { key: result.key } : {}), ...(records || "record" in check ? { record: (check as FileCheck).record } : {}), fresh }]);
                }
                progress(out.length);
              } catch (error) {
                reject(error as Error);
              }
            });
            worker.on("error", reject);
            worker.on("exit", (code) => code !== 0 && code !== 1 && reject(new Error(`a check worker stopped with code ${code}`)));
            worker.postMessage({ items, cached, toolkit } satisfies WorkRequest);
          }),
      ),
    );
  } finally {
    // Done or failed, no worker outlives the call.
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return out;
}
