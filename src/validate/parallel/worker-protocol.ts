import type { Kind } from "../../model/source-file.js";
import type { FileCheck } from "../check-file.js";

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

/** One file's outcome: its cache key, and the check unless the cache already has it. */
export type WorkResult = { index: number; key: string; check?: FileCheck } | { index: number; unreadable: string };

/** What a worker sends back. */
export type WorkMessage = { progress: number } | { results: WorkResult[] };
