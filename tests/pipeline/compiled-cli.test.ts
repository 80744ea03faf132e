// bin/parlex.js runs src/ compiled to lib/ (npm run compile, and npm ci) while lib/ matches src/,
// and src/ through tsx otherwise. The compiled program is held to the TypeScript one: compiled
// into a copy of the project, it must print and write the same as the CLI run in-process.
import { execFile } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// @ts-expect-error plain JavaScript, run before any loader
import { compiledCli, sourceDigest } from "../../bin/compiled.js";
import { runParlex, type CliRun } from "../helpers/cli.js";
import { folderFiles } from "../helpers/folder-files.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const scratch = mkdtempSync(path.join(os.tmpdir(), "parlex-compiled-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const run = (file: string, argv: string[], cwd: string): Promise<CliRun> =>
  new Promise((resolve, reject) => {
    execFile(process.execPath, [file, ...argv], { cwd, env: { ...process.env, NO_COLOR: "1" }, maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      if (error && typeof error.code !== "number") reject(error);
      else resolve({ code: error ? (error.code as number) : 0, stdout, stderr });
    });
  });

describe("which program bin/parlex.js runs", () => {
  it("the compiled one only while lib/ was compiled from the src/ there is", () => {
    const root = path.join(scratch, "fake");
    mkdirSync(path.join(root, "src/cli"), { recursive: true });
    writeFileSync(path.join(root, "src/cli/main.ts"), "export {};\n");
    writeFileSync(path.join(root, "tsconfig.json"), "{}\n");
    expect(compiledCli(root)).toBeUndefined(); // no lib/
    mkdirSync(path.join(root, "lib"));
    writeFileSync(path.join(root, "lib/.source-digest"), sourceDigest(root) + "\n");
    expect(compiledCli(root)).toBe(path.join(root, "lib/cli/main.js"));
    writeFileSync(path.join(root, "src/cli/main.ts"), "export const edited = 1;\n");
    expect(compiledCli(root)).toBeUndefined();
    writeFileSync(path.join(root, "src/cli/main.ts"), "export {};\n");
    writeFileSync(path.join(root, "src/cli/new.ts"), "export {};\n");
    expect(compiledCli(root)).toBeUndefined();
  });
});

describe("the compiled CLI", () => {
  const copy = path.join(scratch, "project");
  beforeAll(async () => {
    for (const part of ["src", "schemas", "dataset.json", "bin", "scripts/compile.mjs", "package.json", "package-lock.json", "tsconfig.json", "tsconfig.lib.json"]) {
      cpSync(path.join(ROOT, part), path.join(copy, part), { recursive: true });
    }
    symlinkSync(path.join(ROOT, "node_modules"), path.join(copy, "node_modules"));
    const compiled = await run(path.join(copy, "scripts/compile.mjs"), [], copy);
    expect(compiled.code, compiled.stderr).toBe(0);
    expect(compiledCli(copy)).toBe(path.join(copy, "lib/cli/main.js"));
  }, 120_000);

  it("reports on valid and invalid trees as the TypeScript one does, with worker threads too", async () => {
    const trees = [path.join(ROOT, "tests/fixtures/build/small"), ...["country--unknown", "date--folder-year", "cite--uncited-name"].map((t) => path.join(ROOT, "tests/fixtures/validate", t))];
    for (const cwd of trees) {
      for (const argv of [["validate", "sources", "--no-cache"], ["validate", "sources", "--no-cache", "--threads", "2", "--format", "json"]]) {
        const compiled = await run(path.join(copy, "bin/parlex.js"), argv, cwd);
        const here = await runParlex(argv, cwd);
        expect(compiled, `${cwd}: ${argv.join(" ")}`).toEqual(here);
      }
    }
  }, 120_000);

  it("checks records with the schemas' validators compiled ahead, without loading Ajv", async () => {
    const probe = path.join(copy, "probe.mjs");
    writeFileSync(
      probe,
      [
        'import { createRequire } from "node:module";',
        'import { readFileSync } from "node:fs";',
        'import YAML from "yaml";',
        'const { sourceShapeValidators } = await import("./lib/validate/validate-shape.js");',
        'const record = YAML.parse(readFileSync(process.argv[2], "utf8"));',
        "const validators = sourceShapeValidators();",
        "const valid = validators.meeting(record);",
        "const invalid = validators.meeting({ ...record, id: 42 });",
        'const ajvLoaded = Object.keys(createRequire(import.meta.url).cache).some((f) => /node_modules[\\/]ajv[\\/]dist[\\/]ajv\.js$/.test(f));',
        "console.log(JSON.stringify({ valid, invalid, ajvLoaded }));",
      ].join("\n"),
    );
    const meeting = path.join(ROOT, "tests/fixtures/build/small/sources/meetings/2022/alpha-beta-video.yaml");
    const out = await run(probe, [meeting], copy);
    expect(out.code, out.stderr).toBe(0);
    expect(JSON.parse(out.stdout)).toEqual({ valid: true, invalid: false, ajvLoaded: false });
  }, 60_000);

  it("builds the same bytes", async () => {
    const cwd = path.join(scratch, "tree");
    cpSync(path.join(ROOT, "tests/fixtures/build/small/sources"), path.join(cwd, "sources"), { recursive: true });
    const compiled = await run(path.join(copy, "bin/parlex.js"), ["build", "--out", "compiled", "--quiet", "--threads", "2"], cwd);
    expect(compiled.code, compiled.stderr).toBe(0);
    const here = await runParlex(["build", "--out", "here", "--quiet", "--no-cache"], cwd);
    expect(here.code).toBe(0);
    const a = folderFiles(path.join(cwd, "compiled"));
    const b = folderFiles(path.join(cwd, "here"));
    expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
    for (const [file, bytes] of b) expect(a.get(file)!.equals(bytes), file).toBe(true);
  }, 120_000);
});
