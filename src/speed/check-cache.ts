import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { Kind } from "../model/source-file.js";
import type { FileCheck, FileSummary } from "../validate/check-file.js";
import type { TreeFindings } from "../validate/validate-tree.js";
import { cacheKey } from "./cache-key.js";
import { fileSystemNow, forgetOtherToolkits } from "./cache-folder.js";
import { CheckLog } from "./check-log.js";
import { compactSummary, expandSummary, sameNumbers, type CompactSummary } from "./stat-entry.js";
import { READ_AT, type StatIndex } from "./stat-index.js";
import type { FileStats } from "./stat-files.js";
import { StatStore } from "./stat-store.js";
import { TreeSnapshot } from "./tree-snapshot.js";
import { cacheNamespace } from "./cache-namespace.js";
import type { FileStat } from "./worker-protocol.js";

/**
 * A content-addressed cache of per-file checks, with a stat index in front of it, and the
 * tree-wide findings of the last run.
 *
 * An entry's key hashes the file's bytes, its kind and the toolkit itself (the code and schemas
 * that parse and check a file), so an edited file, a moved file of another kind, or a changed
 * toolkit never meets an old entry. Entries hold no path: the caller puts the file's current path
 * back. The store is an append-only log of JSON lines, each a batch of `[key, check]` pairs,
 * compacted when most of it is stale. It is read only by a run that needs the records (a build).
 *
 * The stat index maps a file's absolute path to its size, mtime, ctime, inode and device when it
 * was last read, the key its bytes had then and the summary of their check (its findings and the
 * digest of its tree facts), so that an unchanged file need not be read and hashed again, and a
 * run that only reports findings need not read the log. It is trusted only when all five are
 * equal and the entry is not "racy" (git's rule): a file changed in the same clock tick as it was
 * read could keep its times, so an entry whose mtime or ctime is within two seconds of the start
 * of the run that read it is never trusted; the file is read again, and trusted once a run reads
 * it when it is older than that. The start is taken from the file system's clock as well as this
 * machine's (the earlier of the two), as file times come from the file system. A run that changed
 * a few entries appends them to a journal instead of writing the whole index again.
 *
 * The tree-wide findings are kept with the fingerprint of the tree facts they were found from
 * (tree-snapshot.ts).
 *
 * The cache only ever saves time: a folder it cannot write to (read-only, full) leaves it
 * unsaved, and the run goes on.
 */
export class CheckCache {
  /** Checks by key: the log's (once loaded) and this run's. */
  private readonly entries = new Map<string, FileCheck>();
  private readonly pending = new Map<string, FileCheck>();
  private readonly used = new Set<string>();
  /** The stat index and its files (set by open). */
  private store!: StatStore;
  /** The key and summary the stat index held for each listed file it did not find unchanged (see lookUpListing). */
  private readonly previous = new Map<string, { key: string; summary: FileSummary }>();
  /** The summaries the stat index holds, by key (made when first needed). */
  private summaries: Map<string, CompactSummary> | undefined;
  /** Whether the log has been read (a run that needs no records never reads it). */
  private loaded = false;
  /** The tree-wide findings of the last run (set by open). */
  private tree!: TreeSnapshot;
  /** When this run began, before any file was looked at: the racy bound for entries it records. */
  private started = Date.now();
  /** Writing failed once: nothing more is written this run. */
  private unwritable = false;
  /** The checks and stat index were saved and let go (saveFiles): only the tree-wide findings remain. */
  private settled = false;

  private constructor(
    private readonly dir: string,
    private readonly toolkit: string,
  ) {}

  private get stats(): StatIndex {
    if (this.settled) throw new Error("CheckCache: files looked up after saveFiles()");
    return this.store.index;
  }

  /** The log of checks, named for the toolkit (set by open). */
  private log!: CheckLog;

  private get statFile(): string {
    return path.join(this.dir, `files-${this.toolkit.slice(0, 16)}.bin`);
  }

  /** Changes to the stat index since it was last written whole, a line per run. */
  private get statJournal(): string {
    return path.join(this.dir, `files-${this.toolkit.slice(0, 16)}.jsonl`);
  }

  private get treeFile(): string {
    return path.join(this.dir, `tree-${this.toolkit.slice(0, 16)}.json`);
  }

