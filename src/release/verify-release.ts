import { readArchiveBytes } from "./archive.js";
import { checkChecksums, checkResourceFiles, factsOfFiles } from "./check-files.js";
import { checkForeignKeys } from "./check-foreign-keys.js";
import { checkTable, indexName, type ForeignValues, type KeyIndex } from "./check-table.js";
import { parseDescriptor, type Descriptor, type Resource } from "./descriptor-schema.js";
import type { FileSource } from "./file-source.js";
import { parseManifest } from "./manifest.js";
import { decode } from "./read-package.js";
import { readCsvTable, readJsonTable } from "./read-raw-table.js";
import { CHECKSUMS_FILE, DESCRIPTOR_FILE, isArchiveFile, MANIFEST_FILE } from "./release-files.js";
import { ProblemSink, type VerifyProblem } from "./verify-problem.js";

/** What `parlex verify` found: intact or not, every problem, and how much was checked. */
export interface VerifyReport {
  target: string;
  ok: boolean;
  version: string | null;
  problems: VerifyProblem[];
  files: number;
  tables: number;
  rows: number;
}

/**
 * Verify a release (a folder, or an archive's files): every file against SHA256SUMS, every
 * resource against the descriptor's bytes and hash, the manifest, every table against its Table
 * Schema (types, constraints, primary key), every foreign key; in a folder, the archive against
 * the folder. Problems are returned as data, never thrown.
 */
export async function verifyRelease(source: FileSource, options: { fromArchive: boolean }): Promise<VerifyReport> {
  const sink = new ProblemSink();
  const files = await source.list();
  const facts = await factsOfFiles(source, files);
  const text = async (file: string) => {
    const bytes = await source.read(file);
    return bytes === undefined ? undefined : decode(bytes);
  };
  checkChecksums(await text(CHECKSUMS_FILE), facts, sink);

  const descriptorText = await text(DESCRIPTOR_FILE);
  const parsed = descriptorText === undefined ? null : parseDescriptor(descriptorText);
  if (!parsed) sink.add({ code: "descriptor/missing", file: DESCRIPTOR_FILE, message: "no datapackage.json" });
  else if (!parsed.ok) for (const p of parsed.problems) sink.add({ code: "descriptor/invalid", file: DESCRIPTOR_FILE, message: p });
  const descriptor = parsed?.ok ? parsed.descriptor : null;

  const manifestText = await text(MANIFEST_FILE);
  const manifest = manifestText === undefined ? null : parseManifest(manifestText);
  if (!manifest) sink.add({ code: "manifest/missing", file: MANIFEST_FILE, message: "no manifest.json" });
  else if (!manifest.ok) for (const p of manifest.problems) sink.add({ code: "manifest/invalid", file: MANIFEST_FILE, message: p });
  else if (descriptor && manifest.manifest.release !== descriptor.version) {
    sink.add({ code: "manifest/version", file: MANIFEST_FILE, message: `release ${manifest.manifest.release}, but the descriptor's version is ${descriptor.version ?? "(none)"}` });
  }
  if (manifest?.ok && !options.fromArchive && !facts.has(manifest.manifest.archive)) {
    sink.add({ code: "archive/missing", file: manifest.manifest.archive, message: "the archive the manifest names is absent" });
  }

  let tables = 0;
  let rows = 0;
  if (descriptor) {
    checkResourceFiles(descriptor, facts, sink);
    const checked = await checkTables(descriptor, source, sink);
    tables = checked.tables;
    rows = checked.rows;
  }
  if (!options.fromArchive) await checkArchives(source, files, sink);
  const problems = sink.finish();
  return { target: source.label, ok: problems.length === 0, version: descriptor?.version ?? null, problems, files: files.length, tables, rows };
}

async function checkTables(descriptor: Descriptor, source: FileSource, sink: ProblemSink): Promise<{ tables: number; rows: number }> {
  const tabular = dependenciesFirst(descriptor.resources.filter((r) => r.schema && (r.format === "csv" || r.format === "json")));
  const wanted = new Map<string, Map<string, string[]>>();
  for (const r of tabular) {
    for (const fk of r.schema!.foreignKeys) {
      const target = fk.reference.resource ?? r.name;
      if (!wanted.has(target)) wanted.set(target, new Map());
      wanted.get(target)!.set(indexName(target, fk.reference.fields), fk.reference.fields);
    }
  }
  const indexes: KeyIndex[] = [];
  const known = new Map<string, Set<string>>();
  const deferred: ForeignValues[] = [];
  const unread = new Set<string>();
  let rows = 0;
  for (const r of tabular) {
    const bytes = await source.read(r.path);
    const raw = bytes === undefined ? undefined : r.format === "csv" ? readCsvTable(r.path, r, decode(bytes)) : readJsonTable(r.path, r.schema!.fields.map((f) => f.name), decode(bytes), (p) => sink.add(p));
    if (raw === undefined || "code" in raw) {
      if (raw) sink.add(raw);
      unread.add(r.name);
      continue;
    }
    const result = checkTable(r.path, r, r.schema!, raw, [...(wanted.get(r.name)?.values() ?? [])], known, sink);
    for (const ix of result.indexes) known.set(indexName(ix.resource, ix.fields), ix.keys);
    indexes.push(...result.indexes);
    deferred.push(...result.deferred);
    rows += result.rows;
  }
  // A table that could not be read is already reported; keys pointing into it are not checked.
  checkForeignKeys(deferred.filter((f) => !unread.has(f.target.resource)), indexes, sink);
  return { tables: tabular.length - unread.size, rows };
}

/**
 * Resources ordered so that each comes after the ones its foreign keys point at (where no cycle
 * prevents it): their keys are then known while it is read, and its values need not be kept.
 */
function dependenciesFirst(resources: Resource[]): Resource[] {
  const byName = new Map(resources.map((r) => [r.name, r]));
  const done = new Set<string>();
  const visiting = new Set<string>();
  const ordered: Resource[] = [];
  const visit = (r: Resource) => {
    if (done.has(r.name) || visiting.has(r.name)) return;
    visiting.add(r.name);
    for (const fk of r.schema!.foreignKeys) {
      const target = byName.get(fk.reference.resource ?? r.name);
      if (target && target !== r) visit(target);
    }
    visiting.delete(r.name);
    done.add(r.name);
    ordered.push(r);
  };
  resources.forEach(visit);
  return ordered;
}

/** Each archive in the folder holds exactly the folder's other files, byte for byte. */
async function checkArchives(source: FileSource, files: readonly string[], sink: ProblemSink): Promise<void> {
  const others = files.filter((f) => !isArchiveFile(f));
  for (const archive of files.filter(isArchiveFile)) {
    const contents = await readArchiveBytes((await source.read(archive))!);
    for (const p of contents.problems) sink.add({ code: "archive/unreadable", file: archive, message: p });
    for (const file of others) {
      const inArchive = contents.files.get(file);
      if (!inArchive) sink.add({ code: "archive/missing-file", file: archive, message: `${file} is not in the archive` });
      else if (!sameBytes(inArchive, (await source.read(file))!)) sink.add({ code: "archive/mismatch", file: archive, message: `${file} differs from the archive's copy` });
    }
    for (const file of contents.files.keys()) {
      if (!others.includes(file)) sink.add({ code: "archive/extra-file", file: archive, message: `${file} is in the archive but not in the folder` });
    }
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
}
