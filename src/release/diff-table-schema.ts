import type { Change } from "./change.js";
import { diffConstraints } from "./diff-constraints.js";
import type { Field, TableSchema } from "../verify/descriptor-schema.js";

const KNOWN_FIELD_KEYS = new Set(["name", "type", "format", "title", "description", "example", "constraints", "categories", "categoriesOrdered"]);
const DESCRIPTIVE = ["title", "description", "example"] as const;

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
    const kind = c.direction === "tightened" ? "constraint-tightened" : "constraint-loosened";
    const message = `constraint ${c.constraint} of ${name} ${c.direction}: ${JSON.stringify(c.before)} → ${JSON.stringify(c.after)}`;
    changes.push({ ...base, level: c.direction === "tightened" ? "major" : "minor", kind, message, before: c.before, after: c.after });
  }
  const categories = diffCategories(before, after);
  if (categories) changes.push({ ...base, ...categories, message: `categories of ${name} ${categories.message}`, before: before.categories, after: after.categories });
  for (const key of DESCRIPTIVE) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      changes.push({ ...base, level: "patch", kind: "field-described", message: `${key} of ${name} changed`, before: before[key] ?? null, after: after[key] ?? null });
    }
  }
  const rest = (f: Field) => JSON.stringify(Object.entries(f).filter(([k]) => !KNOWN_FIELD_KEYS.has(k)).sort(([a], [b]) => (a < b ? -1 : 1)));
  if (rest(before) !== rest(after)) changes.push({ ...base, level: "major", kind: "field-changed", message: `how ${name} is read changed (${rest(before)} → ${rest(after)})` });
  return changes;
}

/** Categories mirror `enum` here; a change that `enum` already reports is not reported twice. */
function diffCategories(before: Field, after: Field): { level: Change["level"]; kind: Change["kind"]; message: string } | null {
  const values = (f: Field) => (f.categories ?? []).map((c) => (typeof c === "object" ? String(c.value) : String(c)));
  const b = values(before);
  const a = values(after);
  const sameAsEnum = (f: Field, v: string[]) => JSON.stringify(v) === JSON.stringify((f.constraints?.enum ?? []).map(String));
  if (JSON.stringify(before.categories) === JSON.stringify(after.categories) && before.categoriesOrdered === after.categoriesOrdered) return null;
  if (sameAsEnum(before, b) && sameAsEnum(after, a) && JSON.stringify(b) !== JSON.stringify(a)) return null;
  if (b.some((v) => !a.includes(v))) return { level: "major", kind: "constraint-tightened", message: "lost values" };
  if (a.length > b.length) return { level: "minor", kind: "constraint-loosened", message: "gained values" };
  return { level: before.categoriesOrdered || after.categoriesOrdered ? "major" : "patch", kind: "field-described", message: "relabelled or reordered" };
}
