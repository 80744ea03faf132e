import { Worker } from "node:worker_threads";
import { checkArchives, compareArchives } from "./check-archives.js";
import { compareFormats } from "./compare-formats.js";
import { checkChecksums, checkResourceFiles, factsOfFiles } from "./check-files.js";
import { parseDescriptor, type Resource } from "./descriptor-schema.js";
import { METADATA_LIMIT, type FileSource } from "./file-source.js";
import { parseManifest } from "./manifest.js";
import { decode } from "./json-rows.js";
import { CHECKSUMS_FILE, DESCRIPTOR_FILE, MANIFEST_FILE } from "./package-files.js";
import { ProblemSink, type VerifyProblem } from "./verify-problem.js";
import { tableOfResource } from "./row-digest.js";
import { VALUE_READERS } from "./value-readers.js";
import { runVerifyTask, type TaskOutcome, type VerifyTask } from "./verify-tables.js";

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
 * Schema (types, constraints, primary key), every foreign key, every format of a table against
 * its CSV file (the same values); in a folder, the archive against
 * the folder. Problems are returned as data, never thrown.
 */
export async function verifyPackage(source: FileSource, options: { fromArchive: boolean; parallelBytes?: number }): Promise<VerifyReport> {
  const sink = new ProblemSink();
  const files = await source.list();
  const text = async (file: string) => {
    const bytes = await source.read(file, undefined, METADATA_LIMIT);
    const why = bytes === undefined ? source.refused(file) : undefined;
    if (why !== undefined) sink.add({ code: "file/unreadable", file, message: `not read: ${why}` });
    return bytes === undefined ? undefined : decode(bytes);
  };
  // The descriptor first: the table checks it sets out need nothing else, so on a large release
  // in a folder they start in worker threads at once.
  const descriptorText = await text(DESCRIPTOR_FILE);
  const parsed = descriptorText === undefined ? null : parseDescriptor(descriptorText);
  const descriptor = parsed?.ok ? parsed.descriptor : null;
  const tabular = descriptor ? descriptor.resources.filter((r) => r.schema && (r.format === "csv" || r.format === "json")) : [];
  // A JSON table with a CSV twin is read for its values' digest alone: equal to the checked CSV's,
  // its values are the CSV's, and pass every check the CSV's passed (below, it is checked in full
  // when they are not, or when anything else is amiss).
  const twins = jsonTwins(tabular);
  const checked = tabular.filter((r) => !twins.includes(r));
  const groups: VerifyTask[] = linkedGroups(checked).map((resources) => ({ resources }));
  if (twins.length > 0) groups.push({ resources: [], others: twins.map((r) => ({ resource: r, fields: r.schema!.fields, twin: true })) });
  // The other formats of each table (Arrow, Parquet…), read for their values alone, a task per format.
  const schemas = new Map(tabular.map((r) => [r.name, r.schema!.fields]));
  const byFormat = new Map<string, NonNullable<VerifyTask["others"]>>();
  for (const r of descriptor?.resources ?? []) {
    const format = r.format?.toLowerCase();
    const fields = format !== undefined && format in VALUE_READERS && !r.schema ? schemas.get(tableOfResource(r)) : undefined;
    if (!fields) continue;
    if (!byFormat.has(format!)) byFormat.set(format!, []);
    byFormat.get(format!)!.push({ resource: r, fields });
  }
  for (const others of byFormat.values()) groups.push({ resources: [], others });
  const declaredBytes = tabular.reduce((sum, r) => sum + (r.bytes ?? 0), 0);
  const inParallel = source.folder !== undefined && declaredBytes >= (options.parallelBytes ?? PARALLEL_BYTES) && groups.length > 1;
  const tableOutcomes = inParallel ? inWorkers(source.folder!, source.label, groups) : inSequence(groups, source);
  // Awaited only once this thread's own part is done: a failure meanwhile is not unhandled.
  tableOutcomes.catch(() => undefined);

  // Meanwhile, every file is hashed here, and every archive's every entry compared with the
  // folder's file (the table checks leave this thread most of its time).
  const facts = factsOfFiles(source, files);
  for (const file of files) if (!facts.has(file)) sink.add({ code: "file/unreadable", file, message: "listed in the folder, but cannot be read" });
  const archives = options.fromArchive ? [] : await compareArchives(source, files, facts);
  const outcomes = await tableOutcomes;

  const whatIs = (file: string) => source.whatIs?.(file);
  checkChecksums(await text(CHECKSUMS_FILE), facts, sink, whatIs);
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
  if (descriptor) checkResourceFiles(descriptor, facts, sink, whatIs);

  let tables = 0;
  let rows = 0;
  // The JSON twins are checked in full when their values may not be the checked CSV's: one
  // differs from its CSV twin or could not be read for its digest, or any table has a problem.
  let checkedOutcomes = outcomes;
  if (twins.length > 0 && !twinsVouched(twins, outcomes)) {
    const full = linkedGroups(twins).map((resources) => ({ resources }));
    const fullOutcomes = inParallel ? await inWorkers(source.folder!, source.label, full) : await inSequence(full, source);
    const twinFiles = new Set(twins.map((r) => r.path));
    checkedOutcomes = [...outcomes.map((o) => ({ ...o, digests: o.digests.filter((d) => !twinFiles.has(d.file)) })), ...fullOutcomes];
  } else {
    // Each twin vouched for counts as a table checked, with its rows.
    for (const d of outcomes.flatMap((o) => o.digests)) if (twins.some((r) => r.path === d.file)) (tables++, (rows += d.rows));
  }
  for (const outcome of checkedOutcomes) {
    sink.merge(outcome.sink);
    tables += outcome.tables;
    rows += outcome.rows;
  }
  compareFormats(checkedOutcomes.flatMap((o) => o.digests), sink);
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

/**
 * The JSON tables that may be vouched for by their CSV twins: all of them, when each has a CSV
 * table of the same schema (its foreign keys naming the twins of the CSV's targets); otherwise
 * none, and every JSON table is checked in full.
 */
function jsonTwins(tabular: readonly Resource[]): Resource[] {
  const csv = new Map(tabular.filter((r) => r.format === "csv").map((r) => [r.name, r]));
  const json = tabular.filter((r) => r.format === "json");
  const schemaOf = (r: Resource) =>
    JSON.stringify({ ...r.schema!, foreignKeys: r.schema!.foreignKeys.map((fk) => ({ ...fk, reference: { ...fk.reference, resource: tableOfResource({ name: fk.reference.resource ?? r.name, format: r.format }) } })) });
  // Each foreign key must point at a JSON table of this package, as the CSV twin's points at a CSV one.
  const jsonNames = new Set(json.map((r) => r.name));
  const all = json.every((r) => {
    const twin = csv.get(tableOfResource(r));
    const targetsHere = r.schema!.foreignKeys.every((fk) => fk.reference.resource === undefined || jsonNames.has(fk.reference.resource));
    return twin !== undefined && targetsHere && schemaOf(twin) === schemaOf(r);
  });
  return all ? json : [];
}

/**
 * Whether every JSON twin's digest was taken and equals its CSV twin's (same rows, same values),
 * and no table check found anything: then the twins hold checked values.
 */
function twinsVouched(twins: readonly Resource[], outcomes: readonly TaskOutcome[]): boolean {
  if (outcomes.some((o) => o.sink.problems.length > 0)) return false;
  const digests = outcomes.flatMap((o) => o.digests);
  return twins.every((twin) => {
    const own = digests.find((d) => d.file === twin.path);
    const csv = digests.find((d) => d.table === tableOfResource(twin) && d.format === "csv");
    return own !== undefined && csv !== undefined && own.rows === csv.rows && own.digest === csv.digest;
  });
}

/** Below this many bytes in all, a release is verified in one thread: workers cost more than they save. */
const PARALLEL_BYTES = 32 * 1024 * 1024;

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

