import type { Kind } from "../model/source-file.js";

/** Told of each id a record names: its kind, the id, and the path to it (reused: copy to keep). */
export type ReferenceVisitor = (target: Kind, id: string, path: readonly (string | number)[]) => void;

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
    { path: ["topics", "*"], target: "topic" },
    { path: ["quotes", "*", "speaker"], target: "person" },
    { path: ["quotes", "*", "document"], target: "document" },
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
 * Visit every reference a record makes to another record, in the order of the paths above.
 * It takes any parsed data — a record that failed its schema too — and follows only what is there.
 */
export function forEachReference(kind: Kind, record: unknown, visit: ReferenceVisitor): void {
  const at: (string | number)[] = [];
  for (const { path, target } of REFERENCE_PATHS[kind]) follow(record, path, 0, at, target, visit);
}

function follow(value: unknown, path: readonly string[], step: number, at: (string | number)[], target: Kind, visit: ReferenceVisitor): void {
  if (step === path.length) {
    if (typeof value === "string") visit(target, value, at);
    return;
  }
  const name = path[step]!;
  if (name === "*") {
    if (!Array.isArray(value)) return;
    for (let i = 0; i < value.length; i++) {
      at.push(i);
      follow(value[i], path, step + 1, at, target, visit);
      at.pop();
    }
  } else if (value !== null && typeof value === "object" && !Array.isArray(value) && Object.hasOwn(value, name)) {
    at.push(name);
    follow((value as Record<string, unknown>)[name], path, step + 1, at, target, visit);
    at.pop();
  }
}
