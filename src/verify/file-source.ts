import { closeSync, openSync, readSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
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
  /** A file's bytes, or undefined when there is no such file. */
  read(file: string): Promise<Uint8Array | undefined>;
  /**
   * A file opened to be read a piece at a time (to hash or compare it without holding it whole),
   * or undefined when there is no such file. Synchronous: for a thread with nothing else to do.
   */
  open(file: string): FileReader | undefined;
  /** The folder the files are in, when they are on disk (other threads can then read them too). */
  folder?: string;
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
    read: async (file) => files.get(file),
    open: (file) => {
      const bytes = files.get(file);
      return bytes && { readAt: (position, into) => bytes.subarray(position, position + into.length), close: () => undefined };
    },
  };
}

/** Files of a folder, read lazily so a large package is never held whole in memory. */
export function sourceFromFolder(label: string, dir: string): FileSource {
  return {
    label,
    folder: dir,
    list: async () => (await listFiles(dir)).sort(compareBytes),
    read: async (file) => {
      if (file.split("/").some((part) => part === ".." || part === "")) return undefined;
      return readFile(path.join(dir, ...file.split("/"))).then(
        (b) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength),
        () => undefined,
      );
    },
    open: (file) => {
      if (file.split("/").some((part) => part === ".." || part === "")) return undefined;
      let fd: number;
      try {
        fd = openSync(path.join(dir, ...file.split("/")), "r");
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
