import { constants, type BigIntStats } from "node:fs";
import { open, readFile, stat, type FileHandle } from "node:fs/promises";
import path from "node:path";
import { resourcePath, type WrittenFile } from "../describe/describe-package.js";
import { TABLES } from "../tables/table-definitions.js";
import { WRITERS } from "../write/writers.js";
import type { CheckedFile } from "../validate/file-checks.js";
import { replaceFile } from "../speed/cache-folder.js";
import { cacheNamespace } from "../speed/cache-namespace.js";
import { outputDigest } from "../speed/toolkit-digest.js";
import { DESCRIPTOR, type PackageSources } from "../write/assemble-package.js";

/**
 * What the cache keeps of the last build, so that the next one can patch its output rather than
 * write it all again: which sources it was built from, what it wrote, and how each written file
 * stood on disk afterwards (so that a file changed or replaced since is noticed).
 */
export interface LastBuild {
  format: 1;
  /** The digest of everything besides the sources that decides the package's bytes. */
  output: string;
  /** The tree fingerprint of the sources (paths and tree facts, see tree-facts.ts). */
  fingerprint: string;
  /** Each file's cache key, cut to 16 bytes, in listing order, as base64. */
  keys: string;
  /** The output folder, absolute. */
  folder: string;
  about: PackageSources;
  /** Rows by table. */
  rows: Record<string, number>;
  /** Each table file's size and hash, as the descriptor gives them. */
  written: WrittenFile[];
  /** Every file of the folder as it stood once written: its size and identity (inode, change and modification times). */
  files: FileStand[];
}

/** A file's size and identity on disk. */
export interface FileStand {
  path: string;
  size: number;
  ino: string;
  ctime: string;
  mtime: string;
}

const KEY_BYTES = 16;

/** The record's file in the cache folder, named by toolkit like the cache's other files. */
async function recordFile(cacheDir: string): Promise<string> {
  return path.join(cacheDir, `build-${(await cacheNamespace()).slice(0, 16)}.json`);
}

/**
 * The last build's record, if it was made by this toolkit (into this folder, when one is given)
 * and the folder's files stand as that build left them; otherwise undefined (and the build
 * writes everything).
 */
export async function readLastBuild(cacheDir: string, folder?: string): Promise<LastBuild | undefined> {
  let record: LastBuild;
  try {
    record = JSON.parse(await readFile(await recordFile(cacheDir), "utf8")) as LastBuild;
  } catch {
    return undefined;
  }
  if (!wellFormed(record) || record.output !== (await outputDigest()) || (folder !== undefined && record.folder !== path.resolve(folder))) return undefined;
  folder = record.folder;
  // Every file a build writes must be known to the record, else it cannot be patched from.
  const tablePaths = WRITERS.flatMap((w) => TABLES.map((t) => resourcePath(t.name, w)));
  const kept = new Set(record.files.map((f) => f.path));
  const described = new Set(record.written.map((w) => w.path));
  if (!kept.has(DESCRIPTOR) || tablePaths.some((p) => !kept.has(p) || !described.has(p))) return undefined;
  const now = await Promise.all(record.files.map((f) => standOf(folder, f.path).catch(() => undefined)));
  const intact = now.every((s, i) => s !== undefined && sameStand(s, record.files[i]!));
  return intact ? record : undefined;
}

/** Keep what a build wrote, once its folder is in place (a build that fails to keep it loses only the next build's shortcut). */
export async function saveLastBuild(cacheDir: string, record: Omit<LastBuild, "format" | "output" | "files">, paths: readonly string[]): Promise<void> {
  const files = await Promise.all(paths.map((p) => standOf(record.folder, p)));
  const full: LastBuild = { format: 1, output: await outputDigest(), ...record, files };
  await replaceFile(await recordFile(cacheDir), JSON.stringify(full));
}

/**
 * A file of the last build's folder, read through one descriptor whose stat is held to the
 * record's: undefined if it changed since the record was checked (another build, an edit).
 */
