import { createHash } from "node:crypto";
import { appendFile, mkdir, readFile, readdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Kind } from "../../model/source-file.js";
import type { FileCheck } from "../check-file.js";

/**
 * A content-addressed cache of per-file checks. An entry's key hashes the file's bytes, its kind
 * and the toolkit itself (the code and schemas that parse and check a file), so an edited file, a
 * moved file of another kind, or a changed toolkit never meets an old entry. Entries hold no path:
 * the caller puts the file's current path back. The store is an append-only log, compacted when
 * most of it is stale.
 */
export class CheckCache {
  private readonly entries = new Map<string, FileCheck>();
  private readonly fresh = new Map<string, FileCheck>();
  private readonly used = new Set<string>();

  private constructor(
    private readonly file: string,
    private readonly toolkit: string,
  ) {}

  /** Open (or start) the cache in a folder; a missing or unreadable log is an empty cache. */
  static async open(dir: string): Promise<CheckCache> {
    const toolkit = await toolkitDigest();
    const cache = new CheckCache(path.join(dir, `checks-${toolkit.slice(0, 16)}.jsonl`), toolkit);
    const text = await readFile(cache.file, "utf8").catch(() => "");
    for (const line of text.split("\n")) {
      if (!line) continue;
      try {
        const [key, check] = JSON.parse(line) as [string, FileCheck];
        cache.entries.set(key, check);
      } catch {
        // A torn last line from an interrupted run: the entry is simply absent.
      }
    }
    return cache;
  }

  /** The key of a file's check. */
  keyOf(kind: Kind, bytes: Uint8Array): string {
    return createHash("sha256").update(this.toolkit).update("\0").update(kind).update("\0").update(bytes).digest("hex");
  }

  /** Every key the cache holds. */
  keys(): string[] {
    return [...this.entries.keys()];
  }

  get(key: string): FileCheck | undefined {
    const hit = this.entries.get(key);
    if (hit) this.used.add(key);
    return hit;
  }

  set(key: string, check: FileCheck): void {
    this.entries.set(key, check);
    this.fresh.set(key, check);
    this.used.add(key);
  }

  /** Persist new entries; rewrite the log without stale entries when they outnumber live ones. */
  async save(): Promise<void> {
    await mkdir(path.dirname(this.file), { recursive: true });
    const line = ([key, check]: [string, FileCheck]) => JSON.stringify([key, withoutFile(check)]) + "\n";
    if (this.entries.size > 2 * this.used.size + 1000) {
      const live = [...this.entries].filter(([key]) => this.used.has(key));
      const temporary = `${this.file}.${process.pid}.tmp`;
      await writeFile(temporary, live.map(line).join(""));
      await rename(temporary, this.file);
    } else if (this.fresh.size) {
      await appendFile(this.file, [...this.fresh].map(line).join(""));
    }
    this.fresh.clear();
  }
}

/** Remove the file path from a check's findings: an entry is shared by every file with these bytes. */
function withoutFile(check: FileCheck): FileCheck {
  const strip = (list: FileCheck["diagnostics"]) => list.map((d) => ({ ...d, file: "" }));
  return { record: check.record, diagnostics: strip(check.diagnostics), ...(check.shape ? { shape: strip(check.shape) } : {}) };
}

const SOURCE_ROOT = fileURLToPath(new URL("../../../", import.meta.url));
/**
 * What decides a file's check: the code it runs (every module check-file.ts imports, directly or
 * not — a test holds this list to the import graph), the schemas, and the exact versions of the
 * libraries it runs (yaml, ajv, ajv-formats), which the lock file pins.
 */
export const TOOLKIT_PARTS = [
  "src/load",
  "src/catalogue",
  "src/model",
  "src/types",
  "src/validate/check-file.ts",
  "src/validate/explain-schema-errors.ts",
  "src/validate/validate-shape.ts",
  "src/validate/source-schemas.ts",
  "schemas",
  "package.json",
  "package-lock.json",
];

let digest: Promise<string> | undefined;

/** A digest of the toolkit code and schemas that a file's check depends on. */
export function toolkitDigest(): Promise<string> {
  digest ??= (async () => {
    const hash = createHash("sha256");
    for (const part of TOOLKIT_PARTS) {
      for (const file of await filesUnder(path.join(SOURCE_ROOT, part))) {
        hash.update(path.relative(SOURCE_ROOT, file)).update("\0").update(await readFile(file)).update("\0");
      }
    }
    return hash.digest("hex");
  })();
  return digest;
}

async function filesUnder(target: string): Promise<string[]> {
  const entries = await readdir(target, { withFileTypes: true }).catch(() => undefined);
  if (!entries) return [target];
  const nested = await Promise.all(entries.map((e) => filesUnder(path.join(target, e.name))));
  return nested.flat().sort();
}
