import { readdir, realpath } from "node:fs/promises";
import path from "node:path";
import type { UnplacedDiagnostic } from "../model/diagnostic.js";
import type { Kind } from "../model/source-file.js";
import { makeDiagnostic } from "../catalogue/make-diagnostic.js";
import { classifyFolder, notARecord, type FolderClass } from "./classify-path.js";

/** Files' stats, five numbers a file, in order (see FileStats in speed/stat-files.ts). */
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
  const links = new Set<string>();
  const unreadable: UnreadableFolder[] = [];
  const hidden: HiddenEntry[] = [];
  // Only files that can be records are stat-ed: the others are findings, not entries.
  const statRecords = stat && ((folder: string, names: string[], absolute: string[]) => statWanted(stat, classifyFolder(folder), names, absolute));
  const { runs, stats } = await walk(absoluteRoot, "", links, unreadable, hidden, statRecords);
  /** Which of the files found are entries, when not all are. */
  const kept: number[] = [];
  let found = 0;
  const entries: SourceEntry[] = [];
  const diagnostics: UnplacedDiagnostic[] = [];
  for (const { folder, reason } of unreadable) {
    const file = displayPath(folder === "" ? absoluteRoot : path.join(absoluteRoot, folder), cwd);
    diagnostics.push(makeDiagnostic("file/unreadable", { reason }, { file, line: 0, column: 0 }));
  }
  // Hidden entries are not read, and never silently: a hidden folder (meetings/.2024) would drop
  // every record in it, so it is an error; a hidden file (.DS_Store) a warning.
  for (const { entry, folder } of hidden) {
    const file = displayPath(path.join(absoluteRoot, entry), cwd);
    diagnostics.push(makeDiagnostic(folder ? "file/hidden-folder" : "file/hidden-file", { file }, { file, line: 0, column: 0 }));
  }
  // Every file's shown path is its folder's shown path and its name: worked out once a folder,
  // not per file (path.relative on a hundred thousand files is most of a listing's time).
  // (When the working folder is inside the root, some files are inside it and some not: per file.)
  const resolvedCwd = path.resolve(cwd);
  const perFile = absoluteRoot !== resolvedCwd && isInside(absoluteRoot, resolvedCwd);
  const shownRoot = absoluteRoot === resolvedCwd ? "" : displayPath(absoluteRoot, cwd);
  let folder: string | undefined;
  let where: FolderClass | undefined;
  let shownFolder = "";
  for (const run of runs) {
    if (run.folder !== folder) {
      folder = run.folder;
      // Every file in a folder is of the same kind (or of none): classified once (see classifyPath).
      where = classifyFolder(folder);
      shownFolder = shownRoot === "" ? folder : folder === "" ? shownRoot : `${shownRoot}/${folder}`;
    }
    for (let i = 0; i < run.names.length; i++, found++) {
      const name = run.names[i]!;
      const absolute = run.absolute[i]!;
      const file = perFile ? displayPath(absolute, cwd) : shownFolder === "" ? name : `${shownFolder}/${name}`;
      // Findings about the file as a whole concern no place in it: line and column 0.
      const reason = notARecord(where, name);
      if (reason || !where) {
        const code = reason === "extension" ? "file/ignored-extension" : "file/unknown-folder";
        diagnostics.push(makeDiagnostic(code, { file }, { file, line: 0, column: 0 }));
        continue;
      }
      if (links.size > 0 && links.has(folder === "" ? name : `${folder}/${name}`)) {
        // A link that resolves nowhere is left to the reader, which reports it unreadable.
        const target = await realpath(absolute).catch(() => undefined);
        if (target !== undefined && !isInside(realRoot, target)) {
          diagnostics.push(makeDiagnostic("file/link-outside", { file, target }, { file, line: 0, column: 0 }));
          continue;
        }
      }
      const entry: SourceEntry = { file, absolute, kind: where.kind, stem: name.slice(0, -".yaml".length) };
      if (where.yearFolder !== undefined) entry.yearFolder = where.yearFolder;
      entries.push(entry);
      kept.push(found);
    }
  }
  const shown = displayPath(absoluteRoot, cwd);
  // A tree without a record is not a dataset: nothing to build, and never a release.
  if (entries.length === 0) diagnostics.push(makeDiagnostic("file/no-records", { root: shown }, { file: shown, line: 0, column: 0 }));
  // In the order of their paths, as the entries are (the hidden ones were noted as found).
  if (hidden.length > 0) diagnostics.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const listing: Listing = { root: shown, entries, diagnostics };
  if (stats) {
    const all = kept.length === found;
    listing.stats = stats.then((s) => (all ? s : pick(s, kept)));
  }
  return listing;
}

/** A folder that could not be listed (relative to the root, "" for the root itself), and why. */
interface UnreadableFolder {
  folder: string;
  reason: string;
}

/** An entry whose name starts with a dot (relative to the root), and whether it is a folder. */
interface HiddenEntry {
  entry: string;
  folder: boolean;
}

/** Files of one folder (relative to the root, "" for the root itself), by name, in order, with their absolute paths. */
interface Run {
  folder: string;
  names: string[];
  absolute: string[];
}