export async function readStanding(record: LastBuild, file: string): Promise<Uint8Array | undefined> {
  const stand = record.files.find((f) => f.path === file);
  if (!stand) return undefined;
  let handle: FileHandle | undefined;
  try {
    // Without blocking: a FIFO put in a file's place must not hang the read (its stand differs).
    handle = await open(path.join(record.folder, file), constants.O_RDONLY | constants.O_NONBLOCK);
    if (!sameStand(standFrom(file, await handle.stat({ bigint: true })), stand)) return undefined;
    const bytes = await handle.readFile();
    return bytes.length === stand.size ? bytes : undefined;
  } catch {
    return undefined;
  } finally {
    await handle?.close();
  }
}

/** The files' keys as the record keeps them (its `keys` is this in base64); undefined if a file has no key. */
export function packKeys(files: readonly CheckedFile[]): Buffer | undefined {
  // One string of every key's first bytes in hex, decoded at once: cheaper than a write a file.
  const hex: string[] = new Array(files.length);
  for (let i = 0; i < files.length; i++) {
    const key = files[i]!.key;
    if (key === undefined) return undefined;
    hex[i] = key.slice(0, KEY_BYTES * 2);
  }
  const packed = Buffer.from(hex.join(""), "hex");
  return packed.length === files.length * KEY_BYTES ? packed : undefined;
}

/** Files compared at once: a block whose keys are all equal is passed over whole. */
const KEY_BLOCK = 1024;

/**
 * The files whose keys (packed: see packKeys) differ from the record's (the same files in the
 * same order: equal fingerprints).
 */
export function changedSince(record: LastBuild, files: readonly CheckedFile[], packed: Buffer): CheckedFile[] | undefined {
  const keys = Buffer.from(record.keys, "base64");
  if (keys.length !== files.length * KEY_BYTES || packed.length !== keys.length) return undefined;
  const changed: CheckedFile[] = [];
  for (let block = 0; block < files.length; block += KEY_BLOCK) {
    const end = Math.min(block + KEY_BLOCK, files.length);
    if (keys.compare(packed, block * KEY_BYTES, end * KEY_BYTES, block * KEY_BYTES, end * KEY_BYTES) === 0) continue;
    for (let i = block; i < end; i++) {
      if (keys.compare(packed, i * KEY_BYTES, (i + 1) * KEY_BYTES, i * KEY_BYTES, (i + 1) * KEY_BYTES) !== 0) changed.push(files[i]!);
    }
  }
  return changed;
}

/** A record as this toolkit writes them (a damaged or foreign file is no record). */
function wellFormed(record: LastBuild): boolean {
  const { format, output, fingerprint, keys, folder, about, rows, written, files } = (record ?? {}) as Partial<LastBuild>;
  return (
    format === 1 &&
    [output, fingerprint, keys, folder].every((v) => typeof v === "string") &&
    typeof about === "object" &&
    about !== null &&
    Array.isArray(about.sources) &&
    typeof rows === "object" &&
    rows !== null &&
    Array.isArray(written) &&
    written.every((w) => typeof w?.path === "string" && typeof w.bytes === "number" && typeof w.sha256 === "string") &&
    Array.isArray(files) &&
    files.every((f) => typeof f?.path === "string" && typeof f.size === "number")
  );
}

async function standOf(folder: string, file: string): Promise<FileStand> {
  return standFrom(file, await stat(path.join(folder, file), { bigint: true }));
}

function standFrom(file: string, s: BigIntStats): FileStand {
  return { path: file, size: Number(s.size), ino: String(s.ino), ctime: String(s.ctimeNs), mtime: String(s.mtimeNs) };
}

function sameStand(a: FileStand, b: FileStand): boolean {
  return a.path === b.path && a.size === b.size && a.ino === b.ino && a.ctime === b.ctime && a.mtime === b.mtime;
}
