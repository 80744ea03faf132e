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

/** The file that marks a folder as a site parlex wrote (`parlex site --out`). */
export const SITE_MARK = ".parlex-site";

/** What a file manager leaves in a folder it shows (replaced with the folder, and harmless to). */
const OS_LITTER = [".DS_Store", "Thumbs.db", "desktop.ini"];

/**
 * What parlex writes at the top of each kind of folder it replaces whole: a marked folder holding
 * anything else is not taken for parlex's (a mark is easily copied or committed, and would
 * otherwise make a folder of someone's files replaceable). Tests hold every build and site to
 * these names.
 */
export const OUTPUT_KINDS = {
  build: {
    mark: OUTPUT_MARK,
    names: new Set([...OS_LITTER, OUTPUT_MARK, "datapackage.json", "DATA-DICTIONARY.md", "load.R", "load.py", "load.sql", "csv", "json", "arrow", "parquet"]),
    pattern: null,
  },
  site: {
    mark: SITE_MARK,
    names: new Set([...OS_LITTER, SITE_MARK, ".nojekyll", "index.html", "releases.json", "assets", "data", "latest", "releases", "meeting", "meetings", "person", "people", "body", "bodies", "topic", "topics"]),
    // A release's files, served under its version.
    pattern: /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/,
  },
} as const;

/** A kind of output folder: a package (`build`) or a site. */
export type OutputKind = keyof typeof OUTPUT_KINDS;

/** What an output folder must stay clear of. */
export interface Surroundings {
  /** The working folder of the command. */
  cwd: string;
  /** The sources root the command reads. */
  sources: string;
  /** The cache folder, if the command uses one. */
  cacheDir?: string;
  /** Where releases are published (default: dist-data/ of the working folder). */
  releases?: string;
}

/**
 * Refuse, before anything is touched, a folder a command must not replace whole: anything but a
 * folder that does not exist, is empty, or carries parlex's mark — and never, mark or not, the
 * current folder or one above it, the sources (or a folder in or above them), a repository,
 * dist-data/, a published release or a folder in one, the folder of a release version in any
 * dist-data/, the cache; nor a marked folder that holds what parlex does not write there (see
 * OUTPUT_KINDS). `shown` is the folder as the user wrote it.
 * Throws a RunError (exit 2) naming the folder and why.
 */
export function checkOutputFolder(target: string, shown: string, around: Surroundings, kind: OutputKind = "build"): void {
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
  const dist = realLocation(around.releases ?? path.join(around.cwd, "dist-data"));
  // Releases are published in this project's releases folder, and by convention in any dist-data/.
  const isReleases = (folder: string) => folder === dist || path.basename(folder).toLowerCase() === "dist-data";
  if (isReleases(real)) refuse("output/releases", { relation: "is a dist-data/ folder, where releases are published" });
  if (isPublishedRelease(real)) refuse("output/releases", { relation: "is a published release" });
  // The folder of a release version (published, or to come), or any folder in one: a build there
  // would take that release's place, or change it.
  for (let at = real; at !== path.dirname(at); at = path.dirname(at)) {
    if (!isReleases(path.dirname(at)) || !RELEASE_FOLDER.test(path.basename(at))) continue;
    refuse("output/releases", { relation: at === real ? "is the folder of a release version in dist-data/" : `is inside ${at}, the folder of a release version in dist-data/` });
  }
  if (!own) return;
  const entries = readdirSync(real);
  // (A site serves copies of the releases, each a folder of its own.)
  if (kind !== "site" && entries.some((e) => isPublishedRelease(path.join(real, e)))) refuse("output/releases", { relation: "holds published releases" });
  const notOwn = notOwnFolder(kind, entries);
  if (notOwn) refuse(notOwn.code, notOwn.params);
}

/**
 * Why a folder with these entries at its top is not parlex's own output of this kind (no mark, or
 * something beside what parlex writes there); undefined when it is, or is empty. Asked before a
 * run and again just before the swap, when a file put there meanwhile would go with the folder.
 */
export function notOwnFolder(kind: OutputKind, entries: readonly string[]): { code: "output/not-parlex" | "output/foreign-entries"; params: Record<string, string> } | undefined {
  const { mark, names, pattern } = OUTPUT_KINDS[kind];
  if (entries.length === 0) return undefined;
  if (!entries.includes(mark)) return { code: "output/not-parlex", params: { marker: mark } };
  const foreign = entries.filter((e) => !names.has(e) && !(pattern?.test(e) ?? false)).sort();
  if (foreign.length === 0) return undefined;
  return { code: "output/foreign-entries", params: { marker: mark, entry: foreign[0]!, more: foreign.length > 1 ? ` (and ${foreign.length - 1} more)` : "" } };
}

/** A release version's folder name in dist-data/ (1.0.0, 2.0.0-rc.1). */
const RELEASE_FOLDER = /^\d+\.\d+\.\d+/;

/** Whether a folder is a published release: it holds a descriptor and its checksums. */
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
