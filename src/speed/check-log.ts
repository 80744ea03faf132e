import { isAscii } from "node:buffer";
import { appendFileSync, mkdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { withoutFile, type FileCheck } from "../validate/check-file.js";
import { replaceFile } from "./cache-folder.js";

/**
 * The log of a cache's checks on disk: JSON lines, each a batch of `[key, check]` pairs, appended
 * as checks are made and rewritten whole when most of it is stale. A run killed mid-line leaves a
 * torn last line, which reading skips and the next append starts a new line after. Writing
 * throws; the cache decides what a failure means.
 */
export class CheckLog {
  /** The log does not end with a line end (a torn line): the next append starts a new line. */
  private torn = false;

  constructor(private readonly file: string) {}

  /** Every pair of the log, in order, to `take`; a missing or unreadable log has none. */
  async read(take: (key: string, check: FileCheck) => void): Promise<void> {
    const log = await readFile(this.file).catch(() => Buffer.alloc(0));
    this.torn = this.torn || (log.length > 0 && log[log.length - 1] !== 10);
    for (let start = 0; start < log.length; ) {
      const end = log.indexOf(10, start) === -1 ? log.length : log.indexOf(10, start);
      try {
        if (end > start) {
          // A line of ASCII only is read as Latin-1, a plain copy of its bytes and faster than decoding UTF-8.
          const line = log.subarray(start, end);
          for (const [key, check] of JSON.parse(line.toString(isAscii(line) ? "latin1" : "utf8")) as [string, FileCheck][]) take(key, check);
        }
      } catch {
        // A torn last line from an interrupted run: its entries are simply absent.
      }
      start = end + 1;
    }
  }

  /** Append lines of the log as they are (a worker's batch) or made of pairs. */
  append(text: string): void {
    mkdirSync(path.dirname(this.file), { recursive: true });
    appendFileSync(this.file, (this.torn ? "\n" : "") + text);
    this.torn = false;
  }

  /** Append pairs, their paths stripped. */
  appendPairs(pairs: readonly [string, FileCheck][]): void {
    this.append(logLines(pairs));
  }

  /** Write the log afresh with only these pairs. */
  async rewrite(pairs: readonly [string, FileCheck][]): Promise<void> {
    await replaceFile(this.file, logLines(pairs));
    this.torn = false;
  }
}

/** Checks as log lines of at most 1,000 entries each (one line for a whole cache would outgrow a string). */
function logLines(entries: readonly [string, FileCheck][]): string {
  let text = "";
  for (let i = 0; i < entries.length; i += 1000) {
    text += JSON.stringify(entries.slice(i, i + 1000).map(([key, check]) => [key, withoutFile(check)])) + "\n";
  }
  return text;
}
