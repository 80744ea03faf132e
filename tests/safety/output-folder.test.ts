import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runParlex } from "../helpers/cli.js";
import { OUTPUT_KINDS, OUTPUT_MARK, OUTPUT_MARK_TEXT, SITE_MARK } from "../../src/write/output-folder.js";
import { ROOT, SMALL_SOURCES, scratchDir } from "../release/helpers.js";

const scratch = scratchDir("output-folder");
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A checkout as a contributor has it: sources, a .git, a published release, uncommitted work. */
function makeCheckout(name: string): string {
  const dir = path.join(scratch, name);
  cpSync(SMALL_SOURCES, path.join(dir, "sources"), { recursive: true });
  mkdirSync(path.join(dir, ".git"), { recursive: true });
  writeFileSync(path.join(dir, ".git", "HEAD"), "ref: refs/heads/main\n");
  mkdirSync(path.join(dir, "dist-data", "1.0.0"), { recursive: true });
  writeFileSync(path.join(dir, "dist-data", "1.0.0", "datapackage.json"), "{}");
  writeFileSync(path.join(dir, "dist-data", "1.0.0", "SHA256SUMS"), "");
  writeFileSync(path.join(dir, "README.md"), "uncommitted work\n");
  mkdirSync(path.join(dir, "notes"));
  writeFileSync(path.join(dir, "notes", "draft.txt"), "mine\n");
  return dir;
}

/** Every file under a folder with its bytes, to prove nothing was touched. */
function snapshot(dir: string): Map<string, string> {
  return new Map(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => [path.join(e.parentPath, e.name), readFileSync(path.join(e.parentPath, e.name), "latin1")]),
  );
}

describe("parlex build refuses an output folder it must not replace, before touching anything", () => {
  const checkout = makeCheckout("checkout");
  symlinkSync(".", path.join(checkout, "here"));
  symlinkSync("..", path.join(checkout, "up"));
  const cases: [string, string][] = [
    [".", "output/holds-working-folder"],
    ["..", "output/holds-working-folder"],
    ["/", "output/holds-working-folder"],
    ["sources", "output/sources"],
    ["sources/people", "output/sources"],
    ["up/checkout", "output/holds-working-folder"],
    [".git", "output/repository"],
    [".git/objects", "output/repository"],
    ["dist-data", "output/releases"],
    ["dist-data/1.0.0", "output/releases"],
    ["dist-data/1.1.0", "output/releases"],
    ["README.md", "output/is-file"],
    ["here", "output/is-link"],
    ["notes", "output/not-parlex"],
    [".parlex-cache", "output/cache"],
  ];
  it.each(cases)("--out %s → exit 2, %s, nothing touched", async (out, code) => {
    const before = snapshot(checkout);
    const run = await runParlex(["build", "--out", out], checkout);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toContain(`[${code}]`);
    expect(run.stderr.startsWith(`parlex build: ${out} `)).toBe(true);
    expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(snapshot(checkout)).toEqual(before);
    expect(readdirSync(checkout).filter((e) => e.startsWith(".parlex-"))).toEqual([]);
  });

  it("a folder holding the sources is refused even when it carries parlex's mark", async () => {
    const outer = path.join(scratch, "outer");
    cpSync(SMALL_SOURCES, path.join(outer, "tree", "sources"), { recursive: true });
    writeFileSync(path.join(outer, "tree", OUTPUT_MARK), OUTPUT_MARK_TEXT);
    const run = await runParlex(["build", "tree/sources", "--out", "tree"], outer);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("[output/sources]");
    expect(existsSync(path.join(outer, "tree", "sources", "people"))).toBe(true);
  });

  it("writes into a new folder, an empty one, and its own earlier output", async () => {
    const dir = path.join(scratch, "ordinary");
    cpSync(SMALL_SOURCES, path.join(dir, "sources"), { recursive: true });
    mkdirSync(path.join(dir, "empty"));
    for (const out of ["dist-data/next", "empty", "dist-data/next"]) {
      const run = await runParlex(["build", "--out", out, "--quiet", "--no-cache"], dir);
      expect(run.code, run.stderr).toBe(0);
      expect(readFileSync(path.join(dir, out, OUTPUT_MARK), "utf8")).toBe(OUTPUT_MARK_TEXT);
    }
    expect(readdirSync(dir).filter((e) => e.startsWith(".parlex-lock"))).toEqual([]);
  });
});

