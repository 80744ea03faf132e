import type { Measurement } from "./measure.js";

/** One target from issue #6, checked against one step. */
export interface TargetCheck {
  target: string;
  met: boolean;
}

/** The figures of one benchmark step. */
export interface StepResult {
  id: string;
  label: string;
  /** False when the command does not exist yet (then nothing was measured). */
  available: boolean;
  command?: string[];
  exitCode?: number | null;
  wallSeconds?: number;
  peakRssBytes?: number | null;
  processPeakRssBytes?: number | null;
  treePeakRssBytes?: number | null;
  cpuSeconds?: number | null;
  loadAverage?: number;
  files?: number;
  filesPerSecond?: number;
  rows?: number;
  rowsPerSecond?: number;
  ratioToFloor?: number;
  targets: TargetCheck[];
  note?: string;
}

/** A target a step is held to: its wording and the test of a measurement. */
export interface Target {
  target: string;
  test: (m: Measurement, floorSeconds: number | undefined) => boolean;
}

/** 2 GB as the issue writes it: SI gigabytes, the stricter reading of "GB". */
export const GB = 1e9;

/** The targets of issue #6 (and of issues 19 and 21: the site and the release), by step id. */
export const TARGETS: Record<string, readonly Target[]> = {
  "build-cold": [
    { target: "wall ≤ 20 s", test: (m) => m.wallSeconds <= 20 },
    { target: "peak RSS ≤ 2 GB", test: (m) => m.peakRssBytes !== null && m.peakRssBytes <= 2 * GB },
    { target: "faster than the floor", test: (m, floor) => floor !== undefined && m.wallSeconds < floor },
  ],
  "rebuild-one": [{ target: "wall ≤ 3 s", test: (m) => m.wallSeconds <= 3 }],
  "validate-one": [{ target: "wall ≤ 1.5 s", test: (m) => m.wallSeconds <= 1.5 }],
  verify: [{ target: "wall ≤ 5 s", test: (m) => m.wallSeconds <= 5 }],
  // Issue 21: a release of sources just built takes the build's files.
  release: [{ target: "≤ 0.6 × floor", test: (m, floor) => floor !== undefined && m.wallSeconds <= 0.6 * floor }],
  site: [
    { target: "faster than the floor", test: (m, floor) => floor !== undefined && m.wallSeconds < floor },
    { target: "peak RSS ≤ 2 GB", test: (m) => m.peakRssBytes !== null && m.peakRssBytes <= 2 * GB },
  ],
};

/** A step's figures from its measurement: throughput, ratio to the floor and targets (a failed command meets none). */
export function stepResult(id: string, label: string, m: Measurement, counts: { files?: number; rows?: number }, floorSeconds: number | undefined, note?: string): StepResult {
  const ok = m.exitCode === 0 && !m.timedOut;
  const per = (n: number | undefined) => (n === undefined || m.wallSeconds <= 0 ? undefined : n / m.wallSeconds);
  const failure = m.timedOut ? "timed out" : m.exitCode !== 0 ? `exited with ${m.exitCode ?? m.signal}` : undefined;
  const notes = [note, failure && `${failure}: ${firstLines(m.stderr || m.stdout, 4)}`].filter(Boolean).join("; ");
  return {
    id,
    label,
    available: true,
    command: m.command,
    exitCode: m.exitCode,
    wallSeconds: round(m.wallSeconds, 3),
    peakRssBytes: m.peakRssBytes,
    processPeakRssBytes: m.processPeakRssBytes,
    treePeakRssBytes: m.treePeakRssBytes,
    cpuSeconds: m.cpuSeconds === null ? null : round(m.cpuSeconds, 2),
    loadAverage: round(m.loadAverage, 2),
    ...(counts.files !== undefined ? { files: counts.files, filesPerSecond: round(per(counts.files)!, 0) } : {}),
    ...(counts.rows !== undefined ? { rows: counts.rows, rowsPerSecond: round(per(counts.rows)!, 0) } : {}),
    ...(floorSeconds ? { ratioToFloor: round(m.wallSeconds / floorSeconds, 2) } : {}),
    targets: (TARGETS[id] ?? []).map((t) => ({ target: t.target, met: ok && t.test(m, floorSeconds) })),
    ...(notes ? { note: notes } : {}),
  };
}

/** The results as a plain-text table, one step a row, targets beside the figures. */
export function renderTable(steps: readonly StepResult[]): string {
  const header = ["step", "wall", "cpu", "peak RSS", "files/s", "rows/s", "× floor", "load", "targets (issue #6)"];
  const rows = steps.map((s) =>
    s.available
      ? [
          s.label,
          `${s.wallSeconds!.toFixed(2)} s`,
          s.cpuSeconds != null ? `${s.cpuSeconds.toFixed(1)} s` : "?",
          s.peakRssBytes ? formatBytes(s.peakRssBytes) : "?",
          s.filesPerSecond !== undefined ? s.filesPerSecond.toLocaleString("en-US") : "—",
          s.rowsPerSecond !== undefined ? s.rowsPerSecond.toLocaleString("en-US") : "—",
          s.ratioToFloor !== undefined ? s.ratioToFloor.toFixed(2) : "—",
          s.loadAverage !== undefined ? s.loadAverage.toFixed(1) : "",
          s.targets.length ? s.targets.map((t) => `${t.target}: ${t.met ? "met" : "NOT met"}`).join("; ") : "—",
        ]
      : [s.label, "not available", "", "", "", "", "", "", s.targets.map((t) => `${t.target}: not measured`).join("; ") || "—"],
  );
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 || i === cells.length - 1 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ").trimEnd();
  const notes = steps.filter((s) => s.note).map((s) => `  ${s.label}: ${s.note}`);
  const legend = "cpu: user + system CPU time (over wall: the command used both cores); load: 1-minute load average as the step began";
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line), "", legend, ...(notes.length ? ["", "Notes:", ...notes] : [])].join("\n") + "\n";
}

/** Bytes in SI units, as the targets are written. */
export function formatBytes(bytes: number): string {
  return bytes >= GB ? `${(bytes / GB).toFixed(2)} GB` : `${(bytes / 1e6).toFixed(0)} MB`;
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** The head of a command's output: where the CLI says what went wrong (a stack trace's message comes first). */
function firstLines(text: string, n: number): string {
  return text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(0, n)
    .join(" / ");
}
