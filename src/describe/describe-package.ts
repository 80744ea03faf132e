import type { TableDef } from "../tables/field-types.js";
import type { TableWriter } from "../write/table-writer.js";
import { tableSchema } from "./table-schema.js";
import { packageMetadata } from "./package-metadata.js";

/** A written file of the package, with what the descriptor says of it. */
export interface WrittenFile {
  path: string;
  bytes: number;
  sha256: string;
}

/** A cited document, as the descriptor's `sources` lists it. */
export interface CitedSource {
  title: string;
  publisher: string | null;
  published: string | null;
  url: string | null;
}

/** What the descriptor needs besides the tables and their files. */
export interface PackageFacts {
  version: string;
  /** RFC 3339 date-time, derived from the sources (never the clock). */
  created: string;
  sources: readonly CitedSource[];
}

/** The resource name of a table in a given format: CSV keeps the table's name. */
export function resourceName(table: string, format: TableWriter["format"]): string {
  return format === "csv" ? table : `${table}-${format}`;
}

/** The path of a table's file in a given format, relative to the package folder. */
export function resourcePath(table: string, writer: TableWriter): string {
  return `${writer.format}/${table}.${writer.extension}`;
}

/**
 * The Data Package v2 descriptor: package metadata, then one resource per table and format.
 * CSV and JSON resources are tables with a Table Schema; Arrow resources are files (the reference
 * validator does not read Arrow as a table) that carry the same rows.
 */
export function describePackage(
  tables: readonly TableDef[],
  writers: readonly TableWriter[],
  files: ReadonlyMap<string, WrittenFile>,
  facts: PackageFacts,
): Record<string, unknown> {
  const resources: Record<string, unknown>[] = [];
  for (const writer of writers) {
    for (const table of tables) {
      const path = resourcePath(table.name, writer);
      const file = files.get(path);
      if (!file) throw new Error(`no file written for ${path}`);
      const tabular = writer.format !== "arrow";
      resources.push({
        name: resourceName(table.name, writer.format),
        ...(tabular ? { type: "table" } : {}),
        title: tabular ? table.title : `${table.title} (Arrow)`,
        description: tabular ? table.description : `${table.description} The same rows as ${resourceName(table.name, "csv")}, with Arrow types.`,
        path,
        format: writer.format,
        mediatype: writer.mediatype,
        ...(writer.encoding ? { encoding: writer.encoding } : {}),
        bytes: file.bytes,
        hash: `sha256:${file.sha256}`,
        ...(writer.format === "csv" ? { dialect: { header: true, delimiter: ",", lineTerminator: "\n", quoteChar: '"', doubleQuote: true } } : {}),
        ...(tabular ? { schema: tableSchema(table, (t) => resourceName(t, writer.format)) } : {}),
      });
    }
  }
  return {
    $schema: "https://datapackage.org/profiles/2.0/datapackage.json",
    ...packageMetadata(),
    version: facts.version,
    created: facts.created,
    sources: facts.sources.map(describeSource),
    resources,
  };
}

function describeSource(source: CitedSource): Record<string, unknown> {
  const about = [source.publisher, source.published].filter(Boolean).join(", ");
  return { title: about ? `${source.title} (${about})` : source.title, ...(source.url ? { path: source.url } : {}) };
}
