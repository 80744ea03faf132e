import { statSync } from "node:fs";
import { Worker } from "node:worker_threads";

/**
 * Files' stats, five numbers a file in order — size, mtime, ctime, inode, device (the numbers of
 * a FileStat) — and NaN for a file that cannot be looked at: one array, not an object a file.
 */
export type FileStats = Float64Array;

/** Below this many files in all, workers cost more to start than the stats they take over. */
const WORKER_THRESHOLD = 20_000;
/** Files a worker is given at a time: a large folder is shared between the workers. */
const BATCH = 4096;
const WORKERS = 2;

/**
 * Stats taken while a tree is listed: each folder's files are handed over as soon as it is read,
 * and on a large tree two worker threads stat them while this thread goes on listing (and reading
 * the stat index). A stat is a system call and a small object, so two threads take about half
 * the time, and the objects are not this thread's garbage. On a small tree (under 20,000 files,
 * which is only known when they have been asked for or the listing ends), they are taken here.
 * A worker that fails has its files stat-ed here instead.
 */
export class StatPool {
  private workers: { worker: Worker; files: number; waiting: Map<number, Waiting> }[] = [];
  /** Files asked for before it is known whether workers are worth starting. */
  private held: Waiting[] = [];
  private asked = 0;
  private nextId = 0;
  private closed = false;
  /** Whether the workers were started (they are, once, and not again when they fail). */
  private started = false;

  /** `script`: the workers' code (a test gives one that fails). */
  constructor(private readonly script: URL = new URL("./stat-worker.js", import.meta.url)) {}

  /** The stats of these files, in order. */
  stat(paths: readonly string[]): Promise<FileStats> {
    if (paths.length === 0) return Promise.resolve(new Float64Array(0));
    if (this.closed) return Promise.resolve(notTaken(paths));
    this.asked += paths.length;
    const promises: Promise<FileStats>[] = [];
    for (let start = 0; start < paths.length; start += BATCH) {
      promises.push(new Promise<FileStats>((resolve) => this.held.push({ paths: paths.slice(start, start + BATCH), resolve })));
    }
    if (this.asked >= WORKER_THRESHOLD) this.dispatch();
    return promises.length === 1 ? promises[0]! : Promise.all(promises).then(concat);
  }

  /** Nothing more will be asked for: what is held is stat-ed now (here, on a small tree). */
  flush(): void {
    if (this.asked >= WORKER_THRESHOLD) this.dispatch();
    else for (const waiting of this.held.splice(0)) waiting.resolve(statHere(waiting.paths));
  }

  /** Stop the workers; stats not yet taken are given as not taken (NaN). */
  async close(): Promise<void> {
    this.closed = true;
    for (const waiting of this.held.splice(0)) waiting.resolve(notTaken(waiting.paths));
    const workers = this.workers.splice(0);
    for (const { waiting } of workers) {
      for (const w of waiting.values()) w.resolve(notTaken(w.paths));
      waiting.clear();
    }
    await Promise.all(workers.map(({ worker }) => worker.terminate()));
  }

  private dispatch(): void {
    if (this.closed || this.held.length === 0) return;
    if (!this.started) {
      this.started = true;
      for (let i = 0; i < WORKERS; i++) this.workers.push(this.startWorker());
    }
    // Every worker failed: the rest is stat-ed here.
    if (this.workers.length === 0) for (const waiting of this.held.splice(0)) waiting.resolve(statHere(waiting.paths));
    for (const waiting of this.held.splice(0)) {
      const least = this.workers.reduce((a, b) => (b.files < a.files ? b : a));
      const id = this.nextId++;
      least.waiting.set(id, waiting);
      least.files += waiting.paths.length;
      least.worker.ref();
      least.worker.postMessage({ id, paths: waiting.paths.join("\0") });
    }
  }

  private startWorker(): { worker: Worker; files: number; waiting: Map<number, Waiting> } {
    const worker = new Worker(this.script);
    // Idle, it does not keep the process alive: it is ref'd while it has work (see dispatch).
    worker.unref();
    const slot = { worker, files: 0, waiting: new Map<number, Waiting>() };
    worker.on("message", ({ id, stats }: { id: number; stats: FileStats }) => {
      const waiting = slot.waiting.get(id);
      if (!waiting) return;
      slot.waiting.delete(id);
      slot.files -= waiting.paths.length;
      // An idle worker does not keep the process alive.
      if (slot.waiting.size === 0) worker.unref();
      waiting.resolve(stats);
    });
    const fail = () => {
      // Its files are stat-ed here, and it is given no more.
      this.workers = this.workers.filter((w) => w !== slot);
      worker.unref();
      void worker.terminate();
      for (const waiting of slot.waiting.values()) waiting.resolve(this.closed ? notTaken(waiting.paths) : statHere(waiting.paths));
      slot.waiting.clear();
    };
    worker.on("error", fail);
    worker.on("messageerror", fail);
    worker.on("exit", fail);
    return slot;
  }
}

interface Waiting {
  paths: string[];
  resolve: (stats: FileStats) => void;
}

/** The stat of every file, in order (in worker threads on a large tree: see StatPool). */
export async function statFiles(paths: readonly string[]): Promise<FileStats> {
  const pool = new StatPool();
  try {
    const stats = pool.stat(paths);
    pool.flush();
    return await stats;
  } finally {
    await pool.close();
  }
}

/** Several FileStats as one, in order. */
export function concat(parts: readonly FileStats[]): FileStats {
  const out = new Float64Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

function statHere(paths: readonly string[]): FileStats {
  const out = new Float64Array(paths.length * 5).fill(NaN);
  paths.forEach((file, i) => {
    try {
      const s = statSync(file, { throwIfNoEntry: false });
      if (s) out.set([s.size, s.mtimeMs, s.ctimeMs, s.ino, s.dev], i * 5);
    } catch {
      // Left NaN: the reader reports why the file cannot be read.
    }
  });
  return out;
}

function notTaken(paths: readonly string[]): FileStats {
  return new Float64Array(paths.length * 5).fill(NaN);
}
