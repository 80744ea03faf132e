import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import type { FileStat } from "./worker-protocol.js";

/**
 * A file's stat and bytes through one descriptor: the stat is taken before the read, so a file
 * changed meanwhile differs from the recorded stat next time and is read again.
 */
export function readWithStat(file: string): { stat: FileStat; bytes: Uint8Array } {
  const fd = openSync(file, "r");
  try {
    const s = fstatSync(fd);
    // One byte more than the stat says, to notice a file that grew since.
    let bytes: Uint8Array = new Uint8Array(s.size + 1);
    let length = 0;
    for (let n; (n = readSync(fd, bytes, length, bytes.length - length, null)) > 0; ) {
      length += n;
      if (length === bytes.length) {
        const bigger = new Uint8Array(bytes.length * 2);
        bigger.set(bytes);
        bytes = bigger;
      }
    }
    return { stat: [s.size, s.mtimeMs, s.ctimeMs, s.ino, s.dev], bytes: bytes.subarray(0, length) };
  } finally {
    closeSync(fd);
  }
}
