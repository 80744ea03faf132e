import { appendFile, readFile, rm } from "node:fs/promises";
import { replaceFile } from "./cache-folder.js";
import { isStatEntry, type StatEntry } from "./stat-entry.js";
import { StatIndex } from "./stat-index.js";

/** A run that changed at most this many stat entries writes them to the journal ... */
const JOURNAL_ENTRIES = 1000;
/** ... unless the journal already has this many lines: then the index is written whole. */
const JOURNAL_LINES = 50;

/**
 * The stat index on disk: the whole index in one file, and a journal beside it that takes the
 * few entries a run changed, a line per run, so a one-file edit does not write 30 MB again.
 */
export class StatStore {
  /** Paths whose entry this run changed or dropped: what the next journal line holds. */
  private readonly changed = new Set<string>();
  /** Whether the next save writes the whole index, changes or not (see rewriteWhole). */
  private rewrite = false;

  private constructor(
    readonly index: StatIndex,
    private readonly file: string,
    private readonly journal: string,
    /** Lines in the journal: past a few, the next save writes the whole index afresh. */
    private journalLines: number,
    /** Whether the whole index was read from its file (until it has been written, there is no journal). */
    private whole: boolean,
  ) {}

  /** Read the index and replay its journal; a missing or damaged file is an empty index. */
  static async open(file: string, journal: string): Promise<StatStore> {
    let read: StatIndex | undefined;
    try {
      read = StatIndex.parse(await readFile(file));
    } catch {
      // No index yet, or a damaged one: every file is read and hashed.
    }
    const store = new StatStore(read ?? new StatIndex(), file, journal, 0, read !== undefined);
    // The journal's lines in order, each entry replacing or (with no stat) dropping a path's. Any
    // entry is safe to apply, stale or not: an entry is trusted only when the file's stat matches it.
    const text = await readFile(journal, "utf8").catch(() => "");
    for (const line of text.split("\n")) {
      if (line === "") continue;
      store.journalLines++;
      try {
        for (const [path, ...entry] of JSON.parse(line) as [string, ...unknown[]][]) {
          if (typeof path !== "string") continue;
          if (entry.length === 0) store.index.delete(path);
          // An entry of another shape (a damaged line) is skipped: that file is read again.
          else if (isStatEntry(entry)) store.index.set(path, entry);
        }
      } catch {
        // A torn line from an interrupted run: those files are read again.
      }
    }
    return store;
  }

  /** A store with nothing to save: what a cache holds once it has let go of its stat index. */
  static empty(): StatStore {
    return new StatStore(new StatIndex(), "", "", 0, false);
  }

  set(path: string, entry: StatEntry): void {
    this.index.set(path, entry);
    this.changed.add(path);
  }

  delete(path: string): void {
    this.index.delete(path);
    this.changed.add(path);
  }

  /**
   * Have the next save write the whole index: when a tree's files are no longer the index's
   * columns (a file added or deleted since they were written), so that the next run finds each
   * file's entry by its position again (see StatIndex.entriesOf).
   */
  rewriteWhole(): void {
    this.rewrite = true;
  }

  /** Write this run's changes: a journal line when they are few, the whole index otherwise. */
  async save(): Promise<void> {
    if (this.changed.size === 0 && !this.rewrite) return;
    if (!this.rewrite && this.whole && this.changed.size <= JOURNAL_ENTRIES && this.journalLines < JOURNAL_LINES) {
      // A leading line end: a torn last line from an interrupted run stays a line of its own.
      const changes = [...this.changed].map((path) => [path, ...(this.index.get(path) ?? [])]);
      await appendFile(this.journal, "\n" + JSON.stringify(changes) + "\n");
      this.journalLines++;
    } else {
      await replaceFile(this.file, this.index.serialize());
      await rm(this.journal, { force: true });
      this.journalLines = 0;
      this.whole = true;
      this.rewrite = false;
    }
    this.changed.clear();
  }
}
