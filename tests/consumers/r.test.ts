// Real consumer: R (readr) reads the built package through the load.R shipped inside it, with the
// types datapackage.json declares (STYLE.md, Tests: "Real consumers").
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildPackage, copyPackage, describeWithConsumer, dumpWith, findRscript, ROOT, run, type BuiltPackage } from "./consumer-env.js";
import { expectDumpMatchesPackage, flipOneByte, rewriteCsvAndDescriptor, rType } from "./expectations.js";

describeWithConsumer("R reads the package through load.R", findRscript(), "Rscript with readr and jsonlite (Debian: r-base-core r-cran-readr r-cran-jsonlite)", (rscript) => {
  let pkg: BuiltPackage;
  beforeAll(() => {
    pkg = buildPackage(path.join(ROOT, "sources"), "r");
  });
  afterAll(() => pkg?.remove());

  it("ships load.R in the package root, reading the current folder by default", () => {
    const result = run(rscript, ["-e", 'source("load.R"); cat(names(parlex_load()))'], { cwd: pkg.dir });
    expect(result.stderr).toBe("");
    expect(result.stdout.trim()).toBe(pkg.tables.map((t) => t.name).join(" "));
  });

  it("loads every table with the classes the descriptor declares and every value the JSON files hold", () => {
    expectDumpMatchesPackage(dumpWith(rscript, "dump_r.R", pkg.dir), pkg, rType);
  });

  it("loads one table by name, and names the tables when asked for an unknown one", () => {
    const one = run(rscript, ["-e", 'source("load.R"); t <- parlex_load_table("meetings", "."); cat(nrow(t), class(t$participant_count))'], { cwd: pkg.dir });
    expect(one.stderr).toBe("");
    expect(one.stdout.trim()).toBe(`${pkg.jsonRows("meetings").length} integer`);
    const unknown = run(rscript, ["-e", 'source("load.R"); parlex_load_table("meeting", ".")'], { cwd: pkg.dir });
    expect(unknown.status).not.toBe(0);
    expect(unknown.stderr).toContain("no table named 'meeting'; the tables are meetings, visits");
  });

  it("runs as a script, printing each table's rows and column classes (default folder: its own)", () => {
    const result = run(rscript, [path.join(pkg.dir, "load.R")], { cwd: ROOT });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    for (const table of pkg.tables) expect(result.stdout).toContain(`\n${table.name}: ${pkg.jsonRows(table.name).length} rows\n`);
    expect(result.stdout).toMatch(/\n {2}date_start +Date\n/);
    expect(result.stdout).toMatch(/\n {2}format +factor\n/);
  });

  it("refuses a package whose CSV file was altered by one byte (sha256 check)", () => {
    const copy = copyPackage(pkg, "r-tampered");
    try {
      const altered = flipOneByte(copy, "meetings");
      const result = run(rscript, [path.join(copy.dir, "load.R"), copy.dir]);
      expect(result.status).toBe(1);
      expect(result.stdout).toBe("");
      expect(result.stderr).toContain(`meetings: ${altered} does not match its sha256 hash in datapackage.json`);
    } finally {
      copy.remove();
    }
  });

  it("refuses a value outside the declared categories instead of reading it as missing", () => {
    // readr's col_factor would turn an unknown value into NA with only a warning.
    const copy = copyPackage(pkg, "r-category");
    try {
      rewriteCsvAndDescriptor(copy, "meetings", (csv) => csv.replace(",in-person,", ",in person,"));
      const result = run(rscript, [path.join(copy.dir, "load.R"), copy.dir]);
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(/meetings: 1 value\(s\) do not fit their declared type, e\.g\. row \d+ column 7: expected value in level set, found 'in person'/);
    } finally {
      copy.remove();
    }
  });
});
