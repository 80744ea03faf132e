import { isRealDate } from "../model/dates.js";
import type { Field } from "./descriptor-schema.js";
import type { JsonCell } from "./json-rows.js";

/** A cell read and checked against its field: the logical value, or the problem (code and message). */
export type CellResult = { ok: true; value: JsonCell } | { ok: false; code: string; message: string };

/**
 * Checks one cell of a field: missing values, type, then constraints. Built once per field, run
 * per row: returns the logical value, or INVALID, whose reason `explain` gives. Millions of cells
 * pass, so the passing path allocates nothing.
 */
export interface CellCheck {
  (raw: unknown): JsonCell | typeof INVALID;
  /** Why a cell failed (or `ok` with its value): the slow path, run only on failure. */
  explain(raw: unknown): CellResult;
}

/** What a cell check returns for a cell that fails. */
export const INVALID: unique symbol = Symbol("invalid cell");

const DEFAULT_TRUE = ["true", "True", "TRUE", "1"];
const DEFAULT_FALSE = ["false", "False", "FALSE", "0"];
const INTEGER = /^[+-]?\d+$/;
const NUMBER = /^(?:[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?|NaN|INF|-INF)$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Compile the check of one field (Table Schema v2 types and constraints): `fromText` for CSV,
 * where every value is text to cast; otherwise JSON values, which must already have their type.
 * A primary-key field is required implicitly.
 */
export function compileCellCheck(field: Field, schemaMissing: readonly string[], inPrimaryKey: boolean, fromText: boolean): CellCheck {
  const missing = new Set(field.missingValues ?? schemaMissing);
  const c = field.constraints ?? {};
  const required = c.required === true || inPrimaryKey;
  const cast = caster(field, fromText);
  const pattern = c.pattern !== undefined ? new RegExp(`^(?:${c.pattern})$`, "u") : null;
  const allowed = c.enum ? new Set(c.enum.map(String)) : null;
  const { minimum, maximum, minLength, maxLength } = c;
  const explain = explainer(field, missing, required, cast, pattern, allowed);
  // Most schemas have one missing value (""): a comparison, where a set would hash every cell.
  const onlyMissing = missing.size === 1 ? [...missing][0]! : undefined;
  const isMissing = onlyMissing !== undefined ? (raw: string) => raw === onlyMissing : (raw: string) => missing.has(raw);
  // The same rules as `explain`, in the same order, without building a result per cell.
  const checked = (raw: unknown): JsonCell | typeof INVALID => {
    if (raw === null || raw === undefined || (typeof raw === "string" && isMissing(raw))) return required ? INVALID : null;
    const value = cast(raw);
    if (value === undefined) return INVALID;
    if (pattern !== null && typeof value === "string" && !pattern.test(value)) return INVALID;
    if (allowed !== null && !allowed.has(String(value))) return INVALID;
    if (minimum !== undefined && compare(value, minimum) < 0) return INVALID;
    if (maximum !== undefined && compare(value, maximum) > 0) return INVALID;
    if (typeof value === "string" && (minLength !== undefined || maxLength !== undefined)) {
      const length = [...value].length;
      if ((minLength !== undefined && length < minLength) || (maxLength !== undefined && length > maxLength)) return INVALID;
    }
    return value;
  };
  // A column repeats a value in runs (a table sorted by a key): such a cell is not checked again.
  let lastRaw: unknown = INVALID;
  let lastValue: JsonCell | typeof INVALID = INVALID;
  const check = ((raw: unknown) => {
    if (raw !== lastRaw) {
      lastValue = checked(raw);
      lastRaw = raw;
    }
    return lastValue;
  }) as CellCheck;
  check.explain = explain;
  return check;
}

function explainer(field: Field, missing: ReadonlySet<string>, required: boolean, cast: (raw: unknown) => JsonCell | undefined, pattern: RegExp | null, allowed: ReadonlySet<string> | null): (raw: unknown) => CellResult {
  const c = field.constraints ?? {};
  return (raw) => {
    if (raw === null || raw === undefined || (typeof raw === "string" && missing.has(raw))) {
      return required ? { ok: false, code: "data/required", message: `${field.name} is required but missing` } : { ok: true, value: null };
    }
    const value = cast(raw);
    if (value === undefined) return { ok: false, code: "data/type", message: `${field.name}: ${JSON.stringify(raw)} is not a valid ${field.type}${field.format && field.format !== "default" ? ` (${field.format})` : ""}` };
    if (pattern && typeof value === "string" && !pattern.test(value)) return { ok: false, code: "data/pattern", message: `${field.name}: ${JSON.stringify(value)} does not match ${c.pattern}` };
    if (allowed && !allowed.has(String(value))) return { ok: false, code: "data/enum", message: `${field.name}: ${JSON.stringify(value)} is not one of ${[...allowed].join(", ")}` };
    if (c.minimum !== undefined && compare(value, c.minimum) < 0) return { ok: false, code: "data/minimum", message: `${field.name}: ${JSON.stringify(value)} is below the minimum ${c.minimum}` };
    if (c.maximum !== undefined && compare(value, c.maximum) > 0) return { ok: false, code: "data/maximum", message: `${field.name}: ${JSON.stringify(value)} is above the maximum ${c.maximum}` };
    if (typeof value === "string" && c.minLength !== undefined && [...value].length < c.minLength) return { ok: false, code: "data/length", message: `${field.name}: shorter than ${c.minLength} characters` };
    if (typeof value === "string" && c.maxLength !== undefined && [...value].length > c.maxLength) return { ok: false, code: "data/length", message: `${field.name}: longer than ${c.maxLength} characters` };
    return { ok: true, value };
  };
}

/** The logical value of a raw cell for a field's type, or undefined when it is not one. */
function caster(field: Field, fromText: boolean): (raw: unknown) => JsonCell | undefined {
  const trueValues = new Set(field.trueValues ?? DEFAULT_TRUE);
  const falseValues = new Set(field.falseValues ?? DEFAULT_FALSE);
  switch (field.type) {
    case "string":
      return (raw) => (typeof raw === "string" ? raw : undefined);
    case "integer":
      return (raw) => (fromText ? (typeof raw === "string" && INTEGER.test(raw) ? Number(raw) : undefined) : Number.isInteger(raw) ? (raw as number) : undefined);
    case "number":
      return (raw) => (fromText ? (typeof raw === "string" && NUMBER.test(raw) ? Number(raw.replace("INF", "Infinity")) : undefined) : typeof raw === "number" ? raw : undefined);
    case "boolean":
      return (raw) => (!fromText ? (typeof raw === "boolean" ? raw : undefined) : typeof raw !== "string" ? undefined : trueValues.has(raw) ? true : falseValues.has(raw) ? false : undefined);
    case "date":
      if (field.format !== undefined && field.format !== "default") return (raw) => (typeof raw === "string" ? raw : undefined);
      return (raw) => (typeof raw === "string" && DATE.test(raw) && realDate(raw) ? raw : undefined);
    case "year":
      return (raw) => (fromText ? (typeof raw === "string" && /^\d{4}$/.test(raw) ? Number(raw) : undefined) : Number.isInteger(raw) ? (raw as number) : undefined);
    default:
      // Types this dataset does not publish (datetime, geopoint, …) pass unchecked rather than being guessed at.
      return (raw) => (typeof raw === "object" ? JSON.stringify(raw) : (raw as JsonCell));
  }
}

function compare(value: JsonCell, bound: string | number | boolean): number {
  if (typeof value === "number" && typeof bound === "number") return value - bound;
  return String(value) < String(bound) ? -1 : String(value) > String(bound) ? 1 : 0;
}

/** Dates repeat across rows: each distinct one is checked against the calendar once. */
const knownDates = new Map<string, boolean>();
function realDate(text: string): boolean {
  let real = knownDates.get(text);
  if (real === undefined) {
    if (knownDates.size > 100_000) knownDates.clear();
    knownDates.set(text, (real = isRealDate(text)));
  }
  return real;
}
