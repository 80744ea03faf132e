import { KIND_FOLDERS, KINDS, type Kind } from "../model/source-file.js";

/** What a path relative to the sources root says about its record. */
export type PathClass =
  | { ok: true; kind: Kind; stem: string; yearFolder?: string }
  | { ok: false; reason: "unknown-folder" | "extension" };

const FOLDER_KIND = new Map<string, Kind>(KINDS.map((k) => [KIND_FOLDERS[k], k]));

/** Tell a source file's kind from where it sits: `people/x.yaml`, `meetings/2022/x.yaml`. */
export function classifyPath(relative: string): PathClass {
  const parts = relative.split("/");
  const name = parts[parts.length - 1] ?? "";
  if (!name.endsWith(".yaml")) return { ok: false, reason: "extension" };
  const stem = name.slice(0, -".yaml".length);
  const kind = FOLDER_KIND.get(parts[0] ?? "");
  if (kind === "meeting") {
    const year = parts[1] ?? "";
    if (parts.length === 3 && /^[0-9]{4}$/.test(year)) return { ok: true, kind, stem, yearFolder: year };
    return { ok: false, reason: "unknown-folder" };
  }
  if (kind && parts.length === 2) return { ok: true, kind, stem };
  return { ok: false, reason: "unknown-folder" };
}
