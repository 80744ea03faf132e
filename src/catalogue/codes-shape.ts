import type { CodeSpec } from "./code-spec.js";

/** Codes of the shape layer: a record against its JSON Schema. */
export const SHAPE_CODES = {
  "schema/required": {
    severity: "error",
    title: "Missing required property",
    message: "The property `{property}` is required here but missing.",
    hint: "Add `{property}:` ({description}).",
  },
  "schema/unknown-property": {
    severity: "error",
    title: "Unknown property",
    message: "The property `{property}` is not part of the {kind} format.",
    hint: "{suggestion}",
  },
  "schema/type": {
    severity: "error",
    title: "Wrong type",
    message: "`{where}` must be {expected}, but it is {actual}.",
    hint: "Write {expected} here: {description}",
  },
  "schema/id": {
    severity: "error",
    title: "Malformed id",
    message: "`{value}` is not a valid id: ids are lowercase slugs of letters, digits and single hyphens.",
    hint: "Write it as `{suggestion}`.",
  },
  "schema/date": {
    severity: "error",
    title: "Malformed date",
    message: "`{value}` is not a date: write YYYY, YYYY-MM, YYYY-MM-DD, or a {start, end} range.",
    hint: "Write only the precision the documents give, e.g. `2022`, `2022-06` or `2022-06-28`.",
  },
  "schema/pattern": {
    severity: "error",
    title: "Value does not match its pattern",
    message: "`{value}` is not a valid {what}.",
    hint: "{description}",
  },
  "schema/enum": {
    severity: "error",
    title: "Value not in the allowed list",
    message: "`{value}` is not allowed here; allowed: {allowed}.",
    hint: "Use one of: {allowed}.",
  },
  "schema/length": {
    severity: "error",
    title: "Value too short or too long",
    message: "`{where}` {detail}.",
    hint: "{description}",
  },
  "schema/items": {
    severity: "error",
    title: "List too short, too long or with repeats",
    message: "`{where}` {detail}.",
    hint: "{description}",
  },
  "schema/format": {
    severity: "error",
    title: "Value not in its format",
    message: "`{value}` is not a valid {format}.",
    hint: "{description}",
  },
  "schema/dependency": {
    severity: "error",
    title: "Property needs another",
    message: "`{property}` is given, so `{missing}` is required too.",
    hint: "Add `{missing}:` or remove `{property}:`.",
  },
} as const satisfies Record<string, CodeSpec>;
