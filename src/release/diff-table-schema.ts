import type { Change } from "./change.js";
import { diffCategories } from "./diff-categories.js";
import { constraintSummary } from "./constraint-summary.js";
import { diffConstraints, type Direction } from "./diff-constraints.js";
import type { Field, TableSchema } from "../verify/descriptor-schema.js";
import { inlineCode } from "../render/markdown-text.js";

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
    if (!is.has(field.name)) changes.push({ level: "major", kind: "field-removed", table, field: field.name, summary: `Column ${inlineCode(`${table}.${field.name}`)} is gone.`, message: `field ${table}.${field.name} removed` });
  }
  for (const field of after.fields) {
    const old = was.get(field.name);
    if (!old) changes.push({ level: "minor", kind: "field-added", table, field: field.name, summary: `New column ${inlineCode(`${table}.${field.name}`)} (${field.type}).`, message: `field ${table}.${field.name} added (${field.type})` });
    else changes.push(...diffField(table, old, field));
  }
  const order = (fields: readonly Field[]) => fields.map((f) => f.name).filter((n) => was.has(n) && is.has(n)).join(",");
  if (order(before.fields) !== order(after.fields)) {
    changes.push({ level: "major", kind: "fields-reordered", table, summary: `The columns of ${inlineCode(table)} are in a new order.`, message: `fields of ${table} reordered`, before: before.fields.map((f) => f.name), after: after.fields.map((f) => f.name) });
  }
  if (before.primaryKey.join() !== after.primaryKey.join()) {
    changes.push({ level: "major", kind: "primary-key-changed", table, summary: `Rows of ${inlineCode(table)} are now identified by (${after.primaryKey.join(", ")}) instead of (${before.primaryKey.join(", ")}): they cannot be matched with the old ones.`, message: `primary key of ${table} changed from (${before.primaryKey.join(", ")}) to (${after.primaryKey.join(", ")})`, before: before.primaryKey, after: after.primaryKey });
  }
  const keyText = (fk: TableSchema["foreignKeys"][number]) => `(${fk.fields.join(", ")}) → ${fk.reference.resource ?? table}(${fk.reference.fields.join(", ")})`;
  const oldKeys = new Set(before.foreignKeys.map(keyText));
  const newKeys = new Set(after.foreignKeys.map(keyText));
  for (const k of newKeys) if (!oldKeys.has(k)) changes.push({ level: "major", kind: "foreign-key-added", table, summary: `In ${inlineCode(table)}, ${k} must now name an existing row.`, message: `foreign key ${table}${k} added (a constraint tightened)` });
  for (const k of oldKeys) if (!newKeys.has(k)) changes.push({ level: "minor", kind: "foreign-key-removed", table, summary: `In ${inlineCode(table)}, ${k} no longer has to name an existing row.`, message: `foreign key ${table}${k} removed (a constraint loosened)` });
  if (JSON.stringify(before.missingValues) !== JSON.stringify(after.missingValues)) {
    changes.push({ level: "major", kind: "missing-values-changed", table, summary: `Which cells of ${inlineCode(table)} count as empty changed (${JSON.stringify(before.missingValues)} → ${JSON.stringify(after.missingValues)}).`, message: `missing values of ${table} changed`, before: before.missingValues, after: after.missingValues });
  }
  return changes;
}

function diffField(table: string, before: Field, after: Field): Change[] {
  const name = `${table}.${after.name}`;
  const base = { table, field: after.name };
  const col = inlineCode(name);
  const changes: Change[] = [];
  if (before.type !== after.type) changes.push({ ...base, level: "major", kind: "field-retyped", summary: `Column ${col} is now read as ${after.type} (was ${before.type}).`, message: `field ${name} retyped from ${before.type} to ${after.type}`, before: before.type, after: after.type });
  if ((before.format ?? "default") !== (after.format ?? "default")) {
    changes.push({ ...base, level: "major", kind: "field-retyped", summary: `Column ${col} now has the ${after.format ?? "default"} format (was ${before.format ?? "default"}).`, message: `field ${name} format changed from ${before.format ?? "default"} to ${after.format ?? "default"}`, before: before.format, after: after.format });
  }
  for (const c of diffConstraints(before.constraints, after.constraints)) {
    const { level, kind } = CONSTRAINT[c.direction];
    const message = `constraint ${c.constraint} of ${name} ${c.direction}: ${JSON.stringify(c.before)} → ${JSON.stringify(c.after)}`;
    const examples = { ...(c.refused !== undefined && { refused: c.refused }), ...(c.accepted !== undefined && { accepted: c.accepted }) };
    changes.push({ ...base, level, kind, summary: constraintSummary(name, c), message, before: c.before, after: c.after, ...examples });
  }
  changes.push(...diffCategories(table, before, after));
  for (const key of DESCRIPTIVE) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      changes.push({ ...base, level: "patch", kind: "field-described", summary: `The ${key} of ${col} was reworded.`, message: `${key} of ${name} changed`, before: before[key] ?? null, after: after[key] ?? null });
    }
  }
  const rest = (f: Field) => JSON.stringify(Object.entries(f).filter(([k]) => !KNOWN_FIELD_KEYS.has(k)).sort(([a], [b]) => (a < b ? -1 : 1)));
  if (rest(before) !== rest(after)) changes.push({ ...base, level: "major", kind: "field-changed", summary: `How ${col} is read changed: treat its values as changed.`, message: `how ${name} is read changed (${rest(before)} → ${rest(after)})` });
  return changes;
}
