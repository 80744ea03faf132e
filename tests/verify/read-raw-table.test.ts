import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { createRandom } from "../../src/bench/prng.js";
import { tableSchema } from "../../src/describe/table-schema.js";
import { checkTable, indexName } from "../../src/verify/check-table.js";
import { DescriptorSchema, type Resource } from "../../src/verify/descriptor-schema.js";
import { parseJsonRows } from "../../src/verify/json-rows.js";
import { ReadAgain, readCsvTable, readJsonTable, type RawTable } from "../../src/verify/read-raw-table.js";
import { ProblemSink, type VerifyProblem } from "../../src/verify/verify-problem.js";
import type { Row } from "../../src/tables/field-types.js";
import { tableNamed } from "../../src/tables/table-definitions.js";
import { csvWriter } from "../../src/write/csv/csv-writer.js";
import { jsonWriter } from "../../src/write/json/json-writer.js";

// Verify reads a table a batch of rows at a time (4,096), with fast readers for the layouts the
// writers write. Whatever the text, what it reads must be what reading the whole file gives:
// JSON.parse or papaparse, the same rows and the same first error, across batch boundaries.
const table = tableNamed("meeting_topics");
const FIELDS = table.fields.map((f) => f.name);
const ROWS = 10_000;
const resource = (format: "csv" | "json"): Resource =>
  DescriptorSchema.parse({ name: "t", resources: [{ name: "meeting_topics", path: `t.${format}`, format, schema: tableSchema(table, (t) => t) }] }).resources[0]!;

/** Rows whose topics have quotes, commas and line ends to write, or (`valid`) only valid ids. */
function rows(seed: number, options: { sorted?: boolean; valid?: boolean } = {}): Row[] {
  const random = createRandom(seed);
  const topics = options.valid ? ["trade", "energy"] : ["trade", "energy", 'say "hi"', "two\nlines", "a,b"];
  const made = Array.from({ length: ROWS }, (_, i) => ({ meeting_id: `m-${String(i).padStart(5, "0")}`, topic_id: random.pick(topics) }));
  if (options.sorted === false) [made[20], made[21]] = [made[21]!, made[20]!];
  return made;
}

/** Every row and row problem a raw table passes, reading again as verify does when told to. */
function readAll(read: () => RawTable | VerifyProblem): { rows?: unknown[][]; problems?: VerifyProblem[]; problem?: VerifyProblem; readAgain: number } {
  let raw = read();
  for (let readAgain = 0; ; readAgain++) {
    if ("code" in raw) return { problem: raw, readAgain };
    const all: unknown[][] = [];
    const problems: VerifyProblem[] = [];
    try {
      raw.eachBatch(
        (batch, first) => {
          expect(first).toBe(all.length);
          all.push(...batch);
        },
        (p) => problems.push(p),
      );
      return { rows: all, problems, readAgain };
    } catch (error) {
      if (!(error instanceof ReadAgain)) throw error;
      raw = error.thorough();
    }
  }
}

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const lines = (t: string) => t.split("\n");
const readJson = (t: string) => readAll(() => readJsonTable("t.json", FIELDS, new TextEncoder().encode(t)));
const wholeJson = (t: string) => (JSON.parse(t) as Record<string, unknown>[]).map((r) => FIELDS.map((f) => r[f]));

