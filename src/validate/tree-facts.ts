import { createHash, hash } from "node:crypto";
import type { Kind } from "../model/source-file.js";

/**
 * What the tree-wide checks (references, dates, participants, quotes, duplicates) may read of a
 * parsed record. They are given only this, so that when no file's facts changed, their findings
 * cannot have changed either and the last run's can be reused.
 */
export function treeFacts(kind: Kind, record: unknown): unknown {
  if (kind !== "meeting" || record === null || typeof record !== "object" || Array.isArray(record)) return record;
  // A meeting's free text and format, which no tree-wide check reads. Every other kind is few in
  // number and kept whole.
  const { title: _title, summary: _summary, note: _note, format: _format, ...facts } = record as Record<string, unknown>;
  return facts;
}

/** A digest of a file's tree facts and whether its record passed its schema (none: not parsed). */
export function factsDigest(kind: Kind, record: unknown, valid: boolean): string {
  const facts = record === undefined ? null : treeFacts(kind, record);
  return hash("sha256", JSON.stringify([valid, facts]), "hex").slice(0, 32);
}

/** A tree's files as the tree-wide checks see them, in listing order. */
export interface TreeFileFacts {
  file: string;
  kind: Kind;
  stem: string;
  yearFolder?: string;
  /** The file's check, of which only the facts digest is read here. */
  summary: { facts: string };
}

/**
 * A digest of everything the tree-wide checks read: each file's path, kind, name, year folder and
 * facts digest, in order. Equal fingerprints give equal tree-wide findings.
 */
export function treeFingerprint(toolkit: string, files: readonly TreeFileFacts[]): string {
  const hash = createHash("sha256").update(toolkit).update("\0");
  // Hashed a few thousand files at a time: one update per file would cost more than the hashing.
  for (let i = 0; i < files.length; i += 4096) {
    let text = "";
    for (const f of files.slice(i, i + 4096)) text += JSON.stringify([f.file, f.kind, f.stem, f.yearFolder ?? "", f.summary.facts]) + "\n";
    hash.update(text);
  }
  return hash.digest("hex");
}
