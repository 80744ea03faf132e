import { describe, expect, it } from "vitest";
import { mixedScriptWord } from "../../src/validate/meaning/check-text.js";
import { csvWriter } from "../../src/write/csv/csv-writer.js";
import { tableNamed } from "../../src/tables/table-definitions.js";
import { nameSkeleton } from "../../src/validate/meaning/check-duplicates.js";

describe("text policies", () => {
  it("finds a word that hides a Cyrillic letter among Latin ones, and passes words in one alphabet", () => {
    expect(mixedScriptWord("Yerlan Koshan\u043Ev")).toEqual({ word: "Koshan\u043Ev", scripts: ["Latin", "Cyrillic"] });
    expect(mixedScriptWord("Ерлан Кошанов and Yerlan Koshanov, 中国")).toBeUndefined();
  });

  it("the CSV writer refuses a cell a spreadsheet would run as a formula", () => {
    const rows = [{ topic_id: "x", label: "=HYPERLINK(\"http://evil\")", parent_topic_id: null, description: "d", aliases: null }];
    expect(() => csvWriter.write(tableNamed("topics"), rows)).toThrow(/starts like a formula/);
  });

  it("names in other scripts are not all taken for one another", () => {
    expect(nameSkeleton("李伟")).toBe("");
    expect(nameSkeleton("Erlan Koshanov")).toBe(nameSkeleton("Yerlan Koshanov"));
  });
});
