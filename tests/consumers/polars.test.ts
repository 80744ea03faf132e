// Real consumer: polars (nodejs-polars, the Rust engine) reads the Arrow files with the types the
// descriptor declares and every value the JSON files hold (Parquet: parquet.test.ts).
import { readFileSync } from "node:fs";
import path from "node:path";
import pl from "nodejs-polars";
import { afterAll, beforeAll, describe, it } from "vitest";
import { buildPackage, ROOT, type BuiltPackage } from "./consumer-env.js";
import { expectPolarsMatches } from "./polars-read.js";

describe("polars (nodejs-polars) reads the package", () => {
  let pkg: BuiltPackage;
  beforeAll(() => {
    pkg = buildPackage(path.join(ROOT, "sources"), "polars");
  });
  afterAll(() => pkg?.remove());

  it("reads every Arrow file with the declared types and every value of the JSON files", () => {
    for (const table of pkg.tables) expectPolarsMatches(pl.readIPC(readFileSync(path.join(pkg.dir, "arrow", `${table.name}.arrow`))), pkg, table.name);
  });
});
