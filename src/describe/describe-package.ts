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
  /** RFC 3339 date-time: when the package was made, as the build or release was told (never the clock); absent when it was not. */
  created?: string;
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
 * CSV and JSON resources are tables with a Table Schema; Arrow and Parquet resources are files
 * (the reference validator reads neither as a table) that carry the same rows.
 *
 * JSON resources give their `hash` but not their `bytes`: frictionless-py 5.19's JSON reader
 * bypasses its byte counter, so a declared size fails as `byte-count … actual is "None"` though it
 * is right. Leaving the size out is the least loss: the hash still pins the file (SHA256SUMS and
 * `parlex verify` check it, and so do readers that honour `hash`), and the JSON rows stay a table
 * the validator checks against its schema and foreign keys.
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
      const tabular = writer.format === "csv" || writer.format === "json";
      resources.push({
        name: resourceName(table.name, writer.format),
        ...(tabular ? { type: "table" } : {}),
        title: tabular ? table.title : `${table.title} (${BINARY_FORMAT[writer.format]})`,
        description: tabular ? table.description : `${table.description} The same rows as ${resourceName(table.name, "csv")}, with ${BINARY_FORMAT[writer.format]} types.`,
        path,
        format: DECLARED_FORMAT[writer.format] ?? writer.format,
        mediatype: writer.mediatype,
        ...(writer.encoding ? { encoding: writer.encoding } : {}),
        ...(writer.format === "json" ? {} : { bytes: file.bytes }),
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
    ...(facts.created !== undefined ? { created: facts.created } : {}),
    sources: facts.sources.map(describeSource),
    resources,
  };
}

/** How a resource's title names a binary format. */
const BINARY_FORMAT: Record<string, string> = { arrow: "Arrow", parquet: "Parquet" };

/**
 * The `format` a resource declares where it is not the writer's extension. frictionless-py 5.19
 * takes a resource of format `parquet` (or with no format and a .parquet path) for a table it can
 * only read with fastparquet, which Debian lacks, and fails it ("Please install
 * frictionless[parquet]"); `"type": "file"` would say so, but the v2 profile allows only
 * `"table"`. Declared by the format's name, `Parquet`, it is checked as a file (bytes and hash),
 * as Arrow is; the mediatype, application/vnd.apache.parquet, says exactly what it is.
 */
const DECLARED_FORMAT: Record<string, string> = { parquet: "Parquet" };

function describeSource(source: CitedSource): Record<string, unknown> {
  const about = [source.publisher, source.published].filter(Boolean).join(", ");
  return { title: about ? `${source.title} (${about})` : source.title, ...(source.url ? { path: source.url } : {}) };
}
