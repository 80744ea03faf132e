import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import YAML from "yaml";
import { runCli } from "../../src/cli/main.js";
import { corpusShape } from "../../src/bench/corpus-shape.js";
import { generateCorpus, type CorpusFile } from "../../src/bench/generate-corpus.js";
import { writeCorpus } from "../../src/bench/write-corpus.js";
import type { Meeting } from "../../src/types/meeting.js";
import type { Person } from "../../src/types/person.js";
import type { Body } from "../../src/types/body.js";
import type { Visit } from "../../src/types/visit.js";
import type { Topic } from "../../src/types/topic.js";

const OPTIONS = { meetings: 200, seed: 42 };
const files = [...generateCorpus(OPTIONS)];
const records = <T>(folder: string) => files.filter((f) => f.path.startsWith(`sources/${folder}/`)).map((f) => YAML.parse(f.text) as T);
const digest = (tree: CorpusFile[]) => createHash("sha256").update(JSON.stringify(tree)).digest("hex");

describe("the synthetic corpus generator", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "parlex-corpus-test-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("writes a tree that validates with no errors and no warnings (only the note that direct quotes were not verified)", async () => {
    const written = writeCorpus(dir, OPTIONS);
    let stdout = "";
    const io = { cwd: dir, stdout: (t: string) => void (stdout += t), stderr: () => {}, color: false, interactive: false };
    const code = await runCli(["validate", "sources", "--format", "json", "--no-cache"], io);
    const report = JSON.parse(stdout) as { valid: boolean; files: number; errors: number; warnings: number; diagnostics: { severity: string; code: string }[] };
    expect(report.diagnostics.map((d) => [d.severity, d.code])).toEqual([["info", "archive/skipped"]]);
    expect({ code, valid: report.valid, errors: report.errors, warnings: report.warnings, files: report.files }).toEqual({ code: 0, valid: true, errors: 0, warnings: 0, files: written.files });
    expect(written.files).toBe(files.length);
  });

  it("scales every kind from the meeting count in the documented proportions", () => {
    expect(corpusShape(100_000)).toEqual({ meetings: 100_000, people: 20_000, bodies: 2_000, documents: 1_000, topics: 500, visits: 5_000, meetingsInVisits: 25_000 });
    const shape = corpusShape(OPTIONS.meetings);
    const count = (folder: string) => files.filter((f) => f.path.startsWith(`sources/${folder}/`)).length;
    expect({ meetings: count("meetings"), people: count("people"), bodies: count("bodies"), documents: count("documents"), topics: count("topics"), visits: count("visits") }).toEqual({
      meetings: shape.meetings,
      people: shape.people,
      bodies: shape.bodies,
      documents: shape.documents,
      topics: shape.topics,
      visits: shape.visits,
    });
  });

  it("gives meetings people of both sides, topics, quotes, partial dates and ranges, and a quarter of them a visit in its host country", () => {
    const meetings = records<Meeting>("meetings");
    const visits = new Map(records<Visit>("visits").map((v) => [v.id, v]));
    const sizes = meetings.map((m) => m.participants.length);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(2);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(8);
    expect(meetings.every((m) => new Set(m.participants.map((p) => p.side)).size === 2)).toBe(true);
    const inVisits = meetings.filter((m) => m.visit !== undefined);
    expect(inVisits).toHaveLength(corpusShape(OPTIONS.meetings).meetingsInVisits);
    expect(inVisits.every((m) => m.location?.country === visits.get(m.visit!)!.host_country)).toBe(true);
    const kinds = meetings.map((m) => (typeof m.date === "string" ? ["year", "month", "day"][m.date.split("-").length - 1] : "range"));
    const share = (kind: string) => kinds.filter((k) => k === kind).length / kinds.length;
    expect(share("day")).toBeGreaterThan(0.7);
    expect(share("range")).toBeGreaterThan(0);
    expect(share("month") + share("year")).toBeGreaterThan(0);
    const quotes = meetings.flatMap((m) => m.quotes ?? []);
    const direct = quotes.filter((q) => q.kind === "direct").length;
    expect(direct).toBeGreaterThan(0);
    expect(direct).toBeLessThan(quotes.length / 3);
    expect(meetings.filter((m) => (m.topics ?? []).length > 0).length / meetings.length).toBeGreaterThan(0.8);
    const years = files.filter((f) => f.path.startsWith("sources/meetings/")).map((f) => Number(f.path.split("/")[2]));
    expect(Math.min(...years)).toBeGreaterThanOrEqual(1992);
    expect(Math.max(...years)).toBeLessThanOrEqual(2025);
  });

  it("spells some people two or three ways and some in other scripts, and builds parent chains of bodies and topics", () => {
    const people = records<Person>("people");
    const latin = (p: Person) => p.names.filter((n) => n.lang === "en").length;
    const spelled = people.filter((p) => latin(p) >= 2).length / people.length;
    expect(spelled).toBeGreaterThan(0.1);
    expect(spelled).toBeLessThan(0.5);
    expect(Math.max(...people.map(latin))).toBe(3);
    const scripts = new Set(people.flatMap((p) => p.names.map((n) => n.lang)));
    expect([...scripts].sort()).toEqual(["en", "kk-Cyrl", "ru", "zh-Hans"]);
    const bodies = new Map(records<Body>("bodies").map((b) => [b.id, b]));
    expect(new Set([...bodies.values()].map((b) => b.country))).toEqual(new Set(["CN", "KZ"]));
    const depth = (b: Body): number => (b.parent ? 1 + depth(bodies.get(b.parent)!) : 0);
    expect(Math.max(...[...bodies.values()].map(depth))).toBeGreaterThanOrEqual(2);
    expect(records<Topic>("topics").filter((t) => t.parent !== undefined).length).toBeGreaterThan(0);
  });

  it("writes block YAML with the editor modeline, as contributors do", () => {
    const meeting = files.find((f) => f.path.startsWith("sources/meetings/"))!;
    expect(meeting.text.split("\n")[0]).toBe("# yaml-language-server: $schema=../../../schemas/meeting.schema.json");
    expect(files.find((f) => f.path.startsWith("sources/people/"))!.text.split("\n")[0]).toBe("# yaml-language-server: $schema=../../schemas/person.schema.json");
    expect(files.every((f) => !/[{[]\s*\w+:/.test(f.text))).toBe(true);
  });

  it("gives the same tree for the same seed and a different tree for a different seed", () => {
    expect(digest([...generateCorpus(OPTIONS)])).toBe(digest(files));
    const other = [...generateCorpus({ ...OPTIONS, seed: 43 })];
    expect(digest(other)).not.toBe(digest(files));
    expect(other.map((f) => f.path)).not.toEqual(files.map((f) => f.path));
  });

  it("writes exactly the generated files", () => {
    const listed = (readdirSync(path.join(dir, "sources"), { recursive: true, withFileTypes: true }) as { isFile(): boolean; parentPath: string; name: string }[])
      .filter((e) => e.isFile())
      .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join("/"))
      .sort();
    expect(listed).toEqual(files.map((f) => f.path).sort());
  });
});
