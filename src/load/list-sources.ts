import { readdir, realpath } from "node:fs/promises";
import path from "node:path";
import type { UnplacedDiagnostic } from "../model/diagnostic.js";
import type { Kind } from "../model/source-file.js";
import { makeDiagnostic } from "../catalogue/make-diagnostic.js";
import { classifyPath } from "./classify-path.js";

/** Files' stats, five numbers a file, in order (see FileStats in validate/parallel/stat-files.ts). */
type FileStats = Float64Array;

/** A source file found under the root, before it is read. */
export interface SourceEntry {
  /** Path as reported to the user. */
  file: string;
  absolute: string;
  kind: Kind;
  stem: string;
  yearFolder?: string;
}

/** A tree's listing: its record files, findings about the tree itself, and the files' stats when asked for. */
export interface Listing {
  /** The root as shown to the user. */
  root: string;
  entries: SourceEntry[];
  diagnostics: UnplacedDiagnostic[];
  /** Each entry's stat, in order (with `stat` only): taken while the tree was listed. */
  stats?: Promise<FileStats>;
}

/**
 * Every `*.yaml` record file under a root, in a stable order (their paths' order as strings),
 * plus findings about the tree itself; with `stat`, each folder's files (absolute paths) are given
 * to it as soon as the folder is read, and their stats are the listing's.
 */
export async function listSources(root: string, cwd: string, stat?: (files: string[]) => Promise<FileStats>): Promise<Listing> {
  const absoluteRoot = path.resolve(cwd, root);
  const realRoot = await realpath(absoluteRoot);
  const found = await walk(absoluteRoot, "", new Set(), stat);
  /** Which of the files found are entries, when not all are. */
  const kept: number[] = [];
  const entries: SourceEntry[] = [];
  const diagnostics: UnplacedDiagnostic[] = [];
  // Every file's shown path is the root's shown path and the relative one: worked out once, not
  // per file (path.relative on a hundred thousand files is most of a listing's time).
  // (When the working folder is inside the root, some files are inside it and some not: per file.)
  const resolvedCwd = path.resolve(cwd);
  const perFile = absoluteRoot !== resolvedCwd && isInside(absoluteRoot, resolvedCwd);
  const shownRoot = absoluteRoot === resolvedCwd ? "" : displayPath(absoluteRoot, cwd);
  for (let index = 0; index < found.files.length; index++) {
    const relative = found.files[index]!;
    const absolute = found.absolute[index]!;
    const link = found.links.size > 0 && found.links.has(relative);
    const file = perFile ? displayPath(absolute, cwd) : shownRoot === "" ? relative : `${shownRoot}/${relative}`;
    // Findings about the file as a whole concern no place in it: line and column 0.
    const where = classifyPath(relative);
    if (!where.ok) {
      const code = where.reason === "extension" ? "file/ignored-extension" : "file/unknown-folder";
      diagnostics.push(makeDiagnostic(code, { file }, { file, line: 0, column: 0 }));
      continue;
    }
    if (link) {
      // A link that resolves nowhere is left to the reader, which reports it unreadable.
      const target = await realpath(absolute).catch(() => undefined);
      if (target !== undefined && !isInside(realRoot, target)) {
        diagnostics.push(makeDiagnostic("file/link-outside", { file, target }, { file, line: 0, column: 0 }));
        continue;
      }
    }
    const entry: SourceEntry = { file, absolute, kind: where.kind, stem: where.stem };
    if (where.yearFolder) entry.yearFolder = where.yearFolder;
    entries.push(entry);
    kept.push(index);
  }
  const listing: Listing = { root: displayPath(absoluteRoot, cwd), entries, diagnostics };
  if (found.stats) {
    const all = kept.length === found.files.length;
    listing.stats = found.stats.then((stats) => (all ? stats : pick(stats, kept)));
  }
  return listing;
}

