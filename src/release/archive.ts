import { readFile } from "node:fs/promises";
import { createGunzip } from "node:zlib";
import { create, Parser, type ReadEntry } from "tar";
import { compareBytes } from "./file-source.js";
import { writeGzipPieces } from "./gzip-pieces.js";

/**
 * Write a release's .tar.gz with node-tar, byte-reproducibly: entries (folders, then their files)
 * in code-unit order under one top folder, `portable` headers (no uid, gid, user names, atime or
 * ctime; modes normalised as for umask 022), every mtime, folders' too, set to `mtime`, and
 * compressed in parallel as fixed-size gzip members (gzip-pieces.ts).
 * Reads the files from `cwd`; the archive may be written into that same folder.
 */
export async function writeArchive(cwd: string, files: readonly string[], archiveFile: string, prefix: string, mtime: Date): Promise<void> {
  const folders = new Set<string>();
  for (const file of files) {
    const parts = file.split("/");
    for (let i = 1; i < parts.length; i++) folders.add(parts.slice(0, i).join("/"));
  }
  const entries = [...folders, ...files].sort(compareBytes);
  // `portable` drops a folder's mtime (it would read as 1970); the hook runs after that and before
  // the header is written, so folders carry the release date like the files.
  const datedFolders = (entry: { type?: string; noMtime?: boolean }) => {
    if (entry.type === "Directory") entry.noMtime = false;
  };
  const tar = create({ cwd, portable: true, mtime, prefix, noDirRecurse: true, strict: true, onWriteEntry: datedFolders }, entries);
  await writeGzipPieces(tar, archiveFile);
}

/** A release archive read into memory: its files by path below the top folder, and anything amiss. */
export interface ArchiveContents {
  files: Map<string, Uint8Array>;
  /** The one top folder every entry sits in. */
  top: string | null;
  problems: string[];
}

/** Read a .tar.gz file into memory without extracting it: nothing it holds can reach the disk. */
export async function readArchive(file: string): Promise<ArchiveContents> {
  return readArchiveBytes(await readFile(file));
}

/** A .tar.gz (or .tar) archive's files, from its bytes. */
export async function readArchiveBytes(bytes: Uint8Array): Promise<ArchiveContents> {
  return scanArchiveBytes<Uint8Array>(bytes, () => {
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
export async function scanArchiveBytes<T>(bytes: Uint8Array, collector: EntryCollector<T>): Promise<{ files: Map<string, T>; top: string | null; problems: string[] }> {
  const raw = new Map<string, T>();
  const problems: string[] = [];
  const tops = new Set<string>();
  await new Promise<void>((resolve, reject) => {
    const parser = new Parser({
      strict: true,
      onReadEntry: (entry: ReadEntry) => {
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
    const gunzip = createGunzip({ chunkSize: 1 << 20 });
    gunzip.on("data", (chunk: Buffer) => parser.write(chunk));
    gunzip.on("end", () => parser.end());
    // Worded as node-tar's own un-gzipping worded it.
    gunzip.on("error", (error) => reject(new Error(`zlib: ${error.message}`)));
    gunzip.end(buffer);
  }).catch((error: Error) => problems.push(`not a readable tar.gz: ${error.message}`));
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
