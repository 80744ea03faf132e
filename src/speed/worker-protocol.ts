import type { FileStat } from "../load/read-with-stat.js";
import type { Kind } from "../model/source-file.js";

/** A file for a worker to check. */
export interface WorkItem {
  index: number;
  file: string;
  absolute: string;
  kind: Kind;
}

/** What the main thread sends a worker: its files, and the cache keys it need not check again. */
export interface WorkRequest {
  items: WorkItem[];
  cached: string[];
  toolkit: string;
}


/**
 * One file's outcome: its cache key and stat, and where its check is in the batch's `checks`
 * (absent when the cache already has it); or why it could not be read.
 */
export type { FileStat };
export type WorkResult = { index: number; key: string; stat: FileStat; slot?: number } | { index: number; unreadable: string };

/**
 * What a worker sends back as it goes: a batch of results, and the new checks as the JSON text of
 * `[key, check][]` — the line the cache appends as is, and cheaper to parse than to clone.
 */
export type WorkMessage = { results: WorkResult[]; checks: string } | { done: true };
