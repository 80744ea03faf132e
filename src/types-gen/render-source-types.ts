import { compile } from "json-schema-to-typescript";
import { KINDS } from "../model/source-file.js";
import { readSourceSchemas, schemaFileOf } from "../validate/source-schemas.js";

const BANNER = "/* Generated from schemas/ by `npm run gen:types`. Do not edit: change the schema and regenerate. */";

/** Render one TypeScript file per source kind, plus an index, from the JSON Schemas. */
export async function renderSourceTypes(): Promise<Map<string, string>> {
  const schemas = readSourceSchemas();
  const files = new Map<string, string>();
  const exports: string[] = [];
  for (const kind of KINDS) {
    const name = schemaFileOf(kind);
    const schema = structuredClone(schemas.get(name)!);
    // Inline the shared definitions so each kind compiles on its own, without network or file lookups.
    const resolved = inlineRefs(schema, schemas) as Parameters<typeof compile>[0];
    const ts = await compile(resolved, kind, {
      bannerComment: BANNER,
      additionalProperties: false,
      declareExternallyReferenced: true,
      strictIndexSignatures: true,
      format: true,
      style: { singleQuote: false, printWidth: 110 },
    });
    files.set(`${kind}.ts`, ts);
    exports.push(`export type { ${kind.charAt(0).toUpperCase() + kind.slice(1)} } from "./${kind}.js";`);
  }
  files.set("index.ts", `${BANNER}\n${exports.join("\n")}\n`);
  return files;
}

/** Replace `$ref`s to defs.schema.json (and local ones inside it) with the definitions, keeping titles for names. */
function inlineRefs(node: unknown, schemas: Map<string, Record<string, unknown>>): unknown {
  const defs = (schemas.get("defs.schema.json")?.definitions ?? {}) as Record<string, unknown>;
  const walk = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(walk);
    if (!value || typeof value !== "object") return value;
    const object = value as Record<string, unknown>;
    if (typeof object.$ref === "string") {
      const match = /(?:defs\.schema\.json)?#\/definitions\/(\w+)$/.exec(object.$ref);
      if (!match) throw new Error(`unexpected $ref ${object.$ref}`);
      const { $ref: _ref, ...siblings } = object;
      return { ...(walk(defs[match[1]!]) as object), ...siblings };
    }
    return Object.fromEntries(Object.entries(object).map(([k, v]) => [k, walk(v)]));
  };
  return walk(node);
}
