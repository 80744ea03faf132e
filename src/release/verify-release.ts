import { Worker } from "node:worker_threads";
import { checkArchives, compareArchives } from "./check-archives.js";
import { checkChecksums, checkResourceFiles, factsOfFiles, type FileFacts } from "./check-files.js";
import { sha256Hex } from "./checksums.js";
import { checkForeignKeys } from "./check-foreign-keys.js";
import { checkTable, indexName, type ForeignValues, type KeyIndex, type TableCheck } from "./check-table.js";
import { parseDescriptor, type Resource } from "./descriptor-schema.js";
import type { FileSource } from "./file-source.js";
import { parseManifest } from "./manifest.js";
import { decode } from "./read-package.js";
import { ReadAgain, readCsvTable, readJsonTable } from "./read-raw-table.js";
import { CHECKSUMS_FILE, DESCRIPTOR_FILE, MANIFEST_FILE } from "./release-files.js";
import { ProblemSink, type SinkContents, type VerifyProblem } from "./verify-problem.js";

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
export async function verifyRelease(source: FileSource, options: { fromArchive: boolean; parallelBytes?: number }): Promise<VerifyReport> {
  const sink = new ProblemSink();
  const files = await source.list();
  const text = async (file: string) => {
    const bytes = await source.read(file);
    return bytes === undefined ? undefined : decode(bytes);
  };
  // The descriptor first: the table checks it sets out need nothing else, so on a large release
  // in a folder they start in worker threads at once.
  const descriptorText = await text(DESCRIPTOR_FILE);
  const parsed = descriptorText === undefined ? null : parseDescriptor(descriptorText);
  const descriptor = parsed?.ok ? parsed.descriptor : null;
  const tabular = descriptor ? descriptor.resources.filter((r) => r.schema && (r.format === "csv" || r.format === "json")) : [];
  const groups: VerifyTask[] = linkedGroups(tabular).map((resources) => ({ resources }));
  const declaredBytes = tabular.reduce((sum, r) => sum + (r.bytes ?? 0), 0);
  const inParallel = source.folder !== undefined && declaredBytes >= (options.parallelBytes ?? PARALLEL_BYTES) && groups.length > 1;
  const tableOutcomes = inParallel ? inWorkers(source.folder!, source.label, groups) : inSequence(groups, source);
  // Awaited only once this thread's own part is done: a failure meanwhile is not unhandled.
  tableOutcomes.catch(() => undefined);

  // Meanwhile: every file the table checks do not read is hashed here, and every archive's every
  // entry is compared with the folder's file. A table check hashes the files it reads.
  const readByTables = new Set(groups.flatMap((g) => g.resources.map((r) => r.path)));
  const hashedHere = factsOfFiles(source, files.filter((f) => !readByTables.has(f)));
  const archives = options.fromArchive ? [] : await compareArchives(source, files);
  const outcomes = await tableOutcomes;
  const hashedByTables = new Map(outcomes.flatMap((o) => o.facts));
  // In the listing's order; a file a table check could not read after all is read here.
  const facts: FileFacts = new Map();
  for (const file of files) {
    const fact = hashedHere.get(file) ?? hashedByTables.get(file) ?? factsOfFiles(source, [file]).get(file);
    if (fact) facts.set(file, fact);
    else sink.add({ code: "file/unreadable", file, message: "listed in the folder, but cannot be read" });
  }

  checkChecksums(await text(CHECKSUMS_FILE), facts, sink);
  if (!parsed) sink.add({ code: "descriptor/missing", file: DESCRIPTOR_FILE, message: "no datapackage.json" });
  else if (!parsed.ok) for (const p of parsed.problems) sink.add({ code: "descriptor/invalid", file: DESCRIPTOR_FILE, message: p });

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
  if (descriptor) checkResourceFiles(descriptor, facts, sink);

  let tables = 0;
  let rows = 0;
  for (const outcome of outcomes) {
    sink.merge(outcome.sink);
    tables += outcome.tables;
    rows += outcome.rows;
  }
  checkArchives(archives, files, sink);
  const problems = sink.finish();
  return { target: source.label, ok: problems.length === 0, version: descriptor?.version ?? null, problems, files: files.length, tables, rows };
}

async function inSequence(tasks: readonly VerifyTask[], source: FileSource): Promise<TaskOutcome[]> {
  const outcomes: TaskOutcome[] = [];
  for (const task of tasks) outcomes.push(await runVerifyTask(task, source));
  return outcomes;
}

/**
 * Run each task in a worker thread of its own, which reads the files it needs from the folder.
 * The first failure stops every worker; it is held, not thrown, until the caller awaits.
 */
