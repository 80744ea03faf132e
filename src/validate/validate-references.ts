import type { UnplacedDiagnostic } from "../model/diagnostic.js";
import { KIND_FOLDERS, type Kind, type LoadedFile } from "../model/source-file.js";
import type { SourceIndex } from "../model/source-index.js";
import type { Code } from "../catalogue/codes.js";
import { makeDiagnostic } from "../catalogue/make-diagnostic.js";
import { didYouMean } from "../model/closest.js";
import { forEachReference } from "./references-of.js";
import { toPointer } from "../model/pointer.js";

const ID_SHAPE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const UNKNOWN: Record<Kind, Code> = {
  document: "ref/unknown-document",
  person: "ref/unknown-person",
  body: "ref/unknown-body",
  topic: "ref/unknown-topic",
  visit: "ref/unknown-visit",
  meeting: "ref/unknown-visit",
};

/**
 * The reference layer: ids are unique within their kind and equal their file's name, and every
 * id a checked record names exists. `known` holds the ids and file names of every source file,
 * checked or not, so that one malformed file does not make every reference to it an error too.
 */
export function validateReferences(
  files: readonly LoadedFile[],
  checked: SourceIndex,
  known: Record<Kind, Set<string>>,
): UnplacedDiagnostic[] {
  const out: UnplacedDiagnostic[] = [];
  const firstFile = new Map<string, string>();
  for (const file of files) {
    const id = idOf(file.record);
    if (id === undefined) continue;
    const key = `${file.kind}\u0000${id}`;
    const other = firstFile.get(key);
    if (other) out.push(makeDiagnostic("ref/duplicate-id", { kind: file.kind, id, other: other }, { file: file.file, pointer: "/id" }));
    else firstFile.set(key, file.file);
    if (id !== file.stem) out.push(makeDiagnostic("ref/file-name", { id, name: `${file.stem}.yaml` }, { file: file.file, pointer: "/id" }));
  }
  // Every parsed file, checked or not: a shape mistake elsewhere in a file must not hide its unknown ids.
  for (const file of files) {
    forEachReference(file.kind, file.record, (target, id, path) => {
      // A value that is not id-shaped is already a schema finding; do not report it twice.
      if (known[target].has(id) || !ID_SHAPE.test(id)) return;
      const suggestion = didYouMean(id, known[target], `Add sources/${KIND_FOLDERS[target]}/${id}.yaml, or correct the id.`);
      out.push(makeDiagnostic(UNKNOWN[target], { id, suggestion }, { file: file.file, pointer: toPointer(path) }));
    });
  }
  out.push(...parentCycles(checked.body), ...parentCycles(checked.topic), ...duplicateQuoteIds(checked));
  return out;
}

/**
 * The ids of every source file, by kind: each record's id and each file's name, so that a file
 * that cannot be parsed, or whose id differs from its name, is reported once, not at every reference.
 */
export function collectKnownIds(files: readonly LoadedFile[]): Record<Kind, Set<string>> {
  const known = { document: new Set<string>(), person: new Set<string>(), body: new Set<string>(), topic: new Set<string>(), visit: new Set<string>(), meeting: new Set<string>() };
  for (const file of files) {
    known[file.kind].add(file.stem);
    const id = idOf(file.record);
    if (id !== undefined) known[file.kind].add(id);
  }
  return known;
}

function idOf(record: unknown): string | undefined {
  const id = (record as { id?: unknown } | undefined)?.id;
  return typeof id === "string" ? id : undefined;
}

/** A `parent` chain that returns to where it started, reported once on its smallest id. */
function parentCycles(map: ReadonlyMap<string, { file: string; record: { id: string; parent?: string } }>): UnplacedDiagnostic[] {
  const out: UnplacedDiagnostic[] = [];
  const reported = new Set<string>();
  for (const [id, entry] of map) {
    const seen: string[] = [id];
    let next = entry.record.parent;
    while (next !== undefined && map.has(next) && !seen.includes(next)) {
      seen.push(next);
      next = map.get(next)!.record.parent;
    }
    if (next !== id) continue;
    const cycle = [...seen].sort();
    if (reported.has(cycle.join())) continue;
    reported.add(cycle.join());
    const start = cycle[0]!;
    out.push(makeDiagnostic("ref/parent-cycle", { id: start, cycle: [...seen, id].join(" → ") }, { file: map.get(start)!.file, pointer: "/parent" }));
  }
  return out;
}

/** Quote ids are unique across all meetings and visits. */
function duplicateQuoteIds(index: SourceIndex): UnplacedDiagnostic[] {
  const out: UnplacedDiagnostic[] = [];
  const first = new Map<string, string>();
  for (const entry of [...index.meeting.values(), ...index.visit.values()]) {
    entry.record.quotes?.forEach((quote, i) => {
      const other = first.get(quote.id);
      if (other) out.push(makeDiagnostic("quote/duplicate-id", { id: quote.id, other }, { file: entry.file, pointer: `/quotes/${i}/id` }));
      else first.set(quote.id, entry.file);
    });
  }
  return out;
}
