import { readdirSync, readFileSync } from "node:fs";
import { mkdir, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseSourceBytes } from "../../src/load/parse-source-bytes.js";
import type { ValidationReport } from "../../src/validate/build-report.js";
import { runParlex } from "../helpers/cli.js";
import { toTuple, type Tuple } from "../helpers/fixtures.js";
import { copyFixture } from "../helpers/temp-tree.js";

/*
 * The hostile corpus: tests/hardening/cases/<name>.json, one hostile file each. A case is dropped
 * into a copy of tests/fixtures/validate/valid-minimal (replacing a file there or adding one) and
 * validated with the real CLI in-process; its findings must be exactly the case's `expected`
 * [code, file, line, column] tuples. Used by tests/hardening/corpus.test.ts and scripts/robustness.ts.
 */

/** What the toolkit does with a hostile input, as docs/robustness.md states it. */
export type Policy = "reject" | "warn" | "accept" | "ignore";

/**
 * How a case's bytes are made: literal text (JSON escapes give any character), raw bytes (for
 * invalid UTF-8), or a unit repeated N times with `{i}` replaced by 0…N-1 (for the 10 MB string,
 * 10,000 levels of nesting, 100,000 participants), concatenated.
 */
export type Part = string | { bytes: number[] } | { repeat: string; times: number };

/** One case, as its JSON file states it. */
export interface HostileCase {
  /** The file's name without `.json`. */
  name: string;
  /** What is hostile about it, in one line. */
  about: string;
  policy: Policy;
  /** Where the hostile file goes, relative to the tree (under sources/). */
  target: string;
  /** The file's bytes, or a symbolic link made at run time (target as written in the link). */
  content: Part[] | { link: string };
  /** For an accepted case: the plain text (LF, no BOM) whose record the case must equal. */
  sameAs?: string;
  /** Every finding, in report order; file relative to the tree. */
  expected: Tuple[];
}

/** The folder of case files. */
export const CASES_DIR = fileURLToPath(new URL("./cases/", import.meta.url));

/** Source files in valid-minimal: a case that is ignored leaves the count there. */
export const BASE_FILES = 9;

/** Every case, by name. */
export function listHostileCases(): HostileCase[] {
  return readdirSync(CASES_DIR)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => ({ name: f.slice(0, -".json".length), ...(JSON.parse(readFileSync(path.join(CASES_DIR, f), "utf8")) as Omit<HostileCase, "name">) }));
}

/** The bytes a list of parts makes. */
export function partsBytes(parts: readonly Part[]): Uint8Array {
  const chunks = parts.map((part) => {
    if (typeof part === "string") return Buffer.from(part, "utf8");
    if ("bytes" in part) return Buffer.from(part.bytes);
    const unit = part.repeat;
    if (!unit.includes("{i}")) return Buffer.from(unit.repeat(part.times), "utf8");
    return Buffer.from(Array.from({ length: part.times }, (_, i) => unit.replaceAll("{i}", String(i))).join(""), "utf8");
  });
  return Buffer.concat(chunks);
}

/** Put a case's hostile file (or link) into a tree. */
export async function plantCase(c: HostileCase, dir: string): Promise<void> {
  const target = path.join(dir, c.target);
  await mkdir(path.dirname(target), { recursive: true });
  if ("link" in c.content) await symlink(c.content.link, target);
  else await writeFile(target, partsBytes(c.content));
}

/** What validating a tree with one hostile case gave. */
export interface CaseOutcome {
  name: string;
  /** The CLI's exit code: 0 or 1, never 2 or 3. */
  code: number;
  stderr: string;
  report: ValidationReport | undefined;
  tuples: Tuple[];
  /** For an accepted case: the record parsed from the case and from its plain text. */
  records?: { hostile: unknown; plain: unknown };
  ms: number;
}

/** Validate valid-minimal (with its archive, so a clean tree has no finding at all) plus one case. */
export async function runHostileCase(c: HostileCase): Promise<CaseOutcome> {
  const tree = await copyFixture("valid-minimal");
  try {
    await plantCase(c, tree.dir);
    const started = performance.now();
    const run = await runParlex(["validate", "--archive", "archive", "--no-cache", "--format", "json"], tree.dir);
    const ms = performance.now() - started;
    const report = run.code === 0 || run.code === 1 ? (JSON.parse(run.stdout) as ValidationReport) : undefined;
    const outcome: CaseOutcome = { name: c.name, code: run.code, stderr: run.stderr, report, tuples: report?.diagnostics.map(toTuple) ?? [], ms };
    if (c.sameAs !== undefined && !("link" in c.content)) {
      const hostile = parseSourceBytes(c.target, partsBytes(c.content)).record;
      const plain = parseSourceBytes(c.target, Buffer.from(c.sameAs, "utf8")).record;
      outcome.records = { hostile, plain };
    }
    return outcome;
  } finally {
    await tree.remove();
  }
}
