import path from "node:path";
import { resourcePath, type WrittenFile } from "../describe/describe-package.js";
import { meetingRow } from "../normalize/build-tables.js";
import { TABLES } from "../tables/table-definitions.js";
import type { Meeting } from "../types/meeting.js";
import type { StagedTreeCheck } from "../validate/check-source-tree.js";
import { createHash } from "node:crypto";
import { DESCRIPTOR, datedSources, descriptorBytes } from "../write/assemble-package.js";
import type { FolderFile } from "../write/write-folder-atomically.js";
import { WRITERS } from "../write/writers.js";
import { changedSince, readStanding, type LastBuild } from "./last-build.js";
import { patchTableFiles, type TableFileSet } from "./patch-table.js";

/** Beyond this many edited meetings, writing the package whole is as quick and simpler. */
const PATCH_LIMIT = 1000;

/** A package made by patching the last build's: its files, and the sizes and hashes of its table files. */
export interface PatchedPackage {
  files: Map<string, FolderFile>;
  written: WrittenFile[];
  /** How many meeting files changed since the last build (their rows patched in). */
  meetings: number;
}

/** The meetings table's files of the last build, by format. */
function meetingsPaths(): Record<keyof TableFileSet, string> {
  return Object.fromEntries(WRITERS.map((w) => [w.format, resourcePath("meetings", w)])) as Record<keyof TableFileSet, string>;
}

/**
 * Start reading the last build's meetings files, which a patch rewrites: begun before the tree is
 * checked, the reading (some 160 MB on a large tree, copied by the thread pool) is done by the time
 * a patch needs it. Undefined for a file that no longer stands as the record has it.
 */
export function readPatchable(last: LastBuild): Promise<Partial<TableFileSet>> {
  const paths = meetingsPaths();
  const formats = Object.keys(paths) as (keyof TableFileSet)[];
  return Promise.all(formats.map((format) => readStanding(last, paths[format]))).then((read) => Object.fromEntries(formats.map((format, i) => [format, read[i]])));
}

/**
 * The package, made from the last build's when no file's tree facts changed since (equal
 * fingerprints): then every table but meetings is as it was, and in meetings only the rows of
 * meetings whose free text changed (their title, summary, note or format; see tree-facts.ts)
 * differ. Those rows are made from the edited files' records and put in place of the old ones
 * (in the last build's meetings files, `standing`: see readPatchable); the other files are the
 * old folder's. `keys` are the files' keys, packed (see packKeys). Undefined when the package
 * must be built whole.
 */
export async function patchPackage(last: LastBuild, check: StagedTreeCheck, keys: Buffer, stamp: { version: string; date: string | undefined }, standing: Promise<Partial<TableFileSet>>): Promise<PatchedPackage | undefined> {
  if (check.fingerprint !== last.fingerprint) return undefined;
  const changed = changedSince(last, check.files, keys);
  // Files of other kinds whose bytes changed but not their facts hold the same records: their rows stand.
  const meetings = changed?.filter((f) => f.kind === "meeting");
  if (!meetings || meetings.length > PATCH_LIMIT) return undefined;
  const rows = [];
  for (const file of meetings) {
    const record = check.recordOf(file);
    if (record === undefined) return undefined;
    rows.push(meetingRow(record as Meeting));
  }
  const table = TABLES.find((t) => t.name === "meetings")!;
  const paths = meetingsPaths();
  const { csv, json, arrow, parquet } = await standing;
  if (!csv || !json || !arrow || !parquet) return undefined;
  const patched = patchTableFiles(table, { csv, json, arrow, parquet }, rows);
  if (!patched) return undefined;

  const files = new Map<string, FolderFile>();
  const written = new Map(last.written.map((w) => [w.path, w]));
  for (const { path: file } of last.files) if (file !== DESCRIPTOR) files.set(file, { sameAs: path.join(last.folder, file) });
  for (const format of Object.keys(paths) as (keyof TableFileSet)[]) {
    const pieces = patched[format];
    files.set(paths[format], pieces);
    const hash = createHash("sha256");
    for (const piece of pieces) hash.update(piece);
    written.set(paths[format], { path: paths[format], bytes: pieces.reduce((sum, p) => sum + p.length, 0), sha256: hash.digest("hex") });
  }
  files.set(DESCRIPTOR, descriptorBytes(written, datedSources(last.about, stamp.date), stamp.version));
  return { files, written: [...written.values()], meetings: meetings.length };
}

/** The sizes and hashes of a package's table files: hashes as its descriptor gives them, sizes from the files (JSON resources declare none). */
export function writtenOf(descriptor: Uint8Array, sizeOf: (file: string) => number): WrittenFile[] {
  const { resources } = JSON.parse(new TextDecoder().decode(descriptor)) as { resources: { path: string; hash: string }[] };
  return resources.map((r) => ({ path: r.path, bytes: sizeOf(r.path), sha256: r.hash.replace(/^sha256:/, "") }));
}

