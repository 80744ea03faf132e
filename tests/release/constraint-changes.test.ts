import { describe, expect, it } from "vitest";
import { requiredBump } from "../../src/release/bump.js";
import type { Change } from "../../src/release/change.js";
import type { Field, TableSchema } from "../../src/verify/descriptor-schema.js";
import { diffTableSchema } from "../../src/release/diff-table-schema.js";

/** The date pattern of 1.0.0 (ranges `YYYY/YYYY`) and of 2.0.0 (also open ranges `YYYY/..`). */
const DATE_1 = "[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?(/[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?)?";
const DATE_2 = "[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?(/([0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?|\\.\\.))?";

const schemaOf = (field: Omit<Field, "name" | "type">): TableSchema => ({ fields: [{ name: "id", type: "string" }, { name: "x", type: "string", ...field }], primaryKey: ["id"], foreignKeys: [], missingValues: [""] });

/** The changes one edit of field `x` makes, as (kind, level) pairs, and the bump they require. */
function classify(before: Omit<Field, "name" | "type">, after: Omit<Field, "name" | "type">) {
  const changes = diffTableSchema("t", schemaOf(before), schemaOf(after));
  return { changes: changes.map((c: Change) => [c.kind, c.level]), bump: requiredBump({ before: "1.0.0", changes, records: [], rows: {} }).level };
}

const cats = (...values: string[]) => ({ constraints: { enum: values }, categories: values });

