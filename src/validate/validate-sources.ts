import type { UnplacedDiagnostic } from "../model/diagnostic.js";
import type { LoadedFile } from "../model/source-file.js";
import { addToIndex, emptyIndex, type SourceIndex } from "../model/source-index.js";
import { MEANING_CHECKS } from "./meaning/index.js";
import type { ArchiveLookup, MeaningCheck } from "./meaning/meaning-check.js";
import { collectKnownIds, validateReferences } from "./validate-references.js";
import { validateShape, type ShapeValidators } from "./validate-shape.js";

/** What validation needs besides the parsed files. */
export interface ValidateOptions {
  validators: ShapeValidators;
  archive?: ArchiveLookup;
  archiveDir?: string;
  checks?: readonly MeaningCheck[];
}

/**
 * The three layers — shape, references, meaning — over every parsed file, all findings together.
 * Pure: the archive's bytes come in through `options.archive`.
 */
export function validateSources(files: readonly LoadedFile[], options: ValidateOptions): { diagnostics: UnplacedDiagnostic[]; index: SourceIndex } {
  const diagnostics: UnplacedDiagnostic[] = [];
  const index = emptyIndex();
  const parsed = files.filter((f) => f.record !== undefined);
  // Findings are appended one by one, not with push(...found): one hostile file can give more
  // findings than a call takes arguments.
  const append = (found: readonly UnplacedDiagnostic[]) => {
    for (const d of found) diagnostics.push(d);
  };
  for (const file of parsed) {
    const found = file.shape ?? validateShape(file, options.validators);
    append(found);
    if (found.length === 0) addToIndex(index, file);
  }
  append(validateReferences(parsed, index, collectKnownIds(files)));
  const context = { index, ...(options.archive ? { archive: options.archive } : {}), ...(options.archiveDir ? { archiveDir: options.archiveDir } : {}) };
  for (const check of options.checks ?? MEANING_CHECKS) append(check(context));
  return { diagnostics, index };
}
