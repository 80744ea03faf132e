import { createRequire } from "node:module";
import type { Ajv, ErrorObject, ValidateFunction } from "ajv";
import type { UnplacedDiagnostic } from "../model/diagnostic.js";
import type { Kind, LoadedFile } from "../model/source-file.js";
import { KINDS } from "../model/source-file.js";
import { parseSchemas, readSchemaTexts, schemaFileOf } from "./source-schemas.js";
import { explainSchemaErrors } from "./explain-schema-errors.js";
import { compileKind, loadStandaloneValidator, writeStandaloneValidators } from "./shape-standalone.js";

// Ajv and its formats are loaded when a schema is first compiled: a compiled CLI has the shipped
// schemas' validators compiled ahead (shape-standalone.ts) and need not load them at all.
const require = createRequire(import.meta.url);

/** Compiled validators for the six kinds. */
export type ShapeValidators = Record<Kind, ValidateFunction>;

/**
 * The validators of the source schemas (strict mode: a schema mistake fails when its validator is
 * first used, never silently). Each kind's validator is compiled when first used: a run that checks
 * one meeting file compiles the meeting schema only. Without `schemas`, they are schemas/'s, whose
 * validators a compiled CLI finds compiled ahead.
 *
 * JSON Schema counts a string's length in code points, which Ajv's `unicode` mode does by walking
 * every string (a tenth of a file's check). For text without surrogate pairs, code units and
 * code points are the same count, so such records go to validators compiled with
 * `unicode: false`; a record with any astral character goes to the exact ones.
 */
export function compileShapeValidators(schemas?: Map<string, Record<string, unknown>>): ShapeValidators {
  const shipped = schemas ? undefined : readSchemaTexts();
  const parsed = schemas ?? parseSchemas(shipped!);
  const exact = lazyValidators(parsed, true, shipped);
  const plain = lazyValidators(parsed, false, shipped);
  const validators = {} as ShapeValidators;
  for (const kind of KINDS) {
    const validate = ((record: unknown) => {
      const v = hasSurrogate(record) ? exact(kind) : plain(kind);
      const ok = v(record) as boolean;
      validate.errors = v.errors ?? null;
      return ok;
    }) as ValidateFunction;
    validate.schema = parsed.get(schemaFileOf(kind)) ?? {};
    validators[kind] = validate;
  }
  return validators;
}

/**
 * Each kind's validator, when first asked for: compiled ahead for the shipped schemas (their
 * texts given) when there is such code, else compiled by one Ajv instance (made when first needed).
 */
function lazyValidators(schemas: Map<string, Record<string, unknown>>, unicode: boolean, shipped?: ReadonlyMap<string, string>): (kind: Kind) => ValidateFunction {
  let ajv: Ajv | undefined;
  const compiled = new Map<Kind, ValidateFunction>();
  return (kind) => {
    let validate = compiled.get(kind) ?? (shipped && loadStandaloneValidator(kind, unicode, shipped));
    if (!validate) {
      ajv ??= schemaCompiler(schemas, unicode);
      validate = compileKind(ajv, kind);
    }
    compiled.set(kind, validate);
    return validate;
  };
}

/** The Ajv instance that compiles the schemas, all added; with `source`, it keeps each validator's code. */
function schemaCompiler(schemas: Map<string, Record<string, unknown>>, unicode: boolean, source = false): Ajv {
  const { Ajv } = require("ajv") as typeof import("ajv");
  const addFormats = require("ajv-formats") as (ajv: Ajv) => Ajv;
  // Ajv calls `unicode` deprecated (it still honours it) and says so on the console: that one
  // notice is dropped, every other warning still shows.
  const logger = { log: console.log, error: console.error, warn: (...args: unknown[]) => !/option unicode/.test(String(args[0])) && console.warn(...args) };
  const ajv = new Ajv({ allErrors: true, strict: true, verbose: true, unicode, logger, ...(source ? { code: { source: true } } : {}) });
  addFormats(ajv);
  for (const [name, schema] of schemas) {
    try {
      ajv.addSchema(schema);
    } catch (error) {
      throw new Error(`schemas/${name}: ${(error as Error).message}`, { cause: error });
    }
  }
  return ajv;
}

/** Compile schemas (the shipped ones by default) ahead into a folder (what `npm run compile` does for lib/: see shape-standalone.ts). */
export function compileShippedAhead(folder: string, texts = readSchemaTexts()): void {
  writeStandaloneValidators(folder, texts, (unicode) => schemaCompiler(parseSchemas(texts), unicode, true));
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
