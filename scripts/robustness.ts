// `npm run robustness`: the robustness report of issue #7 — the hostile corpus, a fuzz batch and
// every kill — printed, and with --write recorded in docs/robustness.md. Options: --help.
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { renderFuzzSummary } from "../src/fuzz/render-fuzz-summary.js";
import { runFuzz } from "../src/fuzz/run-fuzz.js";
import { FAULT_POINTS } from "../src/write/fault-point.js";
import { listHostileCases, runHostileCase, type CaseOutcome } from "../tests/hardening/corpus.js";
import { FAULT_INTERRUPTIONS, prepareKillBench, randomInterruptions, runInterruption, type InterruptionOutcome } from "../tests/hardening/interruptions.js";
import { FUZZ_COUNT, FUZZ_SEED, KILL_SEED, RANDOM_KILLS, renderRecordedSection, tallyRun, withRecordedSection } from "../tests/hardening/robustness-report.js";
import { recordedSafetySection, renderSafetySection, runSafetySuites, SAFETY_SUITES } from "../tests/hardening/safety-report.js";

const HELP = `Usage: npm run robustness -- [--write]

Run the robustness checks and print what was tried and what went wrong:
  - every hostile case in tests/hardening/cases/ (validated in-process; findings, exit code,
    stderr and time checked),
  - ${FUZZ_COUNT} fuzz mutations from seed ${FUZZ_SEED} (validate and build each; \`npm run fuzz\` runs longer),
  - a kill of build or release at every fault point, and ${RANDOM_KILLS} random kills of each,
  - the safety suites of issue 17, each running the real commands against one class of attack or
    accident (${SAFETY_SUITES.map((s) => s.class.split(":")[0]).join("; ")}).

Options:
  --write      record the counts in docs/robustness.md (between its report markers)
  -h, --help   show this help

Exit codes: 0 nothing went wrong, 1 crashes, hangs, lost or partial outputs, unexpected findings, or a\nsafety test that failed or was skipped.`;

const REPO = path.resolve(fileURLToPath(new URL("..", import.meta.url)));
const DOC = path.join(REPO, "docs/robustness.md");

const { values: args } = parseArgs({ options: { write: { type: "boolean", default: false }, help: { type: "boolean", short: "h", default: false } } });
if (args.help) {
  process.stdout.write(HELP + "\n");
  process.exit(0);
}

const started = performance.now();
const say = (text: string) => process.stdout.write(text + "\n");

const cases = listHostileCases();
const outcomes: CaseOutcome[] = [];
for (const c of cases) outcomes.push(await runHostileCase(c));
say(`Hostile corpus: ${outcomes.length} cases, slowest ${Math.max(...outcomes.map((o) => o.ms)).toFixed(0)} ms.`);

const fuzz = await runFuzz({
  seed: FUZZ_SEED,
  count: FUZZ_COUNT,
  treeDir: path.join(REPO, "tests/fixtures/validate/valid-minimal"),
  timeoutMs: 5000,
  build: true,
  viaProcess: 2,
  bin: path.join(REPO, "bin/parlex.js"),
});
say(`Fuzz: ${renderFuzzSummary(fuzz).trimEnd()}`);

const bench = await prepareKillBench();
const kills: InterruptionOutcome[] = [];
try {
  for (const [n, interruption] of [...FAULT_INTERRUPTIONS, ...randomInterruptions(RANDOM_KILLS, KILL_SEED)].entries()) {
    const outcome = await runInterruption(bench, interruption, n);
    kills.push(outcome);
    say(`Kill: ${outcome.name}: ${outcome.ended}; left ${outcome.left}${outcome.problems.length ? `; PROBLEMS: ${outcome.problems.join("; ")}` : ""}`);
  }
} finally {
  await bench.remove();
}

say("Safety suites: running…");
const safety = runSafetySuites(REPO);
for (const t of safety) if (!t.passed) say(`Safety: ${t.skipped ? "skipped" : "FAILED"}: ${t.file}: ${t.name}`);
const safetyFailed = safety.filter((t) => !t.passed).length;
say(`Safety suites: ${safety.length} tests in ${SAFETY_SUITES.length} classes, ${safety.length - safetyFailed} passed, ${safetyFailed} failed or skipped.`);

const tally = tallyRun(cases, outcomes, fuzz, kills, FAULT_POINTS.length);
for (const o of outcomes) {
  const c = cases.find((x) => x.name === o.name)!;
  if ((o.code !== 0 && o.code !== 1) || o.stderr !== "" || JSON.stringify(o.tuples) !== JSON.stringify(c.expected)) {
    say(`Case ${o.name}: exit ${o.code}; expected ${JSON.stringify(c.expected)}, found ${JSON.stringify(o.tuples)}${o.stderr ? `; stderr: ${o.stderr.slice(0, 500)}` : ""}`);
  }
}
say("");
say(`Tried: ${tally.hostileCases} hostile cases, ${tally.fuzzMutations} fuzz mutations, ${tally.faultPoints} fault-point kills, ${tally.randomKills} random kills.`);
say(`Went wrong: ${tally.crashes} crashes, ${tally.hangs} hangs, ${tally.lostOrPartialOutputs} lost or partial outputs, ${tally.unexpectedFindings} cases with unexpected findings.`);
say(`(${((performance.now() - started) / 1000).toFixed(1)} s)`);
if (args.write) {
  const doc = withRecordedSection(await readFile(DOC, "utf8"), renderRecordedSection(tally, cases));
  const safetyNow = recordedSafetySection(doc);
  if (safetyNow === undefined) throw new Error(`${DOC} has no safety-report markers`);
  await writeFile(DOC, doc.replace(safetyNow, () => renderSafetySection(safety)));
  say(`Recorded in ${path.relative(process.cwd(), DOC)}.`);
}
const wrong = tally.crashes + tally.hangs + tally.lostOrPartialOutputs + tally.unexpectedFindings + safetyFailed;
process.exitCode = wrong ? 1 : 0;
