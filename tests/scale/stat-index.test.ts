import { describe, expect, it } from "vitest";
import { StatIndex, type StatEntry } from "../../src/validate/parallel/stat-index.js";

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
    expect([...read.entries()]).toEqual([...index.entries()]);
    expect(read.get("/tree/sources/meetings/2022/m é.yaml")).toEqual(withFindings);

    read.delete("/tree/sources/people/p1.yaml");
    read.set("/tree/sources/people/p2.yaml", entry(22));
    read.set("/tree/sources/people/new.yaml", entry(7));
    expect(read.size).toBe(6);
    expect(read.get("/tree/sources/people/p1.yaml")).toBeUndefined();
    const again = StatIndex.parse(read.serialize())!;
    expect(new Map(again.entries())).toEqual(new Map(read.entries()));
    expect(again.get("/tree/sources/people/p2.yaml")).toEqual(entry(22));
  });

  it("leaves out an entry whose key or digest is not of the usual width (it is read again)", () => {
    const index = new StatIndex();
    index.set("/a", entry(1));
    index.set("/b", [...entry(2).slice(0, 5), "short", ...entry(2).slice(6)] as StatEntry);
    expect([...StatIndex.parse(index.serialize())!.files()]).toEqual(["/a"]);
  });

  it("reads an index of another form, or with columns of different lengths, as none", () => {
    expect(StatIndex.parse(JSON.stringify({ files: [["/a", 1, 2, 3, 4, 5, "k", 6, "f"]] }))).toBeUndefined();
    const index = new StatIndex();
    index.set("/a", entry(1));
    const stored = JSON.parse(index.serialize()) as { keys: string };
    stored.keys += "0".repeat(64);
    expect(StatIndex.parse(JSON.stringify(stored))).toBeUndefined();
  });
});
