// The tree shows the pipeline's stages, and imports point one way: from the CLI down to the model,
// never from a stage to a later one (docs/architecture.md draws the same map). A new folder under
// src/ must be given its place here before anything can import it.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const SRC = path.resolve(import.meta.dirname, "../../src");

/**
 * Each folder's rank: a module may import from its own folder and from folders of a lower rank.
 * Folders of one rank may not import each other, except write and describe, which are one stage
 * (a package's files and the descriptor that lists them).
 */
const RANKS: Record<string, number> = {
  // the model every stage shares: the source types generated from schemas/, the table definitions
  types: 0,
  tables: 0,
  "import-module.js": 0,
  model: 1,
  // the dataset's identity (dataset.json): read by the descriptor, the citation, the data card and the site
  dataset: 1,
  catalogue: 1.5,
  // the stages, in pipeline order
  load: 2,
  validate: 3,
  render: 4,
  speed: 4,
  normalize: 5,
  write: 6,
  describe: 6,
  verify: 7,
  // what runs the stages, and what consumes packages
  pipeline: 8,
  release: 9,
  site: 9,
  docs: 10,
  "types-gen": 10,
  bench: 10,
  fuzz: 12,
  cli: 11,
};
const SAME_STAGE = new Set(["write>describe", "describe>write"]);

function modulesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|js)$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
}

/** Every relative module a file imports (static, dynamic and type-only imports, and re-exports). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const specs = [...text.matchAll(/(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*["'](\.[^"']+)["']|import\(\s*["'](\.[^"']+)["']\s*\)/gm)].map((m) => m[1] ?? m[2]!);
  return specs.map((s) => path.resolve(path.dirname(file), s));
}

const topFolder = (file: string, src = SRC): string => path.relative(src, file).split(path.sep)[0]!;

/** The imports that break the rule, as `from -> to`. */
function wrongWayImports(src = SRC): string[] {
  const wrong: string[] = [];
  for (const file of modulesUnder(src)) {
    const from = topFolder(file, src);
    for (const target of importsOf(file)) {
      if (!target.startsWith(src + path.sep)) continue; // package.json and the like
      const to = topFolder(target, src);
      if (from === to || SAME_STAGE.has(`${from}>${to}`)) continue;
      const a = RANKS[from];
      const b = RANKS[to];
      if (a === undefined || b === undefined || b >= a) wrong.push(`${path.relative(src, file)} -> ${path.relative(src, target)}`);
    }
  }
  return wrong.sort();
}

describe("the direction of imports", () => {
  it("gives every folder under src/ a place in the pipeline", () => {
    const folders = readdirSync(SRC, { withFileTypes: true }).map((e) => e.name);
    expect(folders.filter((f) => RANKS[f] === undefined)).toEqual([]);
  });

  it("never has a stage import a later one: verify and the site never import release, validation never the speed layer", () => {
    expect(wrongWayImports()).toEqual([]);
  });

  it("finds an import the wrong way in a tree that has one (the check can fail)", () => {
    const src = mkdtempSync(path.join(os.tmpdir(), "parlex-imports-"));
    try {
      const put = (file: string, text: string) => {
        mkdirSync(path.dirname(path.join(src, file)), { recursive: true });
        writeFileSync(path.join(src, file), text);
      };
      put("release/plan.ts", 'import { readPackage } from "../verify/read.js";\nexport const plan = 1;\n');
      put("verify/read.ts", 'import type { Plan } from "../release/plan.js";\nexport const read = await import("../release/plan.js");\n');
      put("validate/check.ts", 'export { cache } from "../speed/cache.js";\nimport { describePackage } from "../describe/x.js";\n');
      put("speed/cache.ts", 'import { check } from "../validate/check.js";\n');
      put("write/a.ts", 'import { b } from "../describe/b.js";\n');
      put("describe/b.ts", 'import type { a } from "../write/a.js";\n');
      expect(wrongWayImports(src)).toEqual([
        "validate/check.ts -> describe/x.js",
        "validate/check.ts -> speed/cache.js",
        "verify/read.ts -> release/plan.js",
        "verify/read.ts -> release/plan.js",
      ]);
    } finally {
      rmSync(src, { recursive: true, force: true });
    }
  });
});
