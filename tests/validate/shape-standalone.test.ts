// A compiled CLI validates with the shipped schemas' validators compiled ahead (Ajv's standalone
// code, written by `npm run compile`): they must pass, fail and explain every record exactly as
// the validators compiled at run time do.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import YAML from "yaml";
import { afterAll, describe, expect, it } from "vitest";
import { KINDS, KIND_FOLDERS, type Kind } from "../../src/model/source-file.js";
import { explainSchemaErrors } from "../../src/validate/explain-schema-errors.js";
import { loadStandaloneValidator } from "../../src/validate/shape-standalone.js";
import { parseSchemas, readSchemaTexts } from "../../src/validate/source-schemas.js";
import { compileShapeValidators, compileShippedAhead, hasSurrogate } from "../../src/validate/validate-shape.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const SOURCES = path.join(ROOT, "tests/fixtures/build/small/sources");
// Inside the project, as lib/ is: the code requires Ajv's runtime and formats from node_modules.
mkdirSync(path.join(ROOT, "node_modules/.cache"), { recursive: true });
const scratch = mkdtempSync(path.join(ROOT, "node_modules/.cache/parlex-standalone-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Every YAML record under a folder. */
function recordsIn(folder: string): unknown[] {
  return readdirSync(folder).flatMap((name) => {
    const full = path.join(folder, name);
    if (statSync(full).isDirectory()) return recordsIn(full);
    return name.endsWith(".yaml") ? [YAML.parse(readFileSync(full, "utf8")) as unknown] : [];
  });
}

/** A record and variants of it that break its schema every way a field can: missing, of another type, empty, too long, astral, extra. */
function variants(record: Record<string, unknown>): unknown[] {
  const out: unknown[] = [record, { ...record, extra: 1 }, [], "text", null];
  for (const key of Object.keys(record)) {
    const { [key]: _dropped, ...rest } = record;
    out.push(rest);
    for (const value of [42, "", "x".repeat(5000), "😀 astral", true, null, [], {}, ["a"], [{}], "not a uri", "2022-13-40"]) out.push({ ...record, [key]: value });
  }
  return out;
}

describe("validators compiled ahead", () => {
  const folder = path.join(scratch, "shape-validators");
  const texts = readSchemaTexts();
  compileShippedAhead(folder, texts);
  const runtime = compileShapeValidators(new Map([...texts].map(([name, text]) => [name, JSON.parse(text) as Record<string, unknown>])));

  it("pass, fail and explain every record as the validators compiled at run time", () => {
    let compared = 0;
    for (const kind of KINDS) {
      for (const record of recordsIn(path.join(SOURCES, KIND_FOLDERS[kind]))) {
        for (const variant of variants(record as Record<string, unknown>)) {
          const ahead = loadStandaloneValidator(kind, hasSurrogate(variant), texts, folder)!;
          const theirs = runtime[kind](variant);
          expect(ahead(variant), `${kind} ${JSON.stringify(variant).slice(0, 80)}`).toBe(theirs);
          expect(ahead.errors ?? null).toEqual(runtime[kind].errors ?? null);
          if (!theirs) {
            const file = { file: "x.yaml", kind: kind as Kind, stem: "x", record: variant };
            expect(explainSchemaErrors(file, ahead.errors ?? [])).toEqual(explainSchemaErrors(file, runtime[kind].errors ?? []));
          }
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });

  it("are not used once the schemas differ from those they were compiled from", () => {
    expect(loadStandaloneValidator("topic", false, texts, folder)).toBeTypeOf("function");
    const edited = new Map(texts);
    edited.set("topic.schema.json", texts.get("topic.schema.json")!.replace("}", ', "$comment": "edited" }'));
    expect(loadStandaloneValidator("topic", false, edited, folder)).toBeUndefined();
    writeFileSync(path.join(folder, "schemas.sha256"), "0".repeat(64) + "\n");
    expect(loadStandaloneValidator("topic", false, texts, folder)).toBeUndefined();
    // A folder with the right digest but a validator missing (half replaced) is none either.
    const partial = path.join(scratch, "partial");
    compileShippedAhead(partial, texts);
    rmSync(path.join(partial, "person-plain.cjs"));
    expect(loadStandaloneValidator("person", false, texts, partial)).toBeUndefined();
    expect(loadStandaloneValidator("topic", false, texts, partial)).toBeTypeOf("function");
  });
});

describe("a schema that cannot be used", () => {
  const texts = readSchemaTexts();
  const broken = (edit: (schema: Record<string, unknown>) => void) => {
    const schemas = parseSchemas(texts);
    edit(schemas.get("topic.schema.json")!);
    return schemas;
  };
  const record = { id: "trade", label: "Trade" };

  it("is named in the error, whether Ajv rejects it, cannot compile it, or it is not JSON", () => {
    const badType = broken((s) => ((s.properties as Record<string, Record<string, unknown>>).label!.type = "strng"));
    expect(() => compileShapeValidators(badType).topic(record)).toThrow(/^schemas\/topic\.schema\.json: schema is invalid/);
    const unknownKeyword = broken((s) => ((s.properties as Record<string, Record<string, unknown>>).label!.descripton = "typo"));
    expect(() => compileShapeValidators(unknownKeyword).topic(record)).toThrow(/^schemas\/topic\.schema\.json: strict mode: unknown keyword/);
    const notJson = new Map(texts).set("topic.schema.json", texts.get("topic.schema.json")!.replace("{", "{,"));
    expect(() => parseSchemas(notJson)).toThrow(/^schemas\/topic\.schema\.json: .*JSON/);
  });
});
