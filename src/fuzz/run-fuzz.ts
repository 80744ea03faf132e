import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import { CODES } from "../catalogue/codes.js";
import type { ValidationReport } from "../validate/build-report.js";
import { checkPackageFiles, sameSnapshot, snapshotFolder } from "./check-output.js";
import { mutateTree, type Tree } from "./mutate-tree.js";
import { createRandom } from "./random.js";
import { WatchedCli, type CliResult } from "./watched-cli.js";

/** What to fuzz and how hard. */
export interface FuzzOptions {
  /** Mutation i uses the seed `seed + i`: `--seed <seed + i> --count 1` replays it alone. */
  seed: number;
  count: number;
  /** A folder with a valid `sources/` (and an `archive/` of document texts, if quotes are to be checked). */
  treeDir: string;
  /** Time bound of one command, in-process. */
  timeoutMs: number;
  /** Also build each mutated tree over an existing output, and check what is left. */
  build: boolean;
  /** How many of the mutations (spread over the run) are also validated by the real executable. */
  viaProcess: number;
  /** The executable: bin/parlex.js. */
  bin: string;
  onProgress?: (done: number, total: number) => void;
}

/** One thing that went wrong, with what it takes to replay it. */
export interface FuzzFailure {
  seed: number;
  steps: string[];
  kind: "crash" | "hang" | "partial-output";
  detail: string;
}

/** The outcome of a run: counts, and every failure (none is the goal). */
export interface FuzzSummary {
  seed: number;
  mutations: number;
  /** Mutated trees validation accepted and refused. */
  valid: number;
  invalid: number;
  /** Builds that wrote a package, and builds that refused (invalid sources). */
  built: number;
  refused: number;
  viaProcess: number;
  crashes: number;
  hangs: number;
  partialOutputs: number;
  failures: FuzzFailure[];
  ms: number;
}

const VALIDATE = ["validate", "--format", "json", "--no-cache", "--quiet"];
const BUILD = ["build", "--out", "out", "--no-cache", "--quiet"];

/**
 * Mutate a valid tree `count` times and check every mutation: `validate` ends with exit 0 or 1
 * and a well-formed report within the time bound (never 2 or 3, never a throw, never a hang), and
 * `build` over an existing output either writes a complete package or leaves the output as it was.
 */
export async function runFuzz(options: FuzzOptions): Promise<FuzzSummary> {
  const started = performance.now();
  const base = await readTree(options.treeDir);
  const archive = [...base.keys()].some((f) => f.startsWith("archive/")) ? ["--archive", "archive"] : [];
  const work = await mkdtemp(path.join(os.tmpdir(), "parlex-fuzz-"));
  const cli = new WatchedCli();
  const summary: FuzzSummary = { seed: options.seed, mutations: 0, valid: 0, invalid: 0, built: 0, refused: 0, viaProcess: 0, crashes: 0, hangs: 0, partialOutputs: 0, failures: [], ms: 0 };
  const fail = (failure: FuzzFailure) => {
    summary.failures.push(failure);
    if (failure.kind === "crash") summary.crashes++;
    else if (failure.kind === "hang") summary.hangs++;
    else summary.partialOutputs++;
  };
  try {
    // One folder for the whole run: its archive/ stays, sources/ is rewritten for each mutation,
    // and out/ holds the output of the last build, which the next build must keep or replace whole.
    const dir = path.join(work, "tree");
    await writeTree(dir, base);
    let previous = options.build ? await buildOnce(cli, dir, archive, options.timeoutMs * 10) : undefined;
    const processEvery = options.viaProcess > 0 ? Math.max(1, Math.floor(options.count / options.viaProcess)) : Infinity;
    for (let i = 0; i < options.count; i++) {
      const seed = options.seed + i;
      const { tree, steps } = mutateTree(base, createRandom(seed));
      const fault = (kind: FuzzFailure["kind"], detail: string) => fail({ seed, steps, kind, detail });
      await rm(path.join(dir, "sources"), { recursive: true, force: true });
      if (!(await writeTree(dir, tree, "sources/"))) continue;
      summary.mutations++;
      const validated = await cli.run([...VALIDATE, ...archive], dir, options.timeoutMs);
      const report = judgeValidation(validated, fault);
      if (report?.valid) summary.valid++;
      else if (report) summary.invalid++;
      if (report && summary.viaProcess < options.viaProcess && i % processEvery === 0) {
        summary.viaProcess++;
        const child = await runProcess(options.bin, [...VALIDATE, ...archive], dir, options.timeoutMs * 20);
        if (child.kind !== "exited") fault(child.kind === "hung" ? "hang" : "crash", `the executable: ${child.kind === "threw" ? child.message : "no answer in time"}`);
        else if (child.code !== (report.valid ? 0 : 1) || child.stderr !== "" || !isDeepStrictEqual(JSON.parse(child.stdout), report)) fault("crash", `the executable exited ${child.code} with another report than in-process: ${child.stderr.slice(0, 500)}`);
      }
      if (previous) previous = await judgeBuild(cli, dir, previous, [...BUILD, ...archive], options.timeoutMs, summary, fault);
      options.onProgress?.(i + 1, options.count);
    }
  } finally {
    await cli.close();
    await rm(work, { recursive: true, force: true });
  }
  summary.ms = Math.round(performance.now() - started);
  return summary;
}