  /**
   * Open (or start) the cache in a folder: its stat index and last tree-wide findings. The log
   * of checks is read only when records are asked for (loadChecks). A missing or unreadable
   * file is an empty one.
   */
  static async open(dir: string): Promise<CheckCache> {
    // Bound to this machine's secret: a cache written elsewhere is never found (cache-namespace.ts).
    const cache = new CheckCache(dir, await cacheNamespace());
    cache.started = Math.min(cache.started, await fileSystemNow(dir));
    cache.log = new CheckLog(path.join(dir, `checks-${cache.toolkit.slice(0, 16)}.jsonl`));
    cache.store = await StatStore.open(cache.statFile, cache.statJournal);
    cache.tree = await TreeSnapshot.read(cache.treeFile);
    return cache;
  }

  /** Read the log of checks, once: needed for records (a build), not for findings (validate). */
  async loadChecks(): Promise<void> {
    if (this.loaded) return;
    this.loaded = true;
    // This run's own checks (appended before the log was read) are as good, and already here.
    await this.log.read((key, check) => {
      if (!this.entries.has(key)) this.entries.set(key, check);
    });
  }

  /** The toolkit digest the keys include. */
  get toolkitDigest(): string {
    return this.toolkit;
  }

  /** The key of a file's check. */
  keyOf(kind: Kind, bytes: Uint8Array): string {
    return cacheKey(this.toolkit, kind, bytes);
  }

  /** Every key whose check (with records: loadChecks first) or summary (without) is at hand. */
  keys(records: boolean): string[] {
    if (records) return [...this.entries.keys()];
    return [...new Set([...this.entries.keys(), ...this.summaryIndex().keys()])];
  }

  /** Whether the stat index knows any file (when not, there is no point in looking files up). */
  get hasStats(): boolean {
    return !this.stats.empty;
  }

  /**
   * Look the listed files up in the stat index: each one's key when last read and the summary of
   * its check, if its stat (among `stats`, in the same order) is unchanged since and not racy;
   * undefined for the others. The index is made to fit the listing: entries of files gone are
   * dropped, and when files were added or deleted since its columns were written, the next save
   * writes it whole, so that later runs find each entry by its position. (A listed file that
   * never gets an entry, one that cannot be read, keeps the listing from matching the columns,
   * but asks for no rewrite: the entries are then found by walking both lists.)
   */
  lookUpListing(paths: readonly string[], stats: FileStats): ({ key: string; summary: FileSummary } | undefined)[] {
    const index = this.stats;
    const { rows, set, unlisted, added } = index.entriesOf(paths);
    for (const file of unlisted) this.store.delete(file);
    if (unlisted.length > 0 || added > 0) this.store.rewriteWhole();
    const out: ({ key: string; summary: FileSummary } | undefined)[] = new Array(paths.length);
    const bound = (readAt: number, mtimeMs: number, ctimeMs: number) => mtimeMs < readAt - RACY_MS && ctimeMs < readAt - RACY_MS;
    for (let i = 0; i < paths.length; i++) {
      const at = i * 5;
      const row = rows[i]!;
      const entry = row === -1 ? set.get(i) : undefined;
      if (row === -1 && !entry) continue;
      // No stat (NaN), or an inode number past 2^53 that may have lost its low bits: always read.
      const known =
        Number.isSafeInteger(stats[at + 3]!) &&
        (entry ? sameNumbers(entry, 0, stats, at) && bound(entry[6], entry[1], entry[2]) : index.sameStat(row, stats, at) && bound(index.numberAt(row, READ_AT), stats[at + 1]!, stats[at + 2]!));
      const key = entry ? entry[5] : index.keyAt(row);
      const summary = expandSummary(entry ? entry[7] : index.summaryAt(row));
      if (known) out[i] = { key, summary };
      // A file touched, not changed, has its last check's key: readHere finds its summary here.
      else this.previous.set(paths[i]!, { key, summary });
    }
    return out;
  }

  /** Note what a file's stat was just before it was read, the key of those bytes and their check's summary. */
  recordStat(absolute: string, stat: FileStat, key: string, check: FileSummary): void {
    this.store.set(absolute, [...stat, key, this.started, compactSummary(check)]);
  }

