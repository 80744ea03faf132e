import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** What one measured command did and cost. */
export interface Measurement {
  command: string[];
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
  /** From spawn to exit, measured by the parent. */
  wallSeconds: number;
  /** The larger of the two readings below: what the targets are checked against. */
  peakRssBytes: number | null;
  /** Kernel high-water mark (ru_maxrss) of the command's process, worker threads included. */
  processPeakRssBytes: number | null;
  /** Largest sum of VmRSS over the command's whole process tree, sampled every 50 ms (Linux only). */
  treePeakRssBytes: number | null;
  /** User plus system CPU time of the command (and the children it waited for). */
  cpuSeconds: number | null;
  /** The 1-minute load average when the command started: other work on the machine skews wall time. */
  loadAverage: number;
  stdout: string;
  stderr: string;
}

const GNU_TIME = "/usr/bin/time";
const PRELOAD = fileURLToPath(new URL("./report-rusage.mjs", import.meta.url));
const KEEP = 64 * 1024;

/** How peak RSS is read on this machine, in words (printed with the results). */
export function rssMethod(): string {
  const exact = hasGnuTime()
    ? "GNU time (%M: ru_maxrss from wait4 of the command)"
    : "getrusage ru_maxrss written at exit by a preloaded module (node --import)";
  const tree = process.platform === "linux" ? "; also the sum of VmRSS over the process tree sampled every 50 ms, and the larger of the two is reported" : "";
  return exact + tree;
}

let gnuTime: boolean | undefined;
function hasGnuTime(): boolean {
  if (gnuTime === undefined) {
    const version = existsSync(GNU_TIME) ? spawnSync(GNU_TIME, ["--version"], { encoding: "utf8" }) : undefined;
    gnuTime = version !== undefined && /GNU/.test(`${version.stdout}${version.stderr}`);
  }
  return gnuTime;
}

/**
 * Run `node …args` as a child in `cwd` and measure its wall time and peak memory. ru_maxrss is exact
 * for one process (and its worker threads); if the command forks processes of its own, the
 * sampled tree sum catches their total, short of spikes between two samples.
 */
export async function measureNode(args: readonly string[], options: { cwd: string; timeoutSeconds: number }): Promise<Measurement> {
  const scratch = mkdtempSync(path.join(os.tmpdir(), "parlex-measure-"));
  const rusageFile = path.join(scratch, "rusage");
  const command = [process.execPath, ...args];
  const [file, argv, env] = hasGnuTime()
    ? [GNU_TIME, ["-f", "%M %U %S", "-o", rusageFile, ...command], process.env]
    : [process.execPath, ["--import", PRELOAD, ...args], { ...process.env, PARLEX_BENCH_RUSAGE: rusageFile }];
  const loadAverage = os.loadavg()[0]!;
  const started = performance.now();
  const child = spawn(file, argv, { cwd: options.cwd, env: { ...env, NO_COLOR: "1" }, stdio: ["ignore", "pipe", "pipe"], detached: true });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => void (stdout = (stdout + d.toString()).slice(-KEEP)));
  child.stderr.on("data", (d: Buffer) => void (stderr = (stderr + d.toString()).slice(-KEEP)));
  let treePeak: number | null = process.platform === "linux" ? 0 : null;
  const sampler = setInterval(() => {
    // GNU time's own few megabytes are not the command's: start below it.
    if (treePeak !== null && child.pid !== undefined) treePeak = Math.max(treePeak, treeRss(child.pid, !hasGnuTime()));
  }, 50);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
  }, options.timeoutSeconds * 1000);
  const [exitCode, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on("close", (code, sig) => resolve([code, sig])));
  const wallSeconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  clearTimeout(timer);
  const usage = readRusage(rusageFile);
  const processPeak = usage?.maxRssBytes ?? null;
  rmSync(scratch, { recursive: true, force: true });
  const readings = [processPeak, treePeak].filter((v): v is number => v !== null && v > 0);
  return {
    command: ["node", ...args],
    exitCode,
    signal,
    timedOut,
    wallSeconds,
    peakRssBytes: readings.length ? Math.max(...readings) : null,
    processPeakRssBytes: processPeak,
    treePeakRssBytes: treePeak,
    cpuSeconds: usage?.cpuSeconds ?? null,
    loadAverage,
    stdout,
    stderr,
  };
}

/** Peak RSS and CPU time from the last line `maxrss-KiB user-s system-s` (GNU time's `%M %U %S`, or the preload's). */
function readRusage(file: string): { maxRssBytes: number; cpuSeconds: number } | null {
  if (!existsSync(file)) return null;
  const last = readFileSync(file, "utf8").trim().split("\n").at(-1) ?? "";
  const [kib, user, system] = last.split(" ").map(Number);
  if (!Number.isFinite(kib) || !(kib! > 0)) return null;
  return { maxRssBytes: kib! * 1024, cpuSeconds: (user ?? 0) + (system ?? 0) };
}

/** The summed resident set of a process's descendants, and of the process itself if asked, from /proc. */
function treeRss(pid: number, includeRoot: boolean): number {
  let total = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    try {
      const status = readFileSync(`/proc/${p}/status`, "utf8");
      if (p !== pid || includeRoot) total += Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0) * 1024;
      for (const task of readdirSync(`/proc/${p}/task`)) {
        const children = readFileSync(`/proc/${p}/task/${task}/children`, "utf8").trim();
        if (children) stack.push(...children.split(/\s+/).map(Number));
      }
    } catch {
      // The process ended between two reads: it holds no memory any more.
    }
  }
  return total;
}
