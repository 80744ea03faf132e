import type { FileSummary } from "../validate/check-file.js";
import { isSummary, sameNumbers, type CompactSummary, type StatEntry } from "./stat-entry.js";

/** Numbers kept per file, in this order: size, mtime, ctime, inode, device, and when the run that read it began. */
export const NUMBERS = 6;
/** Where `readAt` is among a file's numbers (the first five are its FileStat). */
export const READ_AT = 5;
/** Cache keys are SHA-256 digests and facts digests half of one, in hex: fixed widths, so each column is one string. */
const KEY_WIDTH = 64;
const FACTS_WIDTH = 32;
/** What the file begins with: its form, then a line of JSON giving the sections' lengths. */
const MAGIC = "parlex stat index 3\n";
/** Between paths in their section: no path holds a NUL. */
const SEPARATOR = "\0";

/**
 * Every listed path's entry, found at once: its row in the index's columns (-1 for none), or the
 * entry set since they were read (a journal's or this run's); and the paths the index has an
 * entry for that are not listed (files gone since).
 */
export interface ListedEntries {
  /** Whether the listed paths were the columns' paths, in order (then row i is path i). */
  positional: boolean;
  rows: Int32Array;
  /** Entries set since the columns were read, by position in the list (they outrank the row). */
  set: Map<number, StatEntry>;
  unlisted: string[];
  /** How many listed paths have an entry set since but no row (files added since the columns were written). */
  added: number;
}

/**
 * The stat index as a map from absolute path to entry, stored in columns, and in a file that is
 * the columns' bytes: the numbers as doubles, every key in one string and every facts digest in
 * another (each of fixed width), and every path in one string. Reading it for 100,000 files is
 * then a few large copies, not 100,000 small values to parse and collect. When the tree's files
 * are the ones it was written for, in the same order (nearly always), each file's entry is the
 * one at its position in the list, and no map from path to row is ever made.
 * Entries changed since it was read are kept aside and folded in when it is written.
 */
export class StatIndex {
  private count = 0;
  private numbers = new Float64Array(0);
  private keys = "";
  private facts = "";
  /** Every path, in row order, in one string. */
  private joined = "";
  /** Summaries with findings, by row (the others are their facts digest alone). */
  private findings: Record<string, FileSummary> = {};
  /** The paths as a list, and each one's row: made only when a path is looked up on its own. */
  private paths: string[] | undefined = [];
  private rowMap: Map<string, number> | undefined = new Map();
  /** Entries set (or, as null, deleted) since the columns were read. */
  private overrides = new Map<string, StatEntry | null>();

  /** The index in a file's bytes; undefined when they are not one (damaged, or another form). */
  static parse(bytes: Uint8Array): StatIndex | undefined {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (buffer.toString("latin1", 0, MAGIC.length) !== MAGIC) return undefined;
    const headerEnd = buffer.indexOf(10, MAGIC.length);
    if (headerEnd === -1) return undefined;
    let header: Partial<StoredHeader>;
    try {
      header = JSON.parse(buffer.toString("latin1", MAGIC.length, headerEnd)) as Partial<StoredHeader>;
    } catch {
      return undefined;
    }
    const { count, paths, findings } = header;
    if (![count, paths, findings].every((v) => Number.isSafeInteger(v) && v! >= 0)) return undefined;
    const n = count!;
    // The numbers start at the next multiple of 8 after the header line: the header is padded so.
    let at = headerEnd + 1;
    const sections = [n * NUMBERS * 8, n * KEY_WIDTH, n * FACTS_WIDTH, paths!, findings!];
    if (at % 8 !== 0 || buffer.length !== at + sections.reduce((a, b) => a + b, 0)) return undefined;
    const index = new StatIndex();
    index.count = n;
    // A copy, which is aligned wherever the bytes sit (and keeps no view of a larger buffer).
    index.numbers = new Float64Array(n * NUMBERS);
    new Uint8Array(index.numbers.buffer).set(buffer.subarray(at, (at += sections[0]!)));
    index.keys = buffer.toString("latin1", at, (at += sections[1]!));
    index.facts = buffer.toString("latin1", at, (at += sections[2]!));
    // As many paths as rows: counted by their separators, without splitting them.
    let separators = 0;
    for (let nul = buffer.indexOf(0, at); nul !== -1 && nul < at + sections[3]!; nul = buffer.indexOf(0, nul + 1)) separators++;
    if (n > 0 ? separators !== n - 1 : sections[3] !== 0) return undefined;
    index.joined = buffer.toString("utf8", at, (at += sections[3]!));
    try {
      const found = JSON.parse(buffer.toString("utf8", at, (at += sections[4]!))) as unknown;
      if (found === null || typeof found !== "object" || Array.isArray(found) || !Object.values(found).every(isSummary)) return undefined;
      index.findings = found as Record<string, FileSummary>;
    } catch {
      return undefined;
    }
    // Split and mapped only when first needed (see pathList).
    index.paths = undefined;
    index.rowMap = undefined;
    return index;
  }

