import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";

/** The repository's dataset identity file and its schema. */
export const IDENTITY_FILE = fileURLToPath(new URL("../../dataset.json", import.meta.url));
/** The identity's JSON Schema, its documented contract. */
export const IDENTITY_SCHEMA = fileURLToPath(new URL("../../schemas/identity/dataset.schema.json", import.meta.url));

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

/**
 * The identity's shape, as schemas/identity/dataset.schema.json gives it (a test holds the two
 * together). zod rather than Ajv here: a build must not load Ajv, which the compiled CLI spares it.
 */
const Identity = z
  .object({
    $schema: z.string().optional(),
    name: z.string().max(100).regex(/^[a-z0-9][a-z0-9._-]*$/),
    title: z.string().min(1).max(200),
    description: z.string().min(1),
    keywords: z.array(z.string().min(1)).refine((k) => new Set(k).size === k.length, "must not repeat a keyword"),
    licence: z.object({ name: z.string().regex(/^[A-Za-z0-9.+-]+$/), path: z.url().regex(/^https:\/\//), title: z.string().min(1) }).strict(),
    contributors: z.array(z.object({ title: z.string().min(1), roles: z.array(z.string().min(1)).min(1) }).strict()).min(1),
    repository: z.url().regex(/^https:\/\//).optional(),
    site: z.url().regex(/^https:\/\/.*\/$/).optional(),
  })
  .strict();

function readIdentity(file: string): DatasetIdentity {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new DatasetIdentityError(`${file}: ${error instanceof SyntaxError ? "not JSON: " : ""}${(error as Error).message}`);
  }
  const parsed = Identity.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new DatasetIdentityError(`${file}: /${issue.path.join("/")} ${issue.message}`);
  }
  const { $schema: _, ...identity } = parsed.data;
  return identity as DatasetIdentity;
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
