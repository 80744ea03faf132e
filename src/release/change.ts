import type { JsonCell } from "../verify/json-rows.js";
import type { Level } from "./semver.js";

/** What kind of difference a change is; each kind has one fixed level, or a level by direction. */
export type ChangeKind =
  | "package-renamed"
  | "metadata-changed"
  | "resource-added"
  | "resource-removed"
  | "resource-format-changed"
  | "file-changed"
  | "helper-changed"
  | "table-added"
  | "table-removed"
  | "table-described"
  | "field-added"
  | "field-removed"
  | "field-retyped"
  | "fields-reordered"
  | "field-described"
  | "field-changed"
  | "constraint-tightened"
  | "constraint-loosened"
  | "constraint-changed"
  | "constraint-restated"
  | "category-order-changed"
  | "primary-key-changed"
  | "foreign-key-added"
  | "foreign-key-removed"
  | "missing-values-changed"
  | "rows-added"
  | "rows-removed"
  | "rows-changed";

/** One difference between two packages, with the semver level it requires and a sentence naming it. */
export interface Change {
  level: Level;
  kind: ChangeKind;
  table?: string;
  field?: string;
  /** What changed for a user of the data, in plain words: one sentence, Markdown code spans for names. */
  summary: string;
  /** The technical detail: the change as the descriptors or rows show it. */
  message: string;
  before?: unknown;
  after?: unknown;
  /** For a constraint changed: a value it accepted before and refuses now, when one was found. */
  refused?: string;
  /** For a constraint changed: a value it accepts now and refused before, when one was found. */
  accepted?: string;
}

/** A row, named by its primary key: `id` joins the key's values with " / ". */
export interface RecordRef {
  id: string;
  key: Record<string, JsonCell>;
}

/** One field of a row whose value differs. */
export interface FieldChange {
  field: string;
  before: JsonCell;
  after: JsonCell;
}

/** A row present in both packages whose values differ, field by field. */
export interface ChangedRecord extends RecordRef {
  fields: FieldChange[];
}

/** The record-level changes of one table. */
export interface TableRecords {
  table: string;
  primaryKey: string[];
  added: RecordRef[];
  removed: RecordRef[];
  changed: ChangedRecord[];
}

/** The whole difference between a release and a newer package. */
export interface PackageDiff {
  /** The version compared against, or null when there is no release yet. */
  before: string | null;
  /** Schema-level changes, then one summary change per table with record-level changes. */
  changes: Change[];
  /** Record-level changes of each table that has any, in table order. */
  records: TableRecords[];
  /** Rows per table in the newer package, in table order. */
  rows: Record<string, number>;
}
