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
  /** The path shown (from the working folder), from which the kind, name and year folder follow. */
  file: string;
  /** The file's check, of which only the facts digest is read here. */
  summary: { facts: string };
}

/**
 * A digest of everything the tree-wide checks read: the working folder and sources root, then
 * each file's path and facts digest, in order (a file's kind, name and year folder follow from its
 * path under the root). Equal fingerprints give equal tree-wide findings.
 */
export function treeFingerprint(toolkit: string, where: { cwd: string; root: string }, files: readonly TreeFileFacts[]): string {
  const digest = createHash("sha256").update(`${toolkit}\0${where.cwd}\0${where.root}\0`);
  // Hashed a few thousand files at a time: one update per file would cost more than the hashing.
  // Fields end in NUL, which no path holds, so the text stands for one list of files only.
  for (let i = 0; i < files.length; i += 4096) {
    let text = "";
    for (const f of files.slice(i, i + 4096)) text += `${f.file}\0${f.summary.facts}\0`;
    digest.update(text);
  }
  return digest.digest("hex");
}
