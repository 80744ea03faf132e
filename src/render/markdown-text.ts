import { LONG_TEXT, wordDiff } from "./word-diff.js";

/** Text as a Markdown code span, whatever backticks it holds. */
export function inlineCode(text: string): string {
  const runs = text.match(/`+/g) ?? [];
  const fence = "`".repeat(Math.max(0, ...runs.map((r) => r.length)) + 1);
  const pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** A cell value for a changelog or diff: JSON (strings quoted, escapes visible), `null` when missing. */
export function showValue(value: unknown): string {
  return inlineCode(value === undefined ? "null" : JSON.stringify(value));
}

/**
 * A value's change for a changelog or diff: both values, or for long text (either longer than
 * LONG_TEXT) only the words that changed, with context, so a one-word edit of a paragraph reads
 * as one word.
 */
export function showChange(before: unknown, after: unknown): string {
  if (typeof before === "string" && typeof after === "string" && Math.max(before.length, after.length) > LONG_TEXT) {
    return `words changed: ${inlineCode(wordDiff(before, after))}`;
  }
  return `${showValue(before)} → ${showValue(after)}`;
}

/** `n word(s)`. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
