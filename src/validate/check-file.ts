import type { UnplacedDiagnostic } from "../model/diagnostic.js";
import type { Kind } from "../model/source-file.js";
import { parseSourceBytes } from "../load/parse-source-bytes.js";
import { checkRecordAlone } from "./check-record.js";
import { explainSchemaErrors } from "./explain-schema-errors.js";
import { factsDigest } from "./tree-facts.js";
import type { ShapeValidators } from "./validate-shape.js";

/** What one file's bytes give on their own: the record and every finding that needs no other file. */
export interface FileCheck {
  record: unknown;
  /** Parse findings, already placed (line and column known). */
  diagnostics: UnplacedDiagnostic[];
  /** Shape findings; undefined when there is no record to check. */
  shape?: UnplacedDiagnostic[];
  /** Meaning findings of the record alone (text, countries, citations); only when its shape is valid. */
  local?: UnplacedDiagnostic[];
  /** Digest of the record's tree facts and whether it passed its schema (see tree-facts.ts). */
  facts: string;
}

/** A check without its record: all that a run needs of a file when it does not write tables. */
export type FileSummary = Omit<FileCheck, "record">;

/**
 * The per-file unit of work — parse, check the shape, check the record alone — which depends only
 * on the bytes, the kind and the toolkit: the part that runs in worker threads and that the cache keeps.
 */
export function checkFile(file: string, kind: Kind, bytes: Uint8Array, validators: ShapeValidators): FileCheck {
  const parsed = parseSourceBytes(file, bytes);
  if (parsed.record === undefined) return { record: undefined, diagnostics: parsed.diagnostics, facts: factsDigest(kind, undefined, false) };
  const validate = validators[kind];
  const valid = validate(parsed.record) === true;
  const shape = valid ? [] : explainSchemaErrors({ file, kind, stem: "", record: parsed.record }, validate.errors ?? []);
  const check: FileCheck = { record: parsed.record, diagnostics: parsed.diagnostics, shape, facts: factsDigest(kind, parsed.record, valid) };
  if (valid) check.local = checkRecordAlone(kind, parsed.record);
  return check;
}

/** A check without the file's path in its findings: a cached check is shared by every file with these bytes. */
export function withoutFile<T extends FileSummary>(check: T): T {
  const strip = (list: FileCheck["diagnostics"]) => list.map((d) => ({ ...d, file: "" }));
  const out = { ...check, diagnostics: strip(check.diagnostics) };
  if (check.shape) out.shape = strip(check.shape);
  if (check.local) out.local = strip(check.local);
  return out;
}

/** A check's findings, in this file: parse, shape, then the record's own meaning findings. */
export function findingsOf(check: FileSummary, file: string): UnplacedDiagnostic[] {
  const out: UnplacedDiagnostic[] = [];
  for (const list of [check.diagnostics, check.shape ?? [], check.local ?? []]) for (const d of list) out.push({ ...d, file });
  return out;
}
