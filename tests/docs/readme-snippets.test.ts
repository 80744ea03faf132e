// Every code block of README.md marked runnable (```sh, ```python, ```r or ```sql, then `runnable`)
// runs as written from the root of a fresh copy of the repository: its shell blocks first (they
// build the sources), then the Python, R and SQL ones (SQL in DuckDB, through duckdb-shell.mjs). A snippet can then never rot unseen.
import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeWithConsumer, findPandasPython, findRscript, ROOT, run, tempDir } from "../consumers/consumer-env.js";

type Language = "sh" | "python" | "r" | "sql";

/** The runnable blocks of a Markdown text, in order, with the line each starts on. */
export function runnableBlocks(markdown: string): { language: Language; code: string; line: number }[] {
  const blocks: { language: Language; code: string; line: number }[] = [];
  const lines = markdown.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(sh|python|r|sql) runnable\s*$/.exec(lines[i]!);
    if (!open) continue;
    const start = i + 1;
    let end = start;
    while (end < lines.length && lines[end] !== "```") end++;
    blocks.push({ language: open[1] as Language, code: lines.slice(start, end).join("\n") + "\n", line: start + 1 });
    i = end;
  }
  return blocks;
}

const README = readFileSync(path.join(ROOT, "README.md"), "utf8");
const blocks = runnableBlocks(README);
const python = findPandasPython();
const rscript = findRscript();
const both = python !== null && rscript !== null ? `${python}\n${rscript}` : null;

describe("the runnable blocks of README.md", () => {
  it("are found: at least one in each of sh, python, r and sql", () => {
    expect(new Set(blocks.map((b) => b.language))).toEqual(new Set(["sh", "python", "r", "sql"]));
    expect(runnableBlocks("```python runnable\nprint(1)\n```\n```python\nnot run\n```\n")).toEqual([{ language: "python", code: "print(1)\n", line: 2 }]);
  });
});

describeWithConsumer("README.md's snippets, run as written from a fresh copy of the repository", both, "python3 with pandas, or Rscript with readr and jsonlite", () => {
  let parent: string;
  let repo: string;
  let env: NodeJS.ProcessEnv;
  beforeAll(() => {
    parent = tempDir("readme");
    repo = path.join(parent, "repo");
    mkdirSync(repo);
    for (const part of ["src", "schemas", "sources", "dist-data", "bin", "datapackage.json", "dataset.json", "package.json", "package-lock.json", "tsconfig.json"]) {
      cpSync(path.join(ROOT, part), path.join(repo, part), { recursive: true });
    }
    symlinkSync(path.join(ROOT, "node_modules"), path.join(repo, "node_modules"));
    // `python3` and `Rscript` in a snippet are the ones that have pandas and readr.
    const bins = [...new Set([python!, rscript!].map((p) => (path.isAbsolute(p) ? path.dirname(p) : "")).filter(Boolean))];
    env = { ...process.env, NO_COLOR: "1", PATH: [...bins, process.env.PATH].join(path.delimiter) };
  });
  afterAll(() => rmSync(parent, { recursive: true, force: true }));

  const ordered = [...blocks.filter((b) => b.language === "sh"), ...blocks.filter((b) => b.language !== "sh")];
  for (const block of ordered) {
    it(`runs the ${block.language} block at README.md line ${block.line}`, () => {
      const [command, args] =
        {
          sh: ["bash", ["-euo", "pipefail", "-c", block.code]],
          python: [python!, ["-c", block.code]],
          r: [rscript!, ["-e", block.code]],
          sql: [process.execPath, [path.join(import.meta.dirname, "duckdb-shell.mjs"), block.code]],
        }[block.language];
      const result = run(command as string, args as string[], { cwd: repo, env });
      expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
      expect(result.stdout).toMatch(/meeting/);
    }, 180_000);
  }
});
