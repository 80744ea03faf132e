import type { Kind } from "../model/source-file.js";
import type { RecordOf } from "../model/source-index.js";

/** One id a record names, with where it names it. */
export interface Reference {
  target: Kind;
  id: string;
  pointer: string;
}

/** Every reference a shape-checked record makes to another record. */
export function referencesOf<K extends Kind>(kind: K, record: RecordOf[K]): Reference[] {
  const refs: Reference[] = [];
  const add = (target: Kind, id: string | undefined, pointer: string) => {
    if (id !== undefined) refs.push({ target, id, pointer });
  };
  const addDocuments = (ids: readonly string[] | undefined, base = "/documents") =>
    ids?.forEach((id, i) => add("document", id, `${base}/${i}`));
  const addNames = (names: readonly { document?: string }[] | undefined) =>
    names?.forEach((n, i) => add("document", n.document, `/names/${i}/document`));

  switch (kind) {
    case "person": {
      const r = record as RecordOf["person"];
      addNames(r.names);
      addDocuments(r.documents);
      break;
    }
    case "body": {
      const r = record as RecordOf["body"];
      addNames(r.names);
      addDocuments(r.documents);
      add("body", r.parent, "/parent");
      break;
    }
    case "topic":
      add("topic", (record as RecordOf["topic"]).parent, "/parent");
      break;
    case "visit": {
      const r = record as RecordOf["visit"];
      add("body", r.delegation.body, "/delegation/body");
      add("person", r.delegation.leader, "/delegation/leader");
      addDocuments(r.documents);
      break;
    }
    case "meeting": {
      const r = record as RecordOf["meeting"];
      add("visit", r.visit, "/visit");
      r.participants.forEach((p, i) => {
        add("person", p.person, `/participants/${i}/person`);
        add("body", p.body, `/participants/${i}/body`);
      });
      r.topics?.forEach((t, i) => add("topic", t, `/topics/${i}`));
      r.quotes?.forEach((q, i) => {
        add("person", q.speaker, `/quotes/${i}/speaker`);
        add("document", q.document, `/quotes/${i}/document`);
      });
      addDocuments(r.documents);
      break;
    }
    case "document":
      break;
  }
  return refs;
}
