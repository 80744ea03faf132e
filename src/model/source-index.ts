import type { Body } from "../types/body.js";
import type { Document } from "../types/document.js";
import type { Meeting } from "../types/meeting.js";
import type { Person } from "../types/person.js";
import type { Topic } from "../types/topic.js";
import type { Visit } from "../types/visit.js";
import type { Kind, LoadedFile } from "./source-file.js";

/** A record that passed its schema, with the file it came from. */
export interface Entry<T> {
  file: string;
  record: T;
  yearFolder?: string;
}

/** The record type of each kind, as generated from the schemas. */
export interface RecordOf {
  document: Document;
  person: Person;
  body: Body;
  topic: Topic;
  visit: Visit;
  meeting: Meeting;
}

/** Checked records by kind and id: what the meaning checks and normalization read. */
export type SourceIndex = { [K in Kind]: Map<string, Entry<RecordOf[K]>> };

/** An empty index. */
export function emptyIndex(): SourceIndex {
  return { document: new Map(), person: new Map(), body: new Map(), topic: new Map(), visit: new Map(), meeting: new Map() };
}

/** Put a shape-checked file into the index (the first file with an id wins). */
export function addToIndex(index: SourceIndex, file: LoadedFile): void {
  const record = file.record as { id: string };
  const map = index[file.kind] as Map<string, Entry<unknown>>;
  if (map.has(record.id)) return;
  const entry: Entry<unknown> = { file: file.file, record };
  if (file.yearFolder) entry.yearFolder = file.yearFolder;
  map.set(record.id, entry);
}
