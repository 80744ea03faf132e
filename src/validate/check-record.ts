import type { UnplacedDiagnostic } from "../model/diagnostic.js";
import type { Kind } from "../model/source-file.js";
import { emptyIndex, type Entry } from "../model/source-index.js";
import { RECORD_CHECKS } from "./meaning/index.js";

/** One index, reused: each call puts its record in and takes it out again (no new maps per record). */
const single = emptyIndex();

/**
 * The meaning findings of one record that passed its schema, on its own (no other record is
 * looked at): part of the per-file check, so computed once per file content. Findings name no file.
 */
export function checkRecordAlone(kind: Kind, record: unknown): UnplacedDiagnostic[] {
  const map = single[kind] as Map<string, Entry<unknown>>;
  map.set((record as { id: string }).id, { file: "", record });
  try {
    const out: UnplacedDiagnostic[] = [];
    for (const check of RECORD_CHECKS) for (const d of check({ index: single })) out.push(d);
    return out;
  } finally {
    map.clear();
  }
}
