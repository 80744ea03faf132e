import { readWithStat } from "./read-with-stat.js";
import type { SourceEntry } from "./list-sources.js";
import type { UnplacedDiagnostic } from "../model/diagnostic.js";
import type { LoadedFile } from "../model/source-file.js";
import { makeDiagnostic } from "../catalogue/make-diagnostic.js";
import { listSources } from "./list-sources.js";
import { parseSourceBytes } from "./parse-source-bytes.js";

export { displayPath } from "./list-sources.js";

/** Every source file under a root, parsed, plus what went wrong on the way. */
export interface LoadedSources {
  root: string;
  files: LoadedFile[];
  diagnostics: UnplacedDiagnostic[];
}

/** Read and parse every `*.yaml` under `root`, in a stable order, in this thread and without a cache. */
export async function loadSources(root: string, cwd = process.cwd()): Promise<LoadedSources> {
  const listing = await listSources(root, cwd);
  const files: LoadedFile[] = [];
  const diagnostics = [...listing.diagnostics];
  for (const entry of listing.entries) {
    const bytes = readListedFile(entry);
    if (!(bytes instanceof Uint8Array)) {
      diagnostics.push(bytes);
      continue;
    }
    const parsed = parseSourceBytes(entry.file, bytes);
    for (const d of parsed.diagnostics) diagnostics.push(d);
    const loaded: LoadedFile = { file: entry.file, kind: entry.kind, stem: entry.stem, record: parsed.record };
    if (entry.yearFolder) loaded.yearFolder = entry.yearFolder;
    files.push(loaded);
  }
  return { root: listing.root, files, diagnostics };
}

/** A listed file's bytes (only a regular file, read without blocking), or the file/unreadable finding saying why not. */
export function readListedFile(entry: SourceEntry): Uint8Array | UnplacedDiagnostic {
  try {
    return readWithStat(entry.absolute).bytes;
  } catch (error) {
    return makeDiagnostic("file/unreadable", { reason: (error as Error).message }, { file: entry.file, line: 0, column: 0 });
  }
}
