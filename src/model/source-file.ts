import type { UnplacedDiagnostic } from "./diagnostic.js";

/** The six kinds of source record, one folder each under sources/. */
export const KINDS = ["document", "person", "body", "topic", "visit", "meeting"] as const;
export type Kind = (typeof KINDS)[number];

/** The folder under sources/ that holds each kind. */
export const KIND_FOLDERS: Record<Kind, string> = {
  document: "documents",
  person: "people",
  body: "bodies",
  topic: "topics",
  visit: "visits",
  meeting: "meetings",
};

/** One parsed source file: its record as plain data (every scalar a string). */
export interface LoadedFile {
  /** Path as reported to the user (relative to the working directory). */
  file: string;
  kind: Kind;
  /** The file name without `.yaml`, which must equal the record's id. */
  stem: string;
  /** For meetings: the year folder the file sits in. */
  yearFolder?: string;
  /** The record, or undefined when the file could not be parsed. */
  record: unknown;
  /** Shape findings when already checked (by a worker or the cache); undefined: not yet checked. */
  shape?: UnplacedDiagnostic[];
}
