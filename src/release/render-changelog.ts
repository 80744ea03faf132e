import type { Change, PackageDiff, TableRecords } from "./change.js";
import { inlineCode, plural, showChange } from "../render/markdown-text.js";
import type { PackageSnapshot } from "../verify/read-package.js";
import { levelRank, type Level } from "./semver.js";

/** What a changelog entry says: the release, why it has its level, and what changed. */
export interface ChangelogFacts {
  version: string;
  date: string;
  /** The release this one follows (null for the first). */
  previous: string | null;
  level: Level | null;
  because: Change | null;
  diff: PackageDiff;
  snapshot: PackageSnapshot;
}

const RULES =
  "Versions follow semantic versioning for data (Data Package v2): a **major** release removes or renames " +
  "a table, field or ID, changes a type or format, tightens a constraint (or changes one so that some values it " +
  "accepted are refused), reorders ordered categories or deletes rows; a **minor** release adds rows, tables or " +
  "fields, loosens a constraint or reorders categories; a **patch** release corrects values or descriptive metadata.";

/** The cumulative CHANGELOG.md: a header, the new entry, then every earlier entry unchanged. */
export function renderChangelog(facts: ChangelogFacts, previous: string | null): string {
  const title = facts.snapshot.descriptor.title ?? facts.snapshot.descriptor.name;
  const header = `# Changelog\n\nEvery release of ${title}, newest first. ${RULES}\n`;
  const start = previous?.search(/^## /m) ?? -1;
  const earlier = previous && start >= 0 ? "\n" + previous.slice(start) : "";
  return `${header}\n${renderChangelogEntry(facts)}${earlier}`;
}

/**
 * One release's entry: its level and the change that requires it, what changed in plain words
 * (one line each), then the details: the schema changes as the descriptors show them, and each
 * table's added, removed and changed IDs, long texts as word diffs.
 */
export function renderChangelogEntry(facts: ChangelogFacts): string {
  const lines = [`## ${facts.version} — ${facts.date}`, ""];
  if (facts.previous === null) {
    const counts = Object.entries(facts.diff.rows).map(([t, n]) => `${t} ${n}`);
    const total = Object.values(facts.diff.rows).reduce((a, b) => a + b, 0);
    lines.push(`First release: ${plural(counts.length, "table")} with ${plural(total, "row")} (${counts.join(", ")}).`, "");
    return lines.join("\n");
  }
  lines.push(`A ${facts.level ?? "new"} release after ${facts.previous}${decidedBy(facts.because, facts.level)}`, "");
  lines.push(...renderWhatChanged(facts.diff.changes, "###"));
  lines.push("### Details", "");
  const schema = bySeverity(facts.diff.changes.filter((c) => !c.kind.startsWith("rows-")));
  if (schema.length) {
    lines.push("#### Schema and metadata", "");
    for (const c of schema) lines.push(`- ${c.level}: ${c.message}`);
    lines.push("");
  }
  for (const table of facts.diff.records) lines.push(...renderTableRecords(table, Infinity, "####"), "");
  return lines.join("\n");
}

/** The end of the sentence naming a release's level: the change that requires it, in plain words. */
export function decidedBy(because: Change | null, level: Level | null): string {
  return because && because.level === level ? `, required by this change: ${because.summary}` : ".";
}

/** `heading What changed`, then one plain line per change, the most severe first. */
export function renderWhatChanged(changes: readonly Change[], heading: string, limit = Infinity): string[] {
  if (!changes.length) return [];
  const sorted = bySeverity(changes);
  const lines = [`${heading} What changed`, ""];
  for (const c of sorted.slice(0, limit)) lines.push(`- ${c.summary}`);
  if (sorted.length > limit) lines.push(`- …${more(sorted.length, limit)}`);
  return [...lines, ""];
}

/** A table's record-level changes as Markdown: `### table`, then Added / Removed / Changed lists. */
export function renderTableRecords(t: TableRecords, limit = Infinity, heading = "###"): string[] {
  const lines = [`${heading} ${t.table}`, ""];
  const ids = (refs: { id: string }[]) => refs.slice(0, limit).map((r) => inlineCode(r.id)).join(", ") + more(refs.length, limit);
  if (t.added.length) lines.push(`- Added (${t.added.length}): ${ids(t.added)}`);
  if (t.removed.length) lines.push(`- Removed (${t.removed.length}): ${ids(t.removed)}`);
  if (t.changed.length) {
    lines.push(`- Changed (${t.changed.length}):`);
    for (const record of t.changed.slice(0, limit)) {
      lines.push(`  - ${inlineCode(record.id)}`);
      for (const f of record.fields) lines.push(`    - ${inlineCode(f.field)}: ${showChange(f.before, f.after)}`);
    }
    if (t.changed.length > limit) lines.push(`  - …${more(t.changed.length, limit)}`);
  }
  return lines;
}

function more(total: number, limit: number): string {
  return total > limit ? ` and ${total - limit} more` : "";
}

/** Changes with the most severe first, otherwise in their given order. */
export function bySeverity(changes: readonly Change[]): Change[] {
  return [...changes].sort((a, b) => levelRank(b.level) - levelRank(a.level));
}
