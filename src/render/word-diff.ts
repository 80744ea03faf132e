import { diffWords } from "diff";

/** A run of text both versions share, or an edit: what was removed and what was added there. */
type Segment = { same: string } | { removed: string; added: string };

/** Texts longer than this (either one) are shown as a word diff rather than whole, before and after. */
export const LONG_TEXT = 80;

/**
 * What changed between two texts, word by word, in the notation of `git diff --word-diff=plain`:
 * `[-removed-]{+added+}`, with `context` words kept around each edit and the rest elided as `…`.
 * Edits one or two words apart are shown as one, which reads better than a word-by-word patchwork.
 * Control characters are shown escaped (`\n`), so the result is one line.
 */
export function wordDiff(before: string, after: string, context = 6): string {
  const segments = mergeCloseEdits(segmentsOf(before, after));
  const shown = segments
    .map((s, i) => {
      if (!("same" in s)) return (s.removed && `[-${s.removed}-]`) + (s.added && `{+${s.added}+}`);
      const first = i === 0;
      const last = i === segments.length - 1;
      if (first && last) return s.same;
      if (first) return tail(s.same, context);
      if (last) return head(s.same, context);
      return ends(s.same, context);
    })
    .join("");
  return visible(shown);
}

function segmentsOf(before: string, after: string): Segment[] {
  const segments: Segment[] = [];
  for (const part of diffWords(before, after)) {
    const last = segments.at(-1);
    if (!part.added && !part.removed) segments.push({ same: part.value });
    else if (last && !("same" in last)) part.added ? (last.added += part.value) : (last.removed += part.value);
    else segments.push(part.added ? { removed: "", added: part.value } : { removed: part.value, added: "" });
  }
  return segments;
}

/** Folds a shared run of at most two words between two edits into one edit around them. */
function mergeCloseEdits(segments: Segment[]): Segment[] {
  const out: Segment[] = [];
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i]!;
    const prev = out.at(-1);
    const next = segments[i + 1];
    if ("same" in s && prev && !("same" in prev) && next && !("same" in next) && s.same.trim().split(/\s+/).length <= 2) {
      prev.removed += s.same + next.removed;
      prev.added += s.same + next.added;
      i++;
    } else out.push("same" in s ? s : { ...s });
  }
  return out;
}

/** The first `n` words of a text and the space after them, then `…` if more words follow. */
function head(text: string, n: number): string {
  const m = firstWords(text, n);
  return m !== null && m.length < text.trimEnd().length ? m + "…" : text;
}

/** `…`, then the space before the last `n` words of a text and those words, if more words precede. */
function tail(text: string, n: number): string {
  const m = lastWords(text, n);
  return m !== null && text.length - m.length > text.length - text.trimStart().length ? "…" + m : text;
}

/** The first and last `n` words of a text with `…` between, when the text has more words than that. */
function ends(text: string, n: number): string {
  const first = firstWords(text, n);
  const last = lastWords(text, n);
  return first !== null && last !== null && first.length < text.length - last.length ? `${first}…${last}` : text;
}

function firstWords(text: string, n: number): string | null {
  return text.match(new RegExp(`^\\s*(?:\\S+\\s+){${n}}`))?.[0] ?? null;
}

function lastWords(text: string, n: number): string | null {
  return text.match(new RegExp(`(?:\\s+\\S+){${n}}\\s*$`))?.[0] ?? null;
}

function visible(text: string): string {
  return text.replace(/[\u0000-\u001f\u2028\u2029]/g, (c) => JSON.stringify(c).slice(1, -1));
}
