import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";
import type { UnplacedDiagnostic } from "../model/diagnostic.js";
import type { Kind, LoadedFile } from "../model/source-file.js";
import { KINDS } from "../model/source-file.js";
import { readSourceSchemas, schemaFileOf } from "./source-schemas.js";
import { explainSchemaErrors } from "./explain-schema-errors.js";

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

/** Compiled validators for the six kinds. */
export type ShapeValidators = Record<Kind, ValidateFunction>;

/** Compile the source schemas once (strict mode: a schema mistake fails here, not silently). */
export function compileShapeValidators(schemas = readSourceSchemas()): ShapeValidators {
  const ajv = new Ajv({ allErrors: true, strict: true, verbose: true });
  addFormats(ajv);
  for (const schema of schemas.values()) ajv.addSchema(schema);
  const validators = {} as ShapeValidators;
  for (const kind of KINDS) {
    const validate = ajv.getSchema(schemaFileOf(kind));
    if (!validate) throw new Error(`schemas/${schemaFileOf(kind)} is missing`);
    validators[kind] = validate;
  }
  return validators;
}

let shipped: ShapeValidators | undefined;

/**
 * The validators of schemas/, compiled once per process: compiling takes longer than checking a
 * small tree, and a process that checks many trees (tests, the fuzzer) should not pay it each time.
 */
export function sourceShapeValidators(): ShapeValidators {
  shipped ??= compileShapeValidators();
  return shipped;
}

/** Check one parsed file against its kind's schema; an empty list means the shape is right. */
export function validateShape(file: LoadedFile, validators: ShapeValidators): UnplacedDiagnostic[] {
  const validate = validators[file.kind];
  if (validate(file.record)) return [];
  return explainSchemaErrors(file, (validate.errors ?? []) as ErrorObject[]);
}
