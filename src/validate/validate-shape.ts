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

/**
 * The validators of the source schemas (strict mode: a schema mistake fails when its validator is
 * first used, never silently). Each kind's validator is compiled when first used: a run that checks
 * one meeting file compiles the meeting schema only.
 *
 * JSON Schema counts a string's length in code points, which Ajv's `unicode` mode does by walking
 * every string (a tenth of a file's check). For text without surrogate pairs, code units and
 * code points are the same count, so such records go to validators compiled with
 * `unicode: false`; a record with any astral character goes to the exact ones.
 */
export function compileShapeValidators(schemas = readSourceSchemas()): ShapeValidators {
  const exact = lazyValidators(schemas, true);
  const plain = lazyValidators(schemas, false);
  const validators = {} as ShapeValidators;
  for (const kind of KINDS) {
    const validate = ((record: unknown) => {
      const v = hasSurrogate(record) ? exact(kind) : plain(kind);
      const ok = v(record) as boolean;
      validate.errors = v.errors ?? null;
      return ok;
    }) as ValidateFunction;
    validate.schema = schemas.get(schemaFileOf(kind)) ?? {};
    validators[kind] = validate;
  }
  return validators;
}

/** Each kind's validator, compiled by one Ajv instance (made when first needed) when first asked for. */
function lazyValidators(schemas: ReturnType<typeof readSourceSchemas>, unicode: boolean): (kind: Kind) => ValidateFunction {
  let ajv: Ajv | undefined;
  const compiled = new Map<Kind, ValidateFunction>();
  return (kind) => {
    let validate = compiled.get(kind);
    if (validate) return validate;
    if (!ajv) {
      // Ajv calls `unicode` deprecated (it still honours it) and says so on the console: that one
      // notice is dropped, every other warning still shows.
      const logger = { log: console.log, error: console.error, warn: (...args: unknown[]) => !/option unicode/.test(String(args[0])) && console.warn(...args) };
      ajv = new Ajv({ allErrors: true, strict: true, verbose: true, unicode, logger });
      addFormats(ajv);
      for (const schema of schemas.values()) ajv.addSchema(schema);
    }
    validate = ajv.getSchema(schemaFileOf(kind));
    if (!validate) throw new Error(`schemas/${schemaFileOf(kind)} is missing`);
    compiled.set(kind, validate);
    return validate;
  };
}

const SURROGATE = /[\uD800-\uDFFF]/;

/** Whether any string in a parsed record (keys included) holds a UTF-16 surrogate. */
export function hasSurrogate(value: unknown): boolean {
  // An explicit stack, not recursion, like every walk over hostile input.
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (typeof item === "string") {
      if (SURROGATE.test(item)) return true;
    } else if (Array.isArray(item)) {
      for (const inner of item) stack.push(inner);
    } else if (item !== null && typeof item === "object") {
      for (const key in item) {
        if (SURROGATE.test(key)) return true;
        stack.push((item as Record<string, unknown>)[key]);
      }
    }
  }
  return false;
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
