import { Ajv } from "ajv";
import addFormatsModule from "ajv-formats";
import { describe, expect, it } from "vitest";
import { compileShapeValidators, hasSurrogate } from "../../src/validate/validate-shape.js";
import { readSourceSchemas, schemaFileOf } from "../../src/validate/source-schemas.js";

// compileShapeValidators sends records without surrogate pairs to validators that count string
// length in code units (cheaper); these tests hold it to Ajv's exact code-point count.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

function exactTopicValidator() {
  const ajv = new Ajv({ allErrors: true, strict: true, verbose: true });
  addFormats(ajv);
  for (const schema of readSourceSchemas().values()) ajv.addSchema(schema);
  return ajv.getSchema(schemaFileOf("topic"))!;
}

describe("string lengths in the shape check", () => {
  const ours = compileShapeValidators().topic;
  const exact = exactTopicValidator();
  const topic = (label: string) => ({ id: "trade", label, description: "Trade in goods and services." });
  // label: minLength 1, maxLength 1000 (schemas/topic.schema.json).
  const cases: [string, string][] = [
    ["1000 Latin letters", "a".repeat(1000)],
    ["1001 Latin letters", "a".repeat(1001)],
    ["1000 astral characters (2000 code units)", "\u{1F600}".repeat(1000)],
    ["1001 astral characters", "\u{1F600}".repeat(1001)],
    ["600 astral and 400 Latin", "\u{20000}".repeat(600) + "b".repeat(400)],
    ["one astral character", "\u{1F600}"],
    ["empty", ""],
    ["999 CJK and one astral", "议".repeat(999) + "\u{1F600}"],
  ];
  it.each(cases)("%s: the same verdict and errors as Ajv counting code points", (_name, label) => {
    const record = topic(label);
    expect(ours(record)).toBe(exact(record));
    expect(ours.errors ?? null).toEqual(exact.errors ?? null);
  });

  it("counts astral characters as one: 1000 of them are a valid label, 1001 are not", () => {
    expect(ours(topic("\u{1F600}".repeat(1000)))).toBe(true);
    expect(ours(topic("\u{1F600}".repeat(1001)))).toBe(false);
  });

  it("finds surrogates in keys and nested values", () => {
    expect(hasSurrogate({ a: ["x", { b: "\u{1F600}" }] })).toBe(true);
    expect(hasSurrogate({ ["\u{1F600}"]: 1 })).toBe(true);
    expect(hasSurrogate({ a: ["x", { b: "議" }], n: 3, t: true, z: null })).toBe(false);
  });
});
