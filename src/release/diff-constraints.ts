import type { Constraints } from "../verify/descriptor-schema.js";

/** Whether a constraint accepts fewer values (tightened) or more (loosened) than before. */
export interface ConstraintChange {
  constraint: string;
  direction: "tightened" | "loosened";
  before: unknown;
  after: unknown;
}

type Scalar = string | number | boolean;
const LOWER = new Set(["minimum", "exclusiveMinimum", "minLength"]);
const UPPER = new Set(["maximum", "exclusiveMaximum", "maxLength"]);

/**
 * How each constraint of a field changed. Adding a constraint tightens it, dropping one loosens
 * it; a changed pattern (or an unknown constraint) counts as tightened, since no one can prove
 * the new one accepts every value the old one did.
 */
export function diffConstraints(before: Constraints = {}, after: Constraints = {}): ConstraintChange[] {
  const changes: ConstraintChange[] = [];
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  for (const name of names) {
    const b = canonical(name, (before as Record<string, unknown>)[name]);
    const a = canonical(name, (after as Record<string, unknown>)[name]);
    if (JSON.stringify(b) === JSON.stringify(a)) continue;
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

function directionOf(name: string, b: unknown, a: unknown): ConstraintChange["direction"] | null {
  if (name === "required" || name === "unique") {
    const was = b === true;
    const is = a === true;
    return was === is ? null : is ? "tightened" : "loosened";
  }
  if (b === undefined) return "tightened";
  if (a === undefined) return "loosened";
  if (name === "enum") {
    const now = new Set((a as Scalar[]).map(String));
    const dropped = (b as Scalar[]).some((v) => !now.has(String(v)));
    if (dropped) return "tightened";
    return (a as Scalar[]).length > (b as Scalar[]).length ? "loosened" : null;
  }
  if (LOWER.has(name)) return compare(a, b) > 0 ? "tightened" : "loosened";
  if (UPPER.has(name)) return compare(a, b) < 0 ? "tightened" : "loosened";
  return "tightened";
}

/** Numbers numerically; dates and other strings (ISO 8601 sorts as text) lexically. */
function compare(a: unknown, b: unknown): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}
