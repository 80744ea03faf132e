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
  const found = (await walk(absoluteRoot)).sort((a, b) => (a.relative < b.relative ? -1 : a.relative > b.relative ? 1 : 0));
  const entries: SourceEntry[] = [];
  const diagnostics: UnplacedDiagnostic[] = [];
  // Every file's shown path is the root's shown path and the relative one: worked out once, not
  // per file (path.relative on a hundred thousand files is most of a listing's time).
  // (When the working folder is inside the root, some files are inside it and some not: per file.)
  const resolvedCwd = path.resolve(cwd);
  const perFile = absoluteRoot !== resolvedCwd && isInside(absoluteRoot, resolvedCwd);
  const shownRoot = absoluteRoot === resolvedCwd ? "" : displayPath(absoluteRoot, cwd);
  for (const { relative, link } of found) {
    // Names never hold a separator, and hidden ones ("." and ".." too) are skipped: plain joining is exact.
    const absolute = path.sep === "/" && !absoluteRoot.endsWith("/") ? `${absoluteRoot}/${relative}` : path.join(absoluteRoot, relative);
    const file = perFile ? displayPath(absolute, cwd) : shownRoot === "" ? relative : `${shownRoot}/${relative}`;
    // Findings about the file as a whole concern no place in it: line and column 0.
    const whole = { file, line: 0, column: 0 };
    const where = classifyPath(relative);
    if (!where.ok) {
      const code = where.reason === "extension" ? "file/ignored-extension" : "file/unknown-folder";
      diagnostics.push(makeDiagnostic(code, { file }, whole));
      continue;
    }
    if (link) {
      // A link that resolves nowhere is left to the reader, which reports it unreadable.
      const target = await realpath(absolute).catch(() => undefined);
      if (target !== undefined && !isInside(realRoot, target)) {
        diagnostics.push(makeDiagnostic("file/link-outside", { file, target }, whole));
        continue;
      }
    }
    const entry: SourceEntry = { file, absolute, kind: where.kind, stem: where.stem };
    if (where.yearFolder) entry.yearFolder = where.yearFolder;
    entries.push(entry);
  }
  return { root: displayPath(absoluteRoot, cwd), entries, diagnostics };
}

/** Files below a folder, relative to it with forward slashes; hidden entries are skipped. */
async function walk(root: string, prefix = ""): Promise<{ relative: string; link: boolean }[]> {
  const entries = await readdir(path.join(root, prefix), { withFileTypes: true });
  const found: { relative: string; link: boolean }[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith(".")) continue;
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) for (const inner of await walk(root, relative)) found.push(inner);
    else if (entry.isFile()) found.push({ relative, link: false });
    else if (entry.isSymbolicLink()) found.push({ relative, link: true });
  }
  return found;
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