/**
 * Files below a folder, relative to it with forward slashes, in the order of their paths as
 * strings, and which of them are links; hidden entries are skipped. The folders are read at once,
 * not one after another, and each one's names are sorted on their own, as plain strings: a
 * folder's name sorts as itself followed by "/", as every path under it begins, which makes the
 * joined lists the sorted list of all paths. With `stat`, each folder's own files are handed to
 * it as soon as the folder is read, and their stats are joined in the same order.
 */
async function walk(
  root: string,
  prefix: string,
  links: Set<string>,
  stat?: (files: string[]) => Promise<FileStats>,
): Promise<{ files: string[]; absolute: string[]; links: Set<string>; stats?: Promise<FileStats> }> {
  const names: string[] = [];
  const folder = prefix ? path.join(root, prefix) : root;
  const folders = new Map<string, ReturnType<typeof walk>>();
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const name = entry.name;
    if (name.startsWith(".")) continue;
    if (entry.isDirectory()) {
      names.push(`${name}/`);
      folders.set(`${name}/`, walk(root, prefix ? `${prefix}/${name}` : name, links, stat));
    } else if (entry.isFile()) names.push(name);
    else if (entry.isSymbolicLink()) {
      names.push(name);
      links.add(prefix ? `${prefix}/${name}` : name);
    }
  }
  names.sort();
  // This folder's own files, relative and absolute. Names never hold a separator, and hidden
  // ones ("." and ".." too) are skipped: plain joining is exact.
  const ownFiles: string[] = [];
  const ownAbsolute: string[] = [];
  const base = path.sep === "/" && !folder.endsWith("/") ? `${folder}/` : undefined;
  for (const name of names) {
    if (folders.has(name)) continue;
    ownFiles.push(prefix ? `${prefix}/${name}` : name);
    ownAbsolute.push(base !== undefined ? base + name : path.join(folder, name));
  }
  const ownStats = stat?.(ownAbsolute);
  const inside = new Map(await Promise.all([...folders].map(async ([name, walked]) => [name, await walked] as const)));
  if (inside.size === 0) return { files: ownFiles, absolute: ownAbsolute, links, ...(ownStats ? { stats: ownStats } : {}) };
  const files: string[] = [];
  const absolute: string[] = [];
  // The stats in the files' order: runs of this folder's own files between its folders' stats.
  const parts: { stats: Promise<FileStats>; from: number; count: number }[] = [];
  let ownAt = 0;
  for (const name of names) {
    const below = inside.get(name);
    if (below) {
      for (let i = 0; i < below.files.length; i++) {
        files.push(below.files[i]!);
        absolute.push(below.absolute[i]!);
      }
      if (below.stats) parts.push({ stats: below.stats, from: 0, count: below.files.length });
    } else {
      files.push(ownFiles[ownAt]!);
      absolute.push(ownAbsolute[ownAt]!);
      const last = parts[parts.length - 1];
      if (ownStats && last?.stats === ownStats && last.from + last.count === ownAt) last.count++;
      else if (ownStats) parts.push({ stats: ownStats, from: ownAt, count: 1 });
      ownAt++;
    }
  }
  if (!stat) return { files, absolute, links };
  const stats = Promise.all(parts.map((p) => p.stats)).then((all) => {
    const out = new Float64Array(files.length * 5);
    let at = 0;
    parts.forEach((part, i) => {
      out.set(all[i]!.subarray(part.from * 5, (part.from + part.count) * 5), at);
      at += part.count * 5;
    });
    return out;
  });
  return { files, absolute, links, stats };
}

/** The stats of some of the files, by their positions. */
function pick(stats: FileStats, positions: readonly number[]): FileStats {
  const out = new Float64Array(positions.length * 5);
  positions.forEach((from, i) => out.set(stats.subarray(from * 5, from * 5 + 5), i * 5));
  return out;
}

/** A path as the user should see it: relative to the working directory when inside it. */
export function displayPath(absolute: string, cwd: string): string {
  const relative = path.relative(cwd, absolute);
  const shown = relative && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative : absolute;
  return shown.split(path.sep).join("/");
}

function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target);
  return relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative));
}
