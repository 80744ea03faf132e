import type { UnplacedDiagnostic } from "../model/diagnostic.js";
import type { Kind } from "../model/source-file.js";
import { parseSourceBytes } from "../load/parse-source-bytes.js";
import { explainSchemaErrors } from "./explain-schema-errors.js";
import type { ShapeValidators } from "./validate-shape.js";

/** What one file's bytes give on their own: the record, parse findings and shape findings. */
export interface FileCheck {
  record: unknown;
  /** Parse findings, already placed (line and column known). */
  diagnostics: UnplacedDiagnostic[];
  /** Shape findings; undefined when there is no record to check. */
  shape?: UnplacedDiagnostic[];
}

/**
 * The per-file unit of work — parse, then check the shape — which depends only on the bytes,
 * the kind and the toolkit: the part that runs in worker threads and that the cache keeps.
 */
export function checkFile(file: string, kind: Kind, bytes: Uint8Array, validators: ShapeValidators): FileCheck {
  const parsed = parseSourceBytes(file, bytes);
  if (parsed.record === undefined) return { record: undefined, diagnostics: parsed.diagnostics };
  const validate = validators[kind];
  const shape = validate(parsed.record) ? [] : explainSchemaErrors({ file, kind, stem: "", record: parsed.record }, validate.errors ?? []);
  return { record: parsed.record, diagnostics: parsed.diagnostics, shape };
}

/** A check without the file's path in its findings: a cached check is shared by every file with these bytes. */
export function withoutFile(check: FileCheck): FileCheck {
  const strip = (list: FileCheck["diagnostics"]) => list.map((d) => ({ ...d, file: "" }));
  return { record: check.record, diagnostics: strip(check.diagnostics), ...(check.shape ? { shape: strip(check.shape) } : {}) };
}
