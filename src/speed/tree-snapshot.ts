import { readFile } from "node:fs/promises";
import type { TreeFindings } from "../validate/validate-tree.js";
import { replaceFile } from "./cache-folder.js";

/**
 * The tree-wide findings of the last run, kept in the cache folder with the fingerprint of the
 * tree facts they were found from (tree-facts.ts): a run whose files have the same fingerprint
 * would find the same. Only the latest tree is kept.
 */
export class TreeSnapshot {
  private changed = false;

  private constructor(
    private readonly file: string,
    private last: Snapshot | undefined,
  ) {}

  /** The snapshot in its file; a missing or damaged file is none (the tree-wide checks run). */
  static async read(file: string): Promise<TreeSnapshot> {
    try {
      const last = JSON.parse(await readFile(file, "utf8")) as Snapshot;
      if (typeof last.fingerprint === "string" && Array.isArray(last.diagnostics) && typeof last.quotes === "number") return new TreeSnapshot(file, last);
    } catch {
      // None yet.
    }
    return new TreeSnapshot(file, undefined);
  }

  /** The findings of the last run, if its files had these tree facts. */
  findings(fingerprint: string): TreeFindings | undefined {
    if (this.last?.fingerprint !== fingerprint) return undefined;
    return { diagnostics: this.last.diagnostics, quotes: this.last.quotes };
  }

  set(fingerprint: string, findings: TreeFindings): void {
    this.last = { fingerprint, ...findings };
    this.changed = true;
  }

  /** Write the findings set since it was read, if any. */
  async save(): Promise<void> {
    if (!this.changed || !this.last) return;
    await replaceFile(this.file, JSON.stringify(this.last));
    this.changed = false;
  }
}

/** The tree-wide findings of a run, and the fingerprint of the tree facts they came from. */
interface Snapshot extends TreeFindings {
  fingerprint: string;
}