describe("a marked folder holding what parlex does not write, and folders in releases, are refused too", () => {
  const checkout = makeCheckout("marked");
  mkdirSync(path.join(checkout, "docs"));
  writeFileSync(path.join(checkout, "docs", "guide.md"), "mine\n");
  writeFileSync(path.join(checkout, "docs", OUTPUT_MARK), OUTPUT_MARK_TEXT);
  writeFileSync(path.join(checkout, "docs", SITE_MARK), "");
  const other = makeCheckout("other-project");
  // Another project's releases, with a planted mark: a site there would replace them.
  writeFileSync(path.join(other, "dist-data", SITE_MARK), "");
  const cases: [string, string, string][] = [
    ["build", "docs", "output/foreign-entries"],
    ["site", "docs", "output/foreign-entries"],
    ["build", "dist-data/1.0.0/extra", "output/releases"],
    ["site", "dist-data/1.0.0/site", "output/releases"],
    ["build", `${other}/dist-data/4.0.0`, "output/releases"],
    ["site", ".", "output/holds-working-folder"],
    ["site", "..", "output/holds-working-folder"],
    ["site", "sources", "output/sources"],
    ["site", ".git", "output/repository"],
    ["site", "dist-data", "output/releases"],
    ["site", "README.md", "output/is-file"],
    ["site", "notes", "output/not-parlex"],
    ["build", "dist-data/9.9.9/x", "output/releases"],
    ["site", "dist-data/9.9.9/site", "output/releases"],
    ["site", `${other}/dist-data`, "output/releases"],
  ];
  it.each(cases)("%s --out %s → exit 2, %s, nothing touched", async (command, out, code) => {
    const before = snapshot(checkout);
    const run = await runParlex([command, "--out", out], checkout);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toContain(`[${code}]`);
    expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(snapshot(checkout)).toEqual(before);
    expect(existsSync(path.join(other, "dist-data", "4.0.0"))).toBe(false);
  });

  it("a file manager's litter (.DS_Store) does not keep a build or a site from replacing its own output; a folder below an unpacked release is no release", async () => {
    const dir = path.join(scratch, "litter");
    cpSync(SMALL_SOURCES, path.join(dir, "sources"), { recursive: true });
    // Working inside an unpacked release (a datapackage.json and SHA256SUMS above): not a published release's folder.
    writeFileSync(path.join(dir, "datapackage.json"), "{}");
    writeFileSync(path.join(dir, "SHA256SUMS"), "");
    expect((await runParlex(["build", "--out", "out", "--quiet"], dir)).code).toBe(0);
    writeFileSync(path.join(dir, "out", ".DS_Store"), "");
    const again = await runParlex(["build", "--out", "out", "--quiet"], dir);
    expect({ code: again.code, stderr: again.stderr }).toEqual({ code: 0, stderr: "" });
  });

  it("what a build and a site write at their top is what OUTPUT_KINDS allows, so each replaces its own output again", async () => {
    const dir = path.join(scratch, "kinds");
    cpSync(SMALL_SOURCES, path.join(dir, "sources"), { recursive: true });
    for (const args of [["build", "--out", "out"], ["build", "--out", "out"], ["release", "--date", "2025-01-01"], ["site", "--out", "site"], ["site", "--out", "site"]]) {
      const run = await runParlex(args[0] === "release" ? args : [...args, "--quiet"], dir);
      expect(run.code, `${args.join(" ")}: ${run.stderr}`).toBe(0);
    }
    for (const [kind, folder] of [["build", "out"], ["site", "site"]] as const) {
      const { names, pattern } = OUTPUT_KINDS[kind];
      const entries = readdirSync(path.join(dir, folder));
      expect(entries.filter((e) => !names.has(e) && !(pattern?.test(e) ?? false))).toEqual([]);
      expect(entries).toContain(OUTPUT_KINDS[kind].mark);
    }
  });
});

describe("parlex release", () => {
  it("refuses a dist-data that is a file, exit 2, before touching anything", async () => {
    const dir = path.join(scratch, "release-file");
    cpSync(SMALL_SOURCES, path.join(dir, "sources"), { recursive: true });
    writeFileSync(path.join(dir, "dist-data"), "not a folder");
    const run = await runParlex(["release", "--date", "2025-01-01"], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("[output/is-file]");
    expect(readFileSync(path.join(dir, "dist-data"), "utf8")).toBe("not a folder");
    expect(existsSync(path.join(dir, "datapackage.json"))).toBe(false);
  });
});

// The root of the repository is never a place a test writes.
void ROOT;
