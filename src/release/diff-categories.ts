import type { Change } from "./change.js";
import { valuesSummary } from "./constraint-summary.js";
import type { Field } from "../verify/descriptor-schema.js";
import { inlineCode } from "../render/markdown-text.js";

/**
 * Categories are the levels of a factor in R and a categorical in pandas (load.R, load.py).
 * Values lost: major; values gained: minor; the levels' order changed: minor, since a consumer's
 * level order and integer codes change though every value still reads, but major when the
 * categories are ordered, where comparisons between values change; made ordered: minor (adds
 * comparisons), made unordered: major; labels alone: patch. Values that `enum` mirrors and
 * already reports as lost or gained are not reported twice.
 */
export function diffCategories(table: string, before: Field, after: Field): Change[] {
  if (JSON.stringify(before.categories) === JSON.stringify(after.categories) && Boolean(before.categoriesOrdered) === Boolean(after.categoriesOrdered)) return [];
  const name = `${table}.${after.name}`;
  const col = inlineCode(name);
  const base = { table, field: after.name, before: before.categories ?? null, after: after.categories ?? null };
  const b = categoryValues(before);
  const a = categoryValues(after);
  const mirrored = mirrorsEnum(before, b) && mirrorsEnum(after, a);
  const lost = b.filter((v) => !a.includes(v));
  const gained = a.filter((v) => !b.includes(v));
  const ordered = Boolean(before.categoriesOrdered) && Boolean(after.categoriesOrdered);
  const changes: Change[] = [];
  if (lost.length && !mirrored) changes.push({ ...base, level: "major", kind: "constraint-tightened", summary: valuesSummary(col, lost, []), message: `categories of ${name} lost values: ${lost.join(", ")}` });
  if (gained.length && !mirrored) changes.push({ ...base, level: "minor", kind: "constraint-loosened", summary: valuesSummary(col, [], gained), message: `categories of ${name} gained values: ${gained.join(", ")}` });
  const kept = (values: string[], other: string[]) => values.filter((v) => other.includes(v)).join("\u0000");
  if (kept(b, a) !== kept(a, b)) {
    const summary = `The categories of ${col} are in a new order (${a.map(inlineCode).join(", ")}): so are its factor levels in R and pandas${ordered ? ", and comparisons between its values" : ""}.`;
    changes.push({ ...base, level: ordered ? "major" : "minor", kind: "category-order-changed", summary, message: `categories of ${name} reordered${ordered ? " (ordered categories)" : ""}: ${b.join(", ")} → ${a.join(", ")}` });
  }
  if (Boolean(before.categoriesOrdered) !== Boolean(after.categoriesOrdered)) {
    const now = Boolean(after.categoriesOrdered);
    const summary = now ? `The categories of ${col} are now ordered, from ${inlineCode(a[0] ?? "")} to ${inlineCode(a.at(-1) ?? "")}.` : `The categories of ${col} are no longer ordered: comparing its values no longer means anything.`;
    changes.push({ ...base, level: now ? "minor" : "major", kind: "category-order-changed", summary, message: `categories of ${name} ${now ? "made ordered" : "no longer ordered"}`, before: Boolean(before.categoriesOrdered), after: now });
  }
  if (!changes.length && !lost.length && !gained.length) changes.push({ ...base, level: "patch", kind: "field-described", summary: `The category labels of ${col} were reworded.`, message: `category labels of ${name} changed` });
  return changes;
}

function categoryValues(field: Field): string[] {
  return (field.categories ?? []).map((c) => (typeof c === "object" ? String(c.value) : String(c)));
}

function mirrorsEnum(field: Field, values: string[]): boolean {
  return JSON.stringify(values) === JSON.stringify((field.constraints?.enum ?? []).map(String));
}
