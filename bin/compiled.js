// Whether lib/ holds src/ compiled as it is now: then bin/parlex.js runs it without a TypeScript
// loader. Plain JavaScript, run before anything else, so it must stay cheap (about 10 ms).
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));
/** Where `npm run compile` writes, and the file in it that names the sources it was compiled from. */
export const LIB = "lib";
export const DIGEST_FILE = ".source-digest";

/**
 * What the compiled files follow from: every file under src/ and schemas/ (whose validators are
 * compiled ahead), the compiler's settings and its version (the lock file).
 */
export function sourceDigest(root = ROOT) {
  const hash = createHash("sha256");
  const files = ["src", "schemas"]
    .flatMap((folder) => {
      try {
        return readdirSync(path.join(root, folder), { recursive: true, withFileTypes: true });
      } catch {
        return [];
      }
    })
    .filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)))
    .sort();
  for (const file of [...files, "tsconfig.json", "tsconfig.lib.json", "package-lock.json"]) {
    let bytes;
    try {
      bytes = readFileSync(path.join(root, file));
    } catch {
      bytes = "(none)";
    }
    hash.update(file).update("\0").update(bytes).update("\0");
  }
  return hash.digest("hex");
}

/** The compiled CLI's entry when lib/ was compiled from the src/ there is now; otherwise undefined. */
export function compiledCli(root = ROOT) {
  let compiledFrom;
  try {
    compiledFrom = readFileSync(path.join(root, LIB, DIGEST_FILE), "utf8").trim();
  } catch {
    return undefined;
  }
  return compiledFrom === sourceDigest(root) ? path.join(root, LIB, "cli", "main.js") : undefined;
}
