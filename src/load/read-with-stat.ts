import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";

/** A file's size, mtime, ctime, inode and device when it was read (what a stat index keeps). */
export type FileStat = [size: number, mtimeMs: number, ctimeMs: number, ino: number, dev: number];

/** How much a file may grow while it is read before the read stops (it is then read again next time). */
const MAX_GROWTH = 1024 * 1024;

/**
 * A file's stat and bytes through one descriptor: the stat is taken before the read, so a file
 * changed meanwhile differs from the recorded stat next time and is read again. Only a regular
 * file is read (a link is followed first): a FIFO, a device such as /dev/zero or a socket is
 * refused without a read, as is a file over `limit` bytes, and opened without blocking, so that none can hang or fill memory.
 */
export function readWithStat(file: string, limit = Infinity): { stat: FileStat; bytes: Uint8Array } {
  const fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const s = fstatSync(fd);
    if (!s.isFile()) throw new Error(`not a regular file (${kindOf(s)})`);
    if (s.size > limit) throw new Error(`${s.size} bytes, more than ${limit}`);
    // One byte more than the stat says, to notice a file that grew since.
    let bytes: Uint8Array = new Uint8Array(s.size + 1);
    let length = 0;
    for (let n; (n = readSync(fd, bytes, length, bytes.length - length, null)) > 0; ) {
      length += n;
      if (length === bytes.length) {
        if (length > s.size + MAX_GROWTH) break;
        const bigger = new Uint8Array(Math.min(bytes.length * 2, s.size + MAX_GROWTH + 1));
        bigger.set(bytes);
        bytes = bigger;
      }
    }
    return { stat: [s.size, s.mtimeMs, s.ctimeMs, s.ino, s.dev], bytes: bytes.subarray(0, length) };
  } finally {
    closeSync(fd);
  }
}

/** What a file that is not a regular one is, in words. */
export function kindOf(s: { isDirectory(): boolean; isFIFO(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isSocket(): boolean }): string {
  return s.isDirectory() ? "a folder" : s.isFIFO() ? "a FIFO" : s.isCharacterDevice() || s.isBlockDevice() ? "a device" : s.isSocket() ? "a socket" : "not a file";
}
