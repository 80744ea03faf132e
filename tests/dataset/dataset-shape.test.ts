import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkSourceTreeWithRecords } from "../../src/validate/check-source-tree.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const ARCHIVE = path.resolve(ROOT, "../shared/source-documents");

/**
 * Pins the curated dataset's shape, so that a careless edit to sources/ (a lost meeting, a person
 * split in two, a dropped spelling) fails here. Change these numbers only with the sources.
 */
describe("the curated dataset", async () => {
  const { report, index } = await checkSourceTreeWithRecords("sources", { cwd: ROOT, archiveDir: ARCHIVE });

  it("validates with no errors, no warnings, and every direct quote verified against its archived article", () => {
    expect(report.diagnostics).toEqual([]);
    expect({ valid: report.valid, errors: report.errors, warnings: report.warnings, quotes: report.quotes }).toEqual({
      valid: true,
      errors: 0,
      warnings: 0,
      quotes: "verified",
    });
  });

  it("holds the records the five articles report, once each", () => {
    const quotes = [...index.meeting.values()].flatMap((m) => m.record.quotes ?? []);
    expect({
      documents: index.document.size,
      people: index.person.size,
      bodies: index.body.size,
      topics: index.topic.size,
      visits: index.visit.size,
      meetings: index.meeting.size,
      participants: [...index.meeting.values()].reduce((n, m) => n + m.record.participants.length, 0),
      directQuotes: quotes.filter((q) => q.kind === "direct").length,
      paraphrases: quotes.filter((q) => q.kind === "paraphrase").length,
    }).toEqual({ documents: 5, people: 12, bodies: 10, topics: 52, visits: 2, meetings: 9, participants: 18, directQuotes: 10, paraphrases: 28 });
  });

  it("records one person per human, with every spelling the articles use", () => {
    const spelled = [...index.person.values()]
      .filter((p) => new Set(p.record.names.map((n) => n.name)).size > 1)
      .map((p) => ({ id: p.record.id, names: p.record.names.map((n) => n.name).sort() }));
    expect(spelled).toEqual([{ id: "yerlan-koshanov", names: ["Erlan Koshanov", "Yerlan Koshanov"] }]);
    const mazhilis = index.body.get("mazhilis")!.record.names.map((n) => n.name).sort();
    expect(mazhilis).toEqual(["Majilis", "Mazhilis"]);
  });

  it("cites both reports of the Zhao Leji – Yerlan Koshanov meeting in one record", () => {
    expect(index.meeting.get("zhao-leji-koshanov-beijing")!.record.documents.slice().sort()).toEqual([
      "astana-mazhilis-delegation-china-visit",
      "zhao-leji-koshanov-strategic-partnership-talks",
    ]);
  });

  it("never writes a URL, since the articles give none", () => {
    expect([...index.document.values()].filter((d) => d.record.url !== undefined)).toEqual([]);
  });
});
