import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";
import type { Kind } from "../model/source-file.js";

/** The folder holding the source format's JSON Schemas. */
export const SCHEMA_DIR = fileURLToPath(new URL("../../schemas/", import.meta.url));

/** Every schema in schemas/, parsed, by file name. */
export function readSourceSchemas(dir = SCHEMA_DIR): Map<string, Record<string, unknown>> {
  return parseSchemas(readSchemaTexts(dir));
}

/** Every schema in schemas/, as text, by file name. */
export function readSchemaTexts(dir = SCHEMA_DIR): Map<string, string> {
  const texts = new Map<string, string>();
  for (const name of readdirSync(dir).filter((n) => n.endsWith(".schema.json")).sort()) texts.set(name, readFileSync(path.join(dir, name), "utf8"));
  return texts;
}

/** Schema texts parsed, by file name (a text that is not JSON throws, naming its file). */
export function parseSchemas(texts: ReadonlyMap<string, string>): Map<string, Record<string, unknown>> {
  return new Map(
    [...texts].map(([name, text]) => {
      try {
        return [name, JSON.parse(text) as Record<string, unknown>];
      } catch (error) {
        throw new Error(`schemas/${name}: ${(error as Error).message}`, { cause: error });
      }
    }),
  );
}

/** The schema file that defines each kind. */
export function schemaFileOf(kind: Kind): string {
  return `${kind}.schema.json`;
}
