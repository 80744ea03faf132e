import type { ErrorObject } from "ajv";
import type { UnplacedDiagnostic } from "../model/diagnostic.js";
import type { LoadedFile } from "../model/source-file.js";
import { makeDiagnostic } from "../catalogue/make-diagnostic.js";
import { didYouMean, slugify } from "../model/closest.js";
import { fromPointer } from "../model/pointer.js";

type SchemaNode = { description?: string; title?: string; properties?: Record<string, SchemaNode> };

// Definitions are told apart by title: Ajv's schemaPath is relative to whichever schema a $ref entered.
const DATE_TITLES = new Set(["EventDate", "PartialDate", "DateRange"]);

/**
 * Turn Ajv's errors for one record into catalogue diagnostics: one finding per mistake,
 * in the contributor's words (a bad date is one `schema/date`, not three branch failures).
 */
export function explainSchemaErrors(file: LoadedFile, errors: ErrorObject[]): UnplacedDiagnostic[] {
  const place = (pointer: string, atKey = false) => ({ file: file.file, pointer, atKey });
  const dates = dateFailures(errors);
  const out: UnplacedDiagnostic[] = [];
  for (const error of errors) {
    if ([...dates.keys()].some((p) => error.instancePath === p || error.instancePath.startsWith(p + "/"))) continue;
    const where = error.instancePath;
    const parent = error.parentSchema as SchemaNode | undefined;
    const description = parent?.description ?? "";
    switch (error.keyword) {
      case "required": {
        const property = String(error.params.missingProperty);
        // The hint puts this in parentheses and ends the sentence itself: no final full stop.
        const about = lowerFirst(parent?.properties?.[property]?.description ?? "see the schema").replace(/\.$/, "");
        out.push(makeDiagnostic("schema/required", { property, description: about }, place(where)));
        break;
      }
      case "additionalProperties": {
        const property = String(error.params.additionalProperty);
        const known = Object.keys(parent?.properties ?? {});
        const suggestion = didYouMean(property, known, `Remove it; the known properties here are ${known.join(", ")}.`);
        out.push(makeDiagnostic("schema/unknown-property", { property, kind: file.kind }, place(`${where}/${escape(property)}`, true)));
        out[out.length - 1]!.hint = suggestion;
        break;
      }
      case "type":
        out.push(
          makeDiagnostic(
            "schema/type",
            { where: label(where), expected: typeName(String(error.params.type)), actual: actualType(error.data), description },
            place(where),
          ),
        );
        break;
      case "pattern":
        if (titleOf(error) === "Id") {
          const value = String(error.data);
          out.push(makeDiagnostic("schema/id", { value, suggestion: slugify(value) || "a-slug" }, place(where)));
        } else {
          const what = parent?.title ? humanTitle(parent.title) : `value for ${label(where)}`;
          out.push(makeDiagnostic("schema/pattern", { value: String(error.data), what, description }, place(where)));
        }
        break;
      case "enum":
        out.push(
          makeDiagnostic(
            "schema/enum",
            { value: String(error.data), allowed: (error.params.allowedValues as unknown[]).join(", ") },
            place(where),
          ),
        );
        break;
      case "minLength":
      case "maxLength": {
        const detail = error.keyword === "minLength" ? "must not be empty" : `is longer than ${error.params.limit} characters`;
        out.push(makeDiagnostic("schema/length", { where: label(where), detail, description }, place(where)));
        break;
      }
      case "minItems":
        out.push(makeDiagnostic("schema/items", { where: label(where), detail: `needs at least ${error.params.limit} item(s)`, description }, place(where)));
        break;
      case "maxItems":
        out.push(makeDiagnostic("schema/items", { where: label(where), detail: `has more than ${error.params.limit} items`, description }, place(where)));
        break;
      case "uniqueItems": {
        const later = Math.max(Number(error.params.i), Number(error.params.j));
        const earlier = Math.min(Number(error.params.i), Number(error.params.j));
        const detail = `repeats item ${earlier + 1} at item ${later + 1}`;
        out.push(makeDiagnostic("schema/items", { where: label(where), detail, description }, place(`${where}/${later}`)));
        break;
      }
      case "format":
        out.push(makeDiagnostic("schema/format", { value: String(error.data), format: String(error.params.format), description }, place(where)));
        break;
      case "dependencies":
        out.push(
          makeDiagnostic("schema/dependency", { property: String(error.params.property), missing: String(error.params.missingProperty) }, place(where)),
        );
        break;
      default:
        out.push(makeDiagnostic("schema/type", { where: label(where), expected: "a valid value", actual: actualType(error.data), description }, place(where)));
    }
  }
  for (const { value, pointer } of dates.values()) out.push(makeDiagnostic("schema/date", { value }, place(pointer)));
  return out;
}

/**
 * Dates that failed, by the pointer of the date: the offending text and where it is (the deepest
 * bad part of a range, so that a bad `end:` is pointed at rather than the whole range).
 */
function dateFailures(errors: ErrorObject[]): Map<string, { value: string; pointer: string }> {
  const failures = new Map<string, { value: string; pointer: string }>();
  for (const error of errors) {
    if (error.keyword === "oneOf" && titleOf(error) === "EventDate") {
      failures.set(error.instancePath, { value: describeValue(error.data), pointer: error.instancePath });
    }
  }
  for (const error of errors) {
    if (!DATE_TITLES.has(titleOf(error) ?? "") || error.keyword === "oneOf") continue;
    for (const pointer of failures.keys()) {
      if (error.instancePath.startsWith(pointer + "/") && typeof error.data === "string") {
        failures.set(pointer, { value: error.data, pointer: error.instancePath });
      }
    }
  }
  return failures;
}

function titleOf(error: ErrorObject): string | undefined {
  return (error.parentSchema as SchemaNode | undefined)?.title;
}

function describeValue(data: unknown): string {
  if (typeof data === "string") return data;
  if (data && typeof data === "object" && !Array.isArray(data)) return "{" + Object.keys(data).join(", ") + "}";
  return JSON.stringify(data) ?? String(data);
}

function label(pointer: string): string {
  const parts = fromPointer(pointer);
  return parts.length ? parts.join(".") : "the record";
}

function typeName(type: string): string {
  return { string: "text", array: "a list", object: "a mapping of keys to values" }[type] ?? type;
}

function actualType(data: unknown): string {
  if (Array.isArray(data)) return "a list";
  if (data === null || data === undefined) return "empty";
  if (typeof data === "object") return "a mapping";
  return "text";
}

function humanTitle(title: string): string {
  return { CountryCode: "country code", LanguageTag: "language tag", Sha256: "sha256 digest" }[title] ?? title;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function escape(segment: string): string {
  return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}
