import { readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { parentPort } from "node:worker_threads";
import { checkFile } from "../check-file.js";
import { compileShapeValidators } from "../validate-shape.js";
import type { WorkMessage, WorkRequest, WorkResult } from "./worker-protocol.js";

// A worker thread: reads, hashes and checks its share of the source files.
parentPort!.once("message", (request: WorkRequest) => {
  const validators = compileShapeValidators();
  const cached = new Set(request.cached);
  const results: WorkResult[] = [];
  for (const [n, item] of request.items.entries()) {
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(item.absolute);
    } catch (error) {
      results.push({ index: item.index, unreadable: (error as Error).message });
      continue;
    }
    const key = createHash("sha256").update(request.toolkit).update("\0").update(item.kind).update("\0").update(bytes).digest("hex");
    results.push(cached.has(key) ? { index: item.index, key } : { index: item.index, key, check: checkFile(item.file, item.kind, bytes, validators) });
    if (n % 500 === 499) parentPort!.postMessage({ progress: 500 } satisfies WorkMessage);
  }
  parentPort!.postMessage({ results } satisfies WorkMessage);
});
