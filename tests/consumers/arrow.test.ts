// Arrow IPC files, read back with apache-arrow (JS): real types per declared field, same rows as JSON.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TABLES } from "../../src/tables/table-definitions.js";
import { buildPackage, ROOT, type BuiltPackage } from "./consumer-env.js";
import { expectArrowMatchesPackage } from "./expectations.js";

describe("Arrow IPC files read with apache-arrow", () => {
  let pkg: BuiltPackage;
  beforeAll(() => {
    pkg = buildPackage(path.join(ROOT, "sources"), "arrow");
  });
  afterAll(() => pkg?.remove());

  it("covers every declared type and both kinds of string column", () => {
    // Without these the type checks below could pass vacuously.
    const fields = TABLES.flatMap((t) => t.fields);
    for (const type of ["string", "date", "integer", "boolean"]) expect(fields.some((f) => f.type === type), type).toBe(true);
    expect(fields.some((f) => f.type === "string" && f.categories)).toBe(true);
    expect(fields.some((f) => f.type === "string" && !f.categories)).toBe(true);
    expect(fields.some((f) => f.required) && fields.some((f) => !f.required)).toBe(true);
  });

  it("gives every field its Arrow type, nullability, description and declared categories, and holds every row and value of the JSON files", () => {
    expectArrowMatchesPackage(pkg);
  });
});
