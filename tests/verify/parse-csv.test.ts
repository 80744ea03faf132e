import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { createRandom } from "../../src/bench/prng.js";
import { parseCsvStrict } from "../../src/verify/parse-csv.js";
import { csvWriter } from "../../src/write/csv/csv-writer.js";
import type { Row, TableDef } from "../../src/tables/field-types.js";

// parseCsvStrict reads the CSV the writer produces without papaparse, and hands anything else to
// papaparse. Wherever it gives rows, they must be papaparse's rows, and papaparse must see no error.
const papa = (text: string) => Papa.parse<string[]>(text, { header: false, delimiter: ",", quoteChar: '"', skipEmptyLines: false });
const PIECES = ["a", "b", " ", ",", '"', '""', "\n", "\r", "\r\n", "é", "议", "\u{1F600}", "x,y", '"q"', "", "\uFEFF"];

describe("the strict CSV reader", () => {
  it("gives papaparse's rows on 20,000 random texts wherever it accepts one (and accepts thousands)", () => {
    const random = createRandom(5);
    let accepted = 0;
    for (let n = 0; n < 20_000; n++) {
      let text = "";
      const length = random.int(1, 12);
      for (let i = 0; i < length; i++) text += random.pick(PIECES);
      if (text === "") continue;
      const mine = parseCsvStrict(text, ",", '"');
      if (mine === undefined) continue;
      accepted++;
      const theirs = papa(text);
      expect(theirs.errors, JSON.stringify(text)).toEqual([]);
      expect(mine, JSON.stringify(text)).toEqual(theirs.data);
    }
    expect(accepted).toBeGreaterThan(3_000);
  });

  it("reads what the CSV writer writes, quotes and line ends inside cells included", () => {
    const table: TableDef = { name: "t", title: "t", description: "t", primaryKey: ["a"], foreignKeys: [], fields: [{ name: "a", type: "string", description: "" }, { name: "b", type: "string", description: "" }] };
    const random = createRandom(9);
    const rows: Row[] = Array.from({ length: 2_000 }, () => ({ a: Array.from({ length: random.int(1, 5) }, () => random.pick(["p", ",", '"', "\n", " ", "é"])).join("").replace(/^[=+\-@]/, "x"), b: random.chance(0.2) ? null : "plain" }));
    const text = new TextDecoder().decode(csvWriter.write(table, rows)).slice(0, -1);
    const mine = parseCsvStrict(text, ",", '"');
    expect(mine).toBeDefined();
    expect(mine).toEqual(papa(text).data);
  });

  it("hands malformed text to papaparse", () => {
    for (const text of ['a,"b', 'a,"b"c', 'a,b"c', "a\r\nb", '"a"x,b', "\uFEFFid,name"]) expect(parseCsvStrict(text, ",", '"'), text).toBeUndefined();
  });
});