function inWorkers(folder: string, label: string, tasks: readonly VerifyTask[]): Promise<TaskOutcome[]> {
  const workers: Worker[] = [];
  const runs = tasks.map(
    (task) =>
      new Promise<TaskOutcome>((resolve, reject) => {
        const worker = new Worker(new URL("./verify-worker-entry.js", import.meta.url), { workerData: { folder, label, task } });
        workers.push(worker);
        worker.once("message", (outcome: TaskOutcome) => {
          void worker.terminate();
          resolve(outcome);
        });
        worker.once("error", reject);
        worker.once("exit", (code) => code !== 0 && code !== 1 && reject(new Error(`a verify worker stopped with code ${code}`)));
      }),
  );
  return Promise.all(runs).catch(async (error: unknown) => {
    await Promise.all(workers.map((w) => w.terminate()));
    throw error;
  });
}

/** Below this many bytes in all, a release is verified in one thread: workers cost more than they save. */
const PARALLEL_BYTES = 32 * 1024 * 1024;

/** A part of verification that needs nothing from the others: a group of linked tables. */
export interface VerifyTask {
  resources: Resource[];
}

/** What a task found, and the size and hash of each file it read. */
export interface TaskOutcome {
  sink: SinkContents;
  tables: number;
  rows: number;
  facts: [string, { bytes: number; sha256: string }][];
}

/** Run one task against a package's files (in whatever thread). */
export async function runVerifyTask(task: VerifyTask, source: FileSource): Promise<TaskOutcome> {
  const sink = new ProblemSink();
  const facts: FileFacts = new Map();
  const checked = await checkTables(task.resources, source, sink, facts);
  return { sink: sink.export(), ...checked, facts: [...facts] };
}

/**
 * Tables in groups that no foreign key crosses (here: the CSV tables, and the JSON tables), so
 * that each group can be checked on its own, in its own thread. Groups keep descriptor order.
 */
function linkedGroups(resources: readonly Resource[]): Resource[][] {
  const parent = new Map(resources.map((r) => [r.name, r.name]));
  const root = (name: string): string => {
    let n = name;
    while (parent.get(n) !== n) n = parent.get(n)!;
    return n;
  };
  for (const r of resources) {
    for (const fk of r.schema!.foreignKeys) {
      const target = fk.reference.resource ?? r.name;
      if (parent.has(target)) parent.set(root(target), root(r.name));
    }
  }
  const groups = new Map<string, Resource[]>();
  for (const r of resources) {
    const key = root(r.name);
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push(r);
  }
  return [...groups.values()];
}

async function checkTables(resources: readonly Resource[], source: FileSource, sink: ProblemSink, facts: FileFacts): Promise<{ tables: number; rows: number }> {
  const tabular = dependenciesFirst([...resources]);
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
    // Read (and hashed) first, whatever else happens: the caller leaves these files' hashes to this task.
    const bytes = await source.read(r.path);
    if (bytes !== undefined) facts.set(r.path, { bytes: bytes.length, sha256: sha256Hex(bytes) });
    const unusable = r.schema!.fields.find((f) => f.constraints?.pattern !== undefined && !isRegExp(f.constraints.pattern));
    if (unusable) {
      const message = `resource ${r.name}, field ${unusable.name}: the pattern ${JSON.stringify(unusable.constraints!.pattern)} is not a regular expression, so the table was not checked`;
      sink.add({ code: "descriptor/invalid", file: DESCRIPTOR_FILE, message });
      unread.add(r.name);
      continue;
    }
    const result = bytes === undefined ? undefined : checkTableFile(r, decode(bytes), wanted, known, sink);
    if (result === undefined) {
      unread.add(r.name);
      continue;
    }
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
 * Read and check one table file. Its problems are gathered apart and kept only once the table has
 * been read through: where the fast reader hands the file to the thorough one part way, the
 * table is checked again from its start. Undefined (with the problem reported) when the file is
 * not a table at all.
 */
function checkTableFile(r: Resource, text: string, wanted: ReadonlyMap<string, Map<string, string[]>>, known: ReadonlyMap<string, Set<string>>, sink: ProblemSink): TableCheck | undefined {
  const fields = r.schema!.fields.map((f) => f.name);
  let raw = r.format === "csv" ? readCsvTable(r.path, r, text) : readJsonTable(r.path, fields, text);
  for (;;) {
    if ("code" in raw) {
      sink.add(raw);
      return undefined;
    }
    const table = new ProblemSink();
    try {
      const result = checkTable(r.path, r, r.schema!, raw, [...(wanted.get(r.name)?.values() ?? [])], known, table);
      sink.merge(table.export());
      return result;
    } catch (error) {
      if (!(error instanceof ReadAgain)) throw error;
      raw = error.thorough();
    }
  }
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

/** Whether a Table Schema pattern compiles as the cell checks compile it. */
function isRegExp(pattern: string): boolean {
  try {
    new RegExp(`^(?:${pattern})$`, "u");
    return true;
  } catch {
    return false;
  }
}
