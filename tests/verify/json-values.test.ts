import { describe, expect, it } from "vitest";
import type { Field } from "../../src/verify/descriptor-schema.js";
import { digestJsonValues } from "../../src/verify/json-values.js";

// verify digests a JSON table's values straight from its bytes when the file is in the JSON
// writer's layout, and by JSON.parse otherwise: both ways must give the same digest for the same
// values (or a JSON twin would be checked in full for nothing, or, worse, vouched for wrongly).

const FIELDS = ["id", "text", "n", "flag", "note"].map((name) => ({ name, type: "string" }) as Field);
const ROWS = [
  { id: "a", text: 'He said "hi" \\ <script>alert(1)</script>', n: 1, flag: true, note: null },
  { id: "b", text: "Назарбаев 习近平 \u202e bidi \u0000 nul \n line \u{1F600}", n: -2.5e3, flag: false, note: "=SUM(A1)" },
  { id: "c", text: "", n: 0, flag: true, note: "plain" },
  { id: "d", text: "tab\there", n: 2147483648, flag: false, note: null },
];

/** The rows in the JSON writer's layout: `[`, one row a line, `]`. */
const writerLayout = (rows: readonly object[]) => new TextEncoder().encode(rows.length === 0 ? "[]\n" : `[\n${rows.map((r) => JSON.stringify(r)).join(",\n")}\n]\n`);
/** The same values in another layout (indented), which only JSON.parse reads. */
const otherLayout = (rows: readonly object[]) => new TextEncoder().encode(JSON.stringify(rows, null, 2));

describe("the digest of a JSON table's values", () => {
  it("is the same from the writer's layout (read from the bytes) and from any other (parsed)", () => {
    const fast = digestJsonValues(writerLayout(ROWS), FIELDS);
    expect(fast).toMatchObject({ rows: 4 });
    expect(fast).toEqual(digestJsonValues(otherLayout(ROWS), FIELDS));
    expect(digestJsonValues(writerLayout([]), FIELDS)).toEqual(digestJsonValues(otherLayout([]), FIELDS));
  });

  it("tells any changed value, kind of value or row apart", () => {
    const base = digestJsonValues(writerLayout(ROWS), FIELDS);
    const variants = [
      ROWS.map((r, i) => (i === 1 ? { ...r, text: r.text.replace("bidi", "bidj") } : r)),
      ROWS.map((r, i) => (i === 0 ? { ...r, n: "1" } : r)),
      ROWS.map((r, i) => (i === 0 ? { ...r, flag: false } : r)),
      ROWS.map((r, i) => (i === 2 ? { ...r, note: null } : r)),
      ROWS.map((r, i) => (i === 2 ? { ...r, text: null } : r)),
      ROWS.slice(0, 3),
      [ROWS[1]!, ROWS[0]!, ...ROWS.slice(2)],
    ];
    for (const rows of variants) {
      const digest = digestJsonValues(writerLayout(rows), FIELDS);
      expect(digest).not.toEqual(base);
      expect(digest).toEqual(digestJsonValues(otherLayout(rows), FIELDS));
    }
  });

  it("decodes bytes that are not well-formed UTF-8 as every reader does (U+FFFD), never as the character they imitate", () => {
    /** The rows with "@" in row a's text replaced by these bytes, in both layouts. */
    const withBytes = (layout: (rows: readonly object[]) => Uint8Array, bad: number[]) => {
      const bytes = layout(ROWS.map((r, i) => (i === 0 ? { ...r, text: "a@b" } : r)));
      const at = bytes.indexOf(0x40);
      return new Uint8Array([...bytes.subarray(0, at), ...bad, ...bytes.subarray(at + 1)]);
    };
    const imitations: [number[], string][] = [
      [[0xc0, 0xaf], "/"], // overlong
      [[0xc3, 0xe9], "é"], // a continuation byte missing
      [[0xed, 0xa0, 0x80, 0xed, 0xb0, 0x80], "\u{10000}"], // surrogates written as UTF-8
      [[0xf4, 0x90, 0x80, 0x80], "\u{10FFFF}"], // past U+10FFFF
      [[0xe2, 0x82], "€"], // cut off
    ];
    for (const [bad, imitated] of imitations) {
      const fast = digestJsonValues(withBytes(writerLayout, bad), FIELDS);
      expect(fast, JSON.stringify(bad)).toEqual(digestJsonValues(withBytes(otherLayout, bad), FIELDS));
      const honest = digestJsonValues(writerLayout(ROWS.map((r, i) => (i === 0 ? { ...r, text: `a${imitated}b` } : r))), FIELDS);
      expect(fast, JSON.stringify(bad)).not.toEqual(honest);
    }
  });

  it("falls back to parsing on keys out of order, and reports a row without a field", () => {
    const reordered = new TextEncoder().encode(`[\n${ROWS.map(({ id, text, n, flag, note }) => JSON.stringify({ text, id, n, flag, note })).join(",\n")}\n]\n`);
    expect(digestJsonValues(reordered, FIELDS)).toEqual(digestJsonValues(writerLayout(ROWS), FIELDS));
    const missing = writerLayout(ROWS.map(({ note: _note, ...rest }) => rest));
    expect(digestJsonValues(missing, FIELDS)).toEqual({ problem: expect.stringMatching(/note/) });
    expect(digestJsonValues(new TextEncoder().encode("[\n{\"id\":01}\n]\n"), FIELDS)).toHaveProperty("problem");
    // A number of two million digits is read by JSON.parse, not spread into a string here.
    const long = new TextEncoder().encode(`[\n{"id":"a","text":"t","n":${"1".repeat(2_000_000)},"flag":true,"note":null}\n]\n`);
    expect(digestJsonValues(long, FIELDS)).toMatchObject({ rows: 1 });
  });
});
