import { readFile } from "node:fs/promises";
import os from "node:os";
import { Worker } from "node:worker_threads";
import type { UnplacedDiagnostic } from "../../model/diagnostic.js";
import type { LoadedFile } from "../../model/source-file.js";
import type { SourceEntry } from "../../load/list-sources.js";
import { makeDiagnostic } from "../../catalogue/make-diagnostic.js";
import { checkFile, type FileCheck } from "../check-file.js";
import type { ShapeValidators } from "../validate-shape.js";
import { toolkitDigest, type CheckCache } from "./check-cache.js";
import type { WorkItem, WorkMessage, WorkRequest, WorkResult } from "./worker-protocol.js";

/** How to check a tree's files. */
export interface CheckFilesOptions {
  validators: ShapeValidators;
  cache?: CheckCache;
  /** Worker threads to use; 0 checks in this thread. Default: one per core for large trees. */
  threads?: number;
  /** Called as files are done, with how many are done and the total. */
  onProgress?: (done: number, total: number) => void;
}

/** Below this many files, starting workers costs more than it saves. */
const PARALLEL_THRESHOLD = 2000;

/**
 * Parse and shape-check every listed file — in worker threads for large trees, from the cache
 * for files already checked — and return them in listing order with their findings.
 */
export async function checkFiles(entries: readonly SourceEntry[], options: CheckFilesOptions): Promise<{ files: LoadedFile[]; diagnostics: UnplacedDiagnostic[] }> {
  const threads = options.threads ?? (entries.length >= PARALLEL_THRESHOLD ? Math.min(os.availableParallelism(), 8) : 0);
  const results = threads > 0 ? await checkInWorkers(entries, threads, options) : await checkHere(entries, options);
  const files: LoadedFile[] = [];
  const diagnostics: UnplacedDiagnostic[] = [];
  for (const [index, entry] of entries.entries()) {
    const result = results[index]!;
    if ("unreadable" in result) {
      diagnostics.push(makeDiagnostic("file/unreadable", { reason: result.unreadable }, { file: entry.file, line: 0, column: 0 }));
      continue;
    }
    let check = result.check;
    if (check) options.cache?.set(result.key, check);
    else check = options.cache?.get(result.key);
    if (!check) throw new Error(`no check for ${entry.file}`);
    const place = (list: UnplacedDiagnostic[]) => list.map((d) => ({ ...d, file: entry.file }));
    for (const d of place(check.diagnostics)) diagnostics.push(d);
    const loaded: LoadedFile = { file: entry.file, kind: entry.kind, stem: entry.stem, record: check.record };
    if (entry.yearFolder) loaded.yearFolder = entry.yearFolder;
    if (check.shape) loaded.shape = place(check.shape);
    files.push(loaded);
  }
  return { files, diagnostics };
}

async function checkHere(entries: readonly SourceEntry[], options: CheckFilesOptions): Promise<WorkResult[]> {
  const results: WorkResult[] = [];
  for (const [index, entry] of entries.entries()) {
    let bytes: Uint8Array;
    try {
      bytes = await readFile(entry.absolute);
    } catch (error) {
      results.push({ index, unreadable: (error as Error).message });
      continue;
    }
    const key = options.cache?.keyOf(entry.kind, bytes) ?? "";
    const hit = options.cache?.get(key);
    results.push(hit ? { index, key } : { index, key, check: checkFile(entry.file, entry.kind, bytes, options.validators) satisfies FileCheck });
    if (index % 500 === 499) options.onProgress?.(index + 1, entries.length);
  }
  options.onProgress?.(entries.length, entries.length);
  return results;
}

async function checkInWorkers(entries: readonly SourceEntry[], threads: number, options: CheckFilesOptions): Promise<WorkResult[]> {
  const toolkit = await toolkitDigest();
  const cached = options.cache ? options.cache.keys() : [];
  // Deal the files out in turn, so every worker gets a like mix of kinds and sizes.
  const shares: WorkItem[][] = Array.from({ length: threads }, () => []);
  entries.forEach((e, index) => shares[index % threads]!.push({ index, file: e.file, absolute: e.absolute, kind: e.kind }));
  let done = 0;
  const results: WorkResult[] = new Array(entries.length);
  await Promise.all(
    shares.map(
      (items) =>
        new Promise<void>((resolve, reject) => {
          const worker = new Worker(new URL("./check-worker-entry.js", import.meta.url));
          worker.on("message", (message: WorkMessage) => {
            if ("progress" in message) {
              done += message.progress;
              options.onProgress?.(done, entries.length);
              return;
            }
            for (const result of message.results) results[result.index] = result;
            void worker.terminate();
            resolve();
          });
          worker.on("error", reject);
          worker.on("exit", (code) => code !== 0 && code !== 1 && reject(new Error(`a check worker stopped with code ${code}`)));
          worker.postMessage({ items, cached, toolkit } satisfies WorkRequest);
        }),
    ),
  );
  options.onProgress?.(entries.length, entries.length);
  return results;
}
