import { statSync } from "node:fs";
import { Worker } from "node:worker_threads";
import type { FileStat } from "./worker-protocol.js";

/** Below this many files, a worker costs more to start than the stats it takes over. */
const WORKER_THRESHOLD = 20_000;

/**
 * The stat of every file (undefined for one that cannot be looked at), in order. On a large tree,
 * a worker thread stats the second half while this thread stats the first: a stat is a system
 * call and a small object, so two threads take about half the time.
 */
export async function statFiles(paths: readonly string[]): Promise<(FileStat | undefined)[]> {
  const out: (FileStat | undefined)[] = new Array(paths.length);
  const half = paths.length >= WORKER_THRESHOLD ? Math.floor(paths.length / 2) : paths.length;
  const worker = half < paths.length ? new Worker(new URL("./stat-worker.js", import.meta.url)) : undefined;
  try {
    const theirs = worker
      ? new Promise<Float64Array>((resolve, reject) => {
          worker.once("message", resolve);
          worker.once("error", reject);
          worker.once("exit", (code) => reject(new Error(`the stat worker stopped with code ${code}`)));
          worker.postMessage(paths.slice(half));
        })
      : undefined;
    // Until the worker answers, an error in it must not go unhandled.
    theirs?.catch(() => undefined);
    for (let i = 0; i < half; i++) out[i] = statHere(paths[i]!);
    if (theirs) {
      const numbers = await theirs;
      for (let i = half; i < paths.length; i++) {
        const at = (i - half) * 5;
        if (!Number.isNaN(numbers[at]!)) out[i] = [numbers[at]!, numbers[at + 1]!, numbers[at + 2]!, numbers[at + 3]!, numbers[at + 4]!];
      }
    }
  } finally {
    await worker?.terminate();
  }
  return out;
}

function statHere(file: string): FileStat | undefined {
  try {
    const s = statSync(file, { throwIfNoEntry: false });
    return s ? [s.size, s.mtimeMs, s.ctimeMs, s.ino, s.dev] : undefined;
  } catch {
    return undefined;
  }
}
