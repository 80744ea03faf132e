// `npm run bench`: generate a synthetic corpus and measure the real CLI on it, each command a
// child process of its own, against the targets of issue #6. Options: --help.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
// @ts-expect-error plain JavaScript, run before any loader
import { compiledCli } from "../bin/compiled.js";
import { writeCorpus } from "../src/bench/write-corpus.js";
import { measureNode, rssMethod, type Measurement } from "./bench/measure.js";
import { formatBytes, renderTable, stepResult, TARGETS, type StepResult } from "./bench/results.js";

const HELP = `Usage: npm run bench -- [options]

Generate a synthetic source tree and measure, each as its own child process: the floor (read and
YAML.parse every file), cold validate, cold build, a rebuild after editing one meeting, validate
of one edited file (a summary edit, then one the tree-wide checks read), a release right after a
build of the same sources, verify of that release, and the site of it.
Before each step, the file system is synced, so that no step is timed against the one before's
disk writes. Prints a table and writes the figures as JSON.

Options:
  --meetings N       corpus size in meetings (default: 100000; everything else scales with it)
  --seed S           generator seed (default: 1)
  --out FILE         where to write the JSON figures (default: bench-results.json)
  --keep             keep the temporary folder (corpus, package, release) and print its path
  --cache-dir DIR    another cache folder to delete before each cold run (repeatable); .parlex-cache/
                     in the working folder and node_modules/.cache/parlex are always deleted
  --timeout SECONDS  give up on one command after this long (default: 1800)
  --check            exit 1 when a target is not met
  -h, --help         show this help`;

const REPO = path.resolve(fileURLToPath(new URL("..", import.meta.url)));
const CLI = path.join(REPO, "bin", "parlex.js");
const FLOOR = path.join(REPO, "scripts", "bench", "floor.ts");

const { values: args } = parseArgs({
  options: {
    meetings: { type: "string", default: "100000" },
    seed: { type: "string", default: "1" },
    out: { type: "string", default: "bench-results.json" },
    keep: { type: "boolean", default: false },
    "cache-dir": { type: "string", multiple: true, default: [] },
    timeout: { type: "string", default: "1800" },
    check: { type: "boolean", default: false },
    help: { type: "boolean", short: "h", default: false },
  },
});
if (args.help) {
  process.stdout.write(HELP + "\n");
  process.exit(0);
}
const meetings = positiveInteger("--meetings", args.meetings);
const seed = positiveInteger("--seed", args.seed, 0);
const timeoutSeconds = positiveInteger("--timeout", args.timeout);
const log = (message: string) => process.stderr.write(`bench: ${message}\n`);

