import type { Change } from "./change.js";
import { diffConstraints, type Direction } from "./diff-constraints.js";
import type { Field, TableSchema } from "./descriptor-schema.js";

const KNOWN_FIELD_KEYS = new Set(["name", "type", "format", "title", "description", "example", "constraints", "categories", "categoriesOrdered"]);
const DESCRIPTIVE = ["title", "description", "example"] as const;

/** The level and kind of a constraint change, by its direction. */
const CONSTRAINT: Record<Direction, { level: Change["level"]; kind: Change["kind"] }> = {
  tightened: { level: "major", kind: "constraint-tightened" },
  changed: { level: "major", kind: "constraint-changed" },
  loosened: { level: "minor", kind: "constraint-loosened" },
  restated: { level: "patch", kind: "constraint-restated" },
};

/** Schema-level changes of a table present in both packages: fields, constraints, keys. */
export function diffTableSchema(table: string, before: TableSchema, after: TableSchema): Change[] {
  const changes: Change[] = [];
  const was = new Map(before.fields.map((f) => [f.name, f]));
  const is = new Map(after.fields.map((f) => [f.name, f]));
  for (const field of before.fields) {
    if (!is.has(field.name)) changes.push({ level: "major", kind: "field-removed", table, field: field.name, message: `field ${table}.${field.name} removed` });
  }
  for (const field of after.fields) {
    const old = was.get(field.name);
    if (!old) changes.push({ level: "minor", kind: "field-added", table, field: field.name, message: `field ${table}.${field.name} added (${field.type})` });
    else changes.push(...diffField(table, old, field));
  }
  const order = (fields: readonly Field[]) => fields.map((f) => f.name).filter((n) => was.has(n) && is.has(n)).join(",");
  if (order(before.fields) !== order(after.fields)) {
    changes.push({ level: "major", kind: "fields-reordered", table, message: `fields of ${table} reordered`, before: before.fields.map((f) => f.name), after: after.fields.map((f) => f.name) });
  }
  if (before.primaryKey.join() !== after.primaryKey.join()) {
    changes.push({ level: "major", kind: "primary-key-changed", table, message: `primary key of ${table} changed from (${before.primaryKey.join(", ")}) to (${after.primaryKey.join(", ")})`, before: before.primaryKey, after: after.primaryKey });
  }
  const keyText = (fk: TableSchema["foreignKeys"][number]) => `(${fk.fields.join(", ")}) → ${fk.reference.resource ?? table}(${fk.reference.fields.join(", ")})`;
  const oldKeys = new Set(before.foreignKeys.map(keyText));
  const newKeys = new Set(after.foreignKeys.map(keyText));
  for (const k of newKeys) if (!oldKeys.has(k)) changes.push({ level: "major", kind: "foreign-key-added", table, message: `foreign key ${table}${k} added (a constraint tightened)` });
  for (const k of oldKeys) if (!newKeys.has(k)) changes.push({ level: "minor", kind: "foreign-key-removed", table, message: `foreign key ${table}${k} removed (a constraint loosened)` });
  if (JSON.stringify(before.missingValues) !== JSON.stringify(after.missingValues)) {
    changes.push({ level: "major", kind: "missing-values-changed", table, message: `missing values of ${table} changed`, before: before.missingValues, after: after.missingValues });
  }
  return changes;
}

