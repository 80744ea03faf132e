import type { Listing } from "../load/list-sources.js";
import { readListedFile } from "../load/load-sources.js";
import type { UnplacedDiagnostic } from "../model/diagnostic.js";
import type { Kind } from "../model/source-file.js";
import { checkFile, type FileSummary } from "./check-file.js";
import { sourceShapeValidators } from "./validate-shape.js";
import type { TreeFindings } from "./validate-tree.js";

/** One readable file and its check: the summary always, the record when asked for or at hand. */
export interface CheckedFile {
  file: string;
  kind: Kind;
  stem: string;
  yearFolder?: string;
  summary: FileSummary;
  /** A key of the file's bytes (when the checks are kept between runs): equal keys, equal bytes. */
  key?: string;
  /** The parsed record (undefined when it could not be parsed); absent when not asked for. */
  record?: unknown;
}

/** How the files' checks were come by: known by their stat, read and found kept, or checked. */
export interface CheckCounts {
  files: number;
  /** Unchanged since last read: not read at all. */
  unchanged: number;
  /** Read and hashed, and their check found among those kept. */
  cached: number;
  /** Parsed and checked afresh. */
  checked: number;
}

/** Every listed file's check, in listing order, and a file/unreadable finding for each file that could not be read. */
export interface FilesChecked {
  files: CheckedFile[];
  diagnostics: UnplacedDiagnostic[];
  counts: CheckCounts;
}

/**
 * How a tree check comes by its files' checks: the one seam between validation and the speed
 * layer (src/speed/: a content cache, a stat index, worker threads). Validation asks; whatever is
 * answered must be what checking each file's bytes now would give (checkEachFile, below, is that
 * reference). A check of a file never depends on how it was come by.
 */
export interface FileChecks {
  /** Given to the listing, to stat each folder's files as it is read (a stat index wants them). */
  readonly statWhileListing?: (files: string[]) => Promise<Float64Array>;
  /** Look up or make every listed file's check; its record too when `records` (a build). */
  checkFiles(listing: Listing, request: { records: boolean; onProgress?: (done: number, total: number) => void }): Promise<FilesChecked>;
  /** A digest of what decides a check (code, schemas, libraries), for the tree's fingerprint. */
  toolkit(): Promise<string>;
  /** The tree-wide findings recorded for exactly this fingerprint of the tree's facts, if any. */
  treeFindings(fingerprint: string): TreeFindings | undefined;
  /** Record the tree-wide findings found from the facts of this fingerprint. */
  recordTreeFindings(fingerprint: string, findings: TreeFindings): void;
  /** Whether bytes read again are those a file's check was about. */
  sameBytes(file: CheckedFile, bytes: Uint8Array): boolean;
  /** Keep what this run learnt, where that is kept; never fails the run. */
  save(): Promise<void>;
  /**
   * Keep what this run learnt of its files, then let go of it in memory: no file's check is asked
   * for again (tree-wide findings may still be recorded and saved).
   */
  saveFiles(): Promise<void>;
  /** Stop whatever threads were started; nothing is kept. */
  close(): Promise<void>;
}

/**
 * The reference: every file read and checked in this thread, nothing kept between runs. What any
 * faster FileChecks must agree with.
 */
export function checkEachFile(): FileChecks {
  return {
    async checkFiles(listing, { onProgress }) {
      const files: CheckedFile[] = [];
      const diagnostics: UnplacedDiagnostic[] = [];
      for (const [n, entry] of listing.entries.entries()) {
        const bytes = readListedFile(entry);
        if (!(bytes instanceof Uint8Array)) {
          diagnostics.push(bytes);
          continue;
        }
        const check = checkFile(entry.file, entry.kind, bytes, sourceShapeValidators());
        files.push({ file: entry.file, kind: entry.kind, stem: entry.stem, ...(entry.yearFolder ? { yearFolder: entry.yearFolder } : {}), summary: check, record: check.record });
        if (n % 500 === 499) onProgress?.(n + 1, listing.entries.length);
      }
      onProgress?.(listing.entries.length, listing.entries.length);
      const counts = { files: listing.entries.length, unchanged: 0, cached: 0, checked: files.length };
      return { files, diagnostics, counts };
    },
    toolkit: async () => "",
    treeFindings: () => undefined,
    recordTreeFindings: () => undefined,
    sameBytes: () => true,
    save: async () => undefined,
    saveFiles: async () => undefined,
    close: async () => undefined,
  };
}