/** The report of a validate run, or undefined after recording what was wrong with the run. */
function judgeValidation(run: CliResult, fault: (kind: FuzzFailure["kind"], detail: string) => void): ValidationReport | undefined {
  if (run.kind === "hung") return void fault("hang", "validate did not answer in time");
  if (run.kind === "threw") return void fault("crash", `validate threw: ${run.message}`);
  if (run.code !== 0 && run.code !== 1) return void fault("crash", `validate exited ${run.code}: ${run.stderr.slice(0, 2000)}`);
  let report: ValidationReport;
  try {
    report = JSON.parse(run.stdout) as ValidationReport;
  } catch {
    return void fault("crash", `validate printed no JSON report: ${run.stdout.slice(0, 200)}`);
  }
  const malformed = report.diagnostics.filter((d) => !(d.code in CODES) || !(d.line >= 0 && d.column >= 0) || (d.line === 0) !== (d.column === 0));
  if (malformed.length) return void fault("crash", `malformed findings: ${JSON.stringify(malformed.slice(0, 3))}`);
  if (report.valid !== (report.errors === 0) || run.code !== (report.valid ? 0 : 1) || run.stderr !== "") {
    return void fault("crash", `exit ${run.code} does not match the report (valid: ${report.valid}, errors: ${report.errors}); stderr: ${run.stderr.slice(0, 500)}`);
  }
  return report;
}

/** Build over the previous output; a build must write a complete package or leave the output exactly as it was. */
async function judgeBuild(
  cli: WatchedCli,
  dir: string,
  previous: Map<string, Buffer>,
  argv: string[],
  timeoutMs: number,
  summary: FuzzSummary,
  fault: (kind: FuzzFailure["kind"], detail: string) => void,
): Promise<Map<string, Buffer>> {
  const out = path.join(dir, "out");
  const run = await cli.run(argv, dir, timeoutMs * 2);
  const after = await snapshotFolder(out);
  const leftovers = (await readdir(dir)).filter((e) => e.startsWith(".parlex-staging-") || e.startsWith(".parlex-retired-"));
  if (run.kind === "hung") fault("hang", "build did not answer in time");
  else if (run.kind === "threw") fault("crash", `build threw: ${run.message}`);
  else if (leftovers.length) fault("partial-output", `build left ${leftovers.join(", ")}`);
  else if (run.code === 0) {
    summary.built++;
    const problems = after ? checkPackageFiles(after) : ["the output folder is absent"];
    if (problems.length) fault("partial-output", `build exited 0 with an incomplete package: ${problems.slice(0, 5).join("; ")}`);
  } else if (run.code === 1) {
    summary.refused++;
    if (!sameSnapshot(previous, after)) fault("partial-output", "build exited 1 but changed the output folder");
  } else fault("crash", `build exited ${run.code}: ${run.stderr.slice(0, 2000)}`);
  if (run.kind === "exited" && (run.code === 0 || run.code === 1) && after && leftovers.length === 0) return after;
  // After a failure, start the next build from a clean copy of what was there before.
  for (const entry of [...leftovers, "out"]) await rm(path.join(dir, entry), { recursive: true, force: true });
  await writeTree(out, previous);
  return previous;
}

/** Build the unmutated tree: the output the first mutated build starts from. */
async function buildOnce(cli: WatchedCli, dir: string, archive: string[], timeoutMs: number): Promise<Map<string, Buffer>> {
  const run = await cli.run([...BUILD, ...archive], dir, timeoutMs);
  const built = await snapshotFolder(path.join(dir, "out"));
  if (run.kind !== "exited" || run.code !== 0 || !built) throw new Error(`the unmutated tree does not build: ${JSON.stringify(run).slice(0, 2000)}`);
  return built;
}

/** Every file of a tree folder into memory (links and hidden files are not part of a base tree). */
async function readTree(dir: string): Promise<Tree> {
  const tree: Tree = new Map();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const relative = path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/");
    if (relative.split("/").some((part) => part.startsWith("."))) continue;
    if (relative.startsWith("sources/") || relative.startsWith("archive/")) tree.set(relative, new Uint8Array(await readFile(path.join(dir, relative))));
  }
  return tree;
}

/** Write the files of a tree under `prefix` into a folder; false when the file system refuses a name (e.g. a file where a folder must be). */
async function writeTree(dir: string, tree: ReadonlyMap<string, Uint8Array>, prefix = ""): Promise<boolean> {
  try {
    for (const [relative, bytes] of tree) {
      if (!relative.startsWith(prefix)) continue;
      const file = path.join(dir, ...relative.split("/"));
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, bytes);
    }
    return true;
  } catch {
    return false;
  }
}

/** Run the real executable with a time bound; a child killed by it counts as hung. */
function runProcess(bin: string, argv: string[], cwd: string, timeoutMs: number): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...argv], { cwd, timeout: timeoutMs, killSignal: "SIGKILL", maxBuffer: 256 << 20, env: { ...process.env, NO_COLOR: "1" } }, (error, stdout, stderr) => {
      if (error && error.killed) resolve({ id: 0, kind: "hung" });
      else if (error && typeof error.code !== "number") resolve({ id: 0, kind: "threw", message: error.message });
      else resolve({ id: 0, kind: "exited", code: error ? (error.code as number) : 0, stdout, stderr });
    });
  });
}
