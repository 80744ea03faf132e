import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, type Stats } from "node:fs";
import { open, readdir } from "node:fs/promises";
import { kindOf } from "../load/read-with-stat.js";
import path from "node:path";

/**
 * A package's files, wherever they are: a folder on disk, an archive read into memory, or a
 * build that was never written. Paths are relative, with `/` separators.
 */
export interface FileSource {
  /** What to call the package in messages (a folder or archive path). */
  label: string;
  /** Every regular file, sorted by path. */
  list(): Promise<string[]>;
  /**
   * A file's bytes, or undefined when there is no such file, it is not a regular file, or it is
   * larger than READ_LIMIT (or than `size`, when given: the size it is declared to have, checked
   * before it is read, so that a file is never read whole to find it is not what it claims).
   */
  read(file: string, size?: number, limit?: number): Promise<Uint8Array | undefined>;
  /**
   * Why the last `read` or `open` of a file that is there was refused (not a regular file, over
   * its limit), to be reported; undefined when it was read, is absent, or was not of its declared
   * size (which the size check reports).
   */
  refused(file: string): string | undefined;
  /**
   * A file opened to be read a piece at a time (to hash or compare it without holding it whole),
   * or undefined when there is no such file. Synchronous: for a thread with nothing else to do.
   */
  open(file: string): FileReader | undefined;
  /** The folder the files are in, when they are on disk (other threads can then read them too). */
  folder?: string;
  /** What is at a path that is no regular file (a symbolic link, a FIFO, a folder), in words; undefined when nothing is. */
  whatIs?(file: string): string | undefined;
}

/** A file read a piece at a time. */
export interface FileReader {
  /** The bytes from `position` on, as many as `into` holds (fewer at the end, none past it): a view of `into`, or of bytes in memory. */
  readAt(position: number, into: Buffer): Uint8Array;
  close(): void;
}

/** Files held in memory (a fresh build, or an archive's entries). */
export function sourceFromMap(label: string, files: ReadonlyMap<string, Uint8Array>): FileSource {
  return {
    label,
    list: async () => [...files.keys()].sort(compareBytes),
    read: async (file, size, limit = READ_LIMIT) => {
      const bytes = files.get(file);
      return bytes === undefined || (size !== undefined && bytes.length !== size) || bytes.length > limit ? undefined : bytes;
    },
    refused: (file) => {
      const bytes = files.get(file);
      return bytes !== undefined && bytes.length > READ_LIMIT ? `${bytes.length} bytes, more than the ${READ_LIMIT} read here` : undefined;
    },
    open: (file) => {
      const bytes = files.get(file);
      return bytes && { readAt: (position, into) => bytes.subarray(position, position + into.length), close: () => undefined };
    },
  };
}

/** Files of a folder, read lazily so a large package is never held whole in memory. */
export function sourceFromFolder(label: string, dir: string): FileSource {
  const refusals = new Map<string, string>();
  return {
    label,
    folder: dir,
    list: async () => (await listFiles(dir)).sort(compareBytes),
    read: async (file, size, limit = READ_LIMIT) => {
      refusals.delete(file);
      if (file.split("/").some((part) => part === ".." || part === "")) return undefined;
      const read = await readRegularFile(path.join(dir, ...file.split("/")), limit, size);
      if ("bytes" in read) return read.bytes;
      if (read.refused) refusals.set(file, read.problem);
      return undefined;
    },
    refused: (file) => refusals.get(file),
    whatIs: (file) => {
      if (file.split("/").some((part) => part === ".." || part === "")) return undefined;
      let s: Stats;
      try {
        s = lstatSync(path.join(dir, ...file.split("/")));
      } catch {
        return undefined;
      }
      return s.isFile() ? undefined : s.isSymbolicLink() ? "a symbolic link" : kindOf(s);
    },
    open: (file) => {
      if (file.split("/").some((part) => part === ".." || part === "")) return undefined;
      let fd: number;
      try {
        // Without blocking: a FIFO put in a file's place must not hang the hashing.
        fd = openSync(path.join(dir, ...file.split("/")), constants.O_RDONLY | constants.O_NONBLOCK);
        const s = fstatSync(fd);
        if (!s.isFile() || s.size > HASH_LIMIT) {
          closeSync(fd);
          refusals.set(file, s.isFile() ? `${s.size} bytes, more than the ${HASH_LIMIT} a release file may hold here` : `not a regular file (${kindOf(s)})`);
          return undefined;
        }
      } catch {
        return undefined;
      }
      return { readAt: (position, into) => into.subarray(0, readSync(fd, into, 0, into.length, position)), close: () => closeSync(fd) };
    },
  };
}

