import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";
import type { Kind } from "../model/source-file.js";

/** The folder holding the source format's JSON Schemas. */
export const SCHEMA_DIR = fileURLToPath(new URL("../../schemas/", import.meta.url));

/** Every schema in schemas/, parsed, by file name. */
export function readSourceSchemas(dir = SCHEMA_DIR): Map<string, Record<string, unknown>> {
  const schemas = new Map<string, Record<string, unknown>>();
  for (const name of readdirSync(dir).filter((n) => n.endsWith(".schema.json")).sort()) {
    schemas.set(name, JSON.parse(readFileSync(path.join(dir, name), "utf8")) as Record<string, unknown>);
  }
  return schemas;
}

/** The schema file that defines each kind. */
export function schemaFileOf(kind: Kind): string {
  return `${kind}.schema.json`;
}
