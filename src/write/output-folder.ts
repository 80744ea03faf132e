import { existsSync, lstatSync, readdirSync, realpathSync, type Stats } from "node:fs";
import path from "node:path";
import { RunError } from "../catalogue/run-error.js";

/**
 * The file parlex writes into every folder it replaces whole: a folder that holds it was written
 * by parlex, and a later build may replace it. Its bytes never change (outputs stay reproducible).
 */
export const OUTPUT_MARK = ".parlex-output";

/** The mark's bytes. */
export const OUTPUT_MARK_TEXT = "This folder was written by parlex; the next `parlex build --out` into it replaces it whole.\n";

/** What an output folder must stay clear of. */
export interface Surroundings {
  /** The working folder of the command. */
  cwd: string;
  /** The sources root the command reads. */
  sources: string;
  /** The cache folder, if the command uses one. */
  cacheDir?: string;
}

/**
 * Refuse, before anything is touched, a folder a command must not replace whole: anything but a
 * folder that does not exist, is empty, or carries parlex's mark — and never, mark or not, the
 * current folder or one above it, the sources (or a folder in or above them), a repository,
 * dist-data/ or a published release, the cache. `shown` is the folder as the user wrote it.
 * Throws a RunError (exit 2) naming the folder and why.
 */
export function checkOutputFolder(target: string, shown: string, around: Surroundings): void {
  const refuse = (code: ConstructorParameters<typeof RunError>[0], params: Record<string, string> = {}) => {
    throw new RunError(code, { folder: shown, ...params }, 2);
  };
  const own = lstatOrUndefined(target);
  if (own?.isSymbolicLink()) refuse("output/is-link");
  if (own && !own.isDirectory()) refuse("output/is-file");
  // Where the folder really is: links above it resolved, so that `out -> .` is seen as `.`.
  const real = realLocation(target);
  const cwd = realLocation(around.cwd);
  const sources = realLocation(around.sources);
  if (isWithin(cwd, real)) refuse("output/holds-working-folder", { cwd: around.cwd });
  if (real === sources) refuse("output/sources", { relation: "is", sources: around.sources });
  if (isWithin(sources, real)) refuse("output/sources", { relation: "contains", sources: around.sources });
  if (isWithin(real, sources)) refuse("output/sources", { relation: "is inside", sources: around.sources });
  const inside = repositoryAbove(real);
  if (inside) refuse("output/repository", { relation: inside === real ? "is" : "is inside", git: inside });
  const holds = own ? repositoryIn(real) : undefined;
  if (holds) refuse("output/repository", { relation: "holds", git: holds });
  if (around.cacheDir !== undefined && isWithin(real, realLocation(around.cacheDir))) refuse("output/cache", { cache: around.cacheDir });
  const dist = realLocation(path.join(around.cwd, "dist-data"));
  if (real === dist) refuse("output/releases", { relation: "is dist-data/, where releases are published" });
  if (isPublishedRelease(real)) refuse("output/releases", { relation: "is a published release" });
  // A build there would take the folder of a release to come (or replace it once published).
  if (path.dirname(real) === dist && /^\d+\.\d+\.\d+$/.test(path.basename(real))) refuse("output/releases", { relation: "is the folder of a release version in dist-data/" });
  if (!own) return;
  const entries = readdirSync(real);
  if (entries.some((e) => isPublishedRelease(path.join(real, e)))) refuse("output/releases", { relation: "holds published releases" });
  if (entries.length > 0 && !entries.includes(OUTPUT_MARK)) refuse("output/not-parlex", { marker: OUTPUT_MARK });
}

/** Whether a folder is a published release: a folder of dist-data with its checksums. */
function isPublishedRelease(folder: string): boolean {
  return existsSync(path.join(folder, "SHA256SUMS")) && existsSync(path.join(folder, "datapackage.json"));
}

/** The `.git` folder the folder is in or is, if any (a build into a folder of a repository, dist-data/next, is the ordinary case). */
function repositoryAbove(folder: string): string | undefined {
  const parts = folder.split(path.sep);
  const at = parts.indexOf(".git");
  return at === -1 ? undefined : parts.slice(0, at + 1).join(path.sep);
}

/** The `.git` the folder holds, directly or deeper, if any (looked for a few levels down). */
function repositoryIn(folder: string, depth = 3): string | undefined {
  let entries: string[];
  try {
    entries = readdirSync(folder);
  } catch {
    return undefined;
  }
  if (entries.includes(".git")) return path.join(folder, ".git");
  if (depth === 0 || entries.includes(OUTPUT_MARK)) return undefined;
  for (const entry of entries) {
    const child = path.join(folder, entry);
    if (lstatOrUndefined(child)?.isDirectory()) {
      const found = repositoryIn(child, depth - 1);
      if (found) return found;
    }
  }
  return undefined;
}

/** The real path of a location that may not exist yet: its deepest existing ancestor resolved, the rest appended. */
export function realLocation(location: string): string {
  const absolute = path.resolve(location);
  const rest: string[] = [];
  for (let dir = absolute; ; dir = path.dirname(dir)) {
    try {
      return path.join(realpathSync(dir), ...rest.reverse());
    } catch {
      if (path.dirname(dir) === dir) return absolute;
      rest.push(path.basename(dir));
    }
  }
}

/** Whether `inner` is `outer` or inside it. */
export function isWithin(inner: string, outer: string): boolean {
  const relative = path.relative(outer, inner);
  return relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative));
}

function lstatOrUndefined(p: string): Stats | undefined {
  try {
    return lstatSync(p);
  } catch {
    return undefined;
  }
}
