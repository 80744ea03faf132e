import type { PackageDiff } from "./change.js";
import type { RequiredBump } from "./bump.js";
import { inlineCode, plural } from "../render/markdown-text.js";
import { LONG_TEXT, wordDiff } from "../render/word-diff.js";
import { bySeverity, decidedBy, renderTableRecords, renderWhatChanged } from "./render-changelog.js";

/** A diff with the release it calls for. */
export interface DiffView {
  diff: PackageDiff;
  bump: RequiredBump;
  /** The version the changes would be released as (null when nothing changed). */
  next: string | null;
}

const LIMIT = 50;

/** The diff as data (what `--format json` prints). */
export function renderDiffJson(view: DiffView): string {
  return JSON.stringify({ before: view.diff.before, next: view.next, bump: view.bump.level, because: view.bump.because, changes: view.diff.changes, records: view.diff.records, rows: view.diff.rows }, null, 2) + "\n";
}

/** The diff as a pull request summary: the release it needs, rows per table, schema changes, changed IDs. */
export function renderDiffMarkdown(view: DiffView): string {
  const { diff, bump } = view;
  const lines = [`## Data changes ${diff.before ? `against ${diff.before}` : "(no release yet)"}`, ""];
  if (!diff.before) lines.push(`No release yet: these sources would be released as **${view.next}**.`, "");
  else if (!bump.level) lines.push(`No data changes against ${diff.before}: nothing to release.`, "");
  else lines.push(`Needs a **${bump.level}** release (${diff.before} → ${view.next})${decidedBy(bump.because, bump.level)}`, "");
  const counts = new Map(diff.records.map((t) => [t.table, t]));
  lines.push(diff.before ? "| table | rows | added | changed | removed |\n|---|---:|---:|---:|---:|" : "| table | rows |\n|---|---:|");
  for (const [table, rows] of Object.entries(diff.rows)) {
    const t = counts.get(table);
    lines.push(diff.before ? `| ${inlineCode(table)} | ${rows} | ${t?.added.length ?? 0} | ${t?.changed.length ?? 0} | ${t?.removed.length ?? 0} |` : `| ${inlineCode(table)} | ${rows} |`);
  }
  lines.push("");
  if (!diff.before) return lines.join("\n");
  lines.push(...renderWhatChanged(diff.changes, "###", LIMIT));
  if (!diff.changes.length) return lines.join("\n");
  lines.push("### Details", "");
  const schema = bySeverity(diff.changes.filter((c) => !c.kind.startsWith("rows-")));
  if (schema.length) {
    lines.push("#### Schema and metadata", "");
    for (const c of schema.slice(0, LIMIT)) lines.push(`- **${c.level}** ${c.message}`);
    if (schema.length > LIMIT) lines.push(`- … and ${schema.length - LIMIT} more`);
    lines.push("");
  }
  for (const t of diff.records) lines.push(...renderTableRecords(t, LIMIT, "####"), "");
  return lines.join("\n");
}

/** The diff for a terminal: each change with its level, then `+`, `-`, `~` per ID, then the verdict. */
export function renderDiffHuman(view: DiffView): string {
  const { diff, bump } = view;
  const lines: string[] = [];
  if (!diff.before) {
    const total = Object.values(diff.rows).reduce((a, b) => a + b, 0);
    lines.push(`No release yet: these sources would be the first release, ${view.next} (${plural(Object.keys(diff.rows).length, "table")}, ${plural(total, "row")}).`);
    return lines.join("\n") + "\n";
  }
  for (const c of bySeverity(diff.changes)) lines.push(`${c.level.padEnd(5)}  ${c.message}`);
  for (const t of diff.records) {
    lines.push("", `${t.table}:`);
    for (const r of t.added.slice(0, LIMIT)) lines.push(`  + ${r.id}`);
    for (const r of t.removed.slice(0, LIMIT)) lines.push(`  - ${r.id}`);
    for (const r of t.changed.slice(0, LIMIT)) {
      lines.push(`  ~ ${r.id}`);
      for (const f of r.fields) lines.push(`      ${f.field}: ${shownInTerminal(f.before, f.after)}`);
    }
    const hidden = Math.max(0, t.added.length - LIMIT) + Math.max(0, t.removed.length - LIMIT) + Math.max(0, t.changed.length - LIMIT);
    if (hidden) lines.push(`  … and ${hidden} more (--format json lists all)`);
  }
  if (lines.length) lines.push("");
  lines.push(bump.level ? `Needs a ${bump.level} release: ${diff.before} → ${view.next} (${bump.because!.message}).` : `No changes against ${diff.before}: nothing to release.`);
  return lines.join("\n") + "\n";
}

/** A value's change in a terminal: both values as JSON, or for long text the words that changed. */
function shownInTerminal(before: unknown, after: unknown): string {
  if (typeof before === "string" && typeof after === "string" && Math.max(before.length, after.length) > LONG_TEXT) return `words changed: ${wordDiff(before, after)}`;
  return `${JSON.stringify(before)} → ${JSON.stringify(after)}`;
}
