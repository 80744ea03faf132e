import type { CodeSpec } from "./code-spec.js";

/** Codes of the reference layer: ids unique, named after their files, and resolving. */
export const REFERENCE_CODES = {
  "ref/duplicate-id": {
    severity: "error",
    title: "Duplicate id",
    message: "The {kind} id `{id}` is already used by {other}.",
    hint: "Ids are unique across a kind: choose another id and rename the file to match.",
  },
  "ref/file-name": {
    severity: "error",
    title: "File name differs from id",
    message: "The id `{id}` does not match the file name `{name}`.",
    hint: "Rename the file to `{id}.yaml`, or correct the id.",
  },
  "ref/unknown-person": {
    severity: "error",
    title: "Unknown person",
    message: "No person has the id `{id}`.",
    hint: "{suggestion}",
  },
  "ref/unknown-body": {
    severity: "error",
    title: "Unknown body",
    message: "No body has the id `{id}`.",
    hint: "{suggestion}",
  },
  "ref/unknown-topic": {
    severity: "error",
    title: "Unknown topic",
    message: "No topic has the id `{id}`.",
    hint: "{suggestion}",
  },
  "ref/unknown-document": {
    severity: "error",
    title: "Unknown document",
    message: "No document has the id `{id}`.",
    hint: "{suggestion}",
  },
  "ref/unknown-visit": {
    severity: "error",
    title: "Unknown visit",
    message: "No visit has the id `{id}`.",
    hint: "{suggestion}",
  },
  "ref/parent-cycle": {
    severity: "error",
    title: "Parent cycle",
    message: "Following `parent` from `{id}` comes back to it: {cycle}.",
    hint: "A parent must be broader than its child: remove one `parent` in the cycle.",
  },
} as const satisfies Record<string, CodeSpec>;
