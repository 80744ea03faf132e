import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

/** Every file under a folder (relative path with `/` → bytes), or undefined when the folder is absent. */
export async function snapshotFolder(dir: string): Promise<Map<string, Buffer> | undefined> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => undefined);
  if (!entries) return undefined;
  const files = new Map<string, Buffer>();
  for (const entry of entries.filter((e) => e.isFile())) {
    const absolute = path.join(entry.parentPath, entry.name);
    files.set(path.relative(dir, absolute).split(path.sep).join("/"), await readFile(absolute));
  }
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** True when two snapshots hold the same files with the same bytes (both absent counts as equal). */
export function sameSnapshot(a: Map<string, Buffer> | undefined, b: Map<string, Buffer> | undefined): boolean {
  if (!a || !b) return a === b;
  return a.size === b.size && [...a].every(([file, bytes]) => b.get(file)?.equals(bytes) === true);
}

/** Files a package holds besides its resources: the descriptor, the loaders, the data dictionary and parlex's mark. */
const NOT_RESOURCES = new Set(["datapackage.json", "load.py", "load.R", "load.sql", "DATA-DICTIONARY.md", ".parlex-output"]);

/**
 * What is wrong with a built package folder as a whole: a resource missing, or with other bytes or
 * another sha256 than its descriptor says, or a file the descriptor does not explain. Empty when complete.
 */
export function checkPackageFiles(files: Map<string, Buffer>): string[] {
  const descriptorBytes = files.get("datapackage.json");
  if (!descriptorBytes) return ["datapackage.json is missing"];
  let resources: { path: string; bytes?: number; hash?: string }[];
  try {
    resources = (JSON.parse(descriptorBytes.toString("utf8")) as { resources: { path: string; bytes?: number; hash?: string }[] }).resources;
  } catch (error) {
    return [`datapackage.json is not JSON: ${(error as Error).message}`];
  }
  const problems: string[] = [];
  for (const resource of resources) {
    const bytes = files.get(resource.path);
    if (!bytes) problems.push(`${resource.path} is missing`);
    else if (resource.bytes !== undefined && bytes.length !== resource.bytes) problems.push(`${resource.path} has ${bytes.length} bytes; the descriptor says ${resource.bytes}`);
    else if (`sha256:${createHash("sha256").update(bytes).digest("hex")}` !== resource.hash) problems.push(`${resource.path} does not match its hash`);
  }
  const described = new Set(resources.map((r) => r.path));
  for (const file of files.keys()) if (!described.has(file) && !NOT_RESOURCES.has(file)) problems.push(`${file} is not in the descriptor`);
  return problems;
}