const work = mkdtempSync(path.join(os.tmpdir(), "parlex-bench-"));
const steps: StepResult[] = [];
let failed = false;
try {
  const machine = {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? "unknown",
    memoryBytes: os.totalmem(),
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
  };
  process.stdout.write(`Machine: ${machine.cpus} cores (${machine.cpuModel}), ${formatBytes(machine.memoryBytes)} memory, Node ${machine.node}, ${machine.platform}\n`);
  process.stdout.write(`Peak RSS: ${rssMethod()}\n`);
  // bin/parlex.js runs lib/ only while it was compiled from this src/: say which ran.
  const compiledAtStart = compiledCli() !== undefined;
  process.stdout.write(`CLI: ${compiledAtStart ? "compiled (lib/)" : "src/ through tsx (lib/ is missing or stale: npm run compile)"}\n`);
  /** The first step that ran src/ through tsx although the run began with lib/: src/ or schemas/ was edited meanwhile. */
  let staleFrom: string | undefined;

  log(`generating ${meetings} meetings (seed ${seed}) in ${work}`);
  const generating = performance.now();
  const corpus = writeCorpus(work, { meetings, seed });
  const generateSeconds = (performance.now() - generating) / 1000;
  const { shape } = corpus;
  process.stdout.write(
    `Corpus: ${corpus.files.toLocaleString("en-US")} files, ${formatBytes(corpus.bytes)} — ${shape.meetings} meetings, ${shape.people} people, ` +
      `${shape.bodies} bodies, ${shape.documents} documents, ${shape.topics} topics, ${shape.visits} visits (generated in ${generateSeconds.toFixed(1)} s)\n\n`,
  );

  const run = async (what: string, argv: string[]): Promise<Measurement> => {
    // The step before may have left hundreds of megabytes for the kernel to write out: flush them
    // first, so that a step is not timed against the last one's disk writes.
    spawnSync("sync");
    if (compiledAtStart && staleFrom === undefined && argv[0] === CLI && compiledCli() === undefined) {
      staleFrom = what;
      log(`warning: lib/ no longer matches src/ and schemas/ (edited during the run?): "${what}" and the steps after it run src/ through tsx`);
    }
    log(`${what}: ${argv.join(" ")}`);
    const m = await measureNode(argv, { cwd: work, timeoutSeconds });
    log(`${what}: ${m.wallSeconds.toFixed(2)} s, exit ${m.exitCode ?? m.signal}${m.timedOut ? " (timed out)" : ""}`);
    if (m.exitCode !== 0) failed = true;
    return m;
  };
  const clearCaches = () => {
    for (const dir of [path.join(work, ".parlex-cache"), path.join(REPO, "node_modules", ".cache", "parlex"), ...args["cache-dir"].map((d) => path.resolve(d))]) {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  // tsx by URL: the children run in the work folder, where the bare name would not resolve.
  const floor = await run("floor", ["--import", import.meta.resolve("tsx"), FLOOR, "sources"]);
  const floorSeconds = floor.exitCode === 0 ? floor.wallSeconds : undefined;
  const floorFiles = floor.exitCode === 0 ? (JSON.parse(floor.stdout.trim().split("\n").at(-1)!) as { files: number }).files : undefined;
  steps.push(stepResult("floor", "floor (read + YAML.parse, 1 process)", floor, { ...(floorFiles !== undefined ? { files: floorFiles } : {}) }, floorSeconds));

  clearCaches();
  steps.push(stepResult("validate-cold", "validate (cold)", await run("cold validate", [CLI, "validate", "sources"]), { files: corpus.files }, floorSeconds));

  clearCaches();
  const build = await run("cold build", [CLI, "build", "sources", "--out", "package", "--quiet"]);
  const rows = build.exitCode === 0 ? countCsvRows(path.join(work, "package", "csv")) : undefined;
  steps.push(stepResult("build-cold", "build (cold)", build, { files: corpus.files, ...(rows !== undefined ? { rows } : {}) }, floorSeconds));

  const edited = corpus.meetingFiles[Math.floor(corpus.meetingFiles.length / 2)]!;
  editSummary(path.join(work, edited), "Edited by the benchmark: the summary of this meeting was changed to measure a rebuild.");
  const rebuild = await run("rebuild after one edit", [CLI, "build", "sources", "--out", "package", "--quiet"]);
  steps.push(stepResult("rebuild-one", "rebuild (1 meeting edited)", rebuild, { files: corpus.files, ...(rows !== undefined ? { rows } : {}) }, floorSeconds, `edited ${edited}`));

  editSummary(path.join(work, edited), "Edited again by the benchmark, so that validate sees a file it has not checked before.");
  const one = await run("validate one edited file", [CLI, "validate", edited]);
  const why =
    "the summary was edited again after the rebuild, so the file is new to the cache; unchanged files come from the stat index, and the tree-wide findings from the last run, as no file's tree facts changed; files/s counts the whole tree";
  steps.push(stepResult("validate-one", "validate 1 edited file (warm)", one, { files: corpus.files }, floorSeconds, why));

  // Not a target: the same, after an edit the tree-wide checks read, so they run again.
  editRole(path.join(work, edited));
  const facts = await run("validate one file whose tree facts changed", [CLI, "validate", edited]);
  const whyFacts = "a participant's role was edited: the tree-wide checks (references, dates, duplicates) run again over every file's records, read from the cache's log";
  steps.push(stepResult("validate-one-facts", "validate 1 file, tree facts changed (not a target)", facts, { files: corpus.files }, floorSeconds, whyFacts));

  steps.push(...(await verifyStep(run, rows, floorSeconds)));
  steps.push(...(await siteStep(run, floorSeconds)));

  const results = {
    generatedAt: new Date().toISOString(),
    machine,
    rssMethod: rssMethod(),
    corpus: { meetings, seed, shape, files: corpus.files, bytes: corpus.bytes, generateSeconds: Number(generateSeconds.toFixed(2)), ...(args.keep ? { dir: work } : {}) },
    targets: Object.fromEntries(Object.entries(TARGETS).map(([id, list]) => [id, list.map((t) => t.target)])),
    steps,
    allTargetsMet: steps.every((s) => s.available && s.targets.every((t) => t.met)),
    ...(staleFrom !== undefined ? { cliStaleFrom: staleFrom } : {}),
  };
  process.stdout.write(renderTable(steps));
  if (staleFrom !== undefined) {
    process.stdout.write(`\nWarning: from "${staleFrom}" on, the CLI ran src/ through tsx (lib/ went stale during the run): not the figures of the compiled CLI. Run npm run compile, then the bench again.\n`);
  }
  writeFileSync(path.resolve(args.out), JSON.stringify(results, null, 2) + "\n");
  process.stdout.write(`\nFigures written to ${args.out}.${args.keep ? ` Corpus, package and release kept in ${work}.` : ""}\n`);
  if (failed) process.exitCode = 1;
  else if (args.check && !results.allTargetsMet) process.exitCode = 1;
} finally {
  if (!args.keep) rmSync(work, { recursive: true, force: true });
}

/** verify needs a release (SHA256SUMS, manifest): make one with `release` when it exists, then verify it. */
async function verifyStep(run: (what: string, argv: string[]) => Promise<Measurement>, rows: number | undefined, floorSeconds: number | undefined): Promise<StepResult[]> {
  const help = spawnSync(process.execPath, [CLI, "--help"], { encoding: "utf8" }).stdout;
  const has = (command: string) => new RegExp(`^\\s+${command}\\s`, "m").test(help);
  if (!has("verify")) return [{ id: "verify", label: "verify", available: false, targets: TARGETS.verify!.map((t) => ({ target: t.target, met: false })), note: "no verify command in this checkout" }];
  const out: StepResult[] = [];
  let target = "package";
  if (has("release")) {
    // As a maintainer releases: a build of the sources to release (which the steps before left
    // edited since), looked at, then released; the release takes the build's files.
    await run("build of the sources to release (not timed as a step)", [CLI, "build", "sources", "--out", "package", "--quiet"]);
    const release = await run("release", [CLI, "release", "sources", "--date", "2026-01-01"]);
    out.push(stepResult("release", "release (after a build of the same sources)", release, { ...(rows !== undefined ? { rows } : {}) }, floorSeconds));
    const versions = existsSync(path.join(work, "dist-data")) ? readdirSync(path.join(work, "dist-data")).filter((v) => /^\d+\.\d+\.\d+/.test(v)) : [];
    if (versions[0]) target = path.join("dist-data", versions[0]);
  }
  const verify = await run("verify", [CLI, "verify", target]);
  const what = target === "package" ? "verify (build folder: no release to verify)" : "verify (release folder)";
  out.push(stepResult("verify", what, verify, { ...(rows !== undefined ? { rows } : {}) }, floorSeconds, `verified ${target}`));
  return out;
}

/** The site of the release verify read: its time, memory, and its largest page or data shard (the release files it serves are left out). */
async function siteStep(run: (what: string, argv: string[]) => Promise<Measurement>, floorSeconds: number | undefined): Promise<StepResult[]> {
  const help = spawnSync(process.execPath, [CLI, "--help"], { encoding: "utf8" }).stdout;
  if (!/^\s+site\s/m.test(help) || !existsSync(path.join(work, "dist-data"))) return [];
  const site = await run("site", [CLI, "site", "--out", "site", "--quiet"]);
  const largest = site.exitCode === 0 ? largestSiteFile(path.join(work, "site")) : undefined;
  const result = stepResult("site", "site (of the release)", site, {}, floorSeconds, largest && `largest page or shard: ${largest.path}, ${formatBytes(largest.bytes)}`);
  result.targets.push({ target: "no page or shard > 1 MB", met: largest !== undefined && largest.bytes <= 1024 * 1024 });
  return [result];
}

/** The largest file of a site but the releases' own files (under <version>/ and latest/). */
function largestSiteFile(root: string): { path: string; bytes: number } {
  let largest = { path: "", bytes: 0 };
  const walk = (dir: string, relative: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const rel = relative ? `${relative}/${entry.name}` : entry.name;
      if (!relative && entry.isDirectory() && (entry.name === "latest" || /^\d+\.\d+\.\d+/.test(entry.name))) continue;
      if (entry.isDirectory()) walk(path.join(dir, entry.name), rel);
      else {
        const bytes = statSync(path.join(dir, entry.name)).size;
        if (bytes > largest.bytes) largest = { path: rel, bytes };
      }
    }
  };
  walk(root, "");
  return largest;
}

/** Rows of every CSV table: line ends minus the header (the generated text never spans lines). */
function countCsvRows(dir: string): number {
  let rows = 0;
  for (const name of readdirSync(dir).filter((n) => n.endsWith(".csv"))) {
    const bytes = readFileSync(path.join(dir, name));
    let lines = 0;
    for (let i = bytes.indexOf(10); i !== -1; i = bytes.indexOf(10, i + 1)) lines++;
    rows += Math.max(0, lines - 1);
  }
  return rows;
}

/** Replace a meeting's summary, as a contributor's edit would. */
function editSummary(file: string, summary: string): void {
  const before = readFileSync(file, "utf8");
  const after = before.replace(/^summary:.*\n(?: {2}.*\n)*/m, `summary: >-\n  ${summary}\n`);
  if (after === before) throw new Error(`no summary to edit in ${file}`);
  writeFileSync(file, after);
}

/** Change the first participant's role: a field the tree-wide checks read (see src/validate/tree-facts.ts). */
function editRole(file: string): void {
  const before = readFileSync(file, "utf8");
  const after = before.replace(/^( {4}role: ).*$/m, "$1edited by the benchmark");
  if (after === before) throw new Error(`no role to edit in ${file}`);
  writeFileSync(file, after);
}

function positiveInteger(name: string, value: string, min = 1): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < min) {
    process.stderr.write(`bench: ${name} must be an integer ≥ ${min}, not ${value}\n`);
    process.exit(2);
  }
  return n;
}
