import { LOAD_CODES } from "./codes-load.js";
import { MEANING_CODES } from "./codes-meaning.js";
import { REFERENCE_CODES } from "./codes-references.js";
import { RELEASE_CODES } from "./codes-release.js";
import { RUN_CODES } from "./codes-run.js";
import { SHAPE_CODES } from "./codes-shape.js";

export type { CodeSpec } from "./code-spec.js";

/**
 * The catalogue of every code the toolkit reports, one file per stage. It is the single source
 * of truth: diagnostics are built from it and docs/errors.md is generated from it.
 */
export const CODES = { ...LOAD_CODES, ...SHAPE_CODES, ...REFERENCE_CODES, ...MEANING_CODES, ...RELEASE_CODES, ...RUN_CODES } as const;

/** Every code the toolkit can report. */
export type Code = keyof typeof CODES;
