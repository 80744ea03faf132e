import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Ajv, ValidateFunction } from "ajv";
import type { Kind } from "../model/source-file.js";
import { KINDS } from "../model/source-file.js";
import { schemaFileOf } from "./source-schemas.js";

// The shipped schemas' validators, compiled ahead: `npm run compile` has Ajv write each kind's
// validator as code (its "standalone" output) beside the compiled validate-shape.js, and a
// compiled CLI loads the one it needs instead of loading Ajv and compiling the schemas, a tenth
// of a second a process. The code is used only while the schemas are the ones it was made from
// (a digest of their text is written with it); src/ run through tsx compiles them as it goes.

const require = createRequire(import.meta.url);
/** The folder beside this module (in lib/ only) that holds the compiled-ahead validators. */
const FOLDER = fileURLToPath(new URL("./shape-validators/", import.meta.url));
const DIGEST_FILE = "schemas.sha256";

/** A validator's file: its kind and whether it counts string lengths in code points (see validate-shape.ts). */
function standaloneFile(kind: Kind, unicode: boolean): string {
  return `${kind}-${unicode ? "exact" : "plain"}.cjs`;
}

/** A digest of the schemas' texts, by file name, in order. */
function schemasDigest(texts: ReadonlyMap<string, string>): string {
  const hash = createHash("sha256");
  for (const [name, text] of [...texts].sort(([a], [b]) => (a < b ? -1 : 1))) hash.update(name).update("\0").update(text).update("\0");
  return hash.digest("hex");
}

/**
 * Write every kind's validator, with and without exact Unicode lengths, as CommonJS code into a
 * folder, with the digest of the schema texts they were made from. `ajvFor` makes the Ajv
 * instance (with `code.source` on) that compiles them, the schemas added.
 */
export function writeStandaloneValidators(folder: string, texts: ReadonlyMap<string, string>, ajvFor: (unicode: boolean) => Ajv): void {
  const standaloneCode = require("ajv/dist/standalone") as { default: (ajv: Ajv, validate: ValidateFunction) => string };
  mkdirSync(folder, { recursive: true });
  for (const unicode of [false, true]) {
    const ajv = ajvFor(unicode);
    for (const kind of KINDS) {
      const validate = compileKind(ajv, kind);
      writeFileSync(path.join(folder, standaloneFile(kind, unicode)), standaloneCode.default(ajv, validate));
    }
  }
  writeFileSync(path.join(folder, DIGEST_FILE), schemasDigest(texts) + "\n");
}

/** A kind's validator, compiled by an Ajv instance its schemas were added to; a schema it cannot compile (strict mode, a bad reference) throws, naming its file. */
export function compileKind(ajv: Ajv, kind: Kind): ValidateFunction {
  let validate: ValidateFunction | undefined;
  try {
    validate = ajv.getSchema(schemaFileOf(kind));
  } catch (error) {
    throw new Error(`schemas/${schemaFileOf(kind)}: ${(error as Error).message}`, { cause: error });
  }
  if (!validate) throw new Error(`schemas/${schemaFileOf(kind)} is missing`);
  return validate;
}

/**
 * The compiled-ahead validator of a kind, if there is one beside this module and it was made
 * from these schema texts; otherwise undefined (the caller compiles the schemas).
 */
export function loadStandaloneValidator(kind: Kind, unicode: boolean, texts: ReadonlyMap<string, string>, folder = FOLDER): ValidateFunction | undefined {
  try {
    if (readFileSync(path.join(folder, DIGEST_FILE), "utf8").trim() !== schemasDigest(texts)) return undefined;
    return require(path.join(folder, standaloneFile(kind, unicode))) as ValidateFunction;
  } catch {
    // None there (src/), or a part missing (lib/ being replaced, say): the caller compiles them.
    return undefined;
  }
}
