import type { Change } from "./change.js";
import { tableOfResource, type Descriptor } from "../verify/descriptor-schema.js";
import { inlineCode } from "../render/markdown-text.js";

/** Package properties that say how this copy was made, not what it holds: never a change. */
const BOOKKEEPING = new Set(["resources", "version", "created"]);

/**
 * Package-level and resource-level changes: the package's name and descriptive metadata, and
 * resources (table or file, in any format) added, removed or moved to another format.
 * Paths are ignored: moving a file is no change (Data Package version recipe).
 */
export function diffDescriptors(before: Descriptor, after: Descriptor): Change[] {
  const changes: Change[] = [];
  if (before.name !== after.name) {
    changes.push({ level: "major", kind: "package-renamed", summary: `The package is now named ${inlineCode(after.name)} (was ${inlineCode(before.name)}).`, message: `package renamed from ${before.name} to ${after.name}`, before: before.name, after: after.name });
  }
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => k !== "name" && !BOOKKEEPING.has(k)).sort();
  for (const key of keys) {
    const b = (before as Record<string, unknown>)[key];
    const a = (after as Record<string, unknown>)[key];
    if (JSON.stringify(b) !== JSON.stringify(a)) changes.push({ level: "patch", kind: "metadata-changed", summary: `The package's ${key} was updated.`, message: `package ${key} changed`, before: b ?? null, after: a ?? null });
  }
  const was = new Map(before.resources.map((r) => [r.name, r]));
  const is = new Map(after.resources.map((r) => [r.name, r]));
  for (const [name, r] of was) {
    if (!is.has(name)) changes.push({ level: "major", kind: "resource-removed", table: tableOfResource(r), summary: `The file ${inlineCode(r.path)} is no longer published.`, message: `resource ${name} (${r.path}) removed` });
  }
  for (const [name, r] of is) {
    const old = was.get(name);
    if (!old) {
      changes.push({ level: "minor", kind: "resource-added", table: tableOfResource(r), summary: `A new file: ${inlineCode(r.path)}.`, message: `resource ${name} (${r.path}) added` });
      continue;
    }
    for (const key of ["type", "format", "mediatype", "encoding"] as const) {
      if ((old[key] ?? null) !== (r[key] ?? null)) {
        changes.push({ level: "major", kind: "resource-format-changed", table: tableOfResource(r), summary: `The ${key} of ${inlineCode(r.path)} is now ${r[key] ?? "(none)"} (was ${old[key] ?? "(none)"}).`, message: `${key} of resource ${name} changed from ${old[key] ?? "(none)"} to ${r[key] ?? "(none)"}`, before: old[key] ?? null, after: r[key] ?? null });
      }
    }
  }
  return changes;
}
