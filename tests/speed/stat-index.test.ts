import { describe, expect, it } from "vitest";
import { isStatEntry, type StatEntry } from "../../src/speed/stat-entry.js";
import { StatIndex } from "../../src/speed/stat-index.js";

const finding = { code: "text/formula" as const, severity: "error" as const, message: "m", hint: "h", file: "", pointer: "/title" };
const hex = (n: number, width: number) => n.toString(16).padStart(width, "0");
const entry = (n: number, summary: StatEntry[7] = hex(n, 32)): StatEntry => [n, 1795365219942.6895 + n, 1795365219943.25 + n, 2 ** 52 + n, 65024, hex(n, 64), 1795372553585.913, summary];

describe("the stat index's file", () => {
  it("gives back every entry exactly, findings and fractional times included, with changes folded in", () => {
    const index = new StatIndex();
    for (let i = 0; i < 5; i++) index.set(`/tree/sources/people/p${i}.yaml`, entry(i));
    const withFindings = entry(9, { diagnostics: [], shape: [], local: [finding], facts: hex(9, 32) });
    index.set("/tree/sources/meetings/2022/m é.yaml", withFindings);
    const read = StatIndex.parse(index.serialize())!;
    expect(new Map(read.entries())).toEqual(new Map(index.entries()));
    expect(read.get("/tree/sources/meetings/2022/m é.yaml")).toEqual(withFindings);

    read.delete("/tree/sources/people/p1.yaml");
    read.set("/tree/sources/people/p2.yaml", entry(22));
    read.set("/tree/sources/people/new.yaml", entry(7));
    expect([...read.entries()]).toHaveLength(6);
    expect(read.get("/tree/sources/people/p1.yaml")).toBeUndefined();
    const again = StatIndex.parse(read.serialize())!;
    expect(new Map(again.entries())).toEqual(new Map(read.entries()));
    expect(again.get("/tree/sources/people/p2.yaml")).toEqual(entry(22));
  });

  it("leaves out an entry whose key or digest is not of the usual width (it is read again)", () => {
    const index = new StatIndex();
    index.set("/a", entry(1));
    index.set("/b", [...entry(2).slice(0, 5), "short", ...entry(2).slice(6)] as StatEntry);
    expect([...StatIndex.parse(index.serialize())!.entries()].map(([file]) => file)).toEqual(["/a"]);
  });

  it("reads an index of another form, or with sections of other lengths, as none", () => {
    expect(StatIndex.parse(Buffer.from(JSON.stringify({ format: 2, paths: ["/a"], keys: "", facts: "", numbers: "" })))).toBeUndefined();
    const index = new StatIndex();
    index.set("/a", entry(1));
    const bytes = index.serialize();
    expect(StatIndex.parse(bytes)).toBeDefined();
    expect(StatIndex.parse(Buffer.concat([bytes, Buffer.from("0".repeat(64))]))).toBeUndefined();
    expect(StatIndex.parse(bytes.subarray(0, bytes.length - 1))).toBeUndefined();
    // Bytes that do not start at a multiple of 8 in their buffer are read all the same.
    const shifted = Buffer.alloc(bytes.length + 3);
    bytes.copy(shifted, 3);
    expect([...StatIndex.parse(shifted.subarray(3))!.entries()]).toEqual([...index.entries()]);
  });
});

