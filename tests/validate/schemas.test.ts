import { Ajv } from "ajv";
import addFormatsModule from "ajv-formats";
import { describe, expect, test } from "vitest";
import { KINDS } from "../../src/model/source-file.js";
import { readSourceSchemas, schemaFileOf } from "../../src/validate/source-schemas.js";
import { compileShapeValidators } from "../../src/validate/validate-shape.js";

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const SCHEMAS = readSourceSchemas();

type Schema = { [key: string]: unknown };

/** Every sub-schema with where it is, following the keywords our schemas use. */
function subSchemas(schema: Schema, at: string): { at: string; schema: Schema; property?: string }[] {
  const found: { at: string; schema: Schema; property?: string }[] = [{ at, schema }];
  const visit = (value: unknown, where: string, property?: string) => {
    if (value && typeof value === "object" && !Array.isArray(value)) {
      const [self, ...below] = subSchemas(value as Schema, where);
      found.push({ ...self!, ...(property !== undefined ? { property } : {}) }, ...below);
    }
  };
  for (const [name, sub] of Object.entries((schema.properties ?? {}) as Record<string, unknown>)) visit(sub, `${at}/properties/${name}`, name);
  for (const [name, sub] of Object.entries((schema.definitions ?? {}) as Record<string, unknown>)) visit(sub, `${at}/definitions/${name}`);
  visit(schema.items, `${at}/items`);
  for (const keyword of ["oneOf", "anyOf", "allOf"]) ((schema[keyword] ?? []) as unknown[]).forEach((sub, i) => visit(sub, `${at}/${keyword}/${i}`));
  return found;
}

const ALL = [...SCHEMAS].flatMap(([file, schema]) => subSchemas(schema, file + "#"));

test("schemas/ holds one schema per kind plus the shared definitions", () => {
  expect([...SCHEMAS.keys()].sort()).toEqual([...KINDS.map(schemaFileOf), "defs.schema.json"].sort());
});

describe("Ajv strict mode", () => {
  test("every kind's schema compiles", () => {
    expect(Object.keys(compileShapeValidators()).sort()).toEqual([...KINDS].sort());
  });

  test("every shared definition compiles, used or not", () => {
    const ajv = new Ajv({ strict: true });
    addFormats(ajv);
    for (const schema of SCHEMAS.values()) ajv.addSchema(schema);
    const names = Object.keys(SCHEMAS.get("defs.schema.json")!.definitions as object);
    for (const name of names) expect(() => ajv.compile({ $ref: `defs.schema.json#/definitions/${name}` }), name).not.toThrow();
    expect(names.length).toBeGreaterThan(5);
  });

  test("is on: a schema with an unknown keyword does not compile", () => {
    const schemas = new Map(SCHEMAS);
    schemas.set("topic.schema.json", { ...SCHEMAS.get("topic.schema.json")!, propertyOrder: ["id"] });
    // Validators are compiled when first used: the mistake shows at the first topic checked.
    expect(() => compileShapeValidators(schemas).topic({ id: "x" })).toThrow(/strict mode: unknown keyword: "propertyOrder"/);
  });
});

test("every schema has an $id equal to its file name, and a title and description", () => {
  const wrong = [...SCHEMAS].filter(([file, s]) => s.$id !== file || typeof s.title !== "string" || typeof s.description !== "string").map(([file]) => file);
  expect(wrong).toEqual([]);
});

test("every property at every level, and every shared definition, has a description", () => {
  const described = (s: Schema) => typeof s.description === "string" && s.description.trim().length > 0;
  const properties = ALL.filter((s) => s.property !== undefined);
  expect(properties.filter((s) => !described(s.schema)).map((s) => s.at)).toEqual([]);
  expect(ALL.filter((s) => /\/definitions\/\w+$/.test(s.at) && !described(s.schema)).map((s) => s.at)).toEqual([]);
  // The walk reaches nested levels (participants' and quotes' fields, names' fields).
  expect(properties.map((s) => s.at)).toEqual(expect.arrayContaining(["meeting.schema.json#/properties/quotes/items/properties/speaker", "defs.schema.json#/definitions/name/properties/lang"]));
});

test("every object schema forbids unknown properties (additionalProperties: false)", () => {
  const objects = ALL.filter((s) => s.schema.type === "object" || s.schema.properties !== undefined);
  expect(objects.filter((s) => s.schema.additionalProperties !== false).map((s) => s.at)).toEqual([]);
  expect(objects.length).toBeGreaterThanOrEqual(KINDS.length + 5);
});
