import { KIND_FOLDERS, KINDS, type Kind } from "../model/source-file.js";

/** What a path relative to the sources root says about its record. */
export type PathClass =
  | { ok: true; kind: Kind; stem: string; yearFolder?: string }
  | { ok: false; reason: "unknown-folder" | "extension" };

const FOLDER_KIND = new Map<string, Kind>(KINDS.map((k) => [KIND_FOLDERS[k], k]));

/**
 * Tell a source file's kind from where it sits: `people/x.yaml`, `meetings/2022/x.yaml`. Read with
 * indexOf rather than split and a pattern: a listing classifies every file of the tree.
 */
export function classifyPath(relative: string): PathClass {
  if (!relative.endsWith(".yaml")) return { ok: false, reason: "extension" };
  const first = relative.indexOf("/");
  const last = relative.lastIndexOf("/");
  const stem = relative.slice(last + 1, -".yaml".length);
  const kind = FOLDER_KIND.get(first < 0 ? relative : relative.slice(0, first));
  if (kind === "meeting") {
    // meetings/<four digits>/<name>: exactly two separators.
    if (first < last && relative.indexOf("/", first + 1) === last && last - first === 5 && isDigits(relative, first + 1, last)) {
      return { ok: true, kind, stem, yearFolder: relative.slice(first + 1, last) };
    }
    return { ok: false, reason: "unknown-folder" };
  }
  if (kind && first >= 0 && first === last) return { ok: true, kind, stem };
  return { ok: false, reason: "unknown-folder" };
}

function isDigits(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}
