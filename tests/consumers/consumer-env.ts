import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, it } from "vitest";

/** The repository root (tests/consumers/ is two levels down). */
export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
/** The driver scripts that load a package with load.py / load.R and dump what they read as JSON. */
export const DRIVERS = fileURLToPath(new URL("./drivers/", import.meta.url));

/** CI sets this (.ci/run): an absent consumer then fails its tests instead of skipping them. */
export const REQUIRE_CONSUMERS = process.env.PARLEX_REQUIRE_CONSUMERS === "1";

/** What a Table Schema field of the built descriptor says (the parts the consumers read). */
export interface FieldDescriptor {
  name: string;
  type: "string" | "date" | "integer" | "boolean";
  description: string;
  categories?: string[];
  categoriesOrdered?: boolean;
  constraints?: { required?: boolean };
}
export interface ResourceDescriptor {
  name: string;
  type?: string;
  path: string;
  format: string;
  hash: string;
  /** Absent on JSON resources (a frictionless-py defect; see describePackage). */
  bytes?: number;
  schema?: { fields: FieldDescriptor[] };
}
export interface PackageDescriptor {
  resources: ResourceDescriptor[];
}

/** A built package in a temporary folder, with its descriptor and the rows of its JSON files. */
export interface BuiltPackage {
  dir: string;
  descriptor: PackageDescriptor;
  /** The CSV table resources (one per table; resource name = table name), in descriptor order. */
  tables: ResourceDescriptor[];
  /** A table's rows as json/<table>.json holds them, as arrays in the schema's field order. */
  jsonRows(table: string): unknown[][];
  remove(): void;
}

/** A temporary folder under the OS temp dir, removed by the caller. */
export function tempDir(prefix: string): string {
  return mkdtempSync(path.join(tmpdir(), `parlex-${prefix}-`));
}

/** Build a package from a sources folder by running the real CLI, as a user would. */
export function buildPackage(sources: string, prefix = "consumers"): BuiltPackage {
  const parent = tempDir(prefix);
  const dir = path.join(parent, "package");
  const result = run(process.execPath, [path.join(ROOT, "bin/parlex.js"), "build", sources, "--out", dir, "--quiet"], { cwd: ROOT });
  if (result.status !== 0) {
    rmSync(parent, { recursive: true, force: true });
    throw new Error(`parlex build ${sources} failed (exit ${result.status}):\n${result.stdout}${result.stderr}`);
  }
  return openPackage(dir, () => rmSync(parent, { recursive: true, force: true }));
}

/** A copy of a built package (to alter without touching the original). */
export function copyPackage(pkg: BuiltPackage, prefix: string): BuiltPackage {
  const parent = tempDir(prefix);
  const dir = path.join(parent, "package");
  cpSync(pkg.dir, dir, { recursive: true });
  return openPackage(dir, () => rmSync(parent, { recursive: true, force: true }));
}

export function openPackage(dir: string, remove: () => void): BuiltPackage {
  const descriptor = JSON.parse(readFileSync(path.join(dir, "datapackage.json"), "utf8")) as PackageDescriptor;
  const tables = descriptor.resources.filter((r) => r.type === "table" && r.format === "csv");
  return {
    dir,
    descriptor,
    tables,
    jsonRows(table) {
      const resource = tables.find((r) => r.name === table);
      if (!resource?.schema) throw new Error(`no CSV table resource ${table}`);
      const names = resource.schema.fields.map((f) => f.name);
      const rows = JSON.parse(readFileSync(path.join(dir, "json", `${table}.json`), "utf8")) as Record<string, unknown>[];
      return rows.map((row) => names.map((n) => row[n]));
    },
    remove,
  };
}

/** Run a program to completion, capturing UTF-8 output. */
export function run(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): SpawnSyncReturns<string> {
  return spawnSync(command, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024, timeout: 60_000, ...options });
}

