import { describe, expect, it } from "vitest";
import { ProblemSink } from "../../src/verify/verify-problem.js";

describe("ProblemSink.merge", () => {
  it("keeps at most 20 problems of each file and code across sinks, and counts the rest", () => {
    const here = new ProblemSink();
    const there = new ProblemSink();
    for (let row = 1; row <= 15; row++) here.add({ code: "data/type", file: "csv/a.csv", row, message: "here" });
    for (let row = 16; row <= 40; row++) there.add({ code: "data/type", file: "csv/a.csv", row, message: "there" });
    for (let row = 1; row <= 3; row++) there.add({ code: "data/enum", file: "json/a.json", row, message: "there" });
    here.merge(there.export());
    const problems = here.finish();
    const kept = problems.filter((p) => p.code === "data/type" && !p.message.startsWith("…"));
    expect(kept.map((p) => p.row)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(problems.find((p) => p.message.startsWith("…"))).toMatchObject({ file: "csv/a.csv", message: "… and 20 more data/type problems in this file" });
    expect(problems.filter((p) => p.code === "data/enum")).toHaveLength(3);
  });
});