function diffField(table: string, before: Field, after: Field): Change[] {
  const name = `${table}.${after.name}`;
  const base = { table, field: after.name };
  const changes: Change[] = [];
  if (before.type !== after.type) changes.push({ ...base, level: "major", kind: "field-retyped", message: `field ${name} retyped from ${before.type} to ${after.type}`, before: before.type, after: after.type });
  if ((before.format ?? "default") !== (after.format ?? "default")) {
    changes.push({ ...base, level: "major", kind: "field-retyped", message: `field ${name} format changed from ${before.format ?? "default"} to ${after.format ?? "default"}`, before: before.format, after: after.format });
  }
  for (const c of diffConstraints(before.constraints, after.constraints)) {
    const { level, kind } = CONSTRAINT[c.direction];
    const message = `constraint ${c.constraint} of ${name} ${c.direction}: ${JSON.stringify(c.before)} → ${JSON.stringify(c.after)}`;
    const examples = { ...(c.refused !== undefined && { refused: c.refused }), ...(c.accepted !== undefined && { accepted: c.accepted }) };
    changes.push({ ...base, level, kind, message, before: c.before, after: c.after, ...examples });
  }
  changes.push(...diffCategories(table, before, after));
  for (const key of DESCRIPTIVE) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      changes.push({ ...base, level: "patch", kind: "field-described", message: `${key} of ${name} changed`, before: before[key] ?? null, after: after[key] ?? null });
    }
  }
  const rest = (f: Field) => JSON.stringify(Object.entries(f).filter(([k]) => !KNOWN_FIELD_KEYS.has(k)).sort(([a], [b]) => (a < b ? -1 : 1)));
  if (rest(before) !== rest(after)) changes.push({ ...base, level: "major", kind: "field-changed", message: `how ${name} is read changed (${rest(before)} → ${rest(after)})` });
  return changes;
}

/**
 * Categories are the levels of a factor in R and a categorical in pandas (load.R, load.py).
 * Values lost: major; values gained: minor; the levels' order changed: minor, since a consumer's
 * level order and integer codes change though every value still reads, but major when the
 * categories are ordered, where comparisons between values change; made ordered: minor (adds
 * comparisons), made unordered: major; labels alone: patch. Values that `enum` mirrors and
 * already reports as lost or gained are not reported twice.
 */
function diffCategories(table: string, before: Field, after: Field): Change[] {
  if (JSON.stringify(before.categories) === JSON.stringify(after.categories) && Boolean(before.categoriesOrdered) === Boolean(after.categoriesOrdered)) return [];
  const name = `${table}.${after.name}`;
  const base = { table, field: after.name, before: before.categories ?? null, after: after.categories ?? null };
  const b = categoryValues(before);
  const a = categoryValues(after);
  const mirrored = mirrorsEnum(before, b) && mirrorsEnum(after, a);
  const lost = b.filter((v) => !a.includes(v));
  const gained = a.filter((v) => !b.includes(v));
  const ordered = Boolean(before.categoriesOrdered) && Boolean(after.categoriesOrdered);
  const changes: Change[] = [];
  if (lost.length && !mirrored) changes.push({ ...base, level: "major", kind: "constraint-tightened", message: `categories of ${name} lost values: ${lost.join(", ")}` });
  if (gained.length && !mirrored) changes.push({ ...base, level: "minor", kind: "constraint-loosened", message: `categories of ${name} gained values: ${gained.join(", ")}` });
  const kept = (values: string[], other: string[]) => values.filter((v) => other.includes(v)).join("\u0000");
  if (kept(b, a) !== kept(a, b)) {
    changes.push({ ...base, level: ordered ? "major" : "minor", kind: "category-order-changed", message: `categories of ${name} reordered${ordered ? " (ordered categories)" : ""}: ${b.join(", ")} → ${a.join(", ")}` });
  }
  if (Boolean(before.categoriesOrdered) !== Boolean(after.categoriesOrdered)) {
    const now = Boolean(after.categoriesOrdered);
    changes.push({ ...base, level: now ? "minor" : "major", kind: "category-order-changed", message: `categories of ${name} ${now ? "made ordered" : "no longer ordered"}`, before: Boolean(before.categoriesOrdered), after: now });
  }
  if (!changes.length && !lost.length && !gained.length) changes.push({ ...base, level: "patch", kind: "field-described", message: `category labels of ${name} changed` });
  return changes;
}

function categoryValues(field: Field): string[] {
  return (field.categories ?? []).map((c) => (typeof c === "object" ? String(c.value) : String(c)));
}

function mirrorsEnum(field: Field, values: string[]): boolean {
  return JSON.stringify(values) === JSON.stringify((field.constraints?.enum ?? []).map(String));
}
