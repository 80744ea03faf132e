import { comparePatterns } from "./compare-patterns.js";
import type { Constraints } from "../verify/descriptor-schema.js";

/**
 * Whether a constraint accepts fewer values (tightened), more (loosened), the same values
 * written differently (restated), or some values it refused and refuses some it accepted, or
 * nothing can be shown either way (changed).
 */
export interface ConstraintChange {
  constraint: string;
  direction: Direction;
  before: unknown;
  after: unknown;
  /** A value the old constraint accepted and the new one refuses, when one was found. */
  refused?: string;
  /** A value the new constraint accepts and the old one refused, when one was found. */
  accepted?: string;
}

export type Direction = "tightened" | "loosened" | "changed" | "restated";

type Scalar = string | number | boolean;
const LOWER = new Set(["minimum", "exclusiveMinimum", "minLength"]);
const UPPER = new Set(["maximum", "exclusiveMaximum", "maxLength"]);

/**
 * How each constraint of a field changed. Adding a constraint tightens it, dropping one loosens
 * it. A changed pattern is loosened or tightened only when the languages were compared and one
 * holds the other (compare-patterns.ts); otherwise, and for a constraint this code does not
 * know, it is "changed", which no consumer can rely on (a major release).
 */
export function diffConstraints(before: Constraints = {}, after: Constraints = {}): ConstraintChange[] {
  const changes: ConstraintChange[] = [];
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  for (const name of names) {
    const b = canonical(name, (before as Record<string, unknown>)[name]);
    const a = canonical(name, (after as Record<string, unknown>)[name]);
    if (JSON.stringify(b) === JSON.stringify(a)) continue;
    if (name === "pattern" && typeof b === "string" && typeof a === "string") {
      changes.push({ constraint: name, ...patternChange(b, a), before: b, after: a });
      continue;
    }
    const direction = directionOf(name, b, a);
    if (direction) changes.push({ constraint: name, direction, before: b ?? null, after: a ?? null });
  }
  return changes;
}

/**
 * A constraint in the form that decides what it accepts. A Table Schema pattern must match the
 * whole value, so a `^` before it and a `$` after it change nothing: `^[A-Z]{2}$` is `[A-Z]{2}`.
 */
function canonical(name: string, value: unknown): unknown {
  if (name !== "pattern" || typeof value !== "string") return value;
  return value.replace(/^\^/, "").replace(/(?<!\\)\$$/, "");
}

/** A pattern's direction from the comparison of what the two accept, with a value showing it. */
function patternChange(before: string, after: string): Pick<ConstraintChange, "direction" | "refused" | "accepted"> {
  const { relation, refused, accepted } = comparePatterns(before, after);
  const direction: Direction = relation === "same" ? "restated" : relation === "wider" ? "loosened" : relation === "narrower" ? "tightened" : "changed";
  return { direction, ...(readable(refused) && { refused }), ...(readable(accepted) && { accepted }) };
}

/** An example worth printing: short, and only printable ASCII (the shortest witness may be a control character). */
function readable(value: string | undefined): value is string {
  return value !== undefined && value.length <= 40 && /^[\x20-\x7e]*$/.test(value);
}

function directionOf(name: string, b: unknown, a: unknown): Direction | null {
  if (name === "required" || name === "unique") {
    const was = b === true;
    const is = a === true;
    return was === is ? null : is ? "tightened" : "loosened";
  }
  if (b === undefined) return "tightened";
  if (a === undefined) return "loosened";
  if (name === "enum") {
    const now = new Set((a as Scalar[]).map(String));
    const was = new Set((b as Scalar[]).map(String));
    const dropped = (b as Scalar[]).some((v) => !now.has(String(v)));
    const added = (a as Scalar[]).some((v) => !was.has(String(v)));
    return dropped && added ? "changed" : dropped ? "tightened" : added ? "loosened" : null;
  }
  if (LOWER.has(name)) return compare(a, b) > 0 ? "tightened" : "loosened";
  if (UPPER.has(name)) return compare(a, b) < 0 ? "tightened" : "loosened";
  return "changed";
}

/** Numbers numerically; dates and other strings (ISO 8601 sorts as text) lexically. */
function compare(a: unknown, b: unknown): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}
