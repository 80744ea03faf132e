/** A published column's logical type: maps to a Frictionless field type and an Arrow type. */
export type FieldType = "string" | "date" | "integer" | "boolean";

/** One value of a published row. Dates are `YYYY-MM-DD` strings; null is a missing value. */
export type Cell = string | number | boolean | null;

/** One published row, keyed by column name. */
export type Row = Record<string, Cell>;

/** One column of a published table. */
export interface FieldDef {
  name: string;
  type: FieldType;
  /** One sentence for the data dictionary and the Table Schema. */
  description: string;
  /** A value is always present. Primary-key fields are required implicitly. */
  required?: boolean;
  /** The values allowed, in their natural order (published as Table Schema `categories`; Arrow and Parquet store them as a dictionary). */
  categories?: readonly string[];
  /** A regular expression every value matches (XML Schema flavour, anchored). */
  pattern?: string;
  minimum?: number;
}

/** A foreign key: these columns name a row of another table (or of this one). */
export interface ForeignKeyDef {
  fields: readonly string[];
  reference: { table: string; fields: readonly string[] };
}

/** One published table. */
export interface TableDef {
  name: string;
  title: string;
  description: string;
  fields: readonly FieldDef[];
  primaryKey: readonly string[];
  foreignKeys: readonly ForeignKeyDef[];
}

/** Rows of every table, by table name, each sorted by primary key. */
export type Tables = Record<string, Row[]>;
