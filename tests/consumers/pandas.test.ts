// Real consumer: pandas reads the built package through the load.py shipped inside it, with the
// types datapackage.json declares (STYLE.md, Tests: "Real consumers").
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildPackage, copyPackage, describeWithConsumer, dumpWith, findPandasPython, ROOT, run, type BuiltPackage } from "./consumer-env.js";
import { expectDumpMatchesPackage, flipOneByte, pandasType, rewriteCsvAndDescriptor } from "./expectations.js";

describeWithConsumer("pandas reads the package through load.py", findPandasPython(), "a python3 with pandas (Debian: python3-pandas)", (python) => {
  let pkg: BuiltPackage;
  beforeAll(() => {
    pkg = buildPackage(path.join(ROOT, "sources"), "pandas");
  });
  afterAll(() => pkg?.remove());

  it("ships load.py in the package root, importable, reading the current folder by default", () => {
    const result = run(python, ["-c", "import load; print(' '.join(load.load()))"], { cwd: pkg.dir });
    expect(result.stderr).toBe("");
    expect(result.stdout.trim()).toBe(pkg.tables.map((t) => t.name).join(" "));
  });

  it("loads every table with the dtypes the descriptor declares and every value the JSON files hold", () => {
    expectDumpMatchesPackage(dumpWith(python, "dump_pandas.py", pkg.dir), pkg, pandasType);
  });

  it("loads one table by name, and names the tables when asked for an unknown one", () => {
    const one = run(python, ["-c", "import load, sys; t = load.load_table('meetings', sys.argv[1]); print(len(t), t['participant_count'].dtype)", pkg.dir], { cwd: pkg.dir });
    expect(one.stderr).toBe("");
    expect(one.stdout.trim()).toBe(`${pkg.jsonRows("meetings").length} Int64`);
    const unknown = run(python, ["-c", "import load, sys; load.load_table('meeting', sys.argv[1])", pkg.dir], { cwd: pkg.dir });
    expect(unknown.status).not.toBe(0);
    expect(unknown.stderr).toContain("no table named 'meeting'; the tables are meetings, visits");
  });

  it("runs as a script, printing each table's rows and dtypes (default folder: its own)", () => {
    const result = run(python, [path.join(pkg.dir, "load.py")], { cwd: ROOT });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("hashes verified");
    for (const table of pkg.tables) expect(result.stdout).toContain(`\n${table.name}: ${pkg.jsonRows(table.name).length} rows\n`);
    expect(result.stdout).toMatch(/\n {2}date_start +datetime64\[ns\]\n/);
    expect(result.stdout).toMatch(/\n {2}format +category\n/);
  });

  it("refuses a package whose CSV file was altered by one byte (sha256 check)", () => {
    const copy = copyPackage(pkg, "pandas-tampered");
    try {
      const altered = flipOneByte(copy, "meetings");
      const result = run(python, [path.join(copy.dir, "load.py"), copy.dir]);
      expect(result.status).toBe(1);
      expect(result.stdout).toBe("");
      expect(result.stderr).toContain(`load.py: meetings: ${altered} does not match its sha256 hash in datapackage.json`);
    } finally {
      copy.remove();
    }
  });

  it("refuses a value outside the declared categories instead of reading it as missing", () => {
    // pandas' CategoricalDtype would silently turn an unknown value into NaN.
    const copy = copyPackage(pkg, "pandas-category");
    try {
      rewriteCsvAndDescriptor(copy, "meetings", (csv) => csv.replace(",in-person,", ",in person,"));
      const result = run(python, [path.join(copy.dir, "load.py"), copy.dir]);
      expect(result.status).toBe(1);
      expect(result.stderr).toContain("load.py: meetings.format: values outside the declared categories ['in-person', 'video', 'phone'], e.g. ['in person']");
    } finally {
      copy.remove();
    }
  });
});
