import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { FAULT_POINTS } from "../../src/write/fault-point.js";
import { FAULT_INTERRUPTIONS, nameOf, prepareKillBench, randomInterruptions, runInterruption, type KillBench } from "./interruptions.js";
import { KILL_SEED, RANDOM_KILLS } from "./robustness-report.js";

/*
 * SIGKILL during `build` and `release` — at every fault point, and at random moments of their
 * writing — loses nothing: the previous output and every published release stay byte-identical,
 * no temporary folder passes for a release, and the next run succeeds and ends byte-identical to
 * an uninterrupted run. tests/hardening/interruptions.ts says what is checked after each kill.
 */

let bench: KillBench;
beforeAll(async () => {
  bench = await prepareKillBench();
}, 60_000);
afterAll(() => bench?.remove());

test("every fault point is tried", () => {
  expect(FAULT_INTERRUPTIONS.map((i) => i.point)).toEqual([...FAULT_POINTS]);
});

describe.concurrent("killed at a fault point", () => {
  test.each(FAULT_INTERRUPTIONS.map((i, n) => [nameOf(i), i, n] as const))("%s", async (_name, interruption, n) => {
    const outcome = await runInterruption(bench, interruption, n);
    expect({ ended: outcome.ended, problems: outcome.problems }).toEqual({ ended: "SIGKILL", problems: [] });
  }, 60_000);
});

describe.concurrent("killed at a random moment of its writing", () => {
  test.each(randomInterruptions(RANDOM_KILLS, KILL_SEED).map((i, n) => [nameOf(i), i, 100 + n] as const))("%s", async (_name, interruption, n) => {
    const outcome = await runInterruption(bench, interruption, n);
    expect(outcome.problems).toEqual([]);
  }, 60_000);
});
