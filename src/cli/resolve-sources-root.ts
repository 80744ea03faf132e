import { statSync } from "node:fs";
import path from "node:path";
import { UsageError } from "./usage-error.js";

/**
 * The sources root that PATHs belong to: the nearest folder named `sources` at or above each
 * (else a folder given itself). References are checked against the whole root; `only` lists the
 * PATHs to report on when they are narrower than the root.
 */
export function resolveSourcesRoot(command: string, paths: readonly string[], cwd: string): { root: string; only?: string[] } {
  const given = paths.length ? paths : ["sources"];
  const roots = new Set<string>();
  for (const p of given) {
    const absolute = path.resolve(cwd, p);
    const stat = statOrUndefined(absolute);
    if (!stat) throw new UsageError(`${p}: no such file or folder`, command);
    let root: string | undefined;
    for (let dir = absolute; ; dir = path.dirname(dir)) {
      if (path.basename(dir) === "sources" && statOrUndefined(dir)?.isDirectory()) {
        root = dir;
        break;
      }
      if (path.dirname(dir) === dir) break;
    }
    if (!root && stat.isDirectory()) root = absolute;
    if (!root) throw new UsageError(`${p}: not inside a sources folder`, command);
    roots.add(root);
  }
  if (roots.size > 1) throw new UsageError(`the PATHs belong to different source trees: ${[...roots].join(", ")}`, command);
  const root = [...roots][0]!;
  const narrower = given.map((p) => path.resolve(cwd, p)).filter((p) => p !== root);
  if (narrower.length < given.length) return { root };
  return { root, only: narrower.map((p) => toDisplay(path.relative(cwd, p) || ".")) };
}

/** A folder option must name an existing folder: a typo is a usage error, not a cascade of findings. */
export function requireFolder(command: string, option: string, dir: string, cwd: string): void {
  const found = statOrUndefined(path.resolve(cwd, dir));
  if (!found?.isDirectory()) throw new UsageError(`${option} ${dir}: ${found ? "not a folder" : "no such folder"}`, command);
}

function statOrUndefined(p: string) {
  try {
    return statSync(p);
  } catch {
    return undefined;
  }
}

function toDisplay(p: string): string {
  return p.split(path.sep).join("/");
}
