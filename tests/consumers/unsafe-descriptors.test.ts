// The loaders shipped in every package refuse a descriptor that points outside the package
// (issue 17, point 6): absolute paths, "..", URLs where a path is expected, links out of the
// package and files that are not regular (a FIFO would block the reader forever). Each case runs
// the real load.py (pandas) and load.R (readr) as a user would, on a copy of a built package.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildPackage, copyPackage, describeWithConsumer, findPandasPython, findRscript, ROOT, run, type BuiltPackage } from "./consumer-env.js";

/** A way to make a package unsafe, and the words the loaders must answer it with. */
interface UnsafeCase {
  name: string;
  alter(pkg: BuiltPackage): void;
  refusal: RegExp;
}

function setPath(pkg: BuiltPackage, table: string, value: string): void {
  const file = path.join(pkg.dir, "datapackage.json");
  const descriptor = JSON.parse(readFileSync(file, "utf8")) as { resources: { name: string; path: string }[] };
  descriptor.resources.find((r) => r.name === table)!.path = value;
  writeFileSync(file, JSON.stringify(descriptor, null, 2) + "\n");
}

function replaceFile(pkg: BuiltPackage, table: string, make: (file: string) => void): void {
  const file = path.join(pkg.dir, pkg.tables.find((r) => r.name === table)!.path);
  rmSync(file);
  make(file);
}

const CASES: UnsafeCase[] = [
  { name: "a path with .. to /etc/passwd", alter: (p) => setPath(p, "meetings", "../../../../../../../../etc/passwd"), refusal: /meetings: unsafe path '\.\.\/\.\.\/.*etc\/passwd' in datapackage\.json: it leaves the package/ },
  { name: "a path with .. inside the package's folders", alter: (p) => setPath(p, "meetings", "csv/../csv/meetings.csv"), refusal: /meetings: unsafe path 'csv\/\.\.\/csv\/meetings\.csv' in datapackage\.json: it leaves the package/ },
  { name: "an absolute path", alter: (p) => setPath(p, "meetings", "/etc/passwd"), refusal: /meetings: unsafe path '\/etc\/passwd' in datapackage\.json: an absolute path/ },
  { name: "a Windows absolute path", alter: (p) => setPath(p, "meetings", "C:\\Windows\\win.ini"), refusal: /meetings: unsafe path 'C:\\{1,2}Windows.*' in datapackage\.json: an absolute path/ },
  { name: "a backslash path", alter: (p) => setPath(p, "meetings", "csv\\..\\..\\x.csv"), refusal: /meetings: unsafe path .* in datapackage\.json: it leaves the package/ },
  { name: "an https URL", alter: (p) => setPath(p, "meetings", "https://example.org/meetings.csv"), refusal: /meetings: unsafe path 'https:\/\/example\.org\/meetings\.csv' in datapackage\.json: a URL/ },
  { name: "a file: URL", alter: (p) => setPath(p, "meetings", "file:///etc/passwd"), refusal: /meetings: unsafe path 'file:\/\/\/etc\/passwd' in datapackage\.json: a URL/ },
  { name: "a link to a file outside the package", alter: (p) => replaceFile(p, "meetings", (f) => symlinkSync("/etc/passwd", f)), refusal: /meetings: csv\/meetings\.csv leads outside the package \(to '\/etc\/passwd'\) through a link: refused/ },
  { name: "a FIFO", alter: (p) => replaceFile(p, "meetings", (f) => execFileSync("mkfifo", [f])), refusal: /meetings: 'csv\/meetings\.csv' is not a regular file \(a folder, FIFO or device\): refused/ },
  { name: "a folder", alter: (p) => replaceFile(p, "meetings", (f) => mkdirSync(f)), refusal: /meetings: 'csv\/meetings\.csv' is not a regular file \(a folder, FIFO or device\): refused/ },
];

function describeRefusals(title: string, consumer: string | null, missing: string, loader: string): void {
  describeWithConsumer(title, consumer, missing, (command) => {
    let pkg: BuiltPackage;
    beforeAll(() => {
      pkg = buildPackage(path.join(ROOT, "sources"), `unsafe-${loader}`);
    });
    afterAll(() => pkg?.remove());

    for (const unsafe of CASES) {
      it(`refuses ${unsafe.name}, reading nothing`, () => {
        const copy = copyPackage(pkg, `unsafe-${loader}`);
        try {
          unsafe.alter(copy);
          const result = run(command, [path.join(copy.dir, loader), copy.dir]);
          expect(result.error, "the loader ends (a FIFO must not block it)").toBeUndefined();
          expect(result.stderr).toMatch(unsafe.refusal);
          expect(result.status).toBe(1);
          expect(result.stdout).not.toContain("root:");
          expect(result.stderr).not.toContain("root:");
        } finally {
          copy.remove();
        }
      });
    }

    it("still reads a link that stays inside the package", () => {
      const copy = copyPackage(pkg, `inside-${loader}`);
      try {
        const file = path.join(copy.dir, "csv/meetings.csv");
        execFileSync("mv", [file, path.join(copy.dir, "csv/meetings-real.csv")]);
        symlinkSync("meetings-real.csv", file);
        const result = run(command, [path.join(copy.dir, loader), copy.dir]);
        expect(result.stderr).toBe("");
        expect(result.status).toBe(0);
        expect(result.stdout).toContain(`\nmeetings: ${copy.jsonRows("meetings").length} rows\n`);
      } finally {
        copy.remove();
      }
    });
  });
}

describeRefusals("load.py refuses unsafe descriptors", findPandasPython(), "a python3 with pandas (Debian: python3-pandas)", "load.py");
describeRefusals("load.R refuses unsafe descriptors", findRscript(), "Rscript with readr and jsonlite (Debian: r-base-core r-cran-readr r-cran-jsonlite)", "load.R");
