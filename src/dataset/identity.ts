import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import type { Ajv as AjvType, ErrorObject } from "ajv";

const require = createRequire(import.meta.url);

/** The repository's dataset identity file and its schema. */
export const IDENTITY_FILE = fileURLToPath(new URL("../../dataset.json", import.meta.url));
const IDENTITY_SCHEMA = fileURLToPath(new URL("../../schemas/dataset.schema.json", import.meta.url));

/** Who and what the dataset is: dataset.json, as schemas/dataset.schema.json allows it. */
export interface DatasetIdentity {
  name: string;
  title: string;
  description: string;
  keywords: string[];
  licence: { name: string; path: string; title: string };
  contributors: { title: string; roles: string[] }[];
  /** The source repository's URL, when known. */
  repository?: string;
  /** The published site's URL (ending in /), when known. */
  site?: string;
}

/** dataset.json is missing, unreadable or not as its schema allows: one plain line, exit 1. */
export class DatasetIdentityError extends Error {}

let cached: DatasetIdentity | undefined;

/** The dataset's identity, read and checked once (from the given file in tests). */
export function datasetIdentity(file = IDENTITY_FILE): DatasetIdentity {
  if (file === IDENTITY_FILE && cached) return cached;
  const identity = readIdentity(file);
  if (file === IDENTITY_FILE) cached = identity;
  return identity;
}

function readIdentity(file: string): DatasetIdentity {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new DatasetIdentityError(`${file}: ${error instanceof SyntaxError ? "not JSON: " : ""}${(error as Error).message}`);
  }
  const { Ajv } = require("ajv") as typeof import("ajv");
  const addFormats = require("ajv-formats") as (ajv: AjvType) => AjvType;
  const ajv = new Ajv({ allErrors: true, strict: true });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(IDENTITY_SCHEMA, "utf8")) as object);
  if (!validate(value)) {
    const first = (validate.errors ?? [])[0] as ErrorObject | undefined;
    throw new DatasetIdentityError(`${file}: ${first ? `${first.instancePath || "/"} ${first.message}` : "not as schemas/dataset.schema.json allows"}`);
  }
  return value as DatasetIdentity;
}

/** The descriptor's metadata from the identity, in the descriptor's key order. */
export function descriptorMetadata(identity: DatasetIdentity): Record<string, unknown> {
  return {
    name: identity.name,
    title: identity.title,
    description: identity.description,
    ...(identity.site ? { homepage: identity.site } : {}),
    keywords: identity.keywords,
    licenses: [{ name: identity.licence.name, path: identity.licence.path, title: identity.licence.title }],
    contributors: identity.contributors.map((c) => ({ title: c.title, roles: c.roles })),
  };
}

/** Who a citation names: the first contributor (the project as a whole, never a guessed person). */
export function citationAuthor(identity: DatasetIdentity): string {
  return identity.contributors[0]!.title;
}
