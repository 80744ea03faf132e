import { OUTPUT_MARK } from "../write/output-folder.js";
import { parseDescriptor, tableOfResource, type Descriptor, type Resource, type TableSchema } from "./descriptor-schema.js";
import type { FileSource } from "./file-source.js";
import { sha256Hex } from "../write/file-digest.js";
import { parseManifest, type Manifest } from "./manifest.js";
import { decode, parseJsonRows, type JsonRow } from "./json-rows.js";
import { DESCRIPTOR_FILE, isArchiveFile, MANIFEST_FILE, RELEASE_ONLY_FILES } from "./package-files.js";

/** A table of a package: its JSON resource, Table Schema and rows. */
export interface PackageTable {
  name: string;
  resource: Resource;
  schema: TableSchema;
  rows: JsonRow[];
}

/** What a diff compares of a package: the descriptor, its tables (read from JSON) and its helper files. */
export interface PackageSnapshot {
  label: string;
  descriptor: Descriptor;
  /** The build manifest, when the package is a release. */
  manifest: Manifest | null;
  tables: Map<string, PackageTable>;
  /** Files shipped beside the data (load.py, load.R), by path, as SHA-256. */
  helpers: Map<string, string>;
}

/** Read a package for diffing: descriptor and manifest checked with zod, every JSON table parsed. */
export async function readPackage(source: FileSource): Promise<{ ok: true; snapshot: PackageSnapshot } | { ok: false; problems: string[] }> {
  const problems: string[] = [];
  const descriptorBytes = await source.read(DESCRIPTOR_FILE);
  if (!descriptorBytes) return { ok: false, problems: [`${DESCRIPTOR_FILE}: missing`] };
  const parsed = parseDescriptor(decode(descriptorBytes));
  if (!parsed.ok) return { ok: false, problems: parsed.problems.map((p) => `${DESCRIPTOR_FILE}: ${p}`) };
  const descriptor = parsed.descriptor;

  let manifest: Manifest | null = null;
  const manifestBytes = await source.read(MANIFEST_FILE);
  if (manifestBytes) {
    const m = parseManifest(decode(manifestBytes));
    if (m.ok) manifest = m.manifest;
    else problems.push(...m.problems.map((p) => `${MANIFEST_FILE}: ${p}`));
  }

  const tables = new Map<string, PackageTable>();
  for (const resource of descriptor.resources) {
    if (resource.format !== "json" || !resource.schema) continue;
    const bytes = await source.read(resource.path);
    if (!bytes) {
      problems.push(`${resource.path}: missing (resource ${resource.name})`);
      continue;
    }
    const rows = parseJsonRows(decode(bytes));
    if (typeof rows === "string") problems.push(`${resource.path}: ${rows}`);
    else tables.set(tableOfResource(resource), { name: tableOfResource(resource), resource, schema: resource.schema, rows });
  }

  const described = new Set(descriptor.resources.map((r) => r.path));
  const helpers = new Map<string, string>();
  for (const file of await source.list()) {
    // The mark of a build's output folder is no part of the package (a release carries none).
    if (file === DESCRIPTOR_FILE || file === OUTPUT_MARK || described.has(file) || RELEASE_ONLY_FILES.has(file) || isArchiveFile(file)) continue;
    helpers.set(file, sha256Hex((await source.read(file))!));
  }
  if (problems.length) return { ok: false, problems };
  return { ok: true, snapshot: { label: source.label, descriptor, manifest, tables, helpers } };
}
