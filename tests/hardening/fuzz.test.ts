import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "vitest";
import { mutateTree } from "../../src/fuzz/mutate-tree.js";
import { createRandom } from "../../src/fuzz/random.js";
import { runFuzz } from "../../src/fuzz/run-fuzz.js";
import { FUZZ_COUNT, FUZZ_SEED } from "./robustness-report.js";

/*
 * The bounded fuzz run: FUZZ_COUNT seeded mutations of valid-minimal, each validated in-process
 * in a watched worker (a time bound per command) and built over the previous output; a few also
 * validated by the real executable. `npm run fuzz` runs longer (see --help).
 */

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

test("mutations are deterministic: the same seed gives the same tree", () => {
  const base = new Map([["sources/topics/trade.yaml", new TextEncoder().encode("id: trade\nlabel: Trade\ndescription: Trade.\n")]]);
  const once = mutateTree(base, createRandom(42));
  const again = mutateTree(base, createRandom(42));
  expect(again).toEqual(once);
  expect(once.steps.length).toBeGreaterThan(0);
  expect(base.get("sources/topics/trade.yaml")).toEqual(new TextEncoder().encode("id: trade\nlabel: Trade\ndescription: Trade.\n"));
});

test(`${FUZZ_COUNT} mutations: validate always answers 0 or 1 in time, and build never leaves partial output`, async () => {
  const summary = await runFuzz({
    seed: FUZZ_SEED,
    count: FUZZ_COUNT,
    treeDir: path.join(ROOT, "tests/fixtures/validate/valid-minimal"),
    timeoutMs: 5000,
    build: true,
    viaProcess: 2,
    bin: path.join(ROOT, "bin/parlex.js"),
  });
  expect(summary.failures).toEqual([]);
  expect({ crashes: summary.crashes, hangs: summary.hangs, partialOutputs: summary.partialOutputs }).toEqual({ crashes: 0, hangs: 0, partialOutputs: 0 });
  expect(summary.mutations).toBe(FUZZ_COUNT);
  expect(summary.viaProcess).toBe(2);
  // The run must exercise both outcomes of both commands, or it proves little.
  expect(summary.valid).toBeGreaterThan(10);
  expect(summary.invalid).toBeGreaterThan(100);
  expect(summary.built).toBe(summary.valid);
  expect(summary.refused).toBe(summary.invalid);
}, 120_000);
