import { withoutFile, type FileSummary } from "../validate/check-file.js";
import type { FileStat } from "./worker-protocol.js";

// What the stat index keeps of a file (stat-index.ts): its entry, and its check's summary in the
// compact form the index stores.

/**
 * A check's summary as the stat index keeps it: only the facts digest when the file has no
 * finding of its own (nearly always), the whole summary otherwise.
 */
export type CompactSummary = string | FileSummary;

/** A stat index entry: the file's stat when last read, the key of the bytes read then, when that run began, and the summary of their check. */
export type StatEntry = [...FileStat, key: string, readAt: number, summary: CompactSummary];

/** Whether a value read back from the index's file or journal is a stat entry (damaged ones are not). */
export function isStatEntry(value: unknown): value is StatEntry {
  if (!Array.isArray(value) || value.length !== 8) return false;
  const numbers = [0, 1, 2, 3, 4, 6].every((i) => typeof value[i] === "number");
  return numbers && typeof value[5] === "string" && (typeof value[7] === "string" || isSummary(value[7]));
}

/** Whether a value is a summary with findings as the index keeps them. */
export function isSummary(value: unknown): value is FileSummary {
  const v = value as Partial<FileSummary> | null;
  return typeof v === "object" && v !== null && typeof v.facts === "string" && Array.isArray(v.diagnostics);
}

/** Whether two runs of five numbers (a FileStat's) are equal. */
export function sameNumbers(a: ArrayLike<unknown>, at: number, b: ArrayLike<unknown>, bt: number): boolean {
  return a[at] === b[bt] && a[at + 1] === b[bt + 1] && a[at + 2] === b[bt + 2] && a[at + 3] === b[bt + 3] && a[at + 4] === b[bt + 4];
}

/** A summary as the index keeps it. */
export function compactSummary(check: FileSummary): CompactSummary {
  const clean = check.diagnostics.length === 0 && check.shape?.length === 0 && check.local?.length === 0;
  if (clean) return check.facts;
  const { diagnostics, shape, local, facts } = withoutFile(check);
  return { diagnostics, ...(shape ? { shape } : {}), ...(local ? { local } : {}), facts };
}

/** The empty findings of a file without any, shared (frozen: never to be added to) by every such summary. */
const NONE = Object.freeze([]) as unknown as FileSummary["diagnostics"];

/** A summary as the index keeps it, whole again. */
export function expandSummary(summary: CompactSummary): FileSummary {
  return typeof summary === "string" ? { diagnostics: NONE, shape: NONE, local: NONE, facts: summary } : summary;
}