  /**
   * Whether the index has no entry to look files up in (an index whose rows were all deleted
   * since it was read is not taken for empty).
   */
  get empty(): boolean {
    if (this.count > 0) return false;
    for (const entry of this.overrides.values()) if (entry !== null) return false;
    return true;
  }

  get(file: string): StatEntry | undefined {
    const override = this.overrides.get(file);
    if (override !== undefined) return override ?? undefined;
    const row = this.rowOf(file);
    return row === undefined ? undefined : this.entryAt(row);
  }

  set(file: string, entry: StatEntry): void {
    this.overrides.set(file, entry);
  }

  delete(file: string): void {
    if (this.get(file) !== undefined) this.overrides.set(file, null);
  }

  /**
   * Every listed path's entry (see ListedEntries). When the listed paths are the columns' paths
   * in order, row i is path i: one comparison of two strings instead of a lookup per path.
   */
  entriesOf(listed: readonly string[]): ListedEntries {
    const rows = new Int32Array(listed.length).fill(-1);
    const set = new Map<number, StatEntry>();
    const unlisted: string[] = [];
    let added = 0;
    const positional = listed.length === this.count && listed.join(SEPARATOR) === this.joined;
    // Rows no listed path has (their files are gone); none when the lists are the same.
    const seen = positional ? undefined : new Uint8Array(this.count);
    if (seen) this.matchRows(listed, rows, seen);
    else for (let i = 0; i < listed.length; i++) rows[i] = i;
    // Changes are few (a journal's, or none): each is found among the listed paths by position.
    const changed = new Map(this.overrides);
    if (changed.size > 0) {
      for (let i = 0; i < listed.length && changed.size > 0; i++) {
        const entry = changed.get(listed[i]!);
        if (entry === undefined) continue;
        changed.delete(listed[i]!);
        if (entry !== null) {
          set.set(i, entry);
          if (rows[i] === -1) added++;
        }
        rows[i] = -1;
      }
      // Changed paths not listed: gone again (those set since the columns were read).
      for (const [file, entry] of changed) if (entry !== null) unlisted.push(file);
    }
    if (seen) {
      const paths = this.pathList();
      for (let row = 0; row < this.count; row++) if (seen[row] === 0 && !this.overrides.has(paths[row]!)) unlisted.push(paths[row]!);
    }
    return { positional, rows, set, unlisted, added };
  }

  /**
   * Each listed path's row in the columns, marking the rows found: by walking the two lists
   * together, as both are in path order (the columns are written so, and a listing is), which
   * costs no map of every path; by a map of paths when the listing is not in order.
   */
  private matchRows(listed: readonly string[], rows: Int32Array, seen: Uint8Array): void {
    const paths = this.pathList();
    for (let i = 0, row = 0; i < listed.length; i++) {
      const file = listed[i]!;
      if (i > 0 && !(listed[i - 1]! < file)) {
        rows.fill(-1);
        seen.fill(0);
        listed.forEach((p, j) => {
          const found = this.rowOf(p);
          if (found !== undefined) (rows[j] = found), (seen[found] = 1);
        });
        return;
      }
      while (row < this.count && paths[row]! < file) row++;
      if (row < this.count && paths[row] === file) {
        rows[i] = row;
        seen[row++] = 1;
      }
    }
  }

