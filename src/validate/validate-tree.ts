import type { UnplacedDiagnostic } from "../model/diagnostic.js";
import type { Kind, LoadedFile } from "../model/source-file.js";
import { addToIndex, emptyIndex } from "../model/source-index.js";
import { TREE_CHECKS } from "./meaning/index.js";
import type { ArchiveLookup } from "./meaning/meaning-check.js";
import { treeFacts } from "./tree-facts.js";
import { collectKnownIds, validateReferences } from "./validate-references.js";

/** A source file as the tree-wide checks see it. */
export interface TreeFile {
  file: string;
  kind: Kind;
  stem: string;
  yearFolder?: string;
  /** The parsed record (its tree facts are taken here), or undefined when it could not be parsed. */
  record: unknown;
  /** Whether the record passed its schema (only such records take part in the meaning checks). */
  valid: boolean;
}

/** What the tree-wide checks found, and how many quotes (direct or reported speech, of meetings and visits) an archive would verify. */
export interface TreeFindings {
  diagnostics: UnplacedDiagnostic[];
  quotes: number;
}

/**
 * The checks across records — references and unique ids, then dates, participants, quotes and
 * duplicates — over every file's tree facts (never its free text: see tree-facts.ts). Pure: the
 * archive's bytes come in through `archive`.
 */
export function validateTree(files: readonly TreeFile[], archive?: { lookup: ArchiveLookup; dir: string }): TreeFindings {
  const loaded: LoadedFile[] = files.map((f) => {
    const file: LoadedFile = { file: f.file, kind: f.kind, stem: f.stem, record: f.record === undefined ? undefined : treeFacts(f.kind, f.record) };
    if (f.yearFolder !== undefined) file.yearFolder = f.yearFolder;
    return file;
  });
  const index = emptyIndex();
  loaded.forEach((file, i) => files[i]!.valid && addToIndex(index, file));
  const diagnostics: UnplacedDiagnostic[] = [];
  // Appended one by one, not with push(...found): one hostile tree can give more findings than a call takes arguments.
  const append = (found: readonly UnplacedDiagnostic[]) => {
    for (const d of found) diagnostics.push(d);
  };
  append(validateReferences(loaded.filter((f) => f.record !== undefined), index, collectKnownIds(loaded)));
  const context = { index, ...(archive ? { archive: archive.lookup, archiveDir: archive.dir } : {}) };
  for (const check of TREE_CHECKS) append(check(context));
  let quotes = 0;
  for (const { record } of [...index.meeting.values(), ...index.visit.values()]) quotes += record.quotes?.length ?? 0;
  return { diagnostics, quotes };
}
