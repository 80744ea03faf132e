import { spawn } from "node:child_process";
import { watch } from "node:fs";
import { cp, mkdtemp, readdir, readFile, realpath, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { checkPackageFiles, sameSnapshot, snapshotFolder } from "../../src/fuzz/check-output.js";
import { createRandom } from "../../src/fuzz/random.js";
import { FAULT_POINTS } from "../../src/write/fault-point.js";
import { runParlex } from "../helpers/cli.js";

/*
 * Kill `parlex build` and `parlex release` with SIGKILL — at every named fault point
 * (PARLEX_FAULT_AT), and at seeded random moments — in a project that already has a release
 * (dist-data/1.0.0, the root datapackage.json) and a build output (dist-data/next), after a source
 * edit that makes both a new build and a new release due. Then check what the kill left, that no
 * temporary folder passes for a release, and that the next run succeeds and ends byte-identical to
 * an uninterrupted run. Each check that fails is a problem string; none is the goal.
 * Used by tests/hardening/interrupted.test.ts and scripts/robustness.ts.
 */

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const BIN = path.join(ROOT, "bin/parlex.js");
const SMALL_SOURCES = path.join(ROOT, "tests/fixtures/build/small/sources");
const EDITED = "sources/meetings/2023/gamma-alpha-astana.yaml";
const OUT = "dist-data/next";
const FIRST_RELEASE = ["release", "--date", "2026-11-22"];
const NEXT_RELEASE = ["release", "--date", "2026-11-23"];
const BUILD = ["build", "--no-cache", "--quiet"];

/** One way to interrupt a command: at a fault point, or after a delay. */
export interface Interruption {
  command: "build" | "release";
  point?: (typeof FAULT_POINTS)[number];
  afterMs?: number;
}

/** What one interruption came to. */
export interface InterruptionOutcome {
  name: string;
  /** How the killed process ended: "SIGKILL", or "exit 0" when it finished before a random kill. */
  ended: string;
  /** What the kill left, in a few words (where a random kill landed). */
  left: string;

  problems: string[];
  ms: number;
}

/** A kill at every fault point. */
export const FAULT_INTERRUPTIONS: Interruption[] = FAULT_POINTS.map((point) => ({ command: point.startsWith("build:") ? "build" : "release", point }));

/**
 * `count` kills of each command at seeded random moments of its writing: a delay after its staging
 * folder appears of up to a little more than writing takes here (the small fixture's package: tens
 * of ms; a release with its archive: a few hundred), so that the kills land before, during and
 * after the renames whatever the machine's speed.
 */
export function randomInterruptions(count: number, seed: number): Interruption[] {
  const random = createRandom(seed);
  return (["build", "release"] as const).flatMap((command) =>
    Array.from({ length: count }, (): Interruption => ({ command, afterMs: random.int(0, command === "build" ? 80 : 150) })),
  );
}

export function nameOf(i: Interruption): string {
  return `${i.command} killed ${i.point ? `at ${i.point}` : `${i.afterMs} ms after its staging folder appeared`}`;
}

type Snapshot = Map<string, Buffer>;

/** The project before the kill, and the states an uninterrupted build and release end in. */
export interface KillBench {
  parent: string;
  template: string;
  before: Snapshot;
  afterBuild: Snapshot;
  afterRelease: Snapshot;
  remove(): Promise<void>;
}

/** Make the project (release 1.0.0, a build, then the edit) and the two reference end states. */
export async function prepareKillBench(): Promise<KillBench> {
  const parent = await realpath(await mkdtemp(path.join(os.tmpdir(), "parlex-kill-")));
  const template = path.join(parent, "template");
  await cp(SMALL_SOURCES, path.join(template, "sources"), { recursive: true });
  await expectExit(0, FIRST_RELEASE, template);
  await expectExit(0, BUILD, template);
  const edited = path.join(template, EDITED);
  await writeFile(edited, (await readFile(edited, "utf8")).replace("summary: A meeting during the visit.", "summary: A meeting held during the visit."));
  const before = await projectState(template);
  const reference = async (argv: string[]) => {
    const dir = await copyProject(template, path.join(parent, `reference-${argv[0]}`));
    await expectExit(0, argv, dir);
    return projectState(dir);
  };
  return { parent, template, before, afterBuild: await reference(BUILD), afterRelease: await reference(NEXT_RELEASE), remove: () => rm(parent, { recursive: true, force: true }) };
}

/** Kill one run, check what it left, run the command again, and check the end state. */
export async function runInterruption(bench: KillBench, interruption: Interruption, index: number): Promise<InterruptionOutcome> {
  const started = performance.now();
  const name = nameOf(interruption);
  const dir = await copyProject(bench.template, path.join(bench.parent, `kill-${index}`));
  const problems: string[] = [];
  const argv = interruption.command === "build" ? BUILD : NEXT_RELEASE;
  const ended = await killedRun(argv, dir, interruption);
  if (interruption.point && ended !== "SIGKILL") problems.push(`the run at ${interruption.point} ended with ${ended}, not SIGKILL`);
  const state = await projectState(dir);
  const checked = interruption.command === "build" ? await checkBuildAfterKill(bench, dir, state, interruption) : await checkReleaseAfterKill(bench, dir, state, interruption);
  await rm(dir, { recursive: true, force: true });
  return { name, ended, left: checked.left, problems: checked.problems, ms: Math.round(performance.now() - started) };
}

/** Where the output is after a build killed at each point: the old one in place, set aside (retired), or the new one in place. */
const BUILD_LEFT: Partial<Record<string, string>> = {
  "build:staging-partly-written": "previous",
  "build:staged": "previous",
  "build:old-retired": "retired",
  "build:new-in-place": "new",
};

/** Whether the new version folder is published after a release killed at each point. */
const RELEASE_PUBLISHED: Partial<Record<string, boolean>> = {
  "release:staging-partly-written": false,
  "release:staged": false,
  "release:published": true,
  "release:root-descriptor-staged": true,
};

async function checkBuildAfterKill(bench: KillBench, dir: string, left: Snapshot, interruption: Interruption): Promise<{ left: string; problems: string[] }> {
  const problems: string[] = [];
  const previous = subtree(bench.before, OUT);
  const next = subtree(bench.afterBuild, OUT);
  const out = subtree(left, OUT);
  const retired = subtree(left, "dist-data/.parlex-retired-next");
  // `.parlex-staging-<pid>-next-…`: named by the build's process.
  const staging = folders(left, "dist-data/.parlex-staging-").filter((f) => /^dist-data\/\.parlex-staging-\d+-next-/.test(f));
  // Releases and the root descriptor are never touched by a build.
  if (!sameSnapshot(outside(left, ["dist-data/next", "dist-data/.parlex-"]), outside(bench.before, ["dist-data/next"]))) problems.push("a build kill changed a release or the root descriptor");
  const state = out.size === 0 ? (sameSnapshot(retired, previous) ? "retired" : "lost") : sameSnapshot(out, previous) ? "previous" : sameSnapshot(out, next) ? "new" : "partial";
  const expected = BUILD_LEFT[interruption.point ?? ""];
  if (expected ? state !== expected : !["previous", "retired", "new"].includes(state)) problems.push(`after the kill the output is ${state}${expected ? `, not ${expected}` : ""}`);
  if (state === "new" && checkPackageFiles(out).length) problems.push(`the new output is incomplete: ${checkPackageFiles(out).join("; ")}`);
  if (interruption.point === "build:staged" && staging.length !== 1) problems.push(`a kill at build:staged left ${staging.length} staging folders, not 1`);
  problems.push(...(await checkNotReleases(dir, "1.0.0")));
  // The next run restores a retired output before anything else: even a build of invalid sources puts it back.
  const broken = path.join(dir, "broken");
  await cp(path.join(dir, "sources"), broken, { recursive: true });
  await writeFile(path.join(broken, "people/extra.yaml"), "id: extra\n");
  const refused = await runParlex(["build", "broken", "--no-cache", "--quiet"], dir);
  if (refused.code !== 1) problems.push(`a build of invalid sources after the kill exited ${refused.code}, not 1`);
  await rm(broken, { recursive: true, force: true });
  const restored = await projectState(dir);
  const kept = state === "new" ? next : previous;
  if (!sameSnapshot(subtree(restored, OUT), kept)) problems.push(`the failed build after the kill did not leave the ${state === "new" ? "new" : "previous"} output in place`);
  if ([...restored.keys()].some((f) => f.startsWith("dist-data/.parlex-"))) problems.push("the failed build after the kill left a staging or retired folder");
  const again = await runParlex(BUILD, dir);
  if (again.code !== 0) problems.push(`the next build exited ${again.code}: ${again.stderr}`);
  if (!sameSnapshot(await projectState(dir), bench.afterBuild)) problems.push("after the next build the project differs from an uninterrupted build's");
  return { left: `${state} output${staging.length ? ", a staging folder" : ""}${retired.size && state !== "retired" ? ", a retired folder" : ""}`, problems };
}

async function checkReleaseAfterKill(bench: KillBench, dir: string, left: Snapshot, interruption: Interruption): Promise<{ left: string; problems: string[] }> {
  const problems: string[] = [];
  const published = subtree(left, "dist-data/1.0.1");
  const rootBefore = bench.before.get("datapackage.json");
  if (!sameSnapshot(subtree(left, "dist-data/1.0.0"), subtree(bench.before, "dist-data/1.0.0"))) problems.push("the kill changed the published release 1.0.0");
  if (!sameSnapshot(subtree(left, OUT), subtree(bench.before, OUT))) problems.push("a release kill changed the build output");
  if (published.size > 0 && !sameSnapshot(published, subtree(bench.afterRelease, "dist-data/1.0.1"))) problems.push("dist-data/1.0.1 appeared incomplete or different from an uninterrupted release's");
  const root = left.get("datapackage.json");
  const rootState = root?.equals(rootBefore!) ? "previous" : root?.equals(bench.afterRelease.get("datapackage.json")!) ? "new" : "broken";
  if (rootState === "broken") problems.push("the root datapackage.json is neither the old one nor the new one");
  const expectPublished = RELEASE_PUBLISHED[interruption.point ?? ""];
  if (expectPublished !== undefined && (published.size > 0) !== expectPublished) problems.push(`after a kill at ${interruption.point}, dist-data/1.0.1 is ${published.size > 0 ? "" : "not "}there`);
  if (interruption.point && rootState !== "previous") problems.push(`after a kill at ${interruption.point}, the root descriptor moved before the release was complete`);
  if (interruption.point === "release:root-descriptor-staged" && ![...left.keys()].some((f) => f.startsWith("datapackage.json.tmp-"))) problems.push("no half-written root descriptor after a kill at release:root-descriptor-staged");
  problems.push(...(await checkNotReleases(dir, published.size > 0 ? "1.0.1" : "1.0.0")));
  const again = await runParlex(NEXT_RELEASE, dir);
  // When the kill came after publication, the release is out: the next run repairs the root descriptor and has nothing to release.
  const wanted = published.size > 0 ? 1 : 0;
  if (again.code !== wanted) problems.push(`the next release exited ${again.code}, not ${wanted}: ${again.stderr}`);
  if (published.size > 0 && !/nothing changed since 1\.0\.1/.test(again.stderr)) problems.push(`the next release did not say that nothing changed: ${again.stderr}`);
  if (!sameSnapshot(await projectState(dir), bench.afterRelease)) problems.push("after the next release the project differs from an uninterrupted release's");
  const staging = folders(left, "dist-data/.parlex-staging-release-");
  return { left: `${published.size ? "1.0.1 published" : "no 1.0.1"}, ${rootState} root descriptor${staging.length ? ", a staging folder" : ""}`, problems };
}

/** `verify` passes on every release folder, and `diff` compares with the latest real release, not a temporary folder. */
async function checkNotReleases(dir: string, latest: string): Promise<string[]> {
  const problems: string[] = [];
  const versions = (await readdir(path.join(dir, "dist-data"))).filter((e) => /^\d+\.\d+\.\d+$/.test(e));
  for (const version of versions) {
    const verified = await runParlex(["verify", `dist-data/${version}`], dir);
    if (verified.code !== 0) problems.push(`verify dist-data/${version} exited ${verified.code}: ${verified.stdout}`);
  }
  const diff = await runParlex(["diff", "--format", "json"], dir);
  const before = diff.code === 0 ? (JSON.parse(diff.stdout) as { before: unknown }).before : undefined;
  if (diff.code !== 0) problems.push(`diff exited ${diff.code}: ${diff.stderr}`);
  else if (before !== latest) problems.push(`diff compared with ${JSON.stringify(before)}, not ${latest}`);
  return problems;
}

/** Run the real executable and kill it (itself at a fault point, or from here with SIGKILL after a delay); how it ended. */
function killedRun(argv: string[], cwd: string, interruption: Interruption): Promise<string> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, NO_COLOR: "1", ...(interruption.point ? { PARLEX_FAULT_AT: interruption.point } : {}) };
    const child = spawn(process.execPath, [BIN, ...argv], { cwd, env, stdio: "ignore" });
    let timer: NodeJS.Timeout | undefined;
    const watcher =
      interruption.afterMs === undefined
        ? undefined
        : watch(path.join(cwd, "dist-data"), (_event, name) => {
            if (timer === undefined && name?.startsWith(".parlex-staging-")) timer = setTimeout(() => child.kill("SIGKILL"), interruption.afterMs);
          });
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      watcher?.close();
      resolve(signal ?? `exit ${code}`);
    });
  });
}

