import { parentPort } from "node:worker_threads";
import { checkFile, withoutFile, type FileCheck } from "../validate/check-file.js";
import { compileShapeValidators } from "../validate/validate-shape.js";
import { cacheKey } from "./cache-key.js";
import { readWithStat } from "../load/read-with-stat.js";
import type { FileStat, WorkMessage, WorkRequest, WorkResult } from "./worker-protocol.js";

/** Files per message: small enough that the main thread parses one batch while the next is checked. */
const BATCH = 1000;

// A worker thread: stats, reads, hashes and checks its share of the source files, sending the
// results back in batches as it goes.
parentPort!.once("message", (request: WorkRequest) => {
  const validators = compileShapeValidators();
  const cached = new Set(request.cached);
  let results: WorkResult[] = [];
  let checks: [string, FileCheck][] = [];
  const flush = () => {
    parentPort!.postMessage({ results, checks: checks.length ? JSON.stringify(checks) : "" } satisfies WorkMessage);
    results = [];
    checks = [];
  };
  for (const item of request.items) {
    let bytes: Uint8Array;
    let stat: FileStat;
    try {
      ({ stat, bytes } = readWithStat(item.absolute));
    } catch (error) {
      results.push({ index: item.index, unreadable: (error as Error).message });
      continue;
    }
    const key = cacheKey(request.toolkit, item.kind, bytes);
    if (cached.has(key)) results.push({ index: item.index, key, stat });
    else {
      results.push({ index: item.index, key, stat, slot: checks.length });
      checks.push([key, withoutFile(checkFile(item.file, item.kind, bytes, validators))]);
    }
    if (results.length === BATCH) flush();
  }
  if (results.length) flush();
  parentPort!.postMessage({ done: true } satisfies WorkMessage);
});