describe("reading a JSON table a batch at a time", () => {
  const written = text(jsonWriter.write(table, rows(1)));

  it("reads the writer's layout with the fast reader: the rows JSON.parse gives", () => {
    expect(readJson(written)).toEqual({ rows: wholeJson(written), problems: [], readAgain: 0 });
  });

  it("reads rows written over two lines: within a batch as it is, across a batch's end by reading the whole", () => {
    for (const [line, readAgain] of [
      [9_000, 0],
      [4_096, 1],
    ]) {
      const l = lines(written);
      l[line!] = l[line!]!.replace('","topic_id"', '",\n"topic_id"');
      const t = l.join("\n");
      expect(readJson(t), `line ${line}`).toEqual({ rows: wholeJson(t), problems: [], readAgain });
    }
  });

  it("gives the first error reading the whole gives, wherever the batches would meet another first", () => {
    const cases: [string, (l: string[]) => void][] = [
      ["a doubled comma", (l) => (l[7_000] = `${l[7_000]},`)],
      ["a trailing comma", (l) => (l[ROWS] = `${l[ROWS]},`)],
      ["a row that is not an object, then broken syntax", (l) => ((l[100] = "[1],"), (l[9_500] = '{"meeting_id":'))],
      ["a nested value", (l) => (l[9_000] = '{"meeting_id":{"a":1},"topic_id":"t"},')],
    ];
    for (const [what, edit] of cases) {
      const l = lines(written);
      edit(l);
      const t = l.join("\n");
      const expected = parseJsonRows(t);
      expect(typeof expected, what).toBe("string");
      expect(readJson(t).problem, what).toEqual({ code: "data/json", file: "t.json", message: expected });
    }
  });

  it("decodes each batch as the whole file would be decoded: characters of several bytes, bytes that are not UTF-8, a byte order mark", () => {
    const l = lines(written);
    l[4_096] = l[4_096]!.replace('"topic_id":"', '"topic_id":"议\u{1F600}');
    l[4_097] = l[4_097]!.replace('"topic_id":"', '"topic_id":"\u0000BAD');
    const bytes = Buffer.from(l.join("\n"));
    const bad = bytes.indexOf("\u0000BAD");
    bytes[bad] = 0xff;
    const read = readAll(() => readJsonTable("t.json", FIELDS, bytes));
    expect(read).toEqual({ rows: wholeJson(new TextDecoder().decode(bytes)), problems: [], readAgain: 0 });
    expect(read.rows![4_095]![1]).toMatch(/^议\u{1F600}/u);
    expect(read.rows![4_096]![1]).toMatch(/^\uFFFDBAD/);
    // A byte order mark opening a batch's first line is no whitespace in JSON, as in the whole.
    const batchStart = bytes.lastIndexOf("\n", bad) + 1;
    const marked = Buffer.concat([bytes.subarray(0, batchStart), Buffer.from([0xef, 0xbb, 0xbf]), bytes.subarray(batchStart)]);
    const expected = parseJsonRows(new TextDecoder().decode(marked));
    expect(typeof expected).toBe("string");
    expect(readAll(() => readJsonTable("t.json", FIELDS, marked)).problem).toEqual({ code: "data/json", file: "t.json", message: expected });
  });

  it("reports unknown and absent fields at their rows, in every batch", () => {
    const l = lines(written);
    l[5_001] = l[5_001]!.replace("{", '{"extra":1,');
    l[ROWS] = l[ROWS]!.replace(/,"topic_id":"[^"]*"/, "");
    const read = readJson(l.join("\n"));
    expect(read.readAgain).toBe(0);
    expect(read.problems!.map((p) => [p.code, p.row])).toEqual([
      ["data/fields", 5_001],
      ["data/fields", ROWS],
    ]);
  });

  it("reports an unknown field where a field is named as an object's own property is (constructor), or twice", () => {
    const text = '[\n{"a":"x","b":"y"}\n]\n';
    for (const fields of [["a", "constructor"], ["a", "a"]]) {
      const read = readAll(() => readJsonTable("t.json", fields, new TextEncoder().encode(text)));
      expect(read.problems, fields.join(",")).toEqual([{ code: "data/fields", file: "t.json", row: 1, message: 'unknown field "b"' }]);
    }
  });

  it("reads a table with no rows", () => {
    expect(readJson(text(jsonWriter.write(table, [])))).toMatchObject({ rows: [], problems: [] });
  });
});

