import type { Kind } from "../model/source-file.js";
import { toPointer } from "../model/pointer.js";

/** One id a record names, with where it names it. */
export interface Reference {
  target: Kind;
  id: string;
  pointer: string;
}

/** Where each kind names other records: a path (`*` = every item of a list) and the kind it names. */
const REFERENCE_PATHS: Record<Kind, readonly { path: readonly string[]; target: Kind }[]> = {
  document: [],
  person: [
    { path: ["names", "*", "document"], target: "document" },
    { path: ["documents", "*"], target: "document" },
  ],
  body: [
    { path: ["names", "*", "document"], target: "document" },
    { path: ["documents", "*"], target: "document" },
    { path: ["parent"], target: "body" },
  ],
  topic: [{ path: ["parent"], target: "topic" }],
  visit: [
    { path: ["delegation", "body"], target: "body" },
    { path: ["delegation", "leader"], target: "person" },
    { path: ["documents", "*"], target: "document" },
  ],
  meeting: [
    { path: ["visit"], target: "visit" },
    { path: ["participants", "*", "person"], target: "person" },
    { path: ["participants", "*", "body"], target: "body" },
    { path: ["topics", "*"], target: "topic" },
    { path: ["quotes", "*", "speaker"], target: "person" },
    { path: ["quotes", "*", "document"], target: "document" },
    { path: ["documents", "*"], target: "document" },
  ],
};

/**
 * Every reference a record makes to another record, in document order of the paths above.
 * It takes any parsed data — a record that failed its schema too — and follows only what is there.
 */
export function referencesOf(kind: Kind, record: unknown): Reference[] {
  const refs: Reference[] = [];
  for (const { path, target } of REFERENCE_PATHS[kind]) {
    follow(record, path, [], (id, at) => refs.push({ target, id, pointer: toPointer(at) }));
  }
  return refs;
}

function follow(value: unknown, path: readonly string[], at: (string | number)[], found: (id: string, at: (string | number)[]) => void): void {
  if (path.length === 0) {
    if (typeof value === "string") found(value, at);
    return;
  }
  const [step, ...rest] = path;
  if (step === "*") {
    if (Array.isArray(value)) value.forEach((item, i) => follow(item, rest, [...at, i], found));
  } else if (value !== null && typeof value === "object" && !Array.isArray(value) && Object.hasOwn(value, step!)) {
    follow((value as Record<string, unknown>)[step!], rest, [...at, step!], found);
  }
}
