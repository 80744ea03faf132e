import { readdir, realpath } from "node:fs/promises";
import path from "node:path";
import type { UnplacedDiagnostic } from "../model/diagnostic.js";
import type { Kind } from "../model/source-file.js";
import { makeDiagnostic } from "../catalogue/make-diagnostic.js";
import { classifyPath } from "./classify-path.js";

/** A source file found under the root, before it is read. */
export interface SourceEntry {
  /** Path as reported to the user. */
  file: string;
  absolute: string;
  kind: Kind;
  stem: string;
  yearFolder?: string;
}

/** Every `*.yaml` record file under a root, in a stable order, plus findings about the tree itself. */
export async function listSources(root: string, cwd: string): Promise<{ root: string; entries: SourceEntry[]; diagnostics: UnplacedDiagnostic[] }> {
  const absoluteRoot = path.resolve(cwd, root);
  const realRoot = await realpath(absoluteRoot);
  const found = await walk(absoluteRoot);
  const entries: SourceEntry[] = [];
  const diagnostics: UnplacedDiagnostic[] = [];
  // Every file's shown path is the root's shown path and the relative one: worked out once, not
  // per file (path.relative on a hundred thousand files is most of a listing's time).
  // (When the working folder is inside the root, some files are inside it and some not: per file.)
  const resolvedCwd = path.resolve(cwd);
  const perFile = absoluteRoot !== resolvedCwd && isInside(absoluteRoot, resolvedCwd);
  const shownRoot = absoluteRoot === resolvedCwd ? "" : displayPath(absoluteRoot, cwd);
  for (const relative of found.files) {
    const link = found.links.has(relative);
    // Names never hold a separator, and hidden ones ("." and ".." too) are skipped: plain joining is exact.
    const absolute = path.sep === "/" && !absoluteRoot.endsWith("/") ? `${absoluteRoot}/${relative}` : path.join(absoluteRoot, relative);
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
  }
  return { root: displayPath(absoluteRoot, cwd), entries, diagnostics };
}

/**
 * Files below a folder, relative to it with forward slashes, in the order of their paths as
 * strings, and which of them are links; hidden entries are skipped. The folders are read at once,
 * not one after another, and each one's names are sorted on their own, as plain strings: a
 * folder's name sorts as itself followed by "/", as every path under it begins, which makes the
 * joined lists the sorted list of all paths.
 */
async function walk(root: string, prefix = "", links = new Set<string>()): Promise<{ files: string[]; links: Set<string> }> {
  const names: string[] = [];
  const folders = new Map<string, Promise<{ files: string[] }>>();
  for (const entry of await readdir(path.join(root, prefix), { withFileTypes: true })) {
    if (entry.name.startsWith(".")) continue;
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      names.push(`${entry.name}/`);
      folders.set(`${entry.name}/`, walk(root, relative, links));
    } else if (entry.isFile()) names.push(entry.name);
    else if (entry.isSymbolicLink()) {
      names.push(entry.name);
      links.add(relative);
    }
  }
  names.sort();
  const inside = new Map(await Promise.all([...folders].map(async ([name, walked]) => [name, (await walked).files] as const)));
  const files: string[] = [];
  for (const name of names) {
    const below = inside.get(name);
    if (below) for (const file of below) files.push(file);
    else files.push(prefix ? `${prefix}/${name}` : name);
  }
  return { files, links };
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
