import { readFile } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { readWithStat } from "../load/read-with-stat.js";
import path from "node:path";
import { listSources, type Listing } from "../load/list-sources.js";
import type { UnplacedDiagnostic } from "../model/diagnostic.js";
import { addToIndex, emptyIndex, type SourceIndex } from "../model/source-index.js";
import { buildReport, type ValidationReport } from "./build-report.js";
import { checkFile, findingsOf } from "./check-file.js";
import { SourcesChangedError } from "../model/sources-changed.js";
import type { ArchiveLookup } from "./meaning/meaning-check.js";
import { placeDiagnostics } from "./place-diagnostics.js";
import { treeFingerprint } from "./tree-facts.js";
import { validateTree } from "./validate-tree.js";
import { sourceShapeValidators } from "./validate-shape.js";
import { checkEachFile, type CheckCounts, type CheckedFile, type FileChecks } from "./file-checks.js";

/** Options of a whole-tree check, as the CLI passes them. */
export interface CheckOptions {
  /** Folder with archived copies of the documents, for quote verification. */
  archiveDir?: string;
  /** Report only findings in files under these paths (the whole tree is still checked). */
  only?: readonly string[];
  maxDiagnostics?: number;
  cwd?: string;
  /**
   * How the files' checks are come by: the speed layer's (src/speed/file-checks.ts: a cache and
   * worker threads), or by default each file read and checked in this thread.
   */
  checks?: FileChecks;
  /** Told how many files are checked so far, for a progress display. */
  onProgress?: (done: number, total: number) => void;
  /**
   * Given every file with its record once all are at hand, just before the tree-wide checks (when
   * they must run): a build starts normalizing and writing here, on the chance that they find
   * nothing, so that its writer threads work while this thread checks.
   */
  beforeTreeChecks?: (files: readonly CheckedFile[], fingerprint: string) => void;
}

/** A whole-tree check: the report, and how the files' checks were come by. */
export interface TreeCheck {
  report: ValidationReport;
  counts: CheckCounts;
}

/**
 * A whole-tree check whose records are read only when asked for: what a build needs to decide
 * whether it can patch its last output rather than normalize every record again.
 */
export interface StagedTreeCheck extends TreeCheck {
  /** The fingerprint of every file's path and tree facts (see tree-facts.ts). */
  fingerprint: string;
  /** The readable files in listing order, with their cache keys when a cache is used. */
  files: readonly CheckedFile[];
  /** One file's record: at hand, or read and checked again (undefined if its bytes are no longer the ones checked). */
  recordOf(file: CheckedFile): unknown;
  /**
   * The index of the valid records, read from the cache's log when the check did not need them;
   * throws SourcesChangedError when a file's bytes are no longer those the report is about.
   */
  index(): Promise<SourceIndex>;
}

/**
 * Load, validate and report on a source tree: the library behind `parlex validate`. Only
 * findings are made: with a warm cache, unchanged files are not read, and when no file's tree
 * facts changed the last run's tree-wide findings stand (the cache keeps them with the
 * fingerprint of the facts they came from).
 */
export async function checkSourceTree(root: string, options: CheckOptions = {}): Promise<TreeCheck> {
  const { report, counts } = await checkTree(root, options, false);
  return { report, counts };
}

/** The same, with the index of checked records that a build normalizes. */
export async function checkSourceTreeWithRecords(root: string, options: CheckOptions = {}): Promise<TreeCheck & { index: SourceIndex }> {
  const { report, counts, index } = await checkTree(root, options, true);
  return { report, counts, index: await index() };
}

/**
 * The same as checkSourceTree, the records left to be read when asked for; or, when they will
 * surely be (`eager`), read with the findings, which saves a second look at every file.
 */
export function checkSourceTreeStaged(root: string, options: CheckOptions = {}, eager = false): Promise<StagedTreeCheck> {
  return checkTree(root, options, eager);
}