  /** A number of the entry in a row of the columns (see NUMBERS for their order). */
  numberAt(row: number, field: number): number {
    return this.numbers[row * NUMBERS + field]!;
  }

  /** Whether the entry in a row has the stat that is five numbers of `stats` from `at` (as statFiles gives them). */
  sameStat(row: number, stats: Float64Array, at: number): boolean {
    return sameNumbers(this.numbers, row * NUMBERS, stats, at);
  }

  keyAt(row: number): string {
    return this.keys.slice(row * KEY_WIDTH, (row + 1) * KEY_WIDTH);
  }

  summaryAt(row: number): CompactSummary {
    return this.findings[row] ?? this.facts.slice(row * FACTS_WIDTH, (row + 1) * FACTS_WIDTH);
  }

  /** Every entry with its path: the columns' rows not changed since they were read, then the changes. */
  *entries(): IterableIterator<[string, StatEntry]> {
    const paths = this.pathList();
    for (let row = 0; row < this.count; row++) if (!this.overrides.has(paths[row]!)) yield [paths[row]!, this.entryAt(row)];
    for (const [file, entry] of this.overrides) if (entry !== null) yield [file, entry];
  }

  /**
   * The whole index as the bytes of its file, its paths in order (a tree's listing is in that
   * order: see list-sources.ts); entries whose key or digest is not of the usual width are left
   * out: they are read again.
   */
  serialize(): Buffer {
    const all = [...this.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).filter(([, [, , , , , key, , summary]]) => key.length === KEY_WIDTH && (typeof summary === "string" ? summary : summary.facts).length === FACTS_WIDTH);
    const numbers = new Float64Array(all.length * NUMBERS);
    const findings: Record<string, FileSummary> = {};
    all.forEach(([, [size, mtimeMs, ctimeMs, ino, dev, , readAt, summary]], row) => {
      numbers.set([size, mtimeMs, ctimeMs, ino, dev, readAt], row * NUMBERS);
      if (typeof summary !== "string") findings[row] = summary;
    });
    const keys = Buffer.from(all.map(([, e]) => e[5]).join(""), "latin1");
    const facts = Buffer.from(all.map(([, e]) => (typeof e[7] === "string" ? e[7] : e[7].facts)).join(""), "latin1");
    const paths = Buffer.from(all.map(([file]) => file).join(SEPARATOR), "utf8");
    const findingsBytes = Buffer.from(JSON.stringify(findings), "utf8");
    const header: StoredHeader = { count: all.length, paths: paths.length, findings: findingsBytes.length };
    let head = MAGIC + JSON.stringify(header);
    // Padded with spaces so that the numbers, after the line end, start at a multiple of 8.
    head += " ".repeat((8 - ((head.length + 1) % 8)) % 8) + "\n";
    return Buffer.concat([Buffer.from(head, "latin1"), new Uint8Array(numbers.buffer), keys, facts, paths, findingsBytes]);
  }

  private entryAt(row: number): StatEntry {
    const at = row * NUMBERS;
    const n = this.numbers;
    return [n[at]!, n[at + 1]!, n[at + 2]!, n[at + 3]!, n[at + 4]!, this.keyAt(row), n[at + READ_AT]!, this.summaryAt(row)];
  }

  private pathList(): string[] {
    // As many as the rows: parse counted them.
    this.paths ??= this.count === 0 ? [] : this.joined.split(SEPARATOR);
    return this.paths;
  }

  private rowOf(file: string): number | undefined {
    if (!this.rowMap) {
      this.rowMap = new Map();
      this.pathList().forEach((p, row) => this.rowMap!.set(p, row));
    }
    return this.rowMap.get(file);
  }
}

/** The line after the magic: how many files, and the byte lengths of the two sections of variable length. */
interface StoredHeader {
  count: number;
  /** The paths, joined by NUL, in UTF-8. */
  paths: number;
  /** The summaries with findings, by row, as JSON in UTF-8. */
  findings: number;
}
