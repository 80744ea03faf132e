import { createHash } from "node:crypto";
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

const SOURCE_ROOT = fileURLToPath(new URL("../../", import.meta.url));
/**
 * What decides a file's check: the code it runs (every module check-file.ts imports, directly or
 * not — a test holds this list to the import graph), the schemas, the exact versions of the
 * libraries it runs (yaml, ajv, ajv-formats), which the lock file pins, and the versions of Node,
 * its ICU and Unicode data (added in toolkitDigest).
 */
export const TOOLKIT_PARTS = [
  "src/load",
  "src/catalogue",
  "src/model",
  "src/types",
  // All of validation — the per-file check, and the tree-wide checks whose findings are kept too —
  "src/validate",
  // and the speed layer itself (cache, stat index, workers): a change to how entries are stored or
  // keyed starts afresh.
  "src/speed",
  "schemas",
  "package.json",
  "package-lock.json",
];

/** What decides a package's bytes from checked records: all the code (normalizing, writing, describing), the schemas and the libraries. */
export const OUTPUT_PARTS = ["src", "schemas", "dataset.json", "package.json", "package-lock.json"];

let digest: Promise<string> | undefined;
let output: Promise<string> | undefined;

/** A digest of the toolkit code and schemas that a file's check depends on. */
export function toolkitDigest(): Promise<string> {
  digest ??= digestOf(TOOLKIT_PARTS);
  return digest;
}

/** A digest of everything that decides a built package's bytes besides the sources (see last-build.ts). */
export function outputDigest(): Promise<string> {
  output ??= digestOf(OUTPUT_PARTS);
  return output;
}

async function digestOf(parts: readonly string[]): Promise<string> {
  const hash = createHash("sha256");
  // The runtime too: text checks (Unicode normalization, scripts) depend on Node's ICU and Unicode data.
  const { node, icu, unicode } = process.versions;
  hash.update(`node ${node}\0icu ${icu ?? ""}\0unicode ${unicode ?? ""}\0`);
  for (const part of parts) {
    for (const file of await filesUnder(path.join(SOURCE_ROOT, part))) {
      hash.update(path.relative(SOURCE_ROOT, file)).update("\0").update(await readFile(file)).update("\0");
    }
  }
  return hash.digest("hex");
}

async function filesUnder(target: string): Promise<string[]> {
  const entries = await readdir(target, { withFileTypes: true }).catch(() => undefined);
  if (!entries) return [target];
  const nested = await Promise.all(entries.map((e) => filesUnder(path.join(target, e.name))));
  return nested.flat().sort();
}
