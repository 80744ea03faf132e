import { statSync } from "node:fs";
import { Worker } from "node:worker_threads";
import type { FileStat } from "./worker-protocol.js";

/** Below this many files, workers cost more to start than the stats they take over. */
const WORKER_THRESHOLD = 20_000;

/** Stats under way: their outcome, and a way to stop them when they are not wanted after all. */
export interface StatsUnderWay {
  stats: Promise<(FileStat | undefined)[]>;
  cancel(): Promise<void>;
}

/**
 * The stat of every file (undefined for one that cannot be looked at), in order. On a large tree,
 * two worker threads stat a half each while this thread goes on (reading the stat index, say): a
 * stat is a system call and a small object, so two threads take about half the time, and the
 * objects are not this thread's garbage.
 */
export function startStatFiles(paths: readonly string[]): StatsUnderWay {
  if (paths.length < WORKER_THRESHOLD) {
    const stats = paths.map(statHere);
    return { stats: Promise.resolve(stats), cancel: async () => undefined };
  }
  const half = Math.floor(paths.length / 2);
  const parts = [paths.slice(0, half), paths.slice(half)];
  const workers = parts.map(() => new Worker(new URL("./stat-worker.js", import.meta.url)));
  const answers = workers.map(
    (worker, n) =>
      new Promise<Float64Array>((resolve, reject) => {
        worker.once("message", resolve);
        worker.once("error", reject);
        worker.once("exit", (code) => reject(new Error(`a stat worker stopped with code ${code}`)));
        worker.postMessage(parts[n]);
      }),
  );
  const stopAll = () => Promise.all(workers.map((w) => w.terminate())).then(() => undefined);
  const stats = (async () => {
    try {
      const out: (FileStat | undefined)[] = new Array(paths.length);
      let at = 0;
      for (const numbers of await Promise.all(answers)) {
        for (let i = 0; i < numbers.length / 5; i++, at++) {
          const n = i * 5;
          if (!Number.isNaN(numbers[n]!)) out[at] = [numbers[n]!, numbers[n + 1]!, numbers[n + 2]!, numbers[n + 3]!, numbers[n + 4]!];
        }
      }
      return out;
    } finally {
      await stopAll();
    }
  })();
  // Until it is awaited (or cancelled), a failure must not go unhandled.
  stats.catch(() => undefined);
  return { stats, cancel: stopAll };
}

/** The stat of every file, in order (see startStatFiles). */
export function statFiles(paths: readonly string[]): Promise<(FileStat | undefined)[]> {
  return startStatFiles(paths).stats;
}

function statHere(file: string): FileStat | undefined {
  try {
    const s = statSync(file, { throwIfNoEntry: false });
    return s ? [s.size, s.mtimeMs, s.ctimeMs, s.ino, s.dev] : undefined;
  } catch {
    return undefined;
  }
}
