import type { Change, PackageDiff, TableRecords } from "./change.js";
import { tableOfResource } from "../verify/descriptor-schema.js";
import { diffDescriptors } from "./diff-descriptors.js";
import { diffRecords } from "./diff-records.js";
import { diffTableSchema } from "./diff-table-schema.js";
import { inlineCode } from "../render/markdown-text.js";
import type { PackageSnapshot, PackageTable } from "../verify/read-package.js";

/**
 * Everything that differs between a release (null: there is none yet) and a newer package:
 * schema-level changes from the descriptors, record-level changes from the JSON tables. Pure.
 */
export function diffPackages(before: PackageSnapshot | null, after: PackageSnapshot): PackageDiff {
  const rows = Object.fromEntries([...after.tables.values()].map((t) => [t.name, t.rows.length]));
  if (!before) {
    const changes = [...after.tables.values()].map((t): Change => ({ level: "minor", kind: "table-added", table: t.name, summary: `New table ${inlineCode(t.name)}: ${count(t.rows.length, "row")}.`, message: `table ${t.name} added (${count(t.rows.length, "row")})` }));
    return { before: null, changes, records: [], rows };
  }
  const tableChanges: Change[] = [];
  const records: TableRecords[] = [];
  for (const old of before.tables.values()) {
    if (!after.tables.has(old.name)) tableChanges.push({ level: "major", kind: "table-removed", table: old.name, summary: `Table ${inlineCode(old.name)} is gone (it had ${count(old.rows.length, "row")}).`, message: `table ${old.name} removed (${count(old.rows.length, "row")})` });
  }
  for (const table of after.tables.values()) {
    const old = before.tables.get(table.name);
    if (!old) tableChanges.push({ level: "minor", kind: "table-added", table: table.name, summary: `New table ${inlineCode(table.name)}: ${count(table.rows.length, "row")}.`, message: `table ${table.name} added (${count(table.rows.length, "row")})` });
    else {
      tableChanges.push(...describedChanges(old, table), ...diffTableSchema(table.name, old.schema, table.schema));
      const diff = diffTableRecords(old, table);
      if (diff) records.push(diff);
    }
  }
  const wholeTables = new Set(tableChanges.filter((c) => c.kind === "table-added" || c.kind === "table-removed").map((c) => c.table));
  const resourceChanges = diffDescriptors(before.descriptor, after.descriptor).filter((c) => !(c.table && wholeTables.has(c.table) && c.kind.startsWith("resource-")));
  const recordChanges = records.flatMap(summarize);
  const touched = new Set([...tableChanges, ...recordChanges].map((c) => c.table));
  return { before: versionOf(before), changes: [...resourceChanges, ...tableChanges, ...fileChanges(before, after, touched), ...recordChanges], records, rows };
}

/** The version a package says it is: its manifest's release, else its descriptor's version. */
export function versionOf(snapshot: PackageSnapshot): string {
  return snapshot.manifest?.release ?? snapshot.descriptor.version ?? snapshot.label;
}

function describedChanges(before: PackageTable, after: PackageTable): Change[] {
  return (["title", "description"] as const)
    .filter((key) => (before.resource[key] ?? null) !== (after.resource[key] ?? null))
    .map((key) => ({ level: "patch", kind: "table-described", table: after.name, summary: `The ${key} of table ${inlineCode(after.name)} was reworded.`, message: `${key} of table ${after.name} changed`, before: before.resource[key] ?? null, after: after.resource[key] ?? null }));
}

function diffTableRecords(before: PackageTable, after: PackageTable): TableRecords | null {
  // A changed primary key is already a major change; rows cannot be matched across it.
  if (before.schema.primaryKey.join() !== after.schema.primaryKey.join() || after.schema.primaryKey.length === 0) return null;
  const common = after.schema.fields.map((f) => f.name).filter((n) => before.schema.fields.some((f) => f.name === n));
  const diff = diffRecords(after.name, after.schema.primaryKey, common, before.rows, after.rows);
  return diff.added.length || diff.removed.length || diff.changed.length ? diff : null;
}

function summarize(t: TableRecords): Change[] {
  const ids = (refs: { id: string }[]) => refs.slice(0, 3).map((r) => r.id).join(", ") + (refs.length > 3 ? ", …" : "");
  const codes = (refs: { id: string }[]) => refs.slice(0, 3).map((r) => inlineCode(r.id)).join(", ") + (refs.length > 3 ? ` and ${refs.length - 3} more` : "");
  const changes: Change[] = [];
  if (t.removed.length) changes.push({ level: "major", kind: "rows-removed", table: t.table, summary: `${count(t.removed.length, "row")} removed from ${inlineCode(t.table)}: ${codes(t.removed)}.`, message: `${count(t.removed.length, "row")} removed from ${t.table}: ${ids(t.removed)}` });
  if (t.added.length) changes.push({ level: "minor", kind: "rows-added", table: t.table, summary: `${count(t.added.length, "new row")} in ${inlineCode(t.table)}: ${codes(t.added)}.`, message: `${count(t.added.length, "row")} added to ${t.table}: ${ids(t.added)}` });
  if (t.changed.length) changes.push({ level: "patch", kind: "rows-changed", table: t.table, summary: `${count(t.changed.length, "row")} of ${inlineCode(t.table)} corrected: ${codes(t.changed)}.`, message: `${count(t.changed.length, "row")} of ${t.table} corrected: ${ids(t.changed)}` });
  return changes;
}

/** Files whose bytes changed though their table's rows and schema did not (say, a writer's encoding); and helpers. */
function fileChanges(before: PackageSnapshot, after: PackageSnapshot, touched: Set<string | undefined>): Change[] {
  const changes: Change[] = [];
  const old = new Map(before.descriptor.resources.map((r) => [r.name, r]));
  for (const r of after.descriptor.resources) {
    const was = old.get(r.name);
    if (was && was.hash !== r.hash && !touched.has(tableOfResource(r))) {
      changes.push({ level: "patch", kind: "file-changed", table: tableOfResource(r), summary: `${inlineCode(r.path)} has new bytes but the same rows.`, message: `${r.path} changed bytes with the same rows` });
    }
  }
  for (const file of new Set([...before.helpers.keys(), ...after.helpers.keys()])) {
    const b = before.helpers.get(file);
    const a = after.helpers.get(file);
    if (b !== a) changes.push({ level: "patch", kind: "helper-changed", summary: `${inlineCode(file)} ${!b ? "added" : !a ? "removed" : "updated"}.`, message: `${file} ${!b ? "added" : !a ? "removed" : "changed"}` });
  }
  return changes;
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
