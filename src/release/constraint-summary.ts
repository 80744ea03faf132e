import type { ConstraintChange } from "./diff-constraints.js";
import { inlineCode } from "../render/markdown-text.js";

const LIMIT_NAMES: Record<string, string> = {
  minimum: "smallest value",
  exclusiveMinimum: "value it must stay above",
  maximum: "largest value",
  exclusiveMaximum: "value it must stay below",
  minLength: "shortest length",
  maxLength: "longest length",
};

/** What a constraint change means for a user of the data, in one plain sentence. */
export function constraintSummary(column: string, c: ConstraintChange): string {
  const col = inlineCode(column);
  if (c.constraint === "required") return c.direction === "loosened" ? `${col} may now be empty.` : `${col} can no longer be empty.`;
  if (c.constraint === "unique") return c.direction === "loosened" ? `Values of ${col} may now repeat.` : `Values of ${col} must now be unique.`;
  if (c.constraint === "pattern") return patternSummary(col, c);
  if (c.constraint === "enum") return valuesSummary(col, (c.before ?? []) as unknown[], (c.after ?? []) as unknown[]);
  const limit = LIMIT_NAMES[c.constraint];
  if (limit) {
    if (c.before === null) return `${col} now has a ${limit} of ${c.after}.`;
    if (c.after === null) return `${col} no longer has a ${limit} (it was ${c.before}).`;
    return `The ${limit} of ${col} is now ${c.after} (was ${c.before}).`;
  }
  return `The ${c.constraint} rule of ${col} changed in a way this tool cannot compare: treat its values as changed.`;
}

function patternSummary(col: string, c: ConstraintChange): string {
  const example = (value: string | undefined, words: string) => (value === undefined ? "" : `, such as ${inlineCode(value)}${words}`);
  if (c.before === null) return `${col} must now follow a pattern: some values may no longer be accepted.`;
  if (c.after === null) return `${col} no longer has to follow a pattern.`;
  switch (c.direction) {
    case "loosened":
      return `${col} accepts more values than before${example(c.accepted, "")}; every value it accepted is still accepted.`;
    case "tightened":
      return `${col} accepts fewer values than before${example(c.refused, ", no longer accepted")}.`;
    case "restated":
      return `The pattern of ${col} was rewritten; it accepts exactly the same values.`;
    default:
      if (c.refused === undefined && c.accepted === undefined) return `The pattern of ${col} changed in a way that could not be compared with the old one: treat its values as changed.`;
      return `${col} accepts different values than before${example(c.refused, " (no longer accepted)")}${example(c.accepted, " (newly accepted)")}.`;
  }
}

/** The values a field may take (an enum, or categories) before and after, as gained and lost. */
export function valuesSummary(col: string, before: readonly unknown[], after: readonly unknown[]): string {
  const was = new Set(before.map(String));
  const is = new Set(after.map(String));
  const list = (values: string[]) => values.map(inlineCode).join(", ");
  const gained = [...is].filter((v) => !was.has(v));
  const lost = [...was].filter((v) => !is.has(v));
  const parts = [...(gained.length ? [`may now be ${list(gained)}`] : []), ...(lost.length ? [`can no longer be ${list(lost)}`] : [])];
  return `${col} ${parts.join(" and ") || "allows the same values"}.`;
}