describe("reading a CSV table a batch at a time", () => {
  const written = text(csvWriter.write(table, rows(2)));
  const papa = (t: string) => Papa.parse<string[]>(t.replace(/\n$/, ""), { header: false, delimiter: ",", quoteChar: '"', skipEmptyLines: false });
  const readCsv = (t: string) => readAll(() => readCsvTable("t.csv", resource("csv"), t));

  it("reads the writer's layout (quotes, commas and line ends in cells) with the strict reader: papaparse's rows", () => {
    expect(readCsv(written)).toEqual({ rows: papa(written).data.slice(1), problems: [], readAgain: 0 });
  });

  it("reads a quote inside a plain field, past the first batches, with papaparse", () => {
    const t = written.replace("m-09000,", 'm-09"000,');
    expect(t).not.toBe(written);
    const read = readCsv(t);
    expect(read).toEqual({ rows: papa(t).data.slice(1), problems: [], readAgain: 1 });
    expect(read.rows!.some((r) => r[0] === 'm-09"000')).toBe(true);
  });

  it("reports a quote never closed, past the first batches, as papaparse does", () => {
    expect(readCsv(`${written}m-99999,"open\n`).problem).toMatchObject({ code: "data/csv", file: "t.csv" });
  });
});

describe("checking a table's primary key and foreign keys", () => {
  const schemaOf = (fields: string[], primaryKey: string[], foreignKeys: unknown[] = []) =>
    DescriptorSchema.parse({ name: "t", resources: [{ name: "t", path: "t.csv", format: "csv", schema: { fields: fields.map((name) => ({ name, type: "string" })), primaryKey, foreignKeys } }] }).resources[0]!;
  const checkCsv = (res: Resource, text: string, known = new Map<string, Set<string>>()) => {
    const raw = readCsvTable("t.csv", res, text);
    if ("code" in raw) throw new Error(raw.message);
    const sink = new ProblemSink();
    checkTable("t.csv", res, res.schema!, raw, [], known, sink);
    return sink.finish().map((p) => [p.code, p.row]);
  };

  it("finds keys whose parts differ but whose text is one (parts holding NUL), as keys compared by their text", () => {
    expect(checkCsv(schemaOf(["a", "b"], ["a", "b"]), "a,b\nx,\u0000a\nx\u0000,a\n")).toEqual([["data/primary-key", 3]]);
  });

  it("reports a row's repeated key before its unknown foreign key, as one pass over the rows does", () => {
    const res = schemaOf(["id", "p"], ["id"], [{ fields: ["p"], reference: { resource: "people", fields: ["p"] } }]);
    const known = new Map([[indexName("people", ["p"]), new Set(["1"])]]);
    expect(checkCsv(res, "id,p\nb,1\na,1\nb,zz\n", known)).toEqual([
      ["data/primary-key", 4],
      ["data/foreign-key", 4],
    ]);
  });
});

describe("checking a table read a batch at a time", () => {
  const check = (r: Row[]) => {
    const res = resource("csv");
    const raw = readCsvTable("t.csv", res, text(csvWriter.write(table, r)));
    if ("code" in raw) throw new Error(raw.message);
    const sink = new ProblemSink();
    const result = checkTable("t.csv", res, res.schema!, raw, [], new Map(), sink);
    return { rows: result.rows, problems: sink.finish() };
  };

  it("finds a repeated primary key in a table sorted by its key, and in one that is not", () => {
    for (const sorted of [true, false]) {
      const r = rows(3, { sorted, valid: true });
      expect(check(r), `sorted: ${sorted}`).toEqual({ rows: ROWS, problems: [] });
      r[9_000] = { ...r[10]! };
      const found = check(r).problems;
      // The sorted table's keys stop increasing at the repeat, so both are read again for their keys.
      expect(found, `sorted: ${sorted}`).toEqual([
        { code: "data/primary-key", file: "t.csv", row: 9_002, message: `primary key (meeting_id, topic_id) = ${JSON.stringify([r[10]!.meeting_id, r[10]!.topic_id])} repeats row 12` },
      ]);
    }
  });
});