/**
 * Files below a folder, in the order of their paths (relative to the root) as strings, as runs of
 * a folder's own files, and which of them are links; hidden entries are skipped and noted in `hidden`. The folders are
 * read at once, not one after another, and each one's names are sorted on their own, as plain
 * strings: a folder's name sorts as itself followed by "/", as every path under it begins, which
 * makes the joined lists the sorted list of all paths. With `stat`, each folder's own files are
 * handed to it as soon as the folder is read, and their stats are joined in the same order. A
 * folder that cannot be read is noted in `unreadable` and holds no files.
 */
async function walk(
  root: string,
  prefix: string,
  links: Set<string>,
  unreadable: UnreadableFolder[],
  hidden: HiddenEntry[],
  stat?: (folder: string, names: string[], absolute: string[]) => Promise<FileStats>,
): Promise<{ runs: Run[]; stats?: Promise<FileStats> }> {
  const names: string[] = [];
  const folder = prefix ? path.join(root, prefix) : root;
  const folders = new Map<string, ReturnType<typeof walk>>();
  let dirents;
  try {
    dirents = await readdir(folder, { withFileTypes: true });
  } catch (error) {
    // A folder that cannot be listed (no permission, gone meanwhile) is a finding, not a crash.
    unreadable.push({ folder: prefix, reason: (error as Error).message });
    return { runs: [] };
  }
  for (const entry of dirents) {
    const name = entry.name;
    if (name.startsWith(".")) {
      hidden.push({ entry: prefix ? `${prefix}/${name}` : name, folder: entry.isDirectory() });
      continue;
    }
    if (entry.isDirectory()) {
      names.push(`${name}/`);
      folders.set(`${name}/`, walk(root, prefix ? `${prefix}/${name}` : name, links, unreadable, hidden, stat));
    } else if (entry.isFile()) names.push(name);
    else if (entry.isSymbolicLink()) {
      names.push(name);
      links.add(prefix ? `${prefix}/${name}` : name);
    }
  }
  names.sort();
  // This folder's own files, and their absolute paths. Names never hold a separator, and hidden
  // ones ("." and ".." too) are skipped: plain joining is exact.
  const own = folders.size === 0 ? names : names.filter((name) => !folders.has(name));
  const base = path.sep === "/" && !folder.endsWith("/") ? `${folder}/` : undefined;
  const ownAbsolute = own.map((name) => (base !== undefined ? base + name : path.join(folder, name)));
  const ownStats = stat?.(prefix, own, ownAbsolute);
  if (folders.size === 0) return { runs: own.length ? [{ folder: prefix, names: own, absolute: ownAbsolute }] : [], ...(ownStats ? { stats: ownStats } : {}) };
  const inside = new Map(await Promise.all([...folders].map(async ([name, walked]) => [name, await walked] as const)));
  const runs: Run[] = [];
  // The stats in the files' order: runs of this folder's own files between its folders' stats.
  const parts: { stats: Promise<FileStats>; from: number; count: number }[] = [];
  let ownAt = 0;
  let files = 0;
  /** The run of this folder's own files that the next one joins (none after a folder with files). */
  let open: Run | undefined;
  for (const name of names) {
    const below = inside.get(name);
    if (below) {
      let count = 0;
      for (const run of below.runs) {
        runs.push(run);
        count += run.names.length;
      }
      if (below.stats) parts.push({ stats: below.stats, from: 0, count });
      files += count;
      if (count > 0) open = undefined;
      continue;
    }
    if (open) {
      open.names.push(name);
      open.absolute.push(ownAbsolute[ownAt]!);
    } else runs.push((open = { folder: prefix, names: [name], absolute: [ownAbsolute[ownAt]!] }));
    const part = parts[parts.length - 1];
    if (ownStats && part?.stats === ownStats && part.from + part.count === ownAt) part.count++;
    else if (ownStats) parts.push({ stats: ownStats, from: ownAt, count: 1 });
    ownAt++;
    files++;
  }
  if (!stat) return { runs };
  const stats = Promise.all(parts.map((p) => p.stats)).then((all) => {
    const out = new Float64Array(files * 5);
    let at = 0;
    parts.forEach((part, i) => {
      out.set(all[i]!.subarray(part.from * 5, (part.from + part.count) * 5), at);
      at += part.count * 5;
    });
    return out;
  });
  return { runs, stats };
}

/** The stats of a folder's files (NaN for none), asked for only those that can be records there. */
function statWanted(stat: (files: string[]) => Promise<FileStats>, where: FolderClass | undefined, names: string[], absolute: string[]): Promise<FileStats> {
  const wanted: number[] = [];
  names.forEach((name, i) => notARecord(where, name) === undefined && wanted.push(i));
  if (wanted.length === names.length) return stat(absolute);
  const out = new Float64Array(names.length * 5).fill(NaN);
  if (wanted.length === 0) return Promise.resolve(out);
  return stat(wanted.map((i) => absolute[i]!)).then((taken) => {
    wanted.forEach((i, k) => out.set(taken.subarray(k * 5, k * 5 + 5), i * 5));
    return out;
  });
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
