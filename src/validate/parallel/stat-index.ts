import { withoutFile, type FileSummary } from "../check-file.js";
import type { FileStat } from "./worker-protocol.js";

/**
 * A check's summary as the stat index keeps it: only the facts digest when the file has no
 * finding of its own (nearly always), the whole summary otherwise.
 */
export type CompactSummary = string | FileSummary;

/** A stat index entry: the file's stat when last read, the key of the bytes read then, when that run began, and the summary of their check. */
export type StatEntry = [...FileStat, key: string, readAt: number, summary: CompactSummary];

/** Numbers kept per file: size, mtime, ctime, inode, device, and when the run that read it began. */
const NUMBERS = 6;
/** Cache keys are SHA-256 digests and facts digests half of one, in hex: fixed widths, so each column is one string. */
const KEY_WIDTH = 64;
const FACTS_WIDTH = 32;

/**
 * The stat index as a map from absolute path to entry, stored in columns: the paths as a list,
 * every key in one string and every facts digest in another (each of fixed width), the numbers as
 * one array of doubles (in base64), so that reading it for 100,000 files is not 100,000 small
 * arrays to parse and collect.
 * Entries changed since it was read are kept aside and folded in when it is written.
 */
export class StatIndex {
  private paths: string[] = [];
  private numbers = new Float64Array(0);
  private keys = "";
  private facts = "";
  /** Summaries with findings, by row (the others are their facts digest alone). */
  private findings: Record<string, FileSummary> = {};
  private rowOf = new Map<string, number>();
  /** Entries set (or, as null, deleted) since the columns were read. */
  private overrides = new Map<string, StatEntry | null>();

  /** The index in a file's text; undefined when the text is not one (damaged, or another format). */
  static parse(text: string): StatIndex | undefined {
    const stored = JSON.parse(text) as Partial<StoredIndex>;
    if (stored.format !== 2 || !Array.isArray(stored.paths) || typeof stored.keys !== "string" || typeof stored.facts !== "string" || typeof stored.numbers !== "string") return undefined;
    const index = new StatIndex();
    index.paths = stored.paths;
    index.keys = stored.keys;
    index.facts = stored.facts;
    const bytes = Buffer.from(stored.numbers, "base64");
    index.numbers = new Float64Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    index.findings = stored.findings ?? {};
    const n = index.paths.length;
    if (index.keys.length !== n * KEY_WIDTH || index.facts.length !== n * FACTS_WIDTH || index.numbers.length !== n * NUMBERS) return undefined;
    for (let row = 0; row < n; row++) index.rowOf.set(index.paths[row]!, row);
    return index;
  }

  get size(): number {
    let size = this.rowOf.size;
    for (const [file, entry] of this.overrides) {
      const inColumns = this.rowOf.has(file);
      if (entry === null && inColumns) size--;
      else if (entry !== null && !inColumns) size++;
    }
    return size;
  }

  get(file: string): StatEntry | undefined {
    const override = this.overrides.get(file);
    if (override !== undefined) return override ?? undefined;
    const row = this.rowOf.get(file);
    if (row === undefined) return undefined;
    const at = row * NUMBERS;
    const n = this.numbers;
    const key = this.keys.slice(row * KEY_WIDTH, (row + 1) * KEY_WIDTH);
    return [n[at]!, n[at + 1]!, n[at + 2]!, n[at + 3]!, n[at + 4]!, key, n[at + 5]!, this.findings[row] ?? this.facts.slice(row * FACTS_WIDTH, (row + 1) * FACTS_WIDTH)];
  }

  has(file: string): boolean {
    const override = this.overrides.get(file);
    return override === undefined ? this.rowOf.has(file) : override !== null;
  }

  set(file: string, entry: StatEntry): void {
    this.overrides.set(file, entry);
  }

  delete(file: string): void {
    if (this.get(file) !== undefined) this.overrides.set(file, null);
  }

  /** Every path with an entry. */
  *files(): IterableIterator<string> {
    for (const file of this.paths) if (!this.overrides.has(file)) yield file;
    for (const [file, entry] of this.overrides) if (entry !== null) yield file;
  }

  /** Every entry with its path. */
  *entries(): IterableIterator<[string, StatEntry]> {
    for (const file of this.files()) yield [file, this.get(file)!];
  }

  /** The whole index as the text of its file (entries whose key or digest is not of the usual width are left out: they are read again). */
  serialize(): string {
    const paths: string[] = [];
    const keys: string[] = [];
    const facts: string[] = [];
    const findings: Record<string, FileSummary> = {};
    const all = [...this.entries()].filter(([, [, , , , , key, , summary]]) => key.length === KEY_WIDTH && (typeof summary === "string" ? summary : summary.facts).length === FACTS_WIDTH);
    const numbers = new Float64Array(all.length * NUMBERS);
    all.forEach(([file, [size, mtimeMs, ctimeMs, ino, dev, key, readAt, summary]], row) => {
      paths.push(file);
      keys.push(key);
      numbers.set([size, mtimeMs, ctimeMs, ino, dev, readAt], row * NUMBERS);
      if (typeof summary === "string") facts.push(summary);
      else {
        facts.push(summary.facts);
        findings[row] = summary;
      }
    });
    const stored: StoredIndex = {
      format: 2,
      paths,
      keys: keys.join(""),
      facts: facts.join(""),
      numbers: Buffer.from(numbers.buffer).toString("base64"),
      findings,
    };
    return JSON.stringify(stored);
  }
}

/** The file's form (`format` 2; the first, a list of entries, is read as no index). */
interface StoredIndex {
  format: 2;
  paths: string[];
  /** Every key, each 64 characters. */
  keys: string;
  /** Every facts digest, each 32 characters. */
  facts: string;
  /** Six doubles a file, in the machine's byte order (the cache never leaves the machine). */
  numbers: string;
  findings: Record<string, FileSummary>;
}

/** A summary as the index keeps it. */
export function compactSummary(check: FileSummary): CompactSummary {
  const clean = check.diagnostics.length === 0 && check.shape?.length === 0 && check.local?.length === 0;
  if (clean) return check.facts;
  const { diagnostics, shape, local, facts } = withoutFile(check);
  return { diagnostics, ...(shape ? { shape } : {}), ...(local ? { local } : {}), facts };
}

/** The empty findings of a file without any, shared (frozen: never to be added to) by every such summary. */
const NONE = Object.freeze([]) as unknown as FileSummary["diagnostics"];

/** A summary as the index keeps it, whole again. */
export function expandSummary(summary: CompactSummary): FileSummary {
  return typeof summary === "string" ? { diagnostics: NONE, shape: NONE, local: NONE, facts: summary } : summary;
}


