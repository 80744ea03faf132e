import { lstat, readdir, readFile, realpath } from "node:fs/promises";
import path from "node:path";
import type { UnplacedDiagnostic } from "../model/diagnostic.js";
import type { LoadedFile } from "../model/source-file.js";
import { makeDiagnostic } from "../catalogue/make-diagnostic.js";
import { classifyPath } from "./classify-path.js";
import { parseSourceBytes } from "./parse-source-bytes.js";

/** Every source file under a root, parsed, plus what went wrong on the way. */
export interface LoadedSources {
  root: string;
  files: LoadedFile[];
  diagnostics: UnplacedDiagnostic[];
}

/** Read and parse every `*.yaml` under `root`, in a stable order. */
export async function loadSources(root: string, cwd = process.cwd()): Promise<LoadedSources> {
  const absoluteRoot = path.resolve(cwd, root);
  const realRoot = await realpath(absoluteRoot);
  const relativePaths = (await listFiles(absoluteRoot)).sort();
  const files: LoadedFile[] = [];
  const diagnostics: UnplacedDiagnostic[] = [];
  for (const relative of relativePaths) {
    const absolute = path.join(absoluteRoot, relative);
    const file = displayPath(absolute, cwd);
    // Findings about the file as a whole concern no place in it: line and column 0.
    const whole = { file, line: 0, column: 0 };
    const where = classifyPath(relative);
    if (!where.ok) {
      const code = where.reason === "extension" ? "file/ignored-extension" : "file/unknown-folder";
      diagnostics.push(makeDiagnostic(code, { file }, whole));
      continue;
    }
    // A link that resolves nowhere is left to readFile, which reports it unreadable.
    const target = await realpath(absolute).catch(() => undefined);
    if (target !== undefined && !isInside(realRoot, target)) {
      diagnostics.push(makeDiagnostic("file/link-outside", { file, target }, whole));
      continue;
    }
    let bytes: Uint8Array;
    try {
      bytes = await readFile(absolute);
    } catch (error) {
      diagnostics.push(makeDiagnostic("file/unreadable", { reason: (error as Error).message }, whole));
      continue;
    }
    const parsed = parseSourceBytes(file, bytes);
    diagnostics.push(...parsed.diagnostics);
    const loaded: LoadedFile = { file, kind: where.kind, stem: where.stem, record: parsed.record };
    if (where.yearFolder) loaded.yearFolder = where.yearFolder;
    files.push(loaded);
  }
  return { root: displayPath(absoluteRoot, cwd), files, diagnostics };
}

/** Files below a folder, relative to it with forward slashes; hidden entries are skipped. */
async function listFiles(root: string, prefix = ""): Promise<string[]> {
  const entries = await readdir(path.join(root, prefix), { withFileTypes: true });
  const found: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith(".")) continue;
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) found.push(...(await listFiles(root, relative)));
    else if (entry.isFile()) found.push(relative);
    else if (entry.isSymbolicLink()) {
      const stat = await lstat(path.join(root, relative)).catch(() => undefined);
      if (stat) found.push(relative);
    }
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