  /** A check with its record: this run's, or the log's (call loadChecks first). */
  get(key: string): FileCheck | undefined {
    if (this.settled) throw new Error("CheckCache.get after saveFiles()");
    if (!this.loaded && !this.entries.has(key)) throw new Error("CheckCache.get before loadChecks()");
    const hit = this.entries.get(key);
    if (hit) this.used.add(key);
    return hit;
  }

  /**
   * A check's summary, without reading the log: this run's checks, or what the stat index holds —
   * for a file read at `absolute`, what it held for that path (a file touched, not changed: the
   * few files read in this thread need no index by key); otherwise for any path (a file renamed;
   * the index by key is made on first need, as for the many files workers read).
   * (Keys are not marked used: the log is compacted only by a run that read it, and uses all it keeps.)
   */
  summaryOf(key: string, absolute?: string): FileSummary | undefined {
    if (this.settled) throw new Error("CheckCache.summaryOf after saveFiles()");
    const hit = this.entries.get(key);
    if (hit) return hit;
    if (absolute !== undefined) {
      const here = this.previous.get(absolute);
      return here?.key === key ? here.summary : undefined;
    }
    const known = this.summaryIndex().get(key);
    return known === undefined ? undefined : expandSummary(known);
  }

  /** A check made in this thread (its path is stripped when saved). */
  set(key: string, check: FileCheck): void {
    this.entries.set(key, check);
    this.pending.set(key, check);
    this.used.add(key);
  }

  /** A batch of checks as a worker sent them: the JSON text is logged as it is. */
  addBatch(text: string, pairs: readonly [string, FileCheck][]): void {
    for (const [key, check] of pairs) {
      this.entries.set(key, check);
      this.used.add(key);
    }
    // Appended now, not held until save(): a cold run's batches add up to hundreds of megabytes.
    // A run killed mid-line leaves a torn last line, which loadChecks() skips.
    this.append(() => this.log.append(text + "\n"));
  }

  /** The tree-wide findings of the last run whose files had these tree facts, if that was the last run. */
  treeFindings(fingerprint: string): TreeFindings | undefined {
    return this.tree.findings(fingerprint);
  }

  /** Keep this run's tree-wide findings for the next run (only the latest tree is kept). */
  setTreeFindings(fingerprint: string, findings: TreeFindings): void {
    this.tree.set(fingerprint, findings);
  }

  private summaryIndex(): Map<string, CompactSummary> {
    if (!this.summaries) {
      this.summaries = new Map();
      for (const [, entry] of this.stats.entries()) this.summaries.set(entry[5], entry[7]);
    }
    return this.summaries;
  }

  /** Write to the log, unless writing failed once: then nothing more is written this run. */
  private append(write: () => void): void {
    if (this.unwritable) return;
    try {
      write();
    } catch {
      this.unwritable = true;
    }
  }


  /**
   * Save, then let go of the checks and the stat index: a cold build holds every record while it
   * builds its tables, and these would hold a second view of them (a few hundred megabytes at
   * 100,000 meetings). After this only tree-wide findings may be set and saved.
   */
  async saveFiles(): Promise<void> {
    await this.save();
    this.settled = true;
    this.entries.clear();
    this.pending.clear();
    this.used.clear();
    this.previous.clear();
    this.summaries = undefined;
    this.store = StatStore.empty();
  }

  /**
   * Persist new checks, the stat index and the tree-wide findings; rewrite the log without stale
   * entries when they outnumber live ones (only when this run read it).
   */
  async save(): Promise<void> {
    if (this.unwritable) return;
    try {
      await mkdir(this.dir, { recursive: true });
      // Only tidying: a file it cannot delete does not stop this run's cache being saved.
      await forgetOtherToolkits(this.dir, this.toolkit).catch(() => undefined);
      if (this.loaded && this.entries.size > 2 * this.used.size + 1000) {
        const live = [...this.entries].filter(([key]) => this.used.has(key));
        await this.log.rewrite(live);
      } else if (this.pending.size) {
        this.append(() => this.log.appendPairs([...this.pending]));
      }
      this.pending.clear();
      await this.store.save();
      await this.tree.save();
    } catch {
      this.unwritable = true;
    }
  }
}

/** How close to a run's start a file's times may be and still be trusted: coarse clocks and file systems. */
const RACY_MS = 2000;