/** Each row: a constraint change, the change kinds it is reported as, and the bump it requires. */
const TABLE: [string, Omit<Field, "name" | "type">, Omit<Field, "name" | "type">, [string, string][], string | null][] = [
  ["pattern loosened: [A-Z]{2} → [A-Z]{2,3}", { constraints: { pattern: "[A-Z]{2}" } }, { constraints: { pattern: "[A-Z]{2,3}" } }, [["constraint-loosened", "minor"]], "minor"],
  ["pattern tightened: [A-Z]{2,3} → [A-Z]{2}", { constraints: { pattern: "[A-Z]{2,3}" } }, { constraints: { pattern: "[A-Z]{2}" } }, [["constraint-tightened", "major"]], "major"],
  ["date pattern of 2.0.0: open ranges YYYY/.. allowed as well", { constraints: { pattern: DATE_1 } }, { constraints: { pattern: DATE_2 } }, [["constraint-loosened", "minor"]], "minor"],
  ["date pattern back to 1.0.0's", { constraints: { pattern: DATE_2 } }, { constraints: { pattern: DATE_1 } }, [["constraint-tightened", "major"]], "major"],
  ["pattern neither wider nor narrower: [a-z]+ → [a-z0-9]{3}", { constraints: { pattern: "[a-z]+" } }, { constraints: { pattern: "[a-z0-9]{3}" } }, [["constraint-changed", "major"]], "major"],
  ["pattern rewritten, same values: [0-9][0-9] → \\d{2}", { constraints: { pattern: "[0-9][0-9]" } }, { constraints: { pattern: "\\d{2}" } }, [["constraint-restated", "patch"]], "patch"],
  ["pattern that no automaton decides (a lookahead inside it)", { constraints: { pattern: "[a-z]+" } }, { constraints: { pattern: "(?=.*x)[a-z]+" } }, [["constraint-changed", "major"]], "major"],
  ["a lookahead at the start that refuses values: [a-z]+ → (?!a)[a-z]+", { constraints: { pattern: "[a-z]+" } }, { constraints: { pattern: "(?!a)[a-z]+" } }, [["constraint-tightened", "major"]], "major"],
  ["a lookbehind at the start sees nothing before a whole value: same values", { constraints: { pattern: "[a-z]+" } }, { constraints: { pattern: "(?<!a)[a-z]+" } }, [["constraint-restated", "patch"]], "patch"],
  ["a positive lookbehind at the start (never true on a whole value) is not guessed at", { constraints: { pattern: "[a-z]+" } }, { constraints: { pattern: "(?<=a)[a-z]+" } }, [["constraint-changed", "major"]], "major"],
  ["a backreference refa resolves: (a)\\1 → aa", { constraints: { pattern: "(a)\\1" } }, { constraints: { pattern: "aa" } }, [["constraint-restated", "patch"]], "patch"],
  ["pattern added", {}, { constraints: { pattern: "[a-z]+" } }, [["constraint-tightened", "major"]], "major"],
  ["pattern dropped", { constraints: { pattern: "[a-z]+" } }, {}, [["constraint-loosened", "minor"]], "minor"],
  ["maxLength raised", { constraints: { maxLength: 3 } }, { constraints: { maxLength: 4 } }, [["constraint-loosened", "minor"]], "minor"],
  ["an unknown constraint changed", { constraints: { jsonSchema: { a: 1 } } }, { constraints: { jsonSchema: { a: 2 } } }, [["constraint-changed", "major"]], "major"],
  ["enum value added, one dropped", { constraints: { enum: ["a", "b"] } }, { constraints: { enum: ["a", "c"] } }, [["constraint-changed", "major"]], "major"],
  ["categories added (mirroring enum: reported once)", cats("a", "b"), cats("a", "b", "c"), [["constraint-loosened", "minor"]], "minor"],
  ["categories removed (mirroring enum: reported once)", cats("a", "b", "c"), cats("a", "b"), [["constraint-tightened", "major"]], "major"],
  ["categories reordered", cats("a", "b", "c"), cats("c", "a", "b"), [["category-order-changed", "minor"]], "minor"],
  ["ordered categories reordered", { ...cats("low", "high"), categoriesOrdered: true }, { ...cats("high", "low"), categoriesOrdered: true }, [["category-order-changed", "major"]], "major"],
  ["categories added and reordered", cats("a", "b"), cats("b", "c", "a"), [["constraint-loosened", "minor"], ["category-order-changed", "minor"]], "minor"],
  ["a value inserted between the others keeps their order", cats("a", "c"), cats("a", "b", "c"), [["constraint-loosened", "minor"]], "minor"],
  ["categories made ordered", cats("a", "b"), { ...cats("a", "b"), categoriesOrdered: true }, [["category-order-changed", "minor"]], "minor"],
  ["categories no longer ordered", { ...cats("a", "b"), categoriesOrdered: true }, cats("a", "b"), [["category-order-changed", "major"]], "major"],
  ["categories without enum gain a value", { categories: ["a"] }, { categories: ["a", "b"] }, [["constraint-loosened", "minor"]], "minor"],
  ["categories without enum lose a value", { categories: ["a", "b"] }, { categories: ["a"] }, [["constraint-tightened", "major"]], "major"],
  ["category labels changed", { categories: [{ value: "a", label: "A" }] }, { categories: [{ value: "a", label: "Alpha" }] }, [["field-described", "patch"]], "patch"],
];

describe("constraint changes and the bump each requires", () => {
  it.each(TABLE)("%s", (_name, before, after, changes, bump) => {
    expect(classify(before, after)).toEqual({ changes, bump });
  });
});

describe("a pattern change names a value that shows its direction", () => {
  it("loosened: a value now accepted", () => {
    const [change] = diffTableSchema("meetings", schemaOf({ constraints: { pattern: DATE_1 } }), schemaOf({ constraints: { pattern: DATE_2 } }));
    expect(change).toMatchObject({ kind: "constraint-loosened", accepted: "0000/.." });
    expect(change).not.toHaveProperty("refused");
  });

  it("changed both ways: one value refused and one accepted", () => {
    const [change] = diffTableSchema("t", schemaOf({ constraints: { pattern: "[a-z]+" } }), schemaOf({ constraints: { pattern: "[a-z0-9]{3}" } }));
    expect(change).toMatchObject({ kind: "constraint-changed", refused: "a", accepted: "000" });
  });
});
