import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { CorpusShape } from "./corpus-shape.js";
import { generateCorpus, type CorpusOptions } from "./generate-corpus.js";

/** What was written. */
export interface WrittenCorpus {
  /** The sources folder inside `dir`. */
  sourcesDir: string;
  shape: CorpusShape;
  files: number;
  bytes: number;
  /** Every meeting file, relative to `dir`, in the order written. */
  meetingFiles: string[];
}

/** Write a generated tree under `dir` (which should be empty): `dir/sources/…`. */
export function writeCorpus(dir: string, options: CorpusOptions): WrittenCorpus {
  const made = new Set<string>();
  const meetingFiles: string[] = [];
  let files = 0;
  let bytes = 0;
  const corpus = generateCorpus(options);
  for (let step = corpus.next(); ; step = corpus.next()) {
    if (step.done) return { sourcesDir: path.join(dir, "sources"), shape: step.value, files, bytes, meetingFiles };
    const target = path.join(dir, step.value.path);
    const folder = path.dirname(target);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    const data = Buffer.from(step.value.text, "utf8");
    writeFileSync(target, data);
    files++;
    bytes += data.length;
    if (step.value.path.startsWith("sources/meetings/")) meetingFiles.push(step.value.path);
  }
}
