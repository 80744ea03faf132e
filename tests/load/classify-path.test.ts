// classifyPath reads a path with indexOf, for speed: held here to the plain reading by parts.
import { describe, expect, it } from "vitest";
import { classifyPath, type PathClass } from "../../src/load/classify-path.js";
import { KIND_FOLDERS, KINDS, type Kind } from "../../src/model/source-file.js";

const FOLDER_KIND = new Map<string, Kind>(KINDS.map((k) => [KIND_FOLDERS[k], k]));

/** The rule, read by parts: `<kind folder>/<name>.yaml`, meetings one level deeper in a four-digit year folder. */
function byParts(relative: string): PathClass {
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

describe("classifyPath", () => {
  it("agrees with the reading by parts on every shape of path", () => {
    const folders = [...FOLDER_KIND.keys(), "meeting", "other", "", "2022"];
    const middles = ["", "2022/", "202/", "20222/", "20a2/", "2022/extra/", "x/", "/"];
    const names = ["a.yaml", "a-b.yaml", ".yaml", "a.yml", "a.yaml.txt", "a", "yaml", "2022.yaml"];
    const paths = ["", ".yaml", "a.yaml", "/a.yaml", "meetings", "meetings/", "meetings/2022", "meetings/2022/"];
    for (const folder of folders) for (const middle of middles) for (const name of names) paths.push(`${folder}/${middle}${name}`, `${folder}${middle}${name}`);
    for (const p of paths) expect(classifyPath(p), p).toEqual(byParts(p));
  });

  it("tells kinds, stems and year folders", () => {
    expect(classifyPath("meetings/2022/alpha-beta.yaml")).toEqual({ ok: true, kind: "meeting", stem: "alpha-beta", yearFolder: "2022" });
    expect(classifyPath("people/li-zhanshu.yaml")).toEqual({ ok: true, kind: "person", stem: "li-zhanshu" });
    expect(classifyPath("people/notes.txt")).toEqual({ ok: false, reason: "extension" });
    expect(classifyPath("meetings/22/x.yaml")).toEqual({ ok: false, reason: "unknown-folder" });
  });
});
