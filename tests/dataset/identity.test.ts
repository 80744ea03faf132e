// The dataset's identity lives in dataset.json alone: the descriptor, CITATION.cff and the data
// card read it, and a URL nobody knows is never written.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Ajv } from "ajv";
import addFormats from "ajv-formats";
import { datasetIdentity, descriptorMetadata, DatasetIdentityError, IDENTITY_FILE, IDENTITY_SCHEMA } from "../../src/dataset/identity.js";

function schemaValidator() {
  const ajv = new Ajv({ allErrors: true, strict: true });
  (addFormats as unknown as (a: Ajv) => Ajv)(ajv);
  return ajv.compile(JSON.parse(readFileSync(IDENTITY_SCHEMA, "utf8")) as object);
}

const ROOT = path.resolve(import.meta.dirname, "../..");
const scratch = mkdtempSync(path.join(tmpdir(), "parlex-identity-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function withIdentity(edit: (o: Record<string, unknown>) => void): string {
  const o = JSON.parse(readFileSync(IDENTITY_FILE, "utf8")) as Record<string, unknown>;
  edit(o);
  const file = path.join(scratch, `dataset-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(o));
  return file;
}

describe("dataset.json", () => {
  it("is valid against schemas/dataset.schema.json and is what every published release's descriptor says", () => {
    const identity = datasetIdentity();
    const meta = descriptorMetadata(identity);
    for (const version of ["1.0.0", "2.0.0"]) {
      const d = JSON.parse(readFileSync(path.join(ROOT, "dist-data", version, "datapackage.json"), "utf8")) as Record<string, unknown>;
      for (const [key, value] of Object.entries(meta)) expect(d[key], `${version} ${key}`).toEqual(value);
      const cff = readFileSync(path.join(ROOT, "dist-data", version, "CITATION.cff"), "utf8");
      expect(cff).toContain(`name: "${identity.contributors[0]!.title}"`);
    }
  });

  it("gives no URL it does not know: no repository or site key, and so none in the descriptor", () => {
    const identity = datasetIdentity();
    expect(identity.repository).toBeUndefined();
    expect(identity.site).toBeUndefined();
    expect(descriptorMetadata(identity)).not.toHaveProperty("homepage");
  });

  it("a site URL, when given, becomes the descriptor's homepage", () => {
    const file = withIdentity((o) => (o.site = "https://example.org/parlex/"));
    expect(descriptorMetadata(datasetIdentity(file)).homepage).toBe("https://example.org/parlex/");
  });

  it.each([
    ["an unknown key", (o: Record<string, unknown>) => (o.url = "https://example.org")],
    ["a name with capitals", (o: Record<string, unknown>) => (o.name = "China-KZ")],
    ["no contributor", (o: Record<string, unknown>) => (o.contributors = [])],
    ["a plain-http site", (o: Record<string, unknown>) => (o.site = "http://example.org/")],
  ])("refuses %s with the file named, as the JSON Schema does", (_, edit) => {
    const file = withIdentity(edit);
    expect(() => datasetIdentity(file)).toThrow(DatasetIdentityError);
    expect(() => datasetIdentity(file)).toThrow(file);
    expect(schemaValidator()(JSON.parse(readFileSync(file, "utf8")))).toBe(false);
  });

  it("dataset.json passes its JSON Schema (schemas/identity/dataset.schema.json)", () => {
    const validate = schemaValidator();
    expect(validate(JSON.parse(readFileSync(IDENTITY_FILE, "utf8"))), JSON.stringify(validate.errors)).toBe(true);
    expect(validate(JSON.parse(readFileSync(withIdentity((o) => ((o.site = "https://example.org/p/"), (o.repository = "https://example.org/r"))), "utf8")))).toBe(true);
  });

  it("no code holds the dataset's title, description or licence any more", () => {
    const identity = datasetIdentity();
    for (const file of ["src/describe/package-metadata.ts", "src/release/render-citation.ts", "src/release/render-data-card.ts"]) {
      const code = readFileSync(path.join(ROOT, file), "utf8");
      expect(code).not.toContain(identity.title);
      expect(code).not.toContain(identity.contributors[0]!.title);
      expect(code).not.toContain("CC-BY-4.0");
    }
  });
});
