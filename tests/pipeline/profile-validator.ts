import { readFileSync } from "node:fs";
import path from "node:path";
import { Ajv } from "ajv";
import addFormatsModule from "ajv-formats";

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

/** The shared folder beside the project: the official Frictionless profiles live there. */
export const PROFILES_DIR = path.resolve(import.meta.dirname, "../../../shared/frictionless/profiles");

/**
 * The official Data Package 2.0 profile, compiled with Ajv, patched only for the defects that
 * ../shared/frictionless/SOURCE.md lists (each patch below names its defect).
 */
export function compileDataPackageProfile(): (descriptor: unknown) => { valid: boolean; errors: unknown[] } {
  const profile = JSON.parse(readFileSync(path.join(PROFILES_DIR, "datapackage.json"), "utf8"));
  const resource = profile.properties.resources.items;
  const schema = resource.properties.schema;
  // Defect 1 (datapackage#965): `fieldsMatch` is typed as an array with a misspelled `item`; the spec says a string.
  schema.properties.fieldsMatch = { type: "string", enum: ["exact", "equal", "subset", "superset", "partial"] };
  // Defect 2 (datapackage#1089): the `list` field type is missing from the field `oneOf`.
  schema.properties.fields.items.oneOf.push({
    type: "object",
    required: ["name", "type"],
    properties: { name: { type: "string" }, type: { enum: ["list"] }, delimiter: { type: "string" }, itemType: { type: "string" } },
  });
  // Defect 3: `dialect` accepts only an object; the spec also allows a URL-or-path string.
  resource.properties.dialect = { anyOf: [resource.properties.dialect, { type: "string" }] };
  // The built profiles carry non-standard keywords and a `textarea` format (SPEC-NOTES.md §0).
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addFormat("textarea", true);
  const validate = ajv.compile(profile);
  return (descriptor) => ({ valid: validate(descriptor) as boolean, errors: validate.errors ?? [] });
}
