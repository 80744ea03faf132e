import { KIND_FOLDERS, KINDS, type Kind } from "../model/source-file.js";

/** What a path relative to the sources root says about its record. */
export type PathClass =
  | { ok: true; kind: Kind; stem: string; yearFolder?: string }
  | { ok: false; reason: "unknown-folder" | "extension" };

const FOLDER_KIND = new Map<string, Kind>(KINDS.map((k) => [KIND_FOLDERS[k], k]));

/** What a folder says of the records in it: their kind, and for meetings the year folder. */
export interface FolderClass {
  kind: Kind;
  yearFolder?: string;
}

/**
 * Tell a source file's kind from where it sits: `people/x.yaml`, `meetings/2022/x.yaml`. Read with
 * indexOf rather than split and a pattern: a listing classifies every file of the tree.
 */
export function classifyPath(relative: string): PathClass {
  const last = relative.lastIndexOf("/");
  const folder = classifyFolder(last < 0 ? "" : relative.slice(0, last));
  const reason = notARecord(folder, relative);
  if (reason || !folder) return { ok: false, reason: reason ?? "unknown-folder" };
  const stem = relative.slice(last + 1, -".yaml".length);
  return folder.yearFolder === undefined ? { ok: true, kind: folder.kind, stem } : { ok: true, kind: folder.kind, stem, yearFolder: folder.yearFolder };
}

/**
 * Why a file (its name, or its path) in a folder of this class is not a record file: its
 * extension (told first), or its folder; undefined when it is one.
 */
export function notARecord(folder: FolderClass | undefined, name: string): "extension" | "unknown-folder" | undefined {
  if (!name.endsWith(".yaml")) return "extension";
  return folder ? undefined : "unknown-folder";
}

/**
 * The kind of the records a folder (relative to the root; "" for the root itself) holds: a kind's
 * folder, or for meetings a four-digit year folder in theirs; undefined when records do not belong
 * there. The same for every file in it, so a listing asks once a folder.
 */
export function classifyFolder(folder: string): FolderClass | undefined {
  const first = folder.indexOf("/");
  if (first < 0) {
    const kind = FOLDER_KIND.get(folder);
    return kind && kind !== "meeting" ? { kind } : undefined;
  }
  if (FOLDER_KIND.get(folder.slice(0, first)) !== "meeting") return undefined;
  // meetings/<four digits>: exactly one separator.
  return folder.length - first === 5 && isDigits(folder, first + 1, folder.length) ? { kind: "meeting", yearFolder: folder.slice(first + 1) } : undefined;
}

function isDigits(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}
