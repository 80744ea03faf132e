// Free text that breaks naive CSV readers — commas, quotes, line breaks, edge spaces, "NA"/"None"
// (a whole value of YAML's null words, null or ~, is refused by validation: text/yaml-null)
// and other missing-value look-alikes, numbers and booleans as text, Cyrillic, Chinese, emoji —
// must come back from pandas, R and Arrow exactly as the JSON files hold it.
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPackage, type BuiltPackage } from "./consumer-env.js";
import { itReadsBackInEveryConsumer } from "./read-back.js";

const SOURCES = fileURLToPath(new URL("./fixtures/hostile/sources/", import.meta.url));

/** Values the fixture must carry into the JSON files, by table and column (else the test proves little). */
const HOSTILE: [table: string, column: string, value: string][] = [
  ["meetings", "title", 'Talks, "frank and friendly", between the two speakers'],
  ["meetings", "summary", 'First line, with a comma.\n  Second line "quoted", indented.\n\nAfter a blank line; ends with a line break.\n'],
  ["meetings", "city", "None"],
  ["meetings", "note", "NA"],
  ["meeting_participants", "role", "  Vice-chairman of the NPC  "],
  ["meeting_participants", "role", '""'],
  ["quotes", "text", 'Li said: "Our two parliaments are good neighbours," — 我们是好邻居 🤝'],
  ["quotes", "text", "Нұрова: «Сауда өсті»,\r\nwith a CRLF line break,\ta tab and a backslash C:\\new\\table \\n"],
  ["quotes", "text", " nan "],
  ["topics", "label", "NA"],
  ["topics", "label", "None"],
  ["topics", "description", "#N/A, N/A, NULL, null, NaN, nan, -nan, 1.#IND, <NA>, None, TRUE, false"],
  ["topics", "description", "  two leading spaces, two trailing spaces  "],
  ["topics", "aliases", "nan; NA; 007; 1e5; true"],
  ["visits", "title", "An NPC delegation visits Kazakhstan 🇨🇳🤝🇰🇿 (family: 👨‍👩‍👧)"],
  ["visits", "cities", 'Astana, "the capital"; Алматы'],
  ["visits", "note", '""'],
  ["documents", "publisher", "NA"],
  ["person_names", "name", "Әйгерім Нұрова"],
  ["person_names", "note", "NA"],
  ["body_names", "name", "全国人民代表大会"],
  ["body_names", "note", 'Written out by the editors, "for readers of Chinese";\nthe report gives none.'],
];

describe("hostile free text", () => {
  let pkg: BuiltPackage;
  beforeAll(() => {
    pkg = buildPackage(SOURCES, "hostile");
  });
  afterAll(() => pkg?.remove());

  it("reaches the JSON files unchanged (the fixture really is hostile)", () => {
    for (const [table, column, value] of HOSTILE) {
      const at = pkg.tables.find((t) => t.name === table)!.schema!.fields.findIndex((f) => f.name === column);
      expect(pkg.jsonRows(table).map((row) => row[at]), `${table}.${column}`).toContain(value);
    }
  });

  itReadsBackInEveryConsumer(() => pkg);
});
