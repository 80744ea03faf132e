import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { METADATA_LIMIT, READ_LIMIT, readRegularFile, readRegularTextOrNull, sourceFromFolder } from "../verify/file-source.js";
import { checkArchives, compareArchives } from "../verify/check-archives.js";
import { ProblemSink } from "../verify/verify-problem.js";
import path from "node:path";
import { parseDescriptor, tableOfResource, type Descriptor } from "../verify/descriptor-schema.js";
import { decode, parseJsonRows, type JsonRow } from "../verify/json-rows.js";
import { archiveFileName, CHANGELOG_FILE, CHECKSUMS_FILE, CITATION_FILE, DESCRIPTOR_FILE } from "../verify/package-files.js";

/** A published release folder, as the site shows and serves it. */
export interface SiteRelease {
  version: string;
  folder: string;
  descriptor: Descriptor;
  /** CITATION.cff's date-released, or "" when it gives none. */
  date: string;
  changelog: string;
  citation: string;
  /** Every file of the folder, relative, with its size and sha256 (taken here, and equal to SHA256SUMS's). */
  files: { path: string; bytes: number; sha256: string }[];
  archive: { path: string; bytes: number; sha256: string } | null;
}

/** The site's input was not as a release folder is: one plain line, exit 1. */
export class SiteInputError extends Error {}

const SEMVER = /^(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?$/;

/** Order of two semantic versions (pre-releases before their release). */
export function compareVersions(a: string, b: string): number {
  const pa = SEMVER.exec(a)!;
  const pb = SEMVER.exec(b)!;
  for (let i = 1; i <= 3; i++) if (Number(pa[i]) !== Number(pb[i])) return Number(pa[i]) - Number(pb[i]);
  if (pa[4] === pb[4]) return 0;
  if (pa[4] === undefined) return 1;
  if (pb[4] === undefined) return -1;
  return pa[4] < pb[4] ? -1 : 1;
}

/** Every release folder (named by a version, holding a descriptor) of dist-data/, oldest first. */
export async function readReleases(distData: string): Promise<SiteRelease[]> {
  const entries = await readdir(distData, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    throw new SiteInputError(`${distData}: ${error.code === "ENOENT" ? "no such folder" : error.message}`);
  });
  const versions = entries.filter((e) => e.isDirectory() && SEMVER.test(e.name) && !SEMVER.exec(e.name)![4]).map((e) => e.name);
  const releases: SiteRelease[] = [];
  for (const version of versions.sort(compareVersions)) {
    const folder = path.join(distData, version);
    const descriptorText = await readRegularTextOrNull(path.join(folder, DESCRIPTOR_FILE), METADATA_LIMIT);
    if (descriptorText === null) continue;
    const parsed = parseDescriptor(descriptorText);
    if (!parsed.ok) throw new SiteInputError(`${path.join(folder, DESCRIPTOR_FILE)}: ${parsed.problems[0]}`);
    const citation = ((await readRegularTextOrNull(path.join(folder, CITATION_FILE), METADATA_LIMIT)) ?? "");
    const sumsText = await readRegularTextOrNull(path.join(folder, CHECKSUMS_FILE), METADATA_LIMIT);
    const sums = new Map(
      (sumsText ?? "")
        .split("\n")
        .map((l) => /^([0-9a-f]{64}) [ *](.+)$/.exec(l))
        .filter((m): m is RegExpExecArray => m !== null)
        .map((m) => [m[2]!, m[1]!]),
    );
    // The site serves these files and shows their hashes: each is hashed, and held to SHA256SUMS,
    // so that a release changed since it was published is not served as if it were intact.
    const files: SiteRelease["files"] = [];
    const listed = await listFiles(folder);
    const changed = (why: string) => new SiteInputError(`${folder}: ${why}; the release was changed since it was published: run \`parlex verify ${folder}\` (nothing was written)`);
    if (sumsText === null) throw changed(`it has no ${CHECKSUMS_FILE} (or not a regular file of it)`);
    // The one archive a release has, named after the package and version; SHA256SUMS covers the rest.
    const archiveName = archiveFileName(parsed.descriptor.name ?? "", version);
    for (const relative of listed) {
      const full = path.join(folder, relative);
      const sha256 = await sha256File(full);
      const sealed = sums.get(relative);
      if (sealed === undefined && relative !== CHECKSUMS_FILE && relative !== archiveName) throw changed(`${relative} is not in its ${CHECKSUMS_FILE}`);
      if (sealed !== undefined && sealed !== sha256) throw changed(`${relative} has sha256 ${sha256}, not the ${sealed} its ${CHECKSUMS_FILE} gives`);
      files.push({ path: relative, bytes: (await stat(full)).size, sha256 });
    }
    const absent = [...sums.keys()].find((file) => !listed.includes(file));
    if (absent !== undefined) throw changed(`${absent}, in its ${CHECKSUMS_FILE}, is not there`);
    // The archive holds exactly the folder's files, as `verify` holds it.
    const facts = new Map(files.map((f) => [f.path, { bytes: f.bytes, sha256: f.sha256 }]));
    const archives = await compareArchives(sourceFromFolder(folder, folder), listed, facts);
    const sink = new ProblemSink();
    checkArchives(archives, listed, sink);
    const wrong = sink.finish()[0];
    if (wrong !== undefined) throw changed(`${wrong.file}: ${wrong.message}`);
    releases.push({
      version,
      folder,
      descriptor: parsed.descriptor,
      date: /^date-released:\s*"?(\d{4}-\d{2}-\d{2})"?\s*$/m.exec(citation)?.[1] ?? "",
      changelog: (await readRegularTextOrNull(path.join(folder, CHANGELOG_FILE), METADATA_LIMIT)) ?? "",
      citation,
      files,
      archive: files.find((f) => f.path === archiveName) ?? null,
    });
  }
  return releases;
}

/** A release's tables, read from its JSON files. */
export async function readTables(release: SiteRelease): Promise<Map<string, JsonRow[]>> {
  const tables = new Map<string, JsonRow[]>();
  for (const resource of release.descriptor.resources) {
    if (resource.format !== "json" || !resource.schema) continue;
    const file = path.join(release.folder, resource.path);
    const read = await readRegularFile(file, READ_LIMIT);
    if ("problem" in read) throw new SiteInputError(`${file}: ${read.problem}`);
    const rows = parseJsonRows(decode(read.bytes));
    if (typeof rows === "string") throw new SiteInputError(`${file}: ${rows}`);
    tables.set(tableOfResource(resource), rows);
  }
  return tables;
}

async function listFiles(folder: string, prefix = ""): Promise<string[]> {
  const out: string[] = [];
  for (const entry of (await readdir(path.join(folder, prefix), { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await listFiles(folder, relative)));
    else if (entry.isFile()) out.push(relative);
  }
  return out;
}

function sha256File(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash("sha256");
    createReadStream(file)
      .on("data", (chunk) => hash.update(chunk))
      .on("end", () => resolve(hash.digest("hex")))
      .on("error", reject);
  });
}