function works(command: string, args: string[]): boolean {
  const result = run(command, args);
  return result.status === 0;
}

/**
 * A Python that has pandas: $PARLEX_PYTHON, else `python3` on the PATH, else /usr/bin/python3
 * (Debian's python3-pandas installs for the system Python only). Null when none has pandas.
 */
export function findPandasPython(): string | null {
  const candidates = process.env.PARLEX_PYTHON ? [process.env.PARLEX_PYTHON] : ["python3", "/usr/bin/python3"];
  return candidates.find((python) => works(python, ["-c", "import pandas"])) ?? null;
}

/** An Rscript with readr and jsonlite: $PARLEX_RSCRIPT, else `Rscript`. Null when absent. */
export function findRscript(): string | null {
  const candidates = process.env.PARLEX_RSCRIPT ? [process.env.PARLEX_RSCRIPT] : ["Rscript", "/usr/bin/Rscript"];
  return candidates.find((r) => works(r, ["-e", "suppressMessages({library(readr); library(jsonlite)})"])) ?? null;
}

/**
 * The reference validator, frictionless-py's `frictionless` (5.19.0, installed offline by
 * ../shared/tools/install-frictionless.sh): $PARLEX_FRICTIONLESS (.ci/run sets it), else
 * `frictionless` on the PATH, else the install script's default venv. Null when none runs.
 */
export function findFrictionless(): string | null {
  const venv = path.join(homedir(), ".cache/parlex/frictionless/bin/frictionless");
  const candidates = process.env.PARLEX_FRICTIONLESS ? [process.env.PARLEX_FRICTIONLESS] : ["frictionless", venv];
  return candidates.find((f) => works(f, ["--version"])) ?? null;
}

/**
 * A suite that needs a consumer program. Present: the suite runs. Absent: it is skipped with a
 * message naming the consumer, unless PARLEX_REQUIRE_CONSUMERS=1, where it fails instead.
 */
export function describeWithConsumer(title: string, consumer: string | null, missing: string, body: (consumer: string) => void): void {
  if (consumer === null && REQUIRE_CONSUMERS) {
    describe(title, () => {
      it(`needs ${missing}`, () => {
        throw new Error(`${missing} is not installed, and PARLEX_REQUIRE_CONSUMERS=1 requires it (run .ci/run, or install it)`);
      });
    });
    return;
  }
  if (consumer === null) console.warn(`[parlex] skipping "${title}": ${missing} is not installed (set PARLEX_REQUIRE_CONSUMERS=1 to fail instead)`);
  describe.skipIf(consumer === null)(consumer === null ? `${title} (skipped: ${missing} is not installed)` : title, () => body(consumer ?? ""));
}

/** A dump written by a driver script: per table, what the consumer read. */
export interface ConsumerTable {
  rows: number;
  columns: string[];
  /** pandas: the dtype's name; R: the column's class vector joined by "/". */
  types: Record<string, string>;
  /** For categorical columns: the categories (pandas) or levels (R), in order. */
  levels: Record<string, string[] | null>;
  ordered: Record<string, boolean | null>;
  /** The values, row by row in column order: dates as YYYY-MM-DD, missing as null. */
  data: unknown[][];
}
export type ConsumerDump = Record<string, ConsumerTable>;

/** Run a driver on a package and read the JSON it writes; throws with the driver's stderr on failure. */
export function dumpWith(command: string, driver: string, packageDir: string): ConsumerDump {
  const out = path.join(tempDir("dump"), "dump.json");
  try {
    const result = run(command, [path.join(DRIVERS, driver), packageDir, out]);
    if (result.status !== 0) throw new Error(`${command} ${driver} failed (exit ${result.status}):\n${result.stdout}${result.stderr}`);
    return JSON.parse(readFileSync(out, "utf8")) as ConsumerDump;
  } finally {
    rmSync(path.dirname(out), { recursive: true, force: true });
  }
}
