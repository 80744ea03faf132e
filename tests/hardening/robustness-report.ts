import { isDeepStrictEqual } from "node:util";
import type { FuzzSummary } from "../../src/fuzz/run-fuzz.js";
import type { CaseOutcome, HostileCase } from "./corpus.js";
import type { InterruptionOutcome } from "./interruptions.js";

/*
 * The robustness report (issue #7): what `npm run robustness` tried and what went wrong, and the
 * section of docs/robustness.md that records it. The constants are shared with the tests, so the
 * recorded counts are the suite's counts; tests/hardening/report.test.ts holds the two together.
 */

/** The bounded fuzz run of the test suite and the report. */
export const FUZZ_SEED = 1;
export const FUZZ_COUNT = 300;
/** Kills of each command at random moments, and their seed. */
export const RANDOM_KILLS = 2;
export const KILL_SEED = 7;
/**
 * A hostile case answered later than this counts as a hang: a guard against input that makes
 * validation explode (an alias bomb would run for minutes), not a speed target. The slowest case
 * takes about 1.5 s on an idle machine and 6.6 s was seen on one shared with a dozen busy
 * processes, so the bound is far above both.
 */
export const CASE_TIME_BOUND_MS = 30_000;

export const BEGIN = "<!-- robustness-report:begin — written by `npm run robustness -- --write`; do not edit -->";
export const END = "<!-- robustness-report:end -->";

/** What the report counts. Everything after `randomKills` must be zero. */
export interface Tally {
  hostileCases: number;
  fuzzMutations: number;
  faultPoints: number;
  randomKills: number;
  /** An exit code other than 0 or 1, a throw, or anything on stderr (a stack trace) where a report was due. */
  crashes: number;
  /** No answer within the time bound. */
  hangs: number;
  /** A kill or a failed build that lost or damaged an output or a release, or a next run that did not recover. */
  lostOrPartialOutputs: number;
  /** A hostile case whose findings are not exactly the expected ones. */
  unexpectedFindings: number;
}

/** Count a run of the three parts. */
export function tallyRun(cases: readonly HostileCase[], outcomes: readonly CaseOutcome[], fuzz: FuzzSummary, kills: readonly InterruptionOutcome[], faultPoints: number): Tally {
  const byName = new Map(cases.map((c) => [c.name, c]));
  const crashed = outcomes.filter((o) => (o.code !== 0 && o.code !== 1) || o.stderr !== "").length;
  const hung = outcomes.filter((o) => o.ms > CASE_TIME_BOUND_MS).length;
  const unexpected = outcomes.filter((o) => !isDeepStrictEqual(o.tuples, byName.get(o.name)?.expected) || (o.records && !isDeepStrictEqual(o.records.hostile, o.records.plain))).length;
  return {
    hostileCases: outcomes.length,
    fuzzMutations: fuzz.mutations,
    faultPoints,
    randomKills: kills.length - faultPoints,
    crashes: crashed + fuzz.crashes,
    hangs: hung + fuzz.hangs,
    lostOrPartialOutputs: fuzz.partialOutputs + kills.filter((k) => k.problems.length > 0).length,
    unexpectedFindings: unexpected,
  };
}

/** The recorded section: the counts, then every hostile case with its policy and the codes it yields. */
export function renderRecordedSection(tally: Tally, cases: readonly HostileCase[]): string {
  const policies = ["reject", "warn", "accept", "ignore"] as const;
  const perPolicy = policies.map((p) => `${cases.filter((c) => c.policy === p).length} ${p}`).join(", ");
  const lines = [
    BEGIN,
    "",
    "| tried | count |",
    "|---|---:|",
    `| hostile cases (tests/hardening/cases/: ${perPolicy}) | ${tally.hostileCases} |`,
    `| fuzz mutations (seed ${FUZZ_SEED}; validate and build each; a few through the executable) | ${tally.fuzzMutations} |`,
    `| kills at fault points (PARLEX_FAULT_AT, every point in FAULT_POINTS) | ${tally.faultPoints} |`,
    `| kills at random moments (SIGKILL from outside, seed ${KILL_SEED}) | ${tally.randomKills} |`,
    "",
    "| went wrong | count |",
    "|---|---:|",
    `| crashes (exit 2 or 3, a throw, a stack trace) | ${tally.crashes} |`,
    `| hangs (no answer within the time bound) | ${tally.hangs} |`,
    `| lost or partial outputs (an output or release damaged, or not recovered by the next run) | ${tally.lostOrPartialOutputs} |`,
    `| hostile cases with other findings than expected | ${tally.unexpectedFindings} |`,
    "",
    "| hostile case | policy | codes |",
    "|---|---|---|",
    ...cases.map((c) => `| \`${c.name}\` — ${c.about.replace(/\|/g, "\\|")} | ${c.policy} | ${[...new Set(c.expected.map((t) => t[0]))].map((code) => `\`${code}\``).join(", ") || "—"} |`),
    "",
    END,
  ];
  return lines.join("\n");
}

/** The recorded section of a document, or undefined when its markers are missing. */
export function recordedSection(doc: string): string | undefined {
  const start = doc.indexOf(BEGIN);
  const end = doc.indexOf(END);
  return start < 0 || end < start ? undefined : doc.slice(start, end + END.length);
}

/** A document with its recorded section replaced. */
export function withRecordedSection(doc: string, section: string): string {
  const current = recordedSection(doc);
  if (current === undefined) throw new Error(`the document has no ${BEGIN} … ${END} markers`);
  return doc.replace(current, () => section);
}

/** The tally a run that found nothing wrong has: the counts of what the suite tries, and zeros. */
export function cleanTally(hostileCases: number, faultPoints: number): Tally {
  return { hostileCases, fuzzMutations: FUZZ_COUNT, faultPoints, randomKills: 2 * RANDOM_KILLS, crashes: 0, hangs: 0, lostOrPartialOutputs: 0, unexpectedFindings: 0 };
}
