import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { csvWriter } from "../../src/write/csv/csv-writer.js";
import { jsonWriter } from "../../src/write/json/json-writer.js";
import type { Cell, Row, TableDef } from "../../src/tables/field-types.js";
import { createRandom } from "../../src/bench/prng.js";

// The CSV and JSON writers build their text by hand for speed. These tests hold them to the
// libraries they replace: Papa.unparse (the quoting rule) and JSON.stringify (the escapes),
// on cells made to hit every rule: separators, quotes, line ends, BOMs, outer spaces, controls,
// lone and paired surrogates, non-Latin scripts, numbers, booleans and missing values.

const table: TableDef = {
  name: "t",
  title: "t",
  description: "t",
  primaryKey: ["a"],
  foreignKeys: [],
  fields: [
    { name: "a", type: "string", description: "" },
    { name: "b", type: "string", description: "" },
    { name: "n", type: "integer", description: "" },
    { name: "f", type: "boolean", description: "" },
  ],
};

const PIECES = ["a", "Z", " ", ",", '"', "\n", "\r", "\uFEFF", "\t", "\\", "/", "\u0001", "\u001F", "\u2028", "é", "Қ", "议", "\uD83D\uDE00", "\uD800", "\uDC00", "=", "-", "NA", "'"];

function randomText(next: () => number): string {
  const length = Math.floor(next() * 6);
  let text = "";
  for (let i = 0; i < length; i++) text += PIECES[Math.floor(next() * PIECES.length)];
  return text;
}

function randomRows(seed: number, count: number, formulaSafe: boolean): Row[] {
  const random = createRandom(seed);
  const next = () => random.next();
  const text = (): string | null => {
    if (next() < 0.1) return null;
    const t = randomText(next);
    return formulaSafe && /^[=+\-@\t\r]/.test(t) ? "x" + t : t;
  };
  return Array.from({ length: count }, () => ({ a: text(), b: text(), n: next() < 0.2 ? null : Math.floor(next() * 2e6) - 1e6, f: next() < 0.2 ? null : next() < 0.5 }));
}

const decode = (bytes: Uint8Array) => new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);

describe("the hand-built writers equal the libraries they stand in for", () => {
  it("CSV: the same text as Papa.unparse, for 20,000 hostile cells", () => {
    const rows = randomRows(7, 10_000, true);
    const fields = table.fields.map((f) => f.name);
    const data = rows.map((row) => fields.map((name) => (row[name] ?? null) === null ? "" : String(row[name] as Cell)));
    const expected = Papa.unparse({ fields, data }, { delimiter: ",", newline: "\n", quoteChar: '"', escapeChar: '"', header: true, quotes: false }) + "\n";
    expect(decode(csvWriter.write(table, rows))).toBe(decode(new Uint8Array(Buffer.from(expected, "utf8"))));
  });

  it("CSV: a header-only table is one line", () => {
    expect(decode(csvWriter.write(table, []))).toBe("a,b,n,f\n");
  });

  it("JSON: every row equals JSON.stringify of the row, and the file parses back to the rows", () => {
    const rows = randomRows(11, 10_000, false);
    const text = decode(jsonWriter.write(table, rows));
    const lines = text.split("\n");
    expect(lines[0]).toBe("[");
    expect(lines.at(-1)).toBe("");
    expect(lines.at(-2)).toBe("]");
    const body = lines.slice(1, -2);
    expect(body).toHaveLength(rows.length);
    body.forEach((line, i) => expect(line.replace(/,$/, "")).toBe(JSON.stringify(rows[i])));
    expect(JSON.parse(text)).toEqual(rows);
    expect(decode(jsonWriter.write(table, []))).toBe("[]\n");
  });
});
