import { readFile } from "node:fs/promises";
import { readFileSync } from "node:fs";
import path from "node:path";
import { listSources } from "../load/list-sources.js";
import type { SourceIndex } from "../model/source-index.js";
import { buildReport, type ValidationReport } from "./build-report.js";
import type { ArchiveLookup } from "./meaning/meaning-check.js";
import { placeDiagnostics } from "./place-diagnostics.js";
import { validateSources } from "./validate-sources.js";
import { sourceShapeValidators } from "./validate-shape.js";
import { CheckCache } from "./parallel/check-cache.js";
import { checkFiles, type CheckCounts } from "./parallel/check-files.js";

/** Options of a whole-tree check, as the CLI passes them. */
export interface CheckOptions {
  /** Folder with archived copies of the documents, for quote verification. */
  archiveDir?: string;
  /** Report only findings in files under these paths (the whole tree is still checked). */
  only?: readonly string[];
  maxDiagnostics?: number;
  cwd?: string;
  /** Folder of the per-file check cache; none: every file is parsed and checked afresh. */
  cacheDir?: string;
  /** Worker threads for parsing and shape checks (default: one per core for large trees). */
  threads?: number;
  /** Told how many files are checked so far, for a progress display. */
  onProgress?: (done: number, total: number) => void;
}

/** Load, validate and report on a source tree: the library behind `parlex validate`. */
export async function checkSourceTree(root: string, options: CheckOptions = {}): Promise<{ report: ValidationReport; index: SourceIndex; counts: CheckCounts }> {
  const cwd = options.cwd ?? process.cwd();
  const listing = await listSources(root, cwd);
  const validators = sourceShapeValidators();
  const cache = options.cacheDir === undefined ? undefined : await CheckCache.open(path.resolve(cwd, options.cacheDir));
  const checked = await checkFiles(listing.entries, {
    validators,
    ...(cache ? { cache } : {}),
    ...(options.threads !== undefined ? { threads: options.threads } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  await cache?.save();
  const loaded = { root: listing.root, files: checked.files, diagnostics: [...listing.diagnostics, ...checked.diagnostics] };
  const parsed = loaded.files.filter((f) => f.record !== undefined);
  const archive = options.archiveDir === undefined ? undefined : await readArchive(path.resolve(cwd, options.archiveDir), parsed.map((f) => f.record));
  const validateOptions = { validators, ...(archive ? { archive, archiveDir: options.archiveDir! } : {}) };
  const { diagnostics, index } = validateSources(loaded.files, validateOptions);
  const all = placeDiagnostics([...loaded.diagnostics, ...diagnostics], (file) => readTextOrUndefined(path.resolve(cwd, file)));
  const only = options.only?.map((p) => p.replace(/\/+$/, ""));
  const shown = only ? all.filter((d) => d.file === "" || only.some((p) => d.file === p || d.file.startsWith(p + "/"))) : all;
  const directQuotes = [...index.meeting.values()].some((m) => m.record.quotes?.some((q) => q.kind === "direct"));
  const quotes = !directQuotes ? "none" : archive ? "verified" : "skipped";
  return { report: buildReport(loaded.root, loaded.files.length, shown, quotes, options.maxDiagnostics), index, counts: checked.counts };
}

/** Read the archived copy each document record declares; absent files are marked missing. */
async function readArchive(dir: string, records: unknown[]): Promise<ArchiveLookup> {
  const lookup: ArchiveLookup = new Map();
  for (const record of records) {
    const name = (record as { archive?: unknown }).archive;
    if (typeof name !== "string" || lookup.has(name) || name.includes("/") || name.includes("\\")) continue;
    try {
      lookup.set(name, { bytes: await readFile(path.join(dir, name)) });
    } catch {
      lookup.set(name, { missing: true });
    }
  }
  return lookup;
}

function readTextOrUndefined(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8").replace(/^\uFEFF/, "");
  } catch {
    return undefined;
  }
}