describe("looking the listed files up", () => {
  const paths = (n: number) => Array.from({ length: n }, (_, i) => `/tree/sources/people/p${i}.yaml`);
  const stored = (files: string[]) => {
    const index = new StatIndex();
    files.forEach((file, i) => index.set(file, entry(i)));
    return StatIndex.parse(index.serialize())!;
  };
  /** Each listed path's entry as entriesOf finds it, through the row or the entries set since. */
  const found = (index: StatIndex, listed: string[]) => {
    const { rows, set, unlisted } = index.entriesOf(listed);
    const entries = listed.map((_, i) => (rows[i] === -1 ? set.get(i) : [index.numberAt(rows[i]!, 0), index.keyAt(rows[i]!), index.summaryAt(rows[i]!)]));
    return { entries, unlisted };
  };
  const brief = (e: StatEntry | undefined) => e && [e[0], e[5], e[7]];

  it("finds each path's entry at its own position when the listing is the stored one", () => {
    const files = paths(6);
    const index = stored(files);
    const { rows, set, unlisted } = index.entriesOf(files);
    expect([...rows]).toEqual([0, 1, 2, 3, 4, 5]);
    expect(set.size).toBe(0);
    expect(unlisted).toEqual([]);
    expect(index.keyAt(4)).toBe(entry(4)[5]);
  });

  it("keeps its rows in the order of their paths, the order of a listing, however its entries were set", () => {
    const files = paths(12).sort();
    const index = new StatIndex();
    for (const i of [7, 2, 11, 0, 5, 9, 1, 3, 10, 4, 8, 6]) index.set(files[i]!, entry(i));
    const read = StatIndex.parse(index.serialize())!;
    expect([...read.entriesOf(files).rows]).toEqual(files.map((_, i) => i));
    expect(files.map((_, i) => read.keyAt(i))).toEqual(files.map((_, i) => entry(i)[5]));
  });

  it("finds them by walking both lists when the listing, in order, differs from the columns by files added and removed", () => {
    const files = paths(8).sort();
    const index = stored(files);
    const added = files[4]!.replace(".yaml", "a.yaml");
    const listed = [files[0]!, files[2]!, files[3]!, files[4]!, added, files[7]!];
    expect(listed).toEqual([...listed].sort());
    const { entries, unlisted } = found(index, listed);
    expect(entries).toEqual([0, 2, 3, 4, undefined, 7].map((n) => (n === undefined ? undefined : brief(entry(n)))));
    expect(unlisted.sort()).toEqual([files[1], files[5], files[6]].sort());
  });

  it("finds them by path when files were added, removed or reordered, and names the files gone", () => {
    const files = paths(6);
    const index = stored(files);
    const listed = [files[5]!, files[0]!, "/tree/sources/people/new.yaml", files[3]!];
    const { entries, unlisted } = found(index, listed);
    expect(entries).toEqual([brief(entry(5)), brief(entry(0)), undefined, brief(entry(3))]);
    expect(unlisted.sort()).toEqual([files[1], files[2], files[4]].sort());
  });

  it("gives entries set or deleted since the columns were read precedence over them, and names those set for files gone", () => {
    const files = paths(4);
    const index = stored(files);
    index.set(files[1]!, entry(11));
    index.delete(files[2]!);
    index.set("/tree/sources/people/gone.yaml", entry(12));
    const { entries, unlisted } = found(index, files);
    expect(entries.map((e) => (Array.isArray(e) && e.length === 8 ? brief(e as StatEntry) : e))).toEqual([brief(entry(0)), brief(entry(11)), undefined, brief(entry(3))]);
    expect(unlisted).toEqual(["/tree/sources/people/gone.yaml"]);
  });

  it("reads an index whose paths are not as many as its rows, or whose findings are not an object, as none", () => {
    const files = paths(3);
    const bytes = stored(files).serialize();
    // The paths section with one separator made a plain character: two paths where three were.
    const text = bytes.toString("latin1");
    expect(StatIndex.parse(Buffer.from(text.replace("p1.yaml\0", "p1.yaml_"), "latin1"))).toBeUndefined();
    // The findings section ("{}", the last two bytes) as JSON null, and as a list: the header's lengths kept right.
    const withFindings = (json: string) => Buffer.from(text.slice(0, -2).replace(/"findings":2\b/, `"findings":${json.length}`) + json, "latin1");
    expect(StatIndex.parse(withFindings("{}"))).toBeDefined();
    expect(StatIndex.parse(withFindings("null"))).toBeUndefined();
    expect(StatIndex.parse(withFindings("[]"))).toBeUndefined();
    expect(StatIndex.parse(withFindings('{"0":5}'))).toBeUndefined();
  });

  it("tells stat entries from values of other shapes (a damaged journal line's)", () => {
    expect(isStatEntry(entry(1))).toBe(true);
    expect(isStatEntry(entry(1, { diagnostics: [], facts: "f" }))).toBe(true);
    for (const bad of [null, [], [1, 2, 3], [...entry(1).slice(0, 7), 5], [..."12345".split(""), "k", 6, "f"], [1, 2, 3, 4, 5, 6, 7, "f"]]) expect(isStatEntry(bad), JSON.stringify(bad)).toBe(false);
  });
});