async function checkTree(root: string, options: CheckOptions, wantRecords: boolean): Promise<StagedTreeCheck> {
  const cwd = options.cwd ?? process.cwd();
  const checks = options.checks ?? checkEachFile();
  let listing: Listing;
  try {
    listing = await listSources(root, cwd, checks.statWhileListing);
  } catch (error) {
    await checks.close();
    throw error;
  }
  const toolkit = await checks.toolkit();
  const check = async (records: boolean, onProgress?: CheckOptions["onProgress"]) => {
    const checked = await checks.checkFiles(listing, { records, ...(onProgress ? { onProgress } : {}) });
    return { ...checked, fingerprint: treeFingerprint(toolkit, { cwd, root: path.resolve(cwd, root) }, checked.files) };
  };
  // The archive's copies are found through the document records, so a run with one reads them all.
  let checked = await check(wantRecords || options.archiveDir !== undefined, options.onProgress);
  // How the files' checks were come by is the first pass's story: a second one only fetches records.
  const counts = checked.counts;
  const recordsAtHand = async () => {
    if (checked.files.some((f) => !("record" in f))) checked = await check(true);
    return checked;
  };
  const withRecords = async () => {
    await recordsAtHand();
    await checks.save();
    return checked;
  };
  let tree = options.archiveDir === undefined ? checks.treeFindings(checked.fingerprint) : undefined;
  if (!tree) {
    // Some tree facts changed: the tree-wide checks need every record, which the log has.
    const { files, fingerprint } = await recordsAtHand();
    // Every record is at hand: no file's check is asked for again, and what the cache holds of
    // them need not stay in memory beside the package begun meanwhile and the tree-wide checks.
    await checks.saveFiles();
    options.beforeTreeChecks?.(files, fingerprint);
    const records = files.filter((f) => f.record !== undefined).map((f) => f.record);
    const archive = options.archiveDir === undefined ? undefined : { lookup: await readArchive(path.resolve(cwd, options.archiveDir), records), dir: options.archiveDir };
    tree = validateTree(
      files.map((f) => ({ file: f.file, kind: f.kind, stem: f.stem, ...(f.yearFolder !== undefined ? { yearFolder: f.yearFolder } : {}), record: f.record, valid: f.summary.shape?.length === 0 })),
      archive,
    );
    if (!archive) checks.recordTreeFindings(checked.fingerprint, tree);
  }
  await checks.save();

  const found: UnplacedDiagnostic[] = [...listing.diagnostics, ...checked.diagnostics];
  for (const f of checked.files) for (const d of findingsOf(f.summary, f.file)) found.push(d);
  for (const d of tree.diagnostics) found.push(d);
  const only = options.only?.map((p) => p.replace(/\/+$/, ""));
  const shown = only ? found.filter((d) => d.file === "" || only.some((p) => d.file === p || d.file.startsWith(p + "/"))) : found;
  const placed = placeDiagnostics(shown, (file) => readTextOrUndefined(path.resolve(cwd, file)));
  const quotes = tree.quotes === 0 ? "none" : options.archiveDir !== undefined ? "verified" : "skipped";
  const report = buildReport(listing.root, checked.files.length, placed, quotes, options.maxDiagnostics);
  // Made when first needed: a build reads a few files again, validate none.
  let absolute: Map<string, string> | undefined;
  return {
    report,
    counts,
    fingerprint: checked.fingerprint,
    files: checked.files,
    recordOf: (file) => {
      if ("record" in file) return file.record;
      absolute ??= new Map(listing.entries.map((e) => [e.file, e.absolute]));
      let bytes: Uint8Array;
      try {
        bytes = readWithStat(absolute.get(file.file)!).bytes;
      } catch {
        return undefined; // gone since it was checked
      }
      if (!checks.sameBytes(file, bytes)) return undefined;
      return checkFile(file.file, file.kind, bytes, sourceShapeValidators()).record;
    },
    index: async () => {
      const reported = checked.files;
      const files = (await withRecords()).files;
      // Records read in a second pass must be of the bytes the report is about.
      if (files !== reported && (files.length !== reported.length || files.some((f, i) => f.file !== reported[i]!.file || f.key !== reported[i]!.key))) {
        throw new SourcesChangedError();
      }
      return indexOfFiles(files);
    },
  };
}

/** The index of the checked files' records that passed their schemas: what a build normalizes. */
export function indexOfFiles(files: readonly CheckedFile[]): SourceIndex {
  const index = emptyIndex();
  for (const f of files) {
    if (f.summary.shape?.length === 0) addToIndex(index, { file: f.file, kind: f.kind, stem: f.stem, record: f.record, ...(f.yearFolder ? { yearFolder: f.yearFolder } : {}) });
  }
  return index;
}

/** No archived article is near this size; a larger file is taken for a mistake, not read whole. */
const MAX_ARCHIVED_BYTES = 64 * 1024 * 1024;

/** Read the archived copy each document record declares; absent files are marked missing. */
async function readArchive(dir: string, records: unknown[]): Promise<ArchiveLookup> {
  const lookup: ArchiveLookup = new Map();
  for (const record of records) {
    const name = (record as { archive?: unknown }).archive;
    if (typeof name !== "string" || lookup.has(name) || name.includes("/") || name.includes("\\")) continue;
    try {
      // Only a regular file of bounded size: an archived text that is a FIFO or a link to /dev/zero is missing.
      lookup.set(name, { bytes: readWithStat(path.join(dir, name), MAX_ARCHIVED_BYTES).bytes });
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
