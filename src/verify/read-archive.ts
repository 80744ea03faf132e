import { readRegularFile } from "./file-source.js";
import { createGunzip, type Gunzip } from "node:zlib";
import { Parser, type ReadEntry } from "tar";
import { compareBytes } from "./file-source.js";

/** A release archive read into memory: its files by path below the top folder, and anything amiss. */
export interface ArchiveContents {
  files: Map<string, Uint8Array>;
  /** The one top folder every entry sits in. */
  top: string | null;
  problems: string[];
}

/**
 * Read a .tar.gz file into memory without extracting it: nothing it holds can reach the disk.
 * Only a regular file of at most ARCHIVE_LIMITS.bytes is read; its entries are held to
 * ARCHIVE_LIMITS, so that a gzip bomb is refused once it un-gzips past the cap, never held.
 */
export async function readArchive(file: string): Promise<ArchiveContents> {
  const read = await readRegularFile(file, ARCHIVE_LIMITS.bytes);
  if ("problem" in read) return { files: new Map(), top: null, problems: [read.problem] };
  return readArchiveBytes(read.bytes);
}

/** A .tar.gz (or .tar) archive's files, from its bytes. */
export async function readArchiveBytes(bytes: Uint8Array, limits: ArchiveLimits = limitsFor(bytes.length)): Promise<ArchiveContents> {
  return scanArchiveBytes<Uint8Array>(bytes, limits, () => {
    const chunks: Buffer[] = [];
    return { add: (c) => chunks.push(c), end: () => new Uint8Array(Buffer.concat(chunks)) };
  });
}

/** What reads an archive entry's bytes as they come: made per entry, given its path below its top folder and its whole path. */
export type EntryCollector<T> = (inner: string, name: string) => { add(chunk: Buffer): void; end(): T };

/**
 * Every file entry of an archive (.tar.gz or .tar) through a collector: what it made of each, by
 * path below the top folder. Anything but files and folders is a problem.
 */
export async function scanArchiveBytes<T>(bytes: Uint8Array, limits: ArchiveLimits, collector: EntryCollector<T>): Promise<{ files: Map<string, T>; top: string | null; problems: string[] }> {
  const raw = new Map<string, T>();
  const problems: string[] = [];
  const tops = new Set<string>();
  let entries = 0;
  let unpacked = 0;
  await new Promise<void>((resolve, reject) => {
    // Past a cap the scan stops at once: what was read so far is not trusted either.
    let gunzip: Gunzip | undefined;
    let stopped = false;
    const overLimit = (what: string) => {
      stopped = true;
      gunzip?.destroy();
      reject(new ArchiveTooLarge(what));
    };
    const parser = new Parser({
      strict: true,
      onReadEntry: (entry: ReadEntry) => {
        // The header gives an entry's size before its bytes: a cap is kept before they come.
        if (stopped) return entry.resume();
        if (++entries > limits.entries) return overLimit(`more than ${limits.entries} entries`);
        if ((unpacked += entry.size ?? 0) > limits.unpacked) return overLimit(`more than ${limits.unpacked} bytes once un-gzipped`);
        const name = entry.path.replace(/\/+$/, "");
        tops.add(name.split("/")[0]!);
        if (entry.type !== "File" && entry.type !== "OldFile") {
          if (entry.type !== "Directory") problems.push(`${entry.path}: a ${entry.type} entry, where only files and folders belong`);
          entry.resume();
          return;
        }
        const collect = collector(name.slice(name.indexOf("/") + 1), name);
        entry.on("data", (c: Buffer) => collect.add(c));
        entry.on("end", () => raw.set(name, collect.end()));
      },
    });
    parser.on("error", reject);
    parser.on("end", () => resolve());
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (buffer[0] !== 0x1f || buffer[1] !== 0x8b) {
      parser.end(buffer);
      return;
    }
    // Un-gzipped here, in 1 MB pieces, rather than by the parser in 16 kB ones: twice as fast.
    gunzip = createGunzip({ chunkSize: 1 << 20 });
    // The tar stream itself is counted too: padding and headers of a bomb are bytes as well.
    let tarBytes = 0;
    gunzip.on("data", (chunk: Buffer) => {
      if (stopped) return;
      if ((tarBytes += chunk.length) > limits.unpacked + TAR_SLACK) overLimit(`more than ${limits.unpacked} bytes once un-gzipped`);
      else parser.write(chunk);
    });
    gunzip.on("end", () => parser.end());
    // Worded as node-tar's own un-gzipping worded it.
    gunzip.on("error", (error) => reject(new Error(`zlib: ${error.message}`)));
    gunzip.end(buffer);
  }).catch((error: Error) => {
    if (!(error instanceof ArchiveTooLarge)) problems.push(`not a readable tar.gz: ${error.message}`);
    else {
      raw.clear();
      problems.push(`refused: ${error.message} (a release archive holds at most ${limits.entries} entries and ${limits.unpacked} bytes here)`);
    }
  });
  const top = tops.size === 1 ? [...tops][0]! : null;
  if (tops.size > 1) problems.push(`entries sit in ${tops.size} top folders (${[...tops].sort(compareBytes).join(", ")}), not one`);
  const files = new Map<string, T>();
  for (const [name, data] of raw) {
    const inner = top ? name.slice(top.length + 1) : name;
    if (inner.split("/").some((p) => p === ".." || p === "") || name.startsWith("/")) problems.push(`${name}: a path outside the archive's folder`);
    else files.set(inner, data);
  }
  return { files, top, problems };
}

/** How much of an archive is read before it is refused: entries, and bytes once un-gzipped. */
export interface ArchiveLimits {
  entries: number;
  unpacked: number;
}

/**
 * The caps every archive is read with. A release archive holds some 80 files; its tables
 * compress about 4–8 to 1 (the 100,000-meeting release: 6.6 to 1). So: 10,000 entries, and no
 * more than 24 times the archive's own size un-gzipped (gzip can reach 1,032 to 1; a 1 MB bomb
 * is stopped at 64 MiB), with 64 MiB allowed to any archive and 2 GiB to none (an archive given
 * to verify by itself is held in memory).
 */
export const ARCHIVE_LIMITS = { entries: 10_000, ratio: 24, least: 64 * 1024 * 1024, bytes: 2 * 1024 * 1024 * 1024 } as const;

/** The caps for an archive of this many bytes. */
export function limitsFor(archiveBytes: number): ArchiveLimits {
  return { entries: ARCHIVE_LIMITS.entries, unpacked: Math.min(ARCHIVE_LIMITS.bytes, Math.max(ARCHIVE_LIMITS.least, archiveBytes * ARCHIVE_LIMITS.ratio)) };
}

/** Room for the tar stream's headers, padding and end blocks beyond its entries' bytes. */
const TAR_SLACK = 16 * 1024 * 1024;

class ArchiveTooLarge extends Error {}
