import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Diagnostic } from "../../src/model/diagnostic.js";
import { checkSourceTree, type CheckOptions } from "../../src/validate/check-source-tree.js";

/** A finding as the fixtures state it: code, file (relative to the fixture folder), line, column. */
export type Tuple = [code: string, file: string, line: number, column: number];

/** The folder holding one sub-folder per validation fixture. */
export const FIXTURES_DIR = fileURLToPath(new URL("../fixtures/validate/", import.meta.url));

/** Options a fixture may set in its options.json, as CLI-like names. */
interface FixtureOptions {
  /** Archive folder, relative to the fixture folder. */
  archive?: string;
}

/** Every fixture folder (one with a sources/ tree and an expected.json), by name. */
export function listFixtures(): string[] {
  return readdirSync(FIXTURES_DIR, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(path.join(FIXTURES_DIR, e.name, "expected.json")))
    .map((e) => e.name)
    .sort();
}

/** The tuples a fixture's expected.json lists. */
export function readExpected(name: string): Tuple[] {
  return JSON.parse(readFileSync(path.join(FIXTURES_DIR, name, "expected.json"), "utf8")) as Tuple[];
}

/** The check options a fixture's options.json asks for (none when it has no such file). */
export function readFixtureOptions(dir: string): CheckOptions {
  const file = path.join(dir, "options.json");
  const options = existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as FixtureOptions) : {};
  return { cwd: dir, ...(options.archive !== undefined ? { archiveDir: options.archive } : {}) };
}

/** A diagnostic reduced to what fixtures compare. */
export function toTuple(d: Diagnostic): Tuple {
  return [d.code, d.file, d.line, d.column];
}

/** Validate a fixture folder's sources/ as the CLI would with cwd at the folder. */
export async function checkFixture(dir: string, extra: CheckOptions = {}) {
  return checkSourceTree("sources", { ...readFixtureOptions(dir), ...extra });
}
