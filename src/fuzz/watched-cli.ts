import { Worker } from "node:worker_threads";

/** A command for the worker: CLI arguments and the folder to run them from. */
export interface CliRequest {
  id: number;
  argv: string[];
  cwd: string;
}

/** How a command ended: with an exit code, by throwing (runCli must never), or not within its time. */
export type CliResult =
  | { id: number; kind: "exited"; code: number; stdout: string; stderr: string }
  | { id: number; kind: "threw"; message: string }
  | { id: number; kind: "hung" };

/** How long a fresh worker may take to load the toolkit (tsx compiles it on the way). */
const START_TIMEOUT_MS = 60_000;

/**
 * The CLI run in-process, in a worker thread, with a time bound per command: a command that
 * takes longer is counted as a hang and its worker terminated (which stops even a busy loop),
 * and the next command gets a fresh worker.
 */
export class WatchedCli {
  private worker: Worker | undefined;
  private next = 0;

  /** Run one command; never rejects. */
  async run(argv: string[], cwd: string, timeoutMs: number): Promise<CliResult> {
    if (!this.worker) {
      this.worker = new Worker(new URL("./cli-worker-entry.js", import.meta.url));
      const warm = await this.send(["--version"], cwd, START_TIMEOUT_MS);
      if (warm.kind !== "exited") return { ...warm, id: -1 };
    }
    return this.send(argv, cwd, timeoutMs);
  }

  /** Stop the worker. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }

  private send(argv: string[], cwd: string, timeoutMs: number): Promise<CliResult> {
    const worker = this.worker!;
    const id = this.next++;
    return new Promise((resolve) => {
      const done = (result: CliResult) => {
        clearTimeout(timer);
        worker.off("message", onMessage);
        worker.off("error", onError);
        resolve(result);
      };
      const onMessage = (result: CliResult) => {
        if (result.id === id) done(result);
      };
      // An error that escaped the command (e.g. thrown from a timer it left behind): the worker is gone.
      const onError = (error: Error) => {
        this.worker = undefined;
        done({ id, kind: "threw", message: error.stack ?? error.message });
      };
      const timer = setTimeout(() => {
        this.worker = undefined;
        void worker.terminate();
        done({ id, kind: "hung" });
      }, timeoutMs);
      worker.on("message", onMessage);
      worker.on("error", onError);
      worker.postMessage({ id, argv, cwd } satisfies CliRequest);
    });
  }
}