async function expectExit(code: number, argv: string[], cwd: string): Promise<void> {
  const run = await runParlex(argv, cwd);
  if (run.code !== code) throw new Error(`parlex ${argv.join(" ")} exited ${run.code}: ${run.stderr}`);
}

async function copyProject(from: string, to: string): Promise<string> {
  await cp(from, to, { recursive: true });
  return to;
}

/** Every file of a project but its sources and cache. */
async function projectState(dir: string): Promise<Snapshot> {
  const all = (await snapshotFolder(dir)) ?? new Map<string, Buffer>();
  return new Map([...all].filter(([f]) => !f.startsWith("sources/") && !f.startsWith(".parlex-cache/")));
}

/** The files under a folder of a snapshot, relative to that folder. */
function subtree(snapshot: Snapshot, folder: string): Snapshot {
  return new Map([...snapshot].filter(([f]) => f.startsWith(folder + "/")).map(([f, b]) => [f.slice(folder.length + 1), b]));
}

/** A snapshot without the files whose paths start with any of the prefixes. */
function outside(snapshot: Snapshot, prefixes: string[]): Snapshot {
  return new Map([...snapshot].filter(([f]) => !prefixes.some((p) => f.startsWith(p))));
}

/** The distinct folders of a snapshot whose paths start with a prefix. */
function folders(snapshot: Snapshot, prefix: string): string[] {
  return [...new Set([...snapshot.keys()].filter((f) => f.startsWith(prefix)).map((f) => f.split("/").slice(0, 2).join("/")))];
}
