import type { FuzzSummary } from "./run-fuzz.js";

/** A fuzz run as a few lines, then every failure with the seed that replays it. */
export function renderFuzzSummary(s: FuzzSummary): string {
  const lines = [
    `${s.mutations} mutations from seed ${s.seed} in ${(s.ms / 1000).toFixed(1)} s: ${s.valid} valid, ${s.invalid} invalid; ${s.built} built, ${s.refused} refused; ${s.viaProcess} also through the executable.`,
    `crashes: ${s.crashes}, hangs: ${s.hangs}, partial outputs: ${s.partialOutputs}`,
  ];
  for (const f of s.failures) lines.push(`- ${f.kind} at seed ${f.seed} (${f.steps.join("; ")}): ${f.detail}`);
  return lines.join("\n") + "\n";
}
