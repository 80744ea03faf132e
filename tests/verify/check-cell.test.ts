import { describe, expect, it } from "vitest";
import { compileCellCheck, INVALID } from "../../src/verify/check-cell.js";
import type { Field } from "../../src/verify/descriptor-schema.js";

// The cell check has a fast path (no result object per cell) and `explain`, which says why a cell
// failed. They must agree on every cell: these fields and cells cover every rule.
const FIELDS: Field[] = [
  { name: "s", type: "string" },
  { name: "id", type: "string", constraints: { required: true, pattern: "[a-z0-9]+(-[a-z0-9]+)*" } },
  { name: "e", type: "string", constraints: { enum: ["a", "b"] } },
  { name: "len", type: "string", constraints: { minLength: 2, maxLength: 3 } },
  { name: "i", type: "integer", constraints: { minimum: 1, maximum: 10 } },
  { name: "n", type: "number" },
  { name: "b", type: "boolean", trueValues: ["yes"], falseValues: ["no"] },
  { name: "d", type: "date" },
  { name: "df", type: "date", format: "%Y" },
  { name: "y", type: "year" },
  { name: "x", type: "geopoint" },
] as unknown as Field[];

const CELLS: unknown[] = [null, undefined, "", "NA", "a", "b", "c", "ab", "abc", "abcd", "\u{1F600}\u{1F600}", "a-b", "A", "-a", "0", "1", "10", "11", "+5", "1.5", "1e3", "INF", "NaN", "true", "yes", "no", "false", "2024-02-29", "2023-02-29", "2024-13-01", "2024", 0, 1, 10, 11, 1.5, true, false, { a: 1 }, [1]];

describe("cell checks", () => {
  for (const fromText of [true, false]) {
    for (const field of FIELDS) {
      it(`${field.name} (${field.type}, ${fromText ? "CSV text" : "JSON values"}): the fast path and explain agree on every cell`, () => {
        const check = compileCellCheck(field, ["", "NA"], false, fromText);
        for (const raw of CELLS) {
          const value = check(raw);
          const explained = check.explain(raw);
          expect(value === INVALID, JSON.stringify(raw) ?? "undefined").toBe(!explained.ok);
          if (explained.ok) expect(value).toEqual(explained.value);
        }
      });
    }
  }

  it("fails a required cell that is missing, and one outside the pattern, with the right codes", () => {
    const check = compileCellCheck(FIELDS[1]!, [""], false, true);
    expect(check("")).toBe(INVALID);
    expect(check.explain("")).toMatchObject({ ok: false, code: "data/required" });
    expect(check("Bad Id")).toBe(INVALID);
    expect(check.explain("Bad Id")).toMatchObject({ ok: false, code: "data/pattern" });
    expect(check("good-id")).toBe("good-id");
  });
});
