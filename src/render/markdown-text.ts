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

/** `n word(s)`. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