/** Every regular file under a folder, as relative `/`-separated paths. */
export async function listFiles(dir: string, prefix = ""): Promise<string[]> {
  const entries = await readdir(path.join(dir, prefix), { withFileTypes: true });
  const nested = await Promise.all(
    entries.map(async (e) => {
      const relative = prefix ? `${prefix}/${e.name}` : e.name;
      if (e.isDirectory()) return listFiles(dir, relative);
      return e.isFile() ? [relative] : [];
    }),
  );
  return nested.flat();
}

/** Order paths by code unit (byte order for ASCII), never by locale, so listings are the same everywhere. */
export function compareBytes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The most `read` takes of one file whole: the longest text V8 can make (a file read whole is
 * decoded), some 512 MiB; the 100,000-meeting release's largest table is 60 MB.
 */
export const READ_LIMIT = 0x1fffffe8;

/** The most `open` reads of one file piece by piece (to hash it or compare it with an archive's entry). */
export const HASH_LIMIT = 4 * 1024 * 1024 * 1024;

/** The most the descriptor, the manifest and SHA256SUMS may hold. */
export const METADATA_LIMIT = 16 * 1024 * 1024;

/**
 * A regular file's bytes (a link is followed first), through one descriptor opened without
 * blocking: a FIFO, a device or a folder is refused unread, as is a file over `limit` bytes or
 * not of the `size` expected. The file is read up to the size its stat gave, never past it.
 */
export async function readRegularFile(file: string, limit: number, size?: number): Promise<{ bytes: Uint8Array } | { problem: string; refused?: true }> {
  let handle;
  try {
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return { problem: (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : `cannot be read (${(error as Error).message})` };
  }
  try {
    const s = await handle.stat();
    if (!s.isFile()) return { problem: `not a regular file (${kindOf(s)})`, refused: true };
    if (s.size > limit) return { problem: `${s.size} bytes, more than the ${limit} read here`, refused: true };
    if (size !== undefined && s.size !== size) return { problem: `${s.size} bytes, where ${size} are declared` };
    const bytes = new Uint8Array(s.size);
    let length = 0;
    while (length < bytes.length) {
      const { bytesRead } = await handle.read(bytes, length, bytes.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    return { bytes: bytes.subarray(0, length) };
  } catch (error) {
    return { problem: `cannot be read (${(error as Error).message})` };
  } finally {
    await handle.close();
  }
}

/**
 * A regular file's bytes (see readRegularFile), or null when it is absent, not a regular file,
 * over `limit`, or unreadable: for files whose absence the caller handles, which must not hang
 * on a FIFO put in their place nor fill memory from a device.
 */
export async function readRegularOrNull(file: string, limit = READ_LIMIT): Promise<Uint8Array | null> {
  const read = await readRegularFile(file, limit);
  return "bytes" in read ? read.bytes : null;
}

/** As readRegularOrNull, as UTF-8 text. */
export async function readRegularTextOrNull(file: string, limit = READ_LIMIT): Promise<string | null> {
  const bytes = await readRegularOrNull(file, limit);
  return bytes === null ? null : new TextDecoder().decode(bytes);
}
